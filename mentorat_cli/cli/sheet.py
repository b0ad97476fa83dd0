"""`mentorat sheet`: the follow-up sheet of a pair, or of every confirmed pair."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli import progress
from mentorat_cli.cli.common import env_of, report_written
from mentorat_cli.cli.options import ALL_OPT, FORCE_OPT, OUT_OPT, PAIR_ARG
from mentorat_cli.core import lookup
from mentorat_cli.core.choices import CharterFormat
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import output
from mentorat_cli.load import usable
from mentorat_cli.render import build


def sheet(
    ctx: typer.Context,
    pair: Optional[str] = PAIR_ARG,
    all_: bool = ALL_OPT,
    fmt: CharterFormat = typer.Option(CharterFormat.md, "--format", help="md, html (print-ready A4 page) or pdf."),
    out: Optional[Path] = OUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Write the follow-up sheet of a pair: schedule, meetings held, hours, alerts, contacts."""
    env = env_of(ctx)
    programme, _ = env.load(usable.pair_or_nothing(pair))
    pairs = lookup.select_pairs(programme, pair, all_, "sheet")
    if fmt is CharterFormat.pdf and not build.pdf_available():
        raise MentoratError(text("doc-pdf-missing"), text("doc-pdf-missing-hint"))
    with progress.bar(text("progress-sheets"), progress.DOCUMENTS) as shown:
        files = build.sheets(programme, pairs, fmt.value, env.today, shown)
    report_written(env, output.write_documents(programme.root, out, files, force), files)
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `sheet`."""
    app.command("sheet")(sheet)
