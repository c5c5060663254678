"""Record the README's first hour as a transcript: what docs/walkthrough.md shows.

A new user's path, in the README's order: clone, a fresh virtual environment inside the clone,
the README's first command, the quick start's validation of the bundled captures, then a product
of one's own from saved pages (`docs2spec init`, `docs2spec regen`, the models imported), and
optionally the README's second command (the tests). Each step is run in a shell inside the clone
with the virtual environment active; its output (cut after 25 lines) and its exit status and wall
time are printed as a Markdown code block, so the page can be regenerated rather than edited by
hand:

    python scripts/walkthrough.py --repo . --saved ../saved/nat --workdir /tmp/first-hour [--tests]

It is a script, not a test: it installs packages and takes minutes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

MAX_LINES = 25

# pip on some machines warns about missing local index folders; that is the machine, not the
# walkthrough.
NOISE = ("WARNING: Location 'file://", "[notice]")


def _steps(saved: str, tests: bool) -> list[str]:
    steps = [
        "python -m pip install -q -e . && docs2spec regen",
        "git status --short",
        "docs2spec --help",
        "docs2spec validate tests/captured",
        "docs2spec validate --format json tests/captured | python -c "
        "'import json,sys; print(json.load(sys.stdin)[\"summary\"])'",
        f"ls {saved} | head -5; find {saved} -name '*.md' | wc -l",
        f"docs2spec init nat --dialect alibaba --pages {saved} --dry-run",
        f"docs2spec init nat --dialect alibaba --pages {saved}",
        "grep -v '^#' specs/alibabacloud/nat/product.toml | grep .",
        "docs2spec regen",
        "python -c 'from generated.alibabacloud.nat.models import DescribeNatGatewaysResponse as R; "
        "print(sorted(R.model_fields)[:6])'",
        "git status --short",
    ]
    if tests:
        steps += ["git stash -u -q && git status --short",
                  "python -m pip install -q -e '.[test]' && python -m pytest -q -p no:cacheprovider 2>&1 | tail -n 4"]
    return steps


def _run(command: str, cwd: Path, venv: Path | None) -> tuple[str, int, float]:
    prefix = f". {venv}/bin/activate && " if venv else ""
    start = time.perf_counter()
    done = subprocess.run(["bash", "-c", prefix + command], cwd=cwd, capture_output=True,
                          text=True)
    seconds = time.perf_counter() - start
    lines = [line for line in (done.stdout + done.stderr).splitlines()
             if not line.startswith(NOISE)]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"[{len(lines) - MAX_LINES} more lines]"]
    return "\n".join(lines), done.returncode, seconds


def _show(command: str, output: str, code: int, seconds: float) -> None:
    print(f"$ {command}")
    for line in output.splitlines():
        print(f"    {line}")
    print(f"    [exit {code}, {seconds:.1f} s]\n", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True, help="what to clone (a path or an address)")
    parser.add_argument("--saved", required=True, help="a folder of saved Alibaba NAT pages")
    parser.add_argument("--workdir", required=True, help="an empty or absent folder to work in")
    parser.add_argument("--tests", action="store_true", help="also run the README's second command")
    options = parser.parse_args()
    work = Path(options.workdir)
    if work.exists() and any(work.iterdir()):
        print(f"walkthrough: {work} is not empty", file=sys.stderr)
        return 2
    work.mkdir(parents=True, exist_ok=True)
    saved = Path(options.saved).resolve()
    shutil.copytree(saved, work / "saved" / "nat")
    clone = work / "docs2spec"
    repo = str(Path(options.repo).resolve()) if Path(options.repo).exists() else options.repo
    print("```text")
    for command, cwd, venv in (
        (f"git clone -q {repo} docs2spec", work, None),
        ("python -m venv .venv", clone, None),
    ):
        _show(command, *_run(command, cwd, venv))
    print("$ . .venv/bin/activate\n")
    for command in _steps("../saved/nat", options.tests):
        _show(command, *_run(command, clone, clone / ".venv"))
    print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
