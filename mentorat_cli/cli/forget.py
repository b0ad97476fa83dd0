"""`mentorat forget`: erase people's personal data from the working tree (right to erasure), and say what remains."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.messages import text
from mentorat_cli.io import git
from mentorat_cli.privacy import erasure as erasing


def forget(
    ctx: typer.Context,
    people: Optional[list[str]] = typer.Argument(None, metavar="ID", help="Ids of the people to erase."),
    expired: bool = typer.Option(False, "--expired", help="Erase everyone past the retention period after the cohort's end."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; change nothing."),
) -> None:
    """Erase people's personal data from the working tree (right to erasure), and say what remains."""
    env = env_of(ctx)
    # Under the lock from the start; leftover temporaries (which may hold the person) are cleared first.
    with env.writing(active=not dry_run):
        programme, _warnings = env.load()
        erasure = erasing.prepare(programme, people or [], expired, env.today)
        if erasure is None:
            env.info(text("forget-none-expired", months=programme.config["retention"]["months_after_end"]))
            raise typer.Exit(0)
        _print_plan(erasure)
        if dry_run:
            typer.echo(text("forget-dry-run"))
            raise typer.Exit(0)
        erasing.apply(programme.root, erasure)
        typer.echo(text("forget-done", count=len(erasure.people)))
        _print_history(programme.root, erasure)


def _print_plan(erasure: erasing.Erasure) -> None:
    for line in erasure.plan.lines:
        typer.echo(line)
    for path in erasure.leftovers:
        typer.echo(text("forget-leftover", path=path))
    for path, what in erasure.traces:
        typer.echo(text("forget-leftover-content", path=path, what=what))


def _print_history(root: Path, erasure: erasing.Erasure) -> None:
    """The data stays in git's history and in backups: say how to purge it."""
    paths = git.purge_paths(root, erasure.plan.removes)
    if paths is None:
        typer.echo(text("forget-not-git"))
    else:
        typer.echo(text("forget-git"))
        typer.echo(text("forget-git-how"))
        typer.echo(text("forget-git-command", paths=paths))
        if erasure.changed:
            typer.echo(text("forget-git-changed", paths=", ".join(erasure.changed)))
    typer.echo(text("forget-backups"))


def register(app: typer.Typer) -> None:
    """Attach `forget`."""
    app.command("forget")(forget)
