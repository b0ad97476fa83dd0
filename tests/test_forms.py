"""Issue 13's workflow on a realistic French form export: template -> edit the nulls -> import -> accept -> pair."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import write_tree
from form_export import FORMULA, MENTEE_HEADERS, MENTOR_HEADERS, PROGRAMME_YAML, mentees, mentors

# What a coordinator writes for the answers the template could not place ("no preference" stays null).
CHOSEN = {
    "objectives": "career-progression",
    "themes": "career-progression",
    "public": "external",
    "publics": "external",
    "format": "any",
    "availability": "weekday_daytime",
}
NO_PREFERENCE = ("Indifférent",)


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = write_tree(tmp_path / "prog", {"programme.yaml": PROGRAMME_YAML})
    mentees(tmp_path / "candidatures-mentores.csv")
    mentors(tmp_path / "candidatures-mentors.csv")
    return root, tmp_path / "candidatures-mentores.csv", tmp_path / "candidatures-mentors.csv"


def _template(run_cli, root: Path, export: Path, role: str) -> tuple[dict, str]:
    result = run_cli(["--root", root, "import", export, "--role", role, "--template", "-o", f"map-{role}.yaml"], cwd=root)
    assert result.code == 0, result.err
    text = (root / f"map-{role}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), result.out


def _edit_nulls(mapping: dict) -> int:
    """Give a value to each null answer except the "no preference" ones; returns how many were edited."""
    edited = 0
    for spec in mapping["columns"].values():
        if not isinstance(spec, dict):
            continue
        for answer, value in spec.get("values", {}).items():
            if value is None and answer not in NO_PREFERENCE:
                spec["values"][answer] = CHOSEN[spec["field"]]
                edited += 1
    return edited


def test_template_recognises_french_form_headers_and_lists_answers(tmp_path: Path, run_cli) -> None:
    root, mentee_csv, mentor_csv = _setup(tmp_path)
    mapping, out = _template(run_cli, root, mentee_csv, "mentee")
    assert f"{len(MENTEE_HEADERS)} of {len(MENTEE_HEADERS)} columns recognised" in out
    columns = mapping["columns"]
    assert columns["Motivation"] == "motivation"
    assert columns["Format préféré"]["values"] == {
        "Présentiel": "in_person",
        "À distance (visio)": "remote",
        "Hybride": "hybrid",
        "Indifférent": "any",
    }
    routes = columns["Voie d'accès"]["values"]
    assert routes == {
        "Concours externe": "external",
        "Concours interne": "internal",
        "3e concours": "third",
        "Concours externe (Talents)": "talents",
        "Docteurs": "phd",
        "Troisième concours": "third",
    }
    text = (root / "map-mentee.yaml").read_text(encoding="utf-8")
    assert "3e concours: third  # check" in text and "Troisième concours: third\n" in text
    assert "split: ;" in text or "split: ';'" in text
    mapping, out = _template(run_cli, root, mentor_csv, "mentor")
    assert f"{len(MENTOR_HEADERS)} of {len(MENTOR_HEADERS)} columns recognised" in out
    columns = mapping["columns"]
    assert columns["Années d'expérience professionnelle"] == "experience_years"
    assert columns["Nombre de mentorés acceptés"] == "capacity"
    assert columns["Ancien élève de"] == "school"
    assert columns["Public souhaité"]["field"] == "publics"
    assert columns["Public souhaité"]["values"]["Indifférent"] is None
    assert columns["Fonctionnaire"]["values"] == {"Oui": True, "Non": False}


def test_template_as_written_never_fails_on_a_listed_answer(tmp_path: Path, run_cli) -> None:
    root, mentee_csv, mentor_csv = _setup(tmp_path)
    for export, role in ((mentee_csv, "mentee"), (mentor_csv, "mentor")):
        _template(run_cli, root, export, role)
        result = run_cli(["--root", root, "import", export, "--role", role, "--mapping", root / f"map-{role}.yaml", "--skip-invalid"])
        rejected = [line for line in result.err.splitlines() if ": row " in line]
        # Only the formula-looking name is refused; no listed answer is.
        assert rejected == (
            [
                'candidatures-mentores.csv: row 9, column B "Nom": '
                "error import-cell-formula starts like a spreadsheet formula; check the cell"
            ]
            if role == "mentee"
            else []
        ), result.err
    files = [p.read_text(encoding="utf-8") for p in sorted((root / "mentees").glob("*.yaml"))]
    files += [p.read_text(encoding="utf-8") for p in sorted((root / "mentors").glob("*.yaml"))]
    assert len(files) == 149 + 110
    assert not any("''" in f or ': ""' in f or FORMULA in f for f in files)  # null is "no value", never ""
    assert any("format: any" in f for f in files)
    assert run_cli(["--root", root, "validate"]).code == 0


def test_form_export_to_pairs(tmp_path: Path, run_cli) -> None:
    root, mentee_csv, mentor_csv = _setup(tmp_path)
    for export, role in ((mentee_csv, "mentee"), (mentor_csv, "mentor")):
        mapping, _ = _template(run_cli, root, export, role)
        assert _edit_nulls(mapping) > 0
        (root / f"map-{role}.yaml").write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
        result = run_cli(["--root", root, "import", export, "--role", role, "--mapping", root / f"map-{role}.yaml", "--skip-invalid"])
        assert "1 row(s) rejected" in result.out if role == "mentee" else "0 row(s) rejected" in result.out
    pending = run_cli(["--root", root, "pair"])
    assert "259 applicant(s) wait for a decision" in pending.out and "mentorat accept --all" in pending.out
    status = run_cli(["--root", root, "status"])
    assert "Applicants waiting for a decision (mentorat accept / decline) (259)" in status.out
    accepted = run_cli(["--root", root, "accept", "--all"])
    assert accepted.code == 0 and "accepted: 259 person(s)" in accepted.out
    result = run_cli(["--root", root, "pair"])
    assert result.code == 0, result.err
    assert "wait for a decision" not in result.out
    pairs = list((root / "pairs").glob("*.yaml"))
    assert len(pairs) >= 0.95 * 149, result.out
