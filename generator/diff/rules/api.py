"""The API as a whole: servers, version, title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Finding
from ..schemas import without_where


def servers(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    def urls(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
        listed = document.get("servers")
        return {s["url"]: s for s in listed if isinstance(s, dict) and isinstance(
            s.get("url"), str)} if isinstance(listed, list) else {}

    before, after = urls(old), urls(new)
    for url in sorted(before.keys() - after.keys()):
        yield Finding("api-server-removed", "warning", "wire", "/servers",
                      f"server {url} removed", subject=url)
    for url in sorted(after.keys() - before.keys()):
        yield Finding("api-server-added", "info", "wire", "/servers", f"server {url} added",
                      subject=url)
    for url in sorted(before.keys() & after.keys()):
        if without_where(before[url]) != without_where(after[url]):
            yield Finding("api-server-changed", "info", "wire", "/servers",
                          f"server {url}: variables or description changed", subject=url)


def version(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    old_info = old.get("info") if isinstance(old.get("info"), dict) else {}
    new_info = new.get("info") if isinstance(new.get("info"), dict) else {}
    if old_info.get("version") != new_info.get("version"):
        yield Finding("api-version-changed", "info", "wire", "/info/version",
                      f"API version changed from {old_info.get('version')} to "
                      f"{new_info.get('version')}")
    if old_info.get("title") != new_info.get("title"):
        yield Finding("api-title-changed", "info", "doc", "/info/title", "API title changed")
