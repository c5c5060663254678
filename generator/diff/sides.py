"""Loading one side of a diff: every accepted input becomes OpenAPI documents per product.

A specs folder is built on the fly with the same pipeline as `regen` (so both sides of
`docs2spec diff git:main specs` are read by today's tool), `git:REV` is the repository's
`specs/` at REV exported with `git archive`, a generated folder and a single OpenAPI file are
read as they are. Only sides built from pages know the pages' bytes (`Side.page_hashes`).
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
    if path.is_file():
        document = read_openapi(path)
        return Side(arg, "openapi", {product_key(document, path.stem): document}, None)
    if any(path.rglob(MANIFEST)):
        return _specs_side(arg, path)
    found = sorted(path.rglob("openapi.json"))
    if not found:
        raise UsageError(f"{arg}: neither a specs folder (no {MANIFEST}) nor a generated folder "
                         "(no openapi.json)", hint="give the folder that holds "
                         "<provider>/<product>/")
    products: dict[str, dict[str, Any]] = {}
    for file in found:
        document = read_openapi(file)
        rel = file.parent.relative_to(path).as_posix()
        products[product_key(document, rel or path.name)] = document
    return Side(arg, "generated", products, None)


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
    return document


def product_key(document: dict[str, Any], fallback: str) -> str:
    """`provider/product` as docs2spec's documents state it, else the folder it came from."""
    info = document.get("info") if isinstance(document.get("info"), dict) else {}
    provider, product = info.get("x-docs2spec-provider"), info.get("x-docs2spec-product")
    return f"{provider}/{product}" if provider and product else fallback


def _specs_side(arg: str, specs: Path, label: str | None = None) -> Side:
    from ..emitters.openapi import dump_json, emit_openapi
    from ..regen import PAGE_SUFFIXES, build_specs  # the build pipeline only when pages are read

    products = {}
    for build in build_specs(specs, emit=lambda product, _: {
            "openapi.json": dump_json(emit_openapi(product))}):
        key = f"{build.manifest.provider}/{build.manifest.product}"
        products[key] = json.loads(build.files[f"{key}/openapi.json"])
    hashes = {}
    for page in sorted(specs.rglob("*")):
        if page.is_file() and page.suffix.lower() in PAGE_SUFFIXES:
            label_ = path_label(page.relative_to(specs.parent))
            hashes[label_] = hashlib.sha256(page.read_bytes()).hexdigest()
    return Side(label or arg, "git" if label else "specs", products, hashes)


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


def _git_side(arg: str, rev: str, repo: Path) -> Side:
    """`specs/` at `rev`, exported to a temporary folder and built there."""
    if not rev or rev.startswith("-"):
        raise UsageError(f"{arg}: give a revision after `git:` (git:HEAD, git:main, git:v1.2)")
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except UsageError:
        raise UsageError(f"{arg}: {rev!r} is not a commit of the repository at {repo}",
                         hint="`git log` lists them") from None
    top = Path(_git(repo, "rev-parse", "--show-toplevel").decode().strip())
    archive = _git(top, "archive", "--format=tar", rev, "--", "specs")
    with tempfile.TemporaryDirectory(prefix="docs2spec-diff-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        specs = Path(tmp) / "specs"
        if not specs.is_dir():
            raise UsageError(f"{arg}: the revision has no specs/ folder")
        return _specs_side(arg, specs, label=arg)
