"""The reading both importers share: a form export -> a table, its columns matched, Problems on its cells.

People (ingest/plan.py) and survey answers (ingest/survey.py) go through the
same pipeline: `read` the table (CSV or XLSX, load/tabular.py), `Columns.match`
the mapping's headers to the table's columns, read each row into values where
every bad cell becomes a Problem (file, row, column and header, as the
spreadsheet shows them), then plan the files to write. A fix here (a header
written with other spaces or capitals, a clearer cell message) helps both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest.fields import fold
from mentorat_cli.ingest.transforms import CellError
from mentorat_cli.load import tabular
from mentorat_cli.load.tabular import Table, clean_header


def read(path: Path, shown: str = "") -> Table:
    """The table of a form export; a file that cannot be read raises TabularError with every Problem found."""
    return tabular.read_table(path, shown)


def locate(table: Table, header: str) -> str | None:
    """The table's header a mapping's `header` names: the same text once cleaned, else the only one equal but
    for case, accents and spaces (a form tool re-exported with « Courriel » as « courriel »)."""
    cleaned = clean_header(header)
    if cleaned in table.headers:
        return cleaned
    loose = [h for h in table.headers if fold(h) == fold(cleaned)]
    return loose[0] if len(loose) == 1 else None


@dataclass
class Columns:
    """Which column of the table fills which field, and where it sits (to put a Problem on the right cell)."""

    file: str  # the file's name as Problems show it
    positions: dict[str, int]  # table header -> 1-based column
    by_field: dict[str, str]  # field -> table header

    @classmethod
    def match(cls, table: Table, file: str, wanted: Iterable[tuple[str, str]]) -> tuple[Columns, list[str]]:
        """Columns for the (mapping header, field) pairs found in the table (the first one per field wins),
        and the mapping's headers the table does not have."""
        by_field: dict[str, str] = {}
        missing: list[str] = []
        for header, field_ in wanted:
            found = locate(table, header)
            if found is None:
                missing.append(header)
            else:
                by_field.setdefault(field_, found)
        positions = {h: i for i, h in enumerate(table.headers, start=1)}
        return cls(file, positions, by_field), missing

    def header(self, field_: str) -> str:
        """The header of the column filling `field_` ("" when no column does)."""
        return self.by_field.get(field_, "")

    def cell(self, cells: dict[str, str], field_: str) -> str:
        """The text of the row's cell for `field_` ("" when no column fills it)."""
        header = self.by_field.get(field_)
        return cells.get(header, "").strip() if header else ""

    def spot(self, field_: str) -> tuple[int, str]:
        """(1-based column, header) of `field_`'s column; (0, "") when the field has no column."""
        header = self.by_field.get(field_, "")
        return self.positions.get(header, 0), header

    def problem(self, code: str, row: int, field_: str = "", /, **values: Any) -> Problem:
        """The catalogue's Problem `code` on the cell of `row` that holds `field_` (the whole row without a field)."""
        column, header = self.spot(field_)
        return P.at_cell(code, self.file, row, column, header, **values)

    def refused(self, exc: CellError, row: int, field_: str) -> Problem:
        """The Problem of a cell a converter refused."""
        return self.problem(exc.code, row, field_, **exc.values)

    def moved(self, problem: Problem, row: int, field_: str) -> Problem:
        """A problem found in the record a row became (schema, programme rules), placed on that row's cell."""
        column, header = self.spot(field_)
        return P.moved_to_cell(problem, self.file, row, column, header)
