"""HTTP words every reader of requests needs: the methods (a tuple and a regex fragment) and a
path template's variables, so that request lines, sample requests, URI sections and routes
agree on what a method and a path variable are."""

from __future__ import annotations

import re

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
METHOD = "(?:" + "|".join(METHODS) + ")"
"""A method as a non-capturing regex group (wrap it in a group to capture it)."""
PATH_VARIABLE = re.compile(r"\{([^{}/]+)\}")
"""A path template's variable (`{project_id}`); group 1 is its name."""
