"""Public: the mentee's public is one the mentor chose (a mentor who chose none is open to all)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentorat_cli.core import kinds
from mentorat_cli.pair.arrays import Encoded, Spec, classes
from mentorat_cli.pair.criteria.base import Config, Criterion, Person, listing, say

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np

# A mentor who names no preferred public is open to all of them, but a stated match counts more.
PUBLIC_OPEN = 0.5


def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    public = mentee.get("public")
    if not public:
        return 0.0, say(lang, "public-missing")
    chosen = mentor.get("publics", [])
    if not chosen:
        return PUBLIC_OPEN, say(lang, "public-open")
    if public in chosen:
        return 1.0, say(lang, "public", public=kinds.public_label(config, public))
    return 0.0, say(
        lang,
        "public-other",
        public=kinds.public_label(config, public),
        chosen=listing(lang, [kinds.public_label(config, p) for p in chosen]),
    )


def vectorised(enc: Encoded) -> Spec:
    import numpy as np

    cls, reps = classes(enc.mentees.publics)
    mp, open_ = enc.mentors.publics.T.astype(np.float32), (enc.mentors.public_count == 0)[None, :]

    def public(ids: np.ndarray) -> np.ndarray:
        chosen = (reps[ids].astype(np.float32) @ mp) > 0
        has = reps[ids].any(axis=1)[:, None]
        return np.where(~has, 0.0, np.where(open_, PUBLIC_OPEN, chosen.astype(np.float64)))

    return cls, public


CRITERION = Criterion(
    name="public",
    position=30,
    weights={"school": 25, "ministry": 15, "company": 15, "alumni": 10, "youth": 10},
    evidence=("public-missing", "public-open", "public", "public-other"),
    evaluate=evaluate,
    vectorised=vectorised,
)
