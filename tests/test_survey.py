"""`mentorat survey blank` and `mentorat survey import`: questionnaires out, form-tool answers in."""

from __future__ import annotations

from pathlib import Path

from conftest import snapshot
from test_report_fixture import TODAY, make

MAPPING = """\
columns:
  Horodateur: submitted_on
  Adresse e-mail: email
  Satisfaction globale: satisfaction
  "Objectif : réseau": objectives.networking
  "Objectif : confiance": objectives.self-confidence
  Recommanderiez-vous le programme ?: would_recommend
  Commentaire: comment
  J'accepte d'être cité: consent_quote
"""
HEADER = (
    "Horodateur;Adresse e-mail;Satisfaction globale;Objectif : réseau;Objectif : confiance;"
    "Recommanderiez-vous le programme ?;Commentaire;J'accepte d'être cité\n"
)


def _setup(tmp_path: Path, rows: list[str], encoding: str = "cp1252") -> tuple[Path, Path, Path]:
    root = make(tmp_path / "prog")
    for path in (root / "feedback").iterdir():
        path.unlink()
    export = tmp_path / "export.csv"
    export.write_bytes((HEADER + "".join(r + "\n" for r in rows)).encode(encoding))
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return root, export, mapping


def _import(run_cli, root: Path, export: Path, mapping: Path, *extra: str):
    return run_cli(["--root", root, "survey", "import", export, "--mapping", mapping, *extra], today=TODAY)


ROW1 = '25/06/2027 10:12;E01@secret-mail.example;Très satisfait;Oui;En partie;oui;"Très utile; merci";oui'
ROW2 = "26/06/2027;r02@secret-mail.example;Plutôt pas satisfait;;;Non;;"


def test_import_french_excel_csv(tmp_path: Path, run_cli) -> None:
    root, export, mapping = _setup(tmp_path, [ROW1, ROW2])
    result = _import(run_cli, root, export, mapping)
    assert result.code == 0, result.out + result.err
    assert "2 response(s) created, 0 unchanged, 0 kept as edited" in result.out
    assert (root / "feedback/mentee-e01-r01.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../.schemas/feedback.schema.json\n"
        "id: mentee-e01-r01\nrole: mentee\npair: e01--r01\nsubmitted_on: '2027-06-25'\nsatisfaction: very_satisfied\n"
        "objectives:\n- theme: networking\n  reached: 'yes'\n- theme: self-confidence\n  reached: partly\n"
        "would_recommend: true\nconsent_quote: true\ncomment: Très utile; merci\n"
    )
    assert (root / "feedback/mentor-e02-r02.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
        "id: mentor-e02-r02",
        "role: mentor",
        "pair: e02--r02",
        "submitted_on: '2027-06-26'",
        "satisfaction: rather_not_satisfied",
        "would_recommend: false",
    ]
    assert run_cli(["--root", root, "validate"], today=TODAY).code == 0


def test_utf8_bom_comma_csv(tmp_path: Path, run_cli) -> None:
    root, _, mapping = _setup(tmp_path, [])
    export = tmp_path / "export-utf8.csv"
    header = HEADER.replace(";", ",")
    row = "2027-06-25,e03@secret-mail.example,Rather satisfied,partly,yes,yes,,no"
    export.write_bytes(b"\xef\xbb\xbf" + (header + row + "\n").encode("utf-8"))
    assert _import(run_cli, root, export, mapping).code == 0
    text = (root / "feedback/mentee-e03-r03.yaml").read_text(encoding="utf-8")
    assert "satisfaction: rather_satisfied" in text and "consent_quote: false" in text


def test_import_xlsx(tmp_path: Path, run_cli) -> None:
    from openpyxl import Workbook

    root, _, mapping = _setup(tmp_path, [])
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(";"))
    sheet.append(["25/06/2027", "e04@secret-mail.example", "Très satisfait", "Non", "", "Oui", "", ""])
    export = tmp_path / "export.xlsx"
    book.save(export)
    assert _import(run_cli, root, export, mapping).code == 0
    text = (root / "feedback/mentee-e04-r04.yaml").read_text(encoding="utf-8")
    assert "- theme: networking\n  reached: 'no'" in text


def test_reimport_keeps_hand_edits_unless_forced(tmp_path: Path, run_cli) -> None:
    root, export, mapping = _setup(tmp_path, [ROW1])
    assert _import(run_cli, root, export, mapping).code == 0
    again = _import(run_cli, root, export, mapping)
    assert "0 response(s) created, 1 unchanged, 0 kept as edited" in again.out
    path = root / "feedback/mentee-e01-r01.yaml"
    edited = path.read_text(encoding="utf-8").replace("consent_quote: true", "consent_quote: false")
    path.write_text(edited, encoding="utf-8")
    kept = _import(run_cli, root, export, mapping)
    assert "kept feedback/mentee-e01-r01.yaml" in kept.out
    assert path.read_text(encoding="utf-8") == edited
    forced = _import(run_cli, root, export, mapping, "--force")
    assert "1 response(s) created" in forced.out
    assert "consent_quote: true" in path.read_text(encoding="utf-8")


def test_bad_rows_name_row_and_column_and_write_nothing(tmp_path: Path, run_cli) -> None:
    rows = [
        ROW1,
        "25/06/2027;e05@secret-mail.example;Bof;Oui;;oui;;oui",
        "25/06/2027;nobody@example.org;Très satisfait;;;;;",
        "25/06/2027;e06@secret-mail.example;;;;;;",
        "25/06/2027;e09@secret-mail.example;Très satisfait;;;;;",
        "31/02/2027;e07@secret-mail.example;Très satisfait;;;;;",
        "25/06/2027;e01@secret-mail.example;Très satisfait;;;peut-être;;",
    ]
    root, export, mapping = _setup(tmp_path, rows)
    before = snapshot(root)
    result = _import(run_cli, root, export, mapping)
    assert result.code == 1
    out = result.out
    # The rows and columns as the spreadsheet shows them, with the column's header.
    assert "export.csv: row 3, column C \"Satisfaction globale\": error survey-row-value satisfaction: 'Bof' is not a known answer" in out
    assert (
        "export.csv: row 4, column B \"Adresse e-mail\": error survey-row-person no mentor or mentee has the e-mail 'nobody@example.org'"
    ) in out
    assert 'export.csv: row 5, column C "Satisfaction globale": error survey-row-missing satisfaction is empty' in out
    # e09 was re-paired: two introduced pairs, so the e-mail alone cannot say which one.
    assert 'export.csv: row 6, column B "Adresse e-mail": error survey-row-pair the mentee with this e-mail has 2 introduced pairs' in out
    assert "export.csv: row 7, column A \"Horodateur\": error survey-row-value submitted_on: '31/02/2027'" in out
    assert "export.csv: row 8:" in out and "survey-row-duplicate" in out and "also row 2" in out
    assert "no response imported" in result.err
    assert snapshot(root) == before


def test_pair_and_role_columns_settle_ambiguous_respondents(tmp_path: Path, run_cli) -> None:
    root, _, _ = _setup(tmp_path, [])
    export = tmp_path / "by-pair.csv"
    export.write_text("Binôme;Vous êtes;Satisfaction\ne09--r11;Mentoré;Note 4\ne09--r11;Marraine;Note 3\n", encoding="utf-8")
    mapping = tmp_path / "by-pair.yaml"
    mapping.write_text(
        "columns:\n  Binôme: pair\n  Vous êtes: role\n  Satisfaction: satisfaction\n"
        "values:\n  satisfaction: {Note 4: very_satisfied, Note 3: rather_satisfied}\n",
        encoding="utf-8",
    )
    result = _import(run_cli, root, export, mapping)
    assert result.code == 0, result.out
    assert "satisfaction: very_satisfied" in (root / "feedback/mentee-e09-r11.yaml").read_text(encoding="utf-8")
    assert "satisfaction: rather_satisfied" in (root / "feedback/mentor-e09-r11.yaml").read_text(encoding="utf-8")


def test_mapping_errors_point_at_the_mapping_line(tmp_path: Path, run_cli) -> None:
    root, export, mapping = _setup(tmp_path, [ROW1])
    mapping.write_text(
        MAPPING.replace("Commentaire: comment", "Colonne absente: comment").replace("Horodateur: submitted_on", "Horodateur: opinion"),
        encoding="utf-8",
    )
    result = _import(run_cli, root, export, mapping)
    assert result.code == 1
    assert (
        "mapping.yaml:8:20: error survey-mapping-column the column 'Colonne absente' named for 'comment' is not in export.csv"
    ) in result.out
    assert "(the table's columns are: Horodateur, Adresse e-mail," in result.out
    assert "mapping.yaml:2:15: error survey-mapping-field mapping: 'opinion' is not a survey field" in result.out


def test_unreadable_export_is_a_clear_error(tmp_path: Path, run_cli) -> None:
    root, _, mapping = _setup(tmp_path, [])
    result = _import(run_cli, root, tmp_path / "missing.csv", mapping)
    assert result.code == 1
    assert "missing.csv: error tabular-missing" in result.out and "does not exist" in result.out


def test_dry_run_writes_nothing(tmp_path: Path, run_cli) -> None:
    root, export, mapping = _setup(tmp_path, [ROW1])
    before = snapshot(root)
    result = _import(run_cli, root, export, mapping, "--dry-run")
    assert result.code == 0
    assert "feedback/mentee-e01-r01.yaml" in result.out and "would be created" in result.out
    assert snapshot(root) == before


def test_blank_questionnaire_lists_the_programme_themes(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    result = run_cli(["--root", root, "survey", "blank"], today=TODAY)
    assert result.code == 0 and "out/survey-mentee.md" in result.out
    text = (root / "out/survey-mentee.md").read_text(encoding="utf-8")
    assert text.startswith("# Questionnaire de fin de mentorat — mentoré")
    assert "| Confiance en soi | [ ] | [ ] | [ ] |" in text
    for level in ("Très satisfait(e)", "Plutôt satisfait(e)", "Plutôt pas satisfait(e)", "Pas satisfait(e)"):
        assert f"- [ ] {level}" in text
    assert "moins de 5 personnes" in text


def test_blank_questionnaire_html_in_english(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog", language="en")
    out = root / "out/mentors.html"
    result = run_cli(["--root", root, "survey", "blank", "--role", "mentor", "--format", "html", "-o", out], today=TODAY)
    assert result.code == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>End-of-programme questionnaire — mentor</title>" in page
    assert page.count('type="radio" name="satisfaction"') == 4
    assert "http" not in page


def test_mapping_values_must_map_to_known_codes(tmp_path: Path, run_cli) -> None:
    root, export, mapping = _setup(tmp_path, [ROW1])
    mapping.write_text(MAPPING + "values:\n  satisfaction: {Excellent: superb}\n", encoding="utf-8")
    result = _import(run_cli, root, export, mapping)
    assert result.code == 1
    assert "mapping.yaml:11:" in result.out
    assert "values.satisfaction: each label must map to one of very_satisfied, rather_satisfied" in result.out


def test_too_long_comment_is_refused_without_quoting_it(tmp_path: Path, run_cli) -> None:
    comment = "SECRET-LONG-COMMENT " * 120  # 2,400 characters: over the 2,000 the schema allows
    root, export, mapping = _setup(tmp_path, [f"25/06/2027;e01@secret-mail.example;Très satisfait;;;;{comment};non"])
    result = _import(run_cli, root, export, mapping)
    assert result.code == 1
    assert 'export.csv: row 2, column G "Commentaire": error survey-row-invalid comment cannot be stored as it is' in result.out
    assert "SECRET-LONG-COMMENT" not in result.out + result.err


def test_missing_mapping_file_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    root, export, _ = _setup(tmp_path, [ROW1])
    result = _import(run_cli, root, export, tmp_path / "nope.yaml")
    assert result.code == 2
    assert "cannot read the mapping file" in result.err and "nope.yaml" in result.err
    assert "Traceback" not in result.err


def test_template_guesses_the_questionnaire_columns(tmp_path: Path, run_cli) -> None:
    root, _, _ = _setup(tmp_path, [])
    grid = "Pour chacun des thèmes sur lesquels vous vous étiez fixé un objectif, l'avez-vous atteint ?"
    headers = [
        "Horodateur",
        "Votre adresse e-mail (celle utilisée pour le programme)",
        "Dans l'ensemble, êtes-vous satisfait(e) de votre expérience de mentorat ?",
        f"{grid} [Réseau professionnel]",
        f"{grid} [Confiance en soi]",
        "Recommanderiez-vous ce programme à une personne de votre entourage ?",
        "Souhaitez-vous poursuivre la relation au-delà du programme ?",
        "Souhaitez-vous ajouter un commentaire ?",
        "Acceptez-vous que ce commentaire soit cité, sans votre nom, dans le bilan du programme ?",
        "Colonne interne",
    ]
    export = tmp_path / "forms.csv"
    row = [
        "25/06/2027 10:00",
        "e05@secret-mail.example",
        "Plutôt satisfait",
        "Oui",
        "En partie",
        "Oui",
        "Non",
        "Rien à ajouter",
        "Non",
        "x",
    ]
    export.write_text(";".join(headers) + "\n" + ";".join(row) + "\n", encoding="utf-8-sig")
    result = run_cli(["--root", root, "survey", "import", export, "--template"], today=TODAY)
    assert result.code == 0, result.err
    mapping = (root / "survey-mapping.yaml").read_text(encoding="utf-8")
    fields = [line.rsplit(": ", 1)[1] for line in mapping.splitlines() if line.startswith("  ")]
    assert fields == [
        "submitted_on",
        "email",
        "satisfaction",
        "objectives.networking",
        "objectives.self-confidence",
        "would_recommend",
        "wants_to_continue",
        "comment",
        "consent_quote",
        "null",
    ]
    again = run_cli(["--root", root, "survey", "import", export, "--template"], today=TODAY)
    assert again.code == 2 and "already exists" in again.err
    imported = run_cli(["--root", root, "survey", "import", export, "--mapping", root / "survey-mapping.yaml"], today=TODAY)
    assert imported.code == 0, imported.out
    text = (root / "feedback/mentee-e05-r05.yaml").read_text(encoding="utf-8")
    assert "satisfaction: rather_satisfied" in text and "wants_to_continue: false" in text
    assert "- theme: self-confidence\n  reached: partly" in text


def test_import_without_mapping_points_at_template(tmp_path: Path, run_cli) -> None:
    # Columns that are not the questionnaire's (no satisfaction question recognised) need a mapping.
    root, export, _ = _setup(tmp_path, [ROW1])
    export.write_bytes(export.read_bytes().replace("Satisfaction globale".encode("cp1252"), b"Note globale"))
    result = run_cli(["--root", root, "survey", "import", export], today=TODAY)
    assert result.code == 2
    assert "--template" in result.err
