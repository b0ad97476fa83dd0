"""The registries of criteria and rules: each module's two forms agree, and a new module is picked up on its own.

The property tests are parametrised over the registries, so a criterion or a
rule added as a new module of pair/criteria/ or pair/eligibility/ is covered
without editing this file (test_a_new_criterion_module_is_registered_and_tested
proves it on a copy of the package).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import write_tree
from hypothesis import given, settings
from test_pair_helpers import REPO, mentee, mentor, programme_yaml, proposals
from test_pair_properties import couples

from mentorat_cli.core.messages import TEXT
from mentorat_cli.core.messages.pairing import EVIDENCE
from mentorat_cli.pair import criteria, eligibility, encode, scoring
from mentorat_cli.pair.criteria import labels
from mentorat_cli.pair.criteria.base import Criterion

EXAMPLES = int(os.environ.get("MENTORAT_REGISTRY_EXAMPLES", "40"))


def _encoded(case: tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]) -> tuple[Any, dict[str, str]]:
    config, mentors, mentees = case
    managers = eligibility.managers_by_email(mentors + mentees)
    return encode.encode(config, mentees, mentors, managers), managers


@pytest.mark.parametrize("criterion", criteria.BUILT_IN, ids=lambda c: c.name)
def test_criterion_reference_equals_vectorised(criterion: Criterion) -> None:
    @settings(max_examples=EXAMPLES, deadline=None)
    @given(couples())
    def check(case: tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        config, mentors, mentees = case
        enc, _ = _encoded(case)
        got = scoring.values(enc, criterion.name, np.arange(len(mentees)))
        total = sum(enc.weights.values())
        points = scoring.points(enc, criterion.name, np.arange(len(mentees))) if criterion.name in enc.weights else None
        for i, person in enumerate(mentees):
            for j, other in enumerate(mentors):
                value, evidence = criterion.evaluate(config, other, person, criteria.language(config))
                assert 0.0 <= value <= 1.0 and evidence
                assert got[i, j] == pytest.approx(value, abs=1e-12), (criterion.name, person, other)
                if points is not None:
                    assert int(points[i, j]) == criteria.criterion_units(enc.weights[criterion.name], value, total)

    check()


@pytest.mark.parametrize("rule", eligibility.BUILT_IN, ids=lambda r: r.name)
def test_rule_reference_equals_vectorised(rule: eligibility.Rule) -> None:
    @settings(max_examples=EXAMPLES, deadline=None)
    @given(couples())
    def check(case: tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        config, mentors, mentees = case
        enc, managers = _encoded(case)
        masks = scoring.rule_masks(enc, np.arange(len(mentees)))
        for i, person in enumerate(mentees):
            for j, other in enumerate(mentors):
                reason = rule.check(config, other, person, {"managers": managers}) if rule.active(config) else None
                broken = bool(masks[rule.name][i, j]) if rule.name in masks else False
                assert broken == bool(reason), (rule.name, reason, person, other)

    check()


def test_every_module_declares_its_sentences_and_every_kind() -> None:
    kinds_ = ("school", "ministry", "company", "alumni", "youth")
    assert criteria.CRITERIA == ("themes", "sector", "public", "distance", "format", "availability", "school")
    assert eligibility.RULE_ORDER[:2] == ("not_with", "hierarchy") and eligibility.RULE_ORDER[-1] == "must"
    for criterion in criteria.BUILT_IN:
        assert sorted(criterion.weights) == sorted(kinds_), criterion.name
        for lang in EVIDENCE:
            assert [k for k in criterion.evidence if k not in EVIDENCE[lang]] == [], (criterion.name, lang)
    for rule in eligibility.BUILT_IN:
        assert rule.reasons and [k for k in rule.reasons if k not in TEXT] == [], rule.name
        assert (rule.vectorised is None) != (rule.pairs is None), f"{rule.name}: give exactly one vectorised form"
    schema = json.loads((REPO / "schemas/programme.schema.json").read_text(encoding="utf-8"))
    weights = schema["properties"]["matching"]["properties"]["weights"]["properties"]
    assert sorted(weights) == sorted(criteria.CRITERIA), "programme.schema.json matching.weights must list every criterion"


def test_default_weights_per_kind_are_the_documented_ones() -> None:
    # The figures README and the kinds' docs quote: the total is 100 for every kind.
    assert criteria.default_weights("school") == {
        "themes": 35, "sector": 15, "public": 25, "distance": 0, "format": 5, "availability": 10, "school": 10
    }  # fmt: skip
    assert criteria.default_weights("youth")["distance"] == 25
    for kind in ("school", "ministry", "company", "alumni", "youth"):
        assert sum(criteria.default_weights(kind).values()) == 100, kind


def test_a_source_adds_criteria_built_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """What programme-declared criteria plug into: one more function in criteria.SOURCES."""
    extra = Criterion(
        name="sector_again",
        position=1000,
        weights={},
        evidence=labels.sentence_keys("sector"),
        evaluate=labels.reference("sector"),
        vectorised=labels.vectorised("sector"),
    )
    monkeypatch.setattr(criteria, "SOURCES", [*criteria.SOURCES, lambda config: [extra]])
    config = {
        "kind": "school",
        "language": "fr",
        "format": "remote",
        "matching": {"weights": {"sector_again": 50}, "distance_scale_km": 50},
        "eligibility": {"no_hierarchical_link": False, "shared_language": False, "must": ["sector_again"]},
    }
    config["eligibility"] |= {k: None for k in ("min_experience_gap_years", "min_level_gap", "max_distance_km")}
    config["eligibility"] |= {"require_membership": False, "mentor_civil_servant": False}
    mentors = [{"id": "m1", "email": "m1@x.org", "sector": "Finance"}, {"id": "m2", "email": "m2@x.org", "sector": "santé"}]
    mentees = [{"id": "e1", "email": "e1@x.org", "sector": "finance "}]
    assert list(criteria.active_weights(config))[-1] == "sector_again"
    enc = encode.encode(config, mentees, mentors, {})
    feasible, units = scoring.block(enc, np.arange(1))
    assert feasible.tolist() == [[True, False]]  # `must` reaches the new criterion too
    for j, person in enumerate(mentors):
        assert int(units[0, j]) == criteria.score(config, person, mentees[0])[0]
    assert [name for name, _ in eligibility.violations(config, mentors[1], mentees[0], {})] == ["must"]


NEW_MODULE = '''
"""Seniority (a test criterion): the mentor has more years of experience."""
import numpy as np

from mentorat_cli.pair.arrays import Encoded, Spec, classes, nan_codes
from mentorat_cli.pair.criteria.base import Criterion


def evaluate(config, mentor, mentee, lang):
    a, b = mentor.get("experience_years"), mentee.get("experience_years")
    if a is None or b is None or a <= b:
        return 0.0, "no more experience"
    return 1.0, "more experience"


def vectorised(enc: Encoded) -> Spec:
    cls, reps = classes(nan_codes(enc.mentees.experience))
    mine = enc.mentors.experience[None, :]

    def more(ids):
        theirs = np.where(reps[ids] < 0, np.nan, reps[ids])[:, None]
        with np.errstate(invalid="ignore"):
            return (mine > theirs).astype(np.float64)

    return cls, more


CRITERION = Criterion(
    name="seniority", position=80, weights={"school": 40}, evidence=(), evaluate=evaluate, vectorised=vectorised
)
'''


def test_a_new_criterion_module_is_registered_and_tested(tmp_path: Path) -> None:
    """One new module under pair/criteria/ is enough: the registry finds it, `pair` scores it, these tests cover it."""
    overlay = tmp_path / "overlay"
    shutil.copytree(REPO / "mentorat_cli", overlay / "mentorat_cli", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("schemas", "templates"):
        (overlay / folder).symlink_to(REPO / folder)
    (overlay / "mentorat_cli/pair/criteria/seniority.py").write_text(NEW_MODULE, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(overlay), MENTORAT_REGISTRY_EXAMPLES="25")
    root = write_tree(
        tmp_path / "prog",
        {
            "programme.yaml": programme_yaml(),
            **dict([mentor("anne-senior", themes=["networking"], experience_years=20)]),
            **dict([mentor("bob-junior", themes=["networking"], experience_years=2)]),
            **dict([mentee("chloe-mentee", ["networking"], experience_years=8)]),
        },
    )
    ran = subprocess.run(
        [sys.executable, "-m", "mentorat_cli", "--today", "2026-10-01", "pair"], cwd=root, env=env, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr
    (found,) = proposals(root).values()
    assert found["mentor"] == "anne-senior"  # the tie on themes is broken by the new criterion
    assert [c["criterion"] for c in found["criteria"]][-1] == "seniority"
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "seniority", str(Path(__file__))],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "1 passed" in tests.stdout
