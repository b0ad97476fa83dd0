"""Score and check every couple of a block of mentees against all mentors at once.

The engine over the registries: each criterion (pair/criteria/) and each
rule (pair/eligibility/) gives its vectorised form, a table class x mentor
(see arrays.py); here the tables are built once, cached in the encoding, and
looked up row by row for each block of mentees. A pure-Python double loop
over the 240 million couples of a national programme would take about 20
minutes; the property tests hold these results to the reference forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mentorat_cli.pair.arrays import Encoded, RowFn, Spec

PREVIOUS = "previous_mentor"
TABLE_CELLS = 40_000_000  # above this, a table is computed per block instead of kept whole
Maker = Callable[[], Spec]


def table(enc: Encoded, key: str, make: Maker) -> tuple[np.ndarray, Any]:
    """(mentee class, whole table or row function), cached in the encoding."""
    if key not in enc.tables:
        cls, fn = make()
        classes = int(cls.max()) + 1 if len(cls) else 0
        whole = fn(np.arange(classes)) if classes * len(enc.mentors.ids) <= TABLE_CELLS else None
        enc.tables[key] = (cls, whole if whole is not None else fn)
    return enc.tables[key]


def _rows(enc: Encoded, key: str, make: Callable[[], Spec], rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    cls, found = table(enc, key, make)
    ids = cls[rows]
    if cols is None:
        return found[ids] if isinstance(found, np.ndarray) else found(ids)
    # Slice the (small) class table first, then look rows up: only the cells asked for are copied.
    return found[:, cols][ids] if isinstance(found, np.ndarray) else found(ids)[:, cols]


def values(enc: Encoded, name: str, rows: np.ndarray) -> np.ndarray:
    """One criterion's values [len(rows), mentors] as float64 (the same arithmetic as its reference form)."""
    return _rows(enc, f"value:{name}", lambda: enc.criteria[name].vectorised(enc), rows)


def point_maker(enc: Encoded, name: str) -> Maker:
    """The maker of one criterion's table of points in hundredths (criteria.criterion_units), kept as `points:<name>`."""
    total, weight = sum(enc.weights.values()), enc.weights[name]

    def make() -> Spec:
        cls, fn = enc.criteria[name].vectorised(enc)
        scaled: RowFn = lambda ids: np.rint(weight * fn(ids) * 10000.0 / total).astype(np.int16)  # noqa: E731
        return cls, scaled

    return make


def points(enc: Encoded, name: str, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    """One criterion's points in hundredths [len(rows), mentors] (criteria.criterion_units)."""
    return _rows(enc, f"points:{name}", point_maker(enc, name), rows, cols)


def _width(enc: Encoded, cols: np.ndarray | None) -> int:
    return len(enc.mentors.ids) if cols is None else len(cols)


def units(enc: Encoded, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    """Scores in integer hundredths [len(rows), mentors (or cols)]: the sum of the criteria's points."""
    out = np.zeros((len(rows), _width(enc, cols)), dtype=np.int16)
    for name in enc.weights:
        out += points(enc, name, rows, cols)
    return np.minimum(out, np.int16(10000))


def _sparse(enc: Encoded, pairs: tuple[np.ndarray, np.ndarray], rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    mask = np.zeros((len(rows), len(enc.mentors.ids)), dtype=bool)
    position = np.full(len(enc.mentees.ids), -1, dtype=np.int64)
    position[rows] = np.arange(len(rows))
    ii, jj = pairs
    if len(ii):
        keep = position[ii] >= 0
        mask[position[ii[keep]], jj[keep]] = True
    return mask if cols is None else mask[:, cols]


def rule_masks(
    enc: Encoded, rows: np.ndarray, previous: dict[int, list[int]] | None = None, cols: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """rule -> bool [len(rows), mentors (or cols)], True where the couple breaks that rule, in the rules' order.

    Rules about named people are always listed (their couples were found at
    encoding); the others only when the programme asks for them.
    """
    masks: dict[str, np.ndarray] = {}
    for name, rule in enc.rules.items():
        if rule.pairs is not None:
            masks[name] = _sparse(enc, enc.forbidden[name], rows, cols)
        elif rule.vectorised is not None and rule.active(enc.config):
            makers = rule.vectorised(enc)
            if len(makers) == 1:  # the common case: no copy
                masks[name] = _rows(enc, f"rule:{name}:0", makers[0], rows, cols)
                continue
            mask = np.zeros((len(rows), _width(enc, cols)), dtype=bool)
            for part, make in enumerate(makers):
                mask |= _rows(enc, f"rule:{name}:{part}", make, rows, cols)
            masks[name] = mask
    if previous:
        listed = [(i, j) for i, js in previous.items() for j in js]
        masks[PREVIOUS] = _sparse(enc, (np.array([a for a, _ in listed]), np.array([b for _, b in listed])), rows, cols)
    return masks


def rule_classes(enc: Encoded) -> list[np.ndarray]:
    """The mentee classes of every rule table rule_masks reads: mentees alike in all of them (and in no
    named-people couple or earlier pair) break the same rules with every mentor."""
    out = []
    for name, rule in enc.rules.items():
        if rule.pairs is None and rule.vectorised is not None and rule.active(enc.config):
            out += [table(enc, f"rule:{name}:{part}", make)[0] for part, make in enumerate(rule.vectorised(enc))]
    return out


def block(
    enc: Encoded, rows: np.ndarray, previous: dict[int, list[int]] | None = None, cols: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(feasible bool, score units int16) for these mentees against every mentor (or these columns)."""
    feasible = np.ones((len(rows), _width(enc, cols)), dtype=bool)
    for mask in rule_masks(enc, rows, previous, cols).values():
        feasible &= ~mask
    return feasible, units(enc, rows, cols)


def first_rule(masks: dict[str, np.ndarray]) -> np.ndarray:
    """Index into list(masks) of the first rule each couple breaks, -1 when feasible."""
    stacked = np.stack(list(masks.values()))
    first = np.argmax(stacked, axis=0).astype(np.int8)
    return np.where(stacked.any(axis=0), first, np.int8(-1))
