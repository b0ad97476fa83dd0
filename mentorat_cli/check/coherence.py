"""Date coherence across a programme: what happened must be in order and not in the future.

A signature before the pair was proposed, a record of the past dated after
today, a pair started before its cohort, a final meeting before the first.
Registered in checks.CHECKS (the same Check signature).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.model import Note, Programme, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import yamlio

# Fields that record something already done: they cannot be after today.
_PAST_PAIR = ("proposed_on", "confirmed_on", "started_on", "ended_on")
_PAST_PERSON = ("registered_on", "left_on")


def check_dates(prog: Programme, loc: Any, today: dt.date | None) -> list[Problem]:
    """Signatures before proposals, future dates in records of the past, starts before the cohort."""
    out: list[Problem] = []
    cohort_start = str((prog.raw_config.get("cohort") or {}).get("start") or "")
    for _, pair in sorted(prog.pairs.items()):
        out += _pair_dates(pair, loc, today, cohort_start)
    if today is not None:
        for record in sorted([*prog.mentors.values(), *prog.mentees.values()], key=lambda r: r.path):
            out += _future(loc, record, [(f"/{k}", k, record.data.get(k)) for k in _PAST_PERSON], today)
    for _, notes in sorted(prog.notes.items()):
        out += _note_dates(prog.root, notes, today)
    return out


def _pair_dates(pair: Record, loc: Any, today: dt.date | None, cohort_start: str) -> list[Problem]:
    data, out = pair.data, []
    proposed = data.get("proposed_on")
    signed = data.get("charter_signed") or {}
    for role in ("mentor", "mentee"):
        if proposed and signed.get(role) and str(signed[role]) < str(proposed):
            line, column = loc(pair.path, f"/charter_signed/{role}")
            out.append(
                P.make(
                    "pair-signed-early",
                    pair.path,
                    line,
                    column,
                    pointer=f"/charter_signed/{role}",
                    role=role,
                    signed=signed[role],
                    proposed=proposed,
                )
            )
    started = data.get("started_on")
    if started and cohort_start and str(started) < cohort_start:
        line, column = loc(pair.path, "/started_on")
        out.append(P.make("pair-before-cohort", pair.path, line, column, pointer="/started_on", started=started, cohort_start=cohort_start))
    if today is not None:
        fields = [(f"/{k}", k, data.get(k)) for k in _PAST_PAIR]
        fields += [(f"/charter_signed/{r}", f"charter_signed.{r}", signed.get(r)) for r in ("mentor", "mentee")]
        fields += [(f"/contacts/{i}/date", f"contacts[{i}].date", c.get("date")) for i, c in enumerate(data.get("contacts") or [])]
        out += _future(loc, pair, fields, today)
    return out


def _future(loc: Any, record: Record, fields: list[tuple[str, str, Any]], today: dt.date) -> list[Problem]:
    out, now = [], today.isoformat()  # (once: 170,000 dates at national scale)
    for pointer, field, value in fields:
        if value and str(value) > now:
            line, column = loc(record.path, pointer)
            out.append(P.make("date-future", record.path, line, column, pointer=pointer, field=field, value=value, today=now))
    return out


def _note_dates(root: Any, notes: list[Note], today: dt.date | None) -> list[Problem]:
    out = []
    held = [n for n in notes if n.meta.get("held", True) is not False]
    if today is not None:
        now = today.isoformat()
        for note in held:
            if str(note.meta["date"]) > now:
                out.append(
                    P.make(
                        "date-future",
                        note.path,
                        _date_line(root, note),
                        1,
                        pointer="/date",
                        field="date",
                        value=note.meta["date"],
                        today=today.isoformat(),
                    )
                )
    firsts = sorted(str(n.meta["date"]) for n in held if n.meta.get("kind") == "first")
    for note in held:
        if note.meta.get("kind") == "final" and firsts and str(note.meta["date"]) < firsts[0]:
            out.append(
                P.make("note-final-early", note.path, _date_line(root, note), 1, pointer="/date", final=note.meta["date"], first=firsts[0])
            )
    return out


def _date_line(root: Any, note: Note) -> int:
    """The line of `date:` in the note's front matter (the body is not looked at)."""
    try:
        content = (root / note.path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 2
    split = yamlio.split_front_matter(content)
    if split is None:
        return 2
    return yamlio.positions(split[0], 1).get("/date", (2, 1))[0]
