"""How fast hostile and adversarial input is read: the timings the tests no longer assert.

    python benchmarks/bench_hostile.py [--only prose|lines|grid]

The tests (`tests/test_hostile_pages.py`, `tests/test_prose.py`) check that these inputs end in
output or one clear error; a wall-clock limit there failed on a busy machine, so the times are
printed here instead. Each row gives the CPU time of this process (best of `--rounds`) next to
the same work on an ordinary input of the same size: linear code stays within a small ratio,
quadratic code shows as a ratio of hundreds or thousands.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cpu(work, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def row(label: str, size: int, seconds: float, base: float) -> None:
    ratio = seconds / base if base > 0 else float("inf")
    print(f"{label:<40} {size / 1e3:>9.0f} KB {seconds * 1e3:>9.1f} ms {ratio:>8.1f}x")


def prose(rounds: int) -> None:
    from generator.dialects.prose import read_facts
    from tests.test_prose import ADVERSARIAL, M

    plain = ("The name of the resource group, which is shown in the console. ") * (M // 64)
    base = cpu(lambda: read_facts(plain), rounds)
    print(f"prose facts (tests/test_prose.py ADVERSARIAL), against {len(plain) // 1000} KB of "
          f"ordinary prose: {base * 1e3:.1f} ms")
    for name, text in ADVERSARIAL.items():
        row(name, len(text.encode()), cpu(lambda t=text: read_facts(t), rounds), base)


def lines(rounds: int) -> None:
    from generator import sources
    from tests.test_hostile_pages import ADVERSARIAL, check

    def page(line: str) -> bytes:
        return (f"{line}\n\n# {line}\n\n|Parameter|Type|Required|Description|\n|--|--|--|--|\n"
                f"|{line}|String|No|{line}|\n\n```\n{line}\n```\n").encode()

    def every_reader(data: bytes) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            check("adversarial.txt", data)
            for form in sources.FORMS:
                check(f"adversarial-{form}.txt", data, form=form)

    plain = page("word " * 20_000)
    base = cpu(lambda: every_reader(plain), rounds)
    print(f"\nadversarial lines through every reader (tests/test_hostile_pages.py), against "
          f"ordinary words: {base * 1e3:.1f} ms")
    for name, line in ADVERSARIAL.items():
        data = page(line)
        row(name, len(data), cpu(lambda d=data: every_reader(d), rounds), base)


def grid(rounds: int) -> None:
    from generator import sources

    border = "+----------------+--------+----------+"

    def table(count: int) -> str:
        rows = [f"| F{i:<14} | String | No       |\n{border}" for i in range(count)]
        return ("DescribeThings\n==============\n\nRequest Parameters\n------------------\n\n"
                f"{border}\n| Parameter      | Type   | Required |\n"
                + border.replace("-", "=") + "\n" + "\n".join(rows) + "\n")

    small = table(1_000)
    base = cpu(lambda: sources.read_page("grid.rst", small), rounds)
    print(f"\nreStructuredText grid tables, against 1,000 rows: {base * 1e3:.1f} ms")
    for count in (10_000, 100_000):
        page = table(count)
        row(f"{count:,} rows (the reader cuts the table)", len(page),
            cpu(lambda p=page: sources.read_page("grid.rst", p), rounds), base)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("prose", "lines", "grid"))
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    print(f"{'input':<40} {'size':>12} {'CPU time':>12} {'ratio':>9}")
    for name, job in (("prose", prose), ("lines", lines), ("grid", grid)):
        if args.only in (None, name):
            job(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
