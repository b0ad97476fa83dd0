"""Score and check every couple of a block of mentees against all mentors at once.

Same semantics as criteria.py and rules.py (a property test holds them to
it), computed with numpy: a pure-Python double loop over the 240 million
couples of a national programme would take about 20 minutes.

The speed comes from classes: for each criterion (and each rule) mentees
fall into few classes (the same theme set, the same département...). A table
class x mentor is computed once with the reference arithmetic; scoring a
block of mentees is then a row lookup in each table and an integer sum.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mentorat_cli.pair import criteria, declared, geo
from mentorat_cli.pair import eligibility as rules
from mentorat_cli.pair.encode import FORMAT_TABLE, Encoded

PREVIOUS = "previous_mentor"
TABLE_CELLS = 40_000_000  # above this, a table is computed per block instead of kept whole
RowFn = Callable[[np.ndarray], np.ndarray]


def _classes(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class of each row, one representative row per class) for a 1-D or 2-D array."""
    if matrix.ndim == 1:
        reps, inverse = np.unique(matrix, return_inverse=True)
        return inverse.astype(np.int64), reps
    if matrix.shape[0] == 0:
        return np.zeros(0, dtype=np.int64), matrix
    reps, inverse = np.unique(matrix, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), reps


def _nan_codes(values: np.ndarray) -> np.ndarray:
    """Numbers as class keys, with missing (nan) as its own class."""
    return np.where(np.isnan(values), -1.0, values)


def _value_spec(enc: Encoded, name: str) -> tuple[np.ndarray, RowFn]:
    """(mentee class, function: class ids -> values [len, mentors]) for one criterion."""
    e, m, config = enc.mentees, enc.mentors, enc.config
    if name == "themes":
        cls, reps = _classes(e.themes)
        mt = m.themes.T.astype(np.float32)

        def themes(ids: np.ndarray) -> np.ndarray:
            shared = (reps[ids].astype(np.float32) @ mt).astype(np.float64)
            count = reps[ids].sum(axis=1).astype(np.float64)[:, None]
            return np.where(count > 0, shared / np.maximum(count, 1), 0.0)

        return cls, themes
    if name in ("sector", "school"):
        cls, reps = _classes(getattr(e, name))
        mc = getattr(m, name)[None, :]
        return cls, lambda ids: ((reps[ids][:, None] == mc) & (reps[ids][:, None] >= 0)).astype(np.float64)
    if name == "public":
        cls, reps = _classes(e.publics)
        mp, open_ = m.publics.T.astype(np.float32), (m.public_count == 0)[None, :]

        def public(ids: np.ndarray) -> np.ndarray:
            chosen = (reps[ids].astype(np.float32) @ mp) > 0
            has = reps[ids].any(axis=1)[:, None]
            return np.where(~has, 0.0, np.where(open_, criteria.PUBLIC_OPEN, chosen.astype(np.float64)))

        return cls, public
    if name == "distance":
        cls, reps = _classes(e.place)
        scale = float(config["matching"]["distance_scale_km"])
        applies = criteria.distance_applies(config)

        def distance(ids: np.ndarray) -> np.ndarray:
            km = _km(reps[ids], m.place)
            if not applies:
                return np.zeros(km.shape)
            return np.where(np.isnan(km), 0.0, scale / (scale + np.nan_to_num(km)))

        return cls, distance
    if name == "format":
        return e.fmt.astype(np.int64), lambda ids: FORMAT_TABLE[m.fmt[None, :], ids[:, None]]
    if name == "availability":
        cls, reps = _classes(e.slots)
        ms, known_m = m.slots.T.astype(np.float32), np.asarray(m.slots.any(axis=1))[None, :]

        def availability(ids: np.ndarray) -> np.ndarray:
            shared = (reps[ids].astype(np.float32) @ ms) > 0
            return (shared & reps[ids].any(axis=1)[:, None] & known_m).astype(np.float64)

        return cls, availability
    return declared.value_spec(enc, name)  # hook: criteria the programme declares


def _km(places: np.ndarray, mentor_places: np.ndarray) -> np.ndarray:
    """Distances in km (nan when a place is unknown) from the one shared département matrix."""
    _, table = geo.table_matrix()
    a, b = places[:, None], mentor_places[None, :]
    return np.where((a < 0) | (b < 0), np.nan, table[np.maximum(a, 0), np.maximum(b, 0)])


def _table(enc: Encoded, key: str, make: Callable[[], tuple[np.ndarray, RowFn]]) -> tuple[np.ndarray, Any]:
    """(mentee class, whole table or row function), cached in the encoding."""
    if key not in enc.tables:
        cls, fn = make()
        classes = int(cls.max()) + 1 if len(cls) else 0
        whole = fn(np.arange(classes)) if classes * len(enc.mentors.ids) <= TABLE_CELLS else None
        enc.tables[key] = (cls, whole if whole is not None else fn)
    return enc.tables[key]


def _rows(
    enc: Encoded, key: str, make: Callable[[], tuple[np.ndarray, RowFn]], rows: np.ndarray, cols: np.ndarray | None = None
) -> np.ndarray:
    cls, table = _table(enc, key, make)
    ids = cls[rows]
    if cols is None:
        return table[ids] if isinstance(table, np.ndarray) else table(ids)
    # Slice the (small) class table first, then look rows up: only the cells asked for are copied.
    return table[:, cols][ids] if isinstance(table, np.ndarray) else table(ids)[:, cols]


def values(enc: Encoded, name: str, rows: np.ndarray) -> np.ndarray:
    """One criterion's values [len(rows), mentors] as float64 (same arithmetic as criteria.py)."""
    return _rows(enc, f"value:{name}", lambda: _value_spec(enc, name), rows)


def points(enc: Encoded, name: str, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    """One criterion's points in hundredths [len(rows), mentors] (criteria.criterion_units)."""
    total, weight = sum(enc.weights.values()), enc.weights[name]

    def make() -> tuple[np.ndarray, RowFn]:
        cls, fn = _value_spec(enc, name)
        return cls, lambda ids: np.rint(weight * fn(ids) * 10000.0 / total).astype(np.int16)

    return _rows(enc, f"points:{name}", make, rows, cols)


def _width(enc: Encoded, cols: np.ndarray | None) -> int:
    return len(enc.mentors.ids) if cols is None else len(cols)


def units(enc: Encoded, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
    """Scores in integer hundredths [len(rows), mentors (or cols)]: the sum of the criteria's points."""
    out = np.zeros((len(rows), _width(enc, cols)), dtype=np.int16)
    for name in enc.weights:
        out += points(enc, name, rows, cols)
    return np.minimum(out, np.int16(10000))


def _gap_spec(enc: Encoded, attr: str, gap: float) -> tuple[np.ndarray, RowFn]:
    cls, reps = _classes(_nan_codes(getattr(enc.mentees, attr)))
    mv = getattr(enc.mentors, attr)[None, :]

    def broken(ids: np.ndarray) -> np.ndarray:
        a = np.where(reps[ids] < 0, np.nan, reps[ids])[:, None]
        with np.errstate(invalid="ignore"):
            return np.isnan(a) | np.isnan(mv) | (mv - a < gap)

    return cls, broken


def _rule_spec(enc: Encoded, name: str) -> tuple[np.ndarray, RowFn]:
    """(mentee class, function: class ids -> bool [len, mentors], True where the rule is broken)."""
    e, m, elig = enc.mentees, enc.mentors, enc.config["eligibility"]
    if name == "experience_gap":
        return _gap_spec(enc, "experience", elig["min_experience_gap_years"])
    if name == "level_gap":
        return _gap_spec(enc, "level", elig["min_level_gap"])
    if name == "membership":
        return e.paid.astype(np.int64), lambda ids: ~(m.paid[None, :] & (ids[:, None] == 1))
    if name == "civil_servant":
        return np.zeros(len(e.ids), dtype=np.int64), lambda ids: np.broadcast_to(~m.civil[None, :], (len(ids), len(m.ids)))
    if name == "language":
        cls, reps = _classes(e.langs)
        ml = m.langs.T.astype(np.float32)
        return cls, lambda ids: (reps[ids].astype(np.float32) @ ml) == 0
    if name == "distance":
        cls, reps = _classes(e.place)
        limit = elig["max_distance_km"]

        def far(ids: np.ndarray) -> np.ndarray:
            km = _km(reps[ids], m.place)
            with np.errstate(invalid="ignore"):
                return np.isnan(km) | (km > limit)

        return cls, far
    raise KeyError(name)


def _active_rules(enc: Encoded) -> list[str]:
    elig, config = enc.config["eligibility"], enc.config
    on = {
        "experience_gap": elig["min_experience_gap_years"] is not None,
        "level_gap": elig["min_level_gap"] is not None,
        "membership": bool(elig["require_membership"]),
        "civil_servant": bool(elig["mentor_civil_servant"]),
        "language": bool(elig["shared_language"]),
        "distance": elig["max_distance_km"] is not None and config.get("format") == "in_person",
    }
    return [name for name, active in on.items() if active]


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
    """rule -> bool [len(rows), mentors (or cols)], True where the couple breaks that rule (in rules.RULE_ORDER)."""
    masks = {name: _sparse(enc, enc.forbidden[name], rows, cols) for name in ("not_with", "hierarchy")}
    for name in _active_rules(enc):
        masks[name] = _rows(enc, f"rule:{name}", lambda name=name: _rule_spec(enc, name), rows, cols)  # type: ignore[misc]
    must = enc.config["eligibility"].get("must") or []
    if must:
        masks["must"] = np.zeros((len(rows), _width(enc, cols)), dtype=bool)
        for name in must:
            masks["must"] |= _rows(enc, f"must:{name}", lambda name=name: _must_spec(enc, name), rows, cols)  # type: ignore[misc]
    for name in declared.rule_names(enc.config):  # hook: the programme's declared rules
        masks[name] = _rows(enc, f"declared:{name}", lambda name=name: declared.rule_spec(enc, name), rows, cols)  # type: ignore[misc]
    if previous:
        listed = [(i, j) for i, js in previous.items() for j in js]
        masks[PREVIOUS] = _sparse(enc, (np.array([a for a, _ in listed]), np.array([b for _, b in listed])), rows, cols)
    return {name: masks[name] for name in (*rules.RULE_ORDER, *declared.rule_names(enc.config), PREVIOUS) if name in masks}


def _must_spec(enc: Encoded, name: str) -> tuple[np.ndarray, RowFn]:
    cls, fn = _value_spec(enc, name)
    return cls, lambda ids: fn(ids) <= 0


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
