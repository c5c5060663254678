"""`docs2spec regen [--check]`: rebuild `generated/` from the manifests and pages in `specs/`."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="compare instead of writing; exit 1 naming the first stale file")
    parser.add_argument("--specs", default="specs", help="input folder (default: specs)")
    parser.add_argument("--out", default="generated", help="output folder (default: generated)")
    parser.add_argument("--quiet", action="store_true",
                        help="print nothing but errors (no summary, no progress line)")


def run(args: argparse.Namespace) -> int:
    from ..progress import Progress
    from ..regen import all_files, build_specs, check_output, check_tree, write_tree
    from .summary import summary_lines

    specs, out = Path(args.specs), Path(args.out)
    if not args.check:
        check_output(out, [specs])
    with Progress.for_terminal(quiet=args.quiet) as progress:
        builds = build_specs(specs, progress)
    files = all_files(builds)
    if args.check:
        check_tree(files, out)
        print(f"{out}: up to date ({len(files)} files)")
        return 0
    write_tree(files, out, [specs])
    if not args.quiet:
        print("\n".join(summary_lines(builds)))
        print(f"wrote {len(files)} files to {out}")
    return 0
