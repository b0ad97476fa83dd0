"""`mentorat person show` and `mentorat forget`: access and erasure, saying exactly what was done."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.conftest import snapshot

FILES = {
    "mentors/jean-martin.yaml": """\
        id: jean-martin
        first_name: Jean
        last_name: Martin
        email: jean.martin@example.org
        civil_servant: true
        publics: [internal]
        """,
    "mentees/marie-dupont.yaml": """\
        id: marie-dupont
        first_name: Marie
        last_name: Dupont
        email: marie.dupont@example.org
        phone: "06 12 34 56 70"
        public: internal
        registered_on: "2026-09-02"
        cohort: "2026"
        career_path: Licence de droit à Lyon
        """,
    "mentees/paul-durand.yaml": """\
        id: paul-durand
        first_name: Paul
        last_name: Durand
        email: paul.durand@example.org
        public: internal
        not_with: [marie-dupont]
        """,
    "pairs/marie-dupont--jean-martin.yaml": """\
        id: marie-dupont--jean-martin
        mentee: marie-dupont
        mentor: jean-martin
        status: confirmed
        proposed_on: "2026-09-10"
        confirmed_on: "2026-09-12"
        contacts:
          - {date: "2026-10-01", channel: phone, summary: Marie se sent bien accompagnée}
        criteria:
          - {criterion: themes, points: 30, evidence: Marie veut du réseau}
        """,
    "notes/marie-dupont--jean-martin/2026-10-05-first.md": """\
        ---
        date: "2026-10-05"
        kind: first
        duration_minutes: 60
        ---
        SECRET-BODY confidences de Marie.
        """,
    "feedback/fb-marie-dupont-mentee.yaml": """\
        id: fb-marie-dupont-mentee
        role: mentee
        pair: marie-dupont--jean-martin
        satisfaction: very_satisfied
        comment: Merci Jean, c'était précieux pour moi, Marie.
        """,
    "feedback/fb-marie-dupont-mentor.yaml": """\
        id: fb-marie-dupont-mentor
        role: mentor
        pair: marie-dupont--jean-martin
        satisfaction: rather_satisfied
        consent_quote: true
        comment: Marie a beaucoup progressé.
        """,
}


@pytest.fixture
def prog(programme):
    return programme(FILES)


def all_text(root) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and p.name != ".mentorat.lock"
    )


def test_person_show_lists_everything_but_note_bodies(prog, run_cli):
    result = run_cli(["--root", prog, "person", "show", "marie-dupont"])
    assert result.code == 0, result.err
    out = result.out
    assert "Everything held on mentees/marie-dupont.yaml (mentee)" in out
    assert "phone: 06 12 34 56 70" in out and "career_path: Licence de droit à Lyon" in out
    assert "pairs/marie-dupont--jean-martin.yaml" in out and "summary: Marie se sent bien accompagnée" in out
    assert "comment: Merci Jean" in out  # her own response
    assert "feedback/fb-marie-dupont-mentor.yaml: by the other member of the pair, not shown" in out
    assert "Marie a beaucoup progressé" not in out
    assert "notes/marie-dupont--jean-martin/2026-10-05-first.md: date: 2026-10-05, kind: first" in out
    assert "SECRET-BODY" not in out and "confidences" not in out
    assert "mentees/paul-durand.yaml: in not_with" in out
    assert "the text of a note is private to the pair" in out


def test_person_show_unknown_id(prog, run_cli):
    result = run_cli(["--root", prog, "person", "show", "nobody"])
    assert result.code == 2 and "no mentor or mentee has the id 'nobody'" in result.err


def test_forget_dry_run_changes_nothing(prog, run_cli):
    before = snapshot(prog)
    result = run_cli(["--root", prog, "forget", "marie-dupont", "--dry-run"])
    assert result.code == 0, result.err
    assert snapshot(prog) == before
    assert "mentees/marie-dupont.yaml: replaced by the anonymous record mentees/erased-0001.yaml" in result.out
    assert "dry run: nothing changed" in result.out
    assert "erased 1 person" not in result.out


def test_forget_removes_personal_data_and_keeps_figures(prog, run_cli):
    result = run_cli(["--root", prog, "forget", "marie-dupont"])
    assert result.code == 0, result.err
    record = yaml.safe_load((prog / "mentees" / "erased-0001.yaml").read_text(encoding="utf-8"))
    assert record == {
        "id": "erased-0001",
        "first_name": "Anonyme",
        "last_name": "Anonyme",
        "email": "erased-0001@invalid.example",
        "status": "erased",
        "registered_on": "2026-09-02",
        "cohort": "2026",
        "public": "internal",
    }
    assert not (prog / "mentees" / "marie-dupont.yaml").exists()
    pair = yaml.safe_load((prog / "pairs" / "erased-0001--jean-martin.yaml").read_text(encoding="utf-8"))
    # Written in the programme's language (French), whatever the language of the run (English here).
    assert pair["status"] == "ended" and pair["end_reason"] == "données effacées à la demande de la personne"
    assert pair["ended_on"] == "2026-11-25" and pair["contacts"] == [{"date": "2026-10-01", "channel": "phone"}]
    assert not (prog / "notes" / "marie-dupont--jean-martin").exists()
    assert not (prog / "feedback" / "fb-marie-dupont-mentee.yaml").exists()
    other = yaml.safe_load((prog / "feedback" / "fb-erased-0001-mentor.yaml").read_text(encoding="utf-8"))
    assert other["satisfaction"] == "rather_satisfied" and "comment" not in other and other["consent_quote"] is False
    assert yaml.safe_load((prog / "mentees" / "paul-durand.yaml").read_text())["not_with"] == ["erased-0001"]
    remaining = all_text(prog)
    for trace in ("marie-dupont", "Marie", "Dupont", "06 12 34 56 70", "Lyon", "SECRET-BODY"):
        assert trace not in remaining
    assert "Git" not in result.out and "not in a git repository" in result.out
    check = run_cli(["--root", prog, "validate"])
    assert check.code == 0, check.out


def test_forget_in_git_prints_the_purge_command(prog, run_cli):
    # git is part of the tool's set-up (a programme lives in a repository): missing, this test fails, never skips.
    assert shutil.which("git") is not None, "git is not installed"
    subprocess.run(["git", "init", "-q", str(prog)], check=True)
    result = run_cli(["--root", prog, "forget", "marie-dupont"])
    assert result.code == 0, result.err
    assert "Git history still holds the old data" in result.out
    line = next(x for x in result.out.splitlines() if "git filter-repo" in x)
    for path in (
        "mentees/marie-dupont.yaml",
        "pairs/marie-dupont--jean-martin.yaml",
        "notes/marie-dupont--jean-martin/",
        "feedback/fb-marie-dupont-mentee.yaml",
        "feedback/fb-marie-dupont-mentor.yaml",
    ):
        assert f"--path {path}" in line
    # paul-durand.yaml was edited in place (its exclusion now names the new id): said so, not hidden.
    changed = next(x for x in result.out.splitlines() if "Files changed in place" in x)
    assert "mentees/paul-durand.yaml" in changed and "--replace-text" in changed


def test_forget_reports_files_it_did_not_touch(prog, run_cli):
    (prog / "out").mkdir()
    (prog / "out" / "charter-marie-dupont--jean-martin.md").write_text("Charte", encoding="utf-8")
    result = run_cli(["--root", prog, "forget", "marie-dupont"])
    assert result.code == 0, result.err
    assert "out/charter-marie-dupont--jean-martin.md: NOT changed" in result.out
    assert (prog / "out" / "charter-marie-dupont--jean-martin.md").exists()


def test_forget_twice_and_unknown(prog, run_cli):
    assert run_cli(["--root", prog, "forget", "marie-dupont"]).code == 0
    again = run_cli(["--root", prog, "forget", "erased-0001"])
    assert again.code == 2 and "already erased" in again.err
    assert run_cli(["--root", prog, "forget"]).code == 2
    assert run_cli(["--root", prog, "forget", "nobody"]).code == 2
    # A second erasure takes the next number.
    assert run_cli(["--root", prog, "forget", "paul-durand"]).code == 0
    assert (prog / "mentees" / "erased-0002.yaml").exists()


def test_forget_expired(prog, run_cli):
    early = run_cli(["--root", prog, "forget", "--expired"])
    assert early.code == 0 and "nobody is past the retention period (12 months" in early.out
    late = "2028-07-01"  # cohort ends 2027-06-30, kept 12 months
    warned = run_cli(["--root", prog, "validate"], today=late)
    assert "retention-expired" in warned.out
    before = snapshot(prog)
    dry = run_cli(["--root", prog, "forget", "--expired", "--dry-run"], today=late)
    assert dry.code == 0 and snapshot(prog) == before
    done = run_cli(["--root", prog, "forget", "--expired"], today=late)
    assert done.code == 0, done.err
    assert "erased 3 person(s)" in done.out
    assert sorted(p.name for p in (prog / "mentees").iterdir()) == ["erased-0002.yaml", "erased-0003.yaml"]
    assert sorted(p.name for p in (prog / "mentors").iterdir()) == ["erased-0001.yaml"]
    after = run_cli(["--root", prog, "validate"], today=late)
    assert after.code == 0 and "retention-expired" not in after.out
    for trace in ("Marie", "Jean", "Paul", "Dupont", "Martin", "Durand"):
        assert trace not in all_text(prog)


def test_forget_drops_the_import_fingerprints(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "in.csv"
    source.write_text("Prénom,Nom,Courriel\nLina,Haddad,lina@example.org\nOmar,Sy,omar@example.org\n", encoding="utf-8")
    assert run_cli(["--root", root, "import", source, "--role", "mentee"]).code == 0
    shown = run_cli(["--root", root, "person", "show", "lina-haddad"])
    assert "Import records: .mentorat/import-state.yaml holds fingerprints" in shown.out
    result = run_cli(["--root", root, "forget", "lina-haddad"])
    assert result.code == 0, result.err
    assert ".mentorat/import-state.yaml: removed this person's import fingerprints" in result.out
    state = (root / ".mentorat" / "import-state.yaml").read_text(encoding="utf-8")
    assert "lina" not in state and "mentees/omar-sy.yaml" in state
    assert run_cli(["--root", root, "validate"]).code == 0
