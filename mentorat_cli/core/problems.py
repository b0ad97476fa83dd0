"""The one record for bad input: a Problem points at a place and says how to fix it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import PROBLEMS, text

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in the programme's files."""

    file: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str = ""
    pointer: str = ""

    def render(self) -> str:
        """`file:line:col: severity code message` then an indented hint."""
        where = self.file or "."
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        line = f"{where}: {severity_word(self.severity)} {self.code} {self.message}"
        if self.hint:
            line += "\n  " + text("hint-prefix") + self.hint
        return line

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for --format json (stable key order)."""
        return asdict(self)


def severity_word(severity: str) -> str:
    """ "error"/"warning" in the language of the run (the JSON output keeps the English ids)."""
    return text(f"severity-{severity}") if f"severity-{severity}" in _SEVERITY_KEYS else severity


_SEVERITY_KEYS = ("severity-error", "severity-warning", "severity-info")


def make(code: str, file: str, line: int = 0, column: int = 0, pointer: str = "", **values: Any) -> Problem:
    """Build a Problem from the catalogue entry `code`, filling its templates with `values`."""
    spec = PROBLEMS[code]
    return Problem(
        file=file,
        line=line,
        column=column,
        code=code,
        severity=spec.severity,
        message=gettext(spec.message).format(**values),
        hint=gettext(spec.hint).format(**values),
        pointer=pointer,
    )


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line, column, code: the order editors and diffs expect."""
    return sorted(set(problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def to_json(problems: list[Problem]) -> str:
    """The --format json document."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    doc = {
        "valid": errors == 0,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_dict() for p in problems],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
