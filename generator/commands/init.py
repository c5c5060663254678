"""`docs2spec init PRODUCT --dialect D`: start a product under specs/ from saved pages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("product", help="product name: the output folder "
                        "generated/<provider>/<product>/")
    parser.add_argument("--dialect", required=True,
                        help="documentation style of the pages (alibaba, huawei)")
    parser.add_argument("--provider", help="provider folder (default: the dialect's, "
                        "e.g. alibabacloud)")
    parser.add_argument("--pages", metavar="DIR",
                        help="folder of pages saved from the vendor's site, copied into "
                        "specs/<provider>/<product>/pages/")
    parser.add_argument("--link", action="store_true",
                        help="point the manifest at --pages DIR (a folder inside the specs folder) "
                        "instead of copying the pages")
    parser.add_argument("--style", help="rpc or rest (default: the dialect's usual style)")
    parser.add_argument("--title", help="API title (default: '<provider> <product>')")
    parser.add_argument("--api-version", help="API version (default: the one the pages state)")
    parser.add_argument("--form", help="force the page format (reader)")
    parser.add_argument("--specs", default="specs", help="specs folder (default: specs)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the manifest instead of writing anything")
    parser.add_argument("--force", action="store_true", help="replace an existing product.toml")


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..scaffold import plan, write

    if args.link and not args.pages:
        raise UsageError("--link needs --pages DIR", hint="name the folder of saved pages")
    made = plan(Path(args.specs), args.product, args.dialect, provider=args.provider,
                style=args.style, title=args.title, version=args.api_version, form=args.form,
                pages=Path(args.pages) if args.pages else None, copy=not args.link)
    manifest = made.folder / "product.toml"
    if args.dry_run:
        sys.stdout.write(made.manifest)
        if made.pages:
            print(f"# (dry run: would write {manifest} and copy {len(made.pages)} page(s) to "
                  f"{made.folder / 'pages'})", file=sys.stderr)
        return 0
    write(made, force=args.force)
    copied = f" and {len(made.pages)} page(s)" if made.pages else ""
    print(f"wrote {manifest}{copied}")
    if not args.pages:
        print(f"next: save the API reference pages in {made.folder / 'pages'}/")
    provider, product = made.folder.parent.name, made.folder.name
    print(f"next: check {manifest} (version, servers), then run `docs2spec regen`; the models "
          f"import as generated.{provider}.{product}.models")
    return 0
