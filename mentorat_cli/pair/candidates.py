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

from mentorat_cli.pair import packed, scoring
from mentorat_cli.pair.encode import Encoded

CELLS_PER_BLOCK = 3_000_000  # mentees x mentors scored at once: bounds peak memory
UNITS_MAX = 10_000  # a score of 100.00 in hundredths
GROUP = 64  # columns whose maximum _thresholds takes at once
MENTOR_K = 60  # each mentor's best mentees, added when places are short (see MentorTops)
Progress = Callable[[int, int], None]
Cells = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, units
Block = tuple[np.ndarray, np.ndarray, np.ndarray]  # scores (-1: infeasible or full), feasible mentors, those with a free place


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


def _thresholds(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, Cells, np.ndarray]:
    """Each row's k-th best score and its (k+1)-th best (the best left out), -1 where there is none;
    the cells reaching the k-th best in the rows settled here (row by row); the rows left to the caller.

    A full partition of each row costs 20 ns a cell. Instead, the row's columns go by groups of
    GROUP: the (k+1)-th best of the groups' maxima is a floor that at least k+1 cells reach, and few
    more; the exact k-th and (k+1)-th best are then among those cells, sorted cheaply. A row is left
    to a full partition only when its floor had to be raised to 0 (fewer than k+1 feasible groups).
    """
    rows, m = scores.shape
    kth, left = np.full(rows, -1, dtype=np.int64), np.full(rows, -1, dtype=np.int64)
    none: Cells = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    todo, hits = np.arange(rows), none
    if m <= k:
        return kth, left, none, todo  # every feasible cell is kept: no k-th best to find
    groups = m // GROUP
    if groups > k:
        # Group q holds columns q, q + groups, q + 2 groups...: a maximum over the middle axis runs on whole slices.
        maxima = scores[:, : groups * GROUP].reshape(rows, GROUP, groups).max(axis=1)
        floor = np.maximum(np.sort(maxima, axis=1)[:, groups - k - 1], 0).astype(scores.dtype)
        flat = np.flatnonzero(scores >= floor[:, None])
        r, c = np.divmod(flat, m)
        units = scores.ravel()[flat].astype(np.int64)
        counts = np.bincount(r, minlength=rows)
        best = units[np.lexsort((-units, r))]  # by row, best first
        starts = np.cumsum(counts) - counts
        ok = counts > k
        kth[ok], left[ok] = best[starts[ok] + k - 1], best[starts[ok] + k]
        settled = ok[r]
        hits, todo = (r[settled], c[settled], units[settled]), np.flatnonzero(~ok)
    if len(todo):
        # One kth only: partitioning at two positions at once is several times slower.
        parts = np.partition(scores[todo], m - k - 1, axis=1)
        left[todo], kth[todo] = parts[:, m - k - 1], parts[:, m - k :].min(axis=1)
    return kth, np.where(left >= 0, left, -1), hits, todo


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The k best cells of each row (higher score, then lower column), skipping -1; and the best left out.

    Cells come out row by row, those above the row's k-th best first, then the ties (lowest columns).
    """
    rows, m = scores.shape
    kth, left, (r, j, units), todo = _thresholds(scores, k)
    kth = np.maximum(kth, 0)  # fewer than k feasible: take every feasible cell
    if len(todo):
        sub = scores[todo]
        more_r, more_j = np.divmod(np.flatnonzero(sub >= kth[todo].astype(scores.dtype)[:, None]), m)
        r, j = np.concatenate([r, todo[more_r]]), np.concatenate([j, more_j])
        units = np.concatenate([units, sub[more_r, more_j].astype(np.int64)])
        order = np.lexsort((j, r))  # row by row again
        r, j, units = r[order], j[order], units[order]
    reach = units >= kth[r]
    r, j, units = r[reach], j[reach], units[reach]
    tie = units == kth[r]
    above = ~tie
    room = k - np.bincount(r[above], minlength=rows)
    r_tie = r[tie]
    # rank of each tie within its row (the cells come row by row, columns ascending)
    starts = np.searchsorted(r_tie, np.arange(rows))
    keep = (np.arange(len(r_tie)) - starts[r_tie]) < room[r_tie]
    return (
        np.concatenate([r[above], r_tie[keep]]),
        np.concatenate([j[above], j[tie][keep]]),
        np.concatenate([units[above], units[tie][keep]]),
        left,
    )


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
            flat = np.flatnonzero(scores > self.floor[None, :])
        else:
            flat = np.flatnonzero((scores >= self.floor[None, :]) & (scores >= 0))
        r, c = np.divmod(flat, self.m)  # row by row, as np.nonzero (several times slower) gives them
        self.last = max(self.last, int(chunk.max())) if len(chunk) else self.last
        self.pending.append((c << 32) | ((1 << 32) - 1 - (scores.ravel()[flat].astype(np.int64) * (self.n + 1) + (self.n - chunk[r]))))
        self.count += len(c)
        if self.count > self.m * self.k:
            self._reduce()

    def _reduce(self) -> None:
        # Int64 sort keys: mentor first, then best key first (keys < 2**32, unique per mentor). The kept
        # entries are sorted already: sort the new ones, then a stable sort (timsort) merges the two runs.
        fresh = np.sort(np.concatenate(self.pending)) if self.pending else np.zeros(0, dtype=np.int64)
        order = np.sort(np.concatenate([(self.cols << 32) | ((1 << 32) - 1 - self.keys), fresh]), kind="stable")
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


def _scorer(enc: Encoded, capacity: np.ndarray, previous: dict[int, list[int]], k: int) -> tuple[np.ndarray, Callable[[np.ndarray], Block]]:
    """The mentors scored, and a block's scores over them (-1 where infeasible or full) with its feasible counts:
    by packed.py when it can, else by scoring.block over every mentor."""
    found = packed.pack(enc, capacity, previous, k)
    if found is not None:
        position = np.full(len(enc.mentees.ids), -1, dtype=np.int64)

        def fast(chunk: np.ndarray) -> Block:
            position[chunk] = np.arange(len(chunk))
            try:
                return packed.block(found, chunk, position)
            finally:
                position[chunk] = -1

        return found.cols, fast
    open_ = capacity > 0

    def reference(chunk: np.ndarray) -> Block:
        feasible, units = scoring.block(enc, chunk, previous)
        every = feasible.sum(axis=1)
        feasible &= open_[None, :]
        return np.where(feasible, units, np.int16(-1)), every, feasible.sum(axis=1)

    return np.arange(len(capacity)), reference


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
    parts_i, parts_j, parts_u = [], [], []
    left_out = np.full(n, -1, dtype=np.int64)
    feasible_n = np.zeros(n, dtype=np.int64)
    feasible_all = np.zeros(n, dtype=np.int64)
    if m == 0:
        rows = rows[:0]
    # Only when places are short: otherwise the mentors' lists are rarely needed and cost time.
    # (Their sort keys must fit 32 bits: true up to 429,000 mentees.)
    tight = m > k and int(capacity.sum()) < len(rows) and (UNITS_MAX + 1) * (n + 1) < 1 << 32
    cols, score = _scorer(enc, capacity, previous, k)
    # Scored columns only: a full mentor's column is all -1, which no list and no mentor's list keeps.
    tops = MentorTops(n, len(cols), MENTOR_K if tight else 0)
    step = block_rows(enc)  # (arcs come out block by block: other blocks, another order of the same arcs)
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        scores, feasible_all[chunk], feasible_n[chunk] = score(chunk)
        i, j, u, best_left = top_k(scores, k)
        if tops.k:
            tops.add(chunk, scores)
        left_out[chunk] = best_left
        parts_i.append(chunk[i])
        parts_j.append(cols[j])
        parts_u.append(u)
        if progress is not None:
            progress(min(start + step, len(rows)), len(rows))

    def cat(parts):
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)

    arc_i, arc_j, arc_u = cat(parts_i), cat(parts_j), cat(parts_u)
    if not tops.k:
        return Candidates(arc_i, arc_j, arc_u, left_out, feasible_n, feasible_all)
    ti, tj, tu = tops.arcs()
    arc_i, arc_j, arc_u = _merge(arc_i, arc_j, arc_u, (ti, cols[tj], tu), m)
    # A mentee outside a mentor's full list scores at most its k-th best; a list not full holds them all.
    col_left = np.full(m, -1, dtype=np.int64)
    col_left[cols] = tops.floor
    return Candidates(arc_i, arc_j, arc_u, left_out, feasible_n, feasible_all, col_left)


def rescore(
    enc: Encoded, rows: np.ndarray, capacity: np.ndarray, previous: dict[int, list[int]], cols: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Rows again (all mentors, or these columns), for the optimality check: (feasible with a free place, units)."""
    feasible, units = scoring.block(enc, rows, previous, cols)
    open_ = capacity > 0 if cols is None else capacity[cols] > 0
    return feasible & open_[None, :], units.astype(np.int64)
