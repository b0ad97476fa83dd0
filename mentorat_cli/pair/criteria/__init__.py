"""The registry of matching criteria: one module per built-in criterion, found here, in position order.

Each module of this package that defines `CRITERION` (a base.Criterion) is
a built-in criterion: its reference form, its vectorised form, its default
weight per kind of programme and its sentence keys live together there.
Adding one is a new module plus its sentences (see CONTRIBUTING.md, "Add a
matching criterion"); the registry tests cover it without being edited.

`for_programme(config)` is what the rest of the toolkit asks for: the
built-ins, then whatever each function of SOURCES builds from programme.yaml
(programme-declared criteria plug in there with one line).

The pair score is the weighted sum of the active criteria's values, scaled
to 0-100; each criterion's points are kept as integer hundredths ("units")
so that the solver, the files and the vectorised scoring agree to the digit.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from mentorat_cli.pair.criteria import declared
from mentorat_cli.pair.criteria.base import (
    Config,
    Criterion,
    Person,
    language,
    listing,
    mentee_themes,
    norm,
    number,
    say,
)
from mentorat_cli.pair.criteria.distance import applies as distance_applies
from mentorat_cli.pair.criteria.distance import value as distance_value
from mentorat_cli.pair.criteria.public import PUBLIC_OPEN


def _discover() -> tuple[Criterion, ...]:
    """Every CRITERION of this package's modules, by position; two with one name or position is a bug."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if isinstance(getattr(module, "CRITERION", None), Criterion):
            found.append(module.CRITERION)
    found.sort(key=lambda c: c.position)
    for attr in ("name", "position"):
        values = [getattr(c, attr) for c in found]
        if len(set(values)) != len(values):
            raise RuntimeError(f"two built-in criteria share a {attr}: {values}")
    return tuple(found)


BUILT_IN: tuple[Criterion, ...] = _discover()
CRITERIA: tuple[str, ...] = tuple(c.name for c in BUILT_IN)


def built_in(config: Config) -> list[Criterion]:
    return list(BUILT_IN)


# Functions config -> criteria; for_programme() joins their answers. Programme-declared criteria add theirs here.
SOURCES: list[Callable[[Config], list[Criterion]]] = [built_in, declared.from_programme]


def for_programme(config: Config) -> list[Criterion]:
    """Every criterion this programme can use (weighted or not), in position order; names are unique."""
    out: list[Criterion] = []
    for source in SOURCES:
        out.extend(source(config))
    return out


def named(config: Config) -> dict[str, Criterion]:
    """for_programme() by name."""
    return {c.name: c for c in for_programme(config)}


def default_weights(kind: str) -> dict[str, float | int]:
    """The built-in weights a kind of programme starts from (what `init` writes in programme.yaml)."""
    return {c.name: _whole(c.default_weight(kind)) for c in BUILT_IN}


def _whole(weight: float) -> float | int:
    return int(weight) if weight == int(weight) else weight


def weight(config: Config, criterion: Criterion) -> float:
    """The criterion's weight: programme.yaml's `matching.weights`, else its default for the programme's kind."""
    given = (config.get("matching") or {}).get("weights") or {}
    if criterion.name in given:
        return float(given[criterion.name])
    return criterion.default_weight(str(config.get("kind", "")))


def active_weights(config: Config) -> dict[str, float]:
    """The criteria that count (weight > 0 and applicable: distance only for in-person or hybrid programmes)."""
    return {c.name: w for c, w in _counting(config)}


def _counting(config: Config) -> list[tuple[Criterion, float]]:
    """(criterion, weight) of the criteria that count, in order: one pass over the registry."""
    out = []
    for criterion in for_programme(config):
        w = weight(config, criterion)
        if w > 0 and criterion.applies(config):
            out.append((criterion, w))
    return out


def evaluate(name: str, config: Config, mentor: Person, mentee: Person, lang: str = "en") -> tuple[float, str]:
    """One criterion's value in [0, 1] for this couple, and the evidence for it in `lang`.

    English by default because the eligibility rule `must` quotes the evidence
    in CLI messages; files get the programme's language through score().
    """
    return named(config)[name].evaluate(config, mentor, mentee, lang)


def criterion_units(weight: float, value: float, total_weight: float) -> int:
    """One criterion's points in integer hundredths: the weighted value scaled so all weights sum to 100."""
    return int(round(weight * value * 10000.0 / total_weight))


def score(config: Config, mentor: Person, mentee: Person) -> tuple[int, list[dict[str, Any]]]:
    """(score in hundredths, per-criterion points, max and evidence in the programme's language) for one couple.

    The score is the sum of the criteria's points, each rounded to a hundredth,
    so the points written in a proposal add up to its score exactly.
    """
    counting = _counting(config)  # called once per couple shown: one pass over the registry
    total = sum(w for _, w in counting)
    lang = language(config)
    units, rows = 0, []
    for criterion, w in counting:
        value, evidence = criterion.evaluate(config, mentor, mentee, lang)
        points = criterion_units(w, value, total)
        units += points
        rows.append(
            {"criterion": criterion.name, "points": points / 100, "max": criterion_units(w, 1.0, total) / 100, "evidence": evidence}
        )
    # Rounding each criterion can overshoot 100 by a hundredth or two.
    return min(units, 10000), rows


__all__ = [
    "BUILT_IN",
    "CRITERIA",
    "PUBLIC_OPEN",
    "SOURCES",
    "Criterion",
    "active_weights",
    "criterion_units",
    "default_weights",
    "distance_applies",
    "distance_value",
    "evaluate",
    "for_programme",
    "language",
    "listing",
    "mentee_themes",
    "named",
    "norm",
    "number",
    "say",
    "score",
    "weight",
]
