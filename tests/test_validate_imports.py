"""`docs2spec validate` loads what validation needs and nothing of the build pipeline: start-up
is most of a short run, and the pipeline's imports (bs4, docutils, PyYAML, jinja2, the
dialects, the IR, the emitters) cost more than checking thousands of records. A property of
the import graph, checked in a fresh interpreter, not a timing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.emitters.openapi import DEFAULT_LIST_LENGTH as EMITTED
from generator.validation.shaping import DEFAULT_LIST_LENGTH

ROOT = Path(__file__).resolve().parent.parent
CAPTURED = ROOT / "tests" / "captured"
FORBIDDEN = ("bs4", "docutils", "yaml", "jinja2", "datamodel_code_generator", "pydantic",
             "generator.dialects", "generator.ir", "generator.pipeline", "generator.sources",
             "generator.emitters", "generator.build", "generator.regen", "jsonschema.")

PROBE = """
import io, json, sys
import generator.commands.validate  # what `docs2spec validate` imports, then runs:
from generator.cli import make_parser
from generator.validation.command import run
args = make_parser(["validate"]).parse_args(["validate", "--format", "json", *sys.argv[1:]])
out = io.StringIO()
code = run(args, out)
report = json.loads(out.getvalue())
print(json.dumps({"code": code, "summary": report["summary"], "modules": sorted(sys.modules)}))
"""


def _probe(*paths: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *paths], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_validate_imports_no_build_pipeline():
    result = _probe(str(CAPTURED / "traffic.jsonl"), str(CAPTURED / "console-session.har"),
                    str(CAPTURED / "alibabacloud"))
    summary = result["summary"]
    assert result["code"] == 0
    assert summary["requests"] >= 4 and summary["responses"] >= 10  # both paths really ran
    loaded = [m for m in result["modules"]
              if any(m == f.rstrip(".") or m.startswith(f.rstrip(".") + ".") for f in FORBIDDEN)]
    assert loaded == []


def test_validate_help_imports_no_validator():
    done = subprocess.run([sys.executable, "-c", "import sys\nfrom generator.cli import main\n"
                           "try:\n    main(['validate', '--help'])\nexcept SystemExit:\n    pass\n"
                           "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    modules = done.stderr.split()
    assert "--select RULE" in done.stdout
    assert not [m for m in modules if m.startswith(("generator.validation", "jsonschema_rs"))]


def test_flat_list_default_matches_the_emitter():
    """Kept as a literal in validation so that it need not import the emitter."""
    assert DEFAULT_LIST_LENGTH == EMITTED
