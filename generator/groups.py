"""Which group of the docs a page belongs to, read from where the page is saved.

Reference docs group their operation pages in folders: Alibaba's `API参考/IPsec服务端/`,
Huawei's `api-ref/source/vpc_apis_v1_v2/security_group/`. A page's group is the folder holding
it (when that is not the folder the user gave: a flat folder of pages has no groups), titled as
the docs title it: by the folder's own index page (`index.rst`'s title, Sphinx's section title)
when there is one, else by the folder's name. The group becomes the OpenAPI tag and the site's
navigation section.

The index pages also give the docs' reading order (`page_order`): a Sphinx `toctree` lists a
folder's pages and subfolders in the order the docs present them, the main API before an older
or compatibility one (`vpc_apis_v1_v2/index` before `native_openstack_neutron_apis_v2.0/index`),
whatever their folder names sort as.
"""

from __future__ import annotations

import re
from pathlib import Path

INDEX_NAMES = ("index.rst", "index.md", "index.txt")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+_.:])\1{2,}\s*$")
_MD_HEADING = re.compile(r"^#{1,3}\s+(.+?)\s*#*\s*$")


def index_title(folder: Path) -> str:
    """The title of a folder's index page: an underlined reStructuredText title or a Markdown
    heading among its first 40 lines; "" when there is none."""
    for name in INDEX_NAMES:
        path = folder / name
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]
        except OSError:
            continue
        for line, after in zip(lines, [*lines[1:], ""], strict=True):
            text = line.strip()
            if not text or text.startswith(("..", ":")):
                continue
            if _UNDERLINE.match(after) and len(after.strip()) >= len(text):
                return text[:200]
            heading = _MD_HEADING.match(text)
            if heading:
                return heading.group(1)[:200]
    return ""


_TOCTREE = re.compile(r"^(\s*)\.\. toctree::")
_TOC_ENTRY = re.compile(r"^(?:.*<(?P<target>[^>]+)>|(?P<plain>\S+))\s*$")


def toctree_entries(folder: Path) -> list[str]:
    """The documents a folder's index page lists in its `toctree` directives, in order, as
    paths relative to the folder without suffix (`apis_v2.0/index`, `querying_versions`)."""
    for name in INDEX_NAMES:
        try:
            lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        entries: list[str] = []
        indent = None
        for line in lines:
            opened = _TOCTREE.match(line)
            if opened:
                indent = len(opened.group(1))
                continue
            if indent is None or not line.strip() or line.strip().startswith(":"):
                continue
            if len(line) - len(line.lstrip()) <= indent:
                indent = None  # the directive's body ended
                continue
            entry = _TOC_ENTRY.match(line.strip())
            if entry:
                entries.append((entry.group("target") or entry.group("plain")).strip())
        return entries
    return []


def page_order(root: Path, pages: list[tuple[Path, str]]) -> dict[str, int]:
    """{page label: rank} for the pages found under the folder `root`, in the docs' reading
    order: each folder's index page lists its pages and subfolders (`toctree`) in the order
    they are read; what no index lists comes after what it lists, by name."""
    listed: dict[Path, dict[str, int]] = {}

    def place(folder: Path, name: str) -> tuple[int, int, str]:
        if folder not in listed:
            listed[folder] = {}
            for position, entry in enumerate(toctree_entries(folder)):
                head, *below = entry.strip("/").split("/")
                if not below and head.endswith((".rst", ".md", ".txt")):
                    head = head.rsplit(".", 1)[0]
                listed[folder].setdefault(head, position)
        position = listed[folder].get(name)
        return (0, position, "") if position is not None else (1, 0, name)

    keys = {}
    for path, label in pages:
        if root not in path.parents:
            continue
        parts = path.relative_to(root).parts
        key = []
        folder = root
        for part in parts[:-1]:
            key.append(place(folder, part))
            folder = folder / part
        key.append(place(folder, path.stem))
        key.append((1, 0, path.name))
        keys[label] = tuple(key)
    return {label: rank for rank, label in enumerate(sorted(keys, key=keys.__getitem__))}


def folder_title(folder: Path) -> str:
    return index_title(folder) or folder.name.replace("_", " ").strip()


def page_groups(root: Path, pages: list[tuple[Path, str]]) -> dict[str, str]:
    """{page label: group title} for the pages found under the folder `root`."""
    titles: dict[Path, str] = {}
    groups: dict[str, str] = {}
    for path, label in pages:
        folder = path.parent
        if folder == root or root not in folder.parents:
            continue
        if folder not in titles:
            titles[folder] = folder_title(folder)
        if titles[folder]:
            groups[label] = titles[folder]
    return groups
