"""`mentorat contact`: record a follow-up contact with a pair in its file."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core import formatting, vocabulary
from mentorat_cli.core.choices import Channel
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.followup import records
from mentorat_cli.load import usable


def contact(
    ctx: typer.Context,
    pair: str = typer.Argument(..., metavar="PAIR", help="Pair id, <mentee>--<mentor>."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Date of the contact (default: today)."),
    channel: Channel = typer.Option(..., "--channel", help="phone, mail, visio or in_person."),
    summary: str = typer.Option("", "--summary", help="A short factual summary; nothing confidential."),
) -> None:
    """Record a follow-up contact with a pair in its file (contacts)."""
    env = env_of(ctx)
    with env.writing():
        programme, _ = env.load(usable.pair_needs(pair))
        done = records.contact(programme, pair, date, channel.value, summary, env.today)
    if done.changed:
        channel_word, day = vocabulary.label("channel", channel.value), formatting.long_date(done.date, language())
        env.info(text("doc-contact-done", channel=channel_word, date=day, file=done.file))
    else:
        env.info(text("doc-contact-duplicate", file=done.file))
    if done.comments_dropped:
        env.info(text("doc-comments-dropped", file=done.file))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `contact`."""
    app.command("contact")(contact)
