"""The best K mentors of each mentee, found block by block, and what was left out.

Keeping every feasible couple of a national programme (up to 240 million)
would not fit in memory; the solver works on each mentee's best K mentors
and solve.py proves afterwards that no couple left out could do better.
Among equal scores the lower mentor id ranks first, so the lists (and the
result) are the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mentorat_cli.pair import scoring
from mentorat_cli.pair.encode import Encoded

CELLS_PER_BLOCK = 3_000_000  # mentees x mentors scored at once: bounds peak memory
UNITS_MAX = 10_000  # a score of 100.00 in hundredths
MENTOR_K = 60  # each mentor's best mentees, added when places are short (see MentorTops)
Progress = Callable[[int, int], None]


@dataclass
class Candidates:
    """Arcs (mentee, mentor, score units), grouped by mentee; plus what pruning left out."""

    arc_i: np.ndarray  # int64
    arc_j: np.ndarray  # int64
    arc_u: np.ndarray  # int64 score units
    left_out: np.ndarray  # int64 [mentees]: best score units among feasible couples left out, -1 if none
    feasible: np.ndarray  # int64 [mentees]: feasible mentors with a free place
    feasible_all: np.ndarray  # int64 [mentees]: feasible mentors, full or not
    # int64 [mentors]: a bound on the score of any couple left out in this mentor's column, -1 if none;
    # None when the mentors' own lists were not built (no bound but each mentee's)
    col_left: np.ndarray | None = None


def block_rows(enc: Encoded) -> int:
    """How many mentees to score at once."""
    return max(1, CELLS_PER_BLOCK // max(1, len(enc.mentors.ids)))


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The k best cells of each row (higher score, then lower column), skipping -1; and the best left out.

    np.partition on 16-bit scores is an order of magnitude faster than
    argpartition on sort keys: find the k-th and (k+1)-th best values, keep
    what is above, and fill with the lowest columns among ties.
    """
    rows, m = scores.shape
    if m > k:
        # One kth only: partitioning at two positions at once is several times slower.
        parts = np.partition(scores, m - k - 1, axis=1)
        left = parts[:, m - k - 1].astype(np.int64)
        kth = parts[:, m - k :].min(axis=1)
    else:
        kth, left = np.full(rows, -1, dtype=scores.dtype), np.full(rows, -1, dtype=np.int64)
    kth = np.maximum(kth, 0)[:, None]  # fewer than k feasible: take every feasible cell
    above = scores > kth
    room = k - above.sum(axis=1)
    r_above, j_above = np.divmod(np.flatnonzero(above), m)
    r_tie, j_tie = np.divmod(np.flatnonzero(scores == kth), m)
    # rank of each tie within its row (nonzero lists them row by row, columns ascending)
    starts = np.searchsorted(r_tie, np.arange(rows))
    keep = (np.arange(len(r_tie)) - starts[r_tie]) < room[r_tie]
    r = np.concatenate([r_above, r_tie[keep]])
    j = np.concatenate([j_above, j_tie[keep]]).astype(np.int64)
    return r, j, scores[r, j].astype(np.int64), np.where(left >= 0, left, -1)


class MentorTops:
    """Each mentor's best `k` mentees seen so far (higher score, then lower mentee index).

    In a tight programme (fewer places than mentees) a mentor that is nobody's top choice is
    still needed to match as many mentees as possible; without couples of its own the proof
    adds them back by the hundred thousand, one full re-solve per round. A block only touches
    the entries that beat a mentor's current k-th best, so this costs little after the first blocks.
    """

    def __init__(self, n: int, m: int, k: int) -> None:
        self.n, self.m, self.k = n, m, k
        self.cols = np.zeros(0, dtype=np.int64)
        self.keys = np.zeros(0, dtype=np.int64)
        self.floor = np.full(m, -1, dtype=np.int16)  # k-th best score once a mentor has k entries
        self.last = -1
        self.pending: list[np.ndarray] = []  # offered entries not yet merged, as sort keys
        self.count = 0

    def add(self, chunk: np.ndarray, scores: np.ndarray) -> None:
        """Offer a block of scores (-1 where infeasible) for these mentee indexes."""
        if len(chunk) and chunk.min() > self.last:
            # Mentees come in index order: one scoring the same as a mentor's k-th best loses the tie.
            r, c = np.nonzero(scores > self.floor[None, :])
        else:
            r, c = np.nonzero((scores >= self.floor[None, :]) & (scores >= 0))
        self.last = max(self.last, int(chunk.max())) if len(chunk) else self.last
        self.pending.append(
            (c.astype(np.int64) << 32) | ((1 << 32) - 1 - (scores[r, c].astype(np.int64) * (self.n + 1) + (self.n - chunk[r])))
        )
        self.count += len(c)
        if self.count > self.m * self.k:
            self._reduce()

    def _reduce(self) -> None:
        # One int64 sort: mentor first, then best key first (keys < 2**32, unique per mentor).
        order = np.sort(np.concatenate([(self.cols << 32) | ((1 << 32) - 1 - self.keys), *self.pending]))
        self.pending, self.count = [], 0
        cols = order >> 32
        starts = np.searchsorted(cols, np.arange(self.m))
        rank = np.arange(len(cols)) - starts[cols]
        order = order[rank < self.k]
        self.cols, self.keys = order >> 32, (1 << 32) - 1 - (order & ((1 << 32) - 1))
        if len(self.keys) == 0:  # no feasible couple offered yet
            self.floor = np.full(self.m, -1, dtype=np.int16)
            return
        full = np.bincount(self.cols, minlength=self.m) >= self.k
        last = np.searchsorted(self.cols, np.arange(self.m), side="right") - 1
        self.floor = np.where(full, self.keys[np.maximum(last, 0)] // (self.n + 1), -1).astype(np.int16)

    def arcs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(mentee, mentor, units) of every kept couple, by mentor then rank."""
        self._reduce()
        return self.n - self.keys % (self.n + 1), self.cols, self.keys // (self.n + 1)


def _merge(
    i: np.ndarray, j: np.ndarray, u: np.ndarray, extra: tuple[np.ndarray, np.ndarray, np.ndarray], m: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mentee lists, then the mentors' couples not already in them (appended, so the lists keep their order)."""
    ei, ej, eu = extra
    have = np.sort(i * m + j)
    order = np.argsort(ei * m + ej)  # by mentee, then mentor (the codes are unique)
    code = (ei * m + ej)[order]
    at = np.minimum(np.searchsorted(have, code), max(len(have) - 1, 0))
    order = order[have[at] != code] if len(have) else order
    return np.concatenate([i, ei[order]]), np.concatenate([j, ej[order]]), np.concatenate([u, eu[order]])


def build(
    enc: Encoded,
    capacity: np.ndarray,
    k: int,
    previous: dict[int, list[int]],
    rows: np.ndarray | None = None,
    progress: Progress | None = None,
) -> Candidates:
    """The best k couples of each mentee among mentors with a free place (plus each mentor's best when places are short)."""
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
    # Only when places are short: otherwise the mentors' lists are rarely needed and cost time.
    # (Their sort keys must fit 32 bits: true up to 429,000 mentees.)
    tight = m > k and int(capacity.sum()) < len(rows) and (UNITS_MAX + 1) * (n + 1) < 1 << 32
    tops = MentorTops(n, m, MENTOR_K if tight else 0)
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        feasible, units = scoring.block(enc, chunk, previous)
        feasible_all[chunk] = feasible.sum(axis=1)
        feasible &= open_[None, :]
        feasible_n[chunk] = feasible.sum(axis=1)
        scores = np.where(feasible, units, np.int16(-1))
        i, j, u, best_left = top_k(scores, k)
        if tops.k:
            tops.add(chunk, scores)
        left_out[chunk] = best_left
        parts_i.append(chunk[i])
        parts_j.append(j)
        parts_u.append(u)
        if progress is not None:
            progress(min(start + step, len(rows)), len(rows))

    def cat(parts):
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)

    arc_i, arc_j, arc_u = cat(parts_i), cat(parts_j), cat(parts_u)
    if not tops.k:
        return Candidates(arc_i, arc_j, arc_u, left_out, feasible_n, feasible_all)
    arc_i, arc_j, arc_u = _merge(arc_i, arc_j, arc_u, tops.arcs(), m)
    # A mentee outside a mentor's full list scores at most its k-th best; a list not full holds them all.
    return Candidates(arc_i, arc_j, arc_u, left_out, feasible_n, feasible_all, tops.floor.astype(np.int64))


def rescore(
    enc: Encoded, rows: np.ndarray, capacity: np.ndarray, previous: dict[int, list[int]], cols: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Rows again (all mentors, or these columns), for the optimality check: (feasible with a free place, units)."""
    feasible, units = scoring.block(enc, rows, previous, cols)
    open_ = capacity > 0 if cols is None else capacity[cols] > 0
    return feasible & open_[None, :], units.astype(np.int64)
