"""One module per command group; each exposes `register(app)`."""

from __future__ import annotations

import importlib

import typer

# Order here is the order of `mentorat --help`.
COMMAND_MODULES = (
    "init", "validate", "selection", "pair", "documents", "notes", "followup", "mail", "report", "data",
)


def register(app: typer.Typer) -> None:
    """Attach every command module's commands to the app."""
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"mentorat_cli.commands.{name}")
        module.register(app)
