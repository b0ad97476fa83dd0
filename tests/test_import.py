"""`mentorat import`: real form exports in, profile files out, nothing half-done."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import PROGRAMME_YAML, snapshot

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def fixture(name: str, folder: Path) -> Path:
    """A copy of a fixture file next to (not inside) the programme folder."""
    target = folder / name
    shutil.copy(FIXTURES / name, target)
    return target


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_cp1252_semicolon_csv_creates_profiles(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-cp1252-semicolon.csv", tmp_path)
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    elise = load(root / "mentees" / "elise-le-goff.yaml")
    assert elise == {
        "id": "elise-le-goff",
        "first_name": "Élise",
        "last_name": "Le Goff",
        "email": "elise.legoff@example.org",
        "phone": "06 12 34 56 70",
        "civil_servant": True,
        "location": {"city": "Rennes", "postcode": "35000"},
        "availability": ["weekday_lunch", "weekday_evening"],
        "registered_on": "2026-11-25",
        "public": "internal",
    }
    francois = load(root / "mentees" / "francois-henaff.yaml")
    assert francois["public"] == "third" and francois["civil_servant"] is False
    assert francois["availability"] == ["weekend"]
    zoe = load(root / "mentees" / "zoe-ca-ira.yaml")
    assert zoe["public"] == "talents" and "availability" not in zoe
    # The empty rows (3 and 4) are skipped: the next person is reported as row 5.
    assert "create mentees/francois-henaff.yaml (row 5)" in result.out
    # The unknown column is named and its content is not stored anywhere.
    assert "column 'Couleur préférée' is not imported" in result.err
    assert "bleu" not in "".join(p.read_text() for p in (root / "mentees").glob("*.yaml"))
    # Keys in the schema's order, so that files read and diff the same way.
    assert list(elise) == [
        "id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "civil_servant",
        "location",
        "availability",
        "registered_on",
        "public",
    ]
    text = (root / "mentees" / "elise-le-goff.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.schemas/mentee.schema.json\nid: elise-le-goff\n")
    assert run_cli(["--root", root, "validate"]).code == 0


def test_utf8_bom_csv_with_english_headers_and_iso_dates(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-utf8-bom.csv", tmp_path)
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    anne = load(root / "mentees" / "anne-o-neil.yaml")
    assert anne["first_name"] == "Anne" and anne["public"] == "external" and anne["registered_on"] == "2026-11-02"
    assert load(root / "mentees" / "bruno-durand.yaml")["registered_on"] == "2026-11-03"


def test_xlsx_mentors_with_themes_and_id_collisions(programme, run_cli, tmp_path):
    root = programme(programme_yaml=PROGRAMME_YAML + "capacity: {default: 1, max: 2}\n")
    source = fixture("mentors.xlsx", tmp_path)
    result = run_cli(["--root", root, "import", source, "--role", "mentor"])
    assert result.code == 0, result.err
    jean = load(root / "mentors" / "jean-martin.yaml")
    assert jean["themes"] == ["networking", "career-progression"]
    assert jean["publics"] == ["internal"] and jean["capacity"] == 2 and jean["experience_years"] == 18
    assert jean["registered_on"] == "2026-11-20"
    sophie = load(root / "mentors" / "sophie-lefevre.yaml")
    assert sophie["experience_years"] == 12 and sophie["publics"] == ["third", "internal"]
    # A second Jean Martin (other e-mail) gets a distinct, readable id.
    other = load(root / "mentors" / "jean-martin-2.yaml")
    assert other["email"] == "jean.martin2@example.org" and other["publics"] == ["phd"]
    assert "column 'Commentaire libre' is not imported" in result.err


def test_invalid_rows_are_reported_and_nothing_is_written(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-invalid.csv", tmp_path)
    before = snapshot(root)
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 1
    assert snapshot(root) == before
    lines = [line for line in result.err.splitlines() if ": row " in line]
    # Every bad cell of every row at once, each a Problem with its code, the row and the column.
    assert lines == [
        'mentees-invalid.csv: row 3, column A "Prénom": error import-cell-formula starts like a spreadsheet formula; check the cell',
        'mentees-invalid.csv: row 4, column C "Courriel": error import-email-twice same e-mail as row 2',
        'mentees-invalid.csv: row 5, column B "Nom": error schema-size last_name: takes at most 200 characters',
        "mentees-invalid.csv: row 6, column D \"Date d'inscription\": error import-cell-no-such-date '31/02/2026' is not a real date",
        "mentees-invalid.csv: row 6, column E \"Fonctionnaire\": error import-cell-yes-no 'peut-être' is not yes or no (write oui or non)",
        'mentees-invalid.csv: row 7, column C "Courriel": error import-cell-required email is empty but required',
    ]
    assert "nothing written: 5 row(s) have errors" in result.err
    assert "Traceback" not in result.err + result.out


def test_skip_invalid_imports_the_valid_rows_only(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-invalid.csv", tmp_path)
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--skip-invalid"])
    assert result.code == 1  # rows were still rejected
    assert sorted(p.name for p in (root / "mentees").iterdir()) == ["marie-dupont.yaml"]
    assert load(root / "mentees" / "marie-dupont.yaml")["civil_servant"] is True


def test_dry_run_lists_changes_and_writes_nothing(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-cp1252-semicolon.csv", tmp_path)
    before = snapshot(root)
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--dry-run"])
    assert result.code == 0
    assert snapshot(root) == before
    assert result.out.splitlines()[:3] == [
        "create mentees/elise-le-goff.yaml (row 2)",
        "create mentees/francois-henaff.yaml (row 5)",
        "create mentees/zoe-ca-ira.yaml (row 6)",
    ]
    assert "dry run: nothing written" in result.out


def test_reimport_changes_nothing_and_state_holds_no_values(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-cp1252-semicolon.csv", tmp_path)
    assert run_cli(["--root", root, "import", source, "--role", "mentee"]).code == 0
    state = (root / ".mentorat" / "import-state.yaml").read_text(encoding="utf-8")
    assert "mentees/elise-le-goff.yaml" in state
    for value in ("Élise", "Le Goff", "elise.legoff", "Rennes", "35000", "06 12"):
        assert value not in state
    first = snapshot(root)
    again = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert again.code == 0
    assert snapshot(root) == first
    assert "0 to create, 0 to update, 3 unchanged" in again.out


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_update_changed_fields_and_report_conflicts_with_hand_edits(programme, run_cli, tmp_path):
    root = programme()
    header = "Prénom,Nom,Courriel,Ville,Téléphone"
    first = _csv(tmp_path / "v1.csv", [header, "Marie,Dupont,marie@example.org,Lyon,0612345670"])
    assert run_cli(["--root", root, "import", first, "--role", "mentee"]).code == 0
    path = root / "mentees" / "marie-dupont.yaml"
    # A human edits the phone by hand; the source then changes both the city and the phone.
    path.write_text(path.read_text(encoding="utf-8").replace("0612345670", "0799999999"), encoding="utf-8")
    second = _csv(tmp_path / "v2.csv", [header, "Marie,Dupont,MARIE@example.org,Lille,0611111111"])
    result = run_cli(["--root", root, "import", second, "--role", "mentee"])
    assert result.code == 1
    data = load(path)
    assert data["location"]["city"] == "Lille"
    assert data["phone"] == "0799999999"  # the hand edit is kept
    assert "mentees/marie-dupont.yaml: warning import-conflict phone changed in row 2 of v2.csv and was edited by hand" in result.err
    assert "update mentees/marie-dupont.yaml: location.city (row 2)" in result.out
    # Reported once: the same file again leaves the hand edit alone without repeating the conflict.
    repeat = run_cli(["--root", root, "import", second, "--role", "mentee"])
    assert repeat.code == 0 and "conflict" not in repeat.err and load(path)["phone"] == "0799999999"
    # --force takes the source's value.
    forced = run_cli(["--root", root, "import", second, "--role", "mentee", "--force"])
    assert forced.code == 0, forced.err
    assert load(path)["phone"] == "0611111111"
    # After that, a source unchanged since the last import leaves a new hand edit alone, silently.
    path.write_text(path.read_text(encoding="utf-8").replace("Lille", "Roubaix"), encoding="utf-8")
    quiet = run_cli(["--root", root, "import", second, "--role", "mentee"])
    assert quiet.code == 0 and "conflict" not in quiet.err
    assert load(path)["location"]["city"] == "Roubaix"


def test_person_created_by_hand_is_matched_by_email_not_duplicated(programme, run_cli, tmp_path):
    root = programme(
        {
            "mentees/m-dupont.yaml": """\
        id: m-dupont
        first_name: Marie
        last_name: Dupont
        email: Marie@Example.org
        """
        }
    )
    source = _csv(tmp_path / "in.csv", ["Prénom,Nom,Courriel,Ville", "Marie,Dupont,marie@example.org,Lyon"])
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    assert sorted(p.name for p in (root / "mentees").iterdir()) == ["m-dupont.yaml"]
    assert load(root / "mentees" / "m-dupont.yaml")["location"] == {"city": "Lyon"}


def test_email_of_a_mentor_is_refused_as_mentee(programme, run_cli, tmp_path):
    root = programme(
        {
            "mentors/jean-martin.yaml": """\
        id: jean-martin
        first_name: Jean
        last_name: Martin
        email: jean@example.org
        """
        }
    )
    source = _csv(tmp_path / "in.csv", ["Prénom,Nom,Courriel", "Jean,Martin,jean@example.org"])
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 1
    assert 'row 2, column C "Courriel": error import-email-other-role this e-mail already belongs to mentors/jean-martin.yaml' in result.err
    assert not (root / "mentees").exists()


def test_mapping_file_with_labels_and_split(programme, run_cli, tmp_path):
    root = programme()
    source = _csv(tmp_path / "in.csv", ["Q1;Q2;Q3;Q4;Q5", "Alice;Bernard;alice@example.org;Interne;Midi + Soir"])
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  Q1: first_name\n  Q2: last_name\n  Q3: email\n"
        "  Q4: {field: public, values: {Interne: internal}}\n"
        "  Q5: {field: availability, split: '+', values: {Midi: weekday_lunch, Soir: weekday_evening}}\n",
        encoding="utf-8",
    )
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--mapping", mapping])
    assert result.code == 0, result.err
    alice = load(root / "mentees" / "alice-bernard.yaml")
    assert alice["public"] == "internal" and alice["availability"] == ["weekday_lunch", "weekday_evening"]


def test_bad_mapping_names_file_and_line(programme, run_cli, tmp_path):
    root = programme()
    source = _csv(tmp_path / "in.csv", ["Q1,Q2,Q3", "A,B,a@example.org"])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  Q1: first_name\n  Q2: surname\n  Q3: email\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--mapping", mapping])
    assert result.code == 2
    assert f"{mapping}:3:1: error import-mapping-field column 'Q2' maps to 'surname', which a mentee profile does not have" in result.err
    assert "Traceback" not in result.err


def test_template_lists_headers_found(programme, run_cli, tmp_path):
    root = programme()
    source = fixture("mentees-cp1252-semicolon.csv", tmp_path)
    result = run_cli(["--root", root, "import", source, "--role", "mentee", "--template"])
    assert result.code == 0, result.err
    written = (root / "import-mapping.yaml").read_text(encoding="utf-8")
    mapping = yaml.safe_load(written)
    assert mapping["role"] == "mentee"
    assert mapping["columns"]["Prénom"] == "first_name"
    assert mapping["columns"]["Couleur préférée"] is None
    assert list(mapping["columns"]) == [
        "Horodateur",
        "Prénom",
        "Nom",
        "Courriel",
        "Téléphone",
        "Ville",
        "Code postal",
        "Voie d'accès",
        "Fonctionnaire",
        "Disponibilités",
        "Couleur préférée",
    ]
    # The template works as a mapping as it is.
    imported = run_cli(["--root", root, "import", source, "--role", "mentee", "--mapping", root / "import-mapping.yaml"])
    assert imported.code == 0, imported.err
    assert run_cli(["--root", root, "import", source, "--role", "mentee", "--template"]).code == 2


def test_missing_required_column_and_unreadable_files(programme, run_cli, tmp_path):
    root = programme()
    no_email = _csv(tmp_path / "in.csv", ["Prénom,Nom", "A,B"])
    result = run_cli(["--root", root, "import", no_email, "--role", "mentee"])
    assert result.code == 2 and "no column of in.csv gives the email" in result.err
    old_excel = tmp_path / "old.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    result = run_cli(["--root", root, "import", old_excel, "--role", "mentee"])
    assert result.code == 2 and "old Excel (.xls)" in result.err
    twice = _csv(tmp_path / "twice.csv", ["Nom,Nom", "A,B"])
    result = run_cli(["--root", root, "import", twice, "--role", "mentee"])
    assert result.code == 2
    assert (
        "twice.csv: row 1, column B \"Nom\": error tabular-header-twice column header 'Nom' appears twice (columns A and B)" in result.err
    )
    result = run_cli(["--root", root, "import", tmp_path / "absent.csv", "--role", "mentee"])
    assert result.code == 2 and "does not exist" in result.err
    assert not (root / "mentees").exists()


def test_mentee_themes_become_objectives_and_tab_separated_files_work(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "in.tsv"
    source.write_text(
        "Prénom\tNom\tCourriel\tThèmes\nAlice\tBernard\talice@example.org\tRéseau professionnel, Confiance en soi\n", encoding="utf-8"
    )
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    alice = load(root / "mentees" / "alice-bernard.yaml")
    assert alice["objectives"] == [{"theme": "networking"}, {"theme": "self-confidence"}]
    # A human adds the objective's words: that is an edit of the field, kept on re-import.
    path = root / "mentees" / "alice-bernard.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- theme: networking", "- theme: networking\n  text: Rencontrer des cadres"),
        encoding="utf-8",
    )
    again = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert again.code == 0 and "conflict" not in again.err
    assert load(path)["objectives"][0] == {"theme": "networking", "text": "Rencontrer des cadres"}


def test_unknown_label_and_quoted_multiline_cells_keep_spreadsheet_row_numbers(programme, run_cli, tmp_path):
    root = programme()
    source = tmp_path / "in.csv"
    source.write_text(
        "Prénom;Nom;Courriel;Voie d'accès\n"
        '"Anne\nMarie";Durand;anne@example.org;Concours interne\n'
        "Paul;Petit;paul@example.org;Concours spécial\n",
        encoding="utf-8",
    )
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 1
    # The quoted cell spans two text lines but one spreadsheet row: Paul is row 3.
    assert (
        "in.csv: row 3, column D \"Voie d'accès\": error import-cell-choice 'Concours spécial' is not a known public value "
        "(known: external, internal, phd, talents, third)"
    ) in result.err


def test_over_long_cell_and_broken_quotes_are_one_clear_line(programme, run_cli, tmp_path):
    root = programme()
    huge = tmp_path / "huge.csv"
    huge.write_text("Prénom,Nom,Courriel\nA,B," + "x" * 40_000 + "\n", encoding="utf-8")
    result = run_cli(["--root", root, "import", huge, "--role", "mentee"])
    assert result.code == 2
    assert 'huge.csv: row 2, column C "Courriel": error tabular-cell-too-long cell is 40000 characters long (at most 32767)' in result.err
    assert len(result.err.splitlines()) == 2  # the error and its hint
    broken = tmp_path / "broken.csv"
    broken.write_text('Prénom,Nom,Courriel\nA,"B"x,a@example.org\n', encoding="utf-8")
    result = run_cli(["--root", root, "import", broken, "--role", "mentee"])
    assert result.code == 2 and "broken.csv: row 2: error tabular-csv-broken CSV cannot be read" in result.err
    assert "Traceback" not in result.err


def test_a_file_saved_during_the_import_is_not_overwritten(programme, run_cli, tmp_path, monkeypatch):
    import mentorat_cli.ingest.plan as importing_package

    root = programme()
    first = _csv(tmp_path / "v1.csv", ["Prénom,Nom,Courriel,Ville", "Marie,Dupont,marie@example.org,Lyon"])
    assert run_cli(["--root", root, "import", first, "--role", "mentee"]).code == 0
    path = root / "mentees" / "marie-dupont.yaml"
    real = importing_package.plan_import

    def plan_then_someone_saves(*args, **kwargs):
        plan = real(*args, **kwargs)
        path.write_text(path.read_text(encoding="utf-8") + "phone: 0612345670\n", encoding="utf-8")
        return plan

    monkeypatch.setattr(importing_package, "plan_import", plan_then_someone_saves)
    second = _csv(tmp_path / "v2.csv", ["Prénom,Nom,Courriel,Ville", "Marie,Dupont,marie@example.org,Lille"])
    result = run_cli(["--root", root, "import", second, "--role", "mentee"])
    assert result.code == 2 and "mentees/marie-dupont.yaml changed while the changes were being prepared" in result.err
    kept = path.read_text(encoding="utf-8")
    assert "Lyon" in kept and "phone: 0612345670" in kept


def test_update_keeps_keys_the_import_does_not_know(programme, run_cli, tmp_path):
    root = programme(
        {
            "mentees/marie-dupont.yaml": """\
        id: marie-dupont
        first_name: Marie
        last_name: Dupont
        email: marie@example.org
        objectives:
          - theme: networking
            text: Rencontrer des cadres
        hobby: escalade
        """
        }
    )
    source = _csv(tmp_path / "in.csv", ["Prénom,Nom,Courriel,Ville", "Marie,Dupont,marie@example.org,Lyon"])
    result = run_cli(["--root", root, "import", source, "--role", "mentee"])
    assert result.code == 0, result.err
    data = load(root / "mentees" / "marie-dupont.yaml")
    assert data["hobby"] == "escalade" and data["location"] == {"city": "Lyon"}
    assert data["objectives"] == [{"theme": "networking", "text": "Rencontrer des cadres"}]


def test_rows_the_programme_rules_refuse_are_rejected_before_writing(programme, run_cli, tmp_path):
    root = programme()  # capacity.max is 1 by default
    source = fixture("mentors.xlsx", tmp_path)
    before = snapshot(root)
    result = run_cli(["--root", root, "import", source, "--role", "mentor"])
    assert result.code == 1
    assert 'mentors.xlsx: row 2, column G "Capacité": error capacity-over-max capacity 2 is above the programme\'s limit of 1' in result.err
    assert snapshot(root) == before
    skipped = run_cli(["--root", root, "import", source, "--role", "mentor", "--skip-invalid"])
    assert skipped.code == 1
    assert run_cli(["--root", root, "validate"]).code == 0


def test_update_keeps_the_comments_people_wrote(programme, run_cli, tmp_path):
    root = programme()
    header = "Prénom,Nom,Courriel,Ville,Téléphone"
    first = _csv(tmp_path / "v1.csv", [header, "Marie,Dupont,marie@example.org,Lyon,0612345670"])
    assert run_cli(["--root", root, "import", first, "--role", "mentee"]).code == 0
    path = root / "mentees" / "marie-dupont.yaml"
    edited = path.read_text(encoding="utf-8").replace("phone:", "# Préfère être appelée le soir\nphone:")
    path.write_text(edited, encoding="utf-8")
    second = _csv(tmp_path / "v2.csv", [header, "Marie,Dupont,marie@example.org,Lille,0612345670"])
    assert run_cli(["--root", root, "import", second, "--role", "mentee"]).code == 0
    text = path.read_text(encoding="utf-8")
    assert "# Préfère être appelée le soir\nphone: 0612345670" in text or "# Préfère être appelée le soir\nphone: '0612345670'" in text
    assert load(path)["location"]["city"] == "Lille"
