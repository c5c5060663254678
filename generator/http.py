"""HTTP words every reader of requests needs: the methods (a tuple and a regex fragment) and a
path template's variables, so that request lines, sample requests, URI sections and routes
agree on what a method and a path variable are."""

from __future__ import annotations

import re

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
METHOD = "(?:" + "|".join(METHODS) + ")"
"""A method as a non-capturing regex group (wrap it in a group to capture it)."""
PATH_VARIABLE = re.compile(r"\{([^{}/]+)\}")
"""A path template's variable (`{project_id}`); group 1 is its name."""
PATH_TEXT = r"/(?:\{[^{}/?#\n]{1,120}\}|[^\s?#])*"
"""A request line's path as a regex: up to whitespace, `?` or `#`, except that a variable may
hold spaces (`{project id}`: `clean_template` makes it a name)."""

_NAME_JUNK = re.compile(r"[^\w.\-]+")


def clean_template(path: str) -> str:
    """`path` as a valid OpenAPI path template: `{{name}}` is `{name}`, a variable left open
    (`{project_id/things`) closes at its segment's end, a stray `}` and an empty `{}` are dropped,
    characters a template cannot hold in a name (`{project id}`, `{a:b}`) become `_`, a name used
    twice gets `_2`, and empty segments collapse. A valid template comes back unchanged."""
    used: dict[str, int] = {}
    segments = []
    for segment in path.split("/"):
        out, name, open_ = [], [], False
        for char in segment.replace("{{", "{").replace("}}", "}") + "\0":
            if char == "{" and not open_:
                open_, name = True, []
            elif (char == "}" or char == "\0") and open_:
                open_ = False
                text = _NAME_JUNK.sub("_", "".join(name)).strip("_")
                if text:
                    used[text] = used.get(text, 0) + 1
                    out.append("{" + (text if used[text] == 1 else f"{text}_{used[text]}") + "}")
            elif char in "{}\0":
                continue
            elif open_:
                name.append(char)
            else:
                out.append(char)
        segments.append("".join(out))
    cleaned = "/".join(segments)
    cleaned = re.sub(r"/{2,}", "/", cleaned)
    return cleaned if cleaned.startswith("/") else "/" + cleaned
