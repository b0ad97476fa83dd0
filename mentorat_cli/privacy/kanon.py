"""k-anonymity for a pseudonymised people table: generalise step by step, then withhold the few rare rows.

What an outsider may know about a person (role, public, sector, experience,
place, cohort) must be shared by at least k people (k: the programme's
`privacy.min_group_size`, the report's threshold). As in Sweeney's Datafly,
whole columns are generalised one step at a time (the step that leaves the
fewest rows in groups smaller than k, so the least information is lost for
the most protection) until no more than a small budget of rows is still
rare; those rows then have their quasi-identifiers withheld (local
suppression), and enough other rows with them that the withheld rows of one
role form a group of k too. Generalising the whole column, rather than only
rare rows, keeps every value of a column at the same level, which an
evaluation can tabulate.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.privacy import regions

Level = Callable[[dict[str, Any], dict[str, Any], str], str]
WITHHELD = {"fr": "(masqué)", "en": "(withheld)"}
_BAND_WORDS = {"fr": ("{low} à {high} ans", "{low} ans ou plus"), "en": ("{low} to {high} years", "{low} years or more")}


def band(years: Any, lows: tuple[int, ...], lang: str) -> str:
    """Years in the band starting at the largest of `lows` not above them: 7, (0, 5, 10) -> '5 à 9 ans'."""
    if not isinstance(years, int) or isinstance(years, bool) or years < 0:
        return ""
    index = max(i for i, low in enumerate(lows) if low <= years)
    closed, opened = _BAND_WORDS[lang]
    if index + 1 < len(lows):
        return closed.format(low=lows[index], high=lows[index + 1] - 1)
    return opened.format(low=lows[index])


def _years(lows: tuple[int, ...]) -> Level:
    return lambda data, row, lang: band(data.get("experience_years"), lows, lang)


def _kept(column: str) -> Level:
    return lambda data, row, lang: str(row.get(column) or "")


# Each quasi-identifier: its column at each level (None: the column is left out), and how a level is computed.
LADDERS: dict[str, list[tuple[str | None, Level]]] = {
    "experience": [
        ("experience_years", _years((0, 5, 10, 20, 30))),
        ("experience_years", _years((0, 10, 20))),
        ("experience_years", _years((0, 10))),
        (None, _kept("")),
    ],
    "place": [
        ("departement", _kept("departement")),
        ("region", lambda data, row, lang: regions.region(str(row.get("departement") or ""))),
        ("area", lambda data, row, lang: regions.area(str(row.get("departement") or ""), lang)),
        (None, _kept("")),
    ],
    "sector": [("sector", _kept("sector")), (None, _kept(""))],
    "public": [("public", _kept("public")), (None, _kept(""))],
}
FIXED = ("role", "cohort")  # never generalised: an export without them would be useless, and they are broad


@dataclass
class Result:
    """The table as published: its quasi-identifier levels, rows, and how many rows were withheld."""

    levels: dict[str, int]
    rows: list[dict[str, Any]]
    withheld: int = 0
    small: list[int] = field(default_factory=list)  # 1-based rows still in a group smaller than k (a tiny programme)


def _key(row: dict[str, Any], levels: dict[str, int]) -> tuple[str, ...]:
    named = [LADDERS[q][levels[q]][0] for q in LADDERS]
    return tuple(str(row.get(c) or "") for c in [*FIXED, *(c for c in named if c)])


def _apply(rows: list[dict[str, Any]], datas: list[dict[str, Any]], levels: dict[str, int], lang: str) -> list[dict[str, Any]]:
    out = []
    for row, data in zip(rows, datas, strict=True):
        new = {k: v for k, v in row.items() if k not in ("experience_years", "departement", "sector", "public")}
        for quasi, level in levels.items():
            column, compute = LADDERS[quasi][level]
            if column:
                new[column] = compute(data, row, lang)
        out.append(new)
    return out


def small_rows(rows: list[dict[str, Any]], levels: dict[str, int], k: int) -> list[int]:
    """Indexes (0-based) of the rows whose quasi-identifiers fewer than k rows share."""
    sizes = Counter(_key(r, levels) for r in rows)
    return [i for i, r in enumerate(rows) if sizes[_key(r, levels)] < k]


def _loss(levels: dict[str, int]) -> float:
    """Information lost (Sweeney's precision): each column's level over its ladder's height, summed."""
    return sum(level / (len(LADDERS[quasi]) - 1) for quasi, level in levels.items())


def _levels(combination: tuple[int, ...]) -> dict[str, int]:
    return dict(zip(LADDERS, combination, strict=True))


def _choose(rows: list[dict[str, Any]], datas: list[dict[str, Any]], k: int, lang: str) -> dict[str, int]:
    """The least generalisation that withholds at most `budget` rows (every combination of levels is tried: 64)."""
    # Withholding a few rows' values costs less than coarsening everyone's, up to a point: 2k rows or 10 %, never half.
    budget = min(max(2 * k, len(rows) // 10), len(rows) // 2)
    best: tuple[float, int, tuple[int, ...]] | None = None
    combinations = sorted(itertools.product(*(range(len(ladder)) for ladder in LADDERS.values())), key=lambda c: (_loss(_levels(c)), c))
    for combination in combinations:
        levels = _levels(combination)
        if best is not None and _loss(levels) > best[0]:
            break  # sorted by loss: nothing further can do better
        rare = len(_withheld(_apply(rows, datas, levels, lang), levels, k))
        if rare <= budget:
            best = min(best or (_loss(levels), rare, combination), (_loss(levels), rare, combination))
    # Nothing within the budget (a tiny programme): leave out every quasi-identifier that can be.
    chosen = best[2] if best is not None else tuple(len(ladder) - 1 for ladder in LADDERS.values())
    return _levels(chosen)


def _fill(out: list[dict[str, Any]], hidden: set[int], role: str, levels: dict[str, int], k: int) -> None:
    """The withheld rows of one role are a group of their own: bring it to k with rows the other groups can spare."""
    need = k - sum(1 for i in hidden if out[i].get("role") == role)
    if need <= 0:
        return
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, row in enumerate(out):
        if index not in hidden and row.get("role") == role:
            groups.setdefault(_key(row, levels), []).append(index)
    # The largest group can lend rows and still hold k; otherwise whole groups go, smallest first.
    ordered = sorted(groups.values(), key=lambda members: (-len(members), members))
    if ordered and len(ordered[0]) - need >= k:
        hidden.update(ordered[0][-need:])
        return
    for members in sorted(groups.values(), key=lambda members: (len(members), members)):
        if need <= 0:
            break
        hidden.update(members)
        need -= len(members)


def _withheld(out: list[dict[str, Any]], levels: dict[str, int], k: int) -> set[int]:
    """The rows whose quasi-identifiers are withheld: the rare ones, and what their role's group needs to hold k."""
    hidden = set(small_rows(out, levels, k))
    for role in sorted({str(out[i].get("role")) for i in hidden}):
        _fill(out, hidden, role, levels, k)
    return hidden


def anonymise(rows: list[dict[str, Any]], datas: list[dict[str, Any]], k: int, lang: str) -> Result:
    """The rows generalised and the rare ones withheld so that every combination is shared by k rows or more."""
    levels = _choose(rows, datas, k, lang)
    out = _apply(rows, datas, levels, lang)
    hidden = _withheld(out, levels, k)
    named = [LADDERS[q][levels[q]][0] for q in LADDERS]
    for index in hidden:
        out[index].update({c: WITHHELD[lang] for c in named if c})
    final = Counter(_key(r, levels) for r in out)
    small = [i + 1 for i, r in enumerate(out) if final[_key(r, levels)] < k]
    return Result(levels, out, len(hidden), small)


def columns(people_columns: list[str], levels: dict[str, int]) -> list[str]:
    """The published columns: each quasi-identifier under its level's name, or left out."""
    named = {q: LADDERS[q][levels[q]][0] for q in LADDERS}
    out = []
    for column in people_columns:
        if column == "experience_years" and named["experience"]:
            out.append(column)
        elif column in ("sector", "public"):
            if named[column]:
                out.append(column)
        elif column != "experience_years":
            out.append(column)
        if column == "capacity" and named["place"]:
            out.append(named["place"] or "")
    return out
