"""`mentorat report`: the end-of-programme report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import env_of, lazy
from mentorat_cli.cli.options import FORCE_FILE_OPT
from mentorat_cli.core.choices import ReportFormat
from mentorat_cli.core.messages import text

# pandas and matplotlib load only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.report import build
else:
    build = lazy("mentorat_cli.report.build")


def report(
    ctx: typer.Context,
    cohort: Optional[str] = typer.Option(None, "--cohort", help="Cohort to report on (default: the programme's cohort)."),
    fmt: ReportFormat = typer.Option(ReportFormat.md, "--format", help="md, html (charts inline) or xlsx."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: out/report-<cohort>.<format>)."),
    force: bool = FORCE_FILE_OPT,
) -> None:
    """Write the end-of-programme report: participants, pairs, meetings, satisfaction, objectives."""
    env = env_of(ctx)
    programme, _warnings = env.load()  # figures for funders: a record left aside would make them wrong
    env.info(text("report-written", path=build.write(programme, env.today, cohort, fmt.value, output, force)))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `report`."""
    app.command("report")(report)
