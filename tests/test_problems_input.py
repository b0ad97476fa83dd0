"""One Problem record for every bad input: rows of an import, cells of a spreadsheet, a broken template.

Each is printed by the printer `validate` uses (`where: severity code message`, then a hint),
all at once, with the place as the user sees it: row and column (letter and header) in a
spreadsheet, file and line in a template; in French for a French programme.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import snapshot
from test_documents_support import PAIR_ID, files
from test_report_fixture import TODAY as SURVEY_TODAY
from test_survey import ROW1 as SURVEY_ROW1
from test_survey import _setup as survey_setup

HEADER = "Prénom;Nom;Courriel;Date d'inscription;Fonctionnaire;Voie d'accès"
# Rows 3, 4 and 6 are bad, two of them in two cells; rows 2 and 5 are fine.
ROWS = [
    "Marie;Dupont;marie@example.org;01/09/2026;oui;Concours interne",
    "Paul;Petit;paul@example.org;32/09/2026;peut-être;Concours interne",
    "=SOMME(A1);Martin;jean@example.org;01/09/2026;non;Concours spécial",
    "Lina;Roux;lina@example.org;02/09/2026;non;Concours externe",
    "Zoé;Blanc;;03/09/2026;12;Concours externe",
]
PROBLEM_LINE = re.compile(
    r'^in\.csv(?:: row|, ligne) (\d+), (?:column|colonne) ([A-Z]) ["«][ \u202f]?([^"»]+?)[ \u202f]?["»]: (?:error|erreur) ([a-z0-9-]+) '
)


@pytest.fixture
def french_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No MENTORAT_LANG: the programme's language (French) is used, as on a coordinator's machine."""
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _export(folder: Path, rows: list[str]) -> Path:
    path = folder / "in.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _problems(err: str) -> list[tuple[int, str, str, str]]:
    """(row, column letter, header, code) of every problem line printed."""
    out = []
    for line in err.splitlines():
        match = PROBLEM_LINE.match(line)
        if match:
            out.append((int(match.group(1)), match.group(2), match.group(3), match.group(4)))
    return out


def test_every_bad_row_of_an_import_is_reported_with_its_row_and_column(programme, run_cli, tmp_path):
    root = programme()
    before = snapshot(root)
    result = run_cli(["--root", root, "import", _export(tmp_path, ROWS), "--role", "mentee"])
    assert result.code == 1
    assert snapshot(root) == before  # nothing written while a row is bad
    assert _problems(result.err) == [
        (3, "D", "Date d'inscription", "import-cell-no-such-date"),
        (3, "E", "Fonctionnaire", "import-cell-yes-no"),
        (4, "A", "Prénom", "import-cell-formula"),
        (4, "F", "Voie d'accès", "import-cell-choice"),
        (6, "C", "Courriel", "import-cell-required"),
        (6, "E", "Fonctionnaire", "import-cell-yes-no"),
    ]
    # Each problem has its hint, and the summary counts the rows, not the cells.
    assert result.err.count("\n  hint: ") == 6
    assert "nothing written: 3 row(s) have errors" in result.err
    assert "3 row(s) rejected" in result.out


def test_import_problems_speak_french_in_a_french_programme(programme, run_cli, tmp_path, french_machine):
    root = programme()
    result = run_cli(["--root", root, "import", _export(tmp_path, ROWS), "--role", "mentee"])
    assert result.code == 1
    assert len(_problems(result.err)) == 6
    assert (
        "in.csv, ligne 3, colonne E «\u202fFonctionnaire\u202f»: erreur import-cell-yes-no «\u202fpeut-être\u202f» n'est ni oui ni non"
        in result.err
    )
    assert "in.csv, ligne 6, colonne C «\u202fCourriel\u202f»: erreur import-cell-required email est vide mais obligatoire" in result.err
    assert "conseil\xa0: remplissez la cellule, ou supprimez la ligne" in result.err
    assert " is not " not in result.err  # no English reason left


def test_skip_invalid_still_reports_every_bad_row_and_imports_the_others(programme, run_cli, tmp_path):
    root = programme()
    result = run_cli(["--root", root, "import", _export(tmp_path, ROWS), "--role", "mentee", "--skip-invalid"])
    assert result.code == 1
    assert {row for row, *_ in _problems(result.err)} == {3, 4, 6}
    assert sorted(p.name for p in (root / "mentees").iterdir()) == ["lina-roux.yaml", "marie-dupont.yaml"]


def test_a_spreadsheet_with_several_bad_cells_reports_them_all_at_once(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "in.csv"
    long = "x" * 40_000
    source.write_text(f"Prénom;Nom;Courriel;Nom\nA;B;{long};C\nD;E;f@example.org;G;en trop\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 2  # nothing could be read: as before, a usage error
    lines = [line for line in result.err.splitlines() if not line.startswith("  ")]
    assert lines == [
        "in.csv: row 1, column D \"Nom\": error tabular-header-twice column header 'Nom' appears twice (columns B and D)",
        'in.csv: row 2, column C "Courriel": error tabular-cell-too-long cell is 40000 characters long (at most 32767)',
        "in.csv: row 3, column E: error tabular-no-header-cell a value sits in column E, which has no header",
    ]
    assert long not in result.err


def test_people_import_matches_headers_whatever_their_case_and_accents(programme, run_cli, tmp_path):
    """A mapping written for « Prénom » still finds the column a form tool re-exported as « prenom »."""
    root = programme()
    source = tmp_path / "in.csv"
    source.write_text("prenom;NOM;courriel\nMarie;Dupont;marie@example.org\n", encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n  Prénom: first_name\n  Nom: last_name\n  Courriel: email\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--mapping", mapping])
    assert result.code == 0, result.err
    assert (root / "mentees" / "marie-dupont.yaml").is_file()


def test_survey_import_shares_that_header_matching_and_the_row_problems(tmp_path, run_cli):
    root, export, mapping = survey_setup(tmp_path, [SURVEY_ROW1, "25/06/2027;nobody@example.org;Bof;;;peut-être;;"])
    export.write_bytes(export.read_bytes().replace(b"Adresse e-mail;Satisfaction globale", b"adresse e-mail;SATISFACTION GLOBALE"))
    result = run_cli(["--root", root, "survey", "import", export, "--mapping", mapping], today=SURVEY_TODAY)
    assert result.code == 1
    # The header found is the table's own, as the user sees it in the spreadsheet.
    assert 'export.csv: row 3, column B "adresse e-mail": error survey-row-person' in result.out
    # Every bad cell of the row at once, not only the first one.
    assert "export.csv: row 3, column C \"SATISFACTION GLOBALE\": error survey-row-value satisfaction: 'Bof'" in result.out
    assert 'export.csv: row 3, column F "Recommanderiez-vous le programme ?": error survey-row-value would_recommend' in result.out
    assert result.out.count("export.csv: row ") == 3
    assert (root / "feedback").is_dir() and not list((root / "feedback").iterdir())


def test_a_broken_custom_template_is_a_problem_with_file_and_line_in_french(programme, run_cli, french_machine):
    prog, tree = files(extra="charter:\n  template: ma-charte\n")
    tree["templates/ma-charte.md.j2"] = "# Charte\n\nBonjour {{ mentee.first_name }},\n\n{% if mentor.nickname %}\n"
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1
    first, hint = result.err.splitlines()[:2]
    # Unclosed {% if %}: Jinja reports the end of the template, the line after the last one.
    assert re.match(r"^templates/ma-charte\.md\.j2:\d+:1: erreur doc-template-syntax erreur de modèle\xa0: ", first), first
    assert hint.startswith("  conseil\xa0: corrigez le modèle")
    assert not (root / "out").exists() and "Traceback" not in result.err


def test_a_template_using_a_missing_field_names_its_line_in_french(programme, run_cli, french_machine):
    prog, tree = files(extra="charter:\n  template: ma-charte\n")
    tree["templates/ma-charte.md.j2"] = "# Charte\n\nBonjour {{ mentee.first_name }},\n{{ mentor.surnom }}\n"
    root = programme(tree, programme_yaml=prog)
    result = run_cli(["charter", PAIR_ID], cwd=root)
    assert result.code == 1
    assert (
        "templates/ma-charte.md.j2:4:1: erreur doc-template-field le modèle utilise «\u202fsurnom\u202f», absent des données" in result.err
    )
    assert not (root / "out").exists()


def test_a_mapping_file_reports_every_bad_column_at_once(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "in.csv"
    source.write_text("Q1,Q2,Q3\nA,B,a@example.org\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  Q1: prenom\n  Q2: last_name\n  Q3: [email]\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--mapping", mapping])
    assert result.code == 2 and not (root / "mentees").exists()
    assert f"{mapping}:2:1: error import-mapping-field column 'Q1' maps to 'prenom'" in result.err
    assert f"{mapping}:4:1: error import-mapping-column column 'Q3' must map to a field name" in result.err
