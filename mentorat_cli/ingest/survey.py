"""Survey responses from a form tool's export: table rows -> feedback records (pure; the command writes).

The same pipeline as the people import (ingest/sheet.py): the table, its columns
matched by the mapping (ingest/survey_mapping.py), each row read into a record
while every bad cell becomes a Problem on its row and column.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, email_key
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest.fields import fold
from mentorat_cli.ingest.sheet import Columns
from mentorat_cli.ingest.survey_mapping import BUILTIN, Mapping
from mentorat_cli.ingest.transforms import CellError, parse_bool, parse_date
from mentorat_cli.load import schemas, yamlio
from mentorat_cli.load.tabular import Table

ORDER = (
    "id",
    "role",
    "pair",
    "submitted_on",
    "satisfaction",
    "objectives",
    "would_recommend",
    "wants_to_continue",
    "consent_quote",
    "comment",
)


@dataclass
class SurveyPlan:
    """What an import would do: records to write, identical ones, hand-edited ones kept, and bad rows."""

    write: dict[str, dict[str, Any]] = field(default_factory=dict)  # path -> data
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _people_by_email(programme: Programme) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for role, group in (("mentor", programme.mentors), ("mentee", programme.mentees)):
        for pid, record in sorted(group.items()):
            if record.get("email"):
                out.setdefault(email_key(record.get("email")), (role, pid))
    return out


def _pairs_of(programme: Programme, role: str, person: str) -> list[str]:
    """The person's introduced pairs (confirmed, or ended after starting)."""
    return sorted(
        pid
        for pid, p in programme.pairs.items()
        if p.get(role) == person
        and (p.get("status") == "confirmed" or (p.get("status") == "ended" and (p.get("confirmed_on") or p.get("started_on"))))
    )


# Inclusive writing as the questionnaire prints it: "satisfait(e)", "satisfait·e", "satisfait.e".
_INCLUSIVE = re.compile(r"\((?:e|es|s)\)|[·.](?:e|es)\b", re.IGNORECASE)


def _code(field_: str, text_: str, mapping: Mapping) -> str:
    folded = fold(text_)
    if folded not in mapping.values.get(field_, {}):
        folded = fold(_INCLUSIVE.sub("", text_))
    known = {**BUILTIN.get(field_, {}), **mapping.values.get(field_, {})}
    if folded not in known:
        raise CellError(field_)
    return known[folded]


def feedback_id(role: str, pair: str, taken: dict[str, str]) -> str:
    """`<role>-<mentee>-<mentor>`; a short hash is added when that id is already used by another pair."""
    base = f"{role}-{pair.replace('--', '-')}"
    if len(base) <= 64 and taken.get(base, pair) == pair:
        return base
    return f"{base[:55].rstrip('-')}-{hashlib.sha1(pair.encode()).hexdigest()[:8]}"


class _RowError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class _Row:
    """One table row being read; its Problems point at the row and at the cell's column (see ingest/sheet.py).

    A cell that cannot be read is noted and the reading goes on, so that every bad cell
    of the row is reported at once; only a row whose respondent is unknown stops (`fail`).
    """

    def __init__(self, number: int, cells: dict[str, str], mapping: Mapping, sheet: Columns) -> None:
        self.number, self.cells, self.mapping, self.sheet = number, cells, mapping, sheet
        self.problems: list[Problem] = []

    def fail(self, code: str, field_: str = "", **values: Any) -> _RowError:
        return _RowError(self.sheet.problem(code, self.number, field_, **values))

    def note(self, code: str, field_: str = "", **values: Any) -> None:
        self.problems.append(self.sheet.problem(code, self.number, field_, **values))

    def get(self, field_: str) -> str:
        return self.sheet.cell(self.cells, field_)

    def code(self, field_: str, kind: str | None = None) -> str:
        value = self.get(field_)
        try:
            return _code(kind or field_, value, self.mapping)
        except CellError:
            allowed = ", ".join(sorted(set(BUILTIN.get(kind or field_, {}).values())))
            self.note("survey-row-value", field_, field=field_, key=kind or field_, value=value[:40], allowed=allowed)
            return ""

    def boolean(self, field_: str) -> bool | None:
        value = self.get(field_)
        if not value:
            return None
        try:
            return parse_bool(value)
        except CellError:
            self.note("survey-row-value", field_, field=field_, key=field_, value=value[:40], allowed="oui, non")
            return None


def _respondent(row: _Row, programme: Programme, emails: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """(role, pair) of the row's respondent: from pair + role columns, else from the e-mail."""
    pair = row.get("pair")
    if pair:
        if pair not in programme.pairs:
            raise row.fail("survey-row-pair-unknown", "pair", pair=pair[:130])
        if not row.get("role"):
            raise row.fail("survey-row-missing", "role", field="role")
        return row.code("role"), pair
    email = email_key(row.get("email"))
    if not email:
        raise row.fail("survey-row-missing", "email", field="email")
    if email not in emails:
        raise row.fail("survey-row-person", "email", email=email[:254])
    role, person = emails[email]
    pairs = _pairs_of(programme, role, person)
    if len(pairs) != 1:
        # No pair, or a mentor with several mentees: the row cannot say which pair it is about.
        raise row.fail("survey-row-pair", "email", who=text(f"survey-who-{role}"), count=len(pairs))
    return role, pairs[0]


def _record(row: _Row, role: str, pair: str) -> dict[str, Any]:
    data: dict[str, Any] = {"role": role, "pair": pair}
    if row.get("submitted_on"):
        try:
            data["submitted_on"] = parse_date(row.get("submitted_on"))
        except CellError:
            cell = row.get("submitted_on")[:40]
            row.note("survey-row-value", "submitted_on", field="submitted_on", key="submitted_on", value=cell, allowed="25/11/2026")
    if not row.get("satisfaction"):
        row.note("survey-row-missing", "satisfaction", field="satisfaction")
    else:
        data["satisfaction"] = row.code("satisfaction")
    objectives = []
    for target in sorted(row.mapping.columns.values()):
        if target.startswith("objectives.") and row.get(target):
            objectives.append({"theme": target[11:], "reached": row.code(target, "reached")})
    if objectives:
        data["objectives"] = objectives
    for flag in ("would_recommend", "wants_to_continue", "consent_quote"):
        value = row.boolean(flag)
        if value is not None:
            data[flag] = value
    if row.get("comment"):
        data["comment"] = row.get("comment")
    return data


def _read_row(
    row: _Row, programme: Programme, emails: dict[str, tuple[str, str]], seen: dict[tuple[str, str], int]
) -> tuple[str, str, dict[str, Any]]:
    """The row's respondent and answers; every cell at fault is in `row.problems` (the answers are read even
    when the respondent is unknown, so that one pass over the file shows all there is to fix)."""
    try:
        role, pair = _respondent(row, programme, emails)
    except _RowError as exc:
        row.problems.append(exc.problem)
        role, pair = "", ""
    if role and pair:
        if (role, pair) in seen:
            row.note("survey-row-duplicate", role=role, pair=pair, other=seen[(role, pair)])
        else:
            seen[(role, pair)] = row.number
    return role, pair, _record(row, role, pair)


def _at_row(number: int) -> Callable[[str], tuple[int, int]]:
    """A schema locator that places every problem on the table's row."""
    return lambda _pointer: (number, 0)


def plan(programme: Programme, table: Table, mapping: Mapping, shown: str, force: bool = False) -> SurveyPlan:
    """What importing the table would write; rows that cannot be read become problems."""
    out = SurveyPlan()
    emails = _people_by_email(programme)
    existing = {(r.get("role"), r.get("pair")): r for _, r in sorted(programme.feedback.items())}
    taken = {r.id: str(r.get("pair")) for r in programme.feedback.values()}
    seen: dict[tuple[str, str], int] = {}
    # The mapping's headers were all found in the table (load_mapping checked them).
    sheet, _missing = Columns.match(table, shown, ((h, f) for h, f in mapping.columns.items()))
    for number, cells in table.rows:
        row = _Row(number, cells, mapping, sheet)
        role, pair, data = _read_row(row, programme, emails, seen)
        if row.problems:
            out.problems += row.problems
            continue
        old = existing.get((role, pair))
        ident = old.id if old is not None else feedback_id(role, pair, taken)
        taken[ident] = pair
        full = {"id": ident, **data}
        record = {key: full[key] for key in ORDER if key in full}
        errors = [p for p in schemas.check("feedback", record, shown, _at_row(number)) if p.severity == P.ERROR]
        if errors:
            # The schema's own message may quote the cell (a comment): name the field only.
            out.problems += [
                sheet.problem(
                    "survey-row-invalid", number, p.message.split(":")[0].split(".")[0].split("[")[0], field=p.message.split(":")[0]
                )
                for p in errors
            ]
            continue
        path = old.path if old is not None else f"feedback/{ident}.yaml"
        if old is not None and old.data == record:
            out.unchanged.append(path)
        elif old is not None and not force:
            out.kept.append(path)
        else:
            out.write[path] = record
    return out


def render(record: dict[str, Any]) -> str:
    """The YAML text of one response, keys in the schema's order."""
    return yamlio.dump(record, schema_line="../.schemas/feedback.schema.json")
