"""Availability: the mentor and the mentee share at least one time slot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorat_cli.pair.arrays import Encoded, Spec, classes
from mentorat_cli.pair.criteria.base import Config, Criterion, Person, listing, say, word

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np


def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = mentor.get("availability", []), mentee.get("availability", [])
    if not a or not b:
        return 0.0, say(lang, "availability-missing")
    shared = [slot for slot in b if slot in a]
    if shared:
        return 1.0, say(lang, "availability", shared=listing(lang, [word(lang, "slot", s) for s in shared]))
    return 0.0, say(lang, "availability-none")


def vectorised(enc: Encoded) -> Spec:
    import numpy as np

    cls, reps = classes(enc.mentees.slots)
    ms, known_m = enc.mentors.slots.T.astype(np.float32), np.asarray(enc.mentors.slots.any(axis=1))[None, :]

    def availability(ids: np.ndarray) -> np.ndarray:
        shared = (reps[ids].astype(np.float32) @ ms) > 0
        return (shared & reps[ids].any(axis=1)[:, None] & known_m).astype(np.float64)

    return cls, availability


CRITERION = Criterion(
    name="availability",
    position=60,
    weights={"school": 10, "ministry": 10, "company": 10, "alumni": 10, "youth": 10},
    evidence=("availability-missing", "availability", "availability-none"),
    evaluate=evaluate,
    vectorised=vectorised,
)
