"""distance: at most eligibility.max_distance_km apart, for programmes that meet in person only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mentorat_cli.core.messages import text
from mentorat_cli.pair import geo
from mentorat_cli.pair.arrays import Encoded, Spec, classes, km
from mentorat_cli.pair.eligibility.base import Config, Makers, Person, Rule

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np


def active(config: Config) -> bool:
    return config["eligibility"]["max_distance_km"] is not None and config.get("format") == "in_person"


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    limit = config["eligibility"]["max_distance_km"]
    apart = geo.distance_km(mentor.get("location"), mentee.get("location"))
    if apart is None:
        return text("reason-distance-unknown")
    if apart > limit:
        return text("reason-distance", km=apart, limit=limit)
    return None


def vectorised(enc: Encoded) -> Makers:
    import numpy as np

    def make() -> Spec:
        cls, reps = classes(enc.mentees.place)
        limit = enc.config["eligibility"]["max_distance_km"]

        def far(ids: np.ndarray) -> np.ndarray:
            apart = km(reps[ids], enc.mentors.place)
            with np.errstate(invalid="ignore"):
                return np.isnan(apart) | (apart > limit)

        return cls, far

    return [make]


RULE = Rule(
    name="distance",
    position=80,
    reasons=("reason-distance-unknown", "reason-distance"),
    check=check,
    active=active,
    vectorised=vectorised,
)
