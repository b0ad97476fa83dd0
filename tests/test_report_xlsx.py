"""The report's workbook: typed cells, widths, a frozen title row, each table an Excel table with filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from test_report_fixture import make

RUNNING = "2026-11-25"  # November 2026 is still in progress on that day


def _rows(sheet) -> dict[str, list]:
    """{first cell: the row's cells} over the whole sheet, the first row of each name."""
    found: dict[str, list] = {}
    for line in sheet.iter_rows():
        if line[0].value is not None:
            found.setdefault(str(line[0].value), list(line[1:]))
    return found


def _book(tmp_path: Path, run_cli, language: str = "fr"):
    root = make(tmp_path / "prog", language=language)
    result = run_cli(["--root", root, "report", "--format", "xlsx"], today=RUNNING)
    assert result.code == 0, result.err
    return openpyxl.load_workbook(root / "out/report-2026.xlsx")


def test_counts_decimals_percentages_and_months_are_typed(tmp_path: Path, run_cli) -> None:
    book = _book(tmp_path, run_cli)
    meetings = _rows(book["4 Rencontres"])
    held = meetings["Rencontres tenues"][0]
    assert held.value == 19 and held.data_type == "n"
    six = meetings["Binômes ayant tenu au moins 6 rencontres"]
    assert six[0].value == "0 sur 11" and six[0].data_type == "s"  # a share "of" stays words
    assert six[1].value == 0 and six[1].number_format == "0%"
    satisfaction = _rows(book["5 Satisfaction"])["Mentorés"]
    assert satisfaction[1].value == 0.7 and satisfaction[1].number_format == "0%"  # "70 %" is the number 0.7
    assert satisfaction[2].value == "plus de 2 sur 7"  # a protected figure is never turned into a number
    months = _rows(book["4 Rencontres"])
    september = next(cells for first, cells in months.items() if first.startswith("2026-09-01"))
    assert september[0].value == 9
    cells = [line[0] for line in book["4 Rencontres"].iter_rows() if isinstance(line[0].value, dt.datetime)]
    assert [c.value.date() for c in cells] == [dt.date(2026, 9, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    assert cells[0].number_format == "mmmm yyyy"
    assert cells[-1].number_format == 'mmmm yyyy" (mois en cours)"'  # typed, and still says it is not over


def test_each_table_has_filters_and_widths_and_the_title_stays_in_view(tmp_path: Path, run_cli) -> None:
    book = _book(tmp_path, run_cli)
    sheet = book["1 Participants"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].value == "Participants" and sheet["A1"].font.b
    tables = list(sheet.tables.values())
    assert len(tables) >= 2
    first = sheet[tables[0].ref.split(":")[0]]
    assert [c.value for c in sheet[first.row]][:3] == ["Public", "Inscrits", "Participants"]  # no empty header
    names = [t.displayName for s in book for t in s.tables.values()]
    assert len(names) == len(set(names))
    assert sheet.column_dimensions["A"].width >= len("Concours externe, voie Talents")
    assert 8 <= sheet.column_dimensions["B"].width < 20


def test_sheet_names_are_cut_at_a_word(tmp_path: Path, run_cli) -> None:
    for language, last in (("fr", "9 Ce que ce rapport ne"), ("en", "9 What this report does not")):
        book = _book(tmp_path / language, run_cli, language)
        assert book.sheetnames[-1] == last
        for name in book.sheetnames:
            title = book[name]["A1"].value
            assert title.startswith(name.split(" ", 1)[1]), (name, title)
            assert len(name) <= 31


def test_a_label_that_looks_like_a_number_stays_a_label(tmp_path: Path, run_cli) -> None:
    root = make(tmp_path / "prog")
    for path in (root / "mentees").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("{genre: F}", '{genre: "01"}'), encoding="utf-8")
    assert run_cli(["--root", root, "report", "--format", "xlsx"], today=RUNNING).code == 0
    sheet = openpyxl.load_workbook(root / "out/report-2026.xlsx")["1 Participants"]
    labels = [line[0] for line in sheet.iter_rows() if line[0].value in ("01", 1)]
    assert [(c.value, c.data_type) for c in labels] == [("01", "s")]  # not the number 1
