"""Themes: the share of the mentee's objective themes the mentor offers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorat_cli.core import kinds
from mentorat_cli.pair.arrays import Encoded, Spec, classes
from mentorat_cli.pair.criteria.base import Config, Criterion, Person, listing, mentee_themes, say

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np


def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    wanted = mentee_themes(mentee)
    if not wanted:
        return 0.0, say(lang, "themes-none")
    offered = set(mentor.get("themes", []))
    shared = [t for t in wanted if t in offered]
    if not shared:
        return 0.0, say(lang, "themes-no-match", wanted=listing(lang, [kinds.theme_label(config, t) for t in wanted]))
    labels = listing(lang, [kinds.theme_label(config, t) for t in shared])
    key = "themes-many" if len(shared) > 1 else "themes-only" if len(wanted) == 1 else "themes-one"
    return len(shared) / len(wanted), say(lang, key, shared=labels, count=len(shared), total=len(wanted))


def vectorised(enc: Encoded) -> Spec:
    import numpy as np

    cls, reps = classes(enc.mentees.themes)
    mt = enc.mentors.themes.T.astype(np.float32)

    def themes(ids: np.ndarray) -> np.ndarray:
        shared = (reps[ids].astype(np.float32) @ mt).astype(np.float64)
        count = reps[ids].sum(axis=1).astype(np.float64)[:, None]
        return np.where(count > 0, shared / np.maximum(count, 1), 0.0)

    return cls, themes


CRITERION = Criterion(
    name="themes",
    position=10,
    weights={"school": 35, "ministry": 40, "company": 40, "alumni": 35, "youth": 35},
    evidence=("themes-none", "themes-no-match", "themes-only", "themes-one", "themes-many"),
    evaluate=evaluate,
    vectorised=vectorised,
)
