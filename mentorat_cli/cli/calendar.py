"""`mentorat calendar`: the planned meetings as an iCalendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.cli.options import ALL_OPT, PAIR_ARG
from mentorat_cli.core import lookup
from mentorat_cli.core.messages import text
from mentorat_cli.followup import calendar
from mentorat_cli.load import usable


def calendar_cmd(
    ctx: typer.Context,
    pair: Optional[str] = PAIR_ARG,
    all_: bool = ALL_OPT,
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="The .ics file, or a folder (default: out/calendar[-PAIR].ics)."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it already exists."),
) -> None:
    """Export the planned meetings as an iCalendar file to import into a calendar app."""
    env = env_of(ctx)
    programme, _ = env.load(usable.pair_or_nothing(pair))
    pairs = lookup.select_pairs(programme, pair, all_, "calendar")
    env.info(text("doc-written-one", file=calendar.export(programme, pairs, bool(pair), out, force, env.today)))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `calendar`."""
    app.command("calendar")(calendar_cmd)
