"""The one record for bad input: a Problem points at a place and says how to fix it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import PROBLEMS, fill, text

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a file the user gave: a programme file, a row of a spreadsheet, a template.

    The place is `file`, `line`, `column` (1-based, 0 = unknown). In a spreadsheet
    (`sheet`), `line` is the row the spreadsheet shows and `column` the column's
    index; `header` is that column's header, to name it as the user sees it.
    """

    file: str
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str = ""
    pointer: str = ""
    header: str = ""
    sheet: bool = False

    def where(self) -> str:
        """`file:line:col` (what editors jump to), or `file: row 3, column C "Courriel"` in a spreadsheet."""
        where = self.file or "."
        if self.sheet:
            if self.line and self.column:
                key = "problem-at-cell-named" if self.header else "problem-at-cell"
                return text(key, file=where, row=self.line, letter=column_letter(self.column), header=self.header)
            if self.line:
                return text("problem-at-row", file=where, row=self.line)
            return where
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        return where

    def render(self) -> str:
        """`where: severity code message` then an indented hint."""
        line = f"{self.where()}: {severity_word(self.severity)} {self.code} {self.message}"
        if self.hint:
            line += "\n  " + text("hint-prefix") + self.hint
        return line

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for --format json (stable key order; the spreadsheet keys only for a spreadsheet)."""
        out = asdict(self)
        if not self.sheet:
            del out["header"], out["sheet"]
        return out


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 1-based index (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
        message=fill(gettext(spec.message), values),
        hint=fill(gettext(spec.hint), values),
        pointer=pointer,
    )


def at_cell(code: str, file: str, row: int = 0, column: int = 0, header: str = "", /, **values: Any) -> Problem:
    """A Problem in a spreadsheet: `row` as the spreadsheet shows it, `column` 1-based (0: the whole row)."""
    return dataclasses.replace(make(code, file, row, column, **values), header=header, sheet=True)


def moved_to_cell(problem: Problem, file: str, row: int, column: int = 0, header: str = "") -> Problem:
    """A problem found in a record built from a spreadsheet row, placed on that row's cell (same code and text)."""
    return dataclasses.replace(problem, file=file, line=row, column=column, header=header, sheet=True, pointer="")


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
