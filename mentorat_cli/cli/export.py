"""`mentorat export`: people, pairs or meetings as CSV or XLSX, with formula-safe cells."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.choices import Dialect, ExportWhat, TableFormat
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import storage
from mentorat_cli.load import usable
from mentorat_cli.render import exporting


def export(
    ctx: typer.Context,
    what: ExportWhat = typer.Argument(..., help="people, pairs, or meetings (note metadata only, never the text)."),
    fmt: TableFormat = typer.Option(TableFormat.csv, "--format", help="csv or xlsx (typed cells, frozen header, filters)."),
    dialect: Optional[Dialect] = typer.Option(
        None,
        "--dialect",
        help="CSV for: excel-fr (';', French headers, decimal comma; default for a French programme), "
        "excel (',', column ids; default in English) or rfc (RFC 4180, no BOM).",
    ),
    pseudonymise: bool = typer.Option(
        False,
        "--pseudonymise",
        help=f"Replace ids, names and e-mails by keyed pseudonyms (key: ${exporting.KEY_ENV} or ~/.config/mentorat/pseudonym.key).",
    ),
    output: Optional[str] = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write (default out/export-WHAT.FORMAT in the programme folder); - for the terminal (CSV only).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing export file."),
) -> None:
    """Export people, pairs or meetings as CSV or XLSX, with formula-safe cells."""
    env = env_of(ctx)
    if output == "-" and fmt is TableFormat.xlsx:
        raise MentoratError(text("export-stdout-xlsx"), text("export-stdout-xlsx-hint"))
    programme, _warnings = env.load(usable.NOTHING)
    pseudo = None
    if pseudonymise:
        pseudo = exporting.Pseudonyms(exporting.find_key(os.environ, Path.home(), programme.root))
    content = exporting.export(programme, what.value, fmt.value, pseudo, env.today, dialect.value if dialect else None)
    if output == "-":
        sys.stdout.write(content.decode("utf-8-sig"))
        _warn_small_groups(programme, what.value, pseudo)
        raise typer.Exit(0)
    target = storage.output_file(programme.root, output, f"out/export-{what.value}.{fmt.value}")
    storage.write_outputs({target: content}, force)
    rows = len(exporting.TABLES[what.value][1](programme, None))
    env.info(text("export-written", path=target.shown, rows=rows, pseudo=text("export-pseudo-note") if pseudo else ""))
    _warn_small_groups(programme, what.value, pseudo)


def _warn_small_groups(programme: Programme, what: str, pseudo: exporting.Pseudonyms | None) -> None:
    """Say which rows of a pseudonymised export could still single a person out (k-anonymity)."""
    unique = exporting.not_anonymous(programme, what, pseudo)
    if unique:
        typer.echo(
            text(
                "export-small-groups",
                count=len(unique),
                minimum=programme.config["privacy"]["min_group_size"],
                lines=", ".join(str(i + 1) for i in unique[:30]) + (" …" if len(unique) > 30 else ""),
            ),
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Attach `export`."""
    app.command("export")(export)
