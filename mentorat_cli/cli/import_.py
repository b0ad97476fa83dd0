"""`mentorat import`: create and update profiles from a form export (CSV or XLSX)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli import progress
from mentorat_cli.cli.common import Env, env_of, print_error, print_problems
from mentorat_cli.core.choices import ImportStatus, Role
from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.ingest import run as importing
from mentorat_cli.ingest.plan import ImportPlan
from mentorat_cli.load import repository


def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The CSV or XLSX export of the form or spreadsheet."),
    role: Optional[Role] = typer.Option(None, "--role", help="Whether the file holds mentors or mentees."),
    mapping: Optional[Path] = typer.Option(None, "--mapping", help="Mapping file (default: recognise common headers)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be created and updated; write nothing."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Import the valid rows even if others are rejected."),
    force: bool = typer.Option(False, "--force", help="Take the source's value where a human edited a field (conflicts)."),
    template: bool = typer.Option(False, "--template", help="Write a mapping file listing the headers found, then stop."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", help="With --template: file to write (default import-mapping.yaml in the programme folder)."
    ),
    status: Optional[ImportStatus] = typer.Option(
        None, "--status", help="Status of the people created (default: applicant, decided later with mentorat accept)."
    ),
) -> None:
    """Create and update profiles from a form export (CSV or XLSX)."""
    env = env_of(ctx)
    if role is None:
        raise MentoratError(text("import-role-needed"), text("import-role-needed-hint"))
    table = importing.read_export(file)
    if template:
        written = importing.write_template(env.load()[0], table, role.value, output, force)
        typer.echo(text("import-template-written", **vars(written)))
        raise typer.Exit(0)
    with env.writing(active=not dry_run):
        programme, _warnings = env.load(parts=repository.PEOPLE_AND_PAIRS)
        chosen_status = status.value if status else None
        with progress.bar(text("progress-rows")) as shown:
            plan = importing.prepare(
                programme, file, table, role.value, mapping, today=env.today, force=force, status=chosen_status, progress=shown
            )
        _print_plan(env.quiet, file.name, plan)
        if not dry_run and not (plan.problems and not skip_invalid):
            importing.write(programme.root, plan)
    _print_outcome(env, file.name, plan, dry_run, skip_invalid)
    raise typer.Exit(EXIT_PROBLEMS if plan.problems or plan.conflicts else 0)


def _print_outcome(env: Env, name: str, plan: ImportPlan, dry_run: bool, skip_invalid: bool) -> None:
    """Why nothing was written (rows rejected, or a dry run), else what was."""
    if plan.problems and not skip_invalid:
        print_error(text("import-blocked", rows=len({p.line for p in plan.problems})), text("import-blocked-hint"))
    elif dry_run:
        env.info(text("import-dry-run"))
    elif plan.changes:
        created = sum(1 for c in plan.changes if c.action == "create")
        env.info(text("import-done", file=name, created=created, updated=len(plan.changes) - created, unchanged=plan.unchanged))
    else:
        env.info(text("import-nothing"))


def _print_plan(quiet: bool, name: str, plan: ImportPlan) -> None:
    """Rejected rows and conflicts (always, on stderr), then the headers and changes and their counts."""
    print_problems(plan.problems + plan.conflicts, stream=sys.stderr)
    if not quiet:
        _print_changes(name, plan)


def _print_changes(name: str, plan: ImportPlan) -> None:
    for header in plan.unknown_headers:
        typer.echo(text("import-unknown-header", file=name, header=header), err=True)
    for header in plan.missing_headers:
        typer.echo(text("import-missing-header", file=name, header=header), err=True)
    for change in plan.changes:
        if change.action == "create":
            typer.echo(text("import-create", path=change.path, row=change.row))
        else:
            typer.echo(text("import-update", path=change.path, fields=", ".join(change.fields), row=change.row))
    created = sum(1 for c in plan.changes if c.action == "create")
    rejected = len({p.line for p in plan.problems})
    counts = {"created": created, "updated": len(plan.changes) - created, "unchanged": plan.unchanged, "rejected": rejected}
    typer.echo(text("import-summary", conflicts=len(plan.conflicts), **counts))


def register(app: typer.Typer) -> None:
    """Attach `import`."""
    app.command("import")(import_)
