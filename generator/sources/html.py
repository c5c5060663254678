"""Reader for HTML pages saved from a vendor's documentation site.

Two families matter: Sphinx/docutils renderings (the Huawei-style sites, built from the same
reStructuredText the rst reader reads: `<caption>`, `:ref:` links as `<a href="#label">`, `<pre>`
samples) and help-center pages rendered from Markdown (Alibaba Cloud), whose parameter tables may
show nesting only visually. The reader keeps what the page shows and no more:

* Page chrome (scripts, styles, navigation, sidebars) is dropped, and when the page marks its
  main content (`<main>`, `role="main"`, Sphinx's `div.body`, `<article>`) only that is read.
* A table row gets `Row.depth` only when the page shows nesting: an explicit level
  (`data-level`, `aria-level`, a class such as `level-2`), an indentation style on the first
  cell, leading non-breaking spaces or tree characters (`└`), or child rows in a nested table.
  Otherwise depth stays None and the dialect works the nesting out.
* Cell text follows the tree's conventions (paragraphs separated by blank lines, list items as
  "- " lines) so rules written against the rst reader's cells hold here too.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from ..errors import InputError
from ..location import SourceLoc
from ..timebox import PageTimeout
from .html_depth import TREE_CHARS, explicit_level, indent_px, marker_width, row_depths
from .html_parser import HEADINGS, MAX_DEPTH, Soup, defuse
from .layout import NodeCollector, SpanGrid, is_json, labelled
from .tree import CodeBlock, Document, Heading, Paragraph, Row, Table, link_key

# --- sniffing -------------------------------------------------------------------------------

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:body|head|table|div|p|h[1-6])\b[^>]*>", re.IGNORECASE)


def sniff(path: str, text: str) -> float:
    """High for `.html`/`.htm` or a document starting with `<!DOCTYPE html`/`<html`."""
    lower = path.lower()
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return 0.95
    if lower.endswith((".md", ".markdown", ".rst", ".rest")):
        return 0.0
    head = text[:4096].lstrip("\ufeff")
    if _HTML_START.match(head):
        return 0.95
    if head.lstrip().startswith("<") and len(_HTML_TAGS.findall(text[:200_000])) >= 3:
        return 0.6  # a fragment saved without its <html> wrapper
    return 0.0


# --- element classes ------------------------------------------------------------------------

_DROP = frozenset({"script", "style", "nav", "noscript", "template", "iframe", "svg", "button",
                   "select", "input", "textarea", "object", "embed", "canvas", "map", "head",
                   "title", "meta", "link", "base"})
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del",
                     "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q",
                     "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
                     "u", "var", "wbr"})
_BLOCKISH = ("table", "pre", *HEADINGS)
_SKIP_STRINGS = (Comment, Doctype, Declaration, CData, ProcessingInstruction)
_CHROME_CLASSES = re.compile(r"^(?:headerlink|copybutton|sphinxsidebar|related|breadcrumbs?|"
                             r"toc|sidebar|footer|header-nav|skip-link|docinfo)$")


def _dropped(tag: Tag) -> bool:
    if tag.name in _DROP:
        return True
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = tag.get("style") or ""
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style):
        return True
    return any(_CHROME_CLASSES.match(cls) for cls in tag.get("class") or ())


def _first(tag: Tag, names) -> Tag | None:
    """The first descendant element named one of `names` (bs4's `find` without building a
    filter per call, which costs more than the search on small elements)."""
    for node in tag.descendants:
        if isinstance(node, Tag) and node.name in names:
            return node
    return None


def _children(tag: Tag, names) -> list[Tag]:
    """The child elements named one of `names` (`find_all(names, recursive=False)`)."""
    return [child for child in tag.children if isinstance(child, Tag) and child.name in names]


_INLINE_BREAKERS = frozenset(_BLOCKISH + ("p", "ul", "ol", "div"))
_P_BREAKERS = frozenset(_BLOCKISH + ("ul", "ol", "div"))


def _is_inline(node) -> bool:
    if isinstance(node, NavigableString):
        return True
    if not isinstance(node, Tag) or node.name not in _INLINE:
        return False
    # Loose HTML puts blocks inside inline tags; then the tag is a container.
    return node.name == "br" or _first(node, _INLINE_BREAKERS) is None


# --- text -----------------------------------------------------------------------------------


def _pieces(node, out: list[str]) -> None:
    """Text of inline content; `<br>` becomes a line break, everything else running text."""
    if isinstance(node, NavigableString):
        if not isinstance(node, _SKIP_STRINGS):
            out.append(re.sub(r"\s+", " ", str(node)))
        return
    if not isinstance(node, Tag) or _dropped(node):
        return
    if node.name == "br":
        out.append("\n")
        return
    for child in node.children:
        _pieces(child, out)


def inline_text(nodes_) -> str:
    """Running text of inline nodes, whitespace folded the way a browser folds it."""
    out: list[str] = []
    for node in nodes_:
        _pieces(node, out)
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.split("\n"))


def _blocks(tag: Tag, skip: Tag | None = None) -> list[str]:
    """A container's content as text blocks, inline runs becoming paragraphs."""
    blocks: list[str] = []
    run: list = []
    for child in tag.children:
        if child is skip:
            continue
        if _is_inline(child):
            run.append(child)
            continue
        if run:
            blocks.append(inline_text(run))
            run = []
        if isinstance(child, Tag) and not _dropped(child):
            blocks.append(block_text(child))
    if run:
        blocks.append(inline_text(run))
    return [block for block in blocks if block]


def _list_text(tag: Tag) -> str:
    items = []
    for item in _children(tag, ("li",)):
        body = "\n".join(_blocks(item))
        first, _, rest = body.partition("\n")
        items.append(f"- {first}" + (f"\n{_indent(rest)}" if rest else ""))
    return "\n".join(items)


def block_text(tag: Tag) -> str:
    """One block element as plain text (lists as "- " lines, nested ones indented)."""
    name = tag.name
    if name in ("ul", "ol", "menu"):
        return _list_text(tag)
    if name == "pre":
        return tag.get_text().strip("\n")
    if name == "dl":
        lines = []
        for child in _children(tag, ("dt", "dd")):
            text = "\n".join(_blocks(child))
            lines.append(text if child.name == "dt" else _indent(text))
        return "\n".join(line for line in lines if line.strip())
    if name == "table":
        return "\n".join(" | ".join(inline_text([c]) for c in _cells(row))
                         for row in _own_rows(tag))
    title = next((c for c in tag.children if isinstance(c, Tag) and "admonition-title" in
                  (c.get("class") or ())), None)
    if title is not None:
        return labelled(inline_text(title.children), "\n\n".join(_blocks(tag, skip=title)))
    return "\n\n".join(_blocks(tag))


def cell_text(cell: Tag) -> str:
    return "\n\n".join(_blocks(cell))


def _own_rows(table: Tag) -> list[Tag]:
    """The table's rows, not those of tables nested in its cells (in document order; one walk
    that does not enter nested tables, so nested tables cost nothing extra)."""
    rows: list[Tag] = []
    pending = [child for child in reversed(table.contents) if isinstance(child, Tag)]
    while pending:
        tag = pending.pop()
        if tag.name == "table":
            continue
        if tag.name == "tr":
            rows.append(tag)
        pending.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return rows


# --- code -----------------------------------------------------------------------------------

_LANG_CLASS = re.compile(r"^(?:language|lang|highlight|brush|source)-([\w+#.-]+)$")
_NOT_LANGUAGES = {"default", "none", "nohighlight", "plain", "notranslate"}


def _language(pre: Tag) -> str:
    code = _first(pre, ("code",))
    own = [pre] if code is None else [pre, code]
    for tag in own:
        for attr in ("data-lang", "data-language"):
            value = str(tag.get(attr) or "").strip().lower()
            if value:
                return "" if value in _NOT_LANGUAGES else value
    for tag in [*own, *list(pre.parents)[:3]]:
        classes = tag.get("class") or []
        for index, cls in enumerate(classes):
            match = _LANG_CLASS.match(cls)
            if match:
                lang = match.group(1).lower()
                return "" if lang in _NOT_LANGUAGES else lang
            if cls == "code" and index + 1 < len(classes) and classes[index + 1] != "literal-block":
                return classes[index + 1].lower()  # docutils: class="code json literal-block"
        brush = re.search(r"brush:\s*([\w+#-]+)", " ".join(classes))
        if brush:
            return brush.group(1).lower()
    return ""


# --- walking --------------------------------------------------------------------------------



_MAIN_TESTS = (
    lambda tag: tag.name == "main",
    lambda tag: tag.get("role") == "main",
    lambda tag: tag.get("itemprop") == "articleBody",
    lambda tag: tag.name == "div" and "body" in (tag.get("class") or ()),  # Sphinx
    lambda tag: "markdown-body" in (tag.get("class") or ()),
    lambda tag: tag.name == "article",
    lambda tag: tag.name == "div" and "document" in (tag.get("class") or ()),
    lambda tag: tag.get("id") == "content",
)
"""How pages mark their main content, most specific first."""


def _content_root(soup: BeautifulSoup) -> Tag:
    found: list[list[Tag]] = [[] for _ in _MAIN_TESTS]
    for tag in soup.find_all(True):
        for index, test in enumerate(_MAIN_TESTS):
            if test(tag):
                found[index].append(tag)
    for tags in found:
        for tag in tags:
            if tag.get_text(strip=True):
                return tag
    return soup.body or soup


def read(path: str, text: str) -> Document:
    """Parse with BeautifulSoup (html.parser, which keeps source lines) and walk the content."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bs4's advice (XML parsed as HTML, ...) is not ours
            soup = Soup(defuse(text), "html.parser")
    except PageTimeout:
        raise
    except Exception as error:  # noqa: BLE001 - the parser gave up: nothing can be read
        raise InputError(f"cannot parse HTML: {error}", SourceLoc(path, 1)) from error
    walker = _Walker(path)
    if soup.too_deep:
        walker.notes.append((SourceLoc(path, 1), f"HTML nests deeper than {MAX_DEPTH} elements; "
                             "the deeper tags were ignored and their text kept"))
    root = _content_root(soup)
    try:
        walker.body(root, level_base=_level_base(root))
    except RecursionError:
        walker.notes.append((SourceLoc(path, walker.last_line),
                             "HTML nested too deeply; reading stopped here"))
    except PageTimeout:
        raise
    except Exception as error:  # noqa: BLE001 - a reader bug must not lose what was read
        if not walker.nodes:
            raise InputError(f"cannot read HTML: {error}", SourceLoc(path, walker.last_line)) \
                from error
        walker.notes.append((SourceLoc(path, walker.last_line), f"reading stopped early: {error}"))
    return Document(path=path, form="html", nodes=tuple(walker.nodes), notes=tuple(walker.notes))


def _level_base(root: Tag) -> int:
    """The smallest heading level used, so the page title is level 1 (docutils starts at h2)."""
    found = [int(h.name[1]) for h in root.find_all(HEADINGS)]
    return min(found) if found else 1


_TABLE_CAPTION = re.compile(r"^(?:Table|Tab\.|表)\s*\d+")


class _Walker(NodeCollector):
    """Walks block elements in reading order, carrying pending anchors and list prefixes."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.base = 1

    def loc(self, tag) -> SourceLoc:
        return self.at(getattr(tag, "sourceline", None))

    def label(self, tag: Tag) -> None:  # type: ignore[override]
        name = tag.get("id") or (tag.get("name") if tag.name == "a" else None)
        if name:
            super().label(str(name))

    # containers

    def body(self, tag: Tag, level_base: int | None = None) -> None:
        if level_base is not None:
            self.base = level_base
        run: list = []
        for child in list(tag.children):
            if _is_inline(child):
                run.append(child)
                continue
            self.flush(run, tag)
            run = []
            if isinstance(child, Tag) and not _dropped(child):
                self.block(child)
        self.flush(run, tag)

    def flush(self, run: list, parent: Tag) -> None:
        if not run:
            return
        text = inline_text(run)
        if not text:
            for node in run:  # empty anchors: <a id="x"></a>, <span id="x"></span>
                if isinstance(node, Tag):
                    self.label(node)
                    for inner in node.find_all(True):
                        self.label(inner)
            return
        first = next((n for n in run if isinstance(n, Tag)), None)
        loc = self.loc(first if first is not None and run[0] is first else parent)
        self.emit(Paragraph(text, loc))

    def block(self, tag: Tag) -> None:
        name = tag.name
        if name in HEADINGS:
            text = inline_text(tag.children)
            if text:
                level = max(int(name[1]) - self.base + 1, 1)
                self.emit(Heading(text, level, self.loc(tag)))
            return
        if name == "table":
            self.table(tag)
            return
        if name == "pre":
            self.code(tag)
            return
        self.label(tag)
        if name in ("ul", "ol", "menu"):
            self.listing(tag)
        elif name == "dl" and _first(tag, _BLOCKISH) is None:
            self.paragraph(block_text(tag), tag)
        elif name == "p" and _first(tag, _P_BREAKERS) is None:
            self.paragraph(inline_text(tag.children), tag)
        elif name in ("hr", "img") or (name == "figcaption" and tag.parent is not None
                                        and _first(tag.parent, ("table",)) is not None):
            return  # a figure's caption is its table's caption
        elif "admonition" in (tag.get("class") or ()):
            self.admonition(tag)
        else:
            self.body(tag)

    def paragraph(self, text: str, tag: Tag) -> None:
        if text:
            self.emit(Paragraph(text, self.loc(tag)))

    def listing(self, tag: Tag) -> None:
        if _first(tag, _BLOCKISH) is None:
            self.paragraph(_list_text(tag), tag)
            return
        for item in tag.find_all("li", recursive=False):
            self.label(item)
            self.prefix = ("item", "- ")
            self.body(item)
        self.prefix = None

    def admonition(self, tag: Tag) -> None:
        if _first(tag, _BLOCKISH) is None:
            self.paragraph(block_text(tag), tag)
            return
        title = tag.find(class_="admonition-title")
        label = inline_text(title.children) if title is not None else ""
        if title is not None:
            title.extract()
        self.prefix = ("label", label) if label else None
        self.body(tag)
        self.prefix = None

    def code(self, tag: Tag) -> None:
        text = tag.get_text().strip("\n")
        language = _language(tag) or ("json" if is_json(text) else "")
        first_text_line = (tag.sourceline or 0) + (1 if text and tag.get_text().startswith("\n")
                                                    else 0)
        self.emit(CodeBlock(text, SourceLoc(self.path, first_text_line or self.last_line),
                            language))

    # tables

    def table(self, tag: Tag) -> None:
        caption = self.caption(tag)
        anchor = str(tag.get("id") or "") or (self.labels[-1] if self.labels else "")
        header, rows = _TableReader(self, tag).read()
        self.emit(Table(header, tuple(rows), self.loc(tag), caption=caption, anchor=anchor))
        self.labels.clear()

    def caption(self, tag: Tag) -> str:
        found = tag.find("caption")
        if found is not None and found.find_parent("table") is tag:
            return inline_text(found.children)
        figure = tag.find_parent("figure")
        if figure is not None:
            figcaption = figure.find("figcaption")
            if figcaption is not None:
                return inline_text(figcaption.children)
        previous = self.nodes[-1] if self.nodes else None
        if isinstance(previous, Paragraph) and _TABLE_CAPTION.match(previous.text) and \
                len(previous.text) < 200 and "\n" not in previous.text:
            self.nodes.pop()  # "Table 3 X" written just above the table is its caption
            return previous.text
        return ""


class _TableReader:
    """Rows of one table: spans laid out, nested parameter tables hoisted, depth from the page."""

    def __init__(self, walker: _Walker, table: Tag) -> None:
        self.walker = walker
        self.table = table

    def read(self) -> tuple[tuple[str, ...], list[Row]]:
        own = _own_rows(self.table)
        head_rows = [tr for tr in own if tr.parent is not None and tr.parent.name == "thead"]
        if not head_rows and own and all(c.name == "th" for c in _cells(own[0])) and _cells(own[0]):
            head_rows = [own[0]]
        body_rows = [tr for tr in own if tr not in head_rows]
        grid = SpanGrid()
        header: tuple[str, ...] = ()
        for tr in head_rows:
            header = tuple(grid.row([self.entry(c) for c in _cells(tr)]))
        entries: list[tuple[list[str], Tag, int, tuple[int | None, float, int]]] = []
        self.collect(body_rows, grid, len(header), 0, entries)
        depths = row_depths([signal for *_, signal in entries])
        nested = any(offset for _, _, offset, _ in entries)
        rows = []
        for index, (cells, tr, offset, _) in enumerate(entries):
            depth = None
            if depths is not None or nested:
                depth = (depths[index] if depths is not None else 0) + offset
                cells = [_strip_tree(cells[0]), *cells[1:]] if cells else cells
            links = tuple(dict.fromkeys(
                link_key(a["href"][1:]) for a in tr.find_all("a", href=True)
                if isinstance(a["href"], str) and a["href"].startswith("#") and len(a["href"]) > 1))
            rows.append(Row(tuple(cells), self.walker.loc(tr), depth, links))
            if header and len(cells) != len(header):
                self.walker.notes.append((self.walker.loc(tr), f"row has {len(cells)} cells, "
                                          f"the header {len(header)}"))
        return header, rows

    def entry(self, cell: Tag) -> tuple[str, int, int]:
        return cell_text(cell), _span(cell, "colspan"), _span(cell, "rowspan")

    def collect(self, trs: list[Tag], grid: SpanGrid, width: int, offset: int, out: list) -> None:
        for tr in trs:
            cells = _cells(tr)
            nested = self.nested_table(cells, width)
            if nested is not None:
                nested.extract()
            texts = grid.row([self.entry(c) for c in cells])
            first = cells[0] if cells else None
            signal = (explicit_level(tr, first), indent_px(first), marker_width(first))
            out.append((texts, tr, offset, signal))
            if nested is not None:
                inner = _own_rows(nested)
                if inner and all(c.name == "th" for c in _cells(inner[0])):
                    inner = inner[1:]
                self.collect(inner, SpanGrid(), width, offset + 1, out)

    def nested_table(self, cells: list[Tag], width: int) -> Tag | None:
        """A table inside a cell listing child parameters in the outer table's columns."""
        for cell in cells:
            inner = _first(cell, ("table",))
            if inner is None:
                continue
            rows = _own_rows(inner)
            widths = {len(_cells(tr)) for tr in rows}
            if rows and widths == {width or len(cells)}:
                return inner
        return None


def _cells(tr: Tag) -> list[Tag]:
    return _children(tr, ("td", "th"))


def _span(cell: Tag, attr: str) -> int:
    value = str(cell.get(attr) or "1").strip()
    return min(int(value), 100) - 1 if value.isdigit() and int(value) > 0 else 0


def _strip_tree(text: str) -> str:
    return text.lstrip(TREE_CHARS + " \xa0\u3000")
