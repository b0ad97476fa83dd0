"""Where a pair stands: meetings held (front matter only), hours, next meeting due and alerts.

Meeting notes count as held when their date is not after `today` and
their front matter does not say `held: false`. A note without
`duration_minutes` counts the programme's planned meeting length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core import kinds
from mentorat_cli.core.model import Note, Programme, Record
from mentorat_cli.followup import schedule

SOON_DAYS = 30  # "ending soon" and "due soon" look this far ahead
ALERT_ORDER = ("not-started", "no-meeting", "behind", "review-overdue", "final-due", "ending-soon", "past-end")


@dataclass(frozen=True)
class Held:
    """A meeting that took place, as its note's front matter describes it."""

    date: dt.date
    kind: str
    minutes: int
    topics: tuple[str, ...]
    path: str


@dataclass
class PairState:
    """Everything the follow-up sheet and the dashboard need to know about one pair."""

    pair_id: str
    status: str
    start: dt.date | None
    end: dt.date | None
    planned: list[schedule.Planned]
    held: list[Held]
    minutes: int
    last_meeting: dt.date | None
    days_without: int | None  # days since the last meeting (or the start when none yet)
    next_due: schedule.Planned | None
    review: schedule.Planned | None
    final: schedule.Planned | None
    review_held: bool
    final_held: bool
    expected_by_now: int = 0  # meetings the pair should have held by today, pro rata of follow_up.min_meetings
    extended: bool = False  # meetings went on past the planned final one: renewed up to renewal.max_months
    alerts: list[str] = field(default_factory=list)


def held_meetings(notes: list[Note], config: dict[str, Any], today: dt.date) -> list[Held]:
    """The meetings held up to `today`, oldest first."""
    default_minutes = int(config["cadence"]["minutes_per_meeting"])
    labels: dict[str, str] = {}  # kinds.theme_label of each topic, looked up once
    out = []
    for note in notes:
        meta = note.meta
        day = dt.date.fromisoformat(str(meta["date"]))
        if day > today or meta.get("held") is False:
            continue
        topics = tuple(labels.get(t) or labels.setdefault(t, kinds.theme_label(config, t)) for t in map(str, meta.get("topics", [])))
        out.append(Held(day, str(meta["kind"]), int(meta.get("duration_minutes", default_minutes)), topics, note.path))
    out.sort(key=lambda h: (h.date, h.path))
    return out


def mentee_cohort(programme: Programme, pair: Record) -> str | None:
    """The cohort the pair's mentee is recorded in (None: the programme's own)."""
    mentee = programme.mentees.get(str(pair.data["mentee"]))
    cohort = mentee.data.get("cohort") if mentee else None
    return str(cohort) if cohort else None


def state_of(programme: Programme, pair: Record, today: dt.date, alert_after_days: int | None = None) -> PairState:
    """The follow-up state of one pair as of `today`."""
    config = programme.config
    data = pair.data
    cohort = mentee_cohort(programme, pair)
    start = schedule.start_of(data, config, cohort)
    planned = schedule.plan(start, config) if start else []
    held = held_meetings(programme.notes_of(pair.id), config, today)
    months = _renewed_months(config, planned, held)
    if months:
        planned = schedule.plan(start, config, months) if start else []
    last = held[-1].date if held else None
    reference = last or start
    days_without = (today - reference).days if reference and reference <= today else None
    by_kind = {p.kind: p for p in planned}
    state = PairState(
        pair_id=pair.id,
        status=str(data["status"]),
        start=start,
        end=schedule.planned_end(data, config, months, cohort),
        planned=planned,
        held=held,
        minutes=sum(h.minutes for h in held),
        last_meeting=last,
        days_without=days_without,
        next_due=_next_due(str(data["status"]), planned, held, config),
        review=by_kind.get("review"),
        final=by_kind.get("final"),
        review_held=any(h.kind == "review" for h in held),
        final_held=any(h.kind == "final" for h in held),
        extended=bool(months),
    )
    if start and state.end and start <= today:
        # Renewal lengthens the schedule: scale the target to the planned meetings then.
        target = int(config["follow_up"]["min_meetings"]) * (len(planned) / schedule.meeting_count(config))
        share = min(1.0, (today - start).days / max(1, (state.end - start).days))
        state.expected_by_now = int(target * share)
    threshold = alert_after_days if alert_after_days is not None else int(config["follow_up"]["alert_after_days"])
    state.alerts = alerts(state, today, threshold)
    return state


def _next_due(status: str, planned: list[schedule.Planned], held: list[Held], config: dict[str, Any]) -> schedule.Planned | None:
    """The next meeting expected of a confirmed pair (an ended pair expects none)."""
    if status != "confirmed":
        return None
    return schedule.next_meeting(planned, [(h.date, h.kind) for h in held], config)


def _renewed_months(config: dict[str, Any], planned: list[schedule.Planned], held: list[Held]) -> int | None:
    """The renewed length when a pair kept meeting after its planned final meeting without closing."""
    renewal = config["renewal"]
    longer = int(renewal.get("max_months", 0)) > int(config["duration_months"])
    if not (renewal.get("allowed") and longer and planned and held):
        return None
    final = planned[-1].date
    went_on = any(h.date > final for h in held) and not any(h.kind == "final" for h in held)
    return int(renewal["max_months"]) if went_on else None


def alerts(state: PairState, today: dt.date, threshold: int) -> list[str]:
    """Alert codes for a confirmed pair (a proposed or ended pair has none)."""
    if state.status != "confirmed":
        return []
    if state.start is None:
        return ["not-started"]
    found = []
    if state.days_without is not None and state.days_without > threshold and not state.final_held:
        found.append("no-meeting")  # after the closing meeting, silence is expected
    if len(state.held) + 1 < state.expected_by_now:
        found.append("behind")
    if state.review and not state.review_held and state.review.date < today:
        found.append("review-overdue")
    if state.final and not state.final_held and (state.final.date - today).days <= SOON_DAYS:
        found.append("final-due")
    if state.end and 0 <= (state.end - today).days <= SOON_DAYS:
        found.append("ending-soon")
    if state.end and state.end < today:
        found.append("past-end")
    return found
