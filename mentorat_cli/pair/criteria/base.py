"""What a matching criterion is, and the sentence helpers its evidence uses.

A criterion gives each mentor-mentee couple a value in [0, 1] and the
evidence behind it. It is written once, in its own module of this package,
in two forms that a property test holds equal (tests/test_pair_registry.py):

- `evaluate(config, mentor, mentee, lang) -> (value, evidence)`: the
  reference form, one couple at a time (`--explain`, proposal files, tests);
- `vectorised(enc) -> (mentee classes, row function)`: the solver's form over
  the arrays of arrays.py; the row function maps class ids to float64
  values [len(ids), mentors] with the same arithmetic as `evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mentorat_cli.core import formatting
from mentorat_cli.core.kinds import KINDS
from mentorat_cli.core.messages.pairing import EVIDENCE
from mentorat_cli.core.vocabulary import norm as norm  # re-exported: the criteria compare labels with it
from mentorat_cli.pair.arrays import Encoded, Spec

if TYPE_CHECKING:  # numpy loads in the vectorised forms only: validate and status read the registry without pairing
    import numpy as np

Person = dict[str, Any]
Config = dict[str, Any]
Reference = Callable[[Config, Person, Person, str], tuple[float, str]]
Vectorised = Callable[[Encoded], Spec]
# (config, mentees, mentors) -> (mentee array, mentor array), kept in Side.extra[name]
Encoder = Callable[[Config, list[Person], list[Person]], tuple["np.ndarray", "np.ndarray"]]
FALLBACK_KIND = "school"  # programme.yaml with an unknown kind starts from the school defaults (core/kinds.py)


def _always(config: Config) -> bool:
    return True


@dataclass(frozen=True)
class Criterion:
    """One matching criterion: both forms, its default weight per kind of programme, its sentence keys."""

    name: str
    position: int  # order of the criteria in files and tables (built-ins: 10, 20, ...)
    weights: Mapping[str, float]  # kind of programme -> default weight (0: off unless programme.yaml sets one)
    evidence: tuple[str, ...]  # keys of its sentences in core/messages/pairing.py EVIDENCE
    evaluate: Reference
    vectorised: Vectorised
    applies: Callable[[Config], bool] = _always  # False: the criterion does not count in this programme
    encode: Encoder | None = None  # arrays it needs beyond arrays.Side's built-in fields

    def default_weight(self, kind: str) -> float:
        """Its weight when programme.yaml sets none (a kind it does not name: 0)."""
        return float(self.weights.get(kind if kind in KINDS else FALLBACK_KIND, 0))


def mentee_themes(mentee: Person) -> list[str]:
    """The mentee's objective themes, in order, without repeats."""
    seen: list[str] = []
    for objective in mentee.get("objectives", []):
        if objective["theme"] not in seen:
            seen.append(objective["theme"])
    return seen


def language(config: Config) -> str:
    """The language proposal files are written in: the programme's, French unless another is set."""
    lang = config.get("language")
    return lang if isinstance(lang, str) and lang in EVIDENCE else "fr"


def say(lang: str, key: str, **values: object) -> str:
    """One sentence of a proposal file, in `lang`, from the wording table in messages/pairing.py."""
    return EVIDENCE[lang][key].format(**values)


def listing(lang: str, items: list[str]) -> str:
    """Items as people list them: 'A, B et C' in French, 'A, B and C' in English."""
    return formatting.listing(items, lang)


def number(lang: str, units: int) -> str:
    """Score units (hundredths) as written in a sentence: '82,50' in French, '82.50' in English."""
    return formatting.score(units, lang)


def word(lang: str, prefix: str, value: str) -> str:
    """A vocabulary value in words (format, slot); values outside the schema cannot reach a run, shown as is."""
    return EVIDENCE[lang].get(f"{prefix}-{value}", value)
