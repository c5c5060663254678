"""`docs2spec build`: any set of saved pages -> an output folder laid out like `generated/`.

No manifest is needed: pages are grouped by the dialect that reads them, and what a manifest
would say comes from the command line or, failing that, from the pages (`Version=` in Alibaba
request samples, `/v5/` in Huawei paths).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .errors import InputError
from .location import SourceLoc
from .manifest import Manifest
from .pipeline import PageResult, emit_products, process_pages, product_from_results
from .regen import PAGE_SUFFIXES, ProductBuild, all_files, write_tree

PROVIDERS = {"alibaba": "alibabacloud", "huawei": "huaweicloud"}
STYLES = {"alibaba": "rpc", "huawei": "rest"}
_RPC_VERSION = re.compile(r"[?&]Version=(\d{4}-\d{2}-\d{2})")
_REST_VERSION = re.compile(r"^/(v\d+(?:\.\d+)?)/")


def collect_pages(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files as given, folders searched recursively for page files; labels as the user wrote
    them so diagnostics point at paths they recognise."""
    pages: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in PAGE_SUFFIXES:
                    pages.append((found, found.as_posix()))
        elif path.is_file():
            pages.append((path, path.as_posix()))
        else:
            raise InputError("no such file or folder", SourceLoc(str(path)),
                             hint="give page files or folders of pages")
    if not pages:
        raise InputError("no pages found (looked for " + ", ".join(PAGE_SUFFIXES) + ")",
                         SourceLoc(" ".join(str(p) for p in paths)))
    return pages


def infer_version(results: list[PageResult], style: str) -> str:
    votes: Counter[str] = Counter()
    for result in results:
        extract = result.extract
        if extract is None:
            continue
        if style == "rest":
            match = _REST_VERSION.match(extract.path or "")
            if match:
                votes[match.group(1)] += 1
        for sample in extract.samples:
            match = _RPC_VERSION.search(sample.text[:2000])
            if match:
                votes[match.group(1)] += 1
    return votes.most_common(1)[0][0] if votes else "unknown"


def build_pages(paths: list[Path], out: Path, *, product: str | None = None,
                provider: str | None = None, version: str | None = None,
                form: str | None = None, dialect: str | None = None,
                write: bool = True) -> tuple[list[ProductBuild], int]:
    """Build, write atomically; returns the builds and the number of pages skipped as broken."""
    pages = collect_pages(paths)
    results = process_pages(pages, form, dialect)
    groups: dict[str, list[PageResult]] = {}
    for result in results:
        key = result.extract.dialect if result.extract else ""
        groups.setdefault(key, []).append(result)
    broken = [r for r in results if r.error and r.error.severity == "error"]
    if "" in groups:
        # Pages nothing could read are reported with the first product built.
        unread = groups.pop("")
        first = next(iter(groups), None)
        if first is None:
            groups["alibaba" if dialect != "huawei" else "huawei"] = unread
        else:
            groups[first].extend(unread)
    plans = []
    for name, group in sorted(groups.items()):
        style = STYLES.get(name, "rest")
        manifest = Manifest(provider=provider or PROVIDERS.get(name, name),
                            product=product or "api",
                            title=f"{provider or PROVIDERS.get(name, name)} {product or 'api'}",
                            version=version or infer_version(group, style), style=style)
        built = product_from_results(manifest, group, tuple(r.path for r in group))
        plans.append((manifest, built, group))
    emitted = emit_products([(built, group) for _, built, group in plans])
    builds = [ProductBuild(manifest, built, tuple(group),
                           {f"{manifest.provider}/{manifest.product}/{rel}": text
                            for rel, text in files.items()})
              for (manifest, built, group), files in zip(plans, emitted, strict=True)]
    if write:
        write_tree(all_files(builds), out)
    return builds, len(broken)
