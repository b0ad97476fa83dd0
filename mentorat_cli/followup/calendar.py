"""The planned schedule as iCalendar, with stable UIDs so that a re-import updates the events.

A meeting's UID is its pair and number, so a renewed pair's schedule keeps
the UIDs of its first meetings and adds the new ones.
Events are whole days: the schedule says which day a meeting is due, the
pair chooses the hour. DTSTAMP is `today` (passed in) so that the same
input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar, Event

from mentorat_cli import __version__
from mentorat_cli.core import labels
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.followup import schedule
from mentorat_cli.followup import sheet as followup


def uid(programme: Programme, pair_id: str, number: int) -> str:
    """A meeting's UID: the same pair and meeting number always give the same UID."""
    scope = re.sub(r"[^A-Za-z0-9._-]", "-", str(programme.config.get("cohort", {}).get("id", "") or "programme"))
    return f"{pair_id}.{number}.{scope}@mentorat"


def _one_line(value: object) -> str:
    """Text for an iCalendar property: line breaks and other control characters from the data become
    spaces (a calendar line cannot hold a raw line break, and a name is one line anyway)."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", str(value)).strip()


def build(programme: Programme, pairs: list[Record], lang: str, today: dt.date) -> bytes:
    """An .ics file with every planned meeting of `pairs`."""
    config = programme.config
    cal = Calendar()
    cal.add("prodid", f"-//mentorat//mentorat {__version__}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _one_line(config.get("name", "mentorat")))
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    words = labels.CALENDAR[lang]
    for pair in sorted(pairs, key=lambda p: p.id):
        # The follow-up state knows whether the pair was renewed (a longer schedule).
        planned = followup.state_of(programme, pair, today).planned
        mentee = programme.mentees.get(pair.data["mentee"])
        mentor = programme.mentors.get(pair.data["mentor"])
        names = {role: f"{r.data['first_name']} {r.data['last_name']}" if r else "" for role, r in (("mentee", mentee), ("mentor", mentor))}
        for meeting in planned:
            event = Event()
            event.add("uid", uid(programme, pair.id, meeting.number))
            event.add("dtstamp", stamp)
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
            event.add(
                "summary",
                _one_line(
                    words["summary"].format(
                        kind=labels.MEETING_KINDS[lang][meeting.kind], number=meeting.number, total=len(planned), **names
                    )
                ),
            )
            event.add("description", _one_line(words["description"].format(programme=config.get("name", ""))))
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["mentorat"])
            cal.add_component(event)
    return cal.to_ical()  # type: ignore[no-any-return]


def count_events(programme: Programme, pairs: list[Record]) -> int:
    """How many events `build` would write (pairs without a start date have none)."""
    return sum(
        schedule.meeting_count(programme.config)
        for p in pairs
        if schedule.start_of(p.data, programme.config, followup.mentee_cohort(programme, p))
    )
