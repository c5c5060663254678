"""`docs2spec validate`: captured traffic against the generated contracts.

The options are declared here and the validation package is imported only when the command
runs, so `docs2spec validate --help` costs argparse alone; a run never loads the build pipeline
(bs4, docutils, PyYAML, the dialects, the IR): `tests/test_validate_imports.py` keeps it so.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="body files (.json, .xml), folders, JSON Lines (.jsonl), HAR files "
                        "(.har), or - for stdin")
    parser.add_argument("--operation", help="the operation bare bodies answer (default: from "
                        "the URL, or the folder the file is in)")
    parser.add_argument("--product", help="alibabacloud/vpc, or a product name such as vpc")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (undocumented fields, duplicate keys, undocumented "
                        "statuses) as errors; format hints the docs' own samples break stay "
                        "information")
    parser.add_argument("--format", choices=("text", "json", "junit"), default="text",
                        help="text (fits the terminal), json, or junit (JUnit XML for CI)")
    parser.add_argument("--select", action="append", metavar="RULE",
                        help="report only findings of RULE (repeatable; e.g. type, required, "
                        "undocumented-field, status-undocumented)")
    parser.add_argument("--ignore", action="append", metavar="RULE",
                        help="drop findings of RULE (repeatable)")
    parser.add_argument("--url", help="validate one request URL (e.g. "
                        "'https://vpc.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou')")
    parser.add_argument("--method", default=None, help="HTTP method of --url (default GET)")
    parser.add_argument("--status", type=int, default=None,
                        help="HTTP status of bare bodies (default 200; 4xx/5xx check the error "
                        "envelope)")
    parser.add_argument("--generated", default=None,
                        help="contracts folder (default: generated/ beside the package)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this process; dask: partitions of the input on a Dask "
                        "cluster (a local cluster of processes, or --scheduler), same report")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a dask.distributed scheduler "
                        "(tcp://host:8786) instead of a local cluster")
    parser.add_argument("--part-mb", type=int, default=0, metavar="MB",
                        help="with --engine dask: bytes of input per task (default 32)")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress line on a terminal")
    parser.add_argument("--max-findings", type=int, default=2000,
                        help="findings and unreadable entries listed in detail (all are "
                        "counted; default 2000)")


def run(args: argparse.Namespace) -> int:
    from ..validation.command import run as validate

    return validate(args)
