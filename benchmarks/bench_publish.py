"""The published site next to Redoc on the same OpenAPI document, in headless Chromium with every
host unreachable (file://, network off).

    python benchmarks/bench_publish.py GENERATED_FOLDER PROVIDER/PRODUCT [--rounds 3]

e.g. a 230-operation product built from the corpus:

    docs2spec build ../shared/corpus/huawei/pages/virtual-private-cloud \\
        ../shared/corpus/huawei/pages/elastic-ip ../shared/corpus/huawei/pages/nat-gateway \\
        --out /tmp/big --product network
    python benchmarks/bench_publish.py /tmp/big huaweicloud/network

Measures, median of the rounds: first contentful paint (navigation start to FCP, from Chromium's
lifecycle events) and the time until every operation heading is in the DOM, for the site's
product page, its largest group page and the operation page a search hit opens; Redoc as
`redocly build-docs` writes it (Redoc 3, its script imported from a CDN) and Redoc 2.5.1's
`redoc.standalone.js` (pinned in tools/lint) inlined in a page with the document. Sizes are the bytes a page needs
(the page plus the scripts and styles it loads). Needs `npm ci --prefix tools/lint` and Chromium.
This is a script, not a timed test: numbers depend on the host.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.regen import write_tree  # noqa: E402
from generator.site.load import load_products  # noqa: E402
from generator.site.render import render_site  # noqa: E402
from tests.browser import Browser  # noqa: E402

LINT = ROOT / "tools" / "lint"
OURS_OPS = "document.querySelectorAll('article.operation').length"
REDOC_OPS = "document.querySelectorAll('[data-section-id^=\"operation/\"]').length"


def redoc_pages(document: Path, out: Path) -> tuple[Path, Path]:
    cdn = out / "redoc-cdn.html"
    subprocess.run([str(LINT / "node_modules/.bin/redocly"), "build-docs", str(document), "-o",
                    str(cdn)], check=True, capture_output=True)
    bundle = (LINT / "node_modules/redoc/bundles/redoc.standalone.js").read_text("utf-8")
    spec = json.dumps(json.loads(document.read_text("utf-8")), ensure_ascii=False)
    inlined = out / "redoc-inlined.html"
    inlined.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Redoc</title></head><body>'
        '<div id="redoc"></div><script>' + bundle.replace("</script>", "<\\/script>") +
        "</script><script>Redoc.init(" + spec.replace("</", "<\\/") +
        ', {}, document.getElementById("redoc"));</script></body></html>', "utf-8")
    return cdn, inlined


def measure(browser: Browser, url: str, count_js: str, rounds: int) -> dict:
    paints, readies, counts = [], [], []
    for _ in range(rounds):
        tab = browser.open("about:blank")
        start = time.monotonic()
        paints.append(tab.first_paint(url))
        count = 0
        deadline = start + 60
        while time.monotonic() < deadline:
            count = tab.eval(count_js) or 0
            if count and tab.eval("document.readyState") == "complete":
                break
            time.sleep(0.05)
        readies.append((time.monotonic() - start) * 1000)
        counts.append(count)
        tab.close()
    return {"fcp_ms": statistics.median(paints), "ready_ms": statistics.median(readies),
            "operations_in_dom": max(counts)}


def size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("generated", type=Path)
    parser.add_argument("product")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    site = out / "site"
    started = time.monotonic()
    products = [p for p in load_products(args.generated) if p.key == args.product]
    files = render_site(products)
    write_tree(files, site)
    publish_s = time.monotonic() - started
    base = site / args.product
    groups = sorted(base.glob("g*.html"), key=lambda p: p.stat().st_size)
    largest = groups[-1]
    assets = [site / "assets/site.css", site / "assets/site.js", site / "assets/search-index.js"]
    cdn, inlined = redoc_pages(args.generated / args.product / "openapi.json", out)
    operations = len(products[0].openapi["paths"])
    rows = []
    with Browser() as browser:
        browser.open((base / "index.html").as_uri()).close()  # warm the browser up
        for label, page, js, extra in (
                ("docs2spec product page", base / "index.html", "document.querySelectorAll("
                 "'table.ops tr').length", assets),
                (f"docs2spec largest group page ({largest.name})", largest, OURS_OPS, assets),
                ("Redoc, script from its CDN (as built)", cdn, REDOC_OPS, []),
                ("Redoc, script inlined", inlined, REDOC_OPS, [])):
            result = measure(browser, page.as_uri(), js, args.rounds)
            rows.append({"page": label, "bytes": size([page, *extra]), **result})
    print(json.dumps({"product": args.product, "path_items": operations,
                      "site_files": len(files), "site_bytes": sum(len(t.encode()) for t in
                                                                  files.values()),
                      "publish_seconds": round(publish_s, 2), "pages": rows}, indent=2))
    print("\n| page | bytes loaded | first paint | operations in DOM | ready |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['page']} | {row['bytes']:,} | {row['fcp_ms']:.0f} ms | "
              f"{row['operations_in_dom']} | {row['ready_ms']:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
