"""The coordinator's dashboard: what needs attention today, as plain data (text and JSON views).

Waiting mentees are those not withdrawn or erased who have no confirmed
pair and did not complete one; their wait counts from `registered_on`, or
from the end of a pair that stopped early (they wait to be paired again). Mentors are listed when a
confirmed pair of theirs lacks the mentor's charter signature, or when
they are accepted (or paired) without a training date; each entry says
both facts (training date, whether the mentor has a confirmed pair) so a
view never shows a blank that reads as "no".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from mentorat_cli.core.model import Programme
from mentorat_cli.followup import sheet as followup
from mentorat_cli.ingest import selection

STATUSES = ("proposed", "confirmed", "ended")
_GONE = ("withdrawn", "erased")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def build(programme: Programme, today: dt.date, alert_after_days: int | None = None) -> dict[str, Any]:
    """Everything `mentorat status` shows, sorted for stable output."""
    threshold = alert_after_days if alert_after_days is not None else int(programme.config["follow_up"]["alert_after_days"])
    counts = Counter(str(p.data["status"]) for p in programme.pairs.values())
    confirmed = [p for _, p in sorted(programme.pairs.items()) if p.data["status"] == "confirmed"]
    states = [followup.state_of(programme, pair, today, threshold) for pair in confirmed]
    soon = today + dt.timedelta(days=followup.SOON_DAYS)
    return {
        "today": today.isoformat(),
        "programme": str(programme.config.get("name", "")),
        "pairs_by_status": {status: counts.get(status, 0) for status in STATUSES},
        "alert_after_days": threshold,
        "without_meeting": sorted(
            ({"pair": s.pair_id, "last_meeting": _iso(s.last_meeting), "days": s.days_without} for s in states if "no-meeting" in s.alerts),
            key=lambda r: (-r["days"], r["pair"]),
        ),
        "not_started": [s.pair_id for s in states if s.start is None],
        # Confirmed, not begun, and no introduction e-mail drafted yet (`mentorat mail intro`).
        "to_introduce": [p.id for p in confirmed if not p.data.get("started_on") and not p.data.get("intro_drafted_on")],
        "applicants": selection.waiting_rows(programme, today),
        "reviews_due": [
            {"pair": s.pair_id, "planned": _iso(s.review.date), "overdue": s.review.date < today}
            for s in states
            if s.review and not s.review_held and s.review.date <= soon
        ],
        "finals_due": [
            {"pair": s.pair_id, "planned": _iso(s.final.date), "overdue": s.final.date < today}
            for s in states
            if s.final and not s.final_held and s.final.date <= soon
        ],
        "ending_soon": sorted(
            (
                {"pair": s.pair_id, "planned_end": _iso(s.end), "days_left": (s.end - today).days}
                for s in states
                if s.end and today <= s.end <= soon
            ),
            key=lambda r: (r["days_left"], r["pair"]),
        ),
        "waiting_mentees": _waiting(programme, today),
        "mentors_to_follow": _mentors(programme),
    }


def _waiting(programme: Programme, today: dt.date) -> list[dict[str, Any]]:
    by_mentee: dict[str, list[dict[str, Any]]] = {}
    for _, pair in sorted(programme.pairs.items()):
        by_mentee.setdefault(str(pair.data["mentee"]), []).append({"id": pair.id, **pair.data})
    out: list[dict[str, Any]] = []
    for mid, mentee in sorted(programme.mentees.items()):
        status = str(mentee.data.get("status", "applicant"))
        pairs = by_mentee.get(mid, [])
        if status in _GONE or any(p["status"] == "confirmed" or p.get("ended_by") == "completed" for p in pairs):
            continue  # paired, or went through the whole programme
        # After an early ending the mentee waits again, from the end of that pair.
        ended = sorted(str(p["ended_on"]) for p in pairs if p["status"] == "ended" and p.get("ended_on"))
        since = ended[-1] if ended else mentee.data.get("registered_on")
        days = (today - dt.date.fromisoformat(since)).days if since else None
        if days is not None and days < 0:
            continue  # registered (or re-waiting) after the day the status is for: not waiting yet that day
        proposed = next((p["id"] for p in pairs if p["status"] == "proposed"), None)
        out.append(
            {
                "mentee": mid,
                "status": status,
                "registered_on": mentee.data.get("registered_on"),
                "waiting_since": since,
                "days_waiting": days,
                "proposed_pair": proposed,
            }
        )
    # Longest wait first; unknown dates last.
    out.sort(key=lambda r: (r["days_waiting"] is None, -int(r["days_waiting"] or 0), str(r["mentee"])))
    return out


def _mentors(programme: Programme) -> list[dict[str, Any]]:
    unsigned: dict[str, list[str]] = {}
    paired: set[str] = set()
    for pid, pair in sorted(programme.pairs.items()):
        if pair.data["status"] != "confirmed":
            continue
        mentor_id = str(pair.data["mentor"])
        paired.add(mentor_id)
        if not (pair.data.get("charter_signed") or {}).get("mentor"):
            unsigned.setdefault(mentor_id, []).append(pid)
    out = []
    for mid, mentor in sorted(programme.mentors.items()):
        status = str(mentor.data.get("status", "applicant"))
        untrained = (status == "accepted" or mid in paired) and status not in _GONE and not mentor.data.get("trained_on")
        if untrained or mid in unsigned:
            trained_on = mentor.data.get("trained_on")
            out.append(
                {
                    "mentor": mid,
                    "charter_unsigned": unsigned.get(mid, []),
                    "not_trained": untrained,
                    "trained_on": str(trained_on) if trained_on else None,
                    "paired": mid in paired,
                }
            )
    return out
