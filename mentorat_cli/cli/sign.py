"""`mentorat sign`: record the dates a pair's charter was signed."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.messages import text
from mentorat_cli.followup import records
from mentorat_cli.load import usable


def sign(
    ctx: typer.Context,
    pair: str = typer.Argument(..., metavar="PAIR", help="Pair id, <mentee>--<mentor>."),
    mentor: Optional[str] = typer.Option(None, "--mentor", metavar="YYYY-MM-DD", help="Date the mentor signed."),
    mentee: Optional[str] = typer.Option(None, "--mentee", metavar="YYYY-MM-DD", help="Date the mentee signed."),
    force: bool = typer.Option(False, "--force", help="Replace a signature date already recorded."),
) -> None:
    """Record the dates the charter was signed in the pair's file (charter_signed)."""
    env = env_of(ctx)
    with env.writing():
        programme, _ = env.load(usable.pair_needs(pair))
        done = records.sign(programme, pair, mentor, mentee, force, env.today)
    env.info(text("doc-sign-done" if done.changed else "doc-sign-unchanged", roles=", ".join(done.roles), file=done.file))
    if done.comments_dropped:
        env.info(text("doc-comments-dropped", file=done.file))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `sign`."""
    app.command("sign")(sign)
