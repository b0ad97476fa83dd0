"""`mentorat status`: the dashboard, pairs by state and what to follow up."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of, print_problems
from mentorat_cli.core.choices import StatusFormat
from mentorat_cli.core.errors import ProblemsFound
from mentorat_cli.core.messages import text
from mentorat_cli.followup import dashboard, statuscsv
from mentorat_cli.followup import status as statusview
from mentorat_cli.load import usable


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
    """Attach `status`."""
    app.command("status")(status)
