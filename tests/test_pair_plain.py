"""`pair` and `confirm` in plain words for a coordinator: summaries, unmatched mentees, nothing-to-do runs."""

from __future__ import annotations

from conftest import snapshot
from test_pair import THEMES_ONLY, small
from test_pair_helpers import files, load, mentee, mentor, programme_yaml, schema_errors


def test_confirm_all_with_nothing_proposed_is_not_an_error(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    assert run_cli(["confirm", "--all"], cwd=root).code == 0
    before = snapshot(root)
    again = run_cli(["confirm", "--all"], cwd=root)
    assert again.code == 0, again.err
    assert again.out == "nothing to confirm: no pair is proposed\n"
    assert again.err == ""
    assert snapshot(root) == before
    # Naming a pair that is not a proposal is still a usage error.
    named = run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root)
    assert named.code == 2 and "is confirmed, not proposed" in named.err
    assert run_cli(["confirm", "nobody--none"], cwd=root).code == 2


def test_confirm_all_right_after_a_pair_run_that_proposed_nothing(programme, run_cli):
    root = programme(files(mentor("paul-mentor", themes=["networking"])), programme_yaml(THEMES_ONLY))
    assert run_cli(["pair"], cwd=root).code == 0
    result = run_cli(["confirm", "--all"], cwd=root)
    assert result.code == 0 and "nothing to confirm" in result.out


def test_pair_with_no_mentee_says_so_in_one_line_and_claims_no_proof(programme, run_cli):
    root = programme(files(mentor("paul-mentor", themes=["networking"])), programme_yaml(THEMES_ONLY))
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "no accepted mentee is waiting for a mentor"
    assert "mean score" not in result.out and " -," not in result.out
    assert "best possible" not in result.out and "proved" not in result.out
    assert load(root / "pairing.yaml")["idle_mentors"] == ["paul-mentor"]
    verbose = run_cli(["-v", "pair"], cwd=root)
    assert "proved" not in verbose.out + verbose.err


def test_pair_with_everyone_paired_counts_the_kept_pairs(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    run_cli(["confirm", "--all"], cwd=root)
    (root / "mentees/carl-mentee.yaml").unlink()
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0
    assert result.out.splitlines()[0] == "no accepted mentee is waiting for a mentor (2 pair(s) kept as they are)"
    assert "optimum" not in result.out


def test_pair_without_any_pair_possible_shows_no_score_and_no_proof(programme, run_cli):
    root = programme(files(mentee("anna-mentee", ["networking"])), programme_yaml(THEMES_ONLY))
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0
    assert "0 pair(s) proposed, 1 mentee(s) unmatched, 0 pair(s) kept; 0 of 0 mentors used" in result.out
    assert "mean score" not in result.out and "best possible" not in result.out
    assert "  anna-mentee: the programme has no accepted mentor" in result.out


def test_proof_is_said_plainly_and_the_detail_only_with_verbose(programme, run_cli):
    root = small(programme)
    result = run_cli(["pair", "--dry-run"], cwd=root)
    assert (
        "This is the best possible result for the whole programme: the most mentees paired, then the highest "
        "total score (checked against every possible pair)."
    ) in result.out
    assert "dual prices" not in result.out + result.err
    verbose = run_cli(["-v", "pair", "--dry-run"], cwd=root)
    assert "optimal for the full problem: proved with dual prices (1 round(s), 0 couple(s) added back)" in verbose.err
    fair = run_cli(["pair", "--objective", "fair", "--dry-run"], cwd=root)
    assert "then the strongest weakest pair, then the highest total score" in fair.out


def test_dry_run_shows_a_short_table_and_ends_with_its_summary(programme, run_cli):
    # What a person reads last stays on screen: the summary comes after the proposals (issue 11).
    root = small(programme)
    result = run_cli(["pair", "--dry-run"], cwd=root)
    lines = result.out.splitlines()
    assert lines[0].split() == ["MENTEE", "MENTOR", "SCORE"]
    assert lines[1].split() == ["anna-mentee", "paul-mentor", "100.00"]
    assert not any(line.startswith(("--- ", "+++ ")) for line in lines)
    summary = next(n for n, line in enumerate(lines) if "pair(s) proposed" in line)
    assert summary > 2 and lines[-1] == "dry run: nothing written"
    with_diff = run_cli(["pair", "--dry-run", "--diff"], cwd=root).out.splitlines()
    diff = next(n for n, line in enumerate(with_diff) if line.startswith("--- "))
    summary = next(n for n, line in enumerate(with_diff) if "pair(s) proposed" in line)
    assert diff < summary and with_diff[-1] == "dry run: nothing written"


def test_unmatched_mentees_are_named_with_a_reason_and_capped(programme, run_cli):
    people = [mentor("paul-mentor", themes=["networking"])]
    people += [mentee(f"m{n:02d}-mentee", ["networking"]) for n in range(23)]
    root = programme(files(*people), programme_yaml(THEMES_ONLY))
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0
    lines = result.out.splitlines()
    start = lines.index("mentees left without a mentor:")
    named = lines[start + 1 : start + 21]
    assert named == [f"  m{n:02d}-mentee: all 1 suitable mentor(s) are already full" for n in range(1, 21)]
    assert lines[start + 21] == "  and 2 more (see pairing.yaml)"
    assert len(load(root / "pairing.yaml")["unmatched"]) == 22


def test_unmatched_reason_names_the_rule_that_excluded_most(programme, run_cli):
    config = {**THEMES_ONLY, "eligibility": {"min_experience_gap_years": 10, "mentor_civil_servant": True}}
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking"], experience_years=12),
            mentor("rita-mentor", themes=["networking"], experience_years=15),
            mentor("zoe-mentor", themes=["networking"], experience_years=30, civil_servant=False),
            mentee("bob-mentee", ["networking"], experience_years=6),
        ),
        programme_yaml(config),
    )
    result = run_cli(["pair"], cwd=root)
    assert "  bob-mentee: no mentor meets the rules (most often broken: experience_gap)" in result.out


def test_candidates_recorded_are_the_ones_actually_used(programme, run_cli):
    root = small(programme)
    assert run_cli(["pair"], cwd=root).code == 0
    summary = load(root / "pairing.yaml")
    assert summary["optimality"]["candidates_per_mentee"] == 2
    assert run_cli(["pair", "--candidates", "1"], cwd=root).code == 0
    assert load(root / "pairing.yaml")["optimality"]["candidates_per_mentee"] == 1


def test_no_candidates_recorded_when_no_mentor_has_a_place(programme, run_cli):
    root = programme(files(mentee("zed-mentee", ["networking"])), programme_yaml(THEMES_ONLY))
    assert run_cli(["pair"], cwd=root).code == 0
    summary = load(root / "pairing.yaml")
    assert "candidates_per_mentee" not in summary["optimality"]
    assert schema_errors(summary, "pairing.schema.json") == []


def test_explain_unmatched_lists_suitable_mentors_and_who_holds_them(programme, run_cli):
    config = {
        **THEMES_ONLY,
        "eligibility": {"min_experience_gap_years": 10, "mentor_civil_servant": True},
        "capacity": {"default": 1, "max": 2},
    }
    root = programme(
        files(
            mentor("paul-mentor", themes=["networking", "teamwork"], experience_years=20),
            mentor("rita-mentor", themes=["self-confidence"], experience_years=20, capacity=2),
            mentor("tom-mentor", themes=["networking"], experience_years=5),
            mentee("anna-mentee", ["networking", "teamwork"], experience_years=1),
            mentee("bob-mentee", ["self-confidence"], experience_years=1),
            mentee("dan-mentee", ["self-confidence", "networking"], experience_years=1),
            mentee("carl-mentee", ["networking", "organisation"], experience_years=2),
        ),
        programme_yaml(config),
    )
    run_cli(["pair"], cwd=root)
    result = run_cli(["pair", "--explain", "carl-mentee"], cwd=root)
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "mentee carl-mentee: no mentor proposed (all feasible mentors full); 2 feasible mentor(s)",
        "  excluded by experience_gap: 1 mentor(s)",
        "suitable mentors, best score first, and who holds their places:",
        "  paul-mentor               50.00  places taken by anna-mentee (100.00)",
        "  rita-mentor                0.00  places taken by bob-mentee (100.00), dan-mentee (50.00)",
    ]
