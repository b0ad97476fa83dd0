"""`confirm` reports every broken rule and capacity at once, each as a Problem with a stable code and a place."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import snapshot
from test_pair import THEMES_ONLY, small
from test_pair_helpers import files, mentee, mentor, programme_yaml

from mentorat_cli.check import pipeline
from mentorat_cli.core.errors import ProblemsFound
from mentorat_cli.pair import decide


def _proposal(mentee_id: str, mentor_id: str) -> tuple[str, str]:
    pid = f"{mentee_id}--{mentor_id}"
    return f"pairs/{pid}.yaml", f"id: {pid}\nmentee: {mentee_id}\nmentor: {mentor_id}\nstatus: proposed\nproposed_on: '2026-10-01'\n"


def test_confirm_reports_every_broken_rule_at_once(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    # After the proposal: Paul asks not to mentor Anna, and Rita is no longer recorded as a civil servant.
    (root / "mentors/paul-mentor.yaml").write_text(
        mentor("paul-mentor", themes=["networking", "teamwork"], capacity=1, not_with=["anna-mentee"])[1]
    )
    (root / "mentors/rita-mentor.yaml").write_text(mentor("rita-mentor", themes=["self-confidence"], capacity=1, civil_servant=False)[1])
    before = snapshot(root)
    refused = run_cli(["confirm", "--all"], cwd=root)
    assert refused.code == 1
    assert "pairs/anna-mentee--paul-mentor.yaml:4:9: error pair-rule the pair breaks the rule 'not_with'" in refused.err
    assert "pairs/bob-mentee--rita-mentor.yaml:4:9: error pair-rule the pair breaks the rule 'civil_servant'" in refused.err
    assert snapshot(root) == before


def test_confirm_reports_every_capacity_problem_with_its_place(programme, run_cli):
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], capacity=1),
            mentor("rita-mentor", themes=["networking"]),
            mentee("anna-mentee", ["networking"]),
            mentee("bob-mentee", ["networking"]),
            mentee("carl-mentee", ["networking"]),
            mentee("dina-mentee", ["networking"]),
            _proposal("anna-mentee", "paul-mentor"),
            _proposal("bob-mentee", "paul-mentor"),
            _proposal("carl-mentee", "rita-mentor"),
            _proposal("dina-mentee", "rita-mentor"),
        ),
        programme_yaml(THEMES_ONLY),
    )
    before = snapshot(root)
    refused = run_cli(["confirm", "--all"], cwd=root)
    assert refused.code == 1, refused.err
    # One problem per mentor over capacity, at its `capacity` line (or its id when it uses the programme's default).
    assert (
        "mentors/paul-mentor.yaml:" in refused.err and "confirm-capacity mentor 'paul-mentor' would have 2 confirmed pairs" in refused.err
    )
    assert "confirm-capacity mentor 'rita-mentor' would have 2 confirmed pairs" in refused.err
    assert refused.err.count("confirm-capacity") == 2
    assert "nothing confirmed: 2 problem(s) with the pairs to confirm" in refused.err
    assert snapshot(root) == before
    forced = run_cli(["confirm", "--all", "--force"], cwd=root)
    assert forced.code == 0 and "4 pair(s) confirmed" in forced.out


def test_confirm_check_collects_rules_and_capacity_together(programme):
    """The check `confirm` runs after loading (the last guard before writing) lists every problem, not the first."""
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], capacity=1, not_with=["anna-mentee"]),
            mentor("rita-mentor", themes=["networking"], capacity=1, civil_servant=False),
            mentee("anna-mentee", ["networking"]),
            mentee("bob-mentee", ["networking"]),
            _proposal("anna-mentee", "paul-mentor"),
            _proposal("bob-mentee", "paul-mentor"),
        ),
        programme_yaml(THEMES_ONLY),
    )
    prog, _ = pipeline.load(root, dt.date(2026, 10, 2), cache=False)
    with pytest.raises(ProblemsFound) as caught:
        decide.confirm(prog, [], True, dt.date(2026, 10, 2), force=False)
    found = [(p.file, p.code, p.line) for p in caught.value.problems]
    assert found == [
        ("mentors/paul-mentor.yaml", "confirm-capacity", 8),
        ("pairs/anna-mentee--paul-mentor.yaml", "confirm-rule", 3),
    ]
    assert "breaks the rule 'not_with': one of them asked not to be paired with the other" in caught.value.problems[1].message


def test_rule_reasons_and_quoted_evidence_speak_french(programme, run_cli, monkeypatch):
    """A French programme on a French machine: the reasons are catalogue messages, translated, evidence included."""
    for name in ("MENTORAT_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    config = {**THEMES_ONLY, "eligibility": {"must": ["public"], "mentor_civil_servant": True, "min_experience_gap_years": 5}}
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], publics=["internal"], experience_years=20),
            mentor("rita-mentor", themes=["networking"], publics=["talents"], experience_years=3),
            mentee("anna-mentee", ["networking"], public="talents", experience_years=1),
        ),
        programme_yaml(config),
    )
    why = run_cli(["pair", "--explain", "anna-mentee", "paul-mentor"], cwd=root)
    assert why.code == 0, why.err
    assert (
        # The run's French typography: narrow no-break spaces inside « ».
        "critère obligatoire «\u202fpublic\u202f» non rempli (le mentor a choisi d'autres publics (Concours interne) "
        "que celui du mentoré (Concours externe, voie Talents))"
    ) in why.out
    rita = run_cli(["pair", "--explain", "anna-mentee", "rita-mentor"], cwd=root)
    assert "écart d'expérience de 2 ans, 5 exigés" in rita.out
