"""`mentorat note new` and `mentorat note list`: meeting notes (the body stays private)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core import lookup
from mentorat_cli.core.choices import NoteKind, TextOrJson
from mentorat_cli.core.messages import text
from mentorat_cli.followup import notes
from mentorat_cli.load import usable
from mentorat_cli.render import notefile

note_app = typer.Typer(help="Meeting notes: create one from a template, list them (metadata only).", no_args_is_help=True)


@note_app.command("new")
def note_new(
    ctx: typer.Context,
    pair: str = typer.Argument(..., metavar="PAIR", help="Pair id, <mentee>--<mentor>."),
    date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", help="Meeting date (default: today)."),
    kind: Optional[NoteKind] = typer.Option(
        None, "--kind", help="first, regular, review or final (default: the next one the schedule plans)."
    ),
) -> None:
    """Create notes/PAIR/DATE-KIND.md: front matter to fill in, and a private body to write."""
    env = env_of(ctx)
    with env.writing():
        programme, _ = env.load(usable.pair_needs(pair))
        written = notefile.create(programme, pair, date, kind.value if kind else None, env.today)
    env.info(text("doc-note-done", file=written))
    raise typer.Exit(0)


@note_app.command("list")
def note_list(
    ctx: typer.Context,
    pair: Optional[str] = typer.Argument(None, metavar="PAIR", help="Only this pair's notes."),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", help="text, or json for tools."),
) -> None:
    """List the meeting notes: date, kind, length and topics, never the text of the note."""
    env = env_of(ctx)
    programme, _ = env.load(usable.pair_needs(pair) if pair else usable.NOTHING)
    pair_id = lookup.find_pair(programme, pair).id if pair else None
    rows = notes.rows(programme, pair_id)
    if fmt is TextOrJson.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        raise typer.Exit(0)
    if not rows:
        env.info(text("doc-note-none"))
        raise typer.Exit(0)
    for line in notes.table(programme.config, rows):
        typer.echo(line)
    env.info(text("doc-note-count", count=len(rows)))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `note new` and `note list`."""
    app.add_typer(note_app, name="note")
