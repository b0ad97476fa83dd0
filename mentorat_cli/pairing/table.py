"""`mentorat scores`: every mentee x mentor couple of a run, feasible or the rule it breaks, for audit."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from mentorat_cli.pairing import candidates, scoring
from mentorat_cli.pairing.encode import Encoded

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
                yield [enc.mentees.ids[i], enc.mentors.ids[j], "no" if rule else "yes", rule,
                       f"{units[r, j] / 100:.2f}", *(f"{p[r, j] / 100:.2f}" for p in points)]


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
