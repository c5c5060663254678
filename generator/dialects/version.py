"""The API version a page states, wherever it states it.

Alibaba pages name it in the OpenAPI Explorer link (`...&type=RPC&version=2016-04-28`) or in a
sample request (`&Version=2016-04-28`); readers keep link text, not URLs, so this looks at the
page's raw text.
"""

from __future__ import annotations

import re
from collections import Counter

_DATED = re.compile(r"[?&#]version=(\d{4}-\d{2}-\d{2})\b", re.I)


def stated_version(text: str) -> str:
    """The most often stated dated version, '' when the page states none."""
    votes = Counter(match.group(1) for match in _DATED.finditer(text[:2_000_000]))
    return votes.most_common(1)[0][0] if votes else ""
