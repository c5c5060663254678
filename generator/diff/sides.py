"""Loading one side of a diff: every accepted input becomes OpenAPI documents per product.

A specs folder is built on the fly with the same pipeline as `regen` (so both sides of
`docs2spec diff git:main specs` are read by today's tool), `git:REV[:PATH]` is PATH (default
`specs/`) at REV exported with `git archive`, a generated folder and a single OpenAPI file are
read as they are. The pages' bytes (`Side.page_hashes`, for the `extraction` kind) come from
the pages themselves or from the hashes docs2spec's report.json keeps.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..location import path_label
from ..manifest import MANIFEST
from .model import Side

OPENAPI_SUFFIXES = (".json", ".yaml", ".yml")


def load_side(arg: str, repo: Path | None = None) -> Side:
    """The side `arg` names; `repo` is where `git:REV` looks (default: the current folder)."""
    if arg.startswith("git:"):
        return _git_side(arg, arg[4:], repo or Path.cwd())
    path = Path(arg)
    if not path.exists():
        raise UsageError(f"{arg}: no such file or folder",
                         hint="give a specs folder, a generated folder, an OpenAPI file or "
                         "git:REV")
    return _path_side(arg, path, "specs")


def _path_side(label: str, path: Path, source: str,
               fallback_hashes: dict[str, str] | None = None) -> Side:
    """A file or folder on disk; `fallback_hashes` stand in for a generated folder's missing
    report hashes (`git:REV:generated`: the pages of `specs/` at the same revision)."""
    if path.is_file():
        document = read_openapi(path)
        return Side(label, "openapi", {product_key(document, path.stem): document},
                    report_hashes([path.parent / "report.json"]) or fallback_hashes)
    if any(path.rglob(MANIFEST)):
        return _specs_side(label, path, source)
    found = sorted(path.rglob("openapi.json"))
    if not found:
        raise UsageError(f"{label}: neither a specs folder (no {MANIFEST}) nor a generated "
                         "folder (no openapi.json)", hint="give the folder that holds "
                         "<provider>/<product>/")
    products: dict[str, dict[str, Any]] = {}
    for file in found:
        document = read_openapi(file)
        rel = file.parent.relative_to(path).as_posix()
        products[product_key(document, rel or path.name)] = document
    return Side(label, "generated", products,
                report_hashes([file.parent / "report.json" for file in found])
                or fallback_hashes)


def report_hashes(reports: list[Path]) -> dict[str, str] | None:
    """The page hashes docs2spec's report.json files keep (`pages[].sha256`); None unless every
    report is there and hashes every page (an OpenAPI file from elsewhere, an older output)."""
    hashes: dict[str, str] = {}
    for report in reports:
        try:
            pages = json.loads(report.read_text(encoding="utf-8")).get("pages")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            return None
        if not isinstance(pages, list) or not pages:
            return None
        for page in pages:
            if not (isinstance(page, dict) and isinstance(page.get("page"), str)
                    and isinstance(page.get("sha256"), str) and page["sha256"]):
                return None
            hashes[page["page"]] = page["sha256"]
    return hashes


def read_openapi(path: Path) -> dict[str, Any]:
    """An OpenAPI document from JSON or YAML; anything else is unusable input."""
    if path.suffix.lower() not in OPENAPI_SUFFIXES:
        raise UsageError(f"{path}: not an OpenAPI file (expected {', '.join(OPENAPI_SUFFIXES)})")
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            document = json.loads(text)
        else:
            import yaml  # only YAML inputs pay for the import

            document = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read ({' '.join(str(exc).splitlines())[:200]})") \
            from None
    except Exception as exc:  # noqa: BLE001 - yaml's errors have no common base we import
        raise UsageError(f"{path}: not valid YAML ({type(exc).__name__})") from None
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise UsageError(f"{path}: not an OpenAPI document (no `paths` object)")
    problem = _shape_problem(document)
    if problem:
        raise UsageError(f"{path}: {problem}")
    return document


MAX_NODES = 2_000_000
MAX_DEPTH = 150


def _shape_problem(document: Any) -> str | None:
    """What makes a document unusable for comparing: YAML anchors that refer to themselves
    (an endless tree), aliases that expand beyond `MAX_NODES` nodes, or nesting deeper than
    `MAX_DEPTH` (no API description nests that deep; the comparison recurses)."""
    stack = [(document, 0)]
    seen = 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return (f"more than {MAX_NODES:,} nodes once YAML aliases are expanded "
                    "(recursive or exploding anchors?)")
        if depth > MAX_DEPTH:
            return (f"nested more than {MAX_DEPTH} levels deep (a YAML anchor that contains "
                    "itself?)")
        children = node.values() if isinstance(node, dict) else node \
            if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))
    return None


def product_key(document: dict[str, Any], fallback: str) -> str:
    """`provider/product` as docs2spec's documents state it, else the folder it came from."""
    info = document.get("info") if isinstance(document.get("info"), dict) else {}
    provider, product = info.get("x-docs2spec-provider"), info.get("x-docs2spec-product")
    return f"{provider}/{product}" if provider and product else fallback


def _specs_side(label: str, specs: Path, source: str = "specs") -> Side:
    from ..emitters.openapi import dump_json, emit_openapi
    from ..regen import build_specs  # the build pipeline only when pages are read

    products = {}
    for build in build_specs(specs, emit=lambda product, _: {
            "openapi.json": dump_json(emit_openapi(product))}):
        key = f"{build.manifest.provider}/{build.manifest.product}"
        products[key] = json.loads(build.files[f"{key}/openapi.json"])
    return Side(label, source, products, page_hashes(specs))


def page_hashes(specs: Path) -> dict[str, str]:
    """Page label (as the build cites it: relative to the folder holding `specs`) -> sha256."""
    from ..regen import PAGE_SUFFIXES

    return {path_label(page.relative_to(specs.parent)): hashlib.sha256(
        page.read_bytes()).hexdigest() for page in sorted(specs.rglob("*"))
        if page.is_file() and page.suffix.lower() in PAGE_SUFFIXES}


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as exc:
        raise UsageError(f"cannot run git ({exc.strerror or exc})",
                         hint="git:REV needs git on the PATH") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args)}: {why[-1] if why else 'failed'}")
    return done.stdout


def _git_side(arg: str, spec: str, repo: Path) -> Side:
    """`git:REV[:PATH]`: PATH (default `specs`) at REV, exported to a temporary folder and read
    there like a path on disk. A generated folder whose report.json predates page hashes takes
    them from `specs/` at the same revision: the repository's invariant (CI checks it) is that
    `generated/` is what `regen` makes of `specs/`."""
    rev, _, sub = spec.partition(":")
    sub = sub.strip("/") or "specs"
    if not rev or rev.startswith("-") or sub.startswith("-") or ".." in sub.split("/"):
        raise UsageError(f"{arg}: give a revision after `git:` (git:HEAD, git:main, "
                         "git:v1.2:generated)")
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except UsageError:
        raise UsageError(f"{arg}: {rev!r} is not a commit of the repository at {repo}",
                         hint="`git log` lists them") from None
    top = Path(_git(repo, "rev-parse", "--show-toplevel").decode().strip())
    with tempfile.TemporaryDirectory(prefix="docs2spec-diff-") as tmp:
        try:
            _export(top, rev, sub, Path(tmp))
        except UsageError:
            raise UsageError(f"{arg}: the revision has no {sub}",
                             hint=f"`git ls-tree --name-only {rev}` lists what it has") from None
        target = Path(tmp) / sub
        fallback = None
        if sub != "specs":
            try:
                _export(top, rev, "specs", Path(tmp))
                fallback = page_hashes(Path(tmp) / "specs") or None
            except UsageError:
                fallback = None  # no specs/ at that revision: extraction cannot be told
        return _path_side(arg, target, "git", fallback)


def _export(top: Path, rev: str, sub: str, into: Path) -> None:
    archive = _git(top, "archive", "--format=tar", rev, "--", sub)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
