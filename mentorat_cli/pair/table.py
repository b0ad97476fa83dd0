"""`mentorat scores`: every mentee x mentor couple of a run, feasible or the rule it breaks, for audit."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import numpy as np

from mentorat_cli.pair import candidates, scoring
from mentorat_cli.pair.encode import Encoded

TEXT_ROWS = 200_000  # CSV rows turned into text at once (bounds memory; the cost is per row anyway)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def header(enc: Encoded) -> list[str]:
    """Column names: the couple, feasibility, the first rule broken, the score, each criterion's points."""
    return ["mentee", "mentor", "feasible", "rule", "score", *enc.weights]


def rows(enc: Encoded, previous: dict[int, list[int]]) -> Iterator[list[str]]:
    """One row per couple, by mentee then mentor id, computed block by block."""
    n, m = len(enc.mentees.ids), len(enc.mentors.ids)
    total = sum(enc.weights.values())
    step = candidates.block_rows(enc)
    for start in range(0, n, step):
        block = np.arange(start, min(n, start + step))
        masks = scoring.rule_masks(enc, block, previous)
        names = list(masks)
        first = scoring.first_rule(masks) if masks else np.full((len(block), m), -1)
        units = scoring.units(enc, block)
        points = [scoring.points(enc, name, block) for name in enc.weights] if total else []
        for r, i in enumerate(block.tolist()):
            for j in range(m):
                rule = names[first[r, j]] if first[r, j] >= 0 else ""
                yield [
                    enc.mentees.ids[i],
                    enc.mentors.ids[j],
                    "no" if rule else "yes",
                    rule,
                    f"{units[r, j] / 100:.2f}",
                    *(f"{p[r, j] / 100:.2f}" for p in points),
                ]


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _field(value: str) -> str:
    """How csv.writer writes this value as one field among others (quoted when it must be), formula-safe."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([safe_cell(value), ""])
    return out.getvalue()[:-2]


def csv_blocks(enc: Encoded, previous: dict[int, list[int]]) -> Iterator[str]:
    """The rows of `rows()` as CSV text (the bytes csv.writer and safe_cell give), one block of mentees at a time.

    Every distinct value is formatted once (ids, rule names, the 0.00-100.00 points), then the
    cells of a whole block are gathered with numpy indexing: about 20 times faster than a csv
    row at a time for 5 million couples.
    """
    n, m = len(enc.mentees.ids), len(enc.mentors.ids)
    total = sum(enc.weights.values())
    mentee_cells = np.array([_field(i) for i in enc.mentees.ids] or [""], dtype=object)
    mentor_cells = np.array([_field(j) for j in enc.mentors.ids] or [""], dtype=object)
    # Points and scores are int16 hundredths: every possible value's text, indexed by value + 32768.
    # (Digits, a point and a sign never need CSV quoting: safe_cell alone gives what _field would.)
    hundredths = np.array([safe_cell(f"{v / 100:.2f}") for v in range(-32768, 32768)], dtype=object)
    feasible = np.array([_field("no"), _field("yes")], dtype=object)
    step = candidates.block_rows(enc)
    for start in range(0, n, step):
        block = np.arange(start, min(n, start + step))
        masks = scoring.rule_masks(enc, block, previous)
        rule_cells = np.array([_field(name) for name in masks] + [_field("")], dtype=object)
        first = (scoring.first_rule(masks) if masks else np.full((len(block), m), -1)).ravel()
        columns = [
            np.repeat(mentee_cells[block], m),
            np.tile(mentor_cells[:m], len(block)),
            feasible[(first < 0).astype(np.int8)],
            rule_cells[first],
            hundredths[scoring.units(enc, block).ravel().astype(np.int32) + 32768],
        ]
        if total:
            columns += [hundredths[scoring.points(enc, name, block).ravel().astype(np.int32) + 32768] for name in enc.weights]
        # Text in slices: a block's 3 million rows as Python strings would take over a gigabyte.
        for low in range(0, len(first), TEXT_ROWS):
            cells = [c[low : low + TEXT_ROWS].tolist() for c in columns]
            yield "\n".join(map(",".join, zip(*cells, strict=True))) + "\n"
