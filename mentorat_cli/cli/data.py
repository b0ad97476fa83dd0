"""`mentorat import`, `export`, `person show` and `forget`: people's data in, out, and erased."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli import ingest as importing
from mentorat_cli import privacy
from mentorat_cli.cli import progress
from mentorat_cli.cli.common import Env, env_of, print_error
from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import storage
from mentorat_cli.load import cache, repository, usable
from mentorat_cli.load.tabular import Table, TabularError, column_letter, read_table
from mentorat_cli.privacy import traces
from mentorat_cli.render import exporting


class Role(str, Enum):
    mentor = "mentor"
    mentee = "mentee"


class ImportStatus(str, Enum):
    applicant = "applicant"
    accepted = "accepted"


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
    with progress.bar(text("progress-rows")) as shown:
        plan = importing.plan_import(programme, table, role, chosen, state, env.today, force, status, shown)
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


class What(str, Enum):
    people = "people"
    pairs = "pairs"
    meetings = "meetings"


class Format(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


class Dialect(str, Enum):
    excel_fr = "excel-fr"
    excel = "excel"
    rfc = "rfc"


def export(
    ctx: typer.Context,
    what: What = typer.Argument(..., help="people, pairs, or meetings (note metadata only, never the text)."),
    fmt: Format = typer.Option(Format.csv, "--format", help="csv or xlsx (typed cells, frozen header, filters)."),
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
    if output == "-" and fmt is Format.xlsx:
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


person_app = typer.Typer(help="Right of access: what the programme holds on a person.", no_args_is_help=True)


@person_app.command("show")
def person_show(ctx: typer.Context, person_id: str = typer.Argument(..., metavar="ID", help="The person's id.")) -> None:
    """Print everything held on a person: profile, pairs, contacts, feedback, notes (metadata only)."""
    env = env_of(ctx)
    programme, _warnings = env.load(usable.person_needs(person_id))
    if programme.person(person_id) is None:
        raise MentoratError(text("person-unknown", id=person_id), text("person-unknown-hint"))
    state = importing.load_state(programme.root)
    for line in privacy.person_report(programme, person_id, set(state)):
        typer.echo(line)


def _git_top(root: Path) -> Optional[Path]:
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _list_files(root: Path) -> Callable[[str], list[str]]:
    def list_files(folder: str) -> list[str]:
        base = storage.inside(root, folder)
        if not base.is_dir():
            return []
        return sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file() or p.is_symlink())

    return list_files


def forget(
    ctx: typer.Context,
    people: Optional[list[str]] = typer.Argument(None, metavar="ID", help="Ids of the people to erase."),
    expired: bool = typer.Option(False, "--expired", help="Erase everyone past the retention period after the cohort's end."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; change nothing."),
) -> None:
    """Erase people's personal data from the working tree (right to erasure), and say what remains."""
    env = env_of(ctx)
    # Under the lock from the start; leftover temporaries (which may hold the person) are cleared first.
    with env.writing(active=not dry_run):
        _forget(env, sorted(set(people or [])), expired, dry_run)


def _forget(env: Env, chosen: list[str], expired: bool, dry_run: bool) -> None:
    programme, _warnings = env.load()
    if expired:
        found = privacy.expired_people(programme, env.today)
        if not found and not chosen:
            env.info(text("forget-none-expired", months=programme.config["retention"]["months_after_end"]))
            raise typer.Exit(0)
        chosen = sorted(set(chosen) | set(found))
    if not chosen:
        raise MentoratError(text("forget-nobody"), text("forget-nobody-hint"))
    for person_id in chosen:
        record = programme.person(person_id)
        if record is None:
            raise MentoratError(text("person-unknown", id=person_id), text("person-unknown-hint"))
        if record.data.get("status") == "erased":
            raise MentoratError(text("forget-already", path=record.path))
    root = programme.root
    summary = root / "pairing.yaml"
    # A damaged pairing.yaml (not UTF-8, too large) is left as it is, like one that is not valid YAML.
    summary_text = repository.read_text(summary, "pairing.yaml")[0] if summary.is_file() and not summary.is_symlink() else None
    plan = privacy.plan_forget(programme, chosen, env.today, importing.load_state(root), _list_files(root), summary_text)
    for line in plan.lines:
        typer.echo(line)
    leftovers = privacy.leftover_files(root, chosen, set(plan.removes) | set(plan.writes))
    for path in leftovers:
        typer.echo(text("forget-leftover", path=path))
    erased = {r.id: r.data for r in (programme.person(person) for person in chosen) if r is not None}
    for path, what in traces.files_holding(root, erased, skip=leftovers):
        typer.echo(text("forget-leftover-content", path=path, what=what))
    if dry_run:
        typer.echo(text("forget-dry-run"))
        raise typer.Exit(0)
    plan.created = {p for p in plan.writes if not (root / p).exists()}
    storage.write_files(root, plan.writes, removes=plan.removes)
    cache.clear(root)  # it holds copies of the erased data
    typer.echo(text("forget-done", count=len(chosen)))
    top = _git_top(root)
    if top is None:
        typer.echo(text("forget-not-git"))
    else:
        prefix = root.relative_to(top).as_posix() if root != top else ""
        # A pair's notes folder goes as a whole: one --path for the folder, not one per note.
        purged = sorted({"/".join(p.split("/")[:2]) + "/" if p.startswith("notes/") else p for p in plan.removes})
        paths = " ".join("--path " + shlex.quote(f"{prefix}/{p}" if prefix else p) for p in purged)
        typer.echo(text("forget-git"))
        typer.echo(text("forget-git-how"))
        typer.echo(text("forget-git-command", paths=paths))
        changed = sorted(p for p in plan.writes if (root / p).exists() and p not in plan.created)
        if changed:
            typer.echo(text("forget-git-changed", paths=", ".join(changed)))
    typer.echo(text("forget-backups"))


def register(app: typer.Typer) -> None:
    """Attach import, export, person and forget."""
    app.command("import")(import_)
    app.command("export")(export)
    app.add_typer(person_app, name="person")
    app.command("forget")(forget)
