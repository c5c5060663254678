"""`docs2spec build PAGES... --out DIR`: any folder of saved pages, no manifest needed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="+", help="page files or folders of pages")
    parser.add_argument("--out", required=True, help="output folder (replaced atomically)")
    parser.add_argument("--product", help="product name (default: api)")
    parser.add_argument("--provider", help="provider name (default: from the dialect)")
    parser.add_argument("--api-version", help="API version (default: from the pages)")
    parser.add_argument("--form", help="force the page format (reader)")
    parser.add_argument("--dialect", help="force the documentation dialect")
    parser.add_argument("--quiet", action="store_true",
                        help="print nothing but errors (no summary, no progress line)")


def run(args: argparse.Namespace) -> int:
    from ..build import build_pages
    from ..progress import Progress
    from .summary import summary_lines

    with Progress.for_terminal(quiet=args.quiet) as progress:
        builds, broken = build_pages([Path(p) for p in args.pages], Path(args.out),
                                     product=args.product, provider=args.provider,
                                     version=args.api_version, form=args.form,
                                     dialect=args.dialect, progress=progress)
    if not args.quiet:
        print("\n".join(summary_lines(builds)))
        print(f"wrote {sum(len(b.files) for b in builds)} files to {args.out}")
    if broken:
        print(f"docs2spec: {broken} page(s) could not be read and were skipped; see report.json",
              file=sys.stderr)
        return 1
    return 0
