"""The truth-free consistency check over many sets of pages: per set and in total.

    python benchmarks/consistency.py                       # every development-corpus set
    python benchmarks/consistency.py --sets huawei/        # set-name prefixes, as accuracy.py
    python benchmarks/consistency.py PAGES_DIR ...         # any folders of pages (no truth needed)

Each set is read and reconciled as `docs2spec build` does (no files are written, no models are
emitted: only the IR is needed), then checked by `generator/consistency.py`. The totals are the
sum of the per-set counters.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import corpus_sets  # noqa: E402
from generator.build import (  # noqa: E402
    _style,
    collect_pages,  # noqa: E402
    infer_version,
)
from generator.consistency import COUNTS, check_consistency, summary_line  # noqa: E402
from generator.manifest import Manifest  # noqa: E402
from generator.pipeline import process_pages, product_from_results  # noqa: E402


def check_folder(pages: Path) -> dict[str, int]:
    """The consistency totals of one folder of pages, every dialect group added."""
    results = process_pages(collect_pages([pages]), None, None)
    groups: dict[str, list] = {}
    for result in results:
        if result.extract is not None:
            groups.setdefault(result.extract.dialect, []).append(result)
    totals = dict.fromkeys(COUNTS, 0)
    for group in groups.values():
        style = _style(group, group[0].extract.conventions.default_style)
        manifest = Manifest(provider="p", product="api", title="api",
                            version=infer_version(group, style), style=style)
        product = product_from_results(manifest, group, tuple(r.path for r in group))
        for key, value in check_consistency(product, group).totals().items():
            totals[key] += value
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="folders of pages (default: the "
                        "development corpus)")
    parser.add_argument("--sets", nargs="*", help="corpus set-name prefixes")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    if args.paths:
        sets = [(str(p), p) for p in args.paths]
    else:
        sets = [(name, pages) for name, pages, _ in corpus_sets()]
        if args.sets:
            sets = [s for s in sets if any(s[0].startswith(p) for p in args.sets)]
    started = time.perf_counter()
    out: dict[str, dict[str, int]] = {}
    total = dict.fromkeys(COUNTS, 0)
    for name, pages in sets:
        out[name] = check_folder(pages)
        for key, value in out[name].items():
            total[key] += value
        print(f"{name}: {summary_line(out[name])}", flush=True)
    out["total"] = total
    print(f"TOTAL: {summary_line(total)}")
    print(f"({len(sets)} sets in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.json_out:
        args.json_out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
