"""The `docs2spec` command.

Exit codes: 0 done, 1 the job ran but found error-severity problems (a page skipped, a capture
that breaks its contract), 2 unusable input or usage, 130 interrupted (Ctrl-C), 143 terminated
(SIGTERM), 129 hung up (SIGHUP), 141 stdout closed early (`docs2spec ... | head`), 70 a bug in
docs2spec. An interrupted run stops its worker processes and leaves the previous output as it
was. Expected failures print one line
that says what is wrong and what to do; never a traceback (`DOCS2SPEC_DEBUG=1` shows the
traceback of a bug).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from . import gcsettings
from .commands import COMMANDS
from .errors import Docs2SpecError, Stopped
from .location import printable


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line, like every other error (subcommands inherit this class)."""

    def error(self, message: str):
        self.exit(2, f"docs2spec: error: {message} (see `{self.prog} --help`)\n")


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """Every command is listed; only the one `argv` names is imported and given its arguments
    (all of them when `argv` is None, for documentation and tests)."""
    parser = _Parser(prog="docs2spec", description="API reference pages -> "
                     "JSON Schema, OpenAPI 3.1, models and validators")
    sub = parser.add_subparsers(dest="command", required=True)
    chosen = _command_named(argv) if argv is not None else None
    for command in COMMANDS:
        sub_parser = sub.add_parser(command.name, help=command.help, description=command.help)
        if argv is None or command.name == chosen:
            module = importlib.import_module(f"{__package__}.commands.{command.module}")
            module.add_arguments(sub_parser)
            sub_parser.set_defaults(func=module.run)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The subcommand `argv` asks for: its first word that is not an option."""
    return next((w for w in argv if not w.startswith("-")), None)


def _stop(signum, frame):  # noqa: ARG001 - signal handler signature
    raise Stopped(signum)


def _on_stop_signals() -> None:
    """SIGTERM and SIGHUP unwind the run like Ctrl-C does (the default would end the process
    on the spot, leaving its worker processes behind)."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), _stop)
            except ValueError:  # not the main thread (main() called from a thread)
                return


_STOP_CODES = frozenset(128 + getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                        if hasattr(signal, name))


def entry() -> None:
    """The `docs2spec` command: `main`, then exit. A run stopped by a signal (Ctrl-C, `kill`,
    a closed terminal) leaves at once, without the interpreter's exit hooks: its worker pool
    was torn down mid-work, and those hooks join the pool's queue threads, which can wait
    forever on a pipe that no process reads any more, so the run would outlive its stop.
    Its output was already put back as it was and its message written when `main` returns."""
    code = main()
    if code in _STOP_CODES:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    _on_stop_signals()
    try:
        parser = make_parser(sys.argv[1:] if argv is None else argv)
        args = parser.parse_args(argv)
        gcsettings.for_batch()  # fewer garbage collections: a command is a batch run
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit as a traceback
        return code
    except Docs2SpecError as exc:
        _error(" ".join(str(exc).splitlines()))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted", prefix="docs2spec: ")
        return 130
    except Stopped as stop:
        name = {getattr(signal, "SIGHUP", 0): "hung up"}.get(stop.signum, "terminated")
        _error(f"{name} ({signal.Signals(stop.signum).name})", prefix="docs2spec: ")
        return 128 + stop.signum
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (`| head`): nothing left to say
        return 141
    except MemoryError:
        _error("out of memory (is an input page or capture unusually large?)")
        return 2
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if os.environ.get("DOCS2SPEC_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {' '.join(str(exc).splitlines())}); "
               "this is a bug in docs2spec: rerun with DOCS2SPEC_DEBUG=1 for the traceback and "
               "please report it")
        return 70


def _error(message: str, prefix: str = "docs2spec: error: ") -> None:
    try:
        print(prefix + printable(message), file=sys.stderr)
    except OSError:
        pass


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
