"""The globally optimal assignment, with a proof that pruning lost nothing.

Objective `total`: most mentees matched, then the highest total score. Each
couple weighs BIG + score, with BIG larger than any possible total score, so
one extra pair always beats any score gain. The assignment itself is SciPy's
sparse min-cost matching on mentors expanded into one column per free place,
plus one "unmatched" column per mentee.

The proof is LP duality. With prices u (mentees) and v (mentors), both >= 0,
u_i + v_j >= w_ij on every couple, and equality on the pairs chosen, the
total cannot be beaten. The least such prices are found by a Bellman-Ford
style fixpoint over the candidate couples; then every couple left out by
pruning is checked (quickly via each mentee's best left-out score and, when
places are short, each mentor's; in full for the few mentees where those
bounds are not enough). A left-out couple that breaks the inequality is
added, and the problem solved again.

Objective `fair`: most mentees matched, then the highest lowest score (a
binary search on a score floor with maximum-cardinality matchings), then the
highest total among assignments that respect that floor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching, min_weight_full_bipartite_matching

from mentorat_cli.pair.candidates import Candidates

UNIT_MAX = 10_000  # a score of 100.00 in hundredths
Rescore = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class NotOptimal(Exception):
    """The prices found do not certify the assignment (a solver bug, never bad input)."""


@dataclass
class Solution:
    """mate[i] = mentor index or -1; how the optimum was proved."""

    mate: np.ndarray
    units: np.ndarray
    floor: int = 0
    rounds: int = 1
    added: int = 0
    checked_rows: int = 0
    proven: bool = True
    notes: list[str] = field(default_factory=list)


def big(n: int) -> int:
    """A weight for 'one more pair' that no sum of scores can outweigh."""
    return UNIT_MAX * (n + 1) + 1


def _expand(arc_i: np.ndarray, arc_j: np.ndarray, capacity: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Arcs to one column per free place: (arc index, row, slot column, slot -> mentor)."""
    offset = np.concatenate([[0], np.cumsum(capacity)]).astype(np.int64)
    slot_mentor = np.repeat(np.arange(len(capacity)), capacity)
    reps = capacity[arc_j]
    arc = np.repeat(np.arange(len(arc_i)), reps)
    first = np.repeat(np.cumsum(reps) - reps, reps)
    slot = offset[arc_j][arc] + (np.arange(len(arc)) - first)
    return arc, arc_i[arc], slot, slot_mentor


def assign(n: int, arc_i: np.ndarray, arc_j: np.ndarray, arc_w: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Max-weight assignment (weights > 0) respecting capacities: mate[i] = mentor or -1.

    SciPy's solver matches every row, so each row gets a zero-weight "unmatched" column; rows are
    the smaller side (mentees, or mentor places), which is several times faster when places are scarce.
    """
    mate = np.full(n, -1, dtype=np.int64)
    if len(arc_i) == 0:
        return mate
    rows, row_of = np.unique(arc_i, return_inverse=True)
    arc, _, slot, slot_mentor = _expand(arc_i, arc_j, capacity)
    places, r = len(slot_mentor), len(rows)
    top = float(arc_w.max()) + 1.0
    cost = top - arc_w[arc].astype(np.float64)
    if places < r:
        matrix = csr_matrix(
            (
                np.concatenate([cost, np.full(places, top)]),
                (np.concatenate([slot, np.arange(places)]), np.concatenate([row_of[arc], r + np.arange(places)])),
            ),
            shape=(places, r + places),
        )
        got_slots, got_rows = min_weight_full_bipartite_matching(matrix)
        real = got_rows < r
        mate[rows[got_rows[real]]] = slot_mentor[got_slots[real]]
        return mate
    matrix = csr_matrix(
        (
            np.concatenate([cost, np.full(r, top)]),
            (np.concatenate([row_of[arc], np.arange(r)]), np.concatenate([slot, places + np.arange(r)])),
        ),
        shape=(r, places + r),
    )
    got_rows, got_cols = min_weight_full_bipartite_matching(matrix)
    real = got_cols < places
    mate[rows[got_rows[real]]] = slot_mentor[got_cols[real]]
    return mate


def max_matched(n: int, arc_i: np.ndarray, arc_j: np.ndarray, capacity: np.ndarray) -> int:
    """The largest number of mentees that can be matched on these arcs."""
    if len(arc_i) == 0:
        return 0
    _, row, slot, slot_mentor = _expand(arc_i, arc_j, capacity)
    matrix = csr_matrix((np.ones(len(row), dtype=np.int8), (row, slot)), shape=(n, len(slot_mentor)))
    return int((maximum_bipartite_matching(matrix, perm_type="column") >= 0).sum())


def prices(
    n: int, arc_i: np.ndarray, arc_j: np.ndarray, arc_w: np.ndarray, capacity: np.ndarray, mate: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The least dual prices (u, v) certifying `mate` on these arcs; NotOptimal if none exist."""
    m = len(capacity)
    if m == 0 or n == 0:
        return np.zeros(n, dtype=np.int64), np.zeros(m, dtype=np.int64)
    chosen = np.zeros(n, dtype=np.int64)
    hit = mate[arc_i] == arc_j
    chosen[arc_i[hit]] = arc_w[hit]
    matched = np.flatnonzero(mate >= 0)
    load = np.bincount(mate[matched], minlength=m)
    spare = load < capacity
    order = np.argsort(arc_j, kind="stable")
    sorted_j = arc_j[order]
    heads = np.flatnonzero(np.r_[True, sorted_j[1:] != sorted_j[:-1]]) if len(order) else np.zeros(0, dtype=np.int64)
    v = np.zeros(m, dtype=np.int64)
    for _ in range(n + m + 2):
        u = np.where(mate >= 0, chosen - v[np.maximum(mate, 0)], 0)
        if (u < 0).any():
            raise NotOptimal("a chosen pair is worth less than its mentor's price")
        if len(order) == 0:
            return u, v
        need = np.zeros(m, dtype=np.int64)
        need[sorted_j[heads]] = np.maximum.reduceat((arc_w - u[arc_i])[order], heads)
        if (need[spare] > 0).any():
            raise NotOptimal("a mentor with a free place could take a better pair")
        new_v = np.where(spare, 0, np.maximum(v, need))
        if np.array_equal(new_v, v):
            return u, v
        v = new_v
    raise NotOptimal("prices did not settle")


def _violations(cand: Candidates, u: np.ndarray, v: np.ndarray, bigw: int, floor: int, rescore: Rescore) -> tuple[np.ndarray, int]:
    """Left-out couples with u_i + v_j < w_ij, and how many mentees needed a full check.

    Couples already among the candidates satisfy the inequality by construction of the prices.
    A left-out couple scores at most the mentee's best left-out score, so only mentors priced
    below BIG + that score - u_i can break it: the check rescores just those columns (and, with
    the mentors' own lists, only mentors priced below BIG + their column's bound).
    """
    need = bigw + cand.left_out - u
    suspect = np.flatnonzero((cand.left_out >= floor) & (need > 0))
    by_price = np.argsort(v, kind="stable")
    if cand.col_left is not None:
        # u_i >= 0, so a mentor priced at least BIG + its column's bound satisfies every left-out couple.
        by_price = by_price[(cand.col_left[by_price] >= floor) & (v[by_price] < bigw + cand.col_left[by_price])]
    prefix = np.searchsorted(v[by_price], need[suspect])
    suspect, prefix = suspect[prefix > 0], prefix[prefix > 0]  # no mentor cheap enough: nothing to check
    suspect, prefix = suspect[np.argsort(prefix, kind="stable")], np.sort(prefix)
    found: list[np.ndarray] = []
    for start in range(0, len(suspect), 256):
        rows = suspect[start : start + 256]
        cols = np.sort(by_price[: int(prefix[start : start + 256].max())])
        if len(cols) == 0:
            continue
        feasible, units = rescore(rows, cols)
        # u_i + v_j < BIG + units, with the sum computed once per cell
        slack = u[rows][:, None] + (v[cols] - bigw)[None, :]
        hit = units > slack
        hit &= feasible
        if floor > 0:
            hit &= units >= floor
        r, c = np.nonzero(hit)  # row-major: mentee order, then mentor order
        found.append(np.stack([rows[r], cols[c], units[r, c]], axis=1).astype(np.int64))
    extra = np.concatenate(found) if found else np.zeros((0, 3), dtype=np.int64)
    return extra, len(suspect)


def _optimise(n: int, cand: Candidates, capacity: np.ndarray, floor: int, rescore: Rescore, solution: Solution) -> np.ndarray:
    """Max matched then max total among couples scoring >= floor, proved on the full problem."""
    bigw = big(n)
    arc_i, arc_j, arc_u = cand.arc_i, cand.arc_j, cand.arc_u
    while True:
        keep = arc_u >= floor
        ai, aj, au = arc_i[keep], arc_j[keep], arc_u[keep]
        mate = assign(n, ai, aj, bigw + au, capacity)
        u, v = prices(n, ai, aj, bigw + au, capacity, mate)
        extra, checked = _violations(cand, u, v, bigw, floor, rescore)
        solution.checked_rows += checked
        if len(extra) == 0:
            cand.arc_i, cand.arc_j, cand.arc_u = arc_i, arc_j, arc_u
            return mate
        solution.rounds += 1
        solution.added += len(extra)
        arc_i = np.concatenate([arc_i, extra[:, 0]])
        arc_j = np.concatenate([arc_j, extra[:, 1]])
        arc_u = np.concatenate([arc_u, extra[:, 2]])


def _best_floor(n: int, cand: Candidates, capacity: np.ndarray, target: int) -> int:
    """The highest score floor that still lets `target` mentees be matched."""
    levels = np.unique(cand.arc_u)
    lo, hi = 0, len(levels) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        keep = cand.arc_u >= levels[mid]
        if max_matched(n, cand.arc_i[keep], cand.arc_j[keep], capacity) >= target:
            lo = mid
        else:
            hi = mid - 1
    return int(levels[lo]) if len(levels) else 0


def solve(cand: Candidates, capacity: np.ndarray, objective: str, rescore: Rescore) -> Solution:
    """The optimal assignment for `objective` ('total' or 'fair') over the candidates."""
    n = len(cand.left_out)
    solution = Solution(mate=np.full(n, -1, dtype=np.int64), units=np.full(n, -1, dtype=np.int64))
    mate = _optimise(n, cand, capacity, 0, rescore, solution)
    if objective == "fair":
        target = int((mate >= 0).sum())
        solution.floor = _best_floor(n, cand, capacity, target)
        if solution.floor > 0:
            mate = _optimise(n, cand, capacity, solution.floor, rescore, solution)
            # The floor is the best on the candidate lists; couples left out score no more than
            # every candidate of their mentee, so they rarely matter, but this is not proved.
            if (cand.left_out >= 0).any():
                solution.notes.append("floor-on-candidates")
    hit = mate[cand.arc_i] == cand.arc_j
    solution.units[cand.arc_i[hit]] = cand.arc_u[hit]
    solution.mate = _prefer_lower_ids(mate, solution.units, cand)
    return solution


def _prefer_lower_ids(mate: np.ndarray, units: np.ndarray, cand: Candidates) -> np.ndarray:
    """Give a tied place to the lower mentee id: an unmatched mentee takes the place of a later one
    who holds it with the same score (same count, same total, same lowest score: still optimal)."""
    unmatched = set(np.flatnonzero(mate < 0).tolist())
    if not unmatched:
        return mate
    holders: dict[int, list[int]] = {}
    for i, j in enumerate(mate.tolist()):
        if j >= 0:
            holders.setdefault(j, []).append(i)
    mine = np.flatnonzero(mate[cand.arc_i] < 0)
    # Only a couple whose (mentor, score) some holder shares can swap; swaps keep that set unchanged.
    held = np.flatnonzero(mate >= 0)
    mine = mine[np.isin(cand.arc_j[mine] * (UNIT_MAX + 1) + cand.arc_u[mine], mate[held] * (UNIT_MAX + 1) + units[held])]
    order = mine[np.lexsort((cand.arc_j[mine], cand.arc_i[mine]))]
    for i, j, u in zip(cand.arc_i[order].tolist(), cand.arc_j[order].tolist(), cand.arc_u[order].tolist(), strict=True):
        if i not in unmatched:
            continue
        later = [h for h in holders.get(j, []) if h > i and units[h] == u]
        if later:
            h = max(later)
            mate[i], mate[h], units[i], units[h] = j, -1, u, -1
            holders[j] = sorted([*(x for x in holders[j] if x != h), i])
            unmatched.discard(i)
            unmatched.add(h)
    return mate
