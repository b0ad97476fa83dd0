"""Why a value is not a YYYY-MM-DD date, the way a French coordinator wrote it.

`15/01/2026` and `15 janvier 2026` are real dates in the wrong form: say so and
give the converted value. `2026-02-31` has the right form but no such day:
say why. Everything else is "not a date".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import Any

from mentorat_cli.core import formatting
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text

_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "january": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "feb": 2,
    "february": 2,
    "mars": 3,
    "mar": 3,
    "march": 3,
    "avril": 4,
    "avr": 4,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "juin": 6,
    "june": 6,
    "jun": 6,
    "juillet": 7,
    "juil": 7,
    "july": 7,
    "jul": 7,
    "aout": 8,
    "aug": 8,
    "august": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "september": 9,
    "octobre": 10,
    "oct": 10,
    "october": 10,
    "novembre": 11,
    "nov": 11,
    "november": 11,
    "decembre": 12,
    "dec": 12,
    "december": 12,
}
_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_WORDS = re.compile(r"^(?:[^\W\d_]+\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?\s+(\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[T ][0-9:.]+Z?)?$")
# What may be shown even from a confidential meeting note: digits, separators and month words only.
_DATE_LIKE = re.compile(r"^[0-9A-Za-zÀ-ÿ /.\-:]{1,30}$")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def looks_like_date(value: Any) -> bool:
    """True for a short value made of digits, separators and words: safe to quote back."""
    return isinstance(value, str) and bool(_DATE_LIKE.match(value.strip())) and any(c.isdigit() for c in value)


def why_impossible(year: int, month: int, day: int) -> str:
    """'February has 28 days in 2026', 'there is no month 13', or '' when the date exists (in the run's language)."""
    if not 1 <= month <= 12:
        return text("date-no-month", month=month)
    days = calendar.monthrange(year, month)[1]
    if day < 1:
        return text("date-no-day", day=day)
    if day > days:
        return text("date-month-days", month=formatting.month_name(month, language()), days=days, year=year)
    return ""


def explain(value: Any) -> tuple[str, dict[str, str]]:
    """(problem code, values) for a value that failed the date check."""
    if not isinstance(value, str):
        return "date-invalid", {}
    text = " ".join(value.strip().split())
    parts = _parts(text)
    if parts is None:
        return "date-invalid", {}
    year, month, day, already_iso = parts
    reason = why_impossible(year, month, day)
    if reason:
        return "date-impossible", {"reason": reason}
    iso = dt.date(year, month, day).isoformat()
    if already_iso and iso == text:
        return "date-invalid", {}
    return "date-format", {"iso": iso}


def _parts(text: str) -> tuple[int, int, int, bool] | None:
    match = _YMD.match(text)
    if match:
        return int(match.group(1)), int(match.group(2)), int(match.group(3)), True
    match = _DMY.match(text)
    if match:  # French order: day first
        return int(match.group(3)), int(match.group(2)), int(match.group(1)), False
    match = _WORDS.match(text)
    if match and _fold(match.group(2)) in _MONTHS:
        return int(match.group(3)), _MONTHS[_fold(match.group(2))], int(match.group(1)), False
    return None


def suggest_iso(value: str) -> str | None:
    """The YYYY-MM-DD form of a date written the French way, or None."""
    code, values = explain(value)
    return values.get("iso") if code == "date-format" else None
