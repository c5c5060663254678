"""`specs/` -> `generated/`, atomically, and the `--check` that CI runs.

Everything is rendered in memory first; then written to a temporary folder beside the target
and swapped in with renames, so a run that fails or is killed leaves the previous output whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .emitters.models import package_init
from .errors import ManifestError, StaleOutputError
from .ir.model import Product
from .location import SourceLoc
from .manifest import MANIFEST, Manifest, read_manifest
from .pipeline import PageResult, build_product_from_pages, emit_product

PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class ProductBuild:
    manifest: Manifest
    product: Product
    results: tuple[PageResult, ...]
    files: dict[str, str]


def find_manifests(specs: Path) -> list[Path]:
    found = sorted(specs.rglob(MANIFEST))
    if not found:
        raise ManifestError(f"no {MANIFEST} under {specs}", SourceLoc(str(specs)),
                            hint="each product folder needs a manifest")
    return found


def list_pages(folder: Path, root: Path) -> list[tuple[Path, str]]:
    pages = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in
                   PAGE_SUFFIXES)
    return [(p, p.relative_to(root).as_posix()) for p in pages]


def build_specs(specs: Path) -> list[ProductBuild]:
    builds = []
    for manifest_path in find_manifests(specs):
        manifest = read_manifest(manifest_path)
        folder = manifest_path.parent / manifest.pages
        if not folder.is_dir():
            raise ManifestError(f"pages folder {manifest.pages!r} does not exist",
                                SourceLoc(manifest_path.relative_to(specs.parent).as_posix()))
        pages = list_pages(folder, specs.parent)
        product, results = build_product_from_pages(manifest, pages)
        files = {f"{manifest.provider}/{manifest.product}/{name}": text
                 for name, text in emit_product(product, results).items()}
        builds.append(ProductBuild(manifest, product, tuple(results), files))
    return builds


def all_files(builds: list[ProductBuild]) -> dict[str, str]:
    files: dict[str, str] = {"__init__.py": package_init()}
    for build in builds:
        files[f"{build.manifest.provider}/__init__.py"] = package_init(build.manifest.provider)
        files.update(build.files)
    return dict(sorted(files.items()))


def write_tree(files: dict[str, str], out: Path) -> None:
    """Replace `out` with exactly `files`, atomically: build beside it, then swap."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for rel, text in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for leftover in out.parent.glob(f".{out.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def stale_files(files: dict[str, str], out: Path) -> list[str]:
    """Files that differ, are missing, or should not be there."""
    stale = []
    for rel, text in files.items():
        target = out / rel
        try:
            if target.read_bytes() != text.encode("utf-8"):
                stale.append(rel)
        except OSError:
            stale.append(rel)
    if out.is_dir():
        expected = set(files)
        for path in sorted(out.rglob("*")):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in expected and not rel.startswith(("__", ".")) \
                    and "/__" not in rel and not rel.endswith("__init__.py"):
                stale.append(rel)
    return stale


def check_tree(files: dict[str, str], out: Path) -> None:
    stale = stale_files(files, out)
    if stale:
        more = f" and {len(stale) - 1} more" if len(stale) > 1 else ""
        raise StaleOutputError(f"generated/ is out of date: {out.name}/{stale[0]}{more}",
                               hint="run `docs2spec regen` and commit the result")
