"""What an eligibility rule is, and the management-chain helpers two rules share.

A rule says whether a mentor-mentee couple may be paired at all. It is
written once, in its own module of this package, in two forms that a
property test holds equal (tests/test_pair_registry.py):

- `check(config, mentor, mentee, ctx) -> reason | None`: the reference form,
  one couple at a time (`validate`, `confirm`, `--explain`, tests); the
  reason is a catalogue message (core/messages/pairing.py) in the run's language;
- and either `vectorised(enc) -> [spec maker, ...]`, each maker giving
  (mentee classes, class ids -> bool [len, mentors], True where broken),
  ORed together by scoring.py; or, for rules about named people,
  `pairs(config, mentees, mentors, managers) -> {(mentee index, mentor index)}`.

`active(config)` says whether the programme asks for the rule; both forms are
only used when it does. Missing data never silently passes a rule the
programme asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mentorat_cli.core.model import email_key
from mentorat_cli.pair.arrays import Encoded, Spec

Person = dict[str, Any]
Config = dict[str, Any]
Check = Callable[[Config, Person, Person, dict[str, Any]], "str | None"]
Makers = list[Callable[[], Spec]]
Pairs = Callable[[Config, list[Person], list[Person], dict[str, str]], set[tuple[int, int]]]


def _always(config: Config) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    """One eligibility rule: both forms, when it applies, and its reason message keys."""

    name: str
    position: int  # order rules are checked and reported in (built-ins: 10, 20, ...)
    reasons: tuple[str, ...]  # keys of its reasons in core/messages/pairing.py TEXT
    check: Check
    active: Callable[[Config], bool] = _always
    vectorised: Callable[[Encoded], Makers] | None = None
    pairs: Pairs | None = None


def managers_by_email(people: list[Person]) -> dict[str, str]:
    """email -> that person's manager's email, for walking management chains."""
    return {email_key(p["email"]): email_key(p["manager"]) for p in people if p.get("email") and p.get("manager")}


def chain_above(email: str, managers: dict[str, str], limit: int = 50) -> list[str]:
    """The management chain above a person (manager, their manager...), as e-mails."""
    chain: list[str] = []
    current = email_key(email)
    while current in managers and len(chain) < limit:
        current = managers[current]
        if current in chain:
            break
        chain.append(current)
    return chain


def rows_by_email(people: list[Person]) -> dict[str, list[int]]:
    """e-mail key -> positions of the people who give it (one person may appear twice by mistake)."""
    out: dict[str, list[int]] = {}
    for index, person in enumerate(people):
        out.setdefault(email_key(person.get("email")), []).append(index)
    return out
