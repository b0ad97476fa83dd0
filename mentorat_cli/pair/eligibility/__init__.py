"""The registry of eligibility rules: one module per built-in rule, found here, in position order.

Each module of this package that defines `RULE` (a base.Rule) is a built-in
rule, with its reference form, its vectorised form and its reason messages.
`mentorat pair` applies the vectorised forms to every candidate couple at
once (scoring.rule_masks); `validate`, `confirm` and `--explain` apply the
reference forms to one couple (`violations`). Adding a rule is a new module
plus its messages (CONTRIBUTING.md, "Add an eligibility rule").

`for_programme(config)` gives the built-ins, then whatever each function of
SOURCES builds from programme.yaml (programme-declared rules plug in there).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from mentorat_cli.pair.eligibility import declared
from mentorat_cli.pair.eligibility.base import Config, Person, Rule, chain_above, managers_by_email


def _discover() -> tuple[Rule, ...]:
    """Every RULE of this package's modules, by position; two with one name or position is a bug."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if isinstance(getattr(module, "RULE", None), Rule):
            found.append(module.RULE)
    found.sort(key=lambda r: r.position)
    for attr in ("name", "position"):
        values = [getattr(r, attr) for r in found]
        if len(set(values)) != len(values):
            raise RuntimeError(f"two built-in rules share a {attr}: {values}")
    return tuple(found)


BUILT_IN: tuple[Rule, ...] = _discover()
RULE_ORDER: tuple[str, ...] = tuple(r.name for r in BUILT_IN)


def built_in(config: Config) -> list[Rule]:
    return list(BUILT_IN)


# Functions config -> rules; for_programme() joins their answers. Programme-declared rules add theirs here.
SOURCES: list[Callable[[Config], list[Rule]]] = [built_in, declared.from_programme]


def for_programme(config: Config) -> list[Rule]:
    """Every rule of this programme (active or not), in the order they are checked and reported."""
    out: list[Rule] = []
    for source in SOURCES:
        out.extend(source(config))
    return out


def violations(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> list[tuple[str, str]]:
    """Every hard rule the couple breaks, as (rule, reason in the run's language), in the programme's rule order."""
    found = []
    for rule in for_programme(config):
        if rule.active(config):
            reason = rule.check(config, mentor, mentee, ctx)
            if reason:
                found.append((rule.name, reason))
    return found


__all__ = ["BUILT_IN", "RULE_ORDER", "SOURCES", "Rule", "chain_above", "for_programme", "managers_by_email", "violations"]
