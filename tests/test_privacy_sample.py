"""Golden runs of export, person show and forget on the bundled sample programme."""

from __future__ import annotations


def _first_confirmed_mentee(sample) -> str:
    import yaml

    for path in sorted((sample / "pairs").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["status"] == "confirmed" and (sample / "notes" / data["id"]).is_dir():
            return str(data["mentee"])
    raise AssertionError("the sample has no confirmed pair with notes")


def test_sample_exports_are_golden_and_hold_no_note_text(sample, run_cli, golden):
    for what in ("people", "pairs", "meetings"):
        result = run_cli(["--root", sample, "export", what, "-o", "-"])
        assert result.code == 0, result.err
        assert result.out.count("\r\n") == result.out.count("\n")  # CRLF rows, as spreadsheets expect
        # Golden files are read with universal newlines: compare with LF rows.
        golden(f"export-{what}-sample.csv", result.out.replace("\r\n", "\n"))
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1].strip() for p in (sample / "notes").rglob("*.md")]
    meetings = run_cli(["--root", sample, "export", "meetings", "-o", "-"]).out
    for body in bodies:
        for line in body.splitlines():
            if len(line) > 25:
                assert line not in meetings


def test_sample_person_show_is_golden(sample, run_cli, golden):
    person = _first_confirmed_mentee(sample)
    result = run_cli(["--root", sample, "person", "show", person])
    assert result.code == 0, result.err
    golden("person-show-sample.txt", result.out)


def test_sample_forget_keeps_the_programme_valid(sample, run_cli):
    person = _first_confirmed_mentee(sample)
    result = run_cli(["--root", sample, "forget", person])
    assert result.code == 0, result.err
    assert not (sample / "mentees" / f"{person}.yaml").exists()
    check = run_cli(["--root", sample, "validate"])
    assert check.code == 0, check.out
    leftovers = [p for p in sample.rglob("*") if person in p.name]
    assert leftovers == []


def test_sample_import_updates_known_people_and_adds_new_ones(sample, run_cli, golden, tmp_path):
    source = tmp_path / "candidatures.csv"
    source.write_bytes(
        (
            "Prénom;Nom;Courriel;Ville;Code postal;Voie d'accès\r\n"
            "Amadou;Keita;Amadou.Keita@example.fr;Nîmes;30000;Concours externe, voie Talents\r\n"
            "Adam;Zerrouki;adam.zerrouki@example.fr;;;\r\n"
            "Hélène;Kervella;helene.kervella@example.fr;Quimper;29000;Concours interne\r\n"
        ).encode("cp1252")
    )
    dry = run_cli(["--root", sample, "import", source, "--role", "mentee", "--dry-run"])
    golden("import-sample-dry-run.txt", dry.out + "--- stderr ---\n" + dry.err)
    done = run_cli(["--root", sample, "import", source, "--role", "mentee"])
    assert done.code == 1  # the hand-made sample profiles differ from the form: conflicts are reported
    assert (sample / "mentees" / "helene-kervella.yaml").is_file()
    assert run_cli(["--root", sample, "validate"]).code == 0
