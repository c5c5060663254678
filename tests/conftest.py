"""Shared fixtures: the bundled specs built once per test session, in memory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.regen import all_files, build_specs

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"

SHARED = Path(os.environ.get("DOCS2SPEC_SHARED", ROOT.parent / "shared"))
"""The development material kept beside the checkout (not shipped): the corpus, the seeds, the
scorer. Tests that need it are skipped without it, and their skip says how to enable them."""
CORPUS = Path(os.environ.get("DOCS2SPEC_CORPUS", SHARED / "corpus"))


def needs_shared(what: str) -> str:
    """The skip reason for a check that needs `what` (a path under SHARED)."""
    return (f"needs ../shared/{what} beside the checkout (the development material; or set "
            f"DOCS2SPEC_SHARED=DIR); without it these checks are skipped")


NO_CORPUS = ("needs ../shared/corpus beside the checkout (the development corpus; or set "
             "DOCS2SPEC_CORPUS=DIR); without it these checks are skipped")


@pytest.fixture(scope="session")
def builds():
    return build_specs(SPECS)


@pytest.fixture(scope="session")
def files(builds):
    return all_files(builds)


@pytest.fixture(scope="session")
def products(builds):
    return {f"{b.manifest.provider}/{b.manifest.product}": b.product for b in builds}


@pytest.fixture(scope="session")
def documents(files):
    """Every generated JSON file, parsed, keyed by its path under generated/."""
    return {path: json.loads(text) for path, text in files.items() if path.endswith(".json")}


def render_html(text: str, source_path: str | None = None, **settings) -> str:
    """reStructuredText as docutils' HTML5 writer renders it (what a Sphinx docs site serves).
    A writer instance works with every docutils release; `writer_name` is deprecated."""
    from docutils.core import publish_string
    from docutils.writers.html5_polyglot import Writer

    html = publish_string(text, source_path=source_path, writer=Writer(), settings_overrides={
        "output_encoding": "unicode", **settings})
    return html if isinstance(html, str) else html.decode("utf-8")


def inline_components(document: dict) -> dict:
    """The OpenAPI document with the body objects the emitter hoists into named components put
    back in place, for tests that look at shapes; the error envelopes stay `$ref`s."""
    schemas = document.get("components", {}).get("schemas", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.removeprefix("#/components/schemas/")
            if ref != name and name in schemas and not name.endswith("Error"):
                return inline({**schemas[name], **{k: v for k, v in node.items() if k != "$ref"}})
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(value) for value in node]
        return node

    return {**document, "paths": inline(document["paths"])}
