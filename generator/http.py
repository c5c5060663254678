"""HTTP words every reader of requests needs: the methods, as a set and as a regex fragment, so
that a request line, a sample request and a URI section agree on what a method is."""

from __future__ import annotations

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
METHOD = "(?:" + "|".join(METHODS) + ")"
"""A method as a non-capturing regex group (wrap it in a group to capture it)."""
