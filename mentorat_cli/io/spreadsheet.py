"""XLSX cells shaped for the people who open them: sheet names, typed dates, column widths.

Shared by the exports (render/exportformat.py) and the report's workbook
(report/workbook.py), which sit in different layers: the helpers live here,
below both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FORBIDDEN_IN_SHEET = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str) -> str:
    """A valid sheet name (31 characters at most), cut at a word boundary rather than mid-word."""
    clean = _FORBIDDEN_IN_SHEET.sub(" ", name).strip() or "Sheet"
    if len(clean) <= 31:
        return clean
    cut = clean[:31]
    return cut[: cut.rfind(" ")].rstrip() if " " in cut else cut


def typed(value: Any) -> Any:
    """A cell value with its type: an ISO date becomes a date; numbers and booleans stay as they are."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def date_format(lang: str) -> str:
    """The number format of a date cell: the day first in French, ISO otherwise."""
    return "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"


def fit_widths(worksheet: Any, lines: Iterable[Iterable[Any]]) -> None:
    """Column widths from the content of `lines` (cells), between 8 and 60 characters."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for line in lines:
        for item in line:
            if isinstance(item.value, dt.date):
                # A month in words ("septembre 2026") is wider than a date in figures.
                shown = 10 if item.number_format in ("dd/mm/yyyy", "yyyy-mm-dd") else max(15, len(item.number_format))
            else:
                shown = len(str(item.value)) if item.value is not None else 0
            widths[item.column] = max(widths.get(item.column, 0), shown)
    for column, width in widths.items():
        worksheet.column_dimensions[get_column_letter(column)].width = min(60, max(8, width + 2))
