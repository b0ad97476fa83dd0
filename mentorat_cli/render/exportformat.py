"""Export tables shaped for the spreadsheet that opens them: French Excel, English Excel or plain RFC 4180.

`excel-fr` (the default for a French programme) separates columns with `;`,
as French Excel expects on a double-click, writes French headers and decimal
commas; `excel` uses commas and the column ids; `rfc` is RFC 4180 for
scripts (no BOM). XLSX cells are typed: numbers, dates and booleans are
stored as such, with column widths, a frozen header row and filters.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from typing import Any

DIALECTS = ("excel-fr", "excel", "rfc")

HEADERS_FR = {
    "role": "Rôle",
    "id": "Identifiant",
    "first_name": "Prénom",
    "last_name": "Nom",
    "email": "Courriel",
    "phone": "Téléphone",
    "status": "Statut",
    "public": "Public",
    "publics": "Publics choisis",
    "themes": "Thèmes",
    "organisation": "Organisation",
    "unit": "Service",
    "job": "Fonction",
    "sector": "Secteur",
    "experience_years": "Années d'expérience",
    "capacity": "Capacité",
    "city": "Ville",
    "postcode": "Code postal",
    "departement": "Département",
    "region": "Région",
    "area": "Territoire",
    "cohort": "Cohorte",
    "registered_on": "Inscription",
    "left_on": "Départ",
    "mentee": "Mentoré(e)",
    "mentor": "Mentor(e)",
    "proposed_on": "Proposé le",
    "confirmed_on": "Confirmé le",
    "started_on": "Commencé le",
    "ended_on": "Terminé le",
    "ended_by": "Fin demandée par",
    "score": "Score",
    "charter_signed_mentor": "Charte signée par le mentor ou la mentore",
    "charter_signed_mentee": "Charte signée par la personne mentorée",
    "contacts": "Contacts de la coordination",
    "pair": "Binôme",
    "date": "Date",
    "kind": "Type de rendez-vous",
    "held": "Tenu",
    "duration_minutes": "Durée (min)",
    "format": "Format",
    "topics": "Sujets",
}
SHEETS = {
    "fr": {"people": "Personnes", "pairs": "Binômes", "meetings": "Rendez-vous"},
    "en": {"people": "People", "pairs": "Pairs", "meetings": "Meetings"},
}
_BOOLEANS = {"fr": ("oui", "non"), "en": ("true", "false")}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FORBIDDEN_IN_SHEET = re.compile(r"[\[\]:*?/\\]")


def default_dialect(lang: str) -> str:
    """French Excel for a French programme, English Excel otherwise."""
    return "excel-fr" if lang == "fr" else "excel"


def headers(columns: list[str], dialect: str) -> list[str]:
    """The header row: French words for French Excel, the column ids otherwise."""
    if dialect != "excel-fr":
        return list(columns)
    pairs = "proposed_on" in columns  # the pairs table's own id is the pair's
    return [("Binôme" if pairs and c == "id" else HEADERS_FR.get(c, c)) for c in columns]


def _csv_value(value: Any, dialect: str) -> Any:
    if isinstance(value, bool):
        return _BOOLEANS["fr" if dialect == "excel-fr" else "en"][0 if value else 1]
    if isinstance(value, float) and dialect == "excel-fr":
        return f"{value:g}".replace(".", ",")  # French Excel reads 72,5 as a number, 72.5 as a date or text
    return value


def to_csv(columns: list[str], rows: list[list[Any]], dialect: str) -> bytes:
    """CSV bytes in the dialect: `;` and a BOM for French Excel, commas (and a BOM) for Excel, plain RFC 4180."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dialect == "excel-fr" else ",", lineterminator="\r\n")
    writer.writerow(headers(columns, dialect))
    for row in rows:
        writer.writerow([_csv_value(v, dialect) for v in row])
    return buffer.getvalue().encode("utf-8" if dialect == "rfc" else "utf-8-sig")


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


def format_sheet(worksheet: Any, lang: str) -> None:
    """Date format, column widths from the content, a frozen header row and filters."""
    for line in worksheet.iter_rows():
        for item in line:
            if isinstance(item.value, dt.date):
                item.number_format = date_format(lang)
    fit_widths(worksheet, worksheet.iter_rows())
    worksheet.freeze_panes = "A2"
    if worksheet.max_row >= 1 and worksheet.max_column >= 1:
        worksheet.auto_filter.ref = worksheet.dimensions
