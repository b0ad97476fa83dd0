"""`scores`: every couple of the mentees to pair and the mentors, as CSV (streamed) or aligned text for people."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mentorat_cli.core import formatting
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import gettext, language
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.pair import declared, encode, plan, table

TEXT_TABLE_LIMIT = 200_000  # rows: beyond this, aligned text is unreadable and slow; CSV streams


@dataclass
class Scores:
    """The encoded couples, the pairs that ended (never proposed again), how many couples, the programme's settings."""

    enc: encode.Encoded
    previous: dict[int, list[int]]
    cells: int
    config: dict[str, Any]


def scores(programme: Programme) -> Scores:
    setup = plan.setup(programme)
    enc = encode.encode(setup.config, [r.data for r in setup.mentees], [r.data for r in setup.mentors], setup.managers)
    return Scores(enc, setup.previous, len(setup.mentees) * len(setup.mentors), setup.config)


def csv_text(found: Scores) -> Iterator[str]:
    """The CSV, header first, in blocks (column ids, for tools)."""
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(table.header(found.enc))
    yield head.getvalue()
    yield from table.csv_blocks(found.enc, found.previous)


def aligned(found: Scores) -> list[str]:
    """Aligned columns, the column words and yes/no in the run's language; an error beyond TEXT_TABLE_LIMIT couples."""
    if found.cells > TEXT_TABLE_LIMIT:
        raise MentoratError(text("scores-too-big", cells=found.cells))
    head = table.header(found.enc)
    sign = formatting.number(0, language(), 2)[1]  # the run's decimal sign (the CSV keeps the dot, for tools)
    titles_of: dict[str, str] = {"": ""}  # a rule's title, worked out once per rule (rows are many)

    def rule(name: str) -> str:
        if name not in titles_of:
            titles_of[name] = declared.title(found.config, name)
        return titles_of[name]

    body = (
        [*row[:2], gettext(row[2]), rule(row[3]), *(c.replace(".", sign) for c in row[4:])] for row in table.rows(found.enc, found.previous)
    )
    # A criterion's column is headed by its title: a declared criterion's label in the run's language.
    fixed = head[: len(head) - len(found.enc.weights)]
    titles = [gettext(cell) for cell in fixed] + [declared.title(found.config, name) for name in found.enc.weights]
    rows = [titles, *body]
    widths = [max(len(row[c]) for row in rows) for c in range(len(head))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() for row in rows]
