"""Merging N pages of one operation: CPU seconds per N, side by side (issue 13, defect 9).

    python benchmarks/bench_merge.py [--fields 600]

Each page documents `--fields` response fields the others do not, so the merged schema grows
with every page: linear merging doubles its time when N doubles (ratio ~2); the quadratic
merging before (`dict(a.properties)` rebuilt for every field) gave ratios of 5-8.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.manifest import Manifest  # noqa: E402
from generator.pipeline import product_from_results, read_and_extract  # noqa: E402

HEAD = ("# DescribeThings\n\nDescribes things.\n\n## Request parameters\n\n"
        "|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n"
        "|RegionId|String|Yes|cn|The region.|\n\n## Response parameters\n\n"
        "|Parameter|Type|Example|Description|\n|--|--|--|--|\n|RequestId|String|1|Id.|\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fields", type=int, default=600)
    args = parser.parse_args()
    pages = []
    for i in range(16):
        rows = "\n".join(f"|R{i}_{j}|String|x|Response field {j} of page {i}.|"
                         for j in range(args.fields))
        pages.append(read_and_extract(f"p{i:02}.md", HEAD + rows + "\n", None, None))
    manifest = Manifest(provider="p", product="q", title="t", version="1", style="rpc")
    previous = None
    print("| pages | CPU s | ratio to half as many |\n|---|---|---|")
    for count in (2, 4, 8, 16):
        started = time.process_time()
        product_from_results(manifest, pages[:count], tuple(p.path for p in pages[:count]))
        spent = time.process_time() - started
        ratio = f"{spent / previous:.1f}" if previous else ""
        print(f"| {count} | {spent:.2f} | {ratio} |")
        previous = spent


if __name__ == "__main__":
    main()
