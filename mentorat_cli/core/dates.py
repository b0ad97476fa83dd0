"""Calendar arithmetic shared by checks, schedules, reports and retention."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from mentorat_cli.core import datefix
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_minor(person: dict[str, object], today: dt.date) -> bool:
    """Whether a person is under 18 on `today`: the `minor` flag when given, else the `birth_date`."""
    if "minor" in person:
        return bool(person["minor"])
    born = person.get("birth_date")
    if not born:
        return False
    day = dt.date.fromisoformat(str(born))
    return today.year - day.year - ((today.month, today.day) < (day.month, day.day)) < 18


def parse_option(option: str, value: str | None, today: dt.date, future_ok: bool = True) -> str | None:
    """A YYYY-MM-DD option value, checked (None stays None); a clear error naming the option otherwise."""
    if value is None:
        return None
    try:
        # fromisoformat alone would also take 20261005 or 2026-W41-1.
        day = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        day = None
    if day is None:
        code, found = datefix.explain(value)
        hint = {"date-format": "option-date-format-hint", "date-impossible": "option-date-impossible-hint"}.get(code)
        raise MentoratError(text("doc-bad-date", option=option, value=value), text(hint, **found) if hint else text("doc-bad-date-hint"))
    if not future_ok and day > today:
        raise MentoratError(text("doc-future-date", option=option, value=value, today=today), text("doc-future-date-hint"))
    return day.isoformat()
