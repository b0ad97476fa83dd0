"""`mentorat contact`: record a follow-up contact with a pair in its file."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core import dates as datecheck
from mentorat_cli.core.choices import Channel
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import output, pairfile
from mentorat_cli.load import usable
from mentorat_cli.render import context


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
        record = context.find_pair(programme, pair)
        day = datecheck.parse_option("--date", date, env.today, future_ok=False) or env.today.isoformat()
        summary = " ".join(summary.split())  # one line: the sheet shows it in a table cell
        if len(summary) > pairfile.SUMMARY_LIMIT:
            raise MentoratError(text("doc-contact-long", length=len(summary), limit=pairfile.SUMMARY_LIMIT), text("doc-contact-long-hint"))
        entry = {"date": day, "channel": channel.value, **({"summary": summary} if summary else {})}

        lost: list[bool] = []

        def change(content: str) -> str | None:
            new = pairfile.add_contact(pairfile.parse(content, record.path), entry)
            if new is None:
                return None
            written = pairfile.dump(new, content)
            lost.append(pairfile.dropped_comments(content, written))
            return written

        if output.update_file(programme.root, record.path, change):
            env.info(text("doc-contact-done", channel=channel.value, date=day, file=record.path))
        else:
            env.info(text("doc-contact-duplicate", file=record.path))
    if any(lost):
        env.info(text("doc-comments-dropped", file=record.path))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `contact`."""
    app.command("contact")(contact)
