"""Evidence for the quality self-assessment: each metric splits its items into met and to-fix files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mentorat_cli.core.dates import add_months
from mentorat_cli.report.frames import Frames, intro_date, introduced


@dataclass
class Context:
    """What every metric may look at: one cohort's tables, the effective config and today."""

    frames: Frames
    config: dict[str, Any]
    today: dt.date


Outcome = tuple[list[str], list[str]]  # (files that meet the criterion, files to fix)
Metric = Callable[[Context, dict[str, Any]], Outcome]


def _split(paths: pd.Series, ok: pd.Series) -> Outcome:
    return sorted(paths[ok].astype(str)), sorted(paths[~ok].astype(str))


def _in_pairs(ctx: Context, role: str) -> pd.DataFrame:
    people = ctx.frames.mentees if role == "mentee" else ctx.frames.mentors
    return people[people["id"].isin(set(introduced(ctx.frames.pairs)[role]))]


def mentee_objectives(ctx: Context, _: dict[str, Any]) -> Outcome:
    people = _in_pairs(ctx, "mentee")
    return _split(people["path"], people["n_objectives"] >= 2)


def mentee_public(ctx: Context, _: dict[str, Any]) -> Outcome:
    if not ctx.config.get("publics"):
        return [], []
    people = _in_pairs(ctx, "mentee")
    return _split(people["path"], people["public"].notna())


def mentor_themes(ctx: Context, _: dict[str, Any]) -> Outcome:
    people = _in_pairs(ctx, "mentor")
    return _split(people["path"], people["n_themes"] > 0)


def mentor_accepted(ctx: Context, _: dict[str, Any]) -> Outcome:
    people = _in_pairs(ctx, "mentor")
    return _split(people["path"], people["status"] == "accepted")


def _trained(ctx: Context, role: str) -> Outcome:
    notes = ctx.frames.notes[ctx.frames.notes["held"]]
    first_by_pair = notes.groupby("pair")["date"].min()
    pairs = introduced(ctx.frames.pairs)
    first: dict[str, str] = {}
    for pid, person in zip(pairs["id"], pairs[role], strict=True):
        if pid in first_by_pair.index:
            day = str(first_by_pair[pid])
            first[person] = min(first.get(person, day), day)
    people = _in_pairs(ctx, role)
    people = people[people["id"].isin(set(first))]
    trained = zip(people["id"], people["trained_on"], strict=True)
    ok = pd.Series([t is not None and not pd.isna(t) and str(t) <= first[i] for i, t in trained], index=people.index, dtype=bool)
    return _split(people["path"], ok)


def mentor_trained(ctx: Context, p: dict[str, Any]) -> Outcome:
    return _trained(ctx, "mentor")


def mentee_trained(ctx: Context, p: dict[str, Any]) -> Outcome:
    return _trained(ctx, "mentee")


def charter_signed(ctx: Context, _: dict[str, Any]) -> Outcome:
    pairs = introduced(ctx.frames.pairs)
    return _split(pairs["path"], pairs["charter_mentor"].notna() & pairs["charter_mentee"].notna())


def introduction_delay(ctx: Context, p: dict[str, Any]) -> Outcome:
    pairs = introduced(ctx.frames.pairs)
    pairs = pairs[pairs["replaces"].isna()]
    registered = ctx.frames.mentees.set_index("id")["registered_on"]
    # Waiting for the cohort to start is by design, not a delay: count from the later of the two dates.
    start = str(ctx.config["cohort"]["start"])
    ok: list[str] = []
    bad: list[str] = []
    for path, mentee, intro in zip(pairs["path"], pairs["mentee"], intro_date(pairs), strict=True):
        reg = registered.get(mentee)
        if reg is None or pd.isna(reg) or intro is None or pd.isna(intro):
            continue
        gap = (dt.date.fromisoformat(str(intro)) - dt.date.fromisoformat(max(str(reg), start))).days
        (ok if gap <= int(p.get("days", 30)) else bad).append(path)
    return sorted(ok), sorted(bad)


def first_meeting(ctx: Context, p: dict[str, Any]) -> Outcome:
    pairs = introduced(ctx.frames.pairs)
    limit = (ctx.today - dt.timedelta(days=int(p.get("days", 30)))).isoformat()
    due = pairs[intro_date(pairs).astype(str) <= limit]
    notes = ctx.frames.notes
    held_first = set(notes[notes["held"] & (notes["kind"] == "first")]["pair"])
    return _split(due["path"], due["id"].isin(held_first))


def contact_recent(ctx: Context, p: dict[str, Any]) -> Outcome:
    pairs = ctx.frames.pairs[ctx.frames.pairs["status"] == "confirmed"]
    since = add_months(ctx.today, -int(p.get("months", 2))).isoformat()
    # Pairs introduced within the period are not due for a contact yet.
    due = pairs[intro_date(pairs).fillna("0000").astype(str) < since]
    return _split(due["path"], due["last_contact"].fillna("0000").astype(str) >= since)


def end_reason(ctx: Context, _: dict[str, Any]) -> Outcome:
    pairs = ctx.frames.pairs
    early = pairs[(pairs["status"] == "ended") & (pairs["ended_by"] != "completed")]
    documented = early["end_reason"].fillna("").astype(str).str.strip() != ""
    return _split(early["path"], documented)


def review_held(ctx: Context, _: dict[str, Any]) -> Outcome:
    pairs = introduced(ctx.frames.pairs)
    notes = ctx.frames.notes[ctx.frames.notes["held"]]
    counts = notes.groupby("pair").size()
    due = pairs[pairs["id"].map(lambda pid: int(counts.get(pid, 0))) >= int(ctx.config["follow_up"]["review_after_meeting"])]
    reviewed = set(notes[notes["kind"] == "review"]["pair"])
    return _split(due["path"], due["id"].isin(reviewed))


def final_held(ctx: Context, _: dict[str, Any]) -> Outcome:
    pairs = ctx.frames.pairs
    done = pairs[(pairs["status"] == "ended") & (pairs["ended_by"] == "completed")]
    notes = ctx.frames.notes
    finals = set(notes[notes["held"] & (notes["kind"] == "final")]["pair"])
    return _split(done["path"], done["id"].isin(finals))


def _survey(ctx: Context, role: str) -> Outcome:
    pairs = introduced(ctx.frames.pairs)
    ended = pairs[pairs["status"] == "ended"]
    answered = set(ctx.frames.feedback[ctx.frames.feedback["role"] == role]["pair"])
    return _split(ended["path"], ended["id"].isin(answered))


METRICS: dict[str, Metric] = {
    "mentee-objectives": mentee_objectives,
    "mentee-public": mentee_public,
    "mentor-themes": mentor_themes,
    "mentor-accepted": mentor_accepted,
    "mentor-trained-before-first-meeting": mentor_trained,
    "mentee-trained-before-first-meeting": mentee_trained,
    "charter-signed-both": charter_signed,
    "introduction-delay": introduction_delay,
    "first-meeting-held": first_meeting,
    "coordinator-contact-recent": contact_recent,
    "end-reason-documented": end_reason,
    "review-held": review_held,
    "final-meeting-held": final_held,
    "survey-response-mentees": lambda ctx, p: _survey(ctx, "mentee"),
    "survey-response-mentors": lambda ctx, p: _survey(ctx, "mentor"),
}
