"""Accuracy on every set of the development corpus, per set and pooled, in one command.

    python benchmarks/accuracy.py                     # all 47 sets (builds each, then scores)
    python benchmarks/accuracy.py --sets huawei/elastic-ip alibaba/vpn/intl.en-US
    python benchmarks/accuracy.py --json-out acc.json --keep out/   # keep the built documents

Each set's pages folder is built with `docs2spec build` into one OpenAPI document and scored
with `../shared/tools/score.py` against the set's oracle folder (`--pages` given, so the att_*
figures count only what the pages show). Pooled figures add the scorer's counts over every set
(micro-averaged over operations), so a large set weighs as much as its operations.
Needs `../shared/` beside the checkout (the development corpus and its scorer).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score.py"


def corpus_sets(corpus: Path = CORPUS) -> list[tuple[str, Path, Path]]:
    """(name, pages folder, oracle folder) of every set, in a stable order."""
    sets = []
    for oracle in sorted((corpus / "alibaba" / "oracle").glob("*/*")):
        repo, locale = oracle.parent.name, oracle.name
        sets.append((f"alibaba/{repo}/{locale}", corpus / "alibaba" / "pages" / repo / locale,
                     oracle))
    for oracle in sorted((corpus / "huawei" / "oracle").glob("*")):
        sets.append((f"huawei/{oracle.name}", corpus / "huawei" / "pages" / oracle.name, oracle))
    return [s for s in sets if s[1].is_dir() and s[2].is_dir()]


def _scorer():
    spec = importlib.util.spec_from_file_location("docs2spec_corpus_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def build_set(pages: Path, out: Path) -> Path:
    """Build one set into `out`; returns its OpenAPI document (the largest, if several)."""
    subprocess.run([sys.executable, "-m", "generator", "build", str(pages), "--out", str(out),
                    "--product", "api", "--quiet"], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    documents = sorted(out.glob("*/*/openapi.json"), key=lambda p: p.stat().st_size)
    if not documents:
        raise RuntimeError(f"{pages}: docs2spec build wrote no openapi.json")
    return documents[-1]


def score_set(score, document: Path, oracle: Path) -> dict:
    oracles = score.load_oracles(oracle)
    pages = score.PageResolver(CORPUS, oracle)
    return score.score(json.loads(document.read_text(encoding="utf-8")), oracles, pages)


def figures(score, summary: dict) -> dict[str, float | None]:
    att = summary["attainable"]
    return {
        "ops": summary["ops_total"], "matched": summary["ops_matched"],
        "att_req_f1": att["request_p_r_f1"][2], "att_resp_len_f1": att["response_lenient_p_r_f1"][2],
        "type_acc": summary["type_acc"], "required_acc": summary["request_required_acc"],
        "req_f1": summary["request_p_r_f1"][2], "resp_len_f1": summary["response_lenient_p_r_f1"][2],
    }


def pooled(score, summaries: list[dict]) -> dict[str, float | None]:
    """Counts added over sets, then the scorer's own formulas."""
    tot: dict[str, int] = {}
    att: dict[str, int] = {}
    for s in summaries:
        for k, v in s["counts"].items():
            tot[k] = tot.get(k, 0) + v
        for k, v in s["attainable"]["counts"].items():
            att[k] = att.get(k, 0) + v

    def ratio(a: str, b: str, source: dict[str, int]) -> float | None:
        return source[a] / source[b] if source.get(b) else None

    type_n = tot["rq_type_n"] + tot["rs_type_n"]
    return {
        "ops": sum(s["ops_total"] for s in summaries),
        "matched": sum(s["ops_matched"] for s in summaries),
        "att_req_f1": score.att_prf(att["rq_tp"], att["rq_fp"], att["rq_att_tp"], att["rq_att_fn"])[2],
        "att_resp_len_f1": score.att_prf(att["rsl_tp"], att["rsl_fp"], att["rsl_att_tp"],
                                         att["rsl_att_fn"])[2],
        "type_acc": (tot["rq_type_ok"] + tot["rs_type_ok"]) / type_n if type_n else None,
        "required_acc": ratio("rq_req_ok", "rq_req_n", tot),
        "req_f1": score.prf(tot["rq_tp"], tot["rq_fp"], tot["rq_fn"])[2],
        "resp_len_f1": score.prf(tot["rsl_tp"], tot["rsl_fp"], tot["rsl_fn"])[2],
    }


COLUMNS = ("ops", "matched", "att_req_f1", "att_resp_len_f1", "type_acc", "required_acc",
           "req_f1", "resp_len_f1")


def row(name: str, values: dict) -> str:
    cells = [f"{values['matched']}/{values['ops']}"]
    for key in COLUMNS[2:]:
        value = values[key]
        cells.append("-" if value is None else f"{value:.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", help="set names (prefixes: `huawei/`, "
                        "`alibaba/vpn`); default every set")
    parser.add_argument("--json-out", type=Path, help="per-set and pooled figures as JSON")
    parser.add_argument("--keep", type=Path, help="keep each set's build under this folder")
    parser.add_argument("--jobs", type=int, default=1, help="sets built at once (each build "
                        "already uses every core for its pages)")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"error: {SCORER} not found: the development corpus is not beside the checkout",
              file=sys.stderr)
        return 2
    score = _scorer()
    sets = corpus_sets()
    if args.sets:
        sets = [s for s in sets if any(s[0] == p or s[0].startswith(p.rstrip("/") + "/")
                                       or s[0].startswith(p) for p in args.sets)]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)

        def one(item):
            name, pages, oracle = item
            out = base / name.replace("/", "-")
            return name, score_set(score, build_set(pages, out), oracle)["summary"]

        with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
            results = list(pool.map(one, sets))
    print("| set | ops matched | att request F1 | att response lenient F1 | type acc | "
          "required acc | request F1 | response lenient F1 |")
    print("|---|---|---|---|---|---|---|---|")
    out: dict[str, dict] = {}
    for name, summary in results:
        out[name] = figures(score, summary)
        print(row(name, out[name]))
    for side in ("alibaba", "huawei"):
        chosen = [s for n, s in results if n.startswith(side + "/")]
        if chosen:
            out[f"pooled {side}"] = pooled(score, chosen)
            print(row(f"**pooled {side}**", out[f"pooled {side}"]))
    if results:
        out["pooled all"] = pooled(score, [s for _, s in results])
        print(row("**pooled all**", out["pooled all"]))
    print(f"({len(results)} sets in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.json_out:
        args.json_out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
