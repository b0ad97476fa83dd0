"""What the coordinator records in a pair's file as the pair goes on: signature dates, follow-up contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mentorat_cli.core import dates, lookup
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import output, pairfile, storage


@dataclass
class Recorded:
    """A change asked of a pair file: the file, whether it changed, whether a comment was lost, and what was asked."""

    file: str
    changed: bool
    comments_dropped: bool
    roles: list[str]  # sign: the roles whose date was given
    date: str = ""  # contact: the contact's date


def sign(programme: Programme, pair_id: str, mentor: str | None, mentee: str | None, force: bool, today: dt.date) -> Recorded:
    """Record the dates the charter was signed (`charter_signed`); an error when neither is given."""
    record = lookup.find_pair(programme, pair_id)
    given = {"mentor": dates.parse_option("--mentor", mentor, today, False), "mentee": dates.parse_option("--mentee", mentee, today, False)}
    signed = {role: day for role, day in given.items() if day}
    if not signed:
        raise MentoratError(text("doc-sign-nothing"), text("doc-sign-nothing-hint", pair=record.id))
    done = output.edit_pair(programme.root, record.path, lambda data: pairfile.sign(data, signed, force, record.id))
    return Recorded(record.path, done.changed, done.comments_dropped, sorted(signed))


def contact(programme: Programme, pair_id: str, date: str | None, channel: str, summary: str, today: dt.date) -> Recorded:
    """Add a follow-up contact to the pair's `contacts` (the same contact twice is recorded once)."""
    record = lookup.find_pair(programme, pair_id)
    day = dates.parse_option("--date", date, today, future_ok=False) or today.isoformat()
    summary = " ".join(summary.split())  # one line: the sheet shows it in a table cell
    if len(summary) > pairfile.SUMMARY_LIMIT:
        raise MentoratError(text("doc-contact-long", length=len(summary), limit=pairfile.SUMMARY_LIMIT), text("doc-contact-long-hint"))
    entry = {"date": day, "channel": channel, **({"summary": summary} if summary else {})}
    done = output.edit_pair(programme.root, record.path, lambda data: pairfile.add_contact(data, entry))
    return Recorded(record.path, done.changed, done.comments_dropped, [], day)


def record_intros(programme: Programme, pairs: list[str], today: str) -> int:
    """Write `intro_drafted_on` in the pair files that do not have it yet (the first draft's date is kept); how many."""
    writes: dict[str, str] = {}
    with storage.lock(programme.root):
        for pid in pairs:
            record = programme.pairs[pid]
            if record.data.get("intro_drafted_on"):
                continue
            original = storage.inside(programme.root, record.path).read_text(encoding="utf-8-sig")
            data = pairfile.parse(original, record.path)
            writes[record.path] = pairfile.dump(pairfile.set_key(data, "intro_drafted_on", today), original)
        storage.write_files(programme.root, writes)
    return len(writes)
