"""`mentorat pair`: proposals written, explained, stable, and respectful of what was decided."""

from __future__ import annotations

import yaml
from conftest import snapshot
from test_pair_helpers import files, load, mentee, mentor, programme_yaml, proposals, schema_errors

THEMES_ONLY = {
    "matching": {"weights": {"themes": 100, "sector": 0, "public": 0, "distance": 0, "format": 0, "availability": 0, "school": 0}}
}


def small(programme):
    """Three mentees, two mentors (one with two places), clear preferences."""
    return programme(
        files(
            mentor("paul-mentor", themes=["networking", "teamwork"], capacity=1),
            mentor("rita-mentor", themes=["self-confidence"], capacity=1),
            mentee("anna-mentee", ["networking", "teamwork"]),
            mentee("bob-mentee", ["self-confidence"]),
            mentee("carl-mentee", ["organisation"]),
        ),
        programme_yaml(THEMES_ONLY),
    )


def test_pair_writes_explained_proposals_and_summary(programme, run_cli):
    root = small(programme)
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    found = proposals(root)
    assert sorted(found) == ["anna-mentee--paul-mentor", "bob-mentee--rita-mentor"]
    anna = found["anna-mentee--paul-mentor"]
    assert list(anna)[:5] == ["id", "mentee", "mentor", "status", "proposed_on"]
    assert anna["status"] == "proposed" and anna["proposed_on"] == "2026-11-25"
    assert anna["score"] == 100.0
    assert anna["criteria"] == [
        {
            "criterion": "themes",
            "points": 100.0,
            "max": 100.0,
            "evidence": ("thèmes en commun : Réseau professionnel et Travail en équipe (2 objectifs sur 2)"),
        }
    ]
    assert anna["alternatives"][0]["mentor"] == "rita-mentor"
    assert anna["alternatives"][0]["why_not"] == "score plus bas (0,00 contre 100,00)"
    summary = load(root / "pairing.yaml")
    assert schema_errors(summary, "pairing.schema.json") == []
    assert summary["mentees"] == {"to_pair": 3, "proposed": 2, "unmatched": 1}
    assert summary["unmatched"] == [{"mentee": "carl-mentee", "reason": "all-feasible-mentors-full", "feasible_mentors": 2, "excluded": {}}]
    assert "2 pair(s) proposed, 1 mentee(s) unmatched" in result.out
    assert "This is the best possible result for the whole programme" in result.out
    for data in found.values():
        assert schema_errors(data, "pair.schema.json") == []
    assert run_cli(["validate"], cwd=root).code == 0


def test_second_run_changes_nothing_even_another_day(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    before = snapshot(root)
    again = run_cli(["pair"], cwd=root, today="2027-01-15")
    assert again.code == 0
    assert snapshot(root) == before
    assert "nothing changed" in again.out


def test_stale_proposal_removed_and_confirmed_pair_untouched(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    assert run_cli(["confirm", "bob-mentee--rita-mentor"], cwd=root).code == 0
    confirmed = (root / "pairs/bob-mentee--rita-mentor.yaml").read_bytes()
    # Anna now wants other themes: Paul is better used by Carl.
    (root / "mentees/anna-mentee.yaml").write_text(mentee("anna-mentee", ["work-life-balance"])[1])
    (root / "mentees/carl-mentee.yaml").write_text(mentee("carl-mentee", ["networking"])[1])
    result = run_cli(["pair"], cwd=root, today="2026-12-01")
    assert result.code == 0, result.err
    found = proposals(root)
    assert "anna-mentee--paul-mentor" not in found
    assert found["carl-mentee--paul-mentor"]["proposed_on"] == "2026-12-01"
    assert (root / "pairs/bob-mentee--rita-mentor.yaml").read_bytes() == confirmed
    assert load(root / "pairing.yaml")["pairs_kept"] == 1


def test_hand_edited_proposal_is_kept_unless_forced(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    path = root / "pairs/anna-mentee--paul-mentor.yaml"
    path.write_text(path.read_text() + "started_on: '2026-11-30'\n")
    (root / "mentees/carl-mentee.yaml").write_text(mentee("carl-mentee", ["networking", "teamwork"])[1])
    (root / "mentees/anna-mentee.yaml").write_text(mentee("anna-mentee", ["organisation"])[1])
    edited = path.read_bytes()
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0
    assert path.read_bytes() == edited
    assert "edited by hand" in result.out
    assert "carl-mentee--paul-mentor" not in proposals(root)
    assert run_cli(["pair", "--force"], cwd=root).code == 0
    assert not path.exists()
    assert "carl-mentee--paul-mentor" in proposals(root)


def test_dry_run_prints_diff_and_writes_nothing(programme, run_cli):
    root = small(programme)
    before = snapshot(root)
    result = run_cli(["pair", "--dry-run", "--diff"], cwd=root)
    assert result.code == 0
    assert snapshot(root) == before
    assert "+++ b/pairs/anna-mentee--paul-mentor.yaml" in result.out
    assert "+status: proposed" in result.out
    assert "dry run: nothing written" in result.out


def test_hard_rules_exclude_and_are_counted(programme, run_cli):
    config = {**THEMES_ONLY, "eligibility": {"min_experience_gap_years": 10, "mentor_civil_servant": True}}
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], experience_years=12, not_with=["anna-mentee"]),
            mentor("rita-mentor", themes=["networking"], experience_years=15),
            mentor("zoe-mentor", themes=["networking"], experience_years=30, civil_servant=False),
            mentee("anna-mentee", ["networking"], experience_years=1),
            mentee("bob-mentee", ["networking"], experience_years=6),
        ),
        programme_yaml(config),
    )
    assert run_cli(["pair"], cwd=root).code == 0
    assert sorted(proposals(root)) == ["anna-mentee--rita-mentor"]
    summary = load(root / "pairing.yaml")
    assert summary["unmatched"] == [
        {
            "mentee": "bob-mentee",
            "reason": "no-feasible-mentor",
            "feasible_mentors": 0,
            "excluded": {"experience_gap": 2, "civil_servant": 1},
        }
    ]
    assert summary["idle_mentors"] == ["paul-mentor", "zoe-mentor"]
    explained = run_cli(["pair", "--explain", "anna-mentee", "paul-mentor"], cwd=root)
    assert explained.code == 0
    assert "proposed mentor rita-mentor, score 100.00" in explained.out
    assert "why not paul-mentor: the pair breaks the rule 'not_with'" in explained.out


def test_objective_fair_raises_the_weakest_pair(programme, run_cli):
    root = programme(
        files(
            mentor("xavier-mentor", themes=["career-orientation", "networking", "teamwork", "organisation"]),
            mentor("yves-mentor", themes=["career-orientation", "self-confidence"]),
            mentee("anna-mentee", ["career-orientation", "networking"]),
            mentee("bob-mentee", ["teamwork", "organisation", "self-confidence"]),
        ),
        programme_yaml(THEMES_ONLY),
    )
    assert run_cli(["pair"], cwd=root).code == 0
    assert sorted(proposals(root)) == ["anna-mentee--xavier-mentor", "bob-mentee--yves-mentor"]
    result = run_cli(["pair", "--objective", "fair"], cwd=root)
    assert result.code == 0
    assert sorted(proposals(root)) == ["anna-mentee--yves-mentor", "bob-mentee--xavier-mentor"]
    summary = load(root / "pairing.yaml")
    assert summary["objective"] == "fair" and summary["score_floor"] == 50.0
    assert summary["score"]["lowest"] == 50.0


def test_explain_unknown_mentee_is_a_clear_error(programme, run_cli):
    root = small(programme)
    result = run_cli(["pair", "--explain", "nobody"], cwd=root)
    assert result.code == 2
    assert "'nobody' is not a mentee of the programme" in result.err
    assert "Traceback" not in result.err


def test_explain_alternatives_and_full_mentor(programme, run_cli):
    root = small(programme)
    result = run_cli(["pair", "--explain", "carl-mentee", "paul-mentor"], cwd=root)
    assert result.code == 0
    assert "mentee carl-mentee: no mentor proposed (all feasible mentors full); 2 feasible mentor(s)" in result.out
    assert "why not paul-mentor: it would score 0.00, but its places are taken by anna-mentee" in result.out


def test_broken_programme_stops_pair_with_problems(programme, run_cli):
    root = small(programme)
    (root / "mentors/paul-mentor.yaml").write_text("id: paul-mentor\nfirst_name: [\n")
    result = run_cli(["pair"], cwd=root)
    assert result.code == 1
    assert "mentors/paul-mentor.yaml:" in result.err
    assert not (root / "pairs").exists()


def test_pairing_summary_is_valid_yaml_with_schema_line(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    first = (root / "pairing.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=.schemas/pairing.schema.json"
    assert yaml.safe_load((root / "pairing.yaml").read_text())["idle_mentors"] == []


def test_no_mentor_or_no_mentee_is_reported_not_a_crash(programme, run_cli):
    root = programme(files(mentee("anna-mentee", ["networking"])), programme_yaml(THEMES_ONLY))
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    assert "No accepted mentor has a free place".lower() in result.out.lower()
    assert load(root / "pairing.yaml")["unmatched"] == [
        {"mentee": "anna-mentee", "reason": "no-feasible-mentor", "feasible_mentors": 0, "excluded": {}}
    ]
    (root / "mentees/anna-mentee.yaml").unlink()
    (root / "mentors").mkdir(exist_ok=True)
    (root / "mentors/paul-mentor.yaml").write_text(mentor("paul-mentor")[1])
    empty = run_cli(["pair"], cwd=root)
    assert empty.code == 0 and "no accepted mentee is waiting" in empty.out
    assert load(root / "pairing.yaml")["idle_mentors"] == ["paul-mentor"]


def test_explain_mentee_with_confirmed_pair(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root)
    result = run_cli(["pair", "--explain", "anna-mentee"], cwd=root)
    assert result.code == 0
    assert result.out.strip() == "mentee 'anna-mentee' already has the pair 'anna-mentee--paul-mentor' (confirmed); it is kept as it is"


def test_must_criterion_becomes_a_rule(programme, run_cli):
    config = {**THEMES_ONLY, "eligibility": {"must": ["public"], "mentor_civil_servant": True}}
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], publics=["internal"]),
            mentor("rita-mentor", themes=["teamwork"], publics=["talents"]),
            mentee("anna-mentee", ["networking"], public="talents"),
            mentee("bob-mentee", ["networking"], public="phd"),
        ),
        programme_yaml(config),
    )
    assert run_cli(["pair"], cwd=root).code == 0
    assert sorted(proposals(root)) == ["anna-mentee--rita-mentor"]
    assert load(root / "pairing.yaml")["unmatched"][0]["excluded"] == {"must": 2}
    why = run_cli(["pair", "--explain", "anna-mentee", "paul-mentor"], cwd=root)
    assert (
        "why not paul-mentor: the pair breaks the rule 'must': required criterion 'public' not met "
        "(the mentor chose other publics (Concours interne) than the mentee's (Concours externe, voie Talents))"
    ) in why.out


def test_tied_place_goes_to_the_lower_mentee_id(programme, run_cli):
    people = [mentor("rita-mentor", themes=["networking"]), mentor("sam-mentor", themes=["networking"])]
    people += [mentee(f"{name}-mentee", ["networking"]) for name in ("zoe", "anna", "yann", "bob", "xena", "carl")]
    root = programme(files(*people), programme_yaml(THEMES_ONLY))
    assert run_cli(["pair"], cwd=root).code == 0
    assert sorted(p["mentee"] for p in proposals(root).values()) == ["anna-mentee", "bob-mentee"]
    assert [u["mentee"] for u in load(root / "pairing.yaml")["unmatched"]] == ["carl-mentee", "xena-mentee", "yann-mentee", "zoe-mentee"]
