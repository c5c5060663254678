"""The `docs2spec` command.

Exit codes: 0 done, 1 the job ran but found error-severity problems (a page skipped, a capture
that breaks its contract), 2 unusable input or usage, 130 interrupted (Ctrl-C), 141 stdout
closed early (`docs2spec ... | head`), 70 a bug in docs2spec. Expected failures print one line
that says what is wrong and what to do; never a traceback (`DOCS2SPEC_DEBUG=1` shows the
traceback of a bug).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import Docs2SpecError
from .location import printable
from .regen import ProductBuild, all_files, build_specs, check_tree, write_tree


def _summary(builds: list[ProductBuild]) -> list[str]:
    lines = []
    for build in builds:
        report = build.files[f"{build.manifest.provider}/{build.manifest.product}/report.json"]
        import json

        data = json.loads(report)
        lines.append(f"{build.manifest.provider}/{build.manifest.product}: "
                     f"{len(build.product.operations)} operations from {len(data['pages'])} pages "
                     f"({data['counts']['error']} errors, {data['counts']['warning']} warnings)")
        for page in data["pages"]:
            lines.append(f"  {printable(page['page'])}: {page['form'] or '-'}/{page['dialect'] or '-'} "
                         f"ops={','.join(page['operations']) or '-'} params={page['parameters']} "
                         f"response_fields={page['response_fields']} samples={page['samples']} "
                         f"error_codes={page['error_codes']} warnings={page['warnings']} "
                         f"errors={page['errors']}")
    return lines


def cmd_regen(args: argparse.Namespace) -> int:
    specs, out = Path(args.specs), Path(args.out)
    builds = build_specs(specs)
    files = all_files(builds)
    if args.check:
        check_tree(files, out)
        print(f"{out}: up to date ({len(files)} files)")
        return 0
    write_tree(files, out)
    if not args.quiet:
        print("\n".join(_summary(builds)))
        print(f"wrote {len(files)} files to {out}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_pages

    builds, broken = build_pages([Path(p) for p in args.pages], Path(args.out),
                                 product=args.product, provider=args.provider,
                                 version=args.api_version, form=args.form, dialect=args.dialect)
    if not args.quiet:
        print("\n".join(_summary(builds)))
        print(f"wrote {sum(len(b.files) for b in builds)} files to {args.out}")
    if broken:
        print(f"docs2spec: {broken} page(s) could not be read and were skipped; see report.json",
              file=sys.stderr)
        return 1
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validation.command import run

    return run(args)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line, like every other error (subcommands inherit this class)."""

    def error(self, message: str):
        self.exit(2, f"docs2spec: error: {message} (see `{self.prog} --help`)\n")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="docs2spec", description="API reference pages -> "
                     "JSON Schema, OpenAPI 3.1, models and validators")
    sub = parser.add_subparsers(dest="command", required=True)
    regen = sub.add_parser("regen", help="rebuild generated/ from specs/")
    regen.add_argument("--check", action="store_true",
                       help="compare instead of writing; exit 1 naming the first stale file")
    regen.add_argument("--specs", default="specs", help="input folder (default: specs)")
    regen.add_argument("--out", default="generated", help="output folder (default: generated)")
    regen.add_argument("--quiet", action="store_true")
    regen.set_defaults(func=cmd_regen)
    build = sub.add_parser("build", help="build any set of saved pages into an output folder")
    build.add_argument("pages", nargs="+", help="page files or folders of pages")
    build.add_argument("--out", required=True, help="output folder (replaced atomically)")
    build.add_argument("--product", help="product name (default: api)")
    build.add_argument("--provider", help="provider name (default: from the dialect)")
    build.add_argument("--api-version", help="API version (default: from the pages)")
    build.add_argument("--form", help="force the page format (reader)")
    build.add_argument("--dialect", help="force the documentation dialect")
    build.add_argument("--quiet", action="store_true")
    build.set_defaults(func=cmd_build)
    validate = sub.add_parser("validate", help="check captured requests/responses against "
                              "generated/ (exit 1 on error findings, 2 on unusable input)")
    from .validation.command import add_arguments

    add_arguments(validate)
    validate.set_defaults(func=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit as a traceback
        return code
    except Docs2SpecError as exc:
        _error(" ".join(str(exc).splitlines()))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted", prefix="docs2spec: ")
        return 130
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (`| head`): nothing left to say
        return 141
    except MemoryError:
        _error("out of memory (is an input page or capture unusually large?)")
        return 2
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if os.environ.get("DOCS2SPEC_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {' '.join(str(exc).splitlines())}); "
               "this is a bug in docs2spec: rerun with DOCS2SPEC_DEBUG=1 for the traceback and "
               "please report it")
        return 70


def _error(message: str, prefix: str = "docs2spec: error: ") -> None:
    try:
        print(prefix + printable(message), file=sys.stderr)
    except OSError:
        pass


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
