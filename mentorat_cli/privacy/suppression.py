"""Small-cell suppression: no published figure may single out fewer than `k` people.

A cell of 1..k-1 people is shown as "< k" (primary suppression). When a
line publishes its total, one hidden cell could be recomputed from the
others, so the smallest other non-zero cell is hidden too (secondary
suppression). Zero cells are shown: they say nothing about anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIMARY = "primary"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Cell:
    """A published count: its value, and whether (and why) it is hidden."""

    value: int
    hidden: str = ""  # "", PRIMARY or SECONDARY


def is_small(value: int, k: int) -> bool:
    """True for counts that could single someone out (1..k-1)."""
    return 0 < value < k


def protect(values: list[int], k: int, total_shown: bool = True) -> list[Cell]:
    """Cells of one line of a breakdown, with primary and secondary suppression."""
    cells = [Cell(v, PRIMARY if is_small(v, k) else "") for v in values]
    hidden = [i for i, c in enumerate(cells) if c.hidden]
    if total_shown and len(hidden) == 1:
        # Tie-break on position so the choice is deterministic.
        others = sorted((c.value, i) for i, c in enumerate(cells) if not c.hidden and c.value > 0)
        if others:
            _, index = others[0]
            cells[index] = Cell(cells[index].value, SECONDARY)
    return cells


def protect_total(total: int, k: int) -> bool:
    """True when a whole breakdown must be hidden because its total is itself small."""
    return is_small(total, k)


@dataclass(frozen=True)
class Share:
    """`count` of `base`, with bounds instead of exact values when either side is small."""

    count: int
    base: int
    k: int

    @property
    def low_hidden(self) -> bool:
        return is_small(self.count, self.k)

    @property
    def high_hidden(self) -> bool:
        # The complement (base - count) is as revealing as the count itself.
        return is_small(self.base - self.count, self.k)

    @property
    def base_hidden(self) -> bool:
        return is_small(self.base, self.k)

    def percent(self) -> float | None:
        """The exact share in percent, or None when it must not be published."""
        if self.base == 0 or self.base_hidden or self.low_hidden or self.high_hidden:
            return None
        return 100.0 * self.count / self.base
