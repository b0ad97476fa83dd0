"""`mentorat import`: create and update profiles from a form export (CSV or XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli import ingest as importing
from mentorat_cli.cli.common import Env, env_of, print_error
from mentorat_cli.core.choices import ImportStatus, Role
from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import repository
from mentorat_cli.load.tabular import Table, TabularError, column_letter, read_table


def read_or_fail(path: Path) -> Table:
    """read_table, with its error turned into one line naming the file, row and column."""
    try:
        return read_table(path)
    except TabularError as exc:
        where = f":{exc.row}" if exc.row else ""
        where += f" column {column_letter(exc.column)}" if exc.column else ""
        raise MentoratError(text("import-table-error", file=path, where=where, message=exc.message), exc.hint) from None


def _template(env: Env, table: Table, role: str, output: Optional[str], force: bool) -> None:
    programme, _warnings = env.load()  # the programme's themes and publics are the values answers map to
    target = storage.output_file(programme.root, output, "import-mapping.yaml")
    if target.path.exists() and not force:
        raise MentoratError(text("import-template-exists", path=target.shown), text("import-template-exists-hint"))
    content = importing.template(table, role, programme.config)
    known = len(importing.default_mapping(table.headers, role).columns)
    storage.write_outputs({target: content}, force)
    unknown = sum(1 for line in content.splitlines() if line.startswith("      ") and line.split("#")[0].rstrip().endswith(": null"))
    check = sum(1 for line in content.splitlines() if line.startswith("      ") and "# check" in line)
    typer.echo(text("import-template-written", path=target.path, known=known, total=len(table.headers), unknown=unknown, check=check))


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
    table = read_or_fail(file)
    if template:
        _template(env, table, role.value, output, force)
        raise typer.Exit(0)
    with env.writing(active=not dry_run):
        _import(env, file, table, role.value, mapping, dry_run, skip_invalid, force, status.value if status else None)


def _import(
    env: Env,
    file: Path,
    table: Table,
    role: str,
    mapping: Optional[Path],
    dry_run: bool,  # noqa: PLR0913
    skip_invalid: bool,
    force: bool,
    status: Optional[str],
) -> None:
    programme, _warnings = env.load(parts=repository.PEOPLE_AND_PAIRS)
    chosen = importing.load_mapping(mapping, role) if mapping else importing.default_mapping(table.headers, role)
    mapped = {c.field for h, c in chosen.columns.items() if c is not None and h in table.headers}
    for field in ("first_name", "last_name", "email"):
        if field not in mapped:
            raise MentoratError(
                text("import-required-column", file=file.name, field=field, headers=", ".join(table.headers)),
                text("import-required-column-hint", file=file, role=role),
            )
    if not table.rows:
        raise MentoratError(text("import-no-rows", file=file.name), text("import-no-rows-hint"))
    state = importing.load_state(programme.root)
    plan = importing.plan_import(programme, table, role, chosen, state, env.today, force, status)
    _report(env.quiet, file.name, plan)
    blocked = bool(plan.rejected) and not skip_invalid
    if dry_run or blocked:
        if blocked:
            print_error(text("import-blocked", rows=len({r.row for r in plan.rejected})), text("import-blocked-hint"))
        elif not env.quiet:
            typer.echo(text("import-dry-run"))
        raise typer.Exit(EXIT_PROBLEMS if plan.rejected or plan.conflicts else 0)
    files = plan.files(_originals(programme.root, list(plan.records)))
    if files:
        storage.write_files(programme.root, files)
    created = sum(1 for c in plan.changes if c.action == "create")
    if plan.changes:
        env.info(text("import-done", file=file.name, created=created, updated=len(plan.changes) - created, unchanged=plan.unchanged))
    else:
        env.info(text("import-nothing"))
    raise typer.Exit(EXIT_PROBLEMS if plan.rejected or plan.conflicts else 0)


def _originals(root: Path, paths: list[str]) -> dict[str, str]:
    """The current text of the profiles an import updates (to keep the comments people wrote)."""
    out = {}
    for path in paths:
        try:
            out[path] = (root / path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
    return out


def _report(quiet: bool, name: str, plan: importing.ImportPlan) -> None:
    for rejected in plan.rejected:
        column = f", column {rejected.column}" if rejected.column else ""
        typer.echo(text("import-rejected", file=name, row=rejected.row, column=column, reason=rejected.reason), err=True)
    for conflict in plan.conflicts:
        key = "import-conflict-new" if conflict.never_imported else "import-conflict"
        typer.echo(text(key, path=conflict.path, field=conflict.field, row=conflict.row), err=True)
    if quiet:
        return
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
    typer.echo(
        text(
            "import-summary",
            created=created,
            updated=len(plan.changes) - created,
            unchanged=plan.unchanged,
            conflicts=len(plan.conflicts),
            rejected=len({r.row for r in plan.rejected}),
        )
    )


def register(app: typer.Typer) -> None:
    """Attach `import`."""
    app.command("import")(import_)
