"""`mentorat export`: safe cells, metadata only, stable pseudonyms, byte-identical files."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from tests.conftest import snapshot

KEY = "a-test-key-that-is-long-enough"

PEOPLE = {
    "mentors/jean-martin.yaml": """\
        id: jean-martin
        first_name: "=HYPERLINK(\\"http://evil.example\\")"
        last_name: Martin
        email: jean.martin@example.org
        phone: "+33612345670"
        organisation: "@Direction"
        themes: [networking, career-progression]
        publics: [internal]
        civil_servant: true
        """,
    "mentees/marie-dupont.yaml": """\
        id: marie-dupont
        first_name: Marie
        last_name: "-Dupont"
        email: marie.dupont@example.org
        public: internal
        unit: "\\tTab"
        """,
    "pairs/marie-dupont--jean-martin.yaml": """\
        id: marie-dupont--jean-martin
        mentee: marie-dupont
        mentor: jean-martin
        status: confirmed
        proposed_on: "2026-09-10"
        confirmed_on: "2026-09-12"
        contacts:
          - {date: "2026-10-01", channel: phone, summary: Tout va bien}
        """,
    "notes/marie-dupont--jean-martin/2026-10-05-first.md": """\
        ---
        date: "2026-10-05"
        kind: first
        duration_minutes: 60
        format: remote
        topics: [networking]
        ---
        SECRET-BODY Marie parle de sa santé.
        """,
}


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def prog(programme):
    return programme(PEOPLE)


def test_people_csv_neutralises_formulas(prog, run_cli):
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "-o", "-"])
    assert result.code == 0, result.err
    rows = read_csv(result.out)
    header, mentor, mentee = rows
    assert header[:6] == ["role", "id", "first_name", "last_name", "email", "phone"]
    row = dict(zip(header, mentor, strict=True))
    assert row["first_name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["phone"] == "'+33612345670"
    assert row["organisation"] == "'@Direction"
    assert row["themes"] == "Réseau professionnel; Évolution de carrière"  # labels: a French programme
    other = dict(zip(header, mentee, strict=True))
    assert other["last_name"] == "'-Dupont" and other["unit"] == "'\tTab"
    assert [r[0] for r in rows[1:]] == ["mentor", "mentoré(e)"]


def test_export_to_file_is_deterministic_and_refuses_overwrite(prog, run_cli):
    result = run_cli(["--root", prog, "export", "pairs", "--dialect", "excel", "--format", "csv"])
    assert result.code == 0, result.err
    target = prog / "out" / "export-pairs.csv"
    first = target.read_bytes()
    assert first.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as "this is UTF-8"
    rows = read_csv(first.decode("utf-8-sig"))
    assert rows[1][:4] == ["marie-dupont--jean-martin", "marie-dupont", "jean-martin", "confirmé"]
    assert rows[1][-1] == "1"  # one contact, counted: its summary is not exported
    assert "Tout va bien" not in first.decode("utf-8-sig")
    again = run_cli(["--root", prog, "export", "pairs", "--dialect", "excel"])
    assert again.code == 2 and "already exists" in again.err
    assert run_cli(["--root", prog, "export", "pairs", "--dialect", "excel", "--force"]).code == 0
    assert target.read_bytes() == first


def test_meetings_carry_metadata_never_bodies(prog, run_cli):
    result = run_cli(["--root", prog, "export", "meetings", "--dialect", "excel", "-o", "-"])
    assert result.code == 0, result.err
    assert "SECRET-BODY" not in result.out and "santé" not in result.out
    rows = read_csv(result.out)
    assert rows[1] == [
        "marie-dupont--jean-martin",
        "marie-dupont",
        "jean-martin",
        "2026-10-05",
        "Premier rendez-vous",
        "oui",
        "60",
        "à distance",
        "Réseau professionnel",
    ]


def test_xlsx_cells_are_text_not_formulas_and_bytes_are_stable(prog, run_cli):
    assert run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--format", "xlsx"]).code == 0
    path = prog / "out" / "export-people.xlsx"
    first = path.read_bytes()
    book = openpyxl.load_workbook(path)
    sheet = book.active
    cell = sheet.cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value == '\'=HYPERLINK("http://evil.example")'
    assert run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--format", "xlsx", "--force"]).code == 0
    assert path.read_bytes() == first
    assert run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--format", "xlsx", "-o", "-"]).code == 2


def test_pseudonymise_needs_a_key(prog, run_cli, monkeypatch, tmp_path):
    monkeypatch.delenv("MENTORAT_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    before = snapshot(prog)
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise"])
    assert result.code == 2
    assert "--pseudonymise needs a secret key" in result.err and "MENTORAT_PSEUDONYM_KEY" in result.err
    assert "secrets.token_urlsafe" in result.err
    assert snapshot(prog) == before


def test_pseudonyms_are_stable_keyed_and_hide_names(prog, run_cli, monkeypatch, tmp_path):
    monkeypatch.delenv("MENTORAT_PSEUDONYM_KEY", raising=False)
    config = tmp_path / "config"
    (config / "mentorat").mkdir(parents=True)
    (config / "mentorat" / "pseudonym.key").write_text(KEY + "\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    first = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise", "-o", "-"])
    assert first.code == 0, first.err
    for secret in ("Marie", "Dupont", "jean", "martin", "example.org", "33612345670"):
        assert secret not in first.out
    assert run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise", "-o", "-"]).out == first.out
    pairs = read_csv(run_cli(["--root", prog, "export", "pairs", "--dialect", "excel", "--pseudonymise", "-o", "-"]).out)
    people = read_csv(first.out)
    ids = {row[0]: row[1] for row in people[1:]}
    # The same person has the same pseudonym in every table, so tables can still be joined.
    assert pairs[1][1] == ids["mentoré(e)"] and pairs[1][2] == ids["mentor"]
    assert pairs[1][0] == f"{ids['mentoré(e)']}--{ids['mentor']}"
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", "another-key-also-long-enough")
    other = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise", "-o", "-"])
    assert other.code == 0 and other.out != first.out


def test_short_key_and_key_inside_programme_are_refused(prog, run_cli, monkeypatch):
    monkeypatch.setenv("MENTORAT_PSEUDONYM_KEY", "short")
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise", "-o", "-"])
    assert result.code == 2 and "too short" in result.err
    monkeypatch.delenv("MENTORAT_PSEUDONYM_KEY")
    (prog / "mentorat").mkdir()
    (prog / "mentorat" / "pseudonym.key").write_text(KEY, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(prog))
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "--pseudonymise", "-o", "-"])
    assert result.code == 2 and "inside the programme folder" in result.err


def test_a_typed_output_is_taken_from_the_current_folder_and_may_leave_the_programme(prog, run_cli, tmp_path):
    work = tmp_path / "a" / "work"
    work.mkdir(parents=True)
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "-o", "../escape.csv"], cwd=work)
    assert result.code == 0, result.err
    assert (tmp_path / "a" / "escape.csv").read_bytes().startswith(b"\xef\xbb\xbfrole,id,")
    assert not (tmp_path / "escape.csv").exists()


def test_output_may_be_an_absolute_path_inside_the_programme(prog, run_cli):
    target = prog / "exports" / "gens.csv"
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel", "-o", target])
    assert result.code == 0, result.err
    assert "wrote exports/gens.csv: 2 row(s)" in result.out
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrole,id,")
