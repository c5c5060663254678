"""What a table's columns mean, whatever language or vendor wrote the header.

Dialects classify tables by the roles of their columns (a table with a `required` column is a
request table, one with `code` and `status` an error table) rather than by exact header text,
so a new locale only adds words here.
"""

from __future__ import annotations

import re

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("parameter", "name", "field", "参数", "名称", "参数名", "参数名称", "字段",
             "parameter name",
             "attribute", "属性", "param", "key", "parameters"),
    "type": ("type", "类型", "data type", "参数类型"),
    "required": ("required", "mandatory", "是否必选", "必选", "是否必填", "必填", "是否必须",
                 "是否必需", "必需", "必须"),
    "description": ("description", "描述", "说明", "参数说明", "含义"),
    "example": ("example", "示例值", "示例", "example value", "sample value", "example values",
                "instance value"),
    "status": ("http status code", "httpcode", "http code", "http状态码", "状态码", "status code",
               "http status"),
    "code": ("error code", "错误码", "error codes", "code"),
    "message": ("error message", "错误信息", "message"),
    "date": ("change time", "变更时间", "date", "release date"),
    "summary": ("summary of changes", "变更内容概要", "change content", "变更内容"),
    "operation": ("operation", "操作"),
    "access": ("access level", "访问级别"),
    "location": ("位置", "参数位置", "position", "location", "parameter position", "in"),
}
_WORD_TO_ROLE = {word: role for role, words in ROLE_WORDS.items() for word in words}


def column_role(header_cell: str) -> str:
    """The role of one header cell, or '' when unknown."""
    key = re.sub(r"\s+", " ", header_cell.strip().lower()).strip(" ?？:：*")
    return _WORD_TO_ROLE.get(key, "")


def column_roles(header: tuple[str, ...]) -> dict[str, int]:
    """role -> column index, first column wins for a repeated role."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        role = column_role(cell)
        if role and role not in roles:
            roles[role] = index
    return roles


def table_kind(header: tuple[str, ...]) -> str:
    """`errors`, `request`, `fields` (a field table without a required column), `changes`,
    `authorization` or `other`."""
    roles = column_roles(header)
    if "code" in roles and ("status" in roles or "message" in roles):
        return "errors"
    if "access" in roles:
        return "authorization"
    if "date" in roles and "summary" in roles:
        return "changes"
    if "name" in roles and "type" in roles:
        return "request" if "required" in roles else "fields"
    if "name" in roles and "required" in roles and "description" in roles:
        return "request"  # URI tables often leave out the type: path parameters are strings
    return "other"


YES_WORDS = frozenset({"yes", "true", "是", "必选", "required", "mandatory", "y"})
NO_WORDS = frozenset({"no", "false", "否", "可选", "optional", "n"})


def read_required(cell: str) -> bool | None:
    """Yes/No in any language; None when the cell says neither."""
    word = cell.strip().lower().rstrip(".")
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None


_LOCATION_WORDS = {"path": "path", "query": "query", "host": "query", "header": "header",
                   "body": "body", "formdata": "body", "form": "body"}


def read_location(cell: str) -> str | None:
    """Where a parameter travels, from a Position column (`Path`, `Query`, `Body`, `FormData`,
    `Header`); None when the cell names no place on the wire."""
    return _LOCATION_WORDS.get(cell.strip().lower().replace(" ", ""))
