"""Description prose -> the JSON Schema constraints it states (`generator.dialects.prose`).

The phrases are real ones from Alibaba Cloud (English and Chinese) and Huawei Cloud reference
pages, written as the readers hand them over: inline markup removed, paragraphs separated by a
blank line, list items as "- " lines. Each positive case pins every fact the text gives, so a
rule that starts leaking facts into other sentences fails here too.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.dialects.prose import ProseFacts, read_facts
from tests.conftest import CORPUS, NO_CORPUS, SHARED

SEEDS = SHARED / "seeds"
ALIBABA_PAGES = sorted((CORPUS / "alibaba" / "pages" / "vpn").rglob("*.md"))
HUAWEI_PAGES = sorted((CORPUS / "huawei" / "pages").rglob("*.rst"))
SEED_PAGES = sorted(SEEDS.glob("*.txt"))

FIELDS = [f.name for f in dataclasses.fields(ProseFacts) if f.name != "evidence"]


def facts(text: str) -> dict:
    """The facts read from text, without evidence and without the ones left unset."""
    found = read_facts(text)
    return {name: getattr(found, name) for name in FIELDS
            if getattr(found, name) not in (None, ())}


def case(text: str, **expected):
    return pytest.param(text, expected, id=text[:60].replace("\n", "|"))


# --------------------------------------------------------------------------------------------
# Number ranges

RANGES = [
    case("The number of entries to return on each page. Valid values: 1 to 20.",
         minimum="1", maximum="20"),
    case("Valid values: 0 to 86400", minimum="0", maximum="86400"),
    case("The value ranges from 60 to 604800, in seconds.", minimum="60", maximum="604800"),
    case("- The value ranges from 1 to 4294967295.", minimum="1", maximum="4294967295"),
    case("Value range: 1–100", minimum="1", maximum="100"),
    case("Value range: 0-86400. Default value: 86400. Unit: seconds.",
         minimum="0", maximum="86400", default="86400"),
    case("Supported range: 60 to 604800", minimum="60", maximum="604800"),
    case("分页大小，取值范围：1~20，默认为10。", minimum="1", maximum="20", default="10"),
    case("取值范围为1~100", minimum="1", maximum="100"),
    case("取值范围：1～20", minimum="1", maximum="20"),
    case("取值范围为0~86400，单位为秒。", minimum="0", maximum="86400"),
    case("The number of entries to return on each page. Maximum value: 50. Default value: 10.",
         maximum="50", default="10"),
    case("分页查询时每页的行数，最大值为50，默认值为10。", maximum="50", default="10"),
    case("- The minimum value is 0.\n- The default value is 0.", minimum="0", default="0"),
    case("最小值为1。", minimum="1"),
    case("The netmask length of client IP pool must be greater than or equal to 16 and less "
         "than or equal to 29.", minimum="16", maximum="29"),
    case("The value must be between 1 and 1000.", minimum="1", maximum="1000"),
    case("取值在1~100之间。", minimum="1", maximum="100"),
    case("Valid values: 1 to 1,000.", minimum="1", maximum="1000"),
    case("Valid values: -1 to 100.", minimum="-1", maximum="100"),
    case("The ratio ranges from 0.5 to 1.5.", minimum="0.5", maximum="1.5"),
    case("Specifies the maximum number of resources to be queried.\n\n"
         "- If action is set to count, this parameter is not required.\n\n"
         "- If action is set to filter, the default value of limit is 1000.\n\n"
         "  Supported range: 1 to 1000", minimum="1", maximum="1000"),
    case("- Value range:\n\n  1-100", minimum="1", maximum="100"),
]

# --------------------------------------------------------------------------------------------
# Defaults

DEFAULTS = [
    case("The page number. Default value: 10", default="10"),
    case("The version of the IKE protocol. Default value: ikev2.", default="ikev2"),
    case("默认为10", default="10"),
    case("默认值：10", default="10"),
    case("IkeEncAlg：第一阶段协商的加密算法。默认值：aes。"),  # a sub-field's, not this one's
    case("第一阶段协商的加密算法。默认值为aes", default="aes"),
    case("SSL-VPN服务端所使用的端口，默认值为1194。", default="1194"),
    case("Specifies the route advertising mode. The default value is static.", default="static"),
    case("Specifies the route advertising mode. The default mode is static.", default="static"),
    case("Specifies the DPD timeout. The default timeout is 120 seconds.", default="120"),
    case("Specifies the IKE mode, which is main by default.", default="main"),
    case("Specifies the lifetime value of the SA, which is 3600 by default. "
         "The default unit is seconds.", default="3600"),
    case("- The default value is 0, indicating that the resource belongs to the default "
         "enterprise project.", default="0"),
    case("- Specifies an authentication algorithm.\n\n- Default value:\n\n  sha2-256",
         default="sha2-256"),
    case("- Default value: active-active", default="active-active"),
    case("Defaults to 30.", default="30"),
]

# --------------------------------------------------------------------------------------------
# String lengths

LENGTHS = [
    case("The name must be 1 to 100 characters in length.", min_length=1, max_length=100),
    case("The name must be 2 to 128 characters in length, and can contain digits, periods (.), "
         "underscores (_), and hyphens (-).", min_length=2, max_length=128),
    case("- The value is a string of 1 to 64 characters, which can contain digits, letters, "
         "underscores (_), hyphens (-), and periods (.).", min_length=1, max_length=64),
    case("- The value is a sting of 0 to 255 characters.", min_length=0, max_length=255),
    case("The key must be 1 to 100 characters", min_length=1, max_length=100),
    case("It must be 1 to 64 ASCII characters in length.", min_length=1, max_length=64),
    case("The token can only contain ASCII characters and cannot exceed 64 characters in length.",
         max_length=64),
    case("It can be at most 64 characters in length", max_length=64),
    case("The description can contain up to 255 characters.", max_length=255),
    case("- Can contain a maximum of 43 characters.", max_length=43),
    case("The tag value must be up to 128 characters in length.", max_length=128),
    case("长度为1~100个字符", min_length=1, max_length=100),
    case("长度为2~128个字符，必须以字母或中文开头。", min_length=2, max_length=128),
    case("长度为 2-256个字符", min_length=2, max_length=256),
    case("长度为2~100个英文或中文字符", min_length=2, max_length=100),
    case("不超过64个字符", max_length=64),
    case("由客户端生成该参数值，要保证在不同请求间唯一，最大值不超过 64 个 ASCII 字符。",
         max_length=64),
    case("ClientToken只支持ASCII字符，且不能超过64个字符。", max_length=64),
    case("最多支持128个字符", max_length=128),
    case("长度限制为100个字符。", max_length=100),
    case("长度不超过64。", max_length=64),
    case("长度范围为1~64。", min_length=1, max_length=64),
    case("The password must contain at least 8 characters.", min_length=8),
    case("The tag key cannot be an empty string. The tag key can be up to 64 characters.",
         min_length=1, max_length=64),
    case("一旦传入该值，则不允许为空字符串。最多支持64个字符", min_length=1, max_length=64),
    case("- The value is a UUID containing 36 characters.",
         min_length=36, max_length=36, formats=("uuid",)),
]

# --------------------------------------------------------------------------------------------
# Allowed values

ENUMS = [
    case("Specifies the IKE version. The value can be v1 or v2.", enum=("v1", "v2")),
    case("The value can be sm3, sha2-512, sha2-384, sha2-256, sha1, or md5.",
         enum=("sm3", "sha2-512", "sha2-384", "sha2-256", "sha1", "md5")),
    case("Specifies the transform protocol used, which can be esp, ah, or ah-esp. "
         "The default protocol is esp.", enum=("esp", "ah", "ah-esp"), default="esp"),
    case("The payment state of the VPN gateway.\n\nValid values: Normal and FinancialLocked.",
         enum=("Normal", "FinancialLocked")),
    case("The weight of the policy-based route. Valid values: 0 and 100.", enum=("0", "100")),
    case("The new weight. Valid values: 0|100.", enum=("0", "100")),
    case("The status of the VPN gateway. Valid values:\n\n- init\n- provisioning\n- active",
         enum=("init", "provisioning", "active")),
    case("Indicates whether IPsec-VPN negotiations are initiated immediately. Valid values:\n"
         "- true: immediately initiates IPsec-VPN negotiations after the configuration is "
         "complete.\n"
         "- false: initiates IPsec-VPN negotiations when inbound traffic is detected.",
         enum=("true", "false")),
    case("Indicates whether to delete a successfully negotiated IPsec-VPN tunnel. Valid values:\n"
         "\n- true: Negotiate immediately after the configuration is completed.\n"
         "- false (default): Negotiate when traffic is detected.",
         enum=("true", "false"), default="false"),
    case("- Specifies the negotiation mode.\n- Value range:\n"
         "  - main: ensures high security during negotiation.\n"
         "  - aggressive: ensures fast negotiation and a high negotiation success rate.",
         enum=("main", "aggressive")),
    case("- Specifies the connection mode.\n\n- Value range:\n\n  policy: policy-based mode\n\n"
         "  static: static routing mode\n\n  bgp: BGP routing mode\n\n"
         "- The default value is static.",
         enum=("policy", "static", "bgp"), default="static"),
    case("- Specifies an authentication algorithm.\n\n- Value range:\n\n"
         "  sha2-512, sha2-384, sha2-256, sha1, md5\n\n"
         "  Exercise caution when using sha1 and md5 as they have low security.\n\n"
         "- Default value:\n\n  sha2-256",
         enum=("sha2-512", "sha2-384", "sha2-256", "sha1", "md5"), default="sha2-256"),
    case("- Specifies the IKE version.\n\n- Value range:\n\n  v1 and v2\n\n"
         "- Default value:\n\n  v2",
         enum=("v1", "v2"), default="v2"),
    case("- Specifies the local ID type.\n- Value range:\n\n  - ip\n"
         "  - fqdn (currently not supported)\n\n- The default value is ip.",
         enum=("ip", "fqdn"), default="ip"),
    case("- Specifies the type of objects to be monitored.\n\n- Value range:\n\n"
         "  gateway: VPN gateway", enum=("gateway",)),
    case("- Specifies the format of DPD packets.\n\n- Value range:\n\n"
         "  seq-hash-notify: indicates that the payload of DPD packets is in the sequence of "
         "hash-notify.\n\n"
         "  seq-notify-hash: indicates that the payload of DPD packets is in the sequence of "
         "notify-hash.\n\n  The default value is seq-hash-notify.",
         enum=("seq-hash-notify", "seq-notify-hash"), default="seq-hash-notify"),
    case("- Specifies the HA mode of the gateway. The value can be active-active or "
         "active-standby.\n- Value range: active-active, active-standby\n"
         "- Default value: active-active",
         enum=("active-active", "active-standby"), default="active-active"),
    case("是否开启双因子认证。取值：\n\n- true：开启。\n- false（默认值）：不开启。",
         enum=("true", "false"), default="false"),
    case("SSL-VPN使用的加密算法，取值：\n\n- AES-128-CBC（默认值）：AES-128-CBC算法。\n"
         "- AES-192-CBC：AES-192-CBC算法。\n- none：不使用加密算法。",
         enum=("AES-128-CBC", "AES-192-CBC", "none"), default="AES-128-CBC"),
    case("是否开启IPsec-VPN功能，取值：\n\n- true(默认值)：开启。\n- false：不开启。",
         enum=("true", "false"), default="true"),
    case("要执行的操作。取值：ListIpsecServers。", enum=("ListIpsecServers",)),
    case("要执行的操作。\n\n取值： DeleteSslVpnServer。", enum=("DeleteSslVpnServer",)),
    case("The operation that you want to perform. Set the value to ListIpsecServers.",
         enum=("ListIpsecServers",)),
    case("The tunneling protocol. Valid value: Ipsec (IPsec tunneling protocol ).",
         enum=("Ipsec",)),
    case("隧道协议，取值：Ipsec（IPsec隧道协议）。", enum=("Ipsec",)),
    case("IkeVersion的取值：ikev1或ikev2，默认值：ikev1。", enum=("ikev1", "ikev2"),
         default="ikev1"),
    case("取值：aes|aes192|aes256|des|3des", enum=("aes", "aes192", "aes256", "des", "3des")),
    case("取值：main（主模式）|aggressive（野蛮模式）", enum=("main", "aggressive")),
    case("允许同时连接的最大客户端数量，取值：5、10或20。", enum=("5", "10", "20")),
    case("返回消息的格式。取值： JSON（默认值）| XML", enum=("JSON", "XML"), default="JSON"),
    case("VPN网关的计费方式。仅取值：PREPAY，包年包月。", enum=("PREPAY",)),
    case("是否开启预共享密钥认证方式。仅取值为true，表示开启预共享密钥认证方式。", enum=("true",)),
    case("签名算法版本，取值： 1.0", enum=("1.0",)),
    case("- Specifies the EIP version.\n- The value can only be 4, indicating IPv4 address.",
         enum=("4",)),
    case("- Specifies the IP protocol version of the VPN gateway.\n- The value is ipv4.",
         enum=("ipv4",)),
    case("Specifies the operation identifier.\n\nThe identifier can be create or delete.",
         enum=("create", "delete")),
    case("Specifies the API version status. Possible values are as follows:\n\n"
         "- CURRENT\n- STABLE\n- DEPRECATED", enum=("CURRENT", "STABLE", "DEPRECATED")),
    # A list of `value: meaning` items is the allowed values even without an introduction,
    # also when a paragraph interrupts it.
    case("客户端证书的状态。\n\n- expiring-soon：证书将在1周后过期。\n- normal：正常。\n"
         "- expired：已过期。", enum=("expiring-soon", "normal", "expired")),
    case("Indicates whether dead peer detection (DPD) is enabled.\n\n"
         "- true: The DPD feature is enabled.\n\n"
         "The IPsec initiator sends DPD packets to verify the existence of IPsec peers.\n\n"
         "- false: The DPD feature is disabled.", enum=("true", "false")),
    case("IPsec连接是否立即生效。\n\n- true：配置完成后立即进行协商。\n"
         "- false（默认值）：当有流量进入时进行协商。", enum=("true", "false"), default="false"),
    # A value list followed by the rest of the sentence: the words after the last value are
    # not a value, and they do not spoil the list.
    case("Valid values: v1 and v2. The version can also be set to v3 or v4 in some regions.",
         enum=("v1", "v2", "v3", "v4")),
    case("Valid values: PrePaid and PostPaid for subscription and pay-as-you-go instances.",
         enum=("PrePaid", "PostPaid")),
    case("Valid values: true or false only when the gateway is active.",),
    case("Valid values: off, on and auto.", enum=("off", "on", "auto")),
]

# --------------------------------------------------------------------------------------------
# Forbidden prefixes, item counts, formats

PREFIXES = [
    case("It cannot start with http:// or https://.", forbidden_prefixes=("http://", "https://")),
    case("The description must start with a letter but cannot start with http:// or https://.",
         forbidden_prefixes=("http://", "https://")),
    case("不能以http://或https://开头", forbidden_prefixes=("http://", "https://")),
    case("但不能以http:// 或https://开头。", forbidden_prefixes=("http://", "https://")),
    case("It can contain digits, periods (.), underscores (_), and hyphens (-). It cannot start "
         "with aliyun or acs:. It cannot contain http:// or https://.",
         forbidden_prefixes=("aliyun", "acs:")),
    case("不能以aliyun和acs:开头，不能包含http://或者https://。",
         forbidden_prefixes=("aliyun", "acs:")),
    case("The name cannot start with -.", forbidden_prefixes=("-",)),
]

ITEMS = [
    case("The ID of the IPsec server. Valid values of N: 1 to 20.", min_items=1, max_items=20),
    case("The ID of resource N. Valid values of N: 1 to 20.", min_items=1, max_items=20),
    case("资源ID，N的取值范围为1~20。", min_items=1, max_items=20),
    case("N的取值范围：1~20", min_items=1, max_items=20),
    case("Each tag key corresponds to one tag value. You can specify up to 20 tag values in each "
         "call.", max_items=20),
    case("You can specify at most 20 tag keys in each call.", max_items=20),
    case("- A maximum of 50 customer subnets can be configured for each VPN connection.",
         max_items=50),
    case("A maximum of five policy rules can be specified.", max_items=5),
    case("- Up to 10 keys are supported.", max_items=10),
    case("最多支持20个", max_items=20),
    case("最多可指定20个标签。", max_items=20),
    case("资源的标签键。N的取值范围：1~20。一旦传入该值，则不允许为空字符串。最多支持64个字符，"
         "必须以字母或中文开头，可包含数字、英文句点（.）、下划线（_）和短划线（-），"
         "不能以aliyun和acs:开头，不能包含http://或者https://。",
         min_items=1, max_items=20, min_length=1, max_length=64,
         forbidden_prefixes=("aliyun", "acs:")),
    case("The value of tag N. Valid values of N: 1 to 20. It can be an empty string. The tag "
         "value must be up to 128 characters in length, and start with a letter or Chinese "
         "character. It can contain digits, periods (.), underscores (_), and hyphens (-) and "
         "cannot start with aliyun or acs:. It cannot contain http:// or https://.",
         min_items=1, max_items=20, max_length=128, forbidden_prefixes=("aliyun", "acs:")),
]

FORMATS = [
    case("The time when the IPsec server was created.\n\n"
         "T is used as a delimiter. Z indicates that the time is in UTC.", formats=("date-time",)),
    case("The time in UTC. Format: yyyy-MM-ddTHH:mm:ssZ", formats=("date-time",)),
    case("- The UTC time format is yyyy-MM-ddTHH:mm:ss.SSSZ.", formats=("date-time",)),
    case("请求的时间戳。按照ISO8601标准表示，使用UTC时间，格式为YYYY-MM-DDThh:mm:ssZ。"
         "例如，2013-01-10T12:00:00Z。", formats=("date-time",)),
    case("IPsec服务端创建时间。\n\nT表示分隔符，Z表示的是UTC，即世界标准时间。",
         formats=("date-time",)),
    case("The timestamp of the request. Specify the time in the ISO 8601 standard in the "
         "YYYY-MM-DDThh:mm:ssZ format. The time must be in UTC.", formats=("date-time",)),
    case("The version number of the API. Format: YYYY-MM-DD. Set the value to 2016-04-28",
         enum=("2016-04-28",), formats=("date",)),
    case("- The value is a UUID containing 36 characters or an IPv4 address in dotted decimal "
         "notation (for example, 192.168.45.7).", formats=("uuid", "ipv4")),
    case("- The value is an IPv4 address, for example, 88.*.*.11.", formats=("ipv4",)),
    case("The value must be a valid IPv6 address.", formats=("ipv6",)),
    case("Specifies valid CIDR blocks of a tenant.\n\nThe format is <net_address > / < prefix >.",
         formats=("cidr",)),
    case("The value is an IPv4 CIDR block.", formats=("cidr",)),
]


@pytest.mark.parametrize(("text", "expected"),
                         RANGES + DEFAULTS + LENGTHS + ENUMS + PREFIXES + ITEMS + FORMATS)
def test_states(text, expected):
    assert facts(text) == expected


# --------------------------------------------------------------------------------------------
# Sentences that must not produce a fact

NOTHING = [
    "",
    "   \n\n  ",
    "The ID of the region where the IPsec server is created.",
    "You can call the DescribeRegions operation to query the most recent region list.",
    "By default, this parameter is empty.",
    "Specifies resource details. This parameter is reserved for extension and is left empty by "
    "default.",
    "If there is no resource name, the parameter is an empty string by default.",
    "- By default, the value is the same as the value of vpc_id.",
    "The ID of the customer gateway. By default, it is the IP address of the customer gateway. "
    "Both FQDN and IP formats are supported.",
    "VPN网关的名称，默认值为VPN网关的ID。",
    "本端ID，支持FQDN和IP格式，默认为当前选取的VPN网关IP地址。",
    "对端标识符。支持FQDN和IP地址格式，默认为空。",
    "用于VPN网关与客户端之间的身份认证。默认情况下会随机生成一个16位的随机字符串。",
    # "Valid values:" followed by sentences, not values.
    "The pagination token. Valid values:\n\n"
    "- If this is your first request and no next requests are to be performed, you do not need "
    "to specify this parameter.\n"
    "- You must specify the token that is obtained from the previous query as the value of "
    "NextToken.",
    "查询凭证（Token），取值为上一次API调用返回的NextToken参数值。如果没有下一个查询，请不传该参数。",
    # A truncated page: no clean token after "start with".
    "It cannot start with Each tag key …",
    "The name must start with a letter.",
    "It cannot start with a digit or a hyphen.",
    "不能以数字开头。",
    # Item counts are not value ranges, value ranges with gaps are not ranges.
    "购买时长，取值：1~9、12、24、或36。单位：月。",
    # A single stray bullet is not a list of allowed values.
    "The status.\n\n- ready",
    # One item that reads like a phrase drops the whole list.
    "- Specifies upgrade information.\n\n- Value range:\n\n  ready\n\n  expiring soon\n\n"
    "  unready",
    "- Value range: allocatable IP addresses in the access subnet",
    # Conditions and examples.
    "- When id_type is set to ip, the value is an IPv4 address in dotted decimal notation.",
    "When local_id_type is set to ip, this parameter is optional. If it is set, the value must "
    "be an IPv4 address.",
    "- If action is set to filter, the default value is 0.",
    "For a VPN gateway in active-active mode, the value of ha_role can only be master.",
    "(Optional) Query parameter. For example, ?limit=10 indicates that a maximum of 10 data "
    "records can be queried.",
    "The value cannot be greater than 1000 when flavor is set to Professional2.",
    # Alternatives that no format names: neither the format nor the length holds alone.
    "- The value is a UUID (36 characters) or 0.",
    # Words where a value would be.
    "It can be an empty string.",
    "The tag value can be empty.",
    "This parameter can be left empty.",
    "The value must be unique among different requests.",
    "The value can be used in the next request to retrieve a new page of results.",
    "The parameter can be ignored.",
    "Specifies the maximum number of VPN connections supported for the VPN gateway.",
    "Basic: The maximum forwarding bandwidth is 100 Mbit/s.",
    "The start time of the log. Only second-level Unix timestamps are supported.",
    "The time is in YYYY-mm-dd HH:MM:SS.ffffff format.",
    "Separate multiple CIDR blocks with commas (,). For example, 192.168.1.0/24, 192.168.2.0/24.",
    "Specifies a source CIDR block.",
    # Per-element statements describe the items of a list, not the parameter.
    "Each value can contain a maximum of 255 Unicode characters.",
    "Each key can have a maximum of 10 tag values.",
    # The unit of a value is not its default.
    "Specifies the lifecycle unit. The default unit is seconds.",
    # Sub-fields of a JSON document parameter: their constraints are theirs.
    "第一阶段协商的配置信息：\n\n"
    "- Psk：用于身份认证。长度限制为100个字符。\n"
    "- IkeVersion：IKE协议的版本。取值：ikev1或ikev2，默认值：ikev1。\n"
    "- IkeEncAlg：第一阶段协商的加密算法。\n"
    "  - 为普通型VPN网关创建IPsec连接时，该参数取值：aes、aes192，默认值：aes。\n"
    "  - 为国密型VPN网关创建IPsec连接时，该参数默认值：sm4。\n"
    "- IkeLifetime：第一阶段协商出的SA的生存周期。取值范围为0~86400，单位为秒，默认值：86400。",
    "第二阶段协商的配置信息：\n\n"
    "- IpsecConfig.IpsecEncAlg：第二阶段协商的加密算法，取值：aes|aes192，默认值：aes。\n"
    "- IpsecConfig. IpsecLifetime：第二阶段协商出的SA的生存周期。取值范围为0~86400。",
    "The configuration of phase-one negotiation:\n\n"
    "- IkeConfig.IkeLifetime: The SA lifecycle. Value range: 0-86400. Default value: 86400.\n"
    "- IkeConfig.LocalIdIPsec: This parameter can contain up to 100 characters.",
    "健康检查配置信息：\n\n- enable：是否开启健康检查，取值：true或false，默认值：false。\n"
    "- dip：健康检查的目的IP地址。\n- sip：健康检查的源IP地址。",
    "The health check configuration.\n\n- dip: the destination IP address.\n"
    "- sip: the source IP address.",
    "- Can contain only the following character types:\n\n  - Uppercase letters\n"
    "  - Lowercase letters\n  - Digits",
    # Values listed, but the page says the list is elsewhere: the list is not closed.
    "- Specifies the EIP type.\n\n- The value can be 5_bgp (dynamic BGP).\n\n"
    "  For the value range, see the type field in \"Assigning an EIP\".",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:60].replace("\n", "|") for t in NOTHING])
def test_states_nothing(text):
    assert read_facts(text) == ProseFacts()


def test_the_page_order_and_no_duplicates():
    found = read_facts("The value can be v2, v1, or v3.\n\n- Value range: v1, v2, v3, v4")
    assert found.enum == ("v2", "v1", "v3", "v4")


def test_conflicting_statements_are_dropped():
    # Two defaults that differ: the page contradicts itself, so neither is kept.
    assert read_facts("Default value: 10. The default value is 20.").default is None
    assert read_facts("Default value: 10. The default value is 10.").default == "10"
    # A weaker reading ("cannot be an empty string") gives way to an explicit length.
    assert read_facts("It cannot be an empty string. It must be 2 to 8 characters.").min_length == 2


def test_evidence_names_each_fact_and_quotes_its_sentence():
    text = ("The name of the IPsec server.\n\n"
            "The name must be 1 to 100 characters in length and cannot start with http:// or "
            "https://. Valid values: 1 to 20. Default value: 10.")
    found = read_facts(text)
    names = [name for name, _ in found.evidence]
    assert names == ["minimum", "maximum", "min_length", "max_length", "default",
                     "forbidden_prefixes"]
    flat = " ".join(text.split())
    for name, sentence in found.evidence:
        assert sentence and sentence in flat, name
    assert dict(found.evidence)["default"] == "Default value: 10."


def test_facts_are_immutable_and_hashable():
    found = read_facts("Valid values:\n- true: on\n- false (default): off")
    assert isinstance(found.enum, tuple) and isinstance(found.evidence, tuple)
    assert all(isinstance(pair, tuple) for pair in found.evidence)
    hash(found)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.default = "true"  # type: ignore[misc]
    assert read_facts("Nothing to see.") == ProseFacts()


# Pieces of real phrasing, shuffled and glued with noise: whatever comes out, it is a
# ProseFacts whose values are well-formed.
FRAGMENTS = st.sampled_from([
    "Valid values:", "Value range:", "Default value:", "取值：", "默认值为", "- ", "  - ", "\n",
    "\n\n", ": ", "：", "（默认值）", " (default)", "1 to 20", "1~20", "v1", " or ", "、", ", ",
    "characters", "个字符", "cannot start with ", "不能以", "开头", "http://", "UUID", "N",
    "Valid values of N: ", "yyyy-MM-ddTHH:mm:ssZ", "The value can be ", ".", "。", "If ",
    "A maximum of 5 tags can be specified", "最多支持", "(", ")", "|",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40))
def test_any_text_reads(pieces):
    found = read_facts("".join(pieces))
    assert isinstance(found, ProseFacts)
    assert all(isinstance(value, str) and value and " " not in value for value in found.enum)
    for name in ("min_length", "max_length", "min_items", "max_items"):
        assert getattr(found, name) is None or isinstance(getattr(found, name), int)
    stated = {name for name in FIELDS if getattr(found, name) not in (None, ())}
    assert {name for name, _ in found.evidence} == stated


# --------------------------------------------------------------------------------------------
# Cost: hostile input must not make the patterns backtrack

M = 1_000_000
ADVERSARIAL = {
    "spaces": " " * M,
    "one token": "x" * M,
    "digits": "1" * M,
    "digit ranges": "1 to " * (M // 5),
    "dots": ". " * (M // 2),
    "colons": ":" * M,
    "intro phrases": "Valid values: " * (M // 14),
    "intro lines": "Valid values:\n" * (M // 14),
    "long list": "Valid values: " + "a, " * (M // 3),
    "long chinese list": "取值：" + "a、" * (M // 2),
    "unclosed annotations": "Valid values: " + "a(" * (M // 2),
    "default markers": "a（默认值）" * (M // 6),
    "default tail": "Default value: " + "a" * M,
    "prefix phrases": "cannot start with " * (M // 18),
    "chinese prefix phrases": "不能以" * (M // 3),
    "length phrases": "长度为" * (M // 3),
    "gapped ranges": "1~2、" * (M // 4),
    "format patterns": "yyyy-MM-dd" * (M // 10),
    "alternatives": "The value is a UUID or " * (M // 23),
    "item phrase": "A maximum of 5 " + "word " * (M // 5),
    "bullets": "- a\n" * (M // 4),
    "key items": "- k: v\n" * (M // 7),
    "staircase": "".join("  " * (i % 400) + "- Valid values:\n" for i in range(M // 400)),
    "deep staircase": "".join("  " * i + "- Value range:\n" for i in range(1500)),
    "nested keys": "".join("  " * (i % 50) + f"- k{i}: v\n" for i in range(M // 60)),
    "intro and values": "Valid values:\n\n  x: y\n\n" * (M // 20),
    "dense facts": ("Valid values: 1 to 20. Default value: 10. The name must be 1 to 64 "
                    "characters and cannot start with http:// or https://. The value is a UUID. "
                    ) * (M // 140),
    "dense chinese facts": ("取值范围：1~20，默认值：10。长度为1~64个字符，"
                            "不能以http://开头。") * (M // 40),
    "distinct values": "".join(f"Valid values: v{i}a, v{i}b, v{i}c. " for i in range(M // 40)),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_is_cheap(name):
    text = ADVERSARIAL[name]
    assert len(text) >= M * 0.9
    assert isinstance(read_facts(text), ProseFacts), name
    # How long each takes (quadratic would be minutes) is benchmarks/bench_hostile.py's to print.


# --------------------------------------------------------------------------------------------
# The whole corpus: every description cell reads without error and in bounded time


def markdown_descriptions(text: str) -> list[str]:
    """The last cell of each pipe-table row (rows may span lines), crudely cleaned the way the
    markdown reader cleans cells."""
    cells: list[str] = []
    row: list[str] | None = None
    for line in text.split("\n"):
        if row is None:
            if not line.startswith("|") or line.startswith("|--"):
                continue
            row = [line]
        else:
            row.append(line)
        if len(row) == 1 and not (line.rstrip().endswith("|") and line.count("|") > 2):
            continue
        if row[-1].rstrip().endswith("|"):
            parts = re.split(r"(?<!\\)\|", "\n".join(row).strip())
            row = None
            if len(parts) >= 3:
                cell = parts[-2].replace("\\|", "|").replace("\\*", "*").replace("\\_", "_")
                cell = re.sub(r"\*\*(.*?)\*\*", r"\1", cell)
                cell = re.sub(r"`([^`]*)`", r"\1", cell)
                cells.append(re.sub(r"(?m)^(\s*)-\s+", r"\1- ", cell).strip())
    return cells


def grid_descriptions(text: str) -> list[str]:
    """The last column of each grid-table row, crudely cleaned the way the rst reader cleans
    cells (roles and bold removed, list items as "- " lines)."""
    cells: list[str] = []
    bounds: list[int] = []
    lines: list[str] | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"\+(?:[-=]+\+)+", stripped):
            if lines and any(part.strip() for part in lines):
                cells.append("\n".join(lines))
            indent = len(line) - len(line.lstrip())
            bounds = [indent + m.start() for m in re.finditer(r"\+", stripped)]
            lines = []
        elif lines is not None and stripped.startswith("|") and len(bounds) > 1:
            lines.append(line[bounds[-2] + 2:bounds[-1]].rstrip())
        else:
            lines = None
    out = []
    for cell in cells:
        cell = re.sub(r":ref:`([^<`]*?)\s*<[^>]*>`", r"\1", cell)
        cell = re.sub(r"\*\*([^*]*)\*\*", r"\1", cell)
        cell = re.sub(r"\*([^*\s][^*]*)\*", r"\1", cell)
        cell = re.sub(r"``([^`]*)``", r"\1", cell)
        cell = re.sub(r"(?m)^(\s*)-  ", r"\1- ", cell)
        out.append(re.sub(r"(?m)^   ", "  ", cell).strip())
    return out


def paragraphs(text: str) -> list[str]:
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]


@pytest.mark.slow  # every description of the corpus: minutes
@pytest.mark.skipif(not ALIBABA_PAGES or not HUAWEI_PAGES,
                    reason=NO_CORPUS)
def test_every_corpus_description_reads():
    alibaba = [cell for page in ALIBABA_PAGES
               for cell in markdown_descriptions(page.read_text(encoding="utf-8"))]
    huawei = [cell for page in HUAWEI_PAGES
              for cell in grid_descriptions(page.read_text(encoding="utf-8"))]
    whole = [page.read_text(encoding="utf-8") for page in HUAWEI_PAGES + SEED_PAGES]
    rest = whole + [block for text in whole for block in paragraphs(text)]
    assert len(alibaba) > 1000 and len(huawei) > 1000  # the extraction found the cells
    results = {name: [read_facts(text) for text in texts]
               for name, texts in (("alibaba", alibaba), ("huawei", huawei), ("rest", rest))}
    assert all(isinstance(r, ProseFacts) for found in results.values() for r in found)

    # The corpus states plenty: a rule that stops firing altogether shows here.
    def how_many(name: str, fact: str) -> int:
        return sum(1 for r in results[name] if getattr(r, fact) not in (None, ()))

    assert how_many("alibaba", "enum") > 150
    assert how_many("alibaba", "default") > 60
    assert how_many("alibaba", "max_length") > 50
    assert how_many("alibaba", "forbidden_prefixes") > 25
    assert how_many("alibaba", "max_items") > 10
    assert how_many("huawei", "enum") > 100
    assert how_many("huawei", "minimum") > 30
    assert how_many("huawei", "formats") > 80
