"""`docs2spec diff OLD NEW`: what changed in the contract between two revisions of the docs.

OLD and NEW are each a specs folder, a generated folder, an OpenAPI file or `git:REV` (the
repository's `specs/` at REV). Exit 0, or 1 with `--fail-on` when a change at that level or
worse exists, 2 for unusable input.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="specs folder, generated folder, openapi.json/.yaml or git:REV")
    parser.add_argument("new", help="the same kinds as OLD")
    parser.add_argument("--format", choices=("text", "json", "markdown", "junit"),
                        default="text", help="output format (default: text)")
    parser.add_argument("--fail-on", choices=("error", "warning"),
                        help="exit 1 when a change of this level (or worse) exists")


def run(args: argparse.Namespace) -> int:
    from ..diff.engine import diff
    from ..diff.render import FORMATS
    from ..diff.sides import load_side

    result = diff(load_side(args.old), load_side(args.new))
    print(FORMATS[args.format](result), end="")
    if args.fail_on is None:
        return 0
    failing = ("error",) if args.fail_on == "error" else ("error", "warning")
    return 1 if any(c.level in failing for c in result.changes) else 0
