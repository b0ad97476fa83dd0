"""language: the mentor and the mentee share a language (eligibility.shared_language; French when none is given)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mentorat_cli.core.messages import text
from mentorat_cli.pair.arrays import Encoded, classes
from mentorat_cli.pair.eligibility.base import Config, Makers, Person, Rule

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np


def active(config: Config) -> bool:
    return bool(config["eligibility"]["shared_language"])


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    if set(mentor.get("languages", ["fr"])) & set(mentee.get("languages", ["fr"])):
        return None
    return text("reason-language")


def vectorised(enc: Encoded) -> Makers:
    import numpy as np

    def make() -> tuple[np.ndarray, Any]:
        cls, reps = classes(enc.mentees.langs)
        ml = enc.mentors.langs.T.astype(np.float32)
        return cls, lambda ids: (reps[ids].astype(np.float32) @ ml) == 0

    return [make]


RULE = Rule(name="language", position=70, reasons=("reason-language",), check=check, active=active, vectorised=vectorised)
