"""Exports that open in French Excel: ';' and French headers for a French programme, typed XLSX cells."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from test_export import PEOPLE

from mentorat_cli.render import exportformat


@pytest.fixture
def prog(programme):
    return programme(PEOPLE)


def test_a_french_programme_exports_csv_for_french_excel(prog, run_cli) -> None:
    assert run_cli(["--root", prog, "export", "people"]).code == 0
    raw = (prog / "out" / "export-people.csv").read_bytes()
    assert raw.startswith("\ufeffRôle;Identifiant;Prénom;Nom;Courriel;".encode())  # UTF-8 BOM kept
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len({len(r) for r in rows}) == 1 and len(rows[0]) > 10  # every line in the same columns
    assert rows[1][:3] == ["mentor", "jean-martin", '\'=HYPERLINK("http://evil.example")']  # still formula-safe
    meetings = run_cli(["--root", prog, "export", "meetings", "-o", "-"]).out
    assert meetings.splitlines()[1].split(";")[5] == "oui"


@pytest.mark.parametrize(
    "dialect, start, separator, bom",
    [
        ("excel", "role,id,first_name", ",", True),
        ("rfc", "role,id,first_name", ",", False),
        ("excel-fr", "Rôle;Identifiant;Prénom", ";", True),
    ],
)
def test_the_dialect_option_chooses(prog, run_cli, dialect: str, start: str, separator: str, bom: bool) -> None:
    assert run_cli(["--root", prog, "export", "people", "--dialect", dialect]).code == 0
    raw = (prog / "out" / "export-people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    assert raw.decode("utf-8-sig").startswith(start)


def test_bad_dialect_is_a_usage_error(prog, run_cli) -> None:
    result = run_cli(["--root", prog, "export", "people", "--dialect", "excel-de"])
    assert result.code == 2 and not (prog / "out").exists()


def test_xlsx_cells_are_typed_with_widths_frozen_header_and_filters(prog, run_cli) -> None:
    assert run_cli(["--root", prog, "export", "pairs", "--format", "xlsx"]).code == 0
    sheet = openpyxl.load_workbook(prog / "out" / "export-pairs.xlsx").active
    assert sheet.title == "Binômes" and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Binôme", "Mentoré(e)", "Mentor(e)"]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Confirmé le"].value == dt.datetime(2026, 9, 12) and row["Confirmé le"].is_date
    assert row["Confirmé le"].number_format == "dd/mm/yyyy"
    assert row["Contacts de la coordination"].value == 1 and row["Contacts de la coordination"].data_type == "n"
    assert sheet.column_dimensions["A"].width >= len("marie-dupont--jean-martin")
    assert run_cli(["--root", prog, "export", "meetings", "--format", "xlsx"]).code == 0
    meetings = openpyxl.load_workbook(prog / "out" / "export-meetings.xlsx").active
    cells = {c.value: cell for c, cell in zip(meetings[1], meetings[2], strict=True)}
    # Typed by column: a boolean (True == 1 would also pass `True in values`) and a number.
    assert cells["Tenu"].value is True and cells["Tenu"].data_type == "b"
    assert cells["Durée (min)"].value == 60 and cells["Durée (min)"].data_type == "n"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Binômes", "Binômes"),
        ("Participants par voie d'accès et par région", "Participants par voie d'accès"),
        ("A" * 40, "A" * 31),
        ("Objectifs : atteints?", "Objectifs   atteints"),
    ],
)
def test_sheet_names_are_never_cut_mid_word(name: str, expected: str) -> None:
    assert exportformat.sheet_title(name) == expected
