"""A new product under `specs/`: the commented `product.toml` that `docs2spec init` writes.

The manifest's fields are those `generator.manifest.read_manifest` reads; each is written with a
comment saying what it means and which values it takes, so a user can fill it in without the
reference. Values a user names are checked first (dialect, style, page format, folder names):
an unknown one is one error listing the valid ones, before anything is written.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError
from .location import SourceLoc
from .manifest import MANIFEST, PAGE_SUFFIXES, STYLES, check_name

_REST_VERSION = re.compile(r"(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+/(v\d+(?:\.\d+)?)/")


@dataclass(frozen=True, slots=True)
class Plan:
    """What `init` will write: the manifest text and the pages to copy (source, target)."""

    folder: Path
    manifest: str
    pages: tuple[tuple[Path, Path], ...]


def _choice(value: str | None, valid: tuple[str, ...], option: str) -> None:
    if value is not None and value not in valid:
        raise UsageError(f"unknown {option.lstrip('-')} {value!r}",
                         hint=f"{option} takes one of: {', '.join(valid)}")


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's for every character we write)."""
    return json.dumps(value, ensure_ascii=False)


def find_pages(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError("no such folder" if not folder.exists() else "not a folder",
                         SourceLoc(str(folder)), hint="--pages takes the folder of saved pages")
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in
                   PAGE_SUFFIXES)
    if not found:
        raise InputError("no pages found (looked for " + ", ".join(PAGE_SUFFIXES) + ")",
                         SourceLoc(str(folder)),
                         hint="save the vendor's API reference pages there first")
    return found


def stated_version(pages: list[Path]) -> str:
    """The version most pages state (a dated RPC `Version=` or a REST `/vN/` path), or ''."""
    from .dialects.version import stated_version as dated

    votes: dict[str, int] = {}
    for page in pages[:500]:
        text = page.read_bytes()[:2_000_000].decode("utf-8", errors="replace")
        found = dated(text) or next((m.group(1) for m in _REST_VERSION.finditer(text)), "")
        if found:
            votes[found] = votes.get(found, 0) + 1
    return max(sorted(votes), key=votes.__getitem__) if votes else ""


def plan(specs: Path, product: str, dialect: str, *, provider: str | None = None,
         style: str | None = None, title: str | None = None, version: str | None = None,
         form: str | None = None, pages: Path | None = None, copy: bool = True) -> Plan:
    """Check every value, then render the manifest; nothing is written here."""
    from . import dialects, sources

    _choice(dialect, dialects.NAMES, "--dialect")
    _choice(style, STYLES, "--style")
    _choice(form, sources.FORMS, "--form")
    conventions = next(d.conventions for d in dialects.DIALECTS if d.name == dialect)
    provider = provider or conventions.provider
    for value, option in ((provider, "--provider"), (product, "PRODUCT")):
        problem = check_name(value, option)
        if problem:
            raise UsageError(problem, hint=f"{option} names a folder of specs/ and the output")
    folder = specs / provider / product
    found = find_pages(pages) if pages is not None else []
    version = version or (stated_version(found) if found else "")
    if copy:
        pages_value = "pages"
        copies = tuple((page, folder / "pages" / page.relative_to(pages)) for page in found)
    else:
        inside = specs.resolve()
        if inside not in pages.resolve().parents:
            raise UsageError(f"{pages} is outside the specs folder {specs}",
                             hint="regen reads pages only inside it: drop --link to copy them")
        pages_value = Path(_relative(pages.resolve(), folder.resolve())).as_posix()
        copies = ()
    text = render(provider=provider, product=product, dialect=dialect,
                  style=style or conventions.default_style, default_style=conventions.default_style,
                  title=title or f"{provider} {product}", version=version, form=form,
                  pages=pages_value, where=("the pages `docs2spec init` copied" if copies else
                                            "the saved pages" if pages is not None else
                                            "save the vendor's pages there"))
    return Plan(folder, text, copies)


def _relative(target: Path, start: Path) -> str:
    import os

    return os.path.relpath(target, start)


def render(*, provider: str, product: str, dialect: str, style: str, default_style: str,
           title: str, version: str, form: str | None, pages: str, where: str) -> str:
    from . import dialects, sources

    version_line = (f"version = {_string(version)}" if version else
                    'version = "unknown"  # TODO: the pages do not state it; write it here')
    form_line = f"form = {_string(form)}" if form else f"# form = {_string(sources.FORMS[0])}"
    return f"""\
# The facts about one API that its reference pages do not state. `docs2spec regen` reads every
# specs/<provider>/<product>/{MANIFEST} and builds generated/<provider>/<product>/ (OpenAPI,
# JSON Schema, Pydantic models, report.json) from the pages beside it. Written by
# `docs2spec init`; edit freely, then run `docs2spec regen`.

# Folder names of the output: generated/<provider>/<product>/ (plain names: no slashes, no
# leading dot). The models import as generated.<provider>.<product>.models.
provider = {_string(provider)}
product = {_string(product)}

# The API's name in the OpenAPI document (info.title).
title = {_string(title)}

# The API version the pages document: a date for Alibaba RPC APIs (2016-04-28), the path prefix
# for REST APIs (v5).
{version_line}

# How a request names its operation: "rpc" (GET|POST https://<endpoint>/?Action=<Operation>&...)
# or "rest" (METHOD https://<endpoint>/<path>), one of: {", ".join(STYLES)}. Usual for {dialect}
# pages: "{default_style}" (Alibaba ROA products, whose pages show a "Request syntax" line, are
# "rest").
style = {_string(style)}

# The documentation style of the pages, one of: {", ".join(dialects.NAMES)}.
dialect = {_string(dialect)}

# The page format, only when detection gets it wrong, one of:
# {", ".join(sources.FORMS)}.
{form_line}

# The folder of pages, relative to this file ({where}). Pages are read as
# saved: HTML, Markdown, reStructuredText or text copied from a browser, in English or Chinese;
# overviews and common-parameter pages among them are recognised and skipped.
pages = {_string(pages)}

# Where the API answers (OpenAPI servers); {{name}} parts are variables with a default. Repeat
# the block for several endpoints.
# [[servers]]
# url = "https://service.{{region}}.example.com"
# description = "Regional endpoint"
# variables = {{ region = "region-1" }}
"""


def write(plan_: Plan, force: bool = False) -> None:
    """The manifest and the copied pages, in a temporary folder renamed into place at the end:
    a failure part-way leaves nothing behind. An existing manifest is kept unless `force`."""
    manifest = plan_.folder / MANIFEST
    if manifest.exists() and not force:
        raise UsageError(f"{manifest} already exists",
                         hint="edit it, or pass --force to write a new one over it")
    plan_.folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{plan_.folder.name}.init-",
                                    dir=plan_.folder.parent))
    try:
        (staging / MANIFEST).write_text(plan_.manifest, encoding="utf-8")
        for source, target in plan_.pages:
            copied = staging / target.relative_to(plan_.folder)
            copied.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copied)
        if not plan_.folder.exists():
            staging.rename(plan_.folder)  # the usual case: one atomic step
            return
        for item in sorted(staging.rglob("*"), key=lambda p: len(p.parts)):
            target = plan_.folder / item.relative_to(staging)
            if item.is_dir():
                target.mkdir(exist_ok=True)
            else:
                item.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
