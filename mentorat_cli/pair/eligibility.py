"""The programme's hard rules for one mentor-mentee couple (the reference semantics).

`mentorat pair` applies the same rules to every candidate couple at once;
`mentorat validate` applies them to the pairs already recorded. Each rule
returns a reason when the couple breaks it, None when it is respected.
Missing data never silently passes a rule the programme asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.model import email_key
from mentorat_cli.pair import declared

Person = dict[str, Any]
RULE_ORDER = ("not_with", "hierarchy", "experience_gap", "level_gap", "membership", "civil_servant", "language", "distance", "must")


def managers_by_email(people: list[Person]) -> dict[str, str]:
    """email -> that person's manager's email, for walking management chains."""
    return {email_key(p["email"]): email_key(p["manager"]) for p in people if p.get("email") and p.get("manager")}


def chain_above(email: str, managers: dict[str, str], limit: int = 50) -> list[str]:
    """The management chain above a person (manager, their manager...), as e-mails."""
    chain: list[str] = []
    current = email_key(email)
    while current in managers and len(chain) < limit:
        current = managers[current]
        if current in chain:
            break
        chain.append(current)
    return chain


def _not_with(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if mentor["id"] in mentee.get("not_with", []) or mentee["id"] in mentor.get("not_with", []):
        return gettext("one of them asked not to be paired with the other")
    if email_key(mentor.get("email")) == email_key(mentee.get("email")):
        return gettext("same person (same e-mail)")
    return None


def _hierarchy(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if not config["eligibility"]["no_hierarchical_link"]:
        return None
    managers = ctx.get("managers", {})
    mentor_email, mentee_email = email_key(mentor.get("email")), email_key(mentee.get("email"))
    if mentor_email and mentor_email in chain_above(mentee_email, managers):
        return gettext("the mentor is in the mentee's management chain")
    if mentee_email and mentee_email in chain_above(mentor_email, managers):
        return gettext("the mentee is in the mentor's management chain")
    return None


def _experience_gap(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    gap = config["eligibility"]["min_experience_gap_years"]
    if gap is None:
        return None
    a, b = mentor.get("experience_years"), mentee.get("experience_years")
    if a is None or b is None:
        return gettext("years of experience are missing, so the required gap cannot be checked")
    if a - b < gap:
        return gettext("experience gap of {years} years, {gap} required").format(years=a - b, gap=gap)
    return None


def _level_gap(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    gap = config["eligibility"]["min_level_gap"]
    if gap is None:
        return None
    a, b = mentor.get("level"), mentee.get("level")
    if a is None or b is None:
        return gettext("hierarchical levels are missing, so the required gap cannot be checked")
    if a - b < gap:
        return gettext("the mentor is {levels} level(s) above the mentee, {gap} required").format(levels=a - b, gap=gap)
    return None


def _membership(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if not config["eligibility"]["require_membership"]:
        return None
    unpaid = [role for role, p in (("mentor", mentor), ("mentee", mentee)) if p.get("membership_paid") is not True]
    if not unpaid:
        return None
    if len(unpaid) == 2:
        return gettext("membership dues not paid by the mentor and the mentee")
    return gettext("membership dues not paid by the mentor") if unpaid[0] == "mentor" else gettext("membership dues not paid by the mentee")


def _civil_servant(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if config["eligibility"]["mentor_civil_servant"] and mentor.get("civil_servant") is not True:
        return gettext("the mentor is not recorded as a civil servant")
    return None


def _language(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if not config["eligibility"]["shared_language"]:
        return None
    if set(mentor.get("languages", ["fr"])) & set(mentee.get("languages", ["fr"])):
        return None
    return gettext("no language in common")


def _distance(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    limit = config["eligibility"]["max_distance_km"]
    if limit is None or config.get("format") != "in_person":
        return None
    from mentorat_cli.pair import geo

    km = geo.distance_km(mentor.get("location"), mentee.get("location"))
    if km is None:
        return gettext("a location is missing or unknown, so the distance cannot be checked")
    if km > limit:
        return gettext("{km:.0f} km apart, at most {limit:g} km allowed").format(km=km, limit=limit)
    return None


def _must(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    must = config["eligibility"].get("must") or []
    if not must:
        return None
    from mentorat_cli.pair import criteria

    for name in must:
        value, evidence = criteria.evaluate(name, config, mentor, mentee)
        if value <= 0:
            return gettext("required criterion '{name}' not met ({evidence})").format(name=name, evidence=evidence)
    return None


RULES: dict[str, Callable[[dict[str, Any], Person, Person, dict[str, Any]], str | None]] = {
    "not_with": _not_with,
    "hierarchy": _hierarchy,
    "experience_gap": _experience_gap,
    "level_gap": _level_gap,
    "membership": _membership,
    "civil_servant": _civil_servant,
    "language": _language,
    "distance": _distance,
    "must": _must,
}


def violations(config: dict[str, Any], mentor: Person, mentee: Person, ctx: dict[str, Any]) -> list[tuple[str, str]]:
    """Every hard rule the couple breaks, as (rule, reason), in RULE_ORDER."""
    found = []
    for name in RULE_ORDER:
        reason = RULES[name](config, mentor, mentee, ctx)
        if reason:
            found.append((name, reason))
    return found + declared.violations(config, mentor, mentee)  # hook: the programme's declared rules, after the built-in ones
