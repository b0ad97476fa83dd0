"""membership: both have paid their dues (eligibility.require_membership, e.g. alumni associations)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core.messages import text
from mentorat_cli.pair.arrays import Encoded
from mentorat_cli.pair.eligibility.base import Config, Makers, Person, Rule


def active(config: Config) -> bool:
    return bool(config["eligibility"]["require_membership"])


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    unpaid = [role for role, p in (("mentor", mentor), ("mentee", mentee)) if p.get("membership_paid") is not True]
    if not unpaid:
        return None
    if len(unpaid) == 2:
        return text("reason-membership-both")
    return text("reason-membership-mentor") if unpaid[0] == "mentor" else text("reason-membership-mentee")


def vectorised(enc: Encoded) -> Makers:
    # Two classes: the mentee paid (1) or not (0).
    import numpy as np

    paid = enc.mentors.paid[None, :]
    return [lambda: (enc.mentees.paid.astype(np.int64), lambda ids: ~(paid & (ids[:, None] == 1)))]


RULE = Rule(
    name="membership",
    position=50,
    reasons=("reason-membership-both", "reason-membership-mentor", "reason-membership-mentee"),
    check=check,
    active=active,
    vectorised=vectorised,
)
