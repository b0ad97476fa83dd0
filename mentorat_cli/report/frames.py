"""The programme as pandas tables, restricted to one cohort.

Only front matter of meeting notes is used (Note.meta); note bodies are
never loaded by the repository in the first place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mentorat_cli.core.model import Programme, Record

INTRODUCED = ("confirmed", "ended")


@dataclass
class Frames:
    """One cohort's people, pairs, meetings and survey responses as DataFrames."""

    mentees: pd.DataFrame
    mentors: pd.DataFrame
    pairs: pd.DataFrame
    notes: pd.DataFrame
    feedback: pd.DataFrame
    objectives: pd.DataFrame
    categories: list[str]


def cohorts(programme: Programme) -> list[str]:
    """Every cohort id used by the programme's people (the programme's own cohort first)."""
    default = str(programme.config["cohort"]["id"])
    found = {str(r.get("cohort") or default) for r in (*programme.mentees.values(), *programme.mentors.values())}
    return [default, *sorted(found - {default})]


def _cohort_of(record: Record, default: str) -> str:
    return str(record.get("cohort") or default)


def _own(record: Record, kind: str, key: str) -> Any:
    """A role's own field; in another role's file it is an unknown key (warned about) and may hold anything."""
    return record.get(key) if record.kind == kind else None


def _people(records: list[Record], categories: list[str]) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    for r in records:
        row = {
            "id": r.id,
            "status": r.get("status", "applicant"),
            "public": _own(r, "mentee", "public"),
            "city": (r.get("location") or {}).get("city"),
            "registered_on": r.get("registered_on"),
            "trained_on": r.get("trained_on"),
            "path": r.path,
            "n_objectives": len(_own(r, "mentee", "objectives") or []),
            "n_themes": len(_own(r, "mentor", "themes") or []),
        }
        values = r.get("categories") or {}
        for cat in categories:
            row[f"cat:{cat}"] = values.get(cat)
        rows.append(row)
    columns = [
        "id",
        "status",
        "public",
        "city",
        "registered_on",
        "trained_on",
        "path",
        "n_objectives",
        "n_themes",
        *[f"cat:{c}" for c in categories],
    ]
    return pd.DataFrame(rows, columns=columns)


_PAIR_COLUMNS = [
    "id",
    "mentee",
    "mentor",
    "status",
    "proposed_on",
    "confirmed_on",
    "started_on",
    "ended_on",
    "ended_by",
    "end_reason",
    "replaces",
    "charter_mentor",
    "charter_mentee",
    "last_contact",
    "path",
]


def _pair_row(p: Record) -> dict[str, Any]:
    charter = p.get("charter_signed") or {}
    contacts = sorted(str(c["date"]) for c in p.get("contacts") or [])
    return {
        "id": p.id,
        "mentee": p.get("mentee"),
        "mentor": p.get("mentor"),
        "status": p.get("status"),
        "proposed_on": p.get("proposed_on"),
        "confirmed_on": p.get("confirmed_on"),
        "started_on": p.get("started_on"),
        "ended_on": p.get("ended_on"),
        "ended_by": p.get("ended_by"),
        "end_reason": p.get("end_reason"),
        "replaces": p.get("replaces"),
        "charter_mentor": charter.get("mentor"),
        "charter_mentee": charter.get("mentee"),
        "last_contact": contacts[-1] if contacts else None,
        "path": p.path,
    }


def build(programme: Programme, cohort: str | None = None, today: dt.date | None = None) -> Frames:
    """The tables of one cohort (default: the programme's own cohort; people without one belong to it).

    A note dated after `today` describes a meeting still to come, so it does not count as held.
    """
    last = today.isoformat() if today else "9999-12-31"
    default = str(programme.config["cohort"]["id"])
    wanted = cohort or default
    categories = [str(c) for c in programme.config.get("categories") or []]
    mentees = [r for _, r in sorted(programme.mentees.items()) if _cohort_of(r, default) == wanted]
    mentee_ids = {r.id for r in mentees}
    pairs = [p for _, p in sorted(programme.pairs.items()) if p.get("mentee") in mentee_ids]
    pair_ids = {p.id for p in pairs}
    # A mentor belongs to the cohort by their own record, or by following one of its mentees.
    paired_mentors = {p.get("mentor") for p in pairs}
    mentors = [r for _, r in sorted(programme.mentors.items()) if _cohort_of(r, default) == wanted or r.id in paired_mentors]
    note_rows = [
        {
            "pair": pid,
            "date": str(n.meta["date"]),
            "kind": n.meta["kind"],
            "minutes": n.meta.get("duration_minutes"),
            "held": n.meta.get("held", True) is not False and str(n.meta["date"]) <= last,
            "path": n.path,
        }
        for pid in sorted(pair_ids)
        for n in programme.notes_of(pid)
    ]
    feedback = [f for _, f in sorted(programme.feedback.items()) if f.get("pair") in pair_ids]
    fb_rows = [
        {
            "id": f.id,
            "role": f.get("role"),
            "pair": f.get("pair"),
            "satisfaction": f.get("satisfaction"),
            "consent_quote": f.get("consent_quote") is True,
            "comment": f.get("comment"),
            "would_recommend": f.get("would_recommend"),
            "path": f.path,
        }
        for f in feedback
    ]
    obj_rows = [
        {"feedback": f.id, "role": f.get("role"), "theme": o["theme"], "reached": o["reached"]}
        for f in feedback
        for o in f.get("objectives") or []
    ]
    notes = pd.DataFrame(note_rows, columns=["pair", "date", "kind", "minutes", "held", "path"])
    feedback_frame = pd.DataFrame(
        fb_rows, columns=["id", "role", "pair", "satisfaction", "consent_quote", "comment", "would_recommend", "path"]
    )
    # Empty frames have object columns, and indexing with an object column selects columns, not rows.
    notes["held"] = notes["held"].astype(bool)
    feedback_frame["consent_quote"] = feedback_frame["consent_quote"].astype(bool)
    return Frames(
        mentees=_people(mentees, categories),
        mentors=_people(mentors, categories),
        pairs=pd.DataFrame([_pair_row(p) for p in pairs], columns=_PAIR_COLUMNS),
        notes=notes,
        feedback=feedback_frame,
        objectives=pd.DataFrame(obj_rows, columns=["feedback", "role", "theme", "reached"]),
        categories=categories,
    )


def introduced(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs that were actually introduced: confirmed, or ended after a confirmation or start date."""
    dated = pairs["confirmed_on"].notna() | pairs["started_on"].notna()
    return pairs[(pairs["status"] == "confirmed") | ((pairs["status"] == "ended") & dated)]


def intro_date(pairs: pd.DataFrame) -> pd.Series:
    """The introduction date of each pair: started_on, else confirmed_on."""
    return pairs["started_on"].fillna(pairs["confirmed_on"])
