"""The spreadsheet dialects `mentorat import` meets: encodings, delimiters, quoted cells."""

from __future__ import annotations

import pytest
import yaml

HEADER = ["Prénom", "Nom", "Courriel", "Ville"]
ROW = ["Noël", "Lefèvre", "noel@example.org", "Besançon, Doubs"]


def _line(cells: list[str], delimiter: str) -> str:
    return delimiter.join(f'"{c}"' if delimiter in c else c for c in cells)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ";"),
        ("cp1252", ";"),
        ("latin-1", "\t"),
        ("utf-16", "\t"),
    ],
)
def test_encodings_and_delimiters(programme, run_cli, tmp_path, encoding, delimiter):
    root = programme()
    source = tmp_path / "export.csv"
    text = "\r\n".join(_line(cells, delimiter) for cells in (HEADER, ROW)) + "\r\n"
    source.write_bytes(text.encode(encoding))
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    data = yaml.safe_load((root / "mentees" / "noel-lefevre.yaml").read_text(encoding="utf-8"))
    assert (data["first_name"], data["last_name"], data["location"]) == ("Noël", "Lefèvre", {"city": "Besançon, Doubs"})


def test_bad_byte_after_a_utf8_bom_is_reported_with_its_line(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "export.csv"
    source.write_bytes("\ufeffPrénom,Nom,Courriel\n".encode() + b"No\xebl,L,n@example.org\n")
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 2
    assert "export.csv: row 2: error tabular-bad-utf8 the file starts as UTF-8 but byte EB is not valid UTF-8" in result.err
    assert "CSV UTF-8" in result.err


def test_headers_with_spaces_and_case_are_recognised(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "export.csv"
    source.write_text("  PRÉNOM ;Nom de famille;Adresse e-mail ;Années d’expérience\nAna;Silva;ana@example.org;7 ans\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    data = yaml.safe_load((root / "mentees" / "ana-silva.yaml").read_text(encoding="utf-8"))
    assert data["experience_years"] == 7 and data["email"] == "ana@example.org"


def test_value_under_no_header_is_reported_with_row_and_column(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "export.csv"
    source.write_text("Prénom,Nom,Courriel\nAna,Silva,ana@example.org,en trop\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 2
    assert "export.csv: row 2, column D: error tabular-no-header-cell a value sits in column D, which has no header" in result.err
    assert not (root / "mentees").exists()
