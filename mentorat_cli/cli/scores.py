"""`mentorat scores`: every couple of the mentees to pair and the mentors, feasible or not, with its score."""

from __future__ import annotations

import csv
import sys
from typing import TYPE_CHECKING

import typer

from mentorat_cli.cli.common import env_of, lazy
from mentorat_cli.core.choices import ScoresFormat
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import text
from mentorat_cli.load import repository

# numpy and scipy load only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.pair import plan, table
else:
    plan = lazy("mentorat_cli.pair.plan")
    table = lazy("mentorat_cli.pair.table")

TEXT_TABLE_LIMIT = 200_000  # rows: beyond this, aligned text is unreadable and slow; CSV streams


def scores(
    ctx: typer.Context,
    fmt: ScoresFormat = typer.Option(ScoresFormat.text, "--format", help="text (aligned columns) or csv."),
) -> None:
    """Every couple of the mentees to pair and the mentors: feasible or the rule broken, score, criteria."""
    env = env_of(ctx)
    prog, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
    setup = plan.setup(prog)
    from mentorat_cli.pair import encode

    enc = encode.encode(setup.config, [r.data for r in setup.mentees], [r.data for r in setup.mentors], setup.managers)
    head = table.header(enc)
    if fmt is ScoresFormat.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerow(head)
        for block in table.csv_blocks(enc, setup.previous):
            sys.stdout.write(block)
        raise typer.Exit(0)
    cells = len(setup.mentees) * len(setup.mentors)
    if cells > TEXT_TABLE_LIMIT:
        raise MentoratError(text("scores-too-big", cells=cells))
    # For people: column words and yes/no in the run's language (the CSV keeps the ids for tools).
    rows = [[gettext(cell) for cell in head], *([*row[:2], gettext(row[2]), *row[3:]] for row in table.rows(enc, setup.previous))]
    widths = [max(len(row[c]) for row in rows) for c in range(len(head))]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `scores`."""
    app.command("scores")(scores)
