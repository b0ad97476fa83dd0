"""`confirm`, `rematch`, `scores` and `pair --commit`."""

from __future__ import annotations

import csv
import io
import subprocess

from conftest import snapshot
from test_pair import THEMES_ONLY, small
from test_pair_helpers import files, load, mentee, mentor, programme_yaml, proposals

from mentorat_cli.pair import table


def test_confirm_one_then_all(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    result = run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root, today="2026-11-27")
    assert result.code == 0 and "1 pair(s) confirmed" in result.out
    anna = load(root / "pairs/anna-mentee--paul-mentor.yaml")
    assert anna["status"] == "confirmed" and anna["confirmed_on"] == "2026-11-27"
    assert list(anna)[:6] == ["id", "mentee", "mentor", "status", "proposed_on", "confirmed_on"]
    assert load(root / "pairs/bob-mentee--rita-mentor.yaml")["status"] == "proposed"
    assert run_cli(["confirm", "--all"], cwd=root).code == 0
    assert all(p["status"] == "confirmed" for p in proposals(root).values())
    assert run_cli(["validate"], cwd=root).code == 0


def test_confirm_refuses_non_proposal_and_unknown(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root)
    before = snapshot(root)
    again = run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root)
    assert again.code == 2 and "is confirmed, not proposed" in again.err
    unknown = run_cli(["confirm", "x--y"], cwd=root)
    assert unknown.code == 2 and "'x--y' is not a pair" in unknown.err
    assert run_cli(["confirm"], cwd=root).code == 2
    assert snapshot(root) == before


def test_confirm_refuses_a_broken_rule_without_force(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    # The mentor asks not to be paired with Anna after the proposal was made.
    (root / "mentors/paul-mentor.yaml").write_text(
        mentor("paul-mentor", themes=["networking", "teamwork"], capacity=1, not_with=["anna-mentee"])[1]
    )
    refused = run_cli(["confirm", "anna-mentee--paul-mentor"], cwd=root)
    assert refused.code == 1 and "pair-rule the pair breaks the rule 'not_with'" in refused.err
    assert load(root / "pairs/anna-mentee--paul-mentor.yaml")["status"] == "proposed"
    # `pair` itself is not blocked by its own outdated proposal: it replaces it.
    again = run_cli(["pair"], cwd=root)
    assert again.code == 0, again.err
    assert "anna-mentee--paul-mentor" not in proposals(root)
    assert run_cli(["validate"], cwd=root).code == 0


def test_rematch_ends_pair_and_never_proposes_the_previous_mentor(programme, run_cli):
    root = small(programme)
    run_cli(["pair"], cwd=root)
    run_cli(["confirm", "--all"], cwd=root)
    (root / "mentors/sam-mentor.yaml").write_text(mentor("sam-mentor", themes=["teamwork"])[1])
    result = run_cli(
        ["rematch", "anna-mentee--paul-mentor", "--reason", "Agendas incompatibles", "--by", "mentee"], cwd=root, today="2027-01-10"
    )
    assert result.code == 0, result.err
    ended = load(root / "pairs/anna-mentee--paul-mentor.yaml")
    assert (ended["status"], ended["ended_on"], ended["end_reason"], ended["ended_by"]) == (
        "ended",
        "2027-01-10",
        "Agendas incompatibles",
        "mentee",
    )
    new = load(root / "pairs/anna-mentee--sam-mentor.yaml")
    assert new["status"] == "proposed" and new["replaces"] == "anna-mentee--paul-mentor"
    assert "new proposal 'anna-mentee--sam-mentor'" in result.out
    # Carl's situation is untouched by a rematch of Anna.
    assert "carl-mentee--paul-mentor" not in proposals(root)
    assert run_cli(["validate"], cwd=root).code == 0
    # A later full run keeps the history link and never goes back to Paul.
    run_cli(["pair"], cwd=root, today="2027-01-11")
    pairs = proposals(root)
    assert not any(k.startswith("anna-mentee--paul") and v["status"] != "ended" for k, v in pairs.items())
    assert pairs["anna-mentee--sam-mentor"]["replaces"] == "anna-mentee--paul-mentor"
    assert pairs["anna-mentee--sam-mentor"]["proposed_on"] == "2027-01-10"


def test_rematch_without_other_mentor_still_ends(programme, run_cli):
    root = programme(
        files(mentor("paul-mentor", themes=["networking"]), mentee("anna-mentee", ["networking"])), programme_yaml(THEMES_ONLY)
    )
    run_cli(["pair"], cwd=root)
    result = run_cli(["rematch", "anna-mentee--paul-mentor", "--reason", "Fin à la demande du mentor"], cwd=root)
    assert result.code == 0
    assert "no other mentor is available" in result.out
    assert sorted(proposals(root)) == ["anna-mentee--paul-mentor"]
    assert load(root / "pairs/anna-mentee--paul-mentor.yaml")["status"] == "ended"
    bad = run_cli(["rematch", "anna-mentee--paul-mentor", "--reason", "x"], cwd=root)
    assert bad.code == 2 and "only proposed or confirmed pairs" in bad.err


def test_scores_csv_lists_every_couple(programme, run_cli):
    root = small(programme)
    (root / "mentors/paul-mentor.yaml").write_text(mentor("paul-mentor", themes=["networking", "teamwork"], not_with=["bob-mentee"])[1])
    result = run_cli(["scores", "--format", "csv"], cwd=root)
    assert result.code == 0
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0] == ["mentee", "mentor", "feasible", "rule", "score", "themes"]
    assert len(rows) == 1 + 3 * 2
    assert ["anna-mentee", "paul-mentor", "yes", "", "100.00", "100.00"] in rows
    assert ["bob-mentee", "paul-mentor", "no", "not_with", "0.00", "0.00"] in rows
    text_ = run_cli(["scores"], cwd=root)
    assert text_.code == 0 and text_.out.splitlines()[0].split() == rows[0]


def test_csv_cells_are_safe_against_formulas():
    assert table.safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert table.safe_cell("-2") == "'-2" and table.safe_cell("@x") == "'@x" and table.safe_cell("\tx") == "'\tx"
    assert table.safe_cell("anna") == "anna"


def _git(root, *args):
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def test_commit_on_new_branch_names_no_person(programme, run_cli):
    root = small(programme)
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    result = run_cli(["pair", "--commit"], cwd=root)
    assert result.code == 0, result.err
    assert _git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "pairing-2026-11-25"
    message = _git(root, "log", "-1", "--format=%B")
    assert message.startswith("Pairing proposal: 2 pair(s) proposed, 1 mentee(s) unmatched")
    for name in ("anna", "bob", "carl", "paul", "rita"):
        assert name not in message
    committed = _git(root, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(committed) == ["pairing.yaml", "pairs/anna-mentee--paul-mentor.yaml", "pairs/bob-mentee--rita-mentor.yaml"]
    assert _git(root, "status", "--porcelain", "--untracked-files=no") == ""


def test_commit_outside_git_is_a_clear_error(programme, run_cli):
    root = small(programme)
    result = run_cli(["pair", "--commit"], cwd=root)
    if "not inside a git repository" not in result.err:
        # tmp folders may sit inside a checkout on some machines; nothing else to check then
        return
    assert result.code == 2 and not (root / "pairs").exists()
