"""A pair's planned schedule: from its start date, at the programme's cadence, for its duration.

The first meeting is on the start date; meetings follow every
`1 / meetings_per_month` month; the last planned meeting is the final one.
The intermediate review is the meeting that follows the
`follow_up.review_after_meeting`-th meeting; when the schedule is too short
for that, it falls at mid-term. A meeting that would fall on a weekend or a
French public holiday (with the programme's `calendar.region`: Alsace-Moselle
or an overseas territory) moves to the next working day.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import holidays

from mentorat_cli.core.dates import add_months

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Planned:
    """One planned meeting: its number (1-based), date and kind."""

    number: int
    date: dt.date
    kind: str


def start_of(pair: dict[str, Any], config: dict[str, Any], mentee_cohort: str | None = None) -> dt.date | None:
    """The pair's start: `started_on`, else `confirmed_on` but not before its cohort starts; None when not started.

    A pair confirmed before its cohort opens (programme.yaml `cohort.start`)
    starts with the cohort. A recorded `started_on` is the day the pair
    really began, written by a person: it is kept as it is. A mentee
    recorded in another cohort (`mentee_cohort` differs from `cohort.id`)
    keeps `confirmed_on`: we do not know when that cohort started.
    """
    if pair.get("started_on"):
        return dt.date.fromisoformat(str(pair["started_on"]))
    if not pair.get("confirmed_on"):
        return None
    start = dt.date.fromisoformat(str(pair["confirmed_on"]))
    cohort = config.get("cohort") or {}
    if cohort.get("start") and (not mentee_cohort or str(mentee_cohort) == str(cohort.get("id", ""))):
        start = max(start, dt.date.fromisoformat(str(cohort["start"])))
    return start


def planned_end(
    pair: dict[str, Any], config: dict[str, Any], months: int | None = None, mentee_cohort: str | None = None
) -> dt.date | None:
    """Start plus the programme's duration, or `months` (None for a pair not started)."""
    start = start_of(pair, config, mentee_cohort)
    return add_months(start, months or int(config["duration_months"])) if start else None


def meeting_count(config: dict[str, Any], months: int | None = None) -> int:
    """How many meetings the schedule plans: cadence times duration, and at least two."""
    per_month = float(config["cadence"]["meetings_per_month"])
    return max(2, round(per_month * (months or int(config["duration_months"]))))


def review_number(config: dict[str, Any], months: int | None = None) -> int:
    """The number (1-based) of the intermediate review meeting, or 0 when there is none."""
    total = meeting_count(config, months)
    if total < 3:
        return 0  # only a first and a final meeting: nothing in between
    after = int(config["follow_up"]["review_after_meeting"])
    number = after + 1
    if number >= total:  # too short for "after the Nth meeting": review at mid-term
        number = max(2, (total + 1) // 2)
    return number


def plan(start: dt.date, config: dict[str, Any], months: int | None = None) -> list[Planned]:
    """The planned meetings of a pair starting on `start`, over the programme's duration or `months`."""
    # Thousands of pairs start on the same few days: each schedule is worked out once per process,
    # keyed on every setting it reads (a setting that is not a plain value is not cached).
    region = str((config.get("calendar") or {}).get("region", ""))
    key = (
        start,
        months,
        config["cadence"]["meetings_per_month"],
        config["duration_months"],
        config["follow_up"]["review_after_meeting"],
        region,
    )
    try:
        return list(_plan(*key))
    except TypeError:  # unhashable
        return _planned(start, config, months)


@functools.lru_cache(maxsize=4096)
def _plan(start: dt.date, months: int | None, per_month: Any, duration: Any, review_after: Any, region: str) -> tuple[Planned, ...]:
    config = {
        "cadence": {"meetings_per_month": per_month},
        "duration_months": duration,
        "follow_up": {"review_after_meeting": review_after},
        "calendar": {"region": region},
    }
    return tuple(_planned(start, config, months))


def _planned(start: dt.date, config: dict[str, Any], months: int | None) -> list[Planned]:
    total = meeting_count(config, months)
    interval = DAYS_PER_MONTH / float(config["cadence"]["meetings_per_month"])
    review = review_number(config, months)
    out: list[Planned] = []
    months_step = _whole_months(float(config["cadence"]["meetings_per_month"]))
    for index in range(total):
        number = index + 1
        # Whole-month steps keep the day of the month (5th, 5th, 5th...), which people remember.
        day = add_months(start, index * months_step) if months_step else start + dt.timedelta(days=round(index * interval))
        kind = "first" if number == 1 else "final" if number == total else "review" if number == review else "regular"
        after = out[-1].date if out else None
        out.append(Planned(number, working_day(day, config, after), kind))
    return out


@functools.lru_cache(maxsize=64)
def _holidays(region: str, year: int) -> frozenset[dt.date]:
    """France's public holidays of one year, with a region's own (Good Friday in Alsace-Moselle...)."""
    return frozenset(holidays.country_holidays("FR", subdiv=region or None, years=[year]))


def working_day(day: dt.date, config: dict[str, Any], after: dt.date | None = None) -> dt.date:
    """`day`, or the next day that is neither a weekend nor a public holiday (and later than `after`)."""
    region = str((config.get("calendar") or {}).get("region", ""))
    if after is not None and day <= after:
        day = after + dt.timedelta(days=1)
    while day.weekday() >= 5 or day in _holidays(region, day.year):
        day += dt.timedelta(days=1)
    return day


def next_meeting(planned: list[Planned], held: list[tuple[dt.date, str]], config: dict[str, Any]) -> Planned | None:
    """The meeting a pair is expected to hold next, or None once its closing meeting is held.

    Before any meeting it is the first planned one. After that it follows the
    last meeting held at the programme's rhythm (a pair that skipped a month
    is not told its next meeting was due weeks before its last one); its kind
    is the schedule's next one by count, the review while it is owed, and the
    closing meeting once the date reaches the planned final one.
    `held` is (date, kind) of each meeting held, oldest first.
    """
    if not planned or any(kind == "final" for _, kind in held):
        return None
    if not held:
        return planned[0]
    per_month = float(config["cadence"]["meetings_per_month"])
    last = held[-1][0]
    step = _whole_months(per_month)
    day = add_months(last, step) if step else last + dt.timedelta(days=round(DAYS_PER_MONTH / per_month))
    day = working_day(day, config)
    number = len(held) + 1
    final = planned[-1]
    review = next((p.number for p in planned if p.kind == "review"), 0)
    if day >= final.date or number >= final.number:
        kind = "final"
    elif review and number >= review and not any(k == "review" for _, k in held):
        kind = "review"
    else:
        kind = "regular"
    return Planned(number, day, kind)


def _whole_months(per_month: float) -> int:
    """The step in months when meetings are every 1, 2, 3... months; 0 otherwise."""
    if per_month <= 0 or per_month > 1:
        return 0
    step = 1 / per_month
    return round(step) if abs(step - round(step)) < 1e-9 else 0
