"""Memory of `docs2spec validate` on JSON Lines files of growing size: it must not grow.

    python benchmarks/bench_validate_memory.py [--sizes 100M,2G] [--dir /tmp] [--keep]

For each size, writes a JSON Lines file of capture records (streamed to disk, never held in
memory), runs `python -m generator validate FILE` on it as a subprocess, and measures its wall
time and peak RSS (`ru_maxrss` of that child, from `os.wait4`). Then prints the figures side by
side: with streamed reading and a report that keeps counts for everything but details only up
to `--max-findings`, the peak RSS of a 2 GB file is that of a 100 MB one.

Each line is a record `{"operation", "product", "status", "body"}` (the envelope the readers
recognise, so the operation comes from the record) for one of the seed operations, built from
the documentation samples by `corpus` (1-item and 20-item pages, fresh IDs on every line). The
mix is what a day of traffic looks like when the provider drifts a little: about 93% valid,
5% with a wrong type deep inside, 2% with an undocumented field, and 1 line in 1,000 cut off
mid-record (a truncated write; `--broken 1` makes every line so), which the report must count
without keeping them all.

Checks free space first (`shutil.disk_usage`) and refuses sizes that would leave less than
1 GB free; deletes each file after its run unless `--keep`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
UNITS = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


def parse_size(text: str) -> int:
    text = text.strip().upper().removesuffix("B")
    if text[-1:] in UNITS:
        return int(float(text[:-1]) * UNITS[text[-1]])
    return int(text)


def human(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def templates(seed: int = 0) -> dict[str, list[bytes]]:
    """Record lines by kind (valid, type, field), with `@ID@` where each line's own request ID
    goes."""
    rng = random.Random(seed)
    samples = corpus.samples()
    lines: dict[str, list[bytes]] = {}
    for product, operation, list_path in corpus.SEED_OPERATIONS:
        root = corpus.schema(product, operation)
        for size in ((1, 20) if list_path else (1,)):
            for _ in range(6):
                doc = corpus.page(samples[operation], list_path, size, rng, root)
                variants = [("valid", doc), ("type", corpus.break_type(doc, rng)),
                            ("field", corpus.add_field(doc, rng))]
                for kind, body in variants:
                    if isinstance(body, dict):
                        body = {**body, "RequestId": "@ID@"} if "RequestId" in body else body
                    record = {"operation": operation, "product": product, "status": 200,
                              "body": body}
                    lines.setdefault(kind, []).append(orjson.dumps(record))
    return lines


def write_lines(path: Path, size: int, broken: float = 0.001, seed: int = 0) -> int:
    """Write about `size` bytes of records to `path`, a share `broken` of them cut off
    mid-record (not JSON); returns the number of lines."""
    by_kind = templates(seed)
    rng = random.Random(seed)
    written = count = 0
    with path.open("wb", buffering=1024 * 1024) as out:
        while written < size:
            roll = rng.random()
            kind = "type" if roll < 0.05 else "field" if roll < 0.07 else "valid"
            pool = by_kind[kind]
            line = pool[rng.randrange(len(pool))].replace(
                b"@ID@", b"%08X-%04X" % (count, rng.randrange(65536)), 1)
            if rng.random() < broken:
                line = line[:rng.randrange(1, len(line))]
            out.write(line + b"\n")
            written += len(line) + 1
            count += 1
    return count


def run_validate(path: Path, report: Path) -> tuple[int, float, int]:
    """(exit code, wall seconds, peak RSS in bytes) of `python -m generator validate`."""
    started = time.perf_counter()
    with report.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "generator", "validate", str(path)],
                                   cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    seconds = time.perf_counter() - started
    return process.returncode, seconds, usage.ru_maxrss * 1024  # Linux: kilobytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100M,2G", help="comma-separated sizes (K, M, G)")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where to write the files")
    parser.add_argument("--broken", type=float, default=0.001,
                        help="share of lines cut off mid-record (default 0.001; 1 = all)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    rows = []
    for text in args.sizes.split(","):
        size = parse_size(text)
        free = shutil.disk_usage(folder).free
        if size > free - 1024 ** 3:
            print(f"skipping {text}: {human(free)} free in {folder}", file=sys.stderr)
            continue
        path = folder / f"bench-validate-{text.strip()}.jsonl"
        report = folder / f"bench-validate-{text.strip()}.report.txt"
        try:
            started = time.perf_counter()
            lines = write_lines(path, size, args.broken)
            made = time.perf_counter() - started
            actual = path.stat().st_size
            code, seconds, rss = run_validate(path, report)
            summary = report.read_text(encoding="utf-8", errors="replace").splitlines()[-1:]
            rows.append((human(actual), lines, seconds, lines / seconds, rss,
                         report.stat().st_size, code))
            print(f"{text}: wrote {lines:,} lines in {made:.0f} s; validate exit {code} in "
                  f"{seconds:.1f} s, peak RSS {human(rss)}; {summary[0] if summary else ''}",
                  flush=True)
        finally:
            if not args.keep:
                path.unlink(missing_ok=True)
                report.unlink(missing_ok=True)
    print()
    print(f"{'file':>10}  {'lines':>11}  {'wall':>8}  {'lines/s':>9}  {'peak RSS':>9}  "
          f"{'report':>9}  exit")
    for size, lines, seconds, rate, rss, report_size, code in rows:
        print(f"{size:>10}  {lines:>11,}  {seconds:>7.1f}s  {rate:>9,.0f}  {human(rss):>9}  "
              f"{human(report_size):>9}  {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
