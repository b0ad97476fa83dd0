"""`mentorat sign`: record the dates a pair's charter was signed."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core import dates as datecheck
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import output, pairfile
from mentorat_cli.load import usable
from mentorat_cli.render import context


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
        record = context.find_pair(programme, pair)
        dates = {
            role: value
            for role, value in (
                ("mentor", datecheck.parse_option("--mentor", mentor, env.today, False)),
                ("mentee", datecheck.parse_option("--mentee", mentee, env.today, False)),
            )
            if value
        }
        if not dates:
            raise MentoratError(text("doc-sign-nothing"), text("doc-sign-nothing-hint", pair=record.id))

        lost: list[bool] = []

        def change(content: str) -> str | None:
            new = pairfile.sign(pairfile.parse(content, record.path), dates, force, record.id)
            if new is None:
                return None
            written = pairfile.dump(new, content)
            lost.append(pairfile.dropped_comments(content, written))
            return written

        changed = output.update_file(programme.root, record.path, change)
    key = "doc-sign-done" if changed else "doc-sign-unchanged"
    env.info(text(key, roles=", ".join(sorted(dates)), file=record.path))
    if any(lost):
        env.info(text("doc-comments-dropped", file=record.path))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `sign`."""
    app.command("sign")(sign)
