"""The hard rules a programme declares in programme.yaml (`rule: true`), as registry entries.

Both forms come from pair/declared.py: the reference `reason` and the solver's
`rule_spec`, over the arrays the criterion of the same name encodes.
"""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import declared as D
from mentorat_cli.pair import declared
from mentorat_cli.pair.eligibility.base import Config, Person, Rule

FIRST_POSITION = 1000  # after every built-in rule, in the order programme.yaml declares them


def _entry(name: str, position: int) -> Rule:
    def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
        return declared.reason(config, name, mentor, mentee)

    return Rule(
        name=name,
        position=position,
        reasons=("reason-declared",),
        check=check,
        vectorised=lambda enc: [lambda: declared.rule_spec(enc, name)],
    )


def from_programme(config: Config) -> list[Rule]:
    """Every declared hard rule of the programme, after the built-in rules."""
    return [_entry(c.name, FIRST_POSITION + k) for k, c in enumerate(D.rules(config))]
