"""not_with: someone asked not to be paired with the other, or both records are the same person (same e-mail)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core.messages import text
from mentorat_cli.core.model import email_key
from mentorat_cli.pair.eligibility.base import Config, Person, Rule, rows_by_email


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if mentor["id"] in mentee.get("not_with", []) or mentee["id"] in mentor.get("not_with", []):
        return text("reason-not-with")
    if email_key(mentor.get("email")) == email_key(mentee.get("email")):
        return text("reason-same-person")
    return None


def pairs(config: Config, mentees: list[Person], mentors: list[Person], managers: dict[str, str]) -> set[tuple[int, int]]:
    mentee_at = {p["id"]: i for i, p in enumerate(mentees)}
    mentor_at = {p["id"]: j for j, p in enumerate(mentors)}
    mentor_email = rows_by_email(mentors)
    found: set[tuple[int, int]] = set()
    for i, p in enumerate(mentees):
        found.update((i, mentor_at[o]) for o in p.get("not_with", []) if o in mentor_at)
        found.update((i, j) for j in mentor_email.get(email_key(p.get("email")), []))
    for j, p in enumerate(mentors):
        found.update((mentee_at[o], j) for o in p.get("not_with", []) if o in mentee_at)
    return found


RULE = Rule(name="not_with", position=10, reasons=("reason-not-with", "reason-same-person"), check=check, pairs=pairs)
