"""`mentorat pair` when places are short: still the exact optimum, proved without rounds of couples added back."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
from conftest import snapshot, write_tree
from scipy.optimize import linear_sum_assignment
from test_pair_helpers import load, mentee, mentor, programme_yaml, proposals

from mentorat_cli.check import pipeline
from mentorat_cli.pair import criteria
from mentorat_cli.pair import eligibility as rules

THEMES = ["networking", "teamwork", "organisation", "self-confidence"]
SLOTS = ["weekday_daytime", "weekday_evening", "weekend"]


def _tight_programme(root: Path, n_mentors: int, n_mentees: int, seed: int) -> None:
    """Fewer places than mentees, and more mentors than candidates per mentee."""
    rng = random.Random(seed)
    weights = {c: 0 for c in criteria.CRITERIA} | {"themes": 60, "availability": 30, "sector": 10}
    config = {
        "matching": {"weights": weights},
        "capacity": {"default": 1, "max": 2},
        "eligibility": {"min_experience_gap_years": 8, "mentor_civil_servant": True},
    }
    tree = {"programme.yaml": programme_yaml(config)}
    for k in range(n_mentors):
        tree.update(
            [
                mentor(
                    f"mentor-{k:03d}",
                    capacity=rng.choice([1, 1, 1, 2]),
                    themes=rng.sample(THEMES, rng.randint(1, 4)),
                    experience_years=rng.randint(5, 30),
                    sector=rng.choice(["finance", "santé"]),
                    availability=rng.sample(SLOTS, rng.randint(1, 2)),
                )
            ]
        )
    for k in range(n_mentees):
        tree.update(
            [
                mentee(
                    f"mentee-{k:03d}",
                    rng.sample(THEMES, rng.randint(1, 2)),
                    experience_years=rng.randint(0, 15),
                    sector=rng.choice(["finance", "santé"]),
                    availability=rng.sample(SLOTS, rng.randint(1, 2)),
                )
            ]
        )
    write_tree(root, tree)


def _exact(root: Path) -> tuple[int, int]:
    """(most matched, best total units) from the reference rules and scores and SciPy's dense solver."""
    prog, _ = pipeline.load(root)
    mentors = [r.data for _, r in sorted(prog.mentors.items())]
    mentees = [r.data for _, r in sorted(prog.mentees.items())]
    managers = rules.managers_by_email(mentors + mentees)
    slots = [j for j, m in enumerate(mentors) for _ in range(int(m.get("capacity", 1)))]
    big = 10_000 * (len(mentees) + 1) + 1
    units = np.full((len(mentees), len(mentors)), -1, dtype=np.int64)
    for i, person in enumerate(mentees):
        for j, other in enumerate(mentors):
            if not rules.violations(prog.config, other, person, {"managers": managers}):
                units[i, j] = criteria.score(prog.config, other, person)[0]
    weight = np.where(units >= 0, big + units, 0)[:, slots]
    rows, cols = linear_sum_assignment(weight, maximize=True)
    got = units[rows, np.array(slots)[cols]]
    chosen = got[weight[rows, cols] > 0]
    return len(chosen), int(chosen.sum())


def _summary(root: Path) -> dict[str, Any]:
    return load(root / "pairing.yaml")


def test_tight_programme_is_exactly_optimal_and_proved_in_one_round(tmp_path, run_cli):
    root = tmp_path
    _tight_programme(root, n_mentors=90, n_mentees=160, seed=7)
    # 10 candidates per mentee out of 90 mentors: mentors nobody ranks high are still needed.
    result = run_cli(["--root", root, "pair", "--candidates", "10"])
    assert result.code == 0, result.err
    found = {k: v for k, v in proposals(root).items() if v["status"] == "proposed"}
    got = (len(found), sum(round(v["score"] * 100) for v in found.values()))
    assert got == _exact(root)
    optimality = _summary(root)["optimality"]
    assert optimality["proven"] is True
    # Each mentor's best mentees are among the candidates: no round of couples added back.
    assert (optimality["rounds"], optimality["couples_added"]) == (1, 0)
    before = snapshot(root)
    assert run_cli(["--root", root, "pair", "--candidates", "10"]).code == 0
    assert snapshot(root) == before


def test_tight_programme_with_few_candidates_stays_exact(tmp_path, run_cli):
    root = tmp_path
    _tight_programme(root, n_mentors=60, n_mentees=110, seed=3)
    result = run_cli(["--root", root, "pair", "--candidates", "3"])
    assert result.code == 0, result.err
    found = {k: v for k, v in proposals(root).items() if v["status"] == "proposed"}
    assert (len(found), sum(round(v["score"] * 100) for v in found.values())) == _exact(root)
    optimality = _summary(root)["optimality"]
    assert optimality["proven"] is True and (optimality["rounds"], optimality["couples_added"]) == (1, 0)


def test_mentor_tops_keep_each_mentors_best_mentees_lower_index_first():
    from mentorat_cli.pair.candidates import MentorTops

    rng = np.random.default_rng(5)
    scores = rng.integers(-1, 6, size=(37, 9)).astype(np.int16)  # many ties, some infeasible (-1)
    for order in (np.arange(37), rng.permutation(37)):  # index order, and any order
        tops = MentorTops(37, 9, 4)
        for start in range(0, 37, 5):
            chunk = order[start : start + 5]
            tops.add(chunk, scores[chunk])
        i, j, u = tops.arcs()
        for col in range(9):
            feasible = np.flatnonzero(scores[:, col] >= 0)
            best = feasible[np.lexsort((feasible, -scores[feasible, col]))][:4]
            assert i[j == col].tolist() == best.tolist()
            assert u[j == col].tolist() == scores[best, col].tolist()


def test_short_mentor_lists_still_give_the_exact_optimum(tmp_path, run_cli, monkeypatch):
    from mentorat_cli.pair import candidates

    # Lists of 2 per mentor and 2 per mentee: the proof must add couples back, and may skip a
    # mentor's column only when its price covers the best mentee its list left out.
    monkeypatch.setattr(candidates, "MENTOR_K", 2)
    root = tmp_path
    _tight_programme(root, n_mentors=70, n_mentees=120, seed=11)
    result = run_cli(["--root", root, "pair", "--candidates", "2"])
    assert result.code == 0, result.err
    found = {k: v for k, v in proposals(root).items() if v["status"] == "proposed"}
    assert (len(found), sum(round(v["score"] * 100) for v in found.values())) == _exact(root)
    optimality = _summary(root)["optimality"]
    assert optimality["proven"] is True and optimality["rounds"] > 1


def test_tight_programme_where_no_couple_is_allowed_leaves_everyone_unmatched(tmp_path, run_cli):
    rng = random.Random(1)
    config = {"capacity": {"default": 1, "max": 2}, "eligibility": {"min_experience_gap_years": 40}}
    tree = {"programme.yaml": programme_yaml(config)}
    for k in range(4):
        tree.update([mentor(f"mentor-{k}", experience_years=rng.randint(5, 20))])
    for k in range(6):
        tree.update([mentee(f"mentee-{k}", ["networking"], experience_years=rng.randint(0, 5))])
    write_tree(tmp_path, tree)
    result = run_cli(["--root", tmp_path, "pair", "--candidates", "1"])
    assert result.code == 0, result.err
    assert proposals(tmp_path) == {}
    assert _summary(tmp_path)["mentees"] == {"to_pair": 6, "proposed": 0, "unmatched": 6}
