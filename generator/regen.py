"""`specs/` -> `generated/`, atomically, and the `--check` that CI runs.

Everything is rendered in memory first; then written to a temporary folder beside the target
and swapped in with renames, so a run that fails or is killed leaves the previous output whole.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import dialects, sources
from .emitters.models import package_init
from .errors import ManifestError, StaleOutputError, UsageError
from .groups import page_groups, page_order
from .ir.model import Product
from .location import SourceLoc, path_label
from .manifest import MANIFEST, PAGE_SUFFIXES, Manifest, read_manifest
from .pipeline import (
    PageJob,
    PageResult,
    emit_products,
    process_page_jobs,
    product_from_results,
    warm_up_emitters,
    with_groups,
)
from .progress import Progress


@dataclass(frozen=True, slots=True)
class ProductBuild:
    manifest: Manifest
    product: Product
    results: tuple[PageResult, ...]
    files: dict[str, str]


def find_manifests(specs: Path) -> list[Path]:
    if not specs.is_dir():
        raise ManifestError("specs folder does not exist" if not specs.exists() else
                            "specs folder is not a folder", SourceLoc(str(specs)),
                            hint="give the folder holding <provider>/<product>/product.toml "
                            "with --specs")
    found = sorted(specs.rglob(MANIFEST))
    if not found:
        raise ManifestError(f"no {MANIFEST} under {specs}", SourceLoc(str(specs)),
                            hint="each product folder needs a manifest")
    return found


def list_pages(folder: Path, root: Path) -> list[tuple[Path, str]]:
    pages = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in
                   PAGE_SUFFIXES)
    return [(p, path_label(p.relative_to(root))) for p in pages]


def check_choices(form: str | None, dialect: str | None) -> None:
    """A forced reader or dialect must exist (checked before any page is read)."""
    if form is not None and form not in sources.FORMS:
        raise UsageError(f"unknown page format {form!r}",
                         hint=f"--form takes one of: {', '.join(sources.FORMS)}")
    if dialect is not None and dialect not in dialects.NAMES:
        raise UsageError(f"unknown dialect {dialect!r}",
                         hint=f"--dialect takes one of: {', '.join(dialects.NAMES)}")


def build_specs(specs: Path, progress: Progress | None = None,
                emit: Callable[[Product, list[PageResult]], dict[str, str]] | None = None,
                ) -> list[ProductBuild]:
    """Every product under `specs`. All manifests are checked before any page is read (a broken
    one stops the run at once); then the pages of every product are read in one process pool
    and the products are emitted in parallel, by every emitter, or by `emit` when given
    (`docs2spec diff` asks for the OpenAPI document alone, skipping the models and YAML it does
    not read)."""
    planned: list[tuple[Manifest, list[tuple[Path, str]],
                        tuple[dict[str, str], dict[str, int]]]] = []
    declared: dict[str, str] = {}
    for manifest_path in find_manifests(specs):
        manifest = read_manifest(manifest_path)
        try:
            check_choices(manifest.form, manifest.dialect)
        except UsageError as exc:
            raise ManifestError(exc.bare_message, SourceLoc(str(manifest_path)),
                                hint=exc.hint.replace("--form", "form").replace("--dialect",
                                                                                "dialect")) from None
        folder = manifest_path.parent / manifest.pages
        inside = specs.resolve()
        if Path(manifest.pages).is_absolute() or (
                folder.resolve() != inside and inside not in folder.resolve().parents):
            raise ManifestError(f"pages folder {manifest.pages!r} is outside the specs folder",
                                SourceLoc(path_label(manifest_path.relative_to(specs.parent))),
                                hint="name a folder inside the specs folder, relative to "
                                     "product.toml")
        if not folder.is_dir():
            raise ManifestError(f"pages folder {manifest.pages!r} does not exist",
                                SourceLoc(path_label(manifest_path.relative_to(specs.parent))))
        pages = list_pages(folder, specs.parent)
        if not pages:  # an empty product would pass silently and emit nothing useful
            raise ManifestError(f"pages folder {manifest.pages!r} holds no pages (looked for "
                                f"{', '.join(PAGE_SUFFIXES)})", SourceLoc(str(manifest_path)),
                                hint="save the product's reference pages there")
        key = f"{manifest.provider}/{manifest.product}"
        if key in declared:  # the second would silently replace the first's output
            raise ManifestError(f"product {key} is already declared by {declared[key]}",
                                SourceLoc(str(manifest_path)),
                                hint="give each product.toml its own provider/product")
        declared[key] = str(manifest_path)
        planned.append((manifest, pages, (page_groups(folder, pages), page_order(folder, pages))))
    if progress is not None:
        progress.expect(sum(len(pages) for _, pages, _ in planned))
    read = process_page_jobs([PageJob(path, label, manifest.form, manifest.dialect)
                              for manifest, pages, _ in planned for path, label in pages],
                             progress, meanwhile=warm_up_emitters if emit is None else None)
    plans = []
    for manifest, pages, (groups, order) in planned:
        results, read = read[:len(pages)], read[len(pages):]
        results = with_groups(results, groups, order)
        product = product_from_results(manifest, results, tuple(label for _, label in pages))
        plans.append((manifest, product, results))
    if emit is None:
        emitted = emit_products([(product, results) for _, product, results in plans], progress)
    else:
        emitted = [emit(product, results) for _, product, results in plans]
    return [ProductBuild(manifest, product, tuple(results),
                         {f"{manifest.provider}/{manifest.product}/{name}": text
                          for name, text in files.items()})
            for (manifest, product, results), files in zip(plans, emitted, strict=True)]


def all_files(builds: list[ProductBuild]) -> dict[str, str]:
    files: dict[str, str] = {"__init__.py": package_init()}
    for build in builds:
        files[f"{build.manifest.provider}/__init__.py"] = package_init(build.manifest.provider)
        files.update(build.files)
    return dict(sorted(files.items()))


OUTPUT_MARK = b'"""Generated by `docs2spec'
"""How the top `__init__.py` of every output folder starts (folders written before the marker
file existed are recognised by it)."""

MARKER = ".docs2spec-output"
"""The file in every output folder that lists what docs2spec wrote there. A folder is replaced
only when everything in it is on that list: inputs saved inside it, notes or anything else a
user put there are never deleted."""
_MARKER_HEAD = "docs2spec output folder: docs2spec wrote every file listed below\n"
_OWN_SUFFIXES = (".json", ".yaml", ".py", ".pyc")
"""What an output folder written before the marker file existed may hold."""


def marker_text(files: dict[str, str]) -> str:
    return _MARKER_HEAD + "".join(f"{rel}\n" for rel in sorted(files))


def check_output(out: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse, before any work, an output folder that would destroy something: one that holds
    (or is) an input, a file, or a folder holding files docs2spec did not write."""
    target = out.resolve()
    for given in inputs:
        path = given.resolve()
        if path == target or target in path.parents or path in target.parents:
            raise UsageError(f"{out} holds the input {given}; refusing to replace it",
                             hint="write the output to a folder outside the inputs")
    if target.exists() and not _replaceable(target):
        kind = "a file" if not target.is_dir() else "a folder that docs2spec did not write"
        raise UsageError(f"{out} is {kind}; refusing to replace it",
                         hint="choose a new or empty output folder")


def write_tree(files: dict[str, str], out: Path, inputs: Sequence[Path] = ()) -> None:
    """Replace `out` with exactly `files`, atomically: build beside it, then swap.

    The new tree is written to a hidden staging folder `.<out>.new-<pid>-<token>` beside `out`
    and swapped in with one atomic exchange (Linux `renameat2`), elsewhere with two renames; a
    run that fails or is killed at any point leaves the previous output whole. Staging and old
    folders that killed runs left behind are removed by the next run (those of running
    processes are left alone). A folder that holds the inputs or anything docs2spec did not
    write is never replaced (`check_output`); the new folder lists its files in `MARKER`.
    """
    given, out = out, out.resolve()
    for rel in files:  # names come from manifests and options: never outside `out`
        parts = rel.split("/")
        if rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
            raise UsageError(f"refusing to write {rel!r}: outside the output folder",
                             hint="provider and product names must be plain folder names")
    check_output(given, inputs)
    files = {**files, MARKER: marker_text(files)}
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers(out)
        staging = out.parent / f".{out.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()  # the umask's permissions, as any folder the user creates
    except OSError as exc:
        blocking = next((a for a in out.parents if a.exists() and not a.is_dir()), None)
        why = f"{blocking} is a file" if blocking else exc.strerror or str(exc)
        raise UsageError(f"cannot write {out}: {why}",
                         hint="choose an output folder you can create") from None
    try:
        for rel, text in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        if not out.exists():
            os.replace(staging, out)
        elif _exchange(staging, out):
            shutil.rmtree(staging, ignore_errors=True)  # now holds the previous output
        else:
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, old)
            os.replace(staging, out)
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}; the previous output is "
                         "unchanged", hint="check the disk space and permissions") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _replaceable(out: Path) -> bool:
    """An empty folder, or one whose every file docs2spec wrote: listed in its `MARKER` file,
    or (a folder from before the marker) generated files under a docs2spec `__init__.py`."""
    if not out.is_dir():
        return False
    try:
        present = {p.relative_to(out).as_posix() for p in out.rglob("*")
                   if not p.is_dir() and "__pycache__" not in p.relative_to(out).parts}
    except OSError:
        return False
    if not present:
        return True
    try:
        listed = (out / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        listed = None
    if listed is not None:
        return listed.startswith(_MARKER_HEAD) and present - {MARKER} <= set(
            listed[len(_MARKER_HEAD):].splitlines())
    try:
        with open(out / "__init__.py", "rb") as init:
            ours = init.read(len(OUTPUT_MARK)) == OUTPUT_MARK
    except OSError:
        return False
    return ours and all(rel.endswith(_OWN_SUFFIXES) for rel in present)


def _clean_leftovers(out: Path) -> None:
    """Remove what killed runs left beside `out`; put back an output a kill left renamed away
    (possible only where the swap takes two renames)."""
    for kind in ("new", "old"):
        for leftover in sorted(out.parent.glob(f".{out.name}.{kind}-*")):
            pid = leftover.name[len(out.name) + len(kind) + 3:].split("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and _running(int(pid)):
                continue  # another run is writing
            if kind == "old" and not out.exists() and leftover.is_dir():
                os.replace(leftover, out)
                continue
            shutil.rmtree(leftover, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`); False where the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))


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
