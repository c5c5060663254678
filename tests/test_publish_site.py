"""`docs2spec publish`: the site's files as rendered (no browser needed): every operation on a
page, the facts the issue lists for each, links to the documents it was made from, nothing
fetched from elsewhere, and one clear error line for a folder that is not a generated one."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from generator.site.load import load_products
from generator.site.render import PAGE_SIZE, render_site, search_entries
from tests.conftest import GENERATED, ROOT


@pytest.fixture(scope="module")
def site():
    return render_site(load_products(GENERATED))


def _pages(site):
    return {name: text for name, text in site.items() if name.endswith(".html")}


def test_every_operation_is_rendered_once_with_its_wire_form(site, products):
    html = "".join(_pages(site).values())
    for product in products.values():
        for op in product.operations:
            assert html.count(f'<article class="operation" id="op-{op.id}">') == 1
            wire = f"/?Action={op.id}" if op.style == "rpc" else op.path
            assert f"{'|'.join(op.methods)} {wire}" in html, op.id


def test_an_operation_shows_what_the_docs_say(site):
    page = site["alibabacloud/vpc/g1.html"]
    article = page[page.index('id="op-ListIpsecServers"'):]
    assert "GET|POST /?Action=ListIpsecServers" in article
    assert "<code class=\"name\">IpsecServerId.N</code>" in article  # flattened list, one row
    assert "default 10" in article  # MaxResults
    assert "Response 200" in article and "<details class=\"node\"" in article
    assert "HTTP 400" in article and "IllegalParam.NextToken" in article
    assert re.search(r'class="src"[^>]*>specs/alibabacloud/vpc/pages/000_[0-9a-f]+\.txt:\d+',
                     article)
    assert 'class="d multi"><div class="l" lang="en">' in article  # languages to switch
    assert "application/xml" in article  # the XML sample


def test_markers_for_inferred_shapes_and_unasserted_formats(tmp_path):
    import json

    from generator.site.load import ProductFiles

    document = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/x": {
        "get": {"operationId": "GetX", "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "ip": {"type": "string", "x-docs2spec-format-hints": ["ipv4"],
                       "x-docs2spec-source": "p.md:3"},
                "extra": {"type": "integer", "x-docs2spec-inferred": True}}}}}}}}}}}
    files = render_site([ProductFiles("p/q", document, {"openapi.json": json.dumps(document)})])
    page = files["p/q/g1.html"]
    assert "format ipv4: not asserted" in page and "inferred from a sample" in page
    assert "p.md:3" in page


def test_the_site_links_to_the_documents_it_was_made_from(site):
    for key in ("alibabacloud/vpc", "huaweicloud/vpn"):
        index = site[f"{key}/index.html"]
        for name in ("openapi.json", "openapi.yaml", "report.json"):
            assert f'href="files/{name}"' in index
            assert site[f"{key}/files/{name}"] == (GENERATED / key / name).read_text("utf-8")
        schemas = sorted(p.name for p in (GENERATED / key / "schemas").glob("*.json"))
        assert all(f"{key}/files/schemas/{name}" in site for name in schemas)


def test_nothing_is_fetched_from_elsewhere(site):
    for name, text in site.items():
        if name.endswith((".html", ".css", ".js")) and not name.startswith("assets/search"):
            assert not re.search(r'(src|href)="(https?:)?//', text), name
            assert "@import" not in text and "fetch(" not in text, name


def test_search_index_names_operations_and_fields(site):
    entries = search_entries(site)
    assert ["o", "ListIpsecServers"] == entries[[e[1] for e in entries].index(
        "ListIpsecServers")][:2]
    fields = {e[1] for e in entries if e[0] == "f"}
    assert {"IpsecServerId.N", "IkeLifetime", "vpn_connections"} <= fields
    for entry in entries:
        page, _, anchor = entry[4].partition("#")
        assert page in site and f'id="{anchor}"' in site[page]


def test_long_groups_are_split_over_pages():
    from generator.site.load import ProductFiles

    paths = {f"/x{i}": {"get": {"operationId": f"Op{i:03d}", "tags": ["Big"],
                                "responses": {"200": {"description": "ok"}}}}
             for i in range(PAGE_SIZE * 2 + 1)}
    document = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    files = render_site([ProductFiles("p/q", document, {})])
    assert {"p/q/g1.html", "p/q/g1-2.html", "p/q/g1-3.html"} <= set(files)
    assert files["p/q/g1-3.html"].count('<article class="operation"') == 1


def test_publish_command_writes_the_site_and_refuses_other_folders(tmp_path):
    out = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator", "publish", "--out", str(out),
                          "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (out / "index.html").is_file() and (out / "assets" / "search-index.js").is_file()
    again = subprocess.run([sys.executable, "-m", "generator", "publish", "--out", str(out),
                            "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr  # its own site is replaced
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = subprocess.run([sys.executable, "-m", "generator", "publish", "--from", str(empty),
                          "--out", str(tmp_path / "x")], cwd=ROOT, capture_output=True,
                         text=True)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr and not (tmp_path / "x").exists()


def test_a_document_of_the_wrong_shape_is_one_error_line(tmp_path):
    folder = tmp_path / "gen" / "p" / "q"
    folder.mkdir(parents=True)
    (folder / "openapi.json").write_text('{"paths": {"/x": {"get": {"responses": 5}}}}', "utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "publish", "--from",
                          str(tmp_path / "gen"), "--out", str(tmp_path / "site")], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 2 and "p/q/openapi.json" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "site").exists()
