"""Calendar arithmetic shared by checks, schedules, reports and retention."""

from __future__ import annotations

import calendar
import datetime as dt


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
