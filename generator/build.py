"""`docs2spec build`: any set of saved pages -> an output folder laid out like `generated/`.

No manifest is needed: pages are grouped by the dialect that reads them, and what a manifest
would say comes from the command line or, failing that, from the pages (`Version=` in Alibaba
request samples, `/v5/` in Huawei paths).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from .errors import InputError, UsageError
from .groups import page_groups, page_order
from .ir.conventions import Conventions
from .location import SourceLoc, path_label
from .manifest import Manifest, check_name
from .pipeline import (
    PageResult,
    emit_products,
    process_pages,
    product_from_results,
    with_groups,
)
from .progress import Progress
from .regen import (
    PAGE_SUFFIXES,
    ProductBuild,
    all_files,
    check_choices,
    check_output,
    write_tree,
)

_RPC_VERSION = re.compile(r"[?&]Version=(\d{4}-\d{2}-\d{2})")
_REST_VERSION = re.compile(r"^/(v\d+(?:\.\d+)?)/")


def collect_pages(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files as given, folders searched recursively for page files; labels as the user wrote
    them so diagnostics point at paths they recognise."""
    pages: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError("cannot read this folder (permission denied)",
                                 SourceLoc(str(path)), hint="check its permissions")
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in PAGE_SUFFIXES:
                    pages.append((found, path_label(found)))
        elif path.is_file():
            pages.append((path, path_label(path)))
        elif path.exists():
            raise InputError("not a regular file or folder", SourceLoc(str(path)),
                             hint="give page files or folders of pages")
        else:
            raise InputError("no such file or folder", SourceLoc(str(path)),
                             hint="give page files or folders of pages")
    if not pages:
        raise InputError("no pages found (looked for " + ", ".join(PAGE_SUFFIXES) + ")",
                         SourceLoc(" ".join(str(p) for p in paths)),
                         hint="give page files, or folders holding them")
    return pages


def _nothing_read(results: list[PageResult]) -> InputError:
    """No page gave anything to build: the first page's problem, as one error."""
    problems = [r.error for r in results if r.error is not None and r.error.severity == "error"]
    if not problems:
        return InputError(f"none of the {len(results)} page(s) is an API reference page (no "
                          "parameter table)", SourceLoc(results[0].path),
                          hint="give reference pages, or force a reader with --dialect")
    more = f" (and {len(problems) - 1} more page(s) that cannot be read)" if len(problems) > 1 \
        else ""
    return InputError(problems[0].message + more, problems[0].loc or SourceLoc(results[0].path))


def _style(results: list[PageResult], default: str) -> str:
    """The style most of the pages read as: an Alibaba product is RPC, or ROA (REST) when its
    pages state request lines; the validator matches requests by this."""
    votes = Counter(r.extract.style for r in results if r.extract is not None)
    return votes.most_common(1)[0][0] if votes else default


def infer_version(results: list[PageResult], style: str) -> str:
    votes: Counter[str] = Counter()
    for result in results:
        extract = result.extract
        if extract is None:
            continue
        if extract.version:
            votes[extract.version] += 1
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
                write: bool = True, progress: Progress | None = None,
                ) -> tuple[list[ProductBuild], int]:
    """Build, write atomically; returns the builds and the number of pages skipped as broken.

    Raises `InputError` when no page can be read at all (nothing is written then)."""
    check_choices(form, dialect)
    for value, option in ((product, "--product"), (provider, "--provider")):
        problem = check_name(value, option) if value is not None else None
        if problem:
            raise UsageError(problem, hint=f"{option} names a folder of the output")
    if write:
        check_output(out, paths)
    pages = collect_pages(paths)
    if progress is not None:
        progress.expect(len(pages))
    groups: dict[str, str] = {}
    order: dict[str, int] = {}
    for path in paths:
        if path.is_dir():
            groups.update(page_groups(path, pages))
            order.update({label: len(order) + rank for label, rank in
                          page_order(path, pages).items()})
    results = with_groups(process_pages(pages, form, dialect, progress), groups, order)
    if all(r.extract is None for r in results):
        raise _nothing_read(results)
    groups: dict[str, list[PageResult]] = {}
    conventions: dict[str, Conventions] = {}
    for result in results:
        key = result.extract.dialect if result.extract else ""
        groups.setdefault(key, []).append(result)
        if result.extract:
            conventions[key] = result.extract.conventions
    broken = [r for r in results if r.error and r.error.severity == "error"]
    if "" in groups:
        # Pages nothing could read are reported with the first product built (there is one:
        # a run where no page could be read has stopped above).
        unread = groups.pop("")
        groups[next(iter(groups))].extend(unread)
    plans = []
    for name, group in sorted(groups.items()):
        style = _style(group, conventions[name].default_style)
        owner = provider or conventions[name].provider
        manifest = Manifest(provider=owner, product=product or "api",
                            title=f"{owner} {product or 'api'}",
                            version=version or infer_version(group, style), style=style)
        built = product_from_results(manifest, group, tuple(r.path for r in group))
        plans.append((manifest, built, group))
    emitted = emit_products([(built, group) for _, built, group in plans], progress)
    builds = [ProductBuild(manifest, built, tuple(group),
                           {f"{manifest.provider}/{manifest.product}/{rel}": text
                            for rel, text in files.items()})
              for (manifest, built, group), files in zip(plans, emitted, strict=True)]
    if write:
        write_tree(all_files(builds), out, paths)
    return builds, len(broken)
