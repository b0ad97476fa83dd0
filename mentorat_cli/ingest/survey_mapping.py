"""The survey import's mapping file: which column holds which answer, and the form tool's answer labels.

Its form is the profile import's (`columns: {header: field}`); `values` adds answer
labels of the form tool to the built-in French and English ones. Headers are found
in the table as the people import finds them (ingest/sheet.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest.fields import fold
from mentorat_cli.ingest.sheet import locate
from mentorat_cli.load import yamlio
from mentorat_cli.load.tabular import Table

FIELDS = ("email", "role", "pair", "submitted_on", "satisfaction", "would_recommend", "wants_to_continue", "consent_quote", "comment")
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


def load_mapping(
    text_: str, shown: str, programme: Programme, table: Table, table_name: str = "the table"
) -> tuple[Mapping | None, list[Problem]]:
    """Read and check the mapping file's text against the table's headers: every mistake, each a Problem on its line."""
    data, issue = yamlio.load(text_)
    if issue is not None:
        return None, [P.make(issue.code, shown, issue.line, issue.column, **issue.values)]
    spots = yamlio.positions(text_) or {}
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        return None, [P.make("survey-mapping-shape", shown, 1, 1)]
    themes = {t["id"] for t in programme.config["themes"]}
    found: list[Problem] = []
    columns: dict[str, str] = {}
    for header, target in data["columns"].items():
        line, column = spots.get("/columns/" + yamlio.escape_pointer(str(header)), (1, 1))
        if target is None or target is False:
            continue  # a column the coordinator chose to ignore
        if not isinstance(target, str) or not (target in FIELDS or (target.startswith("objectives.") and target[11:] in themes)):
            found.append(P.make("survey-mapping-field", shown, line, column, target=target, fields=", ".join(FIELDS)))
        elif locate(table, str(header)) is None:
            values = {"header": header, "field": target, "table": table_name, "columns": ", ".join(table.headers)}
            found.append(P.make("survey-mapping-column", shown, line, column, **values))
        else:
            columns[str(header)] = target
    targets = set(columns.values())
    if "satisfaction" not in targets:
        found.append(P.make("survey-mapping-no-satisfaction", shown, 1, 1))
    if "email" not in targets and not {"pair", "role"} <= targets:
        found.append(P.make("survey-mapping-no-respondent", shown, 1, 1))
    values, wrong = _answer_labels(data.get("values") or {}, shown, spots)
    found += wrong
    return (Mapping(columns, values) if not found else None), found


def _answer_labels(raw: Any, shown: str, spots: dict[str, tuple[int, int]]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The `values:` section (field -> {answer label: code}), folded labels; a Problem per bad entry."""
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        return {}, [P.make("survey-mapping-values-shape", shown, 1, 1)]
    values: dict[str, dict[str, str]] = {}
    found: list[Problem] = []
    for key, answers in raw.items():
        allowed = CODES.get(str(key))
        line, column = spots.get("/values/" + yamlio.escape_pointer(str(key)), (1, 1))
        if allowed is None:
            found.append(P.make("survey-mapping-values-field", shown, line, column, key=key, fields=", ".join(CODES)))
        elif any(str(code) not in allowed for code in answers.values()):
            found.append(P.make("survey-mapping-values-code", shown, line, column, key=key, codes=", ".join(allowed)))
        else:
            values[str(key)] = {fold(str(label)): str(code) for label, code in answers.items()}
    return values, found
