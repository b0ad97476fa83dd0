"""`mentorat scores`: every couple of the mentees to pair and the mentors, feasible or not, with its score."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from mentorat_cli.cli.common import env_of, lazy
from mentorat_cli.core.choices import ScoresFormat
from mentorat_cli.load import repository

# numpy and scipy load only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.pair import scores as scoring
else:
    scoring = lazy("mentorat_cli.pair.scores")


def scores(
    ctx: typer.Context,
    fmt: ScoresFormat = typer.Option(ScoresFormat.text, "--format", help="text (aligned columns) or csv."),
) -> None:
    """Every couple of the mentees to pair and the mentors: feasible or the rule broken, score, criteria."""
    env = env_of(ctx)
    programme, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
    found = scoring.scores(programme)
    if fmt is ScoresFormat.csv:
        for block in scoring.csv_text(found):
            sys.stdout.write(block)
    else:
        for line in scoring.aligned(found):
            typer.echo(line)
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `scores`."""
    app.command("scores")(scores)
