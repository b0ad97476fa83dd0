"""No planned meeting on a weekend or a French public holiday (the `holidays` library, with the programme's region)."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from icalendar import Calendar
from test_documents_support import PAIR_ID, files


def _planned(programme, run_cli, started_on: str, extra: str = "", months: int = 12) -> list[dt.date]:
    prog, tree = files(extra=f"duration_months: {months}\n{extra}")
    tree[f"pairs/{PAIR_ID}.yaml"] = tree[f"pairs/{PAIR_ID}.yaml"].replace('started_on: "2026-10-05"', f'started_on: "{started_on}"')
    del tree[f"notes/{PAIR_ID}/2026-10-05-first.md"]
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["calendar", PAIR_ID, "--force"], cwd=root)  # the fixture reuses one folder
    assert result.code == 0, result.err
    ics = next((root / "out").glob("*.ics")).read_bytes()
    return sorted(event.decoded("dtstart") for event in Calendar.from_ical(ics).walk("VEVENT"))


def test_meetings_on_the_issues_dates_move_to_the_next_working_day(programme, run_cli) -> None:
    # 2 August 2026 is a Sunday; 1 January 2027 a holiday (Friday); 1 May 2027 a Saturday and a holiday.
    august = _planned(programme, run_cli, "2026-08-02")
    assert august[0] == dt.date(2026, 8, 3) and dt.date(2026, 8, 2) not in august
    first = _planned(programme, run_cli, "2026-11-01")  # All Saints' Day, a Sunday
    assert first[:3] == [dt.date(2026, 11, 2), dt.date(2026, 12, 1), dt.date(2027, 1, 4)]
    assert dt.date(2027, 5, 3) in first and dt.date(2027, 5, 1) not in first


@pytest.mark.parametrize("region", ["", "57", "974"])
def test_no_planned_meeting_is_on_a_weekend_or_a_holiday(programme, run_cli, region: str) -> None:
    extra = f'calendar: {{region: "{region}"}}\n' if region else ""
    days = holidays.country_holidays("FR", subdiv=region or None, years=range(2026, 2029))
    for start in ("2026-08-02", "2026-11-01", "2026-12-25", "2027-04-30"):
        planned = _planned(programme, run_cli, start, extra)
        assert len(planned) == 12 and planned == sorted(set(planned))
        assert all(day.weekday() < 5 and day not in days for day in planned), (region, start, planned)


def test_alsace_moselle_adds_its_own_holidays(programme, run_cli) -> None:
    # 26 December 2026 is a Saturday; Good Friday 2027 is 26 March, a holiday only in Alsace-Moselle.
    national = _planned(programme, run_cli, "2027-02-26")
    moselle = _planned(programme, run_cli, "2027-02-26", 'calendar: {region: "57"}\n')
    assert dt.date(2027, 3, 26) in national and dt.date(2027, 3, 26) not in moselle
    assert dt.date(2027, 3, 29) not in moselle  # Easter Monday everywhere: moved on to the Tuesday
    assert dt.date(2027, 3, 30) in moselle
