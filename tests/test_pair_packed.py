"""The fast candidate scoring (pair/packed.py) and top-k (candidates.top_k) give exactly what the reference forms give.

The solver is exact: the same scores must give the same proposals, byte for
byte. Here packed scores are held to scoring.block cell by cell, top_k to a
brute force, and a whole `pair` run to the run with the reference scoring.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_pair_properties import _person_fields

from mentorat_cli.check import pipeline
from mentorat_cli.core import kinds
from mentorat_cli.load import repository
from mentorat_cli.pair import candidates, criteria, encode, packed, plan, proposal, scoring
from mentorat_cli.pair import eligibility as rules

REPO = Path(__file__).resolve().parent.parent


@st.composite
def runs(draw: Any) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], np.ndarray, dict[int, list[int]]]:
    """A programme's rules and weights, up to 25 mentees and 25 mentors, their free places and earlier pairs."""
    raw = {
        "kind": draw(st.sampled_from(kinds.KINDS)),
        "format": draw(st.sampled_from(["remote", "in_person", "hybrid"])),
        "eligibility": {
            "min_experience_gap_years": draw(st.one_of(st.none(), st.integers(0, 12))),
            "min_level_gap": draw(st.one_of(st.none(), st.integers(0, 3))),
            "require_membership": draw(st.booleans()),
            "mentor_civil_servant": draw(st.booleans()),
            "shared_language": draw(st.booleans()),
            "no_hierarchical_link": draw(st.booleans()),
            "max_distance_km": draw(st.one_of(st.none(), st.sampled_from([0, 50, 500]))),
            "must": draw(st.lists(st.sampled_from(criteria.CRITERIA), max_size=2, unique=True)),
        },
        "matching": {"weights": {c: draw(st.integers(0, 40)) for c in criteria.CRITERIA}, "distance_scale_km": 50},
    }
    mentors = [{"id": f"m{k:02}", "email": f"m{k}@x.org", **_person_fields(draw, True)} for k in range(draw(st.integers(1, 25)))]
    mentees = [{"id": f"e{k:02}", "email": f"e{k}@x.org", **_person_fields(draw, False)} for k in range(draw(st.integers(1, 25)))]
    people = mentors + mentees
    for person in people:
        if draw(st.integers(0, 3)) == 0:
            person["manager"] = draw(st.sampled_from(people))["email"]
        if draw(st.integers(0, 5)) == 0:
            person["not_with"] = [draw(st.sampled_from(people))["id"]]
    capacity = np.array(draw(st.lists(st.integers(0, 2), min_size=len(mentors), max_size=len(mentors))), dtype=np.int64)
    previous = {
        i: sorted(set(draw(st.lists(st.integers(0, len(mentors) - 1), max_size=2))))
        for i in range(len(mentees))
        if draw(st.integers(0, 4)) == 0
    }
    return kinds.effective_config(raw), mentors, mentees, capacity, {i: js for i, js in previous.items() if js}


@settings(max_examples=300, deadline=None)
@given(runs())
def test_packed_scores_equal_the_reference_scoring(case):
    config, mentors, mentees, capacity, previous = case
    enc = encode.encode(config, mentees, mentors, rules.managers_by_email(mentors + mentees))
    k = 2
    found = packed.pack(enc, capacity, previous, k)
    assert found is not None
    # The full mentors are left out when more than k have a free place; their cells are -1 anyway.
    expected_cols = np.flatnonzero(capacity > 0) if (capacity > 0).sum() > k else np.arange(len(mentors))
    assert np.array_equal(found.cols, expected_cols)
    rows = np.arange(len(mentees))
    feasible, units = scoring.block(enc, rows, previous)
    position = np.arange(len(mentees))
    # Two blocks, the second one not starting at 0, as candidates.build scores them.
    for chunk in (rows[: len(rows) // 2], rows[len(rows) // 2 :]):
        position[:] = -1
        position[chunk] = np.arange(len(chunk))
        scores, every, free = packed.block(found, chunk, position)
        open_ = feasible[chunk] & (capacity > 0)[None, :]
        assert scores.dtype == np.int16
        assert np.array_equal(scores, np.where(open_, units[chunk], -1)[:, found.cols])
        assert np.array_equal(every, feasible[chunk].sum(axis=1))
        assert np.array_equal(free, open_.sum(axis=1))


@settings(max_examples=200, deadline=None)
@given(runs())
def test_unmatched_reasons_by_class_equal_each_mentee_s_own(case):
    """The rules each mentee breaks, counted once per class, are those counted mentee by mentee."""
    config, mentors, mentees, _capacity, previous = case
    enc = encode.encode(config, mentees, mentors, rules.managers_by_email(mentors + mentees))
    run = SimpleNamespace(enc=enc, setup=SimpleNamespace(previous=previous))
    rows = np.arange(len(mentees))
    expected = proposal.exclusions(run, rows)
    found = proposal._by_class(run, rows)
    assert [found[i] for i in rows.tolist()] == expected
    assert len({id(found[i]) for i in rows.tolist()}) == len(rows)  # no shared dict: YAML would write an alias


def _brute_top_k(scores: np.ndarray, k: int) -> tuple[list[tuple[int, int, int]], np.ndarray]:
    """Each row's k best feasible cells (higher score, then lower column), and its (k+1)-th best value (or -1)."""
    cells, left = [], np.full(len(scores), -1, dtype=np.int64)
    for r, row in enumerate(scores.tolist()):
        ranked = sorted(range(len(row)), key=lambda j: (-row[j], j))
        cells += [(r, j, row[j]) for j in ranked[:k] if row[j] >= 0]
        if len(row) > k:
            left[r] = max(row[ranked[k]], -1)
    return cells, left


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 700),
    st.integers(1, 12),
    st.sampled_from([3, 20, 300, 10000]),
    st.floats(0, 1),
    st.integers(0, 2**32 - 1),
)
def test_top_k_is_the_k_best_cells_in_order(rows, m, k, levels, infeasible, seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, levels, size=(rows, m)).astype(np.int16)
    scores[rng.random((rows, m)) < infeasible] = -1
    r, j, u, left = candidates.top_k(scores, k)
    cells, expected_left = _brute_top_k(scores, k)
    assert sorted(zip(r.tolist(), j.tolist(), u.tolist(), strict=True)) == sorted(cells)
    assert np.array_equal(left, expected_left)
    # Row by row, first those above the row's k-th best (0 when there are no more than k), then its ties by column.
    kth = [max(sorted(row, reverse=True)[k - 1] if len(row) > k else -1, 0) for row in scores.tolist()]
    tie = np.array([score == kth[row] for row, score in zip(r.tolist(), u.tolist(), strict=True)], dtype=bool)
    order = np.lexsort((j, r, tie))
    assert np.array_equal(order, np.arange(len(r)))


def _generated(root: Path) -> None:
    command = [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(root), "--mentees", "2200", "--mentors", "1400"]
    subprocess.run([*command, "--pairs", "300", "--notes", "0", "--seed", "5"], check=True, capture_output=True)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and ".mentorat" not in p.parts}


def test_candidate_lists_are_those_of_the_reference_scoring(monkeypatch, tmp_path):
    """Same arcs in the same order (the solver's ties depend on it), same bounds and counts."""
    _generated(tmp_path / "prog")
    programme, _ = pipeline.load(tmp_path / "prog", parts=repository.PEOPLE_AND_PAIRS)
    setup = plan.setup(programme)
    found = []
    for pack in (packed.pack, lambda *args: None):
        monkeypatch.setattr(packed, "pack", pack)
        enc = encode.encode(setup.config, [r.data for r in setup.mentees], [r.data for r in setup.mentors], setup.managers)
        found.append(candidates.build(enc, setup.capacity, plan.DEFAULT_K, setup.previous))
    fast, reference = found
    assert fast.col_left is not None and reference.col_left is not None  # places are short: the mentors' lists too
    for name in ("arc_i", "arc_j", "arc_u", "left_out", "feasible", "feasible_all", "col_left"):
        assert np.array_equal(getattr(fast, name), getattr(reference, name)), name
    assert (setup.capacity == 0).any() and len(fast.arc_i) > plan.DEFAULT_K * len(setup.mentees) // 2


@pytest.mark.parametrize("programme", ["sample", "generated"])
def test_pair_writes_the_same_bytes_as_with_the_reference_scoring(run_cli, monkeypatch, tmp_path, programme):
    fast, reference = tmp_path / "fast", tmp_path / "reference"
    for root in (fast, reference):
        if programme == "sample":
            subprocess.run(["cp", "-r", str(REPO / "sample-programme"), str(root)], check=True)
        else:
            _generated(root)
    assert run_cli(["--root", fast, "pair"]).code == 0
    monkeypatch.setattr(packed, "pack", lambda *args: None)  # candidates.build falls back to scoring.block
    assert run_cli(["--root", reference, "pair"]).code == 0
    written, expected = _files(fast), _files(reference)
    assert written == expected
    assert sum(1 for rel in written if rel.startswith("pairs/")) > (1 if programme == "sample" else 300)
