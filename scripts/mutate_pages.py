"""Run thousands of mutated pages through the page pipeline and count what breaks.

    python scripts/mutate_pages.py [--cases 10000] [--seed 0] [--workers 2]

Seeds are the bundled pages (`specs/*/*/pages/*`), the HTML test fixtures and, when present, the
development corpus beside the repository (`../shared/corpus/alibaba/pages/**/*.md`,
`../shared/corpus/huawei/pages/**/*.rst`). Each case takes one seed and applies one to three
mutations at the byte level (truncation, dropped/duplicated/shuffled lines, empty cells, CRLF,
BOMs, mixed encodings, invalid UTF-8, control characters, NUL, huge cells, huge tables, deeply
nested or broken samples, XML entity bombs, pathological runs of `|`, `*`, `\\`, `Table 1 `,
`{#`, ...), then runs the path every page takes: `decode_page` -> `read_and_extract` ->
`product_from_results` (reconcile, product) -> `emit_product` (every emitter).

Every case must end in output plus diagnostics, or in a `Docs2SpecError` whose message starts
with the page's name. Anything else is a crash: the case number, its mutations and the traceback
are printed, and `--save DIR` keeps the page. Reading runs under the pipeline's per-page time
limit; a page over it is what the pipeline reports as a `page-timeout` error, counted and printed
apart (with 100,000-row tables of 10-20 MB it can happen: docutils alone needs more than the limit
for an RST grid table that size). Cases are deterministic: case N of seed S is the same page on
every machine.

Prints `cases run / errors reported / crashes`, the timeouts, the slowest page and the slowest
without a `huge_*` mutation (a common mutation that is slow is a performance bug); exits 1 when
crashes > 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
import time
import traceback
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import dialects, sources  # noqa: E402
from generator.errors import Docs2SpecError, InputError  # noqa: E402
from generator.location import SourceLoc  # noqa: E402
from generator.manifest import Manifest  # noqa: E402
from generator.pipeline import (  # noqa: E402
    MAX_PAGE_BYTES,
    decode_page,
    emit_product,
    product_from_results,
    read_and_extract,
)
from generator.timebox import PAGE_SECONDS, PageTimeout, time_limit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from output_invariants import INVARIANTS, check_outputs  # noqa: E402, I001

CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".md", ".rst", ".html")


def seed_pages(root: Path = ROOT) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every seed page, in a stable order."""
    paths = sorted(root.glob("specs/*/*/pages/*"))
    paths += sorted((root / "tests" / "fixtures" / "html").glob("*.html"))
    corpus = root.parent / "shared" / "corpus"
    paths += sorted((corpus / "alibaba" / "pages").glob("**/*.md"))
    paths += sorted((corpus / "huawei" / "pages").glob("**/*.rst"))
    return [(p.name, p.read_bytes()) for p in paths if p.is_file()]


# ------------------------------------------------------------------------------ mutations
# Each takes (rng, page bytes, all seeds) and returns new bytes; sizes stay modest except for
# the `huge_*` ones, which the driver picks rarely.


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def truncate(rng: random.Random, data: bytes, seeds) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def drop_lines(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 8)):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 8)):
        index = rng.randrange(len(lines))
        lines[index:index] = [lines[index]] * rng.randint(1, 5)
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 6)):
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _table_runs(lines: list[bytes]) -> list[tuple[int, int]]:
    """Runs of consecutive lines that look like table rows (pipes, RST grid borders)."""
    runs, start = [], None
    for index, line in enumerate([*lines, b""]):
        tabular = b"|" in line or line.lstrip().startswith(b"+-") or line.lstrip().startswith(b"<tr")
        if tabular and start is None:
            start = index
        elif not tabular and start is not None:
            if index - start >= 3:
                runs.append((start, index))
            start = None
    return runs


def shuffle_rows(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    runs = _table_runs(lines)
    if not runs:
        return swap_lines(rng, data, seeds)
    start, end = rng.choice(runs)
    body = lines[start + 1:end]  # keep the first line (a header) where it is
    rng.shuffle(body)
    lines[start + 1:end] = body
    return b"\n".join(lines)


def empty_cells(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if line.count(b"|") >= 2]
    for _ in range(rng.randint(1, 10)):
        if not candidates:
            break
        index = rng.choice(candidates)
        parts = lines[index].split(b"|")
        cell = rng.randrange(len(parts))
        parts[cell] = b" " if rng.random() < 0.7 else b""
        lines[index] = b"|".join(parts)
    return b"\n".join(lines)


def crlf(rng: random.Random, data: bytes, seeds) -> bytes:
    choice = rng.random()
    if choice < 0.5:
        return data.replace(b"\n", b"\r\n")
    if choice < 0.75:
        return data.replace(b"\n", b"\r")
    lines = _lines(data)
    return b"".join(line + rng.choice((b"\n", b"\r\n", b"\r", b"\n\r")) for line in lines)


def bom(rng: random.Random, data: bytes, seeds) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.randrange(5)
    if choice == 0:
        return b"\xef\xbb\xbf" + data
    if choice == 1:
        return text.encode("utf-16")  # with its BOM
    if choice == 2:
        return b"\xef\xbb\xbf\xef\xbb\xbf" + data  # two BOMs
    if choice == 3:
        return b"\xff\xfe" + data  # a UTF-16 BOM on UTF-8 bytes
    index = rng.randrange(len(data) + 1)
    return data[:index] + b"\xef\xbb\xbf" + data[index:]  # a BOM in the middle


def mixed_encoding(rng: random.Random, data: bytes, seeds) -> bytes:
    text = data.decode("utf-8", errors="replace")
    if not text:
        return data
    a = rng.randrange(len(text))
    b = min(len(text), a + rng.randint(1, 2000))
    codec = rng.choice(("gb18030", "latin-1", "utf-16-le", "big5", "shift_jis", "cp1252"))
    middle = text[a:b].encode(codec, errors="replace")
    return text[:a].encode("utf-8") + middle + text[b:].encode("utf-8")


def invalid_utf8(rng: random.Random, data: bytes, seeds) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        index = rng.randrange(len(out) + 1)
        junk = rng.choice((b"\xff", b"\xc3", b"\xe4\xb8", b"\x80\x80", b"\xed\xa0\x80",
                           b"\xf4\x90\x80\x80", bytes([rng.randrange(128, 256)])))
        out[index:index] = junk
    return bytes(out)


def control_chars(rng: random.Random, data: bytes, seeds) -> bytes:
    out = bytearray(data)
    pool = [bytes([c]) for c in (*range(1, 9), 11, 12, *range(14, 32), 127)]
    pool += ["\x85".encode(), "\u2028".encode(), "\u2029".encode(), "\u200b".encode(),
             "\ufeff".encode(), "\ue000".encode(), "\ue001".encode(), "\ufffd".encode()]
    for _ in range(rng.randint(1, 30)):
        index = rng.randrange(len(out) + 1)
        out[index:index] = rng.choice(pool)
    return bytes(out)


def nul(rng: random.Random, data: bytes, seeds) -> bytes:
    index = rng.randrange(len(data) + 1) if rng.random() < 0.5 else \
        min(len(data), 8192 + rng.randrange(1000))
    return data[:index] + b"\x00" * rng.randint(1, 3) + data[index:]


def byte_flips(rng: random.Random, data: bytes, seeds) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def splice(rng: random.Random, data: bytes, seeds) -> bytes:
    """Glue a piece of another seed page into this one (mixes formats and dialects)."""
    _, other = rng.choice(seeds)
    a, b = sorted((rng.randrange(len(other) + 1), rng.randrange(len(other) + 1)))
    index = rng.randrange(len(data) + 1)
    return data[:index] + other[a:b] + data[index:]


_ODD_LINES = (
    b"|" * 5000, b"*" * 5000, b" " * 5000 + b"x", b"\\" * 5000, b"Table 1 " * 600,
    b"# " + b"{#" * 2500, b"#" * 5000, b"`" * 5000, b"[" * 5000, b"](" * 2500, b"![" * 2500,
    b"<" * 5000, b"<br" * 1500, b"- " * 2500, b"| " * 2500 + b"|", b"|---" * 1200,
    b"+" + b"-+" * 2500, b"=" * 5000, b".. table:: " * 500, b":ref:`" * 800, b"{" * 5000,
    b"}" * 5000, b"\"" * 5000, b"ParameterTypeRequired" * 200, b"stringYes" * 500,
    b"\t" * 5000, b"\xe2\x94\x94" * 2000, b"a" * 20000, b"aB" * 5000, b"1." * 5000,
    b"\xe5\x8f\x82\xe6\x95\xb0" * 1500, b"Action=" * 1000, b"&#" * 2500, b"<!--" * 1200,
)


def odd_line(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines) + 1)
    line = rng.choice(_ODD_LINES)
    if rng.random() < 0.5 and index < len(lines):
        lines[index] = lines[index] + line  # glued onto an existing line (a cell, a heading)
    else:
        lines[index:index] = [line]
    return b"\n".join(lines)


_HOSTILE_CELLS = (
    "", " ", "-", "--", "\u2514\u2514\u2514 x", "\u2514", "Array of", "Array of Array of X objects",
    "object []", "array<array<object>>", "List<Map<String,List<String>>>", "Struct", "RepeatList",
    "1e999", "-1e999", "NaN", "Infinity", "99999999999999999999999999", "-0", "0x1F", "1,000,000",
    "Valid values: 1 to 99999999999999999999999. Default value: 1e999.",
    "Valid values: -5 to -10. Default value: 3.", "The value can be a, b, or c. Default: d.",
    "Valid values:\n- a\n- a\n- b: the b.\n- c (default)", "Minimum value: 0. Maximum value: -1.",
    "长度为2~1个字符。", "取值范围：1~99999999999999999999。默认值：abc。",
    "Yes", "No", "是", "否", "true", "Tag.N.Key", ".N", "N.N", "x.N.y.N.z", "a..b", "Name.n",
    "$ref", "__proto__", "#/definitions/x", "{project_id}", "class", "from", "None", "1abc",
    "a-b.c d", "参数", "IpAddress", "ip_address", "IPAddress", "\u202e\u0301\u200d",
    '"""', "'''", "\\", "{{ x }}", "{% if %}", "</script>", "`x`", "**", "\t", "x" * 5000,
    "RequestId", "RegionId", "Action", "Version", "VpnConnections", "VpnConnection",
)


def hostile_cells(rng: random.Random, data: bytes, seeds) -> bytes:
    """Cells replaced with names, types and prose that stress the dialects, IR and emitters."""
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if line.count(b"|") >= 2]
    if not candidates:
        return odd_line(rng, data, seeds)
    for _ in range(rng.randint(1, 12)):
        index = rng.choice(candidates)
        parts = lines[index].split(b"|")
        cell = rng.randrange(len(parts))
        parts[cell] = b" " + rng.choice(_HOSTILE_CELLS).encode() + b" "
        lines[index] = b"|".join(parts)
    return b"\n".join(lines)


def _insert_block(rng: random.Random, data: bytes, block: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines) + 1)
    lines[index:index] = [b"", block, b""]
    return b"\n".join(lines)


def _fence(rng: random.Random, language: bytes, body: bytes) -> bytes:
    return rng.choice((b"```" + language + b"\n" + body + b"\n```",
                       b".. code-block:: " + (language or b"text") + b"\n\n   " + body,
                       b"<pre>" + body + b"</pre>", body))


def broken_sample(rng: random.Random, data: bytes, seeds) -> bytes:
    bodies = (
        (b"json", b'{"RequestId": "x", "Items": [1, 2,, ], "a": }'),
        (b"json", b'{"RequestId": "x"'),
        (b"json", b'{"a": "\\ud800", "b": 1e999, "c": -1e999, "d": NaN, "e": Infinity}'),
        (b"json", b'{"a": 123456789012345678901234567890, "b": 1.5e308, "c": [] }'),
        (b"json", b'[' + b'{"a": ' * 300 + b'1' + b'}' * 300 + b']'),
        (b"json", b'{"' + b'k' * 100000 + b'": "v"}'),
        (b"json", b'{"__proto__": {}, "constructor": 1, "": "", " ": null}'),
        (b"xml", b"<ListIpsecServersResponse><RequestId>1</RequestId>"),
        (b"xml", b"<?xml version='1.0'?><a><b></a></b>"),
        (b"xml", b"<A" + b"><A" * 2000 + b">"),
        (b"xml", b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
         b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
         b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
         b']>\n<DescribeVpnConnectionsResponse>&lol3;</DescribeVpnConnectionsResponse>'),
        (b"xml", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><XResponse>&e;'
         b'</XResponse>'),
        (b"xml", b"<ARespons\xc3\xa9 xmlns:x='y'><x:B>1</x:B><![CDATA[ ]]></ARespons\xc3\xa9>"),
        (b"", b"GET https://vpc.aliyuncs.com/?Action=X&Version=2016-04-28&" + b"A=1&" * 2000),
        (b"", b"POST https://x/v5/" + b"{project_id}/" * 500 + b"\n{" + b'"a":' * 100),
    )
    language, body = rng.choice(bodies)
    return _insert_block(rng, data, _fence(rng, language, body))


def deep_sample(rng: random.Random, data: bytes, seeds) -> bytes:
    depth = rng.choice((1000, 10_000, 100_000))
    body = rng.choice((b"[" * depth, b"{\"a\":" * depth + b"1" + b"}" * depth,
                       b"[" * depth + b"]" * depth, b"<a>" * depth))
    return _insert_block(rng, data, _fence(rng, rng.choice((b"json", b"xml", b"")), body))


def huge_cell(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if b"|" in line] or [0]
    index = rng.choice(candidates)
    size = rng.choice((1_000_000, 10_000_000))
    filler = rng.choice((b"x", b"a ", b"\xe4\xb8\xad", b"*", b"\\|", b"1"))
    lines[index] = lines[index] + filler * (size // len(filler))
    return b"\n".join(lines)


def huge_table(rng: random.Random, data: bytes, seeds) -> bytes:
    lines = _lines(data)
    runs = _table_runs(lines)
    if runs:
        start, end = rng.choice(runs)
        row = lines[rng.randrange(start + 1, end)]
        count = rng.choice((10_000, 100_000))
        lines[end:end] = [row] * count
        return b"\n".join(lines)
    rows = b"\n".join(b"| F%d | String | No | d |" % i for i in range(100_000))
    return _insert_block(rng, data, b"| Parameter | Type | Required | Description |\n"
                         b"|---|---|---|---|\n" + rows)


def _table_rows(rng: random.Random, data: bytes, rows: list[str]) -> bytes:
    """`rows` (name, type, text) added to one of the page's tables in its own cell layout, or
    as a Markdown table of their own when the page has none."""
    lines = _lines(data)
    runs = [(start, end) for start, end in _table_runs(lines) if end - start >= 3]
    if runs:
        start, end = rng.choice(runs)
        width = max(lines[start].count(b"|") - 1, 3)
        made = []
        for name, kind, text in rows:
            cells = [name, kind, "No"] + ["x"] * max(width - 4, 0) + [text]
            made.append(("|" + "|".join(cells[:width - 1] + [text]) + "|").encode())
        lines[end:end] = made
        return b"\n".join(lines)
    table = "|Parameter|Type|Required|Description|\n|--|--|--|--|\n" + "\n".join(
        f"|{name}|{kind}|No|{text}|" for name, kind, text in rows)
    return _insert_block(rng, data, table.encode())


_COLLIDING = (("\ufb01eld", "\uff46\uff49\uff45\uff4c\uff44", "field"), ("E\u0301", "\u00c9", "e"),
              ("\u2160", "I", "\u2170"), ("\u017fhort", "short", "\uff53hort"),
              ("Vpc\u2126", "Vpc\u03a9", "vpc\u03c9"), ("na\u00efve", "nai\u0308ve", "NAIVE"))


def unicode_collisions(rng: random.Random, data: bytes, seeds) -> bytes:
    """Field names equal after NFKC or NFC (ligatures, fullwidth, combining marks)."""
    group = rng.choice(_COLLIDING)
    return _table_rows(rng, data, [(name, rng.choice(("String", "Integer", "Array of String")),
                                    f"Collides {i}.") for i, name in enumerate(group)])


_CLASHES = (("list", "list_"), ("class", "class_"), ("from", "from_", "From"),
            ("model_config", "model_fields", "modelConfig"), ("Field", "field", "FIELD"),
            ("None", "none", "none_"), ("dict", "dict_", "Dict"), ("json", "schema", "copy"),
            ("IpAddress", "ip_address", "IPAddress", "ipAddress"), ("1st", "field_1st", "_1st"),
            ("a-b", "a_b", "a.b", "a b"), ("BaseModel", "StrictInt", "Annotated", "JsonInt"))


def keyword_clashes(rng: random.Random, data: bytes, seeds) -> bytes:
    """Names that clash as Python attributes: keywords, builtins, `_` suffixes, case."""
    group = rng.choice(_CLASHES)
    kinds = ("String", "Array of String", "Integer", "Boolean", "Object")
    return _table_rows(rng, data, [(name, rng.choice(kinds), f"Clash {i}.")
                                   for i, name in enumerate(group)])


_TEMPLATES = ("/v1/{project id}/things", "/v1/{project_id/things", "/v2/{{project_id}}/things",
              "/v3/}x{/{id}", "/v4/{}/x", "/v5/{a}/{a}", "/v6/{x:y}", "/v7/{a}{b}", "/v8/{",
              "/v9/{x/y}/z", "/{" + "a" * 300 + "}", "/v1/{\u202eid}")


def path_templates(rng: random.Random, data: bytes, seeds) -> bytes:
    """Malformed path templates where a request line or URI is, or as a new request line."""
    template = rng.choice(_TEMPLATES).encode()
    lines = _lines(data)
    spots = [i for i, line in enumerate(lines)
             if re.match(rb"\s*(GET|POST|PUT|DELETE|PATCH)\s+/", line)]
    method = rng.choice((b"GET", b"POST", b"PUT", b"DELETE"))
    if spots:
        index = rng.choice(spots)
        lines[index] = re.sub(rb"/\S*", lambda m: template, lines[index], count=1)
        return b"\n".join(lines)
    block = b"## Request syntax\n\n```\n" + method + b" " + template + b" HTTP/1.1\n```\n\n" + \
        b"|Parameter|Type|Position|Required|Example|Description|\n|--|--|--|--|--|--|\n" + \
        b"|project_id|String|Path|Yes|p|The project.|\n|id|String|Path|Yes|i|The id.|"
    return _insert_block(rng, data, block)


def mixed_flat_lists(rng: random.Random, data: bytes, seeds) -> bytes:
    """`Tag.N` and `Tag.1` rows in one table (and the same for nested keys)."""
    base = rng.choice(("Tag", "InstanceId", "Filter", "RegionId"))
    rows = [(f"{base}.N", "String", "The items. Valid values of N: 1 to 20."),
            (f"{base}.1", "String", "The first item."),
            (f"{base}.N.Key", "String", "The key."), (f"{base}.1.Key", "String", "First key."),
            (f"{base}.{rng.randint(2, 200)}", "Integer", "Another index.")]
    return _table_rows(rng, data, rng.sample(rows, rng.randint(2, len(rows))))


def nested_flat_lists(rng: random.Random, data: bytes, seeds) -> bytes:
    """`Tag.N.Values.N` lists with large N and long descriptions (output that multiplies)."""
    text = "Valid values of N: 1 to " + rng.choice(("100", "1000", "100000")) + ". " + \
        "A long description. " * rng.choice((1, 50, 200))
    rows = [("Tag.N.Key", "String", text), ("Tag.N.Values.N", "String", text),
            ("Tag.N.Other.N", "String", text), ("Tag.N.Deep.N.More.N", "String", text)]
    return _table_rows(rng, data, rows)


MUTATIONS = (truncate, drop_lines, duplicate_lines, swap_lines, shuffle_rows, empty_cells, crlf,
             bom, mixed_encoding, invalid_utf8, control_chars, nul, byte_flips, splice, odd_line,
             broken_sample, deep_sample, hostile_cells, hostile_cells, unicode_collisions,
             keyword_clashes, path_templates, mixed_flat_lists, nested_flat_lists)
HUGE = (huge_cell, huge_table)


def make_case(seed: int, number: int, seeds: list[tuple[str, bytes]]) -> dict:
    """Case `number`: the same page, label, form and dialect for the same (seed, number)."""
    rng = random.Random(f"{seed}:{number}")
    name, data = seeds[rng.randrange(len(seeds))]
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        mutation = rng.choice(HUGE) if rng.random() < 0.004 else rng.choice(MUTATIONS)
        data = mutation(rng, data, seeds)
        applied.append(mutation.__name__)
    stem, dot, suffix = name.rpartition(".")
    if rng.random() < 0.1:
        name = f"{stem}{rng.choice(SUFFIXES)}"
    form = rng.choice(sources.FORMS) if rng.random() < 0.08 else None
    dialect = rng.choice(dialects.NAMES) if rng.random() < 0.08 else None
    copies = rng.randint(2, 8) if rng.random() < 0.03 else 1  # pages of one operation
    if copies > 1:
        applied.append(f"many_pages*{copies}")
    return {"number": number, "label": f"case{number}/{name}", "data": data, "form": form,
            "dialect": dialect, "mutations": applied, "copies": copies}


# ------------------------------------------------------------------------------ running


def run_page(label: str, data: bytes, form: str | None = None, dialect: str | None = None,
             limit: float | None = PAGE_SECONDS, copies: int = 1,
             check: bool = True) -> tuple[str, str]:
    """The page path every page takes, under the pipeline's CPU-time limits: reading (`limit`
    per page), then merging and every output (`product_seconds`); with `copies` > 1 the page
    is read that many times under different names, as pages of one operation.

    ("ok", "") with output that passes every invariant of `output_invariants` (when `check`),
    ("invalid", "invariant: problem" lines) when some fail, ("error", message) for a clean
    refusal, ("timeout", message) when reading took longer than the limit (the pipeline's
    `page-timeout` diagnostic), ("budget", message) when merging and output went over the
    product's CPU budget (refused whole); any other exception propagates: that is a crash."""
    results = []
    try:
        if len(data) > MAX_PAGE_BYTES:  # as `process_page` refuses it, before reading
            raise InputError(f"page larger than {MAX_PAGE_BYTES} bytes", SourceLoc(label))
        for copy in range(copies):
            name = label if copy == 0 else f"{label}.rev{copy}"
            with time_limit(limit) if limit else nullcontext():
                text = decode_page(name, data)
                if copy:
                    text += f"\n\nRevision {copy}.\n"
                results.append(read_and_extract(name, text, form, dialect))
    except PageTimeout:
        return "timeout", f"reading took longer than {limit:g} s of CPU time"
    except Docs2SpecError as exc:
        message = str(exc)
        if not message.startswith(f"{label}:") and message != label:
            raise AssertionError(f"error message does not start with the page: {message!r}") \
                from exc
        return "error", message
    first = results[0]
    style = "rest" if first.extract is not None and first.extract.style == "rest" else "rpc"
    manifest = Manifest(provider="fuzz", product="api", title="fuzz api", version="1",
                        style=style)
    try:
        product = product_from_results(manifest, results, tuple(r.path for r in results))
        files = emit_product(product, results)
    except InputError as exc:
        if "s of CPU time" in str(exc):
            return "budget", str(exc)
        raise
    if "report.json" not in files:
        raise AssertionError("no report.json")
    if check:
        problems = check_outputs(files, len(data) * copies)
        if problems:
            return "invalid", "\n".join(f"{name}: {text}" for name, text in problems)
    return "ok", ""


def _run_case(args: tuple[int, int]) -> dict:
    seed, number = args
    case = make_case(seed, number, _SEEDS)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        outcome, detail = run_page(case["label"], case["data"], case["form"], case["dialect"],
                                   copies=case["copies"])
    except BaseException:  # noqa: BLE001 - counting crashes is the point
        outcome, detail = "crash", traceback.format_exc(limit=-8)
    elapsed = time.perf_counter() - started
    return {"number": number, "label": case["label"], "form": case["form"],
            "cpu": time.process_time() - cpu,
            "dialect": case["dialect"], "mutations": case["mutations"], "outcome": outcome,
            "detail": detail, "seconds": elapsed, "size": len(case["data"])}


_SEEDS: list[tuple[str, bytes]] = []


def _init(seeds: list[tuple[str, bytes]]) -> None:
    _SEEDS[:] = seeds
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--save", help="folder to write crashing pages to")
    parser.add_argument("--progress", type=int, default=1000, help="print every N cases")
    parser.add_argument("--minutes", type=float, default=0,
                        help="stop starting cases after this many minutes (0: no limit) and "
                        "report how many ran and the rate")
    args = parser.parse_args(argv)
    seeds = seed_pages()
    if not seeds:
        print("no seed pages found", file=sys.stderr)
        return 2
    jobs = [(args.seed, n) for n in range(args.first, args.first + args.cases)]
    started = time.perf_counter()
    counts = {"ok": 0, "error": 0, "timeout": 0, "budget": 0, "invalid": 0, "crash": 0}
    broken = dict.fromkeys(INVARIANTS, 0)  # cases failing each output invariant
    cpu_total = 0.0
    stop_at = started + args.minutes * 60 if args.minutes else None
    slowest: dict | None = None
    slowest_common: dict | None = None  # without the rare huge_* mutations
    crashes: list[dict] = []
    finished: set[int] = set()  # case numbers, to say where a stopped run may resume
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with context.Pool(args.workers, initializer=_init, initargs=(seeds,),
                      maxtasksperchild=500) as pool:
        for done, result in enumerate(pool.imap_unordered(_run_case, jobs, chunksize=4), 1):
            counts[result["outcome"]] += 1
            cpu_total += result["cpu"]
            finished.add(result["number"])
            if result["outcome"] == "invalid":
                # The detail is one "invariant: message" line per failing invariant, and a
                # message may run over several lines (a validator's schema excerpt): only the
                # lines that start with an invariant's name count.
                for name in {line.split(":", 1)[0] for line in result["detail"].splitlines()
                             if line.split(":", 1)[0] in INVARIANTS}:
                    broken[name] += 1
            if slowest is None or result["seconds"] > slowest["seconds"]:
                slowest = result
            common = not set(result["mutations"]) & {m.__name__ for m in HUGE}
            if common and (slowest_common is None
                           or result["seconds"] > slowest_common["seconds"]):
                slowest_common = result
            if result["outcome"] == "crash":
                crashes.append(result)
            if result["outcome"] in ("crash", "timeout", "invalid", "budget"):
                print(f"{result['outcome'].upper()} case {result['number']} {result['label']} "
                      f"({result['size']} bytes) form={result['form']} "
                      f"dialect={result['dialect']} mutations={','.join(result['mutations'])}\n"
                      f"{result['detail']}", flush=True)
                if args.save:
                    case = make_case(args.seed, result["number"], seeds)
                    folder = Path(args.save)
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / f"case{result['number']}_{case['label'].rsplit('/', 1)[-1]}"
                     ).write_bytes(case["data"])
            if args.progress and done % args.progress == 0:
                print(f"... {done} cases, {counts['crash']} crashes, {counts['invalid']} "
                      f"invalid, {time.perf_counter() - started:.0f} s", flush=True)
            if stop_at is not None and time.perf_counter() > stop_at:
                resume = next(n for n in range(args.first, args.first + args.cases + 1)
                              if n not in finished)
                print(f"time limit: stopped after {done} cases; every case from {args.first} "
                      f"to {resume - 1} ran (resume with --first {resume})", flush=True)
                pool.terminate()
                break
    total = sum(counts.values())
    print(f"cases run: {total} / errors reported: {counts['error'] + counts['timeout']} / "
          f"crashes: {counts['crash']}")
    print(f"of the errors, page timeouts (reading took over {PAGE_SECONDS:g} s of CPU; the "
          f"pipeline reports them as `page-timeout`): {counts['timeout']}; products over "
          f"their CPU budget (refused whole): {counts['budget']}")
    print(f"outputs checked: {counts['ok'] + counts['invalid']}, invalid: {counts['invalid']}")
    print("cases failing each output invariant: " + ", ".join(
        f"{name} {count}" for name, count in broken.items()))
    wall = time.perf_counter() - started
    if total:
        print(f"rate: {total / wall:.1f} cases/s ({cpu_total / total:.2f} CPU s per case)")
    if slowest is not None:
        print(f"slowest page: {slowest['seconds']:.2f} s, case {slowest['number']} "
              f"{slowest['label']} ({slowest['size']} bytes, "
              f"mutations={','.join(slowest['mutations'])}, form={slowest['form']}, "
              f"dialect={slowest['dialect']}, {slowest['outcome']})")
    if slowest_common is not None:
        print(f"slowest page without a huge_* mutation: {slowest_common['seconds']:.2f} s, case "
              f"{slowest_common['number']} {slowest_common['label']} "
              f"({slowest_common['size']} bytes, mutations="
              f"{','.join(slowest_common['mutations'])})")
    print(f"wall time: {time.perf_counter() - started:.0f} s with {args.workers} workers")
    return 1 if crashes or counts["invalid"] else 0


if __name__ == "__main__":
    sys.exit(main())
