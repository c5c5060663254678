"""The subcommands of `docs2spec`, in the order `--help` lists them.

One module per command and one line here per command. Each module exposes
`add_arguments(parser)` and `run(args) -> int`; it is imported only when its command runs (or
its own `--help` is asked for), so `docs2spec --help` and `docs2spec validate` never pay for the
build pipeline's imports (bs4, docutils, PyYAML, the dialects).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    module: str
    """Module under `generator.commands` with `add_arguments` and `run`."""
    help: str


COMMANDS: tuple[Command, ...] = (
    Command("regen", "regen", "rebuild generated/ from specs/"),
    Command("build", "build", "build any set of saved pages into an output folder"),
    Command("init", "init", "start a product under specs/: a commented product.toml "
            "(and the saved pages)"),
    Command("publish", "publish", "write a static reference site from generated/ (or a "
            "`build` output) that works offline"),
    Command("validate", "validate", "check captured requests/responses against generated/ "
            "(exit 1 on error findings, 2 on unusable input)"),
    Command("diff", "diff", "what changed in the contract between two revisions of the docs "
            "(specs, generated, OpenAPI file or git:REV)"),
)
