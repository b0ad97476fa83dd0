"""Distance: 1 at 0 km, one half at the programme's distance scale; only for programmes that meet in person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorat_cli.pair import geo
from mentorat_cli.pair.arrays import Encoded, Spec, classes, km
from mentorat_cli.pair.criteria.base import Config, Criterion, Person, say

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np

NEAR_FORMATS = ("in_person", "hybrid")


def applies(config: Config) -> bool:
    """Distance matters only when the programme meets in person, at least sometimes."""
    return config.get("format") in NEAR_FORMATS


def value(config: Config, kilometres: float) -> float:
    """1 at 0 km, one half at the programme's distance scale, towards 0 far away."""
    scale = float(config["matching"]["distance_scale_km"])
    return scale / (scale + kilometres)


def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    if not applies(config):
        return 0.0, say(lang, "distance-remote")
    apart = geo.distance_km(mentor.get("location"), mentee.get("location"))
    if apart is None:
        return 0.0, say(lang, "distance-unknown")
    if apart == 0:
        return value(config, apart), say(lang, "distance-same")
    return value(config, apart), say(lang, "distance", km=f"{apart:.0f}")


def vectorised(enc: Encoded) -> Spec:
    import numpy as np

    cls, reps = classes(enc.mentees.place)
    scale = float(enc.config["matching"]["distance_scale_km"])
    on = applies(enc.config)

    def distance(ids: np.ndarray) -> np.ndarray:
        apart = km(reps[ids], enc.mentors.place)
        if not on:
            return np.zeros(apart.shape)
        return np.where(np.isnan(apart), 0.0, scale / (scale + np.nan_to_num(apart)))

    return cls, distance


CRITERION = Criterion(
    name="distance",
    position=40,
    weights={"school": 0, "ministry": 10, "company": 10, "alumni": 0, "youth": 25},
    evidence=("distance-remote", "distance-unknown", "distance-same", "distance"),
    evaluate=evaluate,
    vectorised=vectorised,
    applies=applies,
)
