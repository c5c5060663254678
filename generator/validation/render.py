"""A `Report` for people (text that fits the terminal) and for CI (JUnit XML).

Text: one block per entry, one finding per block line, wrapped to the terminal's width
(`shutil.get_terminal_size`, 100 columns when not a terminal) with hanging indents. Nothing is
cut: a long label, pointer or `page:line` continues on the next line instead of ending in
"...", because the doc row behind a finding is the point of the report.

JUnit: one test case per checked entry that has findings or could not be read, and one per
(product, operation, kind) for the entries that passed, so a CI dashboard shows failures by
name and the totals add up to the summary.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from ..location import printable
from .findings import ERROR
from .reporting import Report, Result

MIN_WIDTH = 40
DEFAULT_WIDTH = 100


def terminal_width() -> int:
    return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, MIN_WIDTH)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """`text` wrapped to `width`, every piece kept (long words are broken across lines)."""
    return textwrap.wrap(printable(text), width=width, initial_indent=first,
                         subsequent_indent=rest, break_long_words=True, break_on_hyphens=False,
                         drop_whitespace=True) or [first.rstrip()]


def _heading(result: Result) -> str:
    what = " ".join(x for x in (result.product, result.operation, result.kind) if x)
    status = f" HTTP {result.status}" if result.status is not None and result.kind != "request" \
        else ""
    return f"{result.label}  [{what or 'no operation'}{status}]"


def _entry_lines(result: Result, width: int) -> list[str]:
    lines = _wrap(_heading(result), width, "", "    ")
    if result.input_error is not None:
        lines += _wrap(f"input  unreadable  {result.input_error}", width, "  ", "      ")
    for f in result.findings:
        lines += _wrap(f"{f.severity:<7} {f.rule}  {f.pointer or '/'}", width, "  ", "      ")
        lines += _wrap(f.message, width, "      ", "      ")
        if f.source:
            lines += _wrap(f"docs: {f.source}", width, "      ", "      ")
    return lines


def render_text(report: Report, out: TextIO, width: int | None = None) -> None:
    width = width or terminal_width()
    blocks = [_entry_lines(result, width) for result in report.shown]
    if blocks:
        out.write("\n".join("\n".join(block) for block in blocks) + "\n")
        if report.hidden_findings:
            out.write(f"... {report.hidden_findings} more findings not shown "
                      "(see the drift summary)\n")
        if report.hidden_unreadable:
            out.write(f"... {report.hidden_unreadable} more unreadable entries not shown "
                      "(raise --max-findings to list them)\n")
        out.write("\n")
    drift = report.drift_rows()
    if drift:
        out.write("Drift by operation and rule:\n")
        for row in drift:
            head = (f"{row['product']} {row['operation']} {row['kind']}: {row['rule']} "
                    f"({row['severity']}), {row['findings']} finding"
                    f"{'s' if row['findings'] != 1 else ''} in {row['entries']} entr"
                    f"{'y' if row['entries'] == 1 else 'ies'}")
            out.write("\n".join(_wrap(head, width, "  ", "      ")) + "\n")
            where = ", ".join(f"{w['pointer']} ({w['count']})" for w in row["where"][:3])
            out.write("\n".join(_wrap(f"where: {where}", width, "    ", "      ")) + "\n")
            if row["source"]:
                out.write("\n".join(_wrap(f"docs: {row['source']}", width, "    ", "      "))
                          + "\n")
        out.write("\n")
    out.write("\n".join(_wrap(summary_line(report), width, "", "  ")) + "\n")


def summary_line(report: Report) -> str:
    s = report.summary()
    parts = [f"{s['ok']} ok", f"{s['with_errors']} with errors",
             f"{s['warnings_only']} with warnings only", f"{s['unusable']} unreadable"]
    if s["skipped"]:
        parts.append(f"{s['skipped']} skipped (no documented operation)")
    count = s["exchanges"]
    text = f"Checked {count} entr{'y' if count == 1 else 'ies'}"
    if s["entries"] != count:
        text += (f" ({s['entries']} messages: {s['requests']} request"
                 f"{'s' if s['requests'] != 1 else ''}, {s['responses']} response"
                 f"{'s' if s['responses'] != 1 else ''})")
    return f"{text}: {', '.join(parts)}."


def render_junit(report: Report, out: TextIO) -> None:
    """JUnit XML (the Ant/Surefire schema CI servers read)."""
    cases: list[str] = []
    listed: dict[tuple[str, str, str], int] = {}
    failures = errors = 0
    for result in report.shown:
        key = (result.product, result.operation, result.kind)
        listed[key] = listed.get(key, 0) + 1
        name = quoteattr(printable(result.label))
        classname = quoteattr(_classname(*key))
        if result.input_error is not None:
            errors += 1
            cases.append(f"    <testcase name={name} classname={classname}>\n"
                         f"      <error message={quoteattr(printable(result.input_error))}/>\n"
                         "    </testcase>")
            continue
        failed = [f for f in result.findings if f.severity == ERROR]
        text = "\n".join(printable(f"{f.severity} {f.rule} {f.pointer or '/'}: {f.message}"
                                   + (f" (docs: {f.source})" if f.source else ""))
                         for f in result.findings)
        body = _escape(text)
        if failed:
            failures += 1
            cases.append(f"    <testcase name={name} classname={classname}>\n"
                         f"      <failure message={quoteattr(printable(failed[0].message))} "
                         f"type={quoteattr(failed[0].rule)}>{body}</failure>\n"
                         "    </testcase>")
        else:
            cases.append(f"    <testcase name={name} classname={classname}>\n"
                         f"      <system-out>{body}</system-out>\n    </testcase>")
    for key, count in sorted(report.per_operation.items()):
        rest = count - listed.get(key, 0)
        if rest > 0:
            cases.append(f"    <testcase name={quoteattr(f'{rest} more entries passed')} "
                         f"classname={quoteattr(_classname(*key))}/>")
    hidden = report.hidden_unreadable
    if report.hidden_findings or hidden:
        errors += hidden
        message = quoteattr(f"{hidden} unreadable entries and {report.hidden_findings} "
                            "findings not listed (raise --max-findings)")
        cases.append("    <testcase name=\"entries not listed\" classname=\"docs2spec\">\n"
                     f"      <error message={message}/>\n    </testcase>")
    tests = len(cases)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<testsuites name="docs2spec validate" tests="{tests}" failures="{failures}" '
              f'errors="{errors}" skipped="0">\n'
              f'  <testsuite name="docs2spec validate" tests="{tests}" failures="{failures}" '
              f'errors="{errors}" skipped="0">\n')
    out.write("\n".join(cases) + ("\n" if cases else ""))
    out.write(f"    <system-out>{_escape(summary_line(report))}</system-out>\n"
              "  </testsuite>\n</testsuites>\n")


def _classname(product: str, operation: str, kind: str) -> str:
    return ".".join(p.replace("/", ".") for p in (product, operation, kind) if p) or "docs2spec"


def _escape(text: str) -> str:
    """XML text (control characters are already escaped by `printable`)."""
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    return '"' + _escape(text).replace('"', "&quot;") + '"'

