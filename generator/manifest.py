"""Product manifests: the facts a product's pages do not state.

`specs/<provider>/<product>/product.toml` names the provider and product, the API version,
the calling style, servers, and optionally the reader form and dialect of its pages.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ManifestError
from .ir.model import Server
from .location import SourceLoc

MANIFEST = "product.toml"
PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm")
"""The files of a pages folder that are read as pages."""
STYLES = ("rpc", "rest")


@dataclass(frozen=True, slots=True)
class Manifest:
    provider: str
    product: str
    title: str
    version: str
    style: str
    servers: tuple[Server, ...] = ()
    dialect: str | None = None
    form: str | None = None
    pages: str = "pages"
    """Folder (relative to the manifest) holding the product's pages."""


def check_name(value: str, what: str) -> str | None:
    """Why `value` cannot name a provider or product folder, or None when it can.

    The names become folders of the output (`<out>/<provider>/<product>/`): a separator, `..`,
    a leading dot or a control character would write outside the output folder or hide it."""
    if not value.strip():
        return f"{what} is empty"
    if any(c in value for c in "/\\") or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return f"{what} {value!r} is not a plain folder name (no slashes or control characters)"
    if value.startswith("."):
        return f"{what} {value!r} must not start with a dot"
    return None


_SCALARS = (str, int, float, datetime.date, datetime.time)
"""TOML values `version` may be (`version = 2016-04-28` unquoted is a date: it means the text)."""


def read_manifest(path: Path) -> Manifest:
    loc = SourceLoc(str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError("product manifest missing", loc,
                            hint=f"create {MANIFEST} with provider, product, version, style") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"cannot read manifest: {exc}", loc) from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"manifest is not valid TOML: {exc}", loc) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ManifestError("manifest is not valid TOML: it nests too deeply", loc) from None
    missing = [key for key in ("provider", "product", "version", "style") if not data.get(key)]
    if missing:
        raise ManifestError(f"manifest lacks {', '.join(missing)}", loc)
    for key in ("provider", "product", "style", "title", "dialect", "form", "pages"):
        if key in data and not isinstance(data[key], str):
            raise ManifestError(f"{key} must be a string, not {_kind(data[key])}", loc)
    if isinstance(data["version"], bool) or not isinstance(data["version"], _SCALARS):
        raise ManifestError(f"version must be a string, not {_kind(data['version'])}", loc)
    for key in ("provider", "product"):
        problem = check_name(data[key], key)
        if problem:
            raise ManifestError(problem, loc)
    if data["style"] not in STYLES:
        raise ManifestError(f"style must be one of {', '.join(STYLES)}, not {data['style']!r}", loc)
    return Manifest(provider=data["provider"], product=data["product"],
                    title=data.get("title") or f"{data['provider']} {data['product']}",
                    version=str(data["version"]), style=data["style"],
                    servers=_servers(data.get("servers", []), loc),
                    dialect=data.get("dialect"), form=data.get("form"),
                    pages=data.get("pages", "pages"))


def _kind(value: object) -> str:
    return {dict: "a table", list: "an array", bool: "a boolean"}.get(type(value),
                                                                      type(value).__name__)


def _servers(value: object, loc: SourceLoc) -> tuple[Server, ...]:
    """`[[servers]]` tables: url, description, and a `variables` table of defaults."""
    if not isinstance(value, list) or not all(isinstance(s, dict) for s in value):
        raise ManifestError("servers must be an array of tables ([[servers]] with url = ...), "
                            f"not {_kind(value)}", loc)
    servers = []
    for server in value:
        variables = server.get("variables", {})
        if not isinstance(variables, dict):
            raise ManifestError(f"servers.variables must be a table (name = \"default\"), not "
                                f"{_kind(variables)}", loc)
        if not server.get("url"):
            continue
        servers.append(Server(str(server["url"]), str(server.get("description", "")),
                              tuple(sorted((str(k), str(v)) for k, v in variables.items()))))
    return tuple(servers)
