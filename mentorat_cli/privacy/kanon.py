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
_GENERALISED = ("experience_years", "departement", "sector", "public")
FIXED = ("role", "cohort")  # never generalised: an export without them would be useless, and they are broad


@dataclass
class Result:
    """The table as published: its quasi-identifier levels, rows, and how many rows were withheld."""

    levels: dict[str, int]
    rows: list[dict[str, Any]]
    withheld: int = 0
    small: list[int] = field(default_factory=list)  # 1-based rows still in a group smaller than k (a tiny programme)


class _Table:
    """Each row's quasi-identifiers at every level, computed once (the search tries up to 64 combinations)."""

    def __init__(self, rows: list[dict[str, Any]], datas: list[dict[str, Any]], lang: str) -> None:
        self.fixed = [tuple(str(row.get(c) or "") for c in FIXED) for row in rows]
        self.roles = [str(row.get("role")) for row in rows]
        self.values = {
            quasi: [[compute(d, r, lang) if column else "" for r, d in zip(rows, datas, strict=True)] for column, compute in ladder]
            for quasi, ladder in LADDERS.items()
        }

    def keys(self, levels: dict[str, int], hidden: set[int] | None = None, word: str = "") -> list[tuple[str, ...]]:
        """Each row's combination at `levels`; the `hidden` rows' published columns read `word`."""
        shown = [(self.values[q][levels[q]], LADDERS[q][levels[q]][0] is not None) for q in LADDERS]
        return [
            fixed + tuple(word if hidden and i in hidden and named else values[i] for values, named in shown)
            for i, fixed in enumerate(self.fixed)
        ]


def _loss(levels: dict[str, int]) -> float:
    """Information lost (Sweeney's precision): each column's level over its ladder's height, summed."""
    return sum(level / (len(LADDERS[quasi]) - 1) for quasi, level in levels.items())


def _levels(combination: tuple[int, ...]) -> dict[str, int]:
    return dict(zip(LADDERS, combination, strict=True))


def _choose(table: _Table, k: int) -> dict[str, int]:
    """The least generalisation that withholds at most `budget` rows (every combination of levels is tried: 64)."""
    rows = len(table.fixed)
    # Withholding a few rows' values costs less than coarsening everyone's, up to a point: 2k rows or 10 %, never half.
    budget = min(max(2 * k, rows // 10), rows // 2)
    best: tuple[float, int, tuple[int, ...]] | None = None
    combinations = sorted(itertools.product(*(range(len(ladder)) for ladder in LADDERS.values())), key=lambda c: (_loss(_levels(c)), c))
    for combination in combinations:
        levels = _levels(combination)
        if best is not None and _loss(levels) > best[0]:
            break  # sorted by loss: nothing further can do better
        rare = len(_withheld(table.keys(levels), table.roles, k))
        if rare <= budget:
            best = min(best or (_loss(levels), rare, combination), (_loss(levels), rare, combination))
    # Nothing within the budget (a tiny programme): leave out every quasi-identifier that can be.
    chosen = best[2] if best is not None else tuple(len(ladder) - 1 for ladder in LADDERS.values())
    return _levels(chosen)


def _fill(keys: list[tuple[str, ...]], roles: list[str], hidden: set[int], role: str, k: int) -> None:
    """The withheld rows of one role are a group of their own: bring it to k with rows the other groups can spare."""
    need = k - sum(1 for i in hidden if roles[i] == role)
    if need <= 0:
        return
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, key in enumerate(keys):
        if index not in hidden and roles[index] == role:
            groups.setdefault(key, []).append(index)
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


def _withheld(keys: list[tuple[str, ...]], roles: list[str], k: int) -> set[int]:
    """The rows whose quasi-identifiers are withheld: the rare ones, and what their role's group needs to hold k."""
    sizes = Counter(keys)
    hidden = {i for i, key in enumerate(keys) if sizes[key] < k}
    for role in sorted({roles[i] for i in hidden}):
        _fill(keys, roles, hidden, role, k)
    return hidden


def anonymise(rows: list[dict[str, Any]], datas: list[dict[str, Any]], k: int, lang: str) -> Result:
    """The rows generalised and the rare ones withheld so that every combination is shared by k rows or more."""
    table = _Table(rows, datas, lang)
    levels = _choose(table, k)
    hidden = _withheld(table.keys(levels), table.roles, k)
    out = []
    for index, row in enumerate(rows):
        new = {key: value for key, value in row.items() if key not in _GENERALISED}
        for quasi, level in levels.items():
            column = LADDERS[quasi][level][0]
            if column:
                new[column] = WITHHELD[lang] if index in hidden else table.values[quasi][level][index]
        out.append(new)
    final = table.keys(levels, hidden, WITHHELD[lang])
    sizes = Counter(final)
    small = [i + 1 for i, key in enumerate(final) if sizes[key] < k]
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
