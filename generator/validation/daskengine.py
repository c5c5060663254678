"""`docs2spec validate --engine dask`: the parts of the input (`partitions`) checked on a Dask
cluster, their reports merged in input order into the report one process would write.

Without `--scheduler`, a local cluster of worker processes (one per core, one thread each: the
checks hold the GIL) is started for the run and shut down after it; with `--scheduler ADDRESS`
the run uses that `dask.distributed` scheduler, whose workers must be able to import docs2spec
and read the input paths (a shared file system, as for any Dask job reading files). The
`Validator` travels once to every worker as its contract bundle (plain data) and compiles
there. Dask is an optional extra: `pip install 'docs2spec[dask]'`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from ..errors import UsageError
from .partitions import DEFAULT_PART_BYTES, Part, check_part, plan
from .reporting import Report
from .validator import Validator


def run_dask(validator: Validator, args: argparse.Namespace, report: Report,
             advance: Callable[[str, int], None] | None = None) -> None:
    """Check `args.paths` on Dask, merging each part's report into `report` in order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask", hint="pip install 'docs2spec[dask]'") \
            from None
    if "-" in args.paths:
        raise UsageError("--engine dask reads files, not stdin",
                         hint="save the capture to a file, or drop --engine dask")
    part_bytes = int(getattr(args, "part_mb", 0) or 0) * 1024 * 1024 or DEFAULT_PART_BYTES
    parts = plan(args.paths, part_bytes)
    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=max(os.cpu_count() or 1, 1), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler ({exc})",
                         hint="check --scheduler ADDRESS") from None
    try:
        merge_parts(client, validator, args, parts, report, advance)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def merge_parts(client, validator: Validator, args: argparse.Namespace, parts: list[Part],
                report: Report, advance: Callable[[str, int], None] | None = None) -> None:
    """Submit every part, then merge the reports in input order as they complete."""
    shared = client.scatter(validator, broadcast=True)
    options = argparse.Namespace(**{k: v for k, v in vars(args).items() if k != "func"})
    futures = client.map(check_part, [shared] * len(parts), [options] * len(parts), parts,
                         pure=False)
    for index, future in enumerate(futures):
        report.merge(future.result())
        future.release()
        if advance is not None:
            advance(f"part {index + 1} of {len(parts)}", report.shown_findings
                    + report.hidden_findings)
