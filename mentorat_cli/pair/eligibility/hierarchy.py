"""hierarchy: no pair inside a management chain (programme.yaml eligibility.no_hierarchical_link)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core.messages import text
from mentorat_cli.core.model import email_key
from mentorat_cli.pair.eligibility.base import Config, Person, Rule, chain_above, rows_by_email


def active(config: Config) -> bool:
    return bool(config["eligibility"]["no_hierarchical_link"])


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    managers = ctx.get("managers", {})
    mentor_email, mentee_email = email_key(mentor.get("email")), email_key(mentee.get("email"))
    if mentor_email and mentor_email in chain_above(mentee_email, managers):
        return text("reason-hierarchy-mentor")
    if mentee_email and mentee_email in chain_above(mentor_email, managers):
        return text("reason-hierarchy-mentee")
    return None


def pairs(config: Config, mentees: list[Person], mentors: list[Person], managers: dict[str, str]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    if not active(config):
        return found
    mentor_email, mentee_email = rows_by_email(mentors), rows_by_email(mentees)
    for i, p in enumerate(mentees):
        for boss in chain_above(p.get("email", ""), managers):
            found.update((i, j) for j in mentor_email.get(boss, []))
    for j, p in enumerate(mentors):
        for boss in chain_above(p.get("email", ""), managers):
            found.update((i, j) for i in mentee_email.get(boss, []))
    return found


RULE = Rule(
    name="hierarchy",
    position=20,
    reasons=("reason-hierarchy-mentor", "reason-hierarchy-mentee"),
    check=check,
    active=active,
    pairs=pairs,
)
