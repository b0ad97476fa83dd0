"""The scores candidates.py ranks, in fewer passes over memory: what a national programme spends its time on.

scoring.block gives each couple's rules and points as separate arrays (a
mask per rule, a table lookup per criterion), then candidates.py combines
them: about twenty passes over every mentee x mentor cell, 3.6 billion
cells at 100,000 mentees x 60,000 mentors. Here the same integer tables are
joined ahead of time: criteria whose mentee classes are few share one table
(their points already added, class by class), and the rules, like a mentor
with no free place, become negative offsets in one of them. A block is then
two or three row lookups, one sum and one clip: the very same int16 values,
so the candidate lists (and the proposals) do not change by a byte
(tests/test_pair_packed.py holds them to scoring.block).

Offsets: a couple breaking a rule sits at BROKEN plus its points, a couple
whose mentor is full at FULL plus its points (under 0 either way: the sum of
points stays under POINTS_LIMIT, checked). The feasible mentors of each
mentee are counted once per class of rules, not per cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mentorat_cli.pair import scoring
from mentorat_cli.pair.arrays import Encoded

BROKEN = -30000  # a couple that breaks a rule: any sum of points keeps it under FEASIBLE_ALL
FULL = -12000  # a feasible couple whose mentor has no free place: any sum of points keeps it under 0
POINTS_LIMIT = 3000 - FULL  # points of a couple never reach this (10,000 plus rounding)
JOINT_CELLS = 16_000_000  # cells of one joined table (32 MB): bounds the tables' memory
UNITS_MAX = 10_000
Part = tuple[np.ndarray, np.ndarray]  # (mentee class, int16 table [classes, mentors])


@dataclass
class Packed:
    """Joined int16 tables (joint class x mentor) and each mentee's joint class; the named-people couples."""

    cols: np.ndarray  # the mentors scored (all, or those with a free place)
    classes: list[np.ndarray]  # int64 [mentees] per table
    tables: list[np.ndarray]  # int16 [joint classes, cols]
    broken_i: np.ndarray  # int64 mentee index of couples a named-people rule or an earlier pair forbids
    broken_j: np.ndarray  # int64 position in cols of those couples' mentor
    feasible_all: np.ndarray  # int64 [mentees]: feasible mentors, full or not
    feasible: np.ndarray  # int64 [mentees]: feasible mentors with a free place


def _whole(enc: Encoded, key: str, make: scoring.Maker) -> Part | None:
    """(mentee class, whole table), None when the table is too big to keep (then scoring.block is used)."""
    cls, table = scoring.table(enc, key, make)
    return (cls, table) if isinstance(table, np.ndarray) else None


def _joint(a: Part, b: Part) -> Part:
    """Two tables as one: each mentee's combined class, and the sum of the two tables per combined class that occurs."""
    codes, inverse = np.unique(a[0] * b[1].shape[0] + b[0], return_inverse=True)
    first, second = np.divmod(codes, b[1].shape[0])
    return inverse.reshape(-1).astype(np.int64), a[1][first] + b[1][second]


def _occurring(a: Part, b: Part) -> int:
    """How many combined classes of two tables occur among the mentees."""
    return len(np.unique(a[0] * b[1].shape[0] + b[0]))


def _rules(enc: Encoded, capacity: np.ndarray) -> Part | None:
    """The rules with class tables as one table of offsets: BROKEN, FULL or 0."""
    masks: list[Part] = []
    for name, rule in enc.rules.items():
        if rule.pairs is None and rule.vectorised is not None and rule.active(enc.config):
            for part, make in enumerate(rule.vectorised(enc)):
                found = _whole(enc, f"rule:{name}:{part}", make)
                if found is None:
                    return None
                masks.append((found[0], found[1].astype(np.int16)))
    joined: Part = (np.zeros(len(enc.mentees.ids), dtype=np.int64), np.zeros((1, len(capacity)), dtype=np.int16))
    for mask in masks:
        joined = _joint(joined, mask)
    cls, broken = joined
    offsets = np.where(broken > 0, np.int16(BROKEN), np.where(capacity > 0, np.int16(0), np.int16(FULL))[None, :])
    return cls, offsets.astype(np.int16)


def _groups(parts: list[Part], m: int) -> list[Part]:
    """Tables joined greedily, fewest classes first, while a joined table stays under JOINT_CELLS."""
    out: list[Part] = []
    for part in sorted(parts, key=lambda part: part[1].shape[0]):
        if out and _occurring(out[-1], part) * m <= JOINT_CELLS:
            out[-1] = _joint(out[-1], part)
        else:
            out.append(part)
    return out


def _named(enc: Encoded, previous: dict[int, list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Every couple a named-people rule or an earlier pair forbids, once each: (mentee indexes, mentor indexes)."""
    found = [enc.forbidden[name] for name, rule in enc.rules.items() if rule.pairs is not None]
    found.append((np.array([i for i, js in previous.items() for _ in js]), np.array([j for js in previous.values() for j in js])))
    m = max(len(enc.mentors.ids), 1)
    codes = np.unique(np.concatenate([np.asarray(i, dtype=np.int64) * m + np.asarray(j, dtype=np.int64) for i, j in found]))
    return np.divmod(codes, m)


def _counts(rules: Part, named: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Feasible mentors of each mentee (full or not, then with a free place): per class of rules, less its named couples."""
    cls, offsets = rules
    every = np.count_nonzero(offsets != BROKEN, axis=1)[cls]
    free = np.count_nonzero(offsets == 0, axis=1)[cls]
    i, j = named
    hit = offsets[cls[i], j]
    np.subtract.at(every, i[hit != BROKEN], 1)
    np.subtract.at(free, i[hit == 0], 1)
    return every, free


def pack(enc: Encoded, capacity: np.ndarray, previous: dict[int, list[int]], k: int) -> Packed | None:
    """The joined tables for this run; None when a table is kept per block or the points could overflow.

    Only the mentors with a free place are scored when there are more than k of them (half the
    mentors of a national programme are full): with k or fewer, every mentor is, as top_k's ties
    between them then depend on the full mentors' -1 cells.
    """
    parts: list[Part] = []
    for name in enc.weights:
        found = _whole(enc, f"points:{name}", scoring.point_maker(enc, name))
        if found is None or (found[1].size and int(found[1].min()) < 0):
            return None
        parts.append(found)
    if sum(int(t.max()) if t.size else 0 for _, t in parts) >= POINTS_LIMIT:
        return None
    rules = _rules(enc, capacity)
    if rules is None:
        return None
    named = _named(enc, previous)
    every, free = _counts(rules, named)
    cols = np.flatnonzero(capacity > 0)
    cols = cols if len(cols) > k else np.arange(len(capacity))
    at = np.full(len(capacity), -1, dtype=np.int64)
    at[cols] = np.arange(len(cols))
    keep = at[named[1]] >= 0
    # (table[:, cols] is laid out column by column: made row by row, a block's rows are copied whole.)
    joined = _groups([(cls, np.ascontiguousarray(table[:, cols])) for cls, table in [*parts, rules]], len(cols))
    return Packed(cols, [cls for cls, _ in joined], [table for _, table in joined], named[0][keep], at[named[1][keep]], every, free)


def block(p: Packed, rows: np.ndarray, position: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(scores int16 over p.cols with -1 where infeasible or full, feasible mentors, feasible mentors with a free place).

    `position` maps a mentee index to its row in this block (-1 elsewhere), reset by the caller.
    """
    scores = p.tables[0][p.classes[0][rows]]
    for cls, table in zip(p.classes[1:], p.tables[1:], strict=True):
        scores += table[cls[rows]]
    keep = position[p.broken_i] >= 0
    scores[position[p.broken_i[keep]], p.broken_j[keep]] = BROKEN
    np.clip(scores, -1, UNITS_MAX, out=scores)
    return scores, p.feasible_all[rows], p.feasible[rows]
