"""Product manifests: the facts a product's pages do not state.

`specs/<provider>/<product>/product.toml` names the provider and product, the API version,
the calling style, servers, and optionally the reader form and dialect of its pages.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ManifestError
from .ir.model import Server
from .location import SourceLoc

MANIFEST = "product.toml"
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
    missing = [key for key in ("provider", "product", "version", "style") if not data.get(key)]
    if missing:
        raise ManifestError(f"manifest lacks {', '.join(missing)}", loc)
    if data["style"] not in STYLES:
        raise ManifestError(f"style must be one of {', '.join(STYLES)}, not {data['style']!r}", loc)
    servers = tuple(Server(str(s.get("url", "")), str(s.get("description", "")),
                           tuple(sorted((str(k), str(v)) for k, v in
                                        dict(s.get("variables", {})).items())))
                    for s in data.get("servers", []) if isinstance(s, dict) and s.get("url"))
    return Manifest(provider=str(data["provider"]), product=str(data["product"]),
                    title=str(data.get("title") or f"{data['provider']} {data['product']}"),
                    version=str(data["version"]), style=str(data["style"]), servers=servers,
                    dialect=data.get("dialect"), form=data.get("form"),
                    pages=str(data.get("pages", "pages")))
