"""The data a charter or a follow-up sheet template sees (every field always present).

Optional values are '' rather than missing, so that a template can test
them with `{% if %}` under StrictUndefined. Dates are written out in the
programme's language. Meeting notes contribute their front matter only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mentorat_cli.core import dates, formatting, kinds, labels
from mentorat_cli.core.lookup import find_pair as find_pair  # where document code has always found it
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.followup import schedule
from mentorat_cli.followup import sheet as followup
from mentorat_cli.render import wording

_PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "organisation", "unit", "job")


def person(record: Record | None, lang: str) -> dict[str, Any]:
    """A mentor's or mentee's fields for documents."""
    data = record.data if record is not None else {}
    out = {key: str(data.get(key, "")) for key in _PERSON_FIELDS}
    out["id"] = record.id if record is not None else ""
    out["full_name"] = f"{out['first_name']} {out['last_name']}".strip()
    out["trained_on"] = formatting.long_date(data.get("trained_on"), lang)
    out["gender_form"] = str(data.get("gender_form", "epicene"))
    return out


def guardian(data: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """A minor mentee's legal guardian, for the youth charter's extra signature block."""
    found = data.get("guardian") or {}
    return {
        "minor": dates.is_minor(data, today),
        "name": str(found.get("name", "")),
        "email": str(found.get("email", "")),
        "phone": str(found.get("phone", "")),
    }


def programme_fields(config: dict[str, Any], lang: str) -> dict[str, Any]:
    """The programme's fields for documents."""
    cadence, renewal = config["cadence"], config["renewal"]
    coordinator = config.get("coordinator") or {}
    cohort = config.get("cohort") or {}
    return {
        "name": config.get("name", ""),
        "organiser": config.get("organiser", ""),
        "kind": config.get("kind", ""),
        "organiser_with": wording.organiser(str(config.get("organiser", "")), config.get("organiser_article"), lang),
        "remote_only": config.get("format", "remote") == "remote",
        "cohort": str(cohort.get("id", "")),
        "cohort_start": formatting.long_date(cohort.get("start"), lang),
        "cohort_end": formatting.long_date(cohort.get("end"), lang),
        "coordinator": {key: str(coordinator.get(key, "")) for key in ("name", "email", "phone")},
        "duration_months": int(config["duration_months"]),
        "renewal_allowed": bool(renewal.get("allowed", False)),
        "renewal_max_months": int(renewal.get("max_months", 0)),
        "meetings_per_month": formatting.number(float(cadence["meetings_per_month"]), lang),
        "frequency": labels.frequency(float(cadence["meetings_per_month"]), lang),
        "minutes_per_meeting": int(cadence["minutes_per_meeting"]),
        "meeting_length": formatting.duration(int(cadence["minutes_per_meeting"])),
        "format": labels.FORMATS[lang].get(str(config.get("format")), str(config.get("format", ""))),
        "alert_after_days": int(config["follow_up"]["alert_after_days"]),
        "min_meetings": int(config["follow_up"]["min_meetings"]),
    }


def charter_context(programme: Programme, pair: Record, lang: str, today: dt.date) -> dict[str, Any]:
    """Everything a charter template may use."""
    config = programme.config
    data = pair.data
    mentee = programme.mentees.get(data["mentee"])
    signed = data.get("charter_signed") or {}
    cohort = followup.mentee_cohort(programme, pair)
    objectives = [
        {"theme": o["theme"], "label": kinds.theme_label(config, o["theme"]), "text": o.get("text", "")}
        for o in (mentee.data.get("objectives", []) if mentee else [])
    ]
    mentor_ = person(programme.mentors.get(data["mentor"]), lang)
    mentee_ = person(mentee, lang)
    mentee_role = {"youth": "youth", "school": "student"}.get(str(config.get("kind")), "mentee")
    return {
        "lang": lang,
        "today": formatting.long_date(today, lang),
        "roles": {
            "mentor": wording.role("mentor", mentor_["gender_form"], lang),
            "mentee": wording.role(mentee_role, mentee_["gender_form"], lang),
        },
        "guardian": guardian(mentee.data if mentee else {}, today),
        "programme": programme_fields(config, lang),
        "pair": {
            "id": pair.id,
            "status": labels.PAIR_STATUSES[lang][data["status"]],
            "start": formatting.long_date(schedule.start_of(data, config, cohort), lang),
            "end": formatting.long_date(schedule.planned_end(data, config, None, cohort), lang),
            "confirmed_on": formatting.long_date(data.get("confirmed_on"), lang),
            "mentor_signed": formatting.long_date(signed.get("mentor"), lang),
            "mentee_signed": formatting.long_date(signed.get("mentee"), lang),
        },
        "mentor": mentor_,
        "mentee": mentee_,
        "objectives": objectives,
    }


def sheet_context(programme: Programme, pair: Record, lang: str, today: dt.date) -> dict[str, Any]:
    """Everything a follow-up sheet template may use: the charter's fields plus the follow-up state."""
    context = charter_context(programme, pair, lang, today)
    state = followup.state_of(programme, pair, today)
    kinds_ = labels.MEETING_KINDS[lang]
    schedule_rows = []
    for planned in state.planned:
        status = "held" if planned.number <= len(state.held) else "late" if planned.date < today else "upcoming"
        schedule_rows.append(
            {
                "number": planned.number,
                "date": formatting.long_date(planned.date, lang),
                "kind": kinds_[planned.kind],
                "kind_id": planned.kind,
                "status": status,
            }
        )
    context["pair"]["end"] = formatting.long_date(state.end, lang)  # a renewed pair ends later than first planned
    context.update(
        {
            "extended": state.extended,
            "schedule": schedule_rows,
            "meetings": [
                {
                    "date": formatting.long_date(h.date, lang),
                    "kind": kinds_.get(h.kind, h.kind),
                    "kind_id": h.kind,
                    "duration": formatting.duration(h.minutes),
                    "topics": ", ".join(h.topics),
                }
                for h in state.held
            ],
            "meetings_held": len(state.held),
            "meetings_planned": len(state.planned),
            "expected_by_now": state.expected_by_now,
            "hours": formatting.duration(state.minutes),
            "last_meeting": formatting.long_date(state.last_meeting, lang),
            "days_without": "" if state.days_without is None else state.days_without,
            "next_due": (
                {
                    "date": formatting.long_date(state.next_due.date, lang),
                    "kind": kinds_[state.next_due.kind],
                    "late": state.next_due.date < today,
                }
                if state.next_due
                else ""
            ),
            "review_date": formatting.long_date(state.review.date, lang) if state.review else "",
            "final_date": formatting.long_date(state.final.date, lang) if state.final else "",
            "alerts": state.alerts,
            "contacts": [
                {
                    "date": formatting.long_date(c["date"], lang),
                    "channel": labels.CHANNELS[lang][c["channel"]],
                    "summary": c.get("summary", ""),
                }
                for c in sorted(pair.data.get("contacts", []), key=lambda c: str(c["date"]))
            ],
        }
    )
    return context
