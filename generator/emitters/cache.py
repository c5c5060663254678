"""A disk cache for text that is slow to make and fully determined by its inputs (models.py).

datamodel-code-generator is the largest share of a build, and its output depends only on the
JSON Schema document and the options docs2spec passes (and on the pinned versions of it and
ruff). A rebuild of unchanged pages, the usual case while a product is being set up or in CI
with a kept cache, reuses the text made last time. The key is a SHA-256 of every input and of
the versions, so a changed input or upgrade never reuses stale text; an entry is written to a
temporary file and renamed, so concurrent runs never read half an entry; any problem with the
cache (read-only home, full disk) means the text is simply made again.

Location: `$DOCS2SPEC_CACHE`, else `$XDG_CACHE_HOME/docs2spec`, else `~/.cache/docs2spec`;
`DOCS2SPEC_CACHE=off` turns it off. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FORMAT = "1"
"""Bumped when what a cached entry means changes."""


def folder() -> Path | None:
    setting = os.environ.get("DOCS2SPEC_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no", "false") else \
            Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docs2spec"


def cached_text(kind: str, parts: tuple[str, ...], make: Callable[[], str]) -> str:
    """`make()`, or the text it returned before for the same `parts`."""
    root = folder()
    if root is None:
        return make()
    digest = hashlib.sha256("\0".join((FORMAT, kind, *parts)).encode("utf-8",
                                                                      "surrogatepass"))
    path = root / kind / digest.hexdigest()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError:
        pass
    return text
