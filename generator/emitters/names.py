"""Type names for the schemas the outputs hoist out of a body: one rule for the models' classes
and the OpenAPI document's component schemas, so a client generated from either has the same
names (`ListIpsecServersResponseIpsecServer` for an item of the list `IpsecServers`)."""

from __future__ import annotations

import re
import unicodedata


def class_part(text: str) -> str:
    """`vpn_connections` -> `VpnConnections`, `IkeConfig` stays: ASCII letters and digits only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text)
    return "".join(w[:1].upper() + w[1:] for w in words)


_WORD = re.compile(r"[A-Z]?[a-z0-9]+$|[A-Z]+$")


def item_name(path: str) -> str:
    """The class name of a list's item: the list's name in the singular (`...NatGateways` ->
    `...NatGateway`, `...Policies` -> `...Policy`), or `<name>Item` when the name is not a plural
    the rule can undo (`...VpnConnection` -> `...VpnConnectionItem`, `...Dns` stays whole)."""
    word = _WORD.search(path)
    last = word.group(0) if word else ""
    if len(last) >= 4 and last[-1] == "s" and not last.endswith(("ss", "us", "is")):
        if last.endswith("ies"):
            return path[:-3] + "y"
        if last.endswith(("sses", "xes", "ches", "shes")):
            return path[:-2]
        return path[:-1]
    if last == "Ids":
        return path[:-1]
    return f"{path}Item"


def wrapped_list_name(short: str, wrapper: str, taken: set[str]) -> str:
    """The name of the list inside an XML-style wrapper (`AllUrlList: {UrlList: [...]}`), whose
    items are named after it: the inner name without the wrapper's segment (`...UrlList`, items
    `...UrlListItem`), unless another wrapper's items already took that name
    (`Url200List: {UrlList: [...]}` beside it): then the wrapper's own name, which is what
    tells the lists apart (`...Url200ListItem`), never a number (`...UrlListItem2`)."""
    return wrapper if item_name(short) in taken else short


def free_item_name(path: str, taken: set[str]) -> str:
    """`item_name`, unless another class already has that name (a named type `ResourceTag`
    beside the items of `Resource.tags`): then the list's own name with `Item`
    (`ResourceTagsItem`), which still says where the items are, rather than `ResourceTag2`."""
    name = item_name(path)
    if name in taken and not name.endswith("Item") and f"{path}Item" not in taken:
        return f"{path}Item"
    return name


def property_path(prefix: str, key: str, index: int, wrapper: str, taken: set[str]) -> str:
    """The path naming an object's property `key` (the `index`-th; `Field<n>` when the key has
    no ASCII letters or digits): `prefix` + the key, or for the list inside an XML-style
    wrapper whose own path is `wrapper`, what `wrapped_list_name` says."""
    path = prefix + (class_part(key) or f"Field{index + 1}")
    return wrapped_list_name(path, wrapper, taken) if wrapper else path
