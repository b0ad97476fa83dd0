"""The best K mentors of each mentee, found block by block, and what was left out.

Keeping every feasible couple of a national programme (up to 240 million)
would not fit in memory; the solver works on each mentee's best K mentors
and solve.py proves afterwards that no couple left out could do better.
Among equal scores the lower mentor id ranks first, so the lists (and the
result) are the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from mentorat_cli.pairing import scoring
from mentorat_cli.pairing.encode import Encoded

CELLS_PER_BLOCK = 3_000_000  # mentees x mentors scored at once: bounds peak memory
Progress = Callable[[int, int], None]


@dataclass
class Candidates:
    """Arcs (mentee, mentor, score units), grouped by mentee, best first; plus what pruning left out."""

    arc_i: np.ndarray       # int64
    arc_j: np.ndarray       # int64
    arc_u: np.ndarray       # int64 score units
    left_out: np.ndarray    # int64 [mentees]: best score units among feasible couples left out, -1 if none
    feasible: np.ndarray    # int64 [mentees]: feasible mentors with a free place
    feasible_all: np.ndarray  # int64 [mentees]: feasible mentors, full or not


def block_rows(enc: Encoded) -> int:
    """How many mentees to score at once."""
    return max(1, CELLS_PER_BLOCK // max(1, len(enc.mentors.ids)))


def tie_key(units: np.ndarray, mentors: int) -> np.ndarray:
    """A sort key that ranks by score, then by lower mentor index (int64, -1 for excluded)."""
    j = np.arange(mentors, dtype=np.int64)[None, :]
    return units.astype(np.int64) * mentors + (mentors - 1 - j)


def build(enc: Encoded, capacity: np.ndarray, k: int, previous: dict[int, list[int]],
          rows: np.ndarray | None = None, progress: Progress | None = None) -> Candidates:
    """The best k couples of each mentee among mentors with a free place."""
    n, m = len(enc.mentees.ids), len(enc.mentors.ids)
    rows = np.arange(n) if rows is None else rows
    open_ = capacity > 0
    parts_i, parts_j, parts_u = [], [], []
    left_out = np.full(n, -1, dtype=np.int64)
    feasible_n = np.zeros(n, dtype=np.int64)
    feasible_all = np.zeros(n, dtype=np.int64)
    step = block_rows(enc)
    if m == 0:
        rows = rows[:0]
    for start in range(0, len(rows), step):
        chunk = rows[start:start + step]
        feasible, units = scoring.block(enc, chunk, previous)
        feasible_all[chunk] = feasible.sum(axis=1)
        feasible &= open_[None, :]
        feasible_n[chunk] = feasible.sum(axis=1)
        key = np.where(feasible, tie_key(units, m), -1)
        take = min(k + 1, m)
        top = np.argpartition(-key, take - 1, axis=1)[:, :take] if take < m else np.tile(np.arange(m), (len(chunk), 1))
        top_key = np.take_along_axis(key, top, axis=1)
        order = np.argsort(-top_key, axis=1, kind="stable")
        top, top_key = np.take_along_axis(top, order, axis=1), np.take_along_axis(top_key, order, axis=1)
        if top.shape[1] > k:
            extra = top_key[:, k]
            left_out[chunk] = np.where(extra >= 0, extra // m, -1)
            top, top_key = top[:, :k], top_key[:, :k]
        keep = top_key >= 0
        parts_i.append(np.broadcast_to(chunk[:, None], top.shape)[keep])
        parts_j.append(top[keep])
        parts_u.append(top_key[keep] // m)
        if progress is not None:
            progress(min(start + step, len(rows)), len(rows))
    cat = (lambda parts: np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64))
    return Candidates(cat(parts_i), cat(parts_j), cat(parts_u), left_out, feasible_n, feasible_all)


def rescore(enc: Encoded, rows: np.ndarray, capacity: np.ndarray, previous: dict[int, list[int]]
            ) -> tuple[np.ndarray, np.ndarray]:
    """Full rows again, for the optimality check: (feasible with a free place, units)."""
    feasible, units = scoring.block(enc, rows, previous)
    return feasible & (capacity > 0)[None, :], units.astype(np.int64)
