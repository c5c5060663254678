"""`docs2spec validate`: check captures (files, folders, JSON Lines, HAR, stdin) or one request
URL against the generated contracts, print a table (or JSON) and a drift summary.

Exit codes: 0 nothing at error severity; 1 some error-severity finding, or some entry that
could not be read (it is listed, the others are still checked); 2 nothing could be checked, or
usage. Never a traceback: an unexpected failure on one entry is reported on that entry.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ..errors import Docs2SpecError, UsageError
from ..location import json_visible
from .api import check_response
from .contracts import Contracts
from .discovery import NotFound, Target, for_operation, from_file, from_url, host_is_known
from .findings import RULES, Finding, ordered, promote
from .lane import RecordLane
from .readers import Entry, Passed, read_paths
from .render import render_junit, render_text
from .reporting import Report, Result
from .requestcheck import check_request
from .validator import Validator, default_validator


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


def _target_of(cs: Contracts, entry: Entry, args: argparse.Namespace,
               memo: dict[Any, Any] | None) -> tuple[Target | None, str | None]:
    """(target, why not) of an entry; the two halves of one exchange ask once (`memo`)."""
    key = (entry.exchange, entry.url, entry.method, entry.form, entry.product, entry.operation)
    if memo is not None and entry.exchange and memo.get("key") == key:
        return memo["value"]
    try:
        value: tuple[Target | None, str | None] = (
            _target(cs, entry, args.product, args.operation), None)
    except (NotFound, Docs2SpecError) as exc:
        value = (None, str(exc))
    if memo is not None:
        memo["key"], memo["value"] = key, value
    return value


def check_entry(validator: Validator, entry: Entry, args: argparse.Namespace,
                memo: dict[Any, Any] | None = None) -> Result:
    """One entry's result; never raises (an entry that cannot be checked says why). `memo`: a
    dict kept across calls, so the halves of one exchange find their operation once."""
    cs = validator.contracts
    result = Result(entry.label, kind=entry.kind, status=entry.status, exchange=entry.exchange)
    target, problem = _target_of(cs, entry, args, memo)
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
                                   status=status, method=entry.method, headers=entry.headers)
        if entry.findings:
            found = [*entry.findings, *found]
        result.findings = ordered(promote(select(found, args), args.strict))
    except Docs2SpecError as exc:
        result.input_error = str(exc)
    except RecursionError:
        result.input_error = "the entry nests too deeply to check"
    except Exception as exc:  # noqa: BLE001 - one entry must not end the run, even on a bug
        result.input_error = (f"internal error while checking this entry ({type(exc).__name__}:"
                              f" {exc}); this is a bug in docs2spec, please report it")
    return result


def check_all(validator: Validator, args: argparse.Namespace,
              entries: Iterable[Entry | Passed], report: Report,
              advance: Callable[..., None]) -> None:
    """Check every entry into `report`; records the lane passed are only counted."""
    memo: dict[Any, Any] = {}
    add, add_passed = report.add, report.add_passed
    for entry in entries:
        if type(entry) is Passed:
            add_passed(entry.label, entry.product, entry.operation, entry.request, entry.count)
            advance(entry.label, report.shown_findings + report.hidden_findings, entry.count)
        else:
            add(check_entry(validator, entry, args, memo))
            advance(entry.label, report.shown_findings + report.hidden_findings)


def select(findings: list[Finding], args: argparse.Namespace) -> list[Finding]:
    """`--select RULE` keeps only those rules; `--ignore RULE` drops them."""
    chosen, ignored = getattr(args, "select", None), getattr(args, "ignore", None)
    if chosen:
        findings = [f for f in findings if f.rule in chosen]
    if ignored:
        findings = [f for f in findings if f.rule not in ignored]
    return findings


def check_rules(args: argparse.Namespace) -> None:
    for rule in [*(getattr(args, "select", None) or ()), *(getattr(args, "ignore", None) or ())]:
        if rule not in RULES:
            raise UsageError(f"unknown rule {rule!r}", hint=f"rules: {', '.join(sorted(RULES))}")


def write_report(report: Report, args: argparse.Namespace, out: TextIO) -> None:
    try:
        if args.format == "json":
            out.write(json_visible(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
                      + "\n")
        elif args.format == "junit":
            render_junit(report, out)
        else:
            render_text(report, out)
        out.flush()
    except BrokenPipeError:  # `docs2spec validate ... | head`: the reader left, not an error
        try:  # keep the interpreter's final flush of stdout from failing again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass


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
    check_rules(args)
    if not args.paths and not args.url:
        raise UsageError("nothing to validate", hint="give PATH ..., - for stdin, or --url URL")
    report = Report(max_findings=max(args.max_findings, 0))
    if args.url:
        report.add(check_entry(validator, Entry(f"--url {args.url}", kind="request", url=args.url,
                                          method=args.method), args))
    if args.paths:
        from ..progress import Progress

        with Progress.for_terminal(what="entries", quiet=getattr(args, "quiet", False)) as shown:
            if getattr(args, "engine", "local") == "dask":
                from .daskengine import run_dask

                run_dask(validator, args, report, shown.advance)
            else:
                check_all(validator, args, read_paths(args.paths, lane=RecordLane.for_run(
                    validator, args)), report, shown.advance)
    write_report(report, args, out)
    return report.exit_code()
