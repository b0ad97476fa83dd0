"""Exports of a French programme write values as people read them (labels), not the files' ids; `rfc` keeps ids."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from conftest import PROGRAMME_YAML
from test_export import PEOPLE

MEETING = "notes/marie-dupont--jean-martin/2026-11-02-review.md"
FILES = {
    **PEOPLE,
    "mentees/marie-dupont.yaml": PEOPLE["mentees/marie-dupont.yaml"].rstrip(" ") + "        status: accepted\n",
    MEETING: """\
        ---
        date: "2026-11-02"
        kind: review
        duration_minutes: 45
        format: in_person
        topics: [career-progression, un sujet libre]
        ---
        Corps confidentiel.
        """,
}


@pytest.fixture
def prog(programme) -> Path:
    return programme(FILES)


def _csv(run_cli, root: Path, what: str, *options: str) -> list[dict[str, str]]:
    result = run_cli(["--root", root, "export", what, "-o", "-", *options])
    assert result.code == 0, result.err
    delimiter = ";" if "," not in result.out.splitlines()[0] else ","
    return list(csv.DictReader(io.StringIO(result.out), delimiter=delimiter))


def _xlsx(run_cli, root: Path, what: str) -> list[dict[str, object]]:
    assert run_cli(["--root", root, "export", what, "--format", "xlsx", "--force"]).code == 0
    sheet = openpyxl.load_workbook(root / "out" / f"export-{what}.xlsx").active
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_meetings_export_writes_kind_and_format_labels_under_french_headers(prog: Path, run_cli) -> None:
    for rows in (_csv(run_cli, prog, "meetings"), _xlsx(run_cli, prog, "meetings")):
        review = rows[-1]
        assert review["Type de rendez-vous"] == "Bilan intermédiaire"  # not "review"
        assert review["Format"] == "en présentiel"  # not "in_person"
        assert review["Sujets"] == "Évolution de carrière; un sujet libre"  # a theme's label, free text kept
        assert rows[0]["Type de rendez-vous"] == "Premier rendez-vous" and rows[0]["Format"] == "à distance"


def test_people_and_pairs_exports_write_labels(prog: Path, run_cli) -> None:
    for people in (_csv(run_cli, prog, "people"), _xlsx(run_cli, prog, "people")):
        mentor, mentee = people
        assert (mentor["Rôle"], mentee["Rôle"]) == ("mentor", "mentoré(e)")
        assert mentee["Statut"] == "accepté(e)" and mentee["Public"] == "Concours interne"
        assert mentor["Publics choisis"] == "Concours interne" and mentor["Thèmes"] == "Réseau professionnel; Évolution de carrière"
    for pairs in (_csv(run_cli, prog, "pairs"), _xlsx(run_cli, prog, "pairs")):
        assert pairs[0]["Statut"] == "confirmé" and pairs[0]["Binôme"] == "marie-dupont--jean-martin"  # ids stay ids


def test_the_scripts_dialect_keeps_the_files_ids(prog: Path, run_cli) -> None:
    review = _csv(run_cli, prog, "meetings", "--dialect", "rfc")[-1]
    assert (review["kind"], review["format"], review["topics"]) == ("review", "in_person", "career-progression; un sujet libre")
    mentee = _csv(run_cli, prog, "people", "--dialect", "rfc")[1]
    assert (mentee["role"], mentee["status"], mentee["public"]) == ("mentee", "accepted", "internal")


def test_an_english_programme_writes_english_labels(programme, run_cli) -> None:
    root = programme(FILES, PROGRAMME_YAML.replace("language: fr", "language: en"))
    review = _csv(run_cli, root, "meetings")[-1]
    assert (review["kind"], review["format"]) == ("Intermediate review", "in person")
    assert not any("é" in value for value in review.values())
