"""Rows of a form export -> the profiles to create and update, the conflicts, and a Problem per bad cell."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.check import crossfile as checks
from mentorat_cli.core import problems as P
from mentorat_cli.core.model import Programme, Record, email_key
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest import declared
from mentorat_cli.ingest import fields as F
from mentorat_cli.ingest import state as S
from mentorat_cli.ingest.ids import unique_id
from mentorat_cli.ingest.mapping import Column, Mapping
from mentorat_cli.ingest.records import field_of as _field_of
from mentorat_cli.ingest.records import get_path, ordered, set_path
from mentorat_cli.ingest.sheet import Columns, locate
from mentorat_cli.ingest.transforms import CellError, convert, vocabulary
from mentorat_cli.load import schemas, yamledit
from mentorat_cli.load.tabular import Table

REQUIRED = ("first_name", "last_name", "email")


@dataclass(frozen=True)
class Change:
    """A profile created or updated by a row, with the fields that change."""

    action: str
    path: str
    row: int
    fields: tuple[str, ...]


@dataclass
class ImportPlan:
    """Everything an import would do; `files` holds the texts to write."""

    changes: list[Change] = field(default_factory=list)
    # Warnings on the profiles: a field changed in the source that a human also edited (kept as it is).
    conflicts: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the rows left out: one Problem per bad cell
    unknown_headers: list[str] = field(default_factory=list)
    missing_headers: list[str] = field(default_factory=list)
    unchanged: int = 0
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    state_text: str | None = None
    role: str = "mentee"

    def files(self, originals: dict[str, str] | None = None) -> dict[str, str]:
        """The texts to write (rendered only when needed: a dry run does not pay for them).

        An updated profile keeps the text and comments of every field the import did not change.
        """
        schema_line = f"../.schemas/{self.role}.schema.json"
        originals = originals or {}
        out = {
            path: yamledit.rewrite(originals.get(path, ""), ordered(record, self.role), schema_line)
            for path, record in self.records.items()
        }
        if self.state_text is not None:
            out[S.STATE_FILE] = self.state_text
        return out


def required_missing(table: Table, mapping: Mapping) -> list[str]:
    """The fields every profile needs that no column of the table fills (headers matched as ingest/sheet.py does)."""
    mapped = {c.field for h, c in mapping.columns.items() if c is not None and locate(table, h) is not None}
    return [f for f in REQUIRED if f not in mapped]


class _Context:
    def __init__(self, programme: Programme, table: Table, role: str, mapping: Mapping, file: str) -> None:
        self.role = role
        self.folder = "mentors" if role == "mentor" else "mentees"
        wanted = [(h, c.field) for h, c in mapping.columns.items() if c is not None]
        self.sheet, _missing = Columns.match(table, file, wanted)
        self.columns: dict[str, Column] = {}  # field -> how its column is read
        for header, column in mapping.columns.items():
            if column is not None and self.sheet.header(column.field) == locate(table, header):
                self.columns.setdefault(column.field, column)
        # (field, table header, how it is read), worked out once: a row is read field by field.
        self.reading = [(f, self.sheet.header(f), c) for f, c in self.columns.items()]
        # hook: declared fields (extra.<name>) take their kind and a scale's values from programme.yaml
        self.vocab = {f: declared.vocabulary(programme.config, f) or vocabulary(programme.config, f) for f in self.columns}
        self.types = {f: F.field_type(role, f) or declared.field_type(programme.config, role, f) or F.TEXT for f in self.columns}


def _read_row(ctx: _Context, number: int, cells: dict[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    errors: list[Problem] = []
    refused: set[str] = set()
    for name, header, column in ctx.reading:
        raw = cells.get(header, "")  # tabular.py already stripped the cell
        if not raw:
            values[name] = None
            continue
        try:
            value = (declared.convert if name.startswith("extra.") else convert)(
                ctx.types[name], name, raw, column.values, column.separator, ctx.vocab[name]
            )
        except CellError as exc:
            errors.append(ctx.sheet.refused(exc, number, name))
            refused.add(name)
            continue
        values[name] = value if value not in ("", []) else None
    for name in REQUIRED:
        if name in values and values[name] is None and name not in refused:
            errors.append(ctx.sheet.problem("import-cell-required", number, name, field=name))
    return values, errors


def _schema_errors(ctx: _Context, number: int, data: dict[str, Any]) -> list[Problem]:
    # A copy (profiles are at most two levels deep): the check must not add anything to what gets written.
    shallow = {k: dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v for k, v in data.items()}
    found = schemas.check(ctx.role, shallow, "", lambda _pointer: (0, 0))
    out = []
    for problem in found:
        if problem.severity != "error":
            continue  # e.g. an unknown key a human added: validate reports it, it does not block a row
        out.append(ctx.sheet.moved(problem, number, _field_of(problem.pointer)))
    return out


def _merge(
    ctx: _Context, path: str, number: int, record: dict[str, Any], values: dict[str, Any], previous: dict[str, str], force: bool
) -> tuple[list[str], list[Problem], dict[str, str]]:
    """Apply the source's changes to an existing profile, field by field, without undoing a human's edit."""
    changed: list[str] = []
    conflicts: list[Problem] = []
    fingerprints = dict(previous)
    for name, value in values.items():
        new_print = S.fingerprint(path, name, value)
        last = previous.get(name)
        current = get_path(record, name)
        if last is None and value is None:
            continue  # the source never had a value here: a hand-added one stays, even with --force
        if last == new_print and not force:
            continue  # the source did not change: whatever the file holds now stays
        if current == value or (name in ("email", "manager") and email_key(current) == email_key(value)):
            fingerprints[name] = new_print
            continue
        edited_by_hand = current is not None if last is None else S.fingerprint(path, name, current) != last
        if edited_by_hand and not force:
            # A value no import wrote (no fingerprint yet) says so: the human may not know the import fills it.
            code = "import-conflict-new" if last is None else "import-conflict"
            conflicts.append(P.make(code, path, 0, 0, field=name, row=number, source=ctx.sheet.file))
            # Reported once: the hand edit stands until the source changes again (or --force).
            fingerprints[name] = new_print
            continue
        set_path(record, name, value)
        fingerprints[name] = new_print
        changed.append(name)
    return changed, conflicts, fingerprints


def plan_import(
    programme: Programme,
    table: Table,
    role: str,
    mapping: Mapping,
    state: S.State,
    today: dt.date,
    force: bool = False,
    status: str | None = None,
    file: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """What importing `table` as `role` profiles would change; pure: nothing is written here.

    `status` (e.g. accepted, for programmes that take everyone) is given to the people created
    whose row does not say otherwise; an accepted person's decision is dated today.
    Every bad cell of every row is a Problem naming `file`, the row and the column.
    `progress(done, total)` hears of the rows read (the CLI shows it on a terminal).
    """
    ctx = _Context(programme, table, role, mapping, file)
    plan = ImportPlan(role=role)
    counters: dict[str, int] = {}
    known = {locate(table, h) for h in mapping.columns}
    plan.unknown_headers = [h for h in table.headers if h not in known]
    plan.missing_headers = sorted(h for h, c in mapping.columns.items() if c is not None and locate(table, h) is None)
    own = programme.mentors if role == "mentor" else programme.mentees
    other = programme.mentees if role == "mentor" else programme.mentors
    by_email = {email_key(r.data["email"]): r for r in own.values() if r.data.get("status") != "erased"}
    other_email = {email_key(r.data["email"]): r for r in other.values()}
    taken = set(programme.mentors) | set(programme.mentees)
    seen_email: dict[str, int] = {}
    new_state = copy.deepcopy(state)
    for done, (number, cells) in enumerate(table.rows, 1):
        if progress is not None and (done % 64 == 0 or done == len(table.rows)):
            progress(done, len(table.rows))
        values, errors = _read_row(ctx, number, cells)
        email = email_key(values.get("email"))
        if not errors and email in seen_email:
            errors.append(ctx.sheet.problem("import-email-twice", number, "email", row=seen_email[email]))
        if not errors and email in other_email:
            errors.append(ctx.sheet.problem("import-email-other-role", number, "email", path=other_email[email].path))
        if errors:
            plan.problems += errors
            continue
        seen_email[email] = number
        existing: Record | None = by_email.get(email)
        if existing is None:
            ident = unique_id(values["first_name"], values["last_name"], taken, counters)
            path = f"{ctx.folder}/{ident}.yaml"
            record: dict[str, Any] = {"id": ident}
            for name, value in values.items():
                set_path(record, name, value)
            if "registered_on" not in values:
                record["registered_on"] = today.isoformat()
            if status and not record.get("status"):
                record["status"] = status
                if status != "applicant":
                    record["decided_on"] = today.isoformat()
            changed = [n for n, v in values.items() if v is not None]
            conflicts: list[Problem] = []
            fingerprints = {n: S.fingerprint(path, n, v) for n, v in values.items()}
            action = "create"
        else:
            path = existing.path
            record = copy.deepcopy(existing.data)
            changed, conflicts, fingerprints = _merge(ctx, path, number, record, values, state.get(path, {}), force)
            action = "update"
        schema_errors = _schema_errors(ctx, number, record)
        if schema_errors:
            if action == "create":
                taken.discard(record["id"])
            plan.problems += schema_errors
            continue
        plan.conflicts += conflicts
        new_state[path] = fingerprints
        if changed:
            plan.changes.append(Change(action, path, number, tuple(changed)))
            plan.records[path] = record
        else:
            plan.unchanged += 1
    _cross_checks(ctx, programme, plan, new_state, state, today)
    if new_state != state:
        plan.state_text = S.dump_state(new_state)
    plan.problems = P.sort_problems(plan.problems)
    return plan


def _cross_checks(ctx: _Context, programme: Programme, plan: ImportPlan, new_state: S.State, state: S.State, today: dt.date) -> None:
    """Run the programme's own cross-file checks with the new profiles in place; rows they fail are rejected.

    Without this an import could write a profile that `mentorat validate` then
    refuses (e.g. a capacity above the programme's maximum), blocking every command.
    """
    if not plan.records:
        return
    folder = programme.mentors if ctx.role == "mentor" else programme.mentees
    trial = dict(folder)
    for path, record in plan.records.items():
        trial[record["id"]] = Record(ctx.role, record["id"], path, record)
    if ctx.role == "mentor":
        candidate = dataclasses.replace(programme, mentors=trial)
    else:
        candidate = dataclasses.replace(programme, mentees=trial)
    rows = {c.path: c.row for c in plan.changes}
    failed: set[str] = set()
    for problem in checks.run_all(candidate, today):
        if problem.severity == "error" and problem.file in plan.records:
            failed.add(problem.file)
            plan.problems.append(ctx.sheet.moved(problem, rows[problem.file], _field_of(problem.pointer)))
    for path in failed:
        del plan.records[path]
        if path in state:
            new_state[path] = state[path]
        else:
            new_state.pop(path, None)
    plan.changes = [c for c in plan.changes if c.path not in failed]
