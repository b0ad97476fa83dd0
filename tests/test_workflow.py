"""Issue 12: a coordinator's day never breaks, on a copy of the sample programme, through the CLI.

One bad file blocks nothing else; validation prints causes first and folds what
follows from them; dates are explained the French way; typos get "did you
mean"; edits change only the lines of what they change; `pair --commit` after
`pair` commits the proposal; dates are coherent.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

A_PAIR = "amadou-keita--samira-bouzid"
OTHER_PAIR = "julie-faure--catherine-roux"
BAD_NOTE = f"notes/{A_PAIR}/2026-04-09-first.md"


def _replace(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, (path, old)
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root, capture_output=True, text=True, check=True
    )
    return done.stdout


def _aside_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("left aside:")]


# 1. One bad file blocks nothing else ------------------------------------------------------------


def test_one_bad_note_blocks_no_other_command(run_cli, sample):
    _replace(sample / BAD_NOTE, "date: 2026-04-09", "date: 12/03/2026")
    # charter reads people and pairs only, never the notes (issue 15): a bad note is not even seen.
    for args in (["charter", OTHER_PAIR], ["charter", "--all", "--force"]):
        result = run_cli(args, cwd=sample)
        assert result.code == 0, (args, result.err)
        assert _aside_lines(result.err) == [], (args, result.err)
    for args in (
        ["status"],
        ["sheet", OTHER_PAIR],
        ["sheet", A_PAIR],
        ["note", "list"],
        ["audit"],
        ["person", "show", "amadou-keita"],
        ["export", "people", "-o", "-"],
    ):
        result = run_cli(args, cwd=sample)
        assert result.code == 0, (args, result.err)
        # The file left aside is named once, with its line, the problem and what to run.
        assert _aside_lines(result.err) == [
            f"left aside: {BAD_NOTE}:2: date: '12/03/2026' is a date, but not written year-month-day (run `mentorat validate`)"
        ], (args, result.err)
    listed = {row["file"] for row in json.loads(run_cli(["note", "list", A_PAIR, "--format", "json"], cwd=sample).out)}
    assert BAD_NOTE not in listed and f"notes/{A_PAIR}/2026-05-12-regular.md" in listed
    assert (sample / "out" / f"charter-{OTHER_PAIR}.md").is_file() and (sample / "out" / f"sheet-{A_PAIR}.md").is_file()


def test_a_command_refuses_only_when_its_own_records_are_bad(run_cli, sample):
    _replace(sample / "mentors/samira-bouzid.yaml", "email:", "email: [pas, une, adresse]\nemail_old:")
    refused = run_cli(["charter", A_PAIR], cwd=sample)
    assert refused.code == 1 and "mentors/samira-bouzid.yaml" in refused.err
    assert "needs have errors" in refused.err and not (sample / "out").exists()
    # Another pair's charter is not this mentor's business.
    other = run_cli(["charter", OTHER_PAIR], cwd=sample)
    assert other.code == 0 and (sample / "out" / f"charter-{OTHER_PAIR}.md").is_file()
    assert any(line.startswith("left aside: mentors/samira-bouzid.yaml:") for line in _aside_lines(other.err))
    # The pair that needs the broken mentor is set aside too, and says why.
    assert f"left aside: pairs/{A_PAIR}.yaml: it needs mentors/samira-bouzid.yaml" in other.err


def test_a_bad_programme_yaml_stops_everything_with_its_own_errors_only(run_cli, sample):
    _replace(sample / "programme.yaml", "kind: school", "kind: ecole")
    result = run_cli(["sheet", "--all"], cwd=sample)
    assert result.code == 1
    places = [line.split(":")[0] for line in result.err.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert places == ["programme.yaml"]
    status = run_cli(["status"], cwd=sample)
    assert status.code == 0 and "programme.yaml:6:7: error schema-enum" in status.err


def test_status_always_exits_0(run_cli, sample):
    (sample / "mentees/adam-zerrouki.yaml").write_text("id: [\n", encoding="utf-8")
    result = run_cli(["status", "--format", "json"], cwd=sample)
    assert result.code == 0
    json.loads(result.out)  # the aside lines go to stderr: the JSON stays whole
    assert _aside_lines(result.err)[0].startswith("left aside: mentees/adam-zerrouki.yaml:")


# 2. Validation finds causes ---------------------------------------------------------------------


def test_planted_cascade_prints_its_cause_first_in_ten_lines_at_most(run_cli, sample):
    _replace(sample / "programme.yaml", "kind: school", "kind: ecole")
    _replace(sample / "programme.yaml", "  - id: prise-de-poste\n    label: Préparer la prise de premier poste\n", "  - prise-de-poste\n")
    result = run_cli(["validate"], cwd=sample)
    lines = result.out.splitlines()
    assert result.code == 1 and len(lines) <= 10, result.out
    assert lines[0].startswith("programme.yaml:6:7: error schema-enum kind:")
    assert lines[1] == "  hint: did you mean 'school'? use one of the listed values"
    assert re.search(r"^  and \d+ problem\(s\) that follow from it", result.out, re.MULTILINE)
    assert all(not line.startswith(("mentees/", "mentors/")) for line in lines)
    # Nothing is lost for tools: the consequences are listed after their cause.
    doc = json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)
    files = [p["file"] for p in doc["problems"]]
    assert files[0] == "programme.yaml" and any(p["code"] == "ref-theme" for p in doc["problems"])


def test_the_issues_two_typos_give_two_causes(run_cli, sample):
    _replace(sample / "programme.yaml", "kind: school", "kind: ecole")
    _replace(sample / "programme.yaml", "alert_after_days: 45", "alert_after_days: 45 jours")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1 and len(result.out.splitlines()) <= 10, result.out
    assert "hint: write the number alone: 45" in result.out
    assert result.out.splitlines()[-1].startswith("2 error(s)")


def test_every_layer_of_a_file_is_checked_in_one_run(run_cli, sample):
    # A schema error (impossible date) and a cross-file error (unknown theme) in the same file.
    path = sample / "mentees/adam-zerrouki.yaml"
    _replace(path, "registered_on: 2026-11-03", "registered_on: 2026-11-31")
    _replace(path, "  - theme: self-confidence", "  - theme: self-confidance")
    codes = {(p["code"], p["file"]) for p in json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)["problems"]}
    assert {("date-impossible", "mentees/adam-zerrouki.yaml"), ("ref-theme", "mentees/adam-zerrouki.yaml")} <= codes


# 3. Dates the French way ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("15/01/2026", "date: '15/01/2026' is a date, but not written year-month-day", "write it 2026-01-15"),
        ("15 janvier 2026", "date: '15 janvier 2026' is a date, but not written year-month-day", "write it 2026-01-15"),
        ("2026-02-31", "date: '2026-02-31' is not a real date: February has 28 days in 2026", "correct the day or the month"),
        ("demain", "date: the value written is not a date", "write the date as YYYY-MM-DD, e.g. 2026-01-15"),
    ],
)
def test_dates_in_a_note_are_explained(run_cli, sample, written, message, hint):
    _replace(sample / BAD_NOTE, "date: 2026-04-09", f"date: {written}")
    [problem] = [p for p in json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)["problems"] if p["file"] == BAD_NOTE]
    assert (problem["message"], problem["hint"]) == (message, hint)
    assert "this value" not in problem["message"]


def test_date_options_are_explained(run_cli, sample):
    result = run_cli(["contact", A_PAIR, "--channel", "mail", "--date", "15/01/2026"], cwd=sample)
    assert result.code == 2 and "hint: write it 2026-01-15" in result.err
    result = run_cli(["contact", A_PAIR, "--channel", "mail", "--date", "2026-02-29"], cwd=sample)
    assert result.code == 2 and "hint: February has 28 days in 2026" in result.err


# 4. Did you mean ------------------------------------------------------------------------------


def test_a_misspelt_mentor_gets_did_you_mean_and_no_harmful_rename(run_cli, sample):
    _replace(sample / "pairs/lea-martin--paul-lambert.yaml", "mentor: paul-lambert", "mentor: paul-lamber")
    found = json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)["problems"]
    mine = [p for p in found if p["file"] == "pairs/lea-martin--paul-lambert.yaml"]
    assert [p["code"] for p in mine] == ["ref-missing"]
    assert mine[0]["hint"].startswith("did you mean 'paul-lambert'?")
    assert not any("paul-lamber'" in p["hint"] for p in found)


def test_unknown_themes_and_publics_get_the_closest(run_cli, sample):
    path = sample / "mentees/adam-zerrouki.yaml"
    _replace(path, "public: talents", "public: talent")
    _replace(path, "  - theme: self-confidence", "  - theme: self-confidance")
    hints = {p["code"]: p["hint"] for p in json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)["problems"]}
    assert hints["ref-public"].startswith("did you mean 'talents'?")
    assert hints["ref-theme"].startswith("did you mean 'self-confidence'?")


# 5. Faithful edits: a property over every pair file of the sample ---------------------------------


def _plant_comments(root: Path) -> None:
    """Comments, a blank line and a quoted date in every pair file: all must survive the edits."""
    for path in sorted((root / "pairs").glob("*.yaml")):
        content = path.read_text(encoding="utf-8")
        if "# Suivi attentif" in content:
            continue
        content = content.replace("\nstatus:", "\n# Suivi attentif (note de la coordinatrice)\n\nstatus:", 1)
        content = re.sub(
            r"^proposed_on: '?(\d{4}-\d{2}-\d{2})'?$", r"proposed_on: '\1'  # date de la proposition", content, count=1, flags=re.MULTILINE
        )
        path.write_text(content, encoding="utf-8")


def _owner(lines: list[str], index: int) -> str:
    """The top-level key whose entry holds line `index`."""
    for line in reversed(lines[: index + 1]):
        if line and not line[0].isspace() and not line.startswith(("#", "-")) and ":" in line:
            return line.split(":", 1)[0]
    return ""


def _assert_only_changed_entries_differ(before: str, after: str, path: str) -> None:
    old, new = yaml.safe_load(before), yaml.safe_load(after)
    changed = {k for k in {*old, *new} if old.get(k) != new.get(k)}
    a, b = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i in range(i1, i2):
            assert not a[i].lstrip().startswith("#") and _owner(a, i) in changed, (path, a[i], changed)
        for j in range(j1, j2):
            assert _owner(b, j) in changed, (path, b[j], changed)


@pytest.mark.parametrize("command", ["contact", "sign", "rematch", "confirm"])
def test_edits_change_only_the_lines_of_what_they_change(run_cli, sample, command):
    _plant_comments(sample)
    if command == "confirm":
        assert run_cli(["pair"], cwd=sample).code == 0
        _plant_comments(sample)
    pairs = sorted(p.stem for p in (sample / "pairs").glob("*.yaml"))
    for pid in pairs:
        path = sample / "pairs" / f"{pid}.yaml"
        before = path.read_text(encoding="utf-8")
        status = yaml.safe_load(before)["status"]
        if command == "contact":
            args = ["contact", pid, "--channel", "phone", "--summary", "Point d'étape : tout va bien"]
        elif command == "sign":
            args = ["sign", pid, "--mentor", "2026-11-20", "--force"]
        elif command == "rematch" and status == "confirmed" and pid in (A_PAIR, OTHER_PAIR):
            args = ["rematch", pid, "--reason", "Déménagement"]
        elif command == "confirm" and status == "proposed":
            args = ["confirm", pid]
        else:
            continue
        result = run_cli(args, cwd=sample)
        assert result.code == 0, (args, result.err)
        after = path.read_text(encoding="utf-8")
        assert after != before
        _assert_only_changed_entries_differ(before, after, pid)
        assert "# Suivi attentif (note de la coordinatrice)\n\nstatus:" in after
        assert "  # date de la proposition" in after
        assert after.count("''") == before.count("''")  # no 'Point d''étape' written
    assert run_cli(["validate"], cwd=sample).code == 0


def test_an_appended_contact_adds_its_lines_only(run_cli, sample):
    path = sample / "pairs" / f"{A_PAIR}.yaml"
    before = path.read_text(encoding="utf-8")
    assert run_cli(["contact", A_PAIR, "--channel", "mail", "--date", "2026-11-20", "--summary", "Point d'étape"], cwd=sample).code == 0
    assert path.read_text(encoding="utf-8") == before + ("  - date: 2026-11-20\n    channel: mail\n    summary: Point d'étape\n")


def test_sign_changes_only_the_signature_line(run_cli, sample):
    path = sample / "pairs" / f"{A_PAIR}.yaml"
    before = path.read_text(encoding="utf-8")
    assert run_cli(["sign", A_PAIR, "--mentor", "2026-11-20", "--force"], cwd=sample).code == 0
    assert path.read_text(encoding="utf-8") == before.replace("  mentor: 2026-04-05\n", "  mentor: 2026-11-20\n")


# 6. pair --commit after pair ------------------------------------------------------------------


def test_pair_commit_after_pair_commits_the_proposal_and_never_makes_empty_branches(run_cli, sample):
    # git is part of the tool's set-up (a programme lives in a repository): missing, this test fails, never skips.
    assert shutil.which("git") is not None, "git is not installed"
    _git(sample, "init", "-q")
    _git(sample, "add", "-A")
    _git(sample, "commit", "-q", "-m", "start")
    assert run_cli(["pair"], cwd=sample).code == 0
    first = run_cli(["pair", "--commit"], cwd=sample)
    assert first.code == 0 and "committed on the new branch 'pairing-2026-11-25'" in first.out
    assert _git(sample, "status", "--porcelain", "--untracked-files=all", "--", "pairs", "pairing.yaml") == ""
    assert "Pairing proposal" in _git(sample, "log", "-1", "--format=%s")
    again = run_cli(["pair", "--commit"], cwd=sample)
    assert again.code == 0 and "nothing new to commit" in again.out
    assert _git(sample, "branch", "--list", "--format=%(refname:short)").split() == ["master", "pairing-2026-11-25"] or _git(
        sample, "branch", "--list", "--format=%(refname:short)"
    ).split() == ["main", "pairing-2026-11-25"]
    assert ".mentorat.lock" not in _git(sample, "status", "--porcelain")


# 7. Date coherence and the smaller points ---------------------------------------------------------


def test_sign_force_never_records_a_signature_before_the_proposal(run_cli, sample):
    path = sample / "pairs" / f"{A_PAIR}.yaml"
    before = path.read_bytes()
    result = run_cli(["sign", A_PAIR, "--mentor", "2026-01-05", "--force"], cwd=sample)
    assert result.code == 2 and "before the pair was proposed (2026-03-02)" in result.err
    assert path.read_bytes() == before


def test_validate_checks_the_coherence_of_dates(run_cli, sample):
    _replace(sample / "pairs" / f"{A_PAIR}.yaml", "  mentor: 2026-04-05", "  mentor: 2026-01-05")
    _replace(sample / "pairs" / f"{OTHER_PAIR}.yaml", "started_on: 2026-04-01", "started_on: 2026-02-01")
    _replace(sample / f"notes/{A_PAIR}/2026-11-17-regular.md", "date: 2026-11-17", "date: 2027-11-17")
    (sample / f"notes/{A_PAIR}/2026-11-17-regular.md").rename(sample / f"notes/{A_PAIR}/2027-11-17-regular.md")
    final = sample / f"notes/{A_PAIR}/2026-03-10-final.md"
    final.write_text("---\ndate: 2026-03-10\nkind: final\n---\n\nCorps privé.\n", encoding="utf-8")
    found = {(p["code"], p["file"]) for p in json.loads(run_cli(["validate", "--format", "json"], cwd=sample).out)["problems"]}
    assert ("pair-signed-early", f"pairs/{A_PAIR}.yaml") in found
    assert ("pair-before-cohort", f"pairs/{OTHER_PAIR}.yaml") in found
    assert ("date-future", f"notes/{A_PAIR}/2027-11-17-regular.md") in found
    assert ("note-final-early", f"notes/{A_PAIR}/2026-03-10-final.md") in found
    assert "Corps privé" not in run_cli(["validate"], cwd=sample).out


def test_note_new_twice_the_same_day_does_not_create_a_second_kind(run_cli, sample):
    assert run_cli(["note", "new", A_PAIR], cwd=sample).code == 0
    second = run_cli(["note", "new", A_PAIR], cwd=sample)
    assert second.code == 2 and "already records a meeting on 2026-11-25" in second.err and "--kind" in second.err
    assert len(list((sample / "notes" / A_PAIR).glob("2026-11-25-*.md"))) == 1
    assert run_cli(["note", "new", A_PAIR, "--kind", "regular"], cwd=sample).code == 0  # on purpose: allowed


def test_status_shows_no_negative_waiting_days(run_cli, sample):
    data = json.loads(run_cli(["status", "--format", "json"], cwd=sample, today="2026-10-01").out)
    assert all(row["days_waiting"] is None or row["days_waiting"] >= 0 for row in data["waiting_mentees"])
    assert "adam-zerrouki" not in {row["mentee"] for row in data["waiting_mentees"]}  # registered 2026-11-03


def test_the_sample_ignores_the_lock_file():
    sample = Path(__file__).resolve().parent.parent / "sample-programme"
    assert ".mentorat.lock" in (sample / ".gitignore").read_text(encoding="utf-8").splitlines()
