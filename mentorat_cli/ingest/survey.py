"""Survey responses from a form tool's export: table rows -> feedback records (pure; the command writes).

The mapping file says which column holds which answer, the same way as the
profile import's mapping (`columns: {header: field}`); `values` adds answer
labels of the form tool to the built-in French and English ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.model import Programme, email_key
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest.fields import fold
from mentorat_cli.ingest.sheet import Columns, locate
from mentorat_cli.ingest.transforms import CellError, parse_bool, parse_date
from mentorat_cli.load import schemas, yamlio
from mentorat_cli.load.tabular import Table

FIELDS = ("email", "role", "pair", "submitted_on", "satisfaction", "would_recommend", "wants_to_continue", "consent_quote", "comment")
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
BUILTIN: dict[str, dict[str, str]] = {
    "satisfaction": {
        "tres satisfait": "very_satisfied",
        "tres satisfaite": "very_satisfied",
        "very satisfied": "very_satisfied",
        "plutot satisfait": "rather_satisfied",
        "plutot satisfaite": "rather_satisfied",
        "rather satisfied": "rather_satisfied",
        "satisfait": "rather_satisfied",
        "satisfied": "rather_satisfied",
        "plutot pas satisfait": "rather_not_satisfied",
        "plutot insatisfait": "rather_not_satisfied",
        "peu satisfait": "rather_not_satisfied",
        "rather not satisfied": "rather_not_satisfied",
        "rather dissatisfied": "rather_not_satisfied",
        "pas satisfait": "not_satisfied",
        "pas du tout satisfait": "not_satisfied",
        "insatisfait": "not_satisfied",
        "not satisfied": "not_satisfied",
        "dissatisfied": "not_satisfied",
        "not at all satisfied": "not_satisfied",
    },
    "reached": {
        "oui": "yes",
        "yes": "yes",
        "atteint": "yes",
        "reached": "yes",
        "en partie": "partly",
        "partiellement": "partly",
        "partly": "partly",
        "partially": "partly",
        "non": "no",
        "no": "no",
        "non atteint": "no",
        "not reached": "no",
    },
    "role": {
        "mentor": "mentor",
        "marraine": "mentor",
        "parrain": "mentor",
        "mentore": "mentee",
        "mentoree": "mentee",
        "mentee": "mentee",
        "filleul": "mentee",
        "filleule": "mentee",
    },
}
for _level in ("very_satisfied", "rather_satisfied", "rather_not_satisfied", "not_satisfied"):
    BUILTIN["satisfaction"][fold(_level)] = _level


# The codes each answer list may map to (the schema's enums).
CODES: dict[str, tuple[str, ...]] = {
    "satisfaction": ("very_satisfied", "rather_satisfied", "rather_not_satisfied", "not_satisfied"),
    "reached": ("yes", "partly", "no"),
    "role": ("mentor", "mentee"),
}


@dataclass
class Mapping:
    """Header -> field, plus extra answer labels per field."""

    columns: dict[str, str]
    values: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class SurveyPlan:
    """What an import would do: records to write, identical ones, hand-edited ones kept, and bad rows."""

    write: dict[str, dict[str, Any]] = field(default_factory=dict)  # path -> data
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_mapping(
    text_: str, shown: str, programme: Programme, table: Table, table_name: str = "the table"
) -> tuple[Mapping | None, list[Problem]]:
    """Read and check the mapping file's text against the table's headers."""
    data, issue = yamlio.load(text_)
    if issue is not None:
        return None, [P.make(issue.code, shown, issue.line, issue.column, **issue.values)]
    spots = yamlio.positions(text_) or {}
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        return None, [P.make("survey-mapping-field", shown, 1, 1, detail="the file needs a 'columns' mapping (header: field)")]
    themes = {t["id"] for t in programme.config["themes"]}
    found: list[Problem] = []
    columns: dict[str, str] = {}
    for header, target in data["columns"].items():
        line, column = spots.get("/columns/" + yamlio.escape_pointer(str(header)), (1, 1))
        if target is None or target is False:
            continue  # a column the coordinator chose to ignore
        if not isinstance(target, str) or not (target in FIELDS or (target.startswith("objectives.") and target[11:] in themes)):
            found.append(
                P.make(
                    "survey-mapping-field",
                    shown,
                    line,
                    column,
                    detail=f"'{target}' is not a survey field (use one of {', '.join(FIELDS)}, or objectives.<theme id>)",
                )
            )
        elif locate(table, str(header)) is None:
            found.append(
                P.make(
                    "survey-mapping-column",
                    shown,
                    line,
                    column,
                    header=header,
                    field=target,
                    table=table_name,
                    columns=", ".join(table.headers),
                )
            )
        else:
            columns[str(header)] = target
    targets = set(columns.values())
    if "satisfaction" not in targets:
        found.append(P.make("survey-mapping-field", shown, 1, 1, detail="no column is mapped to 'satisfaction'"))
    if "email" not in targets and not {"pair", "role"} <= targets:
        found.append(P.make("survey-mapping-field", shown, 1, 1, detail="map an 'email' column, or both 'pair' and 'role'"))
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values") or {}
    if not isinstance(raw_values, dict) or not all(isinstance(v, dict) for v in raw_values.values()):
        found.append(P.make("survey-mapping-field", shown, 1, 1, detail="'values' must map a field to {answer label: code}"))
    else:
        for key, answers in raw_values.items():
            allowed = CODES.get(str(key))
            line, column = spots.get("/values/" + yamlio.escape_pointer(str(key)), (1, 1))
            if allowed is None:
                found.append(
                    P.make(
                        "survey-mapping-field",
                        shown,
                        line,
                        column,
                        detail=f"values.{key}: answer labels can be given for {', '.join(CODES)} only",
                    )
                )
            elif any(str(code) not in allowed for code in answers.values()):
                found.append(
                    P.make(
                        "survey-mapping-field",
                        shown,
                        line,
                        column,
                        detail=f"values.{key}: each label must map to one of {', '.join(allowed)}",
                    )
                )
            else:
                values[str(key)] = {fold(str(label)): str(code) for label, code in answers.items()}
    return (Mapping(columns, values) if not found else None), found


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
        raise row.fail("survey-row-pair", "email", who=f"the {role} with this e-mail", count=len(pairs))
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
