"""The report's figures, computed with pandas from one cohort's tables (pure: no I/O, no clock)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from mentorat_cli.core.dates import add_months
from mentorat_cli.report.frames import Frames, intro_date, introduced

SATISFIED = ("very_satisfied", "rather_satisfied")
SCALE = ("very_satisfied", "rather_satisfied", "rather_not_satisfied", "not_satisfied")
MEETING_BUCKETS = ((0, 0), (1, 2), (3, 5), (6, 9), (10, None))
NATIONAL_REFERENCE = {"mentee": 90, "mentor": 80, "year": 2023}


def nearest_rank(values: Sequence[float], q: float) -> float:
    """The q-quantile by the nearest-rank method (a value that was actually observed)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def median(values: Sequence[float]) -> float:
    """The usual median (mean of the two middle values for an even count)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _counts(series: pd.Series) -> list[tuple[str | None, int]]:
    """(value, count) sorted by count descending then value, missing values last as None."""
    counted = series.fillna("\uffff").value_counts()
    rows = sorted(
        ((None if v == "\uffff" else str(v), int(n)) for v, n in counted.items()), key=lambda r: (r[0] is None, -r[1], r[0] or "")
    )
    return rows


def participants(frames: Frames) -> dict[str, pd.DataFrame]:
    """People taking part: accepted, or member of an introduced pair."""
    pairs = introduced(frames.pairs)
    out = {}
    for role, people in (("mentee", frames.mentees), ("mentor", frames.mentors)):
        in_pair = people["id"].isin(set(pairs[role]))
        out[role] = people[in_pair | (people["status"] == "accepted")]
    return out


def breakdowns(frames: Frames, parts: dict[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Participants by public, by city and by each declared category."""
    out: list[dict[str, Any]] = [{"key": "public", "role": "mentee", "rows": _counts(parts["mentee"]["public"])}]
    for role in ("mentee", "mentor"):
        out.append({"key": "city", "role": role, "rows": _counts(parts[role]["city"])})
    for cat in frames.categories:
        for role in ("mentee", "mentor"):
            out.append({"key": f"cat:{cat}", "role": role, "rows": _counts(parts[role][f"cat:{cat}"])})
    for item in out:
        item["total"] = len(parts[item["role"]])
    return out


def pair_figures(frames: Frames) -> dict[str, Any]:
    """Pairs by status, early endings by who ended them and why, re-pairings."""
    pairs = frames.pairs
    ended = pairs[pairs["status"] == "ended"]
    early = ended[ended["ended_by"] != "completed"]
    reasons = early["end_reason"].dropna().map(lambda s: " ".join(str(s).split()).rstrip(".").capitalize())
    return {
        "total": len(pairs),
        "status": [
            ("proposed", int((pairs["status"] == "proposed").sum())),
            ("confirmed", int((pairs["status"] == "confirmed").sum())),
            ("completed", int((ended["ended_by"] == "completed").sum())),
            ("ended_early", len(early)),
        ],
        "introduced": len(introduced(pairs)),
        "ended_early": len(early),
        "ended_by": _counts(early["ended_by"]),
        "reasons": _counts(reasons),
        "reasons_missing": int(early["end_reason"].isna().sum()),
        "repaired": int(pairs["replaces"].notna().sum()),
    }


def delay_figures(frames: Frames) -> dict[str, Any]:
    """Days from the mentee's registration to the introduction of their first pair."""
    pairs = introduced(frames.pairs)
    pairs = pairs[pairs["replaces"].isna()]
    registered = frames.mentees.set_index("id")["registered_on"]
    days: list[float] = []
    for mentee, intro in zip(pairs["mentee"], intro_date(pairs), strict=True):
        reg = registered.get(mentee)
        if reg is None or intro is None or pd.isna(reg) or pd.isna(intro):
            continue
        gap = (dt.date.fromisoformat(str(intro)) - dt.date.fromisoformat(str(reg))).days
        if gap >= 0:
            days.append(gap)
    return {"n": len(days), "median": median(days) if days else None, "p90": nearest_rank(days, 0.9) if days else None, "days": days}


def meeting_figures(frames: Frames, config: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Meetings and hours per introduced pair, and how many pairs reached the programme's targets."""
    pairs = introduced(frames.pairs)
    held = frames.notes[frames.notes["held"]]
    per_pair = held.groupby("pair").size()
    counts = [int(per_pair.get(pid, 0)) for pid in pairs["id"]]
    kinds = held.groupby("kind")["pair"].agg(lambda s: set(s))
    ids = set(pairs["id"])
    months = int(config["duration_months"])
    long_enough = 0
    for start, end in zip(intro_date(pairs), pairs["ended_on"], strict=True):
        if start is None or pd.isna(start):
            continue
        last = dt.date.fromisoformat(str(end)) if end is not None and not pd.isna(end) else today
        long_enough += add_months(dt.date.fromisoformat(str(start)), months) <= last
    buckets = []
    for low, high in MEETING_BUCKETS:
        buckets.append(((low, high), sum(1 for c in counts if c >= low and (high is None or c <= high))))
    minutes = held["minutes"].dropna()
    per_pair_minutes = held.groupby("pair")["minutes"].sum(min_count=1)
    hours = [float(per_pair_minutes.get(pid, 0) or 0) / 60 for pid in pairs["id"]]
    return {
        "median_hours": median(hours) if hours else None,
        "pairs": len(pairs),
        "held": len(held),
        "hours": float(minutes.sum()) / 60,
        "without_duration": int(held["minutes"].isna().sum()),
        "median": median(counts) if counts else None,
        "buckets": buckets,
        "min_meetings": int(config["follow_up"]["min_meetings"]),
        "duration_months": months,
        "reached_meetings": sum(1 for c in counts if c >= int(config["follow_up"]["min_meetings"])),
        "reached_duration": int(long_enough),
        "reviews": len(kinds.get("review", set()) & ids),
        "finals": len(kinds.get("final", set()) & ids),
    }


def satisfaction_figures(frames: Frames) -> dict[str, dict[str, Any]]:
    """Per role: respondents, response rate, the four-level distribution and the satisfied count."""
    pairs = introduced(frames.pairs)
    out = {}
    for role in ("mentee", "mentor"):
        answers = frames.feedback[frames.feedback["role"] == role]
        out[role] = {
            "eligible": int(pairs[role].nunique()),
            "respondents": len(answers),
            "scale": [(level, int((answers["satisfaction"] == level).sum())) for level in SCALE],
            "satisfied": int(answers["satisfaction"].isin(SATISFIED).sum()),
            "recommend_answers": int(answers["would_recommend"].notna().sum()),
            "recommend": int((answers["would_recommend"] == True).sum()),  # noqa: E712 - a pandas mask, not a truth test
            "reference": NATIONAL_REFERENCE[role],
        }
    return out


def objective_figures(frames: Frames) -> list[tuple[str, list[int]]]:
    """Mentees' answers per objective theme: reached, partly, not reached (mentees only, to avoid double counts)."""
    rows = frames.objectives[frames.objectives["role"] == "mentee"]
    table = rows.groupby(["theme", "reached"]).size()
    return [(theme, [int(table.get((theme, r), 0)) for r in ("yes", "partly", "no")]) for theme in sorted(set(rows["theme"]))]


def quotes(frames: Frames) -> list[str]:
    """Comments whose authors agreed to be quoted, in id order; nothing else."""
    fb = frames.feedback
    chosen = fb[fb["consent_quote"] & fb["comment"].notna()]
    return [" ".join(str(c).split()) for c in chosen["comment"] if str(c).strip()]


def month_series(frames: Frames, config: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Per month, from the cohort's start or first activity to today: pairs active at the month's end, meetings held.

    Pairs are often introduced, and first meetings held, before the cohort's official start: the range
    begins at the earliest of the three, and the current month is included (its figures so far).
    """
    cohort = config["cohort"]
    pairs = introduced(frames.pairs)
    held = frames.notes[frames.notes["held"]]
    per_month = held["date"].str[:7].value_counts()
    starts = [str(s) for s in intro_date(pairs) if s is not None and not pd.isna(s)]
    activity = sorted([*starts, *map(str, held["date"])])
    start = dt.date.fromisoformat(min([str(cohort["start"]), *activity[:1]]))
    # Once the cohort is over the series stops at its end, unless activity went on beyond it.
    last = max([str(cohort["end"]), *activity[-1:]])
    stop = min(today, dt.date.fromisoformat(last))
    months: list[str] = []
    day = dt.date(start.year, start.month, 1)
    while day <= stop:
        months.append(day.strftime("%Y-%m"))
        day = add_months(day, 1)
    months = months[-120:]  # a stray old date must not push the recent months out of a readable chart
    starts = [str(s) for s in intro_date(pairs)]  # a pair without a date sorts after every month: never active
    ends = [None if e is None or pd.isna(e) else str(e) for e in pairs["ended_on"]]
    active = []
    for month in months:
        last_day = (add_months(dt.date.fromisoformat(month + "-01"), 1) - dt.timedelta(days=1)).isoformat()
        active.append(sum(1 for s, e in zip(starts, ends, strict=True) if s <= last_day and (e is None or e > last_day)))
    # The month of `today` is still running unless today is its last day: say so rather than plot it as complete.
    partial = bool(months) and months[-1] == today.strftime("%Y-%m") and (today + dt.timedelta(days=1)).month == today.month
    return {
        "months": months,
        "active_pairs": active,
        "meetings": [int(per_month.get(m, 0)) for m in months],
        "cohort_start": str(cohort["start"]),
        "partial": partial,
    }


def compute(frames: Frames, config: dict[str, Any], today: dt.date, cohort: str) -> dict[str, Any]:
    """Every figure of the report, as plain data."""
    parts = participants(frames)
    return {
        "k": int(config["privacy"]["min_group_size"]),
        "today": today.isoformat(),
        "cohort": cohort,
        "people": {
            role: {"registered": len(getattr(frames, role + "s")), "participants": len(parts[role])} for role in ("mentee", "mentor")
        },
        "breakdowns": breakdowns(frames, parts),
        "pairs": pair_figures(frames),
        "delay": delay_figures(frames),
        "meetings": meeting_figures(frames, config, today),
        "satisfaction": satisfaction_figures(frames),
        "objectives": objective_figures(frames),
        "quotes": quotes(frames),
        "series": month_series(frames, config, today),
    }
