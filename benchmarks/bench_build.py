"""Build speed on the development corpus: pages/s of a real build, and where the time goes.

    python benchmarks/bench_build.py                 # every set of the corpus (~4,000 pages)
    python benchmarks/bench_build.py --sets 6        # a spread of 6 sets (quicker)
    python benchmarks/bench_build.py --only vpn      # sets whose path contains "vpn"
    python benchmarks/bench_build.py --phases-only   # the serial phase shares only

The corpus (`../shared/corpus` beside the checkout, or DOCS2SPEC_CORPUS=DIR) holds Alibaba
Markdown sets (`alibaba/pages/<product>/<locale>`) and Huawei-style reStructuredText sets
(`huawei/pages/<product>`). Each set becomes one product, as `docs2spec init --pages` would
declare it (pages copied to a temporary folder), and:

1. **build**: `build_specs` on all of them at once, with models, exactly as `docs2spec regen`
   runs (one process pool reads every page, products are emitted in parallel): wall time,
   pages/s, and the CPU time of this process and its workers (a busy machine stretches wall
   time, not CPU time). The models cache (generator/emitters/cache.py) is a fresh, empty folder
   unless DOCS2SPEC_CACHE names one, so the build is a cold one; `--warm` builds a second time
   with the cache the first one filled (a rebuild of unchanged pages);
2. **phases**: the same pages once more, serially in this process, each step timed on its own
   (CPU time): decoding and reading the page (the format's reader: docutils for RST), the
   dialect's extraction, the IR (reconcile, product), the OpenAPI document and each emitter
   (models without the cache), under the build workers' garbage-collector settings. Shares are
   of the serial total; the pool spreads this work over the cores. The models' CPU time includes the ruff processes that format them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = Path(os.environ.get("DOCS2SPEC_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_sets(corpus: Path) -> list[tuple[str, str, Path]]:
    """(dialect, set name, folder) of every set, in a stable order."""
    found = []
    for product in sorted((corpus / "alibaba" / "pages").glob("*")):
        for locale in sorted(p for p in product.iterdir() if p.is_dir()):
            found.append(("alibaba", f"{product.name}-{locale.name}", locale))
    for product in sorted((corpus / "huawei" / "pages").glob("*")):
        if product.is_dir():
            found.append(("huawei", product.name, product))
    return found


def declare(specs: Path, sets: list[tuple[str, str, Path]]) -> None:
    """One product.toml per set, its pages copied beside it (what `docs2spec init --pages`
    writes; spelled out here so that the script also runs on versions without `init`)."""
    for dialect, name, folder in sets:
        slug = name.lower().replace(".", "-")
        product = specs / dialect / slug
        shutil.copytree(folder, product / "pages")
        style = "rest" if dialect == "huawei" else "rpc"
        (product / "product.toml").write_text(
            f'provider = "{dialect}"\nproduct = "{slug}"\nversion = "bench"\n'
            f'style = "{style}"\ndialect = "{dialect}"\n', encoding="utf-8")


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build(specs: Path) -> tuple[int, float, float, int]:
    from generator.regen import all_files, build_specs

    wall, cpu = time.perf_counter(), cpu_seconds()
    builds = build_specs(specs)
    files = all_files(builds)
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    pages = sum(len(b.results) for b in builds)
    return pages, wall, cpu, len(files)


def phases(specs: Path) -> tuple[int, dict[str, float]]:
    """Serial CPU time per phase over every declared product."""
    from generator import dialects, sources
    from generator.dialects.version import stated_version
    from generator.emitters import EMITTERS, EmitContext
    from generator.manifest import read_manifest
    from generator.pipeline import (
        PageResult,
        decode_page,
        looks_like_reference,
        product_from_results,
    )
    from generator.regen import list_pages

    spent: dict[str, float] = defaultdict(float)
    try:  # the garbage-collector settings of the build's worker processes, where there are any
        from generator import gcsettings
        gcsettings.for_batch()
    except ImportError:
        pass

    def timed(phase: str, work):
        started = cpu_seconds()  # this process and the ruff processes it waits for
        try:
            return work()
        finally:
            spent[phase] += cpu_seconds() - started

    count = 0
    for manifest_path in sorted(specs.rglob("product.toml")):
        manifest = read_manifest(manifest_path)
        pages = list_pages(manifest_path.parent / manifest.pages, specs.parent)
        results = []
        for path, label in pages:
            count += 1
            text = timed("read: decode", lambda p=path, lb=label: decode_page(lb, p.read_bytes()))
            suffix = path.suffix.lower()
            try:
                doc = timed(f"read: {suffix} pages", lambda t=text, lb=label, f=manifest.form: sources.read_page(
                    lb, t, f))
                if not looks_like_reference(doc):
                    results.append(PageResult(label, None, form=doc.form))
                    continue
                extract = timed("extract (dialect)", lambda d=doc, n=manifest.dialect: dialects.extract_page(
                    d, n))
                if not extract.version:
                    extract = replace(extract, version=stated_version(text))
                results.append(PageResult(label, extract, form=doc.form))
            except Exception:  # noqa: BLE001 - a page the build reports as unreadable
                results.append(PageResult(label, None))
        product = timed("IR (reconcile, product)", lambda m=manifest, r=results, p=pages:
                        product_from_results(m, r, tuple(lb for _, lb in p)))
        context = EmitContext(product, tuple(results))
        timed("emit: OpenAPI document", lambda c=context: c.openapi)
        for emitter in EMITTERS:
            timed(f"emit: {emitter.name}", lambda e=emitter, c=context: e.emit(c))
    return count, dict(spent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, help="a spread of N sets instead of all")
    parser.add_argument("--only", help="sets whose name or path contains this text")
    parser.add_argument("--phases-only", action="store_true")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--warm", action="store_true",
                        help="build a second time, reusing the models cache the first filled")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: put the development corpus there or set "
              "DOCS2SPEC_CORPUS=DIR", file=sys.stderr)
        return 2
    sets = corpus_sets(CORPUS)
    if args.only:
        sets = [s for s in sets if args.only in s[1] or args.only in str(s[2])]
    if args.sets and args.sets < len(sets):
        step = len(sets) / args.sets
        sets = [sets[int(i * step)] for i in range(args.sets)]
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        specs = Path(tmp) / "specs"
        declare(specs, sets)
        print(f"{len(sets)} sets from {CORPUS} on {os.cpu_count()} cores "
              f"(load average {os.getloadavg()[0]:.1f})")
        os.environ.setdefault("DOCS2SPEC_CACHE", str(Path(tmp) / "cache"))
        for label in ("build", "warm build")[:2 if args.warm else 1] if not args.phases_only \
                else ():
            pages, wall, cpu, files = build(specs)
            print(f"{label}: {pages} pages, {files} files in {wall:.1f} s wall = "
                  f"{pages / wall:.1f} pages/s; {cpu:.1f} s CPU (this process and its workers) "
                  f"= {pages / cpu:.1f} pages per CPU-second")
        if not args.build_only:
            os.environ["DOCS2SPEC_CACHE"] = "off"
            count, spent = phases(specs)
            total = sum(spent.values())
            print(f"phases (serial, CPU time, {count} pages, {total:.1f} s = "
                  f"{count / total:.1f} pages per CPU-second):")
            for phase, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
                print(f"  {phase:<28} {seconds:8.1f} s {100 * seconds / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
