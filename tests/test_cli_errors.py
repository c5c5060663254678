"""Bad input at the command line: one line on stderr that says what is wrong and what to do.

Every case runs `python -m generator ...` as a user would (all of them at once, to keep the
suite fast) and expects exit code 2, exactly one stderr line starting `docs2spec: error:`, and no
traceback. A build with one broken page among good ones builds the good ones, names the broken
one in report.json and exits 1; Ctrl-C exits 130 and a closed stdout exits quietly.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.cli
import generator.regen
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "specs" / "alibabacloud" / "vpc" / "pages").iterdir())
MANIFEST = 'provider = "p"\nproduct = "x"\nversion = "1"\nstyle = "rpc"\n'


def layout(base: Path) -> dict[str, Path]:
    """Inputs for every case under `base`."""
    paths = {name: base / name for name in ("page.txt", "good", "binary.txt", "empty",
                                             "missing", "out-file", "prose.md", "specs-empty",
                                             "specs-file", "unreadable.txt")}
    paths["page.txt"].write_bytes(SEEDS[0].read_bytes())
    paths["good"].mkdir()
    for seed in SEEDS[:2]:
        (paths["good"] / seed.name).write_bytes(seed.read_bytes())
    paths["binary.txt"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (paths["good"] / "broken.txt").write_bytes(paths["binary.txt"].read_bytes())
    paths["empty"].mkdir()
    paths["out-file"].write_text("a file, not a folder\n")
    paths["prose.md"].write_text("# Notes\n\nNothing but prose here.\n")
    paths["specs-empty"].mkdir()
    paths["specs-file"].write_text("not a folder\n")
    paths["unreadable.txt"].write_bytes(SEEDS[0].read_bytes())
    paths["unreadable.txt"].chmod(0)
    for name, text in {"toml": "provider = \n", "keys": 'provider = "p"\n',
                       "style": MANIFEST.replace('"rpc"', '"soap"'),
                       "dialect": MANIFEST + 'dialect = "nonsense"\n',
                       "form": MANIFEST + 'form = "pdf"\n', "dir": None,
                       "servers": MANIFEST + "servers = 5\n",
                       "variables": MANIFEST + '[[servers]]\nurl = "https://x"\nvariables = 5\n',
                       "nested": MANIFEST + "a = " + "[" * 100_000 + "]" * 100_000 + "\n",
                       "escape": MANIFEST.replace('"p"', '"../../escape"'),
                       "dots": MANIFEST.replace('"x"', '".."'),
                       "version": MANIFEST.replace('"1"', "[1]")}.items():
        product = base / f"specs-{name}" / "p" / "x"
        (product / "pages").mkdir(parents=True)
        (product / "pages" / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
        if text is None:
            (product / "product.toml").mkdir()
        else:
            (product / "product.toml").write_text(text)
        paths[f"specs-{name}"] = base / f"specs-{name}"
    nopages = base / "specs-nopages" / "p" / "x"
    (nopages / "pages").mkdir(parents=True)
    (nopages / "product.toml").write_text(MANIFEST)
    paths["specs-nopages"] = base / "specs-nopages"
    for copy in ("a", "b"):  # two manifests for the same provider/product
        twice = base / "specs-twice" / copy / "x"
        (twice / "pages").mkdir(parents=True)
        (twice / "pages" / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
        (twice / "product.toml").write_text(MANIFEST)
    paths["specs-twice"] = base / "specs-twice"
    return paths


CASES = {
    # name: (argv, what the message must say)
    "unknown page format": (["build", "{page.txt}", "--out", "{o}", "--form", "nonsense"],
                            ["unknown page format 'nonsense'", "--form takes one of"]),
    "unknown dialect": (["build", "{page.txt}", "--out", "{o}", "--dialect", "nonsense"],
                        ["unknown dialect 'nonsense'", "--dialect takes one of"]),
    "specs folder without manifest": (["regen", "--specs", "{specs-empty}", "--out", "{o}"],
                                      ["no product.toml under", "needs a manifest"]),
    "specs folder missing": (["regen", "--specs", "{missing}", "--out", "{o}"],
                             ["specs folder does not exist", "--specs"]),
    "specs folder is a file": (["regen", "--specs", "{specs-file}", "--out", "{o}"],
                               ["specs folder is not a folder", "--specs"]),
    "manifest not TOML": (["regen", "--specs", "{specs-toml}", "--out", "{o}"],
                          ["product.toml", "manifest is not valid TOML"]),
    "manifest lacks keys": (["regen", "--specs", "{specs-keys}", "--out", "{o}"],
                            ["manifest lacks product, version, style"]),
    "manifest bad style": (["regen", "--specs", "{specs-style}", "--out", "{o}"],
                           ["style must be one of rpc, rest, not 'soap'"]),
    "manifest unknown dialect": (["regen", "--specs", "{specs-dialect}", "--out", "{o}"],
                                 ["product.toml", "unknown dialect 'nonsense'", "alibaba"]),
    "manifest unknown form": (["regen", "--specs", "{specs-form}", "--out", "{o}"],
                              ["product.toml", "unknown page format 'pdf'", "markdown"]),
    "manifest is a folder": (["regen", "--specs", "{specs-dir}", "--out", "{o}"],
                             ["product.toml", "cannot read manifest", "Is a directory"]),
    "manifest servers not tables": (["regen", "--specs", "{specs-servers}", "--out", "{o}"],
                                    ["product.toml", "servers must be an array of tables"]),
    "manifest variables not a table": (["regen", "--specs", "{specs-variables}", "--out", "{o}"],
                                       ["servers.variables must be a table"]),
    "manifest nested 100,000 deep": (["regen", "--specs", "{specs-nested}", "--out", "{o}"],
                                     ["manifest is not valid TOML: it nests too deeply"]),
    "manifest provider escapes": (["regen", "--specs", "{specs-escape}", "--out", "{o}"],
                                  ["provider '../../escape' is not a plain folder name"]),
    "manifest product is ..": (["regen", "--specs", "{specs-dots}", "--out", "{o}"],
                               ["product '..' must not start with a dot"]),
    "manifest version an array": (["regen", "--specs", "{specs-version}", "--out", "{o}"],
                                  ["version must be a string, not an array"]),
    "product without pages": (["regen", "--specs", "{specs-nopages}", "--out", "{o}"],
                              ["pages folder 'pages' holds no pages"]),
    "product declared twice": (["regen", "--specs", "{specs-twice}", "--out", "{o}"],
                               ["product p/x is already declared by", "specs-twice/a/x"]),
    "build --product escapes": (["build", "{page.txt}", "--out", "{o}", "--product", "../../x"],
                                ["--product '../../x' is not a plain folder name"]),
    "build --provider hidden": (["build", "{page.txt}", "--out", "{o}", "--provider", ".p"],
                                ["--provider '.p' must not start with a dot"]),
    "page does not exist": (["build", "{missing}", "--out", "{o}"],
                            ["missing: no such file or folder", "give page files"]),
    "binary page": (["build", "{binary.txt}", "--out", "{o}"],
                    ["binary.txt:1: not a text page (binary data)", "give pages saved as"]),
    "empty folder": (["build", "{empty}", "--out", "{o}"],
                     ["empty: no pages found", "give page files"]),
    "no reference page": (["build", "{prose.md}", "--out", "{o}"],
                          ["none of the 1 page(s) is an API reference page"]),
    "output is a file": (["build", "{page.txt}", "--out", "{out-file}"],
                         ["out-file is a file; refusing to replace it", "choose a new"]),
    "output is a folder of something else": (["build", "{page.txt}", "--out", "{good}"],
                                             ["good is a folder that docs2spec did not write",
                                              "choose a new"]),
    "missing option": (["build", "{page.txt}"],
                       ["the following arguments are required: --out", "--help"]),
    "unknown command": (["frobnicate"], ["invalid choice: 'frobnicate'", "--help"]),
}
if os.geteuid() != 0:  # root reads any file: see test_unreadable_page_in_process
    CASES["unreadable page"] = (["build", "{unreadable.txt}", "--out", "{o}"],
                                ["unreadable.txt", "Permission denied", "readable file"])


def command(argv: list[str]) -> list[str]:
    return [sys.executable, "-m", "generator", *argv]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Every case's (exit code, stdout, stderr), run in parallel; plus the mixed build."""
    base = tmp_path_factory.mktemp("cli")
    paths = layout(base)
    running = {}
    for name, (argv, _) in CASES.items():
        out = base / "outs" / name.replace(" ", "-")
        args = []
        for arg in argv:
            for key, path in {"o": out, **paths}.items():
                arg = arg.replace("{" + key + "}", str(path))
            args.append(arg)
        running[name] = subprocess.Popen(command(args), cwd=ROOT, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True)
    mixed_out = base / "mixed-out"
    running["mixed"] = subprocess.Popen(command(["build", str(paths["good"]), "--out",
                                                 str(mixed_out), "--quiet"]), cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = {}
    for name, process in running.items():
        out, err = process.communicate(timeout=300)
        done[name] = (process.returncode, out, err)
    done["mixed-out"] = mixed_out
    done["paths"] = paths
    return done


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_one_line_and_exit_2(results, name):
    code, out, err = results[name]
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("docs2spec: error: "), err
    for words in CASES[name][1]:
        assert words in lines[0], lines[0]
    assert code == 2, err


def test_nothing_is_written_for_bad_input(results):
    outs = results["paths"]["page.txt"].parent / "outs"
    assert not outs.exists() or not any(outs.iterdir())
    assert results["paths"]["out-file"].read_text() == "a file, not a folder\n"


def test_one_broken_page_among_good_ones(results):
    code, out, err = results["mixed"]
    assert "Traceback" not in out + err
    assert code == 1
    assert err.splitlines() == ["docs2spec: 1 page(s) could not be read and were skipped; "
                                "see report.json"]
    good = results["paths"]["good"]
    [report_path] = results["mixed-out"].glob("*/*/report.json")
    report = json.loads(report_path.read_text())
    broken = [d for d in report["diagnostics"] if d["severity"] == "error"]
    assert [(d["code"], d["source"].split(":")[0]) for d in broken] == [
        ("page-unreadable", (good / "broken.txt").as_posix())]
    assert "binary data" in broken[0]["message"]
    operations = {op for page in report["pages"] for op in page["operations"]}
    assert operations  # the good pages were built
    assert list(results["mixed-out"].glob("*/*/schemas/*.response.json"))


def test_unreadable_page_in_process(tmp_path, monkeypatch, capsys):
    """As root no file is unreadable, so the permission error is simulated here."""
    page = tmp_path / "page.txt"
    page.write_bytes(SEEDS[0].read_bytes())
    real = Path.read_bytes

    def denied(self):
        if self.name == "page.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    code = main(["build", str(page), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"docs2spec: error: {page.as_posix()}: cannot read page: "
                                "Permission denied (check that it is a readable file)"]
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_written_is_exit_2(tmp_path, monkeypatch, capsys):
    page = tmp_path / "page.txt"
    page.write_bytes(SEEDS[0].read_bytes())
    blocker = tmp_path / "taken.md"
    blocker.write_text("not a folder")
    code = main(["build", str(page), "--out", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"docs2spec: error: cannot write {blocker / 'out'}: {blocker} is "
                                "a file (choose an output folder you can create)"]
    # A write that fails halfway (a full disk) leaves the previous output whole.
    out = tmp_path / "out"
    assert main(["build", str(page), "--out", str(out)]) == 0
    before = {f: f.read_bytes() for f in out.rglob("*") if f.is_file()}
    real = Path.write_text

    def full(self, *args, **kwargs):
        if self.name.endswith(".json"):
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    capsys.readouterr()
    assert main(["build", str(page), "--out", str(out)]) == 2
    assert "No space left on device; the previous output is unchanged" in capsys.readouterr().err
    assert {f: f.read_bytes() for f in out.rglob("*") if f.is_file()} == before
    assert not list(tmp_path.glob(".out.new-*"))


def test_a_bug_is_one_line_too(tmp_path, monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(generator.regen, "build_specs", boom)
    monkeypatch.delenv("DOCS2SPEC_DEBUG", raising=False)
    (tmp_path / "specs").mkdir()
    code = main(["regen", "--specs", str(tmp_path / "specs"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 70
    assert err.splitlines() == ["docs2spec: error: internal error (RuntimeError: something "
                                "broke); this is a bug in docs2spec: rerun with DOCS2SPEC_DEBUG=1 "
                                "for the traceback and please report it"]
    monkeypatch.setenv("DOCS2SPEC_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["regen", "--specs", str(tmp_path / "specs"), "--out", str(tmp_path / "out")])


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux) to see the worker processes; runs there")
@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_exits_130_without_traceback(tmp_path, attempt):
    """Ctrl-C as soon as the first worker exists, often while the next is being forked: a
    signal inside fork() used to be swallowed by an at-fork hook (traceback, then exit 0) or
    to kill a half-started worker. Repeated, as the window is narrow."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for index in range(24):  # enough pages for the process pool and a few seconds of work
        for seed in SEEDS:
            (pages / f"{index:02}_{seed.name}").write_text(
                seed.read_text(encoding="utf-8").replace("IpsecServer", f"IpsecServer{index}"),
                encoding="utf-8")
    # As a terminal's foreground job has it: a shell that started pytest in the background
    # (`pytest &`, nohup, some CI runners) makes SIGINT ignored for its children, and a program
    # started with SIGINT ignored rightly keeps ignoring it.
    process = subprocess.Popen(command(["build", str(pages), "--out", str(tmp_path / "out")]),
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not children(process.pid):  # the page workers: past the imports, inside the work
        assert process.poll() is None, "the build ended before Ctrl-C"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # a terminal sends it to the whole process group
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert err == "docs2spec: interrupted\n"
    assert not (tmp_path / "out").exists()


def test_closed_stdout_exits_quietly(tmp_path):
    """`docs2spec build ... | head -0`: no BrokenPipeError traceback, even with buffered
    output (flushed only at exit)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(command(["build", str(SEEDS[0]), "--out", str(tmp_path / "o")]),
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env)
    process.stdout.close()
    err = process.stderr.read().decode()
    process.wait(timeout=120)
    assert err == ""
    assert process.returncode == 141
    assert (tmp_path / "o").is_dir()


def test_file_names_that_are_not_utf8(tmp_path):
    """A page or capture whose file name is not UTF-8 (Python keeps such bytes as lone
    surrogates) is labelled with U+FFFD. Before, writing report.json, or printing the label on
    a terminal that encodes strictly (en_US.UTF-8; PYTHONIOENCODING=utf-8:strict here), ended
    in an internal error (UnicodeEncodeError, exit 70)."""
    pages, captures = tmp_path / "pages", tmp_path / "ListIpsecServers"
    pages.mkdir()
    captures.mkdir()
    try:
        with open(os.fsencode(pages) + b"/bad-\xff.txt", "wb") as stream:
            stream.write(SEEDS[0].read_bytes())
        with open(os.fsencode(captures) + b"/bad-\xff.json", "wb") as stream:
            stream.write(b'{"TotalCount": "x"}')
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8; run the tests on "
                    "one that takes any bytes (ext4, tmpfs) to check them")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    build = subprocess.run(command(["build", str(pages), "--out", str(tmp_path / "out")]),
                           cwd=ROOT, capture_output=True, env=env, timeout=300)
    assert build.returncode == 0, build.stderr
    [report] = (tmp_path / "out").glob("*/*/report.json")
    assert [p["page"] for p in json.loads(report.read_text())["pages"]] == [
        f"{pages.as_posix()}/bad-\ufffd.txt"]
    for output in ("text", "json"):
        check = subprocess.run(command(["validate", "--format", output, str(captures)]),
                               cwd=ROOT, capture_output=True, env=env, timeout=300)
        assert check.returncode == 1, check.stderr
        assert check.stderr == b""
    [entry] = json.loads(check.stdout)["entries"]  # the text table cuts long labels
    assert entry["entry"] == f"{captures.as_posix()}/bad-\ufffd.json"


def test_control_characters_in_names_are_escaped(tmp_path, capsys):
    """A page named with an ESC sequence or a bidi override: the summary and the error line
    show it escaped, never raw (raw, it would clear or restyle the terminal)."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "x\x1b[2J\u202e.txt").write_bytes(SEEDS[0].read_bytes())
    assert main(["build", str(good), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "x\\x1b[2J\\u202e.txt: " in out and "\x1b" not in out and "\u202e" not in out
    binary = tmp_path / "y\x1b]0;title\x07.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00" + bytes(range(256)))
    assert main(["build", str(binary), "--out", str(tmp_path / "out2")]) == 2
    err = capsys.readouterr().err
    assert "y\\x1b]0;title\\x07.txt:1: not a text page (binary data)" in err
    assert "\x1b" not in err and "\x07" not in err
