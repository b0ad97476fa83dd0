"""`mentorat validate`: every problem in the programme's files, at once."""

from __future__ import annotations

import typer

from mentorat_cli.check import causes, validation
from mentorat_cli.cli import progress
from mentorat_cli.cli.common import env_of, print_problems
from mentorat_cli.core import problems as P
from mentorat_cli.core.choices import TextOrJson
from mentorat_cli.core.messages import text


def validate(
    ctx: typer.Context,
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", help="text, or json for tools."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors (exit 1)."),
) -> None:
    """Check every file: schemas, references, dates, capacities and the programme's rules."""
    env = env_of(ctx)
    root = env.root()
    with progress.bar(text("progress-reading")) as shown:
        found = validation.validate(root, env.today, env.cache, shown)
    if fmt is TextOrJson.json:
        print_problems(causes.flat(found.entries), "json")
    else:
        _print_entries(found.entries, env.quiet)
        counts = {"errors": found.errors, "warnings": found.warnings, "files": found.files}
        if found.folded:
            env.info(text("validate-summary-folded", folded=found.folded, **counts))
        elif found.errors or found.warnings:
            env.info(text("validate-summary", **counts))
        else:
            env.info(text("validate-ok", root=root, files=found.files))
    raise typer.Exit(1 if found.errors > 0 or (strict and found.warnings > 0) else 0)


def _print_entries(entries: list[causes.Entry], quiet: bool) -> None:
    """Each problem (only errors when quiet), with one line counting what follows from it."""
    for entry in entries:
        if quiet and entry.problem.severity != P.ERROR:
            continue
        print_problems([entry.problem])  # coloured on a terminal
        if entry.followers:
            files = len({p.file for p in entry.followers})
            typer.echo(text("folded", count=len(entry.followers), files=files))


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
