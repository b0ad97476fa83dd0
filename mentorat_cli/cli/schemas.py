"""`mentorat schemas`: refresh the editors' copy of the schemas in .schemas/."""

from __future__ import annotations

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import resources


def refresh_schemas(ctx: typer.Context) -> None:
    """Refresh the copy of the schemas in .schemas/ that editors use to complete and check fields."""
    env = env_of(ctx)
    root = env.root()
    with env.writing():
        changed = resources.stale_editor_schemas(root)
        if changed:
            storage.write_files(root, changed)
            env.info(text("schemas-done", count=len(changed), folder=root / ".schemas"))
        else:
            env.info(text("schemas-unchanged", folder=root / ".schemas"))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    app.command("schemas")(refresh_schemas)
