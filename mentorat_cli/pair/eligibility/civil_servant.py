"""civil_servant: the mentor is a civil servant (eligibility.mentor_civil_servant, e.g. public service schools)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core.messages import text
from mentorat_cli.pair.arrays import Encoded
from mentorat_cli.pair.eligibility.base import Config, Makers, Person, Rule


def active(config: Config) -> bool:
    return bool(config["eligibility"]["mentor_civil_servant"])


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    return text("reason-civil-servant") if mentor.get("civil_servant") is not True else None


def vectorised(enc: Encoded) -> Makers:
    # Only the mentor matters: every mentee is in one class.
    import numpy as np

    m = enc.mentors
    return [
        lambda: (np.zeros(len(enc.mentees.ids), dtype=np.int64), lambda ids: np.broadcast_to(~m.civil[None, :], (len(ids), len(m.ids))))
    ]


RULE = Rule(name="civil_servant", position=60, reasons=("reason-civil-servant",), check=check, active=active, vectorised=vectorised)
