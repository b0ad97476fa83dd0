"""The report as an Excel workbook: one sheet per section, typed cells, each table an Excel table with filters.

The document holds formatted text (privacy is applied before any writer
sees a figure); here the text of a plain count, a decimal, a percentage, a
month or a date is read back into a typed cell, so that a funder can sum,
sort and chart it. Anything else ("< 5", "18 sur 24", "non publié") stays
text, and text is never read as a formula.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mentorat_cli.core import formatting
from mentorat_cli.io import spreadsheet
from mentorat_cli.report.document import Document, Section
from mentorat_cli.report.labels import labels

# Excel tables need a non-empty header: the first column of the per-role tables has none in the document.
_FIRST_HEADER = {"fr": "Public", "en": "Group"}
_SEPARATORS = {"fr": ("[\u202f\u00a0 ]", ","), "en": (",", r"\.")}


def _months(lang: str) -> list[str]:
    """The month names the report writes in `lang`, January first (the one formatter's)."""
    return [formatting.month_name(month, lang) for month in range(1, 13)]


class _Reader:
    """Reads the report's formatted text back into (value, number format) in one language."""

    def __init__(self, lang: str) -> None:
        group, decimal = _SEPARATORS[lang]
        self.lang = lang
        figure = rf"\d{{1,3}}(?:{group}\d{{3}})*(?:{decimal}(\d+))?"
        self.number = re.compile(rf"^({figure})$")
        self.percent = re.compile(rf"^({figure})[\u202f\u00a0 ]?%$")
        months = "|".join(_months(lang))
        self.month = re.compile(rf"^({months}) (\d{{4}})$")
        self.date = re.compile(rf"^(\d{{1,2}})(?:er)? ({months}) (\d{{4}})$")
        partial = labels(lang)["month-partial"]
        before, _, after = partial.partition("{month}")
        self.partial = (before, after)

    def _figure(self, text: str) -> float:
        group, decimal = _SEPARATORS[self.lang]
        return float(re.sub(decimal, ".", re.sub(group, "", text)))

    def value(self, text: str) -> tuple[Any, str | None]:
        """A typed value and its number format, or the text itself (None: leave the format alone)."""
        if found := self.number.match(text):
            decimals = len(found.group(2) or "")
            number = self._figure(found.group(1))
            return (int(number), None) if not decimals else (number, "0." + "0" * decimals)
        if found := self.percent.match(text):
            return self._figure(found.group(1)) / 100, "0%"
        if found := self.date.match(text):
            month = _months(self.lang).index(found.group(2)) + 1
            return dt.date(int(found.group(3)), month, int(found.group(1))), spreadsheet.date_format(self.lang)
        before, after = self.partial
        # The month still running is a month like the others, its label kept in the number format.
        partial = bool(after) and text.startswith(before) and text.endswith(after)
        core = text[len(before) : len(text) - len(after)] if partial else text
        if found := self.month.match(core):
            month = _months(self.lang).index(found.group(1)) + 1
            shown = f'mmmm yyyy" {after.strip()}"' if partial else "mmmm yyyy"
            return dt.date(int(found.group(2)), month, 1), shown
        return text, None


class _Writer:
    """Writes rows one under the other in a sheet, cells typed; text is never a formula (a quote could start with '=')."""

    def __init__(self, sheet: Any, reader: _Reader) -> None:
        self.sheet, self.reader, self.row = sheet, reader, 0

    def append(self, values: list[str], font: Any = None, typed: bool = True) -> None:
        self.row += 1
        for column, text in enumerate(values, start=1):
            value, number_format = self.reader.value(text) if typed else (text, None)
            if column == 1 and not isinstance(value, dt.date):
                value, number_format = text, None  # a first column names its row: a category "75" stays a label
            cell = self.sheet.cell(row=self.row, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            if number_format:
                cell.number_format = number_format
            if font is not None:
                cell.font = font


def _unique(header: list[str]) -> list[str]:
    """Excel tables refuse two columns of the same name: number the repeats."""
    seen: dict[str, int] = {}
    out = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} {seen[name]}")
    return out


def _section(book: Any, index: int, section: Section, reader: _Reader, tables: list[Any]) -> None:
    from openpyxl.styles import Font
    from openpyxl.worksheet.table import Table, TableStyleInfo

    bold = Font(bold=True)
    # Excel's rules: 31 characters, none of []:*?/\ ; cut at a word, never mid-word.
    sheet = book.create_sheet(spreadsheet.sheet_title(f"{index} {section.title}"))
    out = _Writer(sheet, reader)
    out.append([section.title], Font(bold=True, size=13), typed=False)
    for text in section.paragraphs + section.bullets + section.quotes:
        out.append([text], typed=False)
    table_lines: list[Any] = []
    for table in section.tables:
        out.append([])
        if table.title:
            out.append([table.title], bold, typed=False)
        if not table.rows:
            out.append([table.note], typed=False)
            continue
        header = _unique([h or _FIRST_HEADER[reader.lang] for h in table.header])
        out.append(header, bold, typed=False)
        first = out.row
        for row in table.rows:
            out.append(row)
        # Each table its own Excel table: filter buttons on its header row, whatever else the sheet holds.
        ref = f"A{first}:{sheet.cell(row=out.row, column=len(header)).coordinate}"
        listed = Table(displayName=f"T{index}_{len(tables) + 1}", ref=ref)
        listed.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        sheet.add_table(listed)
        tables.append(listed)
        table_lines.extend(sheet.iter_rows(min_row=first, max_row=out.row))
    spreadsheet.fit_widths(sheet, table_lines)
    sheet.freeze_panes = "A2"  # the section's title stays in view


def build(doc: Document, today: dt.date) -> Any:
    """The workbook (openpyxl), not yet saved."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    stamp = dt.datetime(today.year, today.month, today.day)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "mentorat"
    reader = _Reader(doc.language if doc.language in _SEPARATORS else "fr")
    tables: list[Any] = []
    for index, section in enumerate(doc.sections, start=1):
        _section(book, index, section, reader, tables)
    return book
