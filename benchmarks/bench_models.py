"""What reading captured bodies through the models costs with `WireModel` (wire names only,
undocumented keys kept) against the same models on plain `BaseModel` with `populate_by_name`
(the code before it), side by side, on the ListIpsecServers bodies of `bench_validate.py`
(1 KB, 16 KB, 8,000 items).

    python benchmarks/bench_models.py

Prints CPU seconds per call (best of rounds) for both and their ratio; no assertion.
"""

from __future__ import annotations

import random
import re
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from bench_validate import OPERATION, bodies, cpu_best  # noqa: E402

MODELS = ROOT / "generated" / "alibabacloud" / "vpc" / "models.py"


def plain(code: str) -> str:
    """The same module on `BaseModel` with `populate_by_name=True`: the models before."""
    code = re.sub(r"^(class \w+)\(WireModel\):", r"\1(BaseModel):", code, flags=re.M)
    return code.replace('extra="allow",', 'extra="allow",\n        populate_by_name=True,')


def load(code: str, name: str):
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(code, name, "exec"), module.__dict__)  # noqa: S102 - a benchmark
    return module.RESPONSES[OPERATION]


def main() -> int:
    code = MODELS.read_text(encoding="utf-8")
    if "(WireModel):" not in code:
        print("generated models do not use WireModel", file=sys.stderr)
        return 1
    wire, before = load(code, "bench_wire_models"), load(plain(code), "bench_plain_models")
    print(f"{'body':<12} {'populate_by_name s/call':>24} {'WireModel s/call':>18} {'ratio':>7}")
    for name, body in bodies(random.Random(7)).items():
        count = 1 if len(body) > 1_000_000 else (200 if len(body) > 10_000 else 3000)
        times = []
        for model in (before, wire):
            assert model.model_validate_json(body).model_dump(by_alias=True, exclude_unset=True)
            times.append(cpu_best(lambda m=model, b=body, n=count: [
                m.model_validate_json(b) for _ in range(n)], 5) / count)
        print(f"{name:<12} {times[0]:>24.2e} {times[1]:>18.2e} {times[1] / times[0]:>6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
