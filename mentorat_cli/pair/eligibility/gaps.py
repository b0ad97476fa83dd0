"""The two minimum-gap rules (experience, level) share their forms: built here per field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mentorat_cli.core.messages import text
from mentorat_cli.pair.arrays import Encoded, Spec, classes, nan_codes
from mentorat_cli.pair.eligibility.base import Check, Config, Makers, Person

if TYPE_CHECKING:  # numpy loads in the vectorised form only: validate and status read this registry without pairing
    import numpy as np


def setting(key: str) -> Callable[[Config], bool]:
    """Active when programme.yaml's eligibility.<key> is set."""
    return lambda config: config["eligibility"][key] is not None


def reference(key: str, field: str, missing: str, broken: str, unit: str) -> Check:
    """Broken when the mentor's `field` is less than eligibility.<key> above the mentee's, or either is missing."""

    def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
        gap = config["eligibility"][key]
        a, b = mentor.get(field), mentee.get(field)
        if a is None or b is None:
            return text(missing)
        if a - b < gap:
            return text(broken, **{unit: a - b}, gap=gap)
        return None

    return check


def vectorised(key: str, attr: str) -> Callable[[Encoded], Makers]:
    """The same over arrays.Side.<attr> (nan when missing)."""

    def makers(enc: Encoded) -> Makers:
        return [lambda: _spec(enc, attr, enc.config["eligibility"][key])]

    return makers


def _spec(enc: Encoded, attr: str, gap: float) -> Spec:
    import numpy as np

    cls, reps = classes(nan_codes(getattr(enc.mentees, attr)))
    mv = getattr(enc.mentors, attr)[None, :]

    def broken(ids: np.ndarray) -> np.ndarray:
        a = np.where(reps[ids] < 0, np.nan, reps[ids])[:, None]
        with np.errstate(invalid="ignore"):
            return np.isnan(a) | np.isnan(mv) | (mv - a < gap)

    return cls, broken
