"""HTML saved from the Huawei-style docs site is the Sphinx rendering of the same
reStructuredText: building the rendered pages must give the same contract as the sources."""

from __future__ import annotations

import json

import pytest

from generator.build import build_pages
from tests.conftest import CORPUS, NO_CORPUS

SOURCE = (CORPUS / "huawei" / "pages" / "virtual-private-network" /
          "api-ref" / "source" / "api_reference_enterprise_edition_vpn" / "api")
PAGES = ["vpn_connection/creating_a_vpn_connection.rst",
         "vpn_connection/querying_the_vpn_connection_list.rst",
         "s2c_vpn_gateway/updating_a_vpn_gateway.rst",
         "customer_gateway/querying_the_customer_gateway_list.rst"]


def shape(document: dict) -> dict:
    """What a contract says, without where it says it (line numbers differ between formats)."""
    text = json.dumps(document, sort_keys=True)
    data = json.loads(text, object_hook=lambda o: {k: v for k, v in o.items()
                                                   if not k.startswith("x-docs2spec-")
                                                   and k not in ("summary", "examples")})
    return data["paths"]


@pytest.mark.slow
@pytest.mark.skipif(not SOURCE.is_dir(), reason=NO_CORPUS)
def test_rendered_html_gives_the_same_contract(tmp_path):
    import generator.sources.rst  # noqa: F401 - registers the Sphinx roles the pages use
    from tests.conftest import render_html

    rst_dir, html_dir = tmp_path / "rst", tmp_path / "html"
    for rel in PAGES:
        page = SOURCE / rel
        for folder, suffix in ((rst_dir, ".rst"), (html_dir, ".html")):
            target = folder / rel.replace("/", "_")
            target = target.with_suffix(suffix)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = page.read_text(encoding="utf-8")
            if suffix == ".html":
                text = render_html(text, source_path=str(page), report_level=5, halt_level=5,
                                   file_insertion_enabled=False)
            target.write_text(text, encoding="utf-8")
    (rst_build,), _ = build_pages([rst_dir], tmp_path / "a", product="vpn", write=False)
    (html_build,), _ = build_pages([html_dir], tmp_path / "b", product="vpn", write=False)
    key = "huaweicloud/vpn/openapi.json"
    assert {r.form for r in html_build.results} == {"html"}
    rst_paths = shape(json.loads(rst_build.files[key]))
    html_paths = shape(json.loads(html_build.files[key]))
    assert len(rst_paths) == 3 and sum(len(item) for item in rst_paths.values()) == 4
    assert html_paths == rst_paths
