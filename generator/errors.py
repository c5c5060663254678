"""One root error for everything docs2spec refuses to do.

Bad input must never surface as a traceback: readers, dialects and the pipeline raise a
subclass of `Docs2SpecError`, whose message starts with `path:line:` when a location is known,
and the CLI turns it into one line on stderr and the error's `exit_code` (2: the input or the
command line is unusable; 1: `regen --check` found stale output).
"""

from __future__ import annotations

from .location import SourceLoc


class Docs2SpecError(Exception):
    """Base class: an unrecoverable problem, with an optional source location."""

    exit_code = 2
    """What the CLI exits with: 2 says the input or the command line cannot be used."""

    def __init__(self, message: str, loc: SourceLoc | None = None, hint: str = "") -> None:
        self.loc = loc
        self.hint = hint
        self.bare_message = message
        text = f"{loc}: {message}" if loc else message
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)


class InputError(Docs2SpecError):
    """A page or capture that cannot be read at all (missing, not text, unknown format)."""


class ManifestError(Docs2SpecError):
    """A product manifest that is missing or says something impossible."""


class UsageError(Docs2SpecError):
    """The command line asks for something that does not exist (unknown product, operation)."""


class StaleOutputError(Docs2SpecError):
    """`regen --check` found `generated/` out of date."""

    exit_code = 1  # a finding about the output, like a failing check, not unusable input


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived (the CLI turns them into this, as Python turns SIGINT into
    `KeyboardInterrupt`): the run unwinds, stopping its worker processes and leaving the
    previous output as it was, and the CLI exits 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
