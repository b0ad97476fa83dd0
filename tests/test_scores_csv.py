"""`scores --format csv` writes whole blocks at once: the same bytes as csv.writer row by row."""

from __future__ import annotations

import csv
import io

from mentorat_cli.check import pipeline
from mentorat_cli.load import repository
from mentorat_cli.pair import encode, plan, table


def _row_by_row(root, today):
    """The reference: every row of table.rows() through csv.writer and safe_cell, as the command used to write."""
    prog, _ = pipeline.load(root, today, parts=repository.PEOPLE_AND_PAIRS, cache=False)
    setup = plan.setup(prog)
    enc = encode.encode(setup.config, [r.data for r in setup.mentees], [r.data for r in setup.mentors], setup.managers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header(enc))
    rows = 0
    for row in table.rows(enc, setup.previous):
        writer.writerow([table.safe_cell(cell) for cell in row])
        rows += 1
    return out.getvalue(), rows


def test_scores_csv_is_the_row_by_row_csv(sample, run_cli):
    import datetime as dt

    result = run_cli(["--root", sample, "scores", "--format", "csv"])
    expected, rows = _row_by_row(sample, dt.date(2026, 11, 25))
    assert result.code == 0
    assert rows > 100
    assert result.out == expected
    assert {line.split(",")[2] for line in result.out.splitlines()[1:]} == {"yes", "no"}


def test_scores_csv_quotes_and_neutralises_like_csv_writer():
    # Values that need quoting or a formula guard get exactly csv.writer's treatment.
    for value in ["plain", "a,b", 'say "hi"', "-1.00", "=SUM(A1)", "", "two\nlines"]:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([table.safe_cell(value), "x"])
        assert table._field(value) + ",x\n" == out.getvalue()
