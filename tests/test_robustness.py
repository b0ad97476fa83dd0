"""Bad input found by an adversarial pass: each case gives a clear problem (never exit 3), or works."""

from __future__ import annotations

import os
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import snapshot

READING = [
    ["status"],
    ["audit"],
    ["report"],
    ["sheet", "--all"],
    ["charter", "--all"],
    ["calendar", "--all"],
    ["scores"],
    ["pair", "--dry-run"],
    ["export", "people", "-o", "-"],
    ["person", "show", "aicha-traore"],
]


@pytest.mark.parametrize("value", ['"21000"', "[apprendre, progresser]", "21000", "[{theme: 5}]"])
def test_objectives_in_a_mentor_file_is_a_warning_not_a_crash(run_cli, sample: Path, value: str) -> None:
    """`objectives` belongs to mentees: in a mentor file it is an unknown field, whatever it holds."""
    path = sample / "mentors/aicha-traore.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"objectives: {value}\n", encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 0, result.out + result.err
    assert "mentors/aicha-traore.yaml:" in result.out and "schema-unknown-key unknown field 'objectives'" in result.out
    for args in READING:
        run = run_cli(args, cwd=sample)
        assert run.code == 0, (args, run.err)


def test_mentee_fields_of_mentor_roles_are_ignored_by_the_checks(run_cli, sample: Path) -> None:
    path = sample / "mentees/hugo-bernard.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "themes: null\npublics: 3\ncapacity: [1]\n", encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 0, result.out + result.err
    assert result.out.count("mentees/hugo-bernard.yaml:") == 3  # three unknown fields, nothing else


def test_unreadable_data_folder_is_a_problem(run_cli, sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = sample / "mentees"
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK):  # root reads anything: make the folder unreadable for this process
            real = os.scandir

            def scandir(path: object = ".") -> object:
                if Path(str(path)).resolve() == folder.resolve():
                    raise PermissionError(13, "Permission denied", str(path))
                return real(path)  # type: ignore[arg-type]

            monkeypatch.setattr(os, "scandir", scandir)
        result = run_cli(["validate"], cwd=sample)
        status = run_cli(["status"], cwd=sample)
    finally:
        folder.chmod(0o755)
    assert result.code == 1, result.err
    assert "mentees: error folder-unreadable the folder cannot be read: Permission denied" in result.out
    assert status.code in (0, 1) and "internal error" not in status.err  # status degrades, it does not crash


@pytest.mark.parametrize("replace", ["file", "broken-link"])
def test_data_folder_replaced_by_a_file_or_a_link(run_cli, sample: Path, replace: str) -> None:
    folder = sample / "pairs"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    if replace == "file":
        folder.write_text("not a folder\n", encoding="utf-8")
        expected = "pairs: error folder-not-folder"
    else:
        folder.symlink_to(sample / "nowhere")
        expected = "pairs: error file-symlink"
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1 and expected in result.out, result.out + result.err


def test_newline_in_the_programme_name_gives_a_valid_calendar(run_cli, sample: Path) -> None:
    path = sample / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("name: Mentorat des élèves", 'name: "Mentorat\\ndes élèves', 1).replace("promotion 2026\n", 'promotion 2026"\n', 1),
        encoding="utf-8",
    )
    assert run_cli(["validate"], cwd=sample).code == 0
    result = run_cli(["calendar", "--all"], cwd=sample)
    assert result.code == 0, result.err
    ics = (sample / "out/calendar.ics").read_bytes().decode().replace("\r\n ", "")  # unfold long lines
    assert "X-WR-CALNAME:Mentorat des élèves de l'INMSP, promotion 2026\r\n" in ics


def test_a_50_mb_profile_is_refused_before_parsing(run_cli, sample: Path) -> None:
    path = sample / "mentees/hugo-bernard.yaml"
    with path.open("a", encoding="utf-8") as handle:
        line = "".join(f"unknown_{i}: some value\n" for i in range(1000))
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50_000_000
    started = time.perf_counter()
    result = run_cli(["validate"], cwd=sample)
    elapsed = time.perf_counter() - started
    assert result.code == 1
    assert "mentees/hugo-bernard.yaml: error file-too-large the file is 47.7 MB, over the limit of 1.0 MB" in result.out, result.out
    assert elapsed < 5, elapsed  # about 0.3 s on a quiet machine (it took minutes and gigabytes before)


def test_the_size_limit_is_configurable(run_cli, sample: Path) -> None:
    profile = sample / "mentees/lea-martin.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "# " + "x" * 2000 + "\n", encoding="utf-8")
    assert run_cli(["validate"], cwd=sample).code == 0  # 2 kB is fine under the default 1 MB
    programme = sample / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "limits:\n  max_file_bytes: 1024\n", encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert (
        "mentees/lea-martin.yaml: error file-too-large the file is 2"  # 2,0xx bytes
        in result.out
    ), result.out
    assert "bytes, over the limit of 1024 bytes" in result.out
    assert result.out.count("file-too-large") == 1


def test_nul_byte_is_reported_with_its_line_and_column(run_cli, sample: Path) -> None:
    path = sample / "mentors/aicha-traore.yaml"
    path.write_bytes(path.read_bytes().replace(b"last_name: Traor", b"last_name: Tr\x00aor"))
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert "mentors/aicha-traore.yaml:4:14: error file-nul a NUL byte" in result.out, result.out
    assert "tab" not in result.out


def test_control_character_in_a_note_is_placed_without_quoting_the_note(run_cli, sample: Path) -> None:
    note = sorted((sample / "notes").rglob("*.md"))[0]
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("kind:", "kind:\x01", 1), encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    rel = note.relative_to(sample).as_posix()
    assert result.code == 1
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("kind:"))) + 1
    assert f"{rel}:{line}:6: error file-control-char an invisible control character (U+0001)" in result.out


def test_emails_equal_after_normalisation_are_duplicates(run_cli, sample: Path) -> None:
    composed = unicodedata.normalize("NFC", "hélène.dupré@example.org")
    decomposed = unicodedata.normalize("NFD", "HÉLÈNE.DUPRÉ@example.org")
    assert composed != decomposed.lower()
    for rel, email in (("mentors/aicha-traore.yaml", composed), ("mentees/lea-martin.yaml", decomposed)):
        path = sample / rel
        lines = [f"email: {email}" if x.startswith("email:") else x for x in path.read_text(encoding="utf-8").splitlines()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert "mentors/aicha-traore.yaml:" in result.out and "email-duplicate" in result.out, result.out


def test_a_pair_that_replaces_itself_is_rejected(run_cli, sample: Path) -> None:
    path = sample / "pairs/lea-martin--paul-lambert.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "replaces: lea-martin--paul-lambert\n", encoding="utf-8")
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert "pairs/lea-martin--paul-lambert.yaml:" in result.out and "pair-replaces-self" in result.out


def test_a_cycle_of_replaces_is_rejected(run_cli, sample: Path) -> None:
    path = sample / "pairs/hugo-bernard--julien-moreau.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "replaces: hugo-bernard--pierre-antoine-lemaire\n", encoding="utf-8")
    before = snapshot(sample)
    result = run_cli(["validate"], cwd=sample)
    assert result.code == 1
    assert (
        "error pair-replaces-cycle these pairs replace each other in a circle: hugo-bernard--julien-moreau -> "
        "hugo-bernard--pierre-antoine-lemaire -> hugo-bernard--julien-moreau"
    ) in result.out, result.out
    assert result.out.count("pair-replaces-cycle") == 2  # each pair of the circle
    assert snapshot(sample) == before


def test_report_publishes_no_respondent_count_under_the_threshold(run_cli, sample: Path) -> None:
    """The sample has 4 mentor respondents (threshold 5): the count and the rate that gives it back are hidden."""
    import openpyxl

    assert len(list((sample / "feedback").glob("*-mentor.yaml"))) == 4
    for fmt in ("md", "html", "xlsx"):
        assert run_cli(["report", "--format", fmt], cwd=sample).code == 0
    md = (sample / "out/report-2026.md").read_text(encoding="utf-8")
    assert "| Mentors | < 5 | non publié | non publié | 80 % |" in md
    assert "| Mentors | 4 |" not in md
    html = (sample / "out/report-2026.html").read_text(encoding="utf-8")
    assert "<td>&lt; 5</td>" in html.replace("\n", "") or "&lt; 5" in html
    assert "17 %" not in md and "17 %" not in html  # 4 of 23 eligible mentors
    book = openpyxl.load_workbook(sample / "out/report-2026.xlsx")
    rows = [[c for c in row if c is not None] for sheet in book for row in sheet.iter_rows(values_only=True)]
    assert ["Mentors", "< 5", "non publié", "non publié", 0.8] in rows  # the reference share is a typed percentage
    assert not any(row[:2] == ["Mentors", "4"] or row[:2] == ["Mentors", 4] for row in rows)


def test_forget_with_a_damaged_pairing_summary(run_cli, sample: Path) -> None:
    """Found by the fuzzer: pairing.yaml that is not UTF-8 made `forget` crash."""
    (sample / "pairing.yaml").write_bytes(b"objective: total\nunmatched: [adam-zerrouki]\nidle_mentors: [\xc3]\n")
    result = run_cli(["forget", "adam-zerrouki", "--dry-run"], cwd=sample)
    assert result.code == 0, result.err
    assert (sample / "pairing.yaml").read_bytes().endswith(b"[\xc3]\n")
