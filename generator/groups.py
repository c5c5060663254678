"""Which group of the docs a page belongs to, read from where the page is saved.

Reference docs group their operation pages in folders: Alibaba's `API参考/IPsec服务端/`,
Huawei's `api-ref/source/vpc_apis_v1_v2/security_group/`. A page's group is the folder holding
it (when that is not the folder the user gave: a flat folder of pages has no groups), titled as
the docs title it: by the folder's own index page (`index.rst`'s title, Sphinx's section title)
when there is one, else by the folder's name. The group becomes the OpenAPI tag and the site's
navigation section.
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
