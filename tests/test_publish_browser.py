"""The published site in a real browser: headless Chromium with every host unreachable opens it
from file://. Pages load without console errors, every bundled operation is in the DOM, search
finds an operation and a field, every internal link resolves, the language switch switches.
Screenshots of the index and of one operation are written to `$DOCS2SPEC_ARTIFACTS`
(default: .artifacts/publish/)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.regen import write_tree
from generator.site.load import load_products
from generator.site.render import render_site
from tests.browser import ENABLE, Browser, chromium_path
from tests.conftest import GENERATED, ROOT

ARTIFACTS = Path(os.environ.get("DOCS2SPEC_ARTIFACTS", ROOT / ".artifacts")) / "publish"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    write_tree(render_site(load_products(GENERATED)), out)
    return out


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.skip(f"no headless Chromium on this machine; install it with `{ENABLE}`")
    with Browser() as running:
        yield running


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_loads_without_console_errors(site, browser):
    for page in _pages(site):
        tab = browser.open(page.as_uri())
        assert tab.eval("document.title"), page
        assert tab.eval("document.querySelector('main') !== null"), page
        assert tab.eval("typeof window.DOCS2SPEC_INDEX") == "object", page  # scripts ran
        assert tab.problems() == [], page
        tab.close()


def test_every_bundled_operation_is_in_the_dom(site, browser, products):
    shown = []
    for page in _pages(site):
        tab = browser.open(page.as_uri())
        shown += tab.eval("Array.from(document.querySelectorAll('article.operation h2'))"
                          ".filter(h => h.getClientRects().length > 0).map(h => h.textContent)")
        tab.close()
    expected = sorted(op.id for product in products.values() for op in product.operations)
    assert sorted(shown) == expected


def test_search_finds_an_operation_and_a_field(site, browser):
    tab = browser.open((site / "index.html").as_uri())
    for query, kind in (("ListIpsecServers", "operation-hit"), ("IkeLifetime", "field-hit"),
                        ("vpn_connections", "field-hit")):
        tab.eval("(() => { const box = document.getElementById('search'); box.value = "
                 f"{query!r}; box.dispatchEvent(new Event('input')); }})()")
        hits = tab.eval(f"Array.from(document.querySelectorAll('#results a.{kind}'))"
                        ".map(a => [a.querySelector('strong').textContent, a.href])")
        assert hits and hits[0][0] == query, (query, hits)
        target = browser.open(hits[0][1])
        assert target.eval("document.getElementById(location.hash.slice(1)) !== null"), hits[0]
        target.close()
    assert tab.problems() == []
    tab.close()


def test_every_internal_link_resolves(site, browser):
    checked = 0
    for page in _pages(site):
        tab = browser.open(page.as_uri())
        links = tab.eval("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
        tab.close()
        for link in links:
            parts = urlsplit(link)
            assert parts.scheme == "file", link  # nothing points off the machine
            target = Path(unquote(parts.path))
            assert target.is_file(), (page, link)
            if parts.fragment:
                assert f'id="{unquote(parts.fragment)}"' in target.read_text("utf-8"), link
            checked += 1
    assert checked > 20


def test_the_language_switch_shows_the_other_language(site, browser):
    tab = browser.open((site / "alibabacloud/vpc/g1.html").as_uri())
    visible = ("Array.from(document.querySelectorAll('.d.multi > .l')).filter(e => "
               "e.getClientRects().length > 0).map(e => e.lang)")
    before = set(tab.eval(visible))
    tab.eval("document.querySelector('.lang-button[data-lang=\"zh\"]').click()")
    after = set(tab.eval(visible))
    assert before == {"en"} and after == {"zh"}
    tab.close()


def test_screenshots_of_the_index_and_an_operation(site, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab = browser.open((site / "index.html").as_uri())
    tab.screenshot(ARTIFACTS / "index.png")
    tab.navigate((site / "alibabacloud/vpc/g1.html").as_uri() + "#op-ListIpsecServers")
    tab.screenshot(ARTIFACTS / "operation.png")
    tab.close()
    for name in ("index.png", "operation.png"):
        assert (ARTIFACTS / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
