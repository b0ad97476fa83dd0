"""Selection: the coordinator's decision on each application (accepted, waiting list, declined), with its date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.ingest.records import ordered
from mentorat_cli.load import yamledit

UNDECIDED = "applicant"
# A decision can be revised by naming the person; `--all` only takes those nobody has decided on yet.
DECIDABLE = ("applicant", "waitlisted", "declined")


@dataclass
class Decision:
    """What a decision command changes: path -> new text, and who was already in that state."""

    writes: dict[str, str] = field(default_factory=dict)
    decided: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def status_of(record: Record) -> str:
    """A person's status; a profile without one is an application not decided yet."""
    return str(record.data.get("status") or UNDECIDED)


def applicants(programme: Programme, role: str | None = None, cohort: str | None = None) -> list[Record]:
    """People waiting for a decision, mentees first, each sorted by id."""
    out: list[Record] = []
    for kind, people in (("mentee", programme.mentees), ("mentor", programme.mentors)):
        if role not in (None, kind):
            continue
        out += [
            r
            for _, r in sorted(people.items())
            if status_of(r) == UNDECIDED and (cohort is None or str(r.data.get("cohort") or "") == cohort)
        ]
    return out


def waiting_rows(programme: Programme, today: dt.date) -> list[dict[str, Any]]:
    """Applicants waiting for a decision, longest wait first, with the days since they registered."""
    rows = []
    for record in applicants(programme):
        since = record.data.get("registered_on")
        days = (today - dt.date.fromisoformat(str(since))).days if since else None
        rows.append({"id": record.id, "role": record.kind, "registered_on": since, "days": days})
    rows.sort(key=lambda r: (r["days"] is None, -int(r["days"] or 0), r["role"], r["id"]))
    return rows


def _chosen(programme: Programme, ids: list[str], every: bool, role: str | None, cohort: str | None) -> list[Record]:
    if every:
        return applicants(programme, role, cohort)
    out = []
    for person_id in sorted(set(ids)):
        record = programme.person(person_id)
        if record is None or (role is not None and record.kind != role):
            raise MentoratError(text("select-unknown", id=person_id, role=role or "mentor or mentee"), text("select-unknown-hint"))
        out.append(record)
    return out


def decide(
    programme: Programme,
    ids: list[str],
    every: bool,
    status: str,
    reason: str | None,
    today: dt.date,
    role: str | None = None,
    cohort: str | None = None,
) -> Decision:
    """Set `status` (accepted, waitlisted or declined), the date and the reason on each person chosen."""
    result = Decision()
    for record in _chosen(programme, ids, every, role, cohort):
        current = status_of(record)
        if current == status:
            result.unchanged.append(record.id)
            continue
        if current not in DECIDABLE:
            raise MentoratError(text("select-not-applicant", id=record.id, status=current), text("select-not-applicant-hint"))
        data: dict[str, Any] = dict(record.data, status=status, decided_on=today.isoformat())
        data.pop("decision_reason", None)
        if reason:
            data["decision_reason"] = reason
        result.writes[record.path] = _rewrite(programme, record, ordered(data, record.kind))
        result.decided.append(record.id)
    return result


def _rewrite(programme: Programme, record: Record, data: dict[str, Any]) -> str:
    """The profile with the decision, keeping the comments of every line that did not change."""
    try:
        original = (programme.root / record.path).read_text(encoding="utf-8-sig")
    except OSError:
        original = ""
    return yamledit.rewrite(original, data, f"../.schemas/{record.kind}.schema.json")
