"""`docs2spec publish [--from generated] --out SITE`: a static reference site from a generated
folder (plain files, so `docs2spec build` outputs publish too)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", default="generated",
                        help="folder written by `docs2spec regen` or `build` (default: generated)")
    parser.add_argument("--out", required=True, help="site folder (replaced atomically); open "
                        "SITE/index.html")
    parser.add_argument("--quiet", action="store_true")


def run(args: argparse.Namespace) -> int:
    from ..regen import write_tree
    from ..site.load import load_products
    from ..site.render import render_site

    products = load_products(Path(args.source))
    files = render_site(products)
    write_tree(files, Path(args.out))
    if not args.quiet:
        pages = sum(1 for name in files if name.endswith(".html"))
        print(f"wrote {len(files)} files ({pages} pages, {len(products)} products) to "
              f"{args.out}; open {Path(args.out) / 'index.html'}")
    return 0
