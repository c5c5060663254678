"""`docs2spec validate`: captured traffic against the generated contracts.

Only the validation package is imported: the build pipeline is never loaded for validation.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..validation.command import add_arguments as validation_arguments

    validation_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from ..validation.command import run as validate

    return validate(args)
