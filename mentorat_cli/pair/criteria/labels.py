"""The two same-label criteria (sector, school) share their forms: built by `same_label(field)`."""

from __future__ import annotations

from mentorat_cli.pair.arrays import Encoded, Spec, classes
from mentorat_cli.pair.criteria.base import Config, Person, Reference, Vectorised, norm, say


def reference(field: str) -> Reference:
    """1 when both sides give the same label (compared whole, see base.norm), 0 otherwise or when one is missing."""

    def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
        a, b = norm(mentor.get(field)), norm(mentee.get(field))
        if not a or not b:
            return 0.0, say(lang, f"{field}-missing")
        if a == b:
            return 1.0, say(lang, f"{field}-same", value=mentor[field])
        return 0.0, say(lang, f"{field}-different", mentor=mentor[field], mentee=mentee[field])

    return evaluate


def vectorised(field: str) -> Vectorised:
    """The same over label codes (arrays.Side.<field>, -1 when missing)."""

    def spec(enc: Encoded) -> Spec:
        import numpy as np  # here, not above: vectorised(field) runs when the registry loads

        cls, reps = classes(getattr(enc.mentees, field))
        mc = getattr(enc.mentors, field)[None, :]
        return cls, lambda ids: ((reps[ids][:, None] == mc) & (reps[ids][:, None] >= 0)).astype(np.float64)

    return spec


def sentence_keys(field: str) -> tuple[str, ...]:
    return (f"{field}-missing", f"{field}-same", f"{field}-different")
