"""`python -m generator` is the `docs2spec` command."""

from .cli import entry

entry()
