"""`docs2spec validate`: check captures (files, folders, JSON Lines, HAR, stdin) or one request
URL against the generated contracts, print a table (or JSON) and a drift summary.

Exit codes: 0 nothing at error severity; 1 some error-severity finding; 2 unusable input or
usage (an entry that cannot be read is reported, the others are still checked, and the run
ends with 2). Never a traceback: an unexpected failure on one entry is reported on that entry.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from ..errors import Docs2SpecError, UsageError
from ..location import json_visible
from .api import check_response
from .contracts import Contracts
from .discovery import NotFound, Target, for_operation, from_file, from_url, host_is_known
from .findings import ordered, promote
from .readers import Entry, read_paths
from .reporting import Report, Result, render_text
from .requestcheck import check_request
from .validator import Validator, default_validator


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="body files (.json, .xml), folders, JSON Lines (.jsonl), HAR files "
                        "(.har), or - for stdin")
    parser.add_argument("--operation", help="the operation bare bodies answer (default: from "
                        "the URL, or the folder the file is in)")
    parser.add_argument("--product", help="alibabacloud/vpc, or a product name such as vpc")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (undocumented fields, format hints) as errors")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--url", help="validate one request URL (e.g. "
                        "'https://vpc.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou')")
    parser.add_argument("--method", default=None, help="HTTP method of --url (default GET)")
    parser.add_argument("--status", type=int, default=None,
                        help="HTTP status of bare bodies (default 200; 4xx/5xx check the error "
                        "envelope)")
    parser.add_argument("--generated", default=None,
                        help="contracts folder (default: generated/ beside the package)")
    parser.add_argument("--max-findings", type=int, default=2000,
                        help="findings and unreadable entries listed in detail (all are "
                        "counted; default 2000)")


def _target(cs: Contracts, entry: Entry, product: str | None, operation: str | None) -> Target:
    product = entry.product or product
    if entry.operation:
        return for_operation(cs, entry.operation, product)
    if entry.url:
        try:
            return from_url(cs, entry.url, entry.method, product, entry.form)
        except NotFound:
            if not operation or entry.optional:  # HAR: --operation names bare bodies only
                raise
    if operation:
        return for_operation(cs, operation, product)
    if entry.path is not None:
        return from_file(cs, entry.path, product)
    raise NotFound("cannot tell which operation this body answers: pass --operation NAME")


def check_entry(validator: Validator, entry: Entry, args: argparse.Namespace) -> Result:
    """One entry's result; never raises (an entry that cannot be checked says why)."""
    cs = validator.contracts
    result = Result(entry.label, kind=entry.kind, status=entry.status)
    target: Target | None = None
    problem = None
    try:
        target = _target(cs, entry, args.product, args.operation)
    except (NotFound, Docs2SpecError) as exc:
        problem = str(exc)
    if target is None and entry.optional and not (entry.url and host_is_known(cs, entry.url)):
        result.skipped = True  # HAR traffic to hosts no contract describes
        return result
    if target is not None:
        result.product, result.operation = target.product.key, target.operation
    if entry.error is not None or target is None:
        result.input_error = entry.error if entry.error is not None else problem
        return result
    try:
        if entry.kind == "request":
            _, found = check_request(target.product, target.operation, url=entry.url,
                                     method=entry.method, headers=entry.headers,
                                     body=entry.body)
        else:
            status = entry.status if entry.status is not None else (args.status or 200)
            result.status = status
            found = check_response(target.product, target.operation, entry.body,
                                   status=status)
        result.findings = ordered(promote(found, args.strict))
    except Docs2SpecError as exc:
        result.input_error = str(exc)
    except RecursionError:
        result.input_error = "the entry nests too deeply to check"
    except Exception as exc:  # noqa: BLE001 - one entry must not end the run, even on a bug
        result.input_error = (f"internal error while checking this entry ({type(exc).__name__}:"
                              f" {exc}); this is a bug in docs2spec, please report it")
    return result


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    validator = default_validator(args.generated)
    cs = validator.contracts
    if args.product:
        args.product = cs.resolve_key(args.product)
    if args.operation:
        try:
            for_operation(cs, args.operation, args.product)
        except NotFound as exc:
            raise UsageError(str(exc)) from None
    if not args.paths and not args.url:
        raise UsageError("nothing to validate", hint="give PATH ..., - for stdin, or --url URL")
    report = Report(max_findings=max(args.max_findings, 0))
    if args.url:
        report.add(check_entry(validator, Entry(f"--url {args.url}", kind="request", url=args.url,
                                          method=args.method), args))
    if args.paths:
        from ..progress import Progress

        with Progress.for_terminal(what="entries", quiet=getattr(args, "quiet", False)) as shown:
            for entry in read_paths(args.paths):
                report.add(check_entry(validator, entry, args))
                shown.advance(entry.label, report.shown_findings + report.hidden_findings)
    try:
        if args.format == "json":
            out.write(json_visible(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
                      + "\n")
        else:
            render_text(report, out)
        out.flush()
    except BrokenPipeError:  # `docs2spec validate ... | head`: the reader left, not an error
        try:  # keep the interpreter's final flush of stdout from failing again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    return report.exit_code()
