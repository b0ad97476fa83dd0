"""People as numpy arrays (the shapes the vectorised criteria and rules read), and the class helpers they share.

This module sits at the bottom of pair/: the criteria and eligibility
packages read an `Encoded` here, encode.py fills one, scoring.py combines
their tables. Nothing here imports another pair/ module but geo.

The speed comes from classes: for each criterion (and each rule) mentees fall
into few classes (the same theme set, the same département...). A table
class x mentor is computed once with the reference arithmetic; scoring a
block of mentees is then a row lookup in each table and an integer sum.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mentorat_cli.pair import geo

if TYPE_CHECKING:  # numpy loads when arrays are built: validate and status import the registries, never pair
    import numpy as np

# class ids -> values [len(ids), mentors]: float64 for a criterion, bool (True = broken) for a rule
RowFn = Callable[["np.ndarray"], "np.ndarray"]
# (class of each mentee, RowFn over class ids)
Spec = tuple["np.ndarray", RowFn]


@dataclass
class Side:
    """One side (mentors or mentees) as arrays, in id order."""

    ids: list[str]
    themes: np.ndarray  # bool [n, T]
    theme_count: np.ndarray  # int [n]
    publics: np.ndarray  # bool [n, P] (mentors: chosen publics; mentees: their public)
    public_count: np.ndarray  # int [n]
    langs: np.ndarray  # bool [n, L]
    slots: np.ndarray  # bool [n, 4]
    sector: np.ndarray  # int [n], -1 when missing
    school: np.ndarray  # int [n], -1 when missing
    fmt: np.ndarray  # int [n]: 0 any, 1 remote, 2 in_person, 3 hybrid
    place: np.ndarray  # int [n]: index in geo.table_matrix(), -1 unknown
    experience: np.ndarray  # float [n], nan when missing
    level: np.ndarray  # float [n], nan when missing
    paid: np.ndarray  # bool [n]
    civil: np.ndarray  # bool [n]
    # arrays a criterion or rule module encodes itself (its `encode` hook), by its name
    extra: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass
class Encoded:
    """Both sides plus the forbidden couples, ready for block scoring."""

    config: dict[str, Any]
    mentees: Side
    mentors: Side
    weights: dict[str, float]
    # rule -> (mentee index array, mentor index array) of couples that break it
    forbidden: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    # per-criterion and per-rule lookup tables, built on first use by scoring.py
    tables: dict[str, Any] = field(default_factory=dict)
    # every criterion of the programme by name (weighted or not: `must` may name one of weight 0)
    criteria: dict[str, Any] = field(default_factory=dict)
    # every eligibility rule of the programme by name, in order
    rules: dict[str, Any] = field(default_factory=dict)


def classes(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class of each row, one representative row per class) for a 1-D or 2-D array."""
    import numpy as np

    if matrix.ndim == 1:
        reps, inverse = np.unique(matrix, return_inverse=True)
        return inverse.astype(np.int64), reps
    if matrix.shape[0] == 0:
        return np.zeros(0, dtype=np.int64), matrix
    reps, inverse = np.unique(matrix, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), reps


def nan_codes(values: np.ndarray) -> np.ndarray:
    """Numbers as class keys, with missing (nan) as its own class."""
    import numpy as np

    return np.where(np.isnan(values), -1.0, values)


def km(places: np.ndarray, mentor_places: np.ndarray) -> np.ndarray:
    """Distances in km (nan when a place is unknown) from the one shared département matrix."""
    import numpy as np

    _, table = geo.table_matrix()
    a, b = places[:, None], mentor_places[None, :]
    return np.where((a < 0) | (b < 0), np.nan, table[np.maximum(a, 0), np.maximum(b, 0)])


def pairs(found: set[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Couples (mentee index, mentor index) as two sorted index arrays."""
    import numpy as np

    ordered = sorted(found)
    return (np.array([a for a, _ in ordered], dtype=np.int64), np.array([b for _, b in ordered], dtype=np.int64))
