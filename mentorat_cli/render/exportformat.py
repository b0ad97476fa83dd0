"""Export tables shaped for the spreadsheet that opens them: French Excel, English Excel or plain RFC 4180.

`excel-fr` (the default for a French programme) separates columns with `;`,
as French Excel expects on a double-click, writes French headers and decimal
commas; `excel` uses commas and the column ids; both write values as labels
in the programme's language (see exportlabels). `rfc` is RFC 4180 for
scripts: no BOM, and ids in the cells as in the files. XLSX cells are typed: numbers, dates and booleans are
stored as such, with column widths, a frozen header row and filters.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

# The cell helpers live one layer down, shared with the report's workbook; exports use them from here too.
from mentorat_cli.io.spreadsheet import date_format, fit_widths, sheet_title, typed

__all__ = ["DIALECTS", "date_format", "default_dialect", "fit_widths", "format_sheet", "headers", "sheet_title", "to_csv", "typed"]

DIALECTS = ("excel-fr", "excel", "rfc")
TOOLS_DIALECT = "rfc"  # the one CSV meant for scripts: column ids and value ids

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


def default_dialect(lang: str) -> str:
    """French Excel for a French programme, English Excel otherwise."""
    return "excel-fr" if lang == "fr" else "excel"


def headers(columns: list[str], dialect: str) -> list[str]:
    """The header row: French words for French Excel, the column ids otherwise."""
    if dialect != "excel-fr":
        return list(columns)
    pairs = "proposed_on" in columns  # the pairs table's own id is the pair's
    return [("Binôme" if pairs and c == "id" else HEADERS_FR.get(c, c)) for c in columns]


def _csv_value(value: Any, dialect: str, lang: str) -> Any:
    if isinstance(value, bool):
        # Yes/no in the words of the other cells: the programme's language, French for French Excel, ids for scripts.
        words = "fr" if dialect == "excel-fr" or (dialect != TOOLS_DIALECT and lang == "fr") else "en"
        return _BOOLEANS[words][0 if value else 1]
    if isinstance(value, float) and dialect == "excel-fr":
        return f"{value:g}".replace(".", ",")  # French Excel reads 72,5 as a number, 72.5 as a date or text
    return value


def to_csv(columns: list[str], rows: list[list[Any]], dialect: str, lang: str = "en") -> bytes:
    """CSV bytes in the dialect: `;` and a BOM for French Excel, commas (and a BOM) for Excel, plain RFC 4180."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if dialect == "excel-fr" else ",", lineterminator="\r\n")
    writer.writerow(headers(columns, dialect))
    for row in rows:
        writer.writerow([_csv_value(v, dialect, lang) for v in row])
    return buffer.getvalue().encode("utf-8" if dialect == "rfc" else "utf-8-sig")


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
