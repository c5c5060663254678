"""`docs2spec init`: a commented product.toml that `regen` reads as written, pages copied or
pointed at, and one clear error for a value it does not know."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from generator.cli import main
from generator.manifest import read_manifest
from generator.regen import build_specs
from tests.conftest import SPECS

VPC_PAGES = SPECS / "alibabacloud" / "vpc" / "pages"


def test_dry_run_prints_a_manifest_regen_reads(tmp_path, capsys):
    assert main(["init", "nat", "--dialect", "huawei", "--specs", str(tmp_path),
                 "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert not list(tmp_path.iterdir())  # nothing written
    data = tomllib.loads(text)
    assert data == {"provider": "huaweicloud", "product": "nat", "title": "huaweicloud nat",
                    "version": "unknown", "style": "rest", "dialect": "huawei",
                    "pages": "pages"}
    assert "# form = " in text and "# [[servers]]" in text  # the optional fields, commented
    path = tmp_path / "product.toml"
    path.write_text(text, encoding="utf-8")
    manifest = read_manifest(path)
    assert (manifest.provider, manifest.style, manifest.dialect) == ("huaweicloud", "rest",
                                                                     "huawei")


@pytest.mark.parametrize(("option", "value", "valid"), [
    ("--dialect", "aws", "alibaba, huawei"),
    ("--style", "soap", "rpc, rest"),
    ("--form", "pdf", "html"),
])
def test_unknown_values_are_one_error_listing_the_valid_ones(option, value, valid, tmp_path,
                                                             capsys):
    argv = ["init", "nat", "--dialect", "alibaba", "--specs", str(tmp_path)]
    argv = argv[:2] + [option, value] + argv[4:] if option == "--dialect" else \
        argv + [option, value]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and value in err and valid in err, err
    assert not list(tmp_path.iterdir())


def test_names_that_escape_specs_are_refused(tmp_path, capsys):
    assert main(["init", "../x", "--dialect", "alibaba", "--specs", str(tmp_path)]) == 2
    assert "not a plain folder name" in capsys.readouterr().err


def test_pages_are_copied_and_regen_builds_the_product(tmp_path, capsys):
    saved = tmp_path / "saved"
    shutil.copytree(VPC_PAGES, saved / "api")
    specs = tmp_path / "specs"
    assert main(["init", "myvpc", "--dialect", "alibaba", "--pages", str(saved),
                 "--specs", str(specs)]) == 0
    out = capsys.readouterr().out
    folder = specs / "alibabacloud" / "myvpc"
    copied = sorted(p.relative_to(folder / "pages") for p in (folder / "pages").rglob("*.txt"))
    assert copied == sorted(p.relative_to(saved) for p in saved.rglob("*.txt")) and copied
    assert "generated.alibabacloud.myvpc.models" in out
    manifest = read_manifest(folder / "product.toml")
    assert manifest.version == "2016-04-28"  # stated by the pages
    [build] = build_specs(specs)
    assert build.product.operations and "alibabacloud/myvpc/models.py" in build.files


def test_link_points_at_pages_inside_specs_instead_of_copying(tmp_path, capsys):
    specs = tmp_path / "specs"
    saved = specs / "saved" / "vpc"
    shutil.copytree(VPC_PAGES, saved)
    assert main(["init", "myvpc", "--dialect", "alibaba", "--pages", str(saved), "--link",
                 "--specs", str(specs)]) == 0
    folder = specs / "alibabacloud" / "myvpc"
    assert not (folder / "pages").exists()
    manifest = read_manifest(folder / "product.toml")
    assert manifest.pages == "../../saved/vpc"
    assert (folder / manifest.pages).resolve() == saved.resolve()
    # regen reads pages only inside the specs folder: --link to anything else is refused
    assert main(["init", "other", "--dialect", "alibaba", "--pages", str(VPC_PAGES), "--link",
                 "--specs", str(specs)]) == 2
    assert "outside the specs folder" in capsys.readouterr().err


def test_an_existing_manifest_is_kept_unless_forced(tmp_path, capsys):
    argv = ["init", "nat", "--dialect", "alibaba", "--specs", str(tmp_path)]
    assert main(argv) == 0
    path = tmp_path / "alibabacloud" / "nat" / "product.toml"
    path.write_text(path.read_text() + "# mine\n")
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err and "# mine" in path.read_text()
    assert main([*argv, "--force"]) == 0 and "# mine" not in path.read_text()


def test_a_pages_folder_without_pages_is_refused(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["init", "nat", "--dialect", "alibaba", "--pages", str(tmp_path / "empty"),
                 "--specs", str(tmp_path / "specs")]) == 2
    assert "no pages found" in capsys.readouterr().err
    assert not (tmp_path / "specs").exists()
