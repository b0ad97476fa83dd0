"""Reading spreadsheets as form tools and French Excel export them: CSV (any usual dialect) and XLSX."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import EXIT_USAGE, BadInput
from mentorat_cli.core.problems import Problem, column_letter

# Form tools export long free-text answers; anything longer is surely not a profile field.
MAX_CELL = 32_767  # Excel's own limit for one cell
# A spreadsheet cell can be edited with a BOM, NBSP or stray spaces around a header.
_SPACES = "\ufeff\u00a0\u202f \t\r\n"


class TabularError(BadInput):
    """A spreadsheet that cannot be read: carries its Problems (file, row, column), every one found.

    Exit code 2 by default, as before: nothing was read, so nothing was done.
    """

    def __init__(self, problems: list[Problem], exit_code: int = EXIT_USAGE) -> None:
        super().__init__(problems, exit_code)


def _error(key: str, row: int = 0, column: int = 0, header: str = "", **values: object) -> TabularError:
    return TabularError([_problem(key, row, column, header, **values)])


def _problem(key: str, row: int = 0, column: int = 0, header: str = "", **values: object) -> Problem:
    # The file's name is not known here: read_table puts it in (the reading functions work on text too).
    return P.at_cell(key, "", row, column, header, **values)


@dataclass
class Table:
    """A sheet: its header texts and its non-empty rows as (row number seen by the user, header -> text)."""

    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 with BOM, UTF-8, else cp1252 (French Excel), else latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _encoding_error(data, exc.start + 3) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1"), "latin-1"


def _encoding_error(data: bytes, start: int) -> TabularError:
    line = data.count(b"\n", 0, start) + 1
    return _error("tabular-bad-utf8", line, 0, byte=f"{data[start]:02X}")


def sniff_delimiter(content: str) -> str:
    """The delimiter among `,` `;` tab that splits the header line (outside quotes) into most columns."""
    first = _first_record(content)
    counts = {d: _count_outside_quotes(first, d) for d in (";", ",", "\t")}
    best = max(counts.values())
    if best == 0:
        return ","
    # Tie-break order: `;` (French Excel), then `,`, then tab.
    return next(d for d in (";", ",", "\t") if counts[d] == best)


def _first_record(content: str) -> str:
    quoted = False
    for index, char in enumerate(content):
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            return content[:index]
    return content


def _count_outside_quotes(line: str, delimiter: str) -> int:
    quoted = False
    count = 0
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def clean_header(value: str) -> str:
    """A header without BOM, surrounding spaces or line breaks (collapsed to one space)."""
    return " ".join(value.strip(_SPACES).split())


def _build(raw_rows: list[tuple[int, list[str]]]) -> Table:
    # Blank lines above the header (a sheet saved with an empty first row) are skipped.
    while raw_rows and not any(c.strip(_SPACES) for c in raw_rows[0][1]):
        raw_rows = raw_rows[1:]
    if not raw_rows:
        raise _error("tabular-no-header")
    header_row, header_cells = raw_rows[0]
    headers, found = _headers(header_row, header_cells)
    if not any(headers):
        raise _error("tabular-no-header", header_row)
    table = Table(headers=[h for h in headers if h])
    for number, cells in raw_rows[1:]:
        if not any(c.strip(_SPACES) for c in cells):
            continue
        row: dict[str, str] = {}
        for col, cell in enumerate(cells, start=1):
            value = cell.strip(_SPACES)
            if col > len(headers) or not headers[col - 1]:
                if value:
                    found.append(_problem("tabular-no-header-cell", number, col, letter=column_letter(col)))
                continue
            if len(value) > MAX_CELL:
                found.append(_problem("tabular-cell-too-long", number, col, headers[col - 1], length=len(value), limit=MAX_CELL))
                continue
            row[headers[col - 1]] = value
        for name in table.headers:
            row.setdefault(name, "")
        table.rows.append((number, row))
    if found:
        # Every cell at fault at once: the user fixes the file in one go.
        raise TabularError(found)
    return table


def _headers(header_row: int, header_cells: list[str]) -> tuple[list[str], list[Problem]]:
    """The cleaned headers ("" for a column without one, trailing ones dropped) and the headers given twice."""
    headers: list[str] = []
    found: list[Problem] = []
    seen: dict[str, int] = {}
    for col, cell in enumerate(header_cells, start=1):
        name = clean_header(cell)
        if name in seen:
            letters = {"first": column_letter(seen[name]), "second": column_letter(col)}
            found.append(_problem("tabular-header-twice", header_row, col, name, name=name, **letters))
        elif name:
            seen[name] = col
        headers.append(name)
    while headers and not headers[-1]:
        headers.pop()
    return headers, found


def read_csv_text(content: str) -> tuple[Table, str]:
    """Parse CSV text (delimiter detected); returns the table and the delimiter."""
    delimiter = sniff_delimiter(content)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    raw: list[tuple[int, list[str]]] = []
    # The row number the user sees is the spreadsheet row, which is the record index
    # (a quoted cell with a line break stays one row in a spreadsheet).
    number = 0
    try:
        for cells in reader:
            number += 1
            raw.append((number, cells))
    except csv.Error as exc:
        raise _error("tabular-csv-broken", number + 1, detail=str(exc)) from None
    return _build(raw), delimiter


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> Table:
    """The first sheet of an XLSX workbook (openpyxl, read-only, cached values not formulas)."""
    try:
        import openpyxl  # imported here: CSV imports should not pay its start-up cost
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise _error("tabular-no-openpyxl") from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _error("tabular-bad-xlsx", detail=type(exc).__name__) from None
    try:
        sheet = workbook.worksheets[0]
        raw: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            raw.append((number, [_cell_text(v) for v in values]))
    finally:
        workbook.close()
    table = _build(raw)
    table.encoding = "xlsx"
    return table


def read_table(path: Path, shown: str = "") -> Table:
    """Read a CSV or XLSX file into a Table; raises TabularError (its Problems name `shown`, default the path)."""
    try:
        return _read(path)
    except TabularError as exc:
        exc.problems = [dataclasses.replace(p, file=shown or str(path)) for p in exc.problems]
        raise


def _read(path: Path) -> Table:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _error("tabular-missing") from None
    except IsADirectoryError:
        raise _error("tabular-folder") from None
    except OSError as exc:
        raise _error("tabular-unreadable", reason=exc.strerror or type(exc).__name__) from None
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        return read_xlsx(path)
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error("tabular-xls")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error("tabular-binary")
    decoded, encoding = decode_bytes(data)
    table, delimiter = read_csv_text(decoded)
    table.encoding = encoding
    table.delimiter = delimiter
    return table
