"""Mapping files: which column fills which field, and how its labels translate."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import EXIT_USAGE, BadInput
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest import declared
from mentorat_cli.ingest import fields as F
from mentorat_cli.load import yamlio
from mentorat_cli.load.tabular import clean_header


@dataclass(frozen=True)
class Column:
    """How one column is imported: its field, label -> value overrides, and a multi-choice separator."""

    field: str
    values: dict[str, str | None] = dataclasses.field(default_factory=dict)  # None: the answer means "no value"
    separator: str | None = None


@dataclass
class Mapping:
    """Header -> Column; None marks a column deliberately not imported."""

    columns: dict[str, Column | None]
    source: str = "default mapping"


def default_mapping(headers: list[str], role: str, config: dict[str, Any] | None = None) -> Mapping:
    """The columns the built-in French and English header names recognise (each field filled once).

    With the programme's config, headers that read as a declared field's label fill `extra.<name>`.
    """
    columns: dict[str, Column | None] = {}
    taken: set[str] = set()
    for header in headers:
        found = F.field_for_header(header, role) or declared.field_for_header(config, header, role)  # hook: declared fields
        if found and found not in taken:
            columns[header] = Column(found)
            taken.add(found)
    return Mapping(columns)


def _fail(path: Path, line: int, key: str, **values: Any) -> BadInput:
    # Exit code 2 as before: the import has not started.
    return BadInput([P.make(key, str(path), line, 0, **values)], EXIT_USAGE)


def load_mapping(path: Path, role: str, config: dict[str, Any] | None = None) -> Mapping:
    """Read a mapping file; its mistakes raise BadInput, every one found, each a Problem on its line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(path, 0, "import-mapping-unreadable", reason=exc.strerror or type(exc).__name__) from None
    decoded, issue = yamlio.decode(raw)
    data, issue = (None, issue) if decoded is None else yamlio.load(decoded)
    if issue is not None or not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        line = issue.line if issue else 1
        raise _fail(path, line, "import-mapping-shape")
    where = yamlio.positions(decoded or "")
    if data.get("role") not in (None, role):
        raise _fail(path, where.get("/role", (1, 1))[0], "import-mapping-role", found=data.get("role"), role=role)
    columns: dict[str, Column | None] = {}
    found: list[Problem] = []
    for header, spec in data["columns"].items():
        line = where.get("/columns/" + yamlio.escape_pointer(str(header)), (0, 0))[0]
        try:
            columns[clean_header(str(header))] = _column(spec, role, path, line, str(header), config)
        except BadInput as exc:
            found += exc.problems  # every column at fault at once
    if found:
        raise BadInput(found, EXIT_USAGE)
    return Mapping(columns, source=str(path))


def _column(spec: Any, role: str, path: Path, line: int, header: str, config: dict[str, Any] | None = None) -> Column | None:
    if spec is None or spec is False:
        return None
    if isinstance(spec, str):
        spec = {"field": spec}
    if not isinstance(spec, dict) or set(spec) - {"field", "values", "split"}:
        raise _fail(path, line, "import-mapping-column", header=header)
    name = spec.get("field")
    if not isinstance(name, str) or (F.field_type(role, name) or declared.field_type(config, role, name)) is None:  # hook: declared fields
        raise _fail(
            path,
            line,
            "import-mapping-field",
            header=header,
            field=name,
            role=role,
            known=", ".join(sorted([*F.fields_for(role), *declared.names(config, role)])),
        )
    values = spec.get("values") or {}
    separator = spec.get("split")
    if not isinstance(values, dict) or (separator is not None and not isinstance(separator, str)):
        raise _fail(path, line, "import-mapping-column", header=header)
    return Column(name, {str(k): _value(v) for k, v in values.items()}, separator or None)


def _value(value: Any) -> str | None:
    """A mapping's value as the converters take it: null (or an empty text) is "no value", true/false are yes/no."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)
