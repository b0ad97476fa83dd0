"""`mentorat contact` (record a follow-up contact) and `mentorat status` (the dashboard)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of, print_problems
from mentorat_cli.cli.documents import parse_date
from mentorat_cli.core import formatting, vocabulary
from mentorat_cli.core.errors import MentoratError, ProblemsFound
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.followup import dashboard, statuscsv
from mentorat_cli.followup import status as statusview
from mentorat_cli.io import output, pairfile
from mentorat_cli.load import usable
from mentorat_cli.render import context


class StatusFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


class Channel(str, Enum):
    phone = "phone"
    mail = "mail"
    visio = "visio"
    in_person = "in_person"


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
        day = parse_date("--date", date, env.today, future_ok=False) or env.today.isoformat()
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
            env.info(
                text(
                    "doc-contact-done",
                    channel=vocabulary.label("channel", channel.value),
                    date=formatting.long_date(day, language()),
                    file=record.path,
                )
            )
        else:
            env.info(text("doc-contact-duplicate", file=record.path))
    if any(lost):
        env.info(text("doc-comments-dropped", file=record.path))
    raise typer.Exit(0)


def status(
    ctx: typer.Context,
    days: Optional[int] = typer.Option(
        None, "--days", min=1, max=365, help="Alert after this many days without a meeting (default: the programme's, 45)."
    ),
    fmt: StatusFormat = typer.Option(StatusFormat.text, "--format", help="text, or json or csv for scripts and spreadsheets."),
    show_all: bool = typer.Option(False, "--all", help="Every row of every section (by default the first ten)."),
) -> None:
    """One screen: pairs by state, pairs to follow up, mentees waiting, mentors to remind."""
    env = env_of(ctx)
    try:
        programme, _ = env.load(usable.NOTHING)
    except ProblemsFound as exc:  # only programme.yaml can stop it; status still exits 0, as documented
        print_problems(exc.problems, stream=sys.stderr)
        typer.echo(text("status-programme-broken"), err=True)
        raise typer.Exit(0) from None
    data = dashboard.build(programme, env.today, days)
    if fmt is StatusFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt is StatusFormat.csv:
        typer.echo(statuscsv.render(data), nl=False)
    else:
        typer.echo(statusview.render(data, None if show_all else statusview.FIRST_ROWS), nl=False)
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `contact` and `status`."""
    app.command("contact")(contact)
    app.command("status")(status)
