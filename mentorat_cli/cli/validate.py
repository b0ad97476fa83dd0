"""`mentorat validate`: every problem in the programme's files, at once."""

from __future__ import annotations

import typer

from mentorat_cli.check import causes, integrity
from mentorat_cli.cli.common import TextOrJson, env_of, print_problems
from mentorat_cli.core import problems as P
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import resources


def validate(
    ctx: typer.Context,
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", help="text, or json for tools."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors (exit 1)."),
) -> None:
    """Check every file: schemas, references, dates, capacities and the programme's rules."""
    env = env_of(ctx)
    root = env.root()
    programme, found = env.read(root)
    # Read-only: a change a stopped command left is reported here, finished or undone by the next writer.
    found = P.sort_problems([*found, *integrity.leftover_problems(root), *integrity.summary_problems(root, programme)])
    errors = sum(1 for p in found if p.severity == P.ERROR)
    warnings = len(found) - errors
    entries = causes.arrange(found)
    if fmt is TextOrJson.json:
        print_problems(causes.flat(entries), "json")
    else:
        _print_entries(entries, env.quiet)
        folded = sum(len(e.followers) for e in entries)
        if folded:
            env.info(text("validate-summary-folded", errors=errors, warnings=warnings, files=programme.files_checked, folded=folded))
        elif found:
            env.info(text("validate-summary", errors=errors, warnings=warnings, files=programme.files_checked))
        else:
            env.info(text("validate-ok", root=root, files=programme.files_checked))
    failed = errors > 0 or (strict and warnings > 0)
    raise typer.Exit(1 if failed else 0)


def _print_entries(entries: list[causes.Entry], quiet: bool) -> None:
    """Each problem (only errors when quiet), with one line counting what follows from it."""
    for entry in entries:
        if quiet and entry.problem.severity != P.ERROR:
            continue
        print_problems([entry.problem])  # coloured on a terminal
        if entry.followers:
            files = len({p.file for p in entry.followers})
            typer.echo(text("folded", count=len(entry.followers), files=files))


def refresh_schemas(ctx: typer.Context) -> None:
    """Refresh the copy of the schemas in .schemas/ that editors use to complete and check fields."""
    env = env_of(ctx)
    root = env.root()
    with env.writing():
        changed = resources.stale_editor_schemas(root)
        if changed:
            storage.write_files(root, changed)
            env.info(text("schemas-done", count=len(changed), folder=root / ".schemas"))
        else:
            env.info(text("schemas-unchanged", folder=root / ".schemas"))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("schemas")(refresh_schemas)
