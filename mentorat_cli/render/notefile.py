"""`note new`: a meeting note from its template, under the next free name, never over an existing note."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from mentorat_cli.core import dates, lookup
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.followup import notes
from mentorat_cli.io import output
from mentorat_cli.render import build


def create(programme: Programme, pair_id: str, date: Optional[str], kind: Optional[str], today: dt.date) -> str:
    """Write notes/PAIR/DATE-KIND.md (the kind the schedule plans next when not given); the file written."""
    record = lookup.find_pair(programme, pair_id)
    day = dates.parse_option("--date", date, today) or today.isoformat()
    folder = programme.root / "notes" / record.id
    same_day = sorted(folder.glob(f"{day}-*.md")) if folder.is_dir() else []
    if same_day and kind is None:
        # Run twice the same day, the schedule would move on to the next kind: a second note nobody meant.
        shown = same_day[0].relative_to(programme.root).as_posix()
        raise MentoratError(text("note-same-day", file=shown, date=day), text("note-same-day-hint"))
    kind_id = kind or notes.next_kind(programme, record, today)
    body = build.note_body(programme, record, kind_id, day, today)
    content = notes.note_text(notes.front_matter(day, kind_id, programme.config), body)
    # Never overwrite a note: the next free name (-2, -3...) is used instead.
    return output.create_new(programme.root, notes.candidates(record.id, day, kind_id), content)
