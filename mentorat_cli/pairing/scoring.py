"""Score and check every couple of a block of mentees against all mentors at once.

Same semantics as criteria.py and rules.py (a property test holds them to
it), computed with numpy on whole blocks: a pure-Python double loop over the
240 million couples of a national programme would take about 20 minutes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mentorat_cli import rules
from mentorat_cli.pairing import criteria, geo
from mentorat_cli.pairing.encode import FORMAT_TABLE, Encoded

# Rules in the order rules.RULE_ORDER reports them, then pairing's own exclusion.
PREVIOUS = "previous_mentor"


def values(enc: Encoded, name: str, rows: np.ndarray) -> np.ndarray:
    """One criterion's values [len(rows), mentors] as float64 (same arithmetic as criteria.py)."""
    e, m, config = enc.mentees, enc.mentors, enc.config
    if name == "themes":
        shared = e.themes[rows].astype(np.float32) @ m.themes.T.astype(np.float32)
        count = e.theme_count[rows].astype(np.float64)[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(count > 0, shared.astype(np.float64) / np.maximum(count, 1), 0.0)
    if name in ("sector", "school"):
        a, b = getattr(e, name)[rows][:, None], getattr(m, name)[None, :]
        return ((a == b) & (a >= 0)).astype(np.float64)
    if name == "public":
        chosen = (e.publics[rows].astype(np.float32) @ m.publics.T.astype(np.float32)) > 0
        has = (e.public_count[rows] > 0)[:, None]
        open_ = (m.public_count == 0)[None, :]
        return np.where(~has, 0.0, np.where(open_, criteria.PUBLIC_OPEN, chosen.astype(np.float64)))
    if name == "distance":
        if not criteria.distance_applies(config):
            return np.zeros((len(rows), len(m.ids)))
        km = _km(enc, rows)
        scale = float(config["matching"]["distance_scale_km"])
        return np.where(np.isnan(km), 0.0, scale / (scale + np.nan_to_num(km)))
    if name == "format":
        return FORMAT_TABLE[m.fmt[None, :], e.fmt[rows][:, None]]
    if name == "availability":
        shared = (e.slots[rows].astype(np.float32) @ m.slots.T.astype(np.float32)) > 0
        known = (e.slots[rows].any(axis=1)[:, None]) & (m.slots.any(axis=1)[None, :])
        return (shared & known).astype(np.float64)
    raise KeyError(name)


def _km(enc: Encoded, rows: np.ndarray) -> np.ndarray:
    """Distances in km (nan when a place is unknown) from the one shared département matrix."""
    _, table = geo.table_matrix()
    a, b = enc.mentees.place[rows][:, None], enc.mentors.place[None, :]
    km = table[np.maximum(a, 0), np.maximum(b, 0)]
    return np.where((a < 0) | (b < 0), np.nan, km)


def units(enc: Encoded, rows: np.ndarray) -> np.ndarray:
    """Scores in integer hundredths [len(rows), mentors]."""
    total = sum(enc.weights.values())
    if total <= 0:
        return np.zeros((len(rows), len(enc.mentors.ids)), dtype=np.int32)
    weighted = np.zeros((len(rows), len(enc.mentors.ids)))
    for name, weight in enc.weights.items():
        weighted += weight * values(enc, name, rows)
    return np.rint(weighted * 100.0 / total * 100.0).astype(np.int32)


def _gap(a: np.ndarray, b: np.ndarray, gap: float) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.isnan(a) | np.isnan(b) | (a - b < gap)


def rule_masks(enc: Encoded, rows: np.ndarray, previous: dict[int, list[int]] | None = None
               ) -> dict[str, np.ndarray]:
    """rule -> bool [len(rows), mentors], True where the couple breaks that rule."""
    e, m, config = enc.mentees, enc.mentors, enc.config
    elig, shape = config["eligibility"], (len(rows), len(m.ids))
    masks: dict[str, np.ndarray] = {}
    position = np.full(len(e.ids), -1, dtype=np.int64)
    position[rows] = np.arange(len(rows))
    for name in ("not_with", "hierarchy"):
        mask = np.zeros(shape, dtype=bool)
        ii, jj = enc.forbidden[name]
        keep = position[ii] >= 0 if len(ii) else np.zeros(0, dtype=bool)
        mask[position[ii[keep]], jj[keep]] = True
        masks[name] = mask
    if elig["min_experience_gap_years"] is not None:
        masks["experience_gap"] = _gap(m.experience[None, :], e.experience[rows][:, None], elig["min_experience_gap_years"])
    if elig["min_level_gap"] is not None:
        masks["level_gap"] = _gap(m.level[None, :], e.level[rows][:, None], elig["min_level_gap"])
    if elig["require_membership"]:
        masks["membership"] = ~(m.paid[None, :] & e.paid[rows][:, None])
    if elig["mentor_civil_servant"]:
        masks["civil_servant"] = np.broadcast_to(~m.civil[None, :], shape)
    if elig["shared_language"]:
        masks["language"] = (e.langs[rows].astype(np.float32) @ m.langs.T.astype(np.float32)) == 0
    if elig["max_distance_km"] is not None and config.get("format") == "in_person":
        km = _km(enc, rows)
        with np.errstate(invalid="ignore"):
            masks["distance"] = np.isnan(km) | (km > elig["max_distance_km"])
    if elig.get("must"):
        must = np.zeros(shape, dtype=bool)
        for name in elig["must"]:
            must |= values(enc, name, rows) <= 0
        masks["must"] = must
    if previous:
        mask = np.zeros(shape, dtype=bool)
        for i, js in previous.items():
            if position[i] >= 0:
                mask[position[i], js] = True
        masks[PREVIOUS] = mask
    return {name: masks[name] for name in (*rules.RULE_ORDER, PREVIOUS) if name in masks}


def block(enc: Encoded, rows: np.ndarray, previous: dict[int, list[int]] | None = None
          ) -> tuple[np.ndarray, np.ndarray]:
    """(feasible bool, score units int32) for these mentees against every mentor."""
    feasible = np.ones((len(rows), len(enc.mentors.ids)), dtype=bool)
    for mask in rule_masks(enc, rows, previous).values():
        feasible &= ~mask
    return feasible, units(enc, rows)


def first_rule(masks: dict[str, np.ndarray]) -> np.ndarray:
    """Index into list(masks) of the first rule each couple breaks, -1 when feasible."""
    if not masks:
        return np.zeros((0, 0), dtype=np.int8)
    stacked = np.stack(list(masks.values()))
    first = np.argmax(stacked, axis=0).astype(np.int8)
    return np.where(stacked.any(axis=0), first, np.int8(-1))


def describe(config: dict[str, Any]) -> list[str]:
    """Criteria names that count, in order (the columns of the scores table)."""
    return list(criteria.active_weights(config))
