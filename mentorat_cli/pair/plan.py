"""Who takes part in a pairing run, and the optimal assignment for them.

Confirmed pairs, and proposals a human has edited (unless forced), are kept
as they are and use their mentor's places; mentees whose relationship ended
as completed are done; every other accepted mentee is paired, never again
with a mentor of an earlier pair of theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mentorat_cli.core.model import Programme, Record
from mentorat_cli.pair import candidates, encode, solve
from mentorat_cli.pair import eligibility as rules

# Keys `mentorat pair` writes in a proposal: any other key means a human added to it.
GENERATED_KEYS = frozenset({"id", "mentee", "mentor", "status", "proposed_on", "replaces", "score", "criteria", "alternatives"})
DEFAULT_K = 40


@dataclass
class Setup:
    """The participants of a run, as lists in id order, and what is already decided."""

    config: dict[str, Any]
    mentees: list[Record]  # accepted mentees to pair
    mentors: list[Record]  # accepted mentors (all, even with no free place)
    capacity: np.ndarray  # free places per mentor
    total_capacity: np.ndarray  # places per mentor
    fixed: list[Record]  # confirmed and kept pairs
    kept: list[str]  # proposals kept because a human edited them
    previous: dict[int, list[int]]  # mentee index -> mentor indexes of their ended pairs
    replaces: dict[str, str]  # mentee id -> their latest ended pair id
    managers: dict[str, str]
    stale: list[Record] = field(default_factory=list)  # proposals that may be replaced


@dataclass
class Run:
    """A solved run: the setup, the encoded people, the candidate lists and the solution."""

    setup: Setup
    enc: encode.Encoded
    cand: candidates.Candidates
    solution: solve.Solution
    k: int = DEFAULT_K


def hand_edited(pair: Record) -> bool:
    """A proposal holding keys `mentorat pair` never writes has been edited by a human."""
    return bool(set(pair.data) - GENERATED_KEYS)


def _capacity(config: dict[str, Any], mentor: Record) -> int:
    cap = config["capacity"]
    return max(0, min(int(mentor.data.get("capacity", cap["default"])), int(cap["max"])))


def setup(prog: Programme, force: bool = False, only: set[str] | None = None, ending: str | None = None) -> Setup:
    """Participants and fixed pairs; `only` pairs just those mentees (every other active pair is kept)."""
    config = prog.config
    mentors = [r for _, r in sorted(prog.mentors.items()) if r.data.get("status") == "accepted"]
    accepted = [r for _, r in sorted(prog.mentees.items()) if r.data.get("status") == "accepted"]
    fixed, kept, stale, busy, done = [], [], [], set(), set()
    replaces: dict[str, tuple[str, str]] = {}
    ended_with: dict[str, set[str]] = {}
    for pid, pair in sorted(prog.pairs.items()):
        data = pair.data
        status = "ended" if pid == ending else data["status"]
        if status == "ended":
            ended_with.setdefault(data["mentee"], set()).add(data["mentor"])
            if data.get("ended_by") == "completed" and pid != ending:
                done.add(data["mentee"])
            # The pair being ended now is the latest one, whatever the dates on file.
            key = ("~", pid) if pid == ending else (str(data.get("ended_on", "")), pid)
            replaces[data["mentee"]] = max(replaces.get(data["mentee"], key), key)
        elif status == "confirmed" or (only is not None and data["mentee"] not in only) or (not force and hand_edited(pair)):
            fixed.append(pair)
            busy.add(data["mentee"])
            if status == "proposed":
                kept.append(pid)
        else:
            stale.append(pair)
    wanted = [r for r in accepted if r.id not in busy and r.id not in done and (only is None or r.id in only)]
    mentor_at = {r.id: j for j, r in enumerate(mentors)}
    total = np.array([_capacity(config, r) for r in mentors], dtype=np.int64)
    used = np.zeros(len(mentors), dtype=np.int64)
    for pair in fixed:
        if pair.data["mentor"] in mentor_at:
            used[mentor_at[pair.data["mentor"]]] += 1
    previous = {
        i: sorted(mentor_at[m] for m in ended_with.get(r.id, ()) if m in mentor_at) for i, r in enumerate(wanted) if ended_with.get(r.id)
    }
    people = [r.data for r in [*prog.mentors.values(), *prog.mentees.values()]]
    return Setup(
        config,
        wanted,
        mentors,
        np.maximum(total - used, 0),
        total,
        fixed,
        kept,
        {i: js for i, js in previous.items() if js},
        {m: key[1] for m, key in replaces.items()},
        rules.managers_by_email(people),
        stale,
    )


def run(s: Setup, objective: str = "total", k: int = DEFAULT_K, progress: candidates.Progress | None = None) -> Run:
    """Score, prune and solve: the proven optimum for this setup."""
    enc = encode.encode(s.config, [r.data for r in s.mentees], [r.data for r in s.mentors], s.managers)
    cand = candidates.build(enc, s.capacity, k, s.previous, progress=progress)

    def rescore(rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return candidates.rescore(enc, rows, s.capacity, s.previous, cols)

    solution = solve.solve(cand, s.capacity, objective, rescore)
    return Run(s, enc, cand, solution, k)


def row_arcs(r: Run, limit: int = 4, mentees: np.ndarray | None = None) -> dict[int, list[tuple[int, int]]]:
    """mentee index -> its best `limit` candidates (mentor index, units), best first, ties by mentor id
    (only for `mentees` when given: a national programme has 2.4 million arcs, its proposals half the mentees)."""
    cand = r.cand
    if mentees is not None:
        pick = np.isin(cand.arc_i, mentees)
        cand = candidates.Candidates(cand.arc_i[pick], cand.arc_j[pick], cand.arc_u[pick], cand.left_out, cand.feasible, cand.feasible_all)
    order = np.lexsort((cand.arc_j, -cand.arc_u, cand.arc_i))
    rows = cand.arc_i[order]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else np.zeros(0, dtype=np.int64)
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    keep = order[rank < limit]
    out: dict[int, list[tuple[int, int]]] = {}
    for i, j, u in zip(cand.arc_i[keep].tolist(), cand.arc_j[keep].tolist(), cand.arc_u[keep].tolist(), strict=False):
        out.setdefault(i, []).append((j, u))
    return out


def holders(r: Run) -> dict[int, list[str]]:
    """mentor index -> the mentees holding their places (kept pairs and this run's proposals), sorted."""
    at = {m.id: j for j, m in enumerate(r.setup.mentors)}
    out: dict[int, list[str]] = {}
    for pair in r.setup.fixed:
        if pair.data["mentor"] in at:
            out.setdefault(at[pair.data["mentor"]], []).append(pair.data["mentee"])
    for i, j in enumerate(r.solution.mate.tolist()):
        if j >= 0:
            out.setdefault(j, []).append(r.setup.mentees[i].id)
    return {j: sorted(names) for j, names in out.items()}
