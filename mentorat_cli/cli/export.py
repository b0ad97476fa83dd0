"""`mentorat export`: people, pairs or meetings as CSV or XLSX, with formula-safe cells."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.choices import Dialect, ExportWhat, TableFormat
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.load import usable
from mentorat_cli.render import exporting, exportrun


def export(
    ctx: typer.Context,
    what: ExportWhat = typer.Argument(..., help="people, pairs, or meetings (note metadata only, never the text)."),
    fmt: TableFormat = typer.Option(TableFormat.csv, "--format", help="csv or xlsx (typed cells, frozen header, filters)."),
    dialect: Optional[Dialect] = typer.Option(
        None,
        "--dialect",
        help="CSV for: excel-fr (';', French headers, decimal comma; default for a French programme), "
        "excel (',', column ids; default in English), both with values as people read them, "
        "or rfc (RFC 4180, no BOM, ids in the cells: for scripts).",
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
    made = exportrun.make(programme, what.value, fmt.value, dialect.value if dialect else None, pseudonymise, env.today)
    if output == "-":
        sys.stdout.write(made.content.decode("utf-8-sig"))
    else:
        shown, rows = exportrun.write(programme, made, output, force)
        env.info(text("export-written", path=shown, rows=rows, pseudo=text("export-pseudo-note") if made.pseudo else ""))
    _warn_small_groups(programme, what.value, made.pseudo)
    raise typer.Exit(0)


def _warn_small_groups(programme: Programme, what: str, pseudo: exporting.Pseudonyms | None) -> None:
    """Say how a pseudonymised export was generalised, and which rows could still single a person out (k-anonymity)."""
    result = exporting.generalisation(programme, what, pseudo)
    if result is None:
        return
    if note := exporting.generalisation_note(programme, result):
        typer.echo(note, err=True)
    if result.small:
        typer.echo(
            text(
                "export-small-groups",
                count=len(result.small),
                minimum=programme.config["privacy"]["min_group_size"],
                lines=", ".join(str(i + 1) for i in result.small[:30]) + (" …" if len(result.small) > 30 else ""),
            ),
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Attach `export`."""
    app.command("export")(export)
