"""The criteria a programme declares in programme.yaml, as registry entries (see pair/declared.py for both forms).

A declared hard rule is entered here too, with weight 0: the solver's rule
mask (pair/eligibility/declared.py) reads the arrays its `encode` builds.
"""

from __future__ import annotations

from mentorat_cli.core import declared as D
from mentorat_cli.core.kinds import KINDS
from mentorat_cli.pair import declared
from mentorat_cli.pair.criteria.base import Config, Criterion

FIRST_POSITION = 1000  # after every built-in criterion, in the order programme.yaml declares them


def _entry(name: str, weight: float, position: int) -> Criterion:
    return Criterion(
        name=name,
        position=position,
        weights=dict.fromkeys(KINDS, weight),
        evidence=(),
        evaluate=lambda config, mentor, mentee, lang: declared.evaluate(name, config, mentor, mentee, lang),
        vectorised=lambda enc: declared.value_spec(enc, name),
        encode=lambda config, mentees, mentors: declared.attach(config, name, mentees, mentors),
    )


def from_programme(config: Config) -> list[Criterion]:
    """Every declared criterion and rule of the programme, after the built-ins."""
    return [_entry(c.name, 0.0 if c.rule else c.weight, FIRST_POSITION + k) for k, c in enumerate(D.criteria(config).values())]
