"""`mentorat calendar`: the planned meetings as an iCalendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.cli.options import ALL_OPT, PAIR_ARG
from mentorat_cli.core import lookup
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.followup import calendar
from mentorat_cli.io import output, storage
from mentorat_cli.load import usable
from mentorat_cli.render import labels


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
    if calendar.count_events(programme, pairs) == 0:
        raise MentoratError(text("doc-calendar-none"), text("doc-calendar-none-hint"))
    content = calendar.build(programme, pairs, labels.lang_of(programme.config), env.today)
    name = f"calendar-{pairs[0].id}.ics" if pair else "calendar.ics"
    if out is not None and out.is_dir():
        out = out / name  # a folder: the default file name inside it
    target = storage.output_file(programme.root, out, f"{output.DEFAULT_FOLDER}/{name}")
    storage.write_outputs({target: content}, force, sync=False)
    env.info(text("doc-written-one", file=target.path))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `calendar`."""
    app.command("calendar")(calendar_cmd)
