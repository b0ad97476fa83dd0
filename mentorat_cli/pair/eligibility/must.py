"""must: each criterion named in eligibility.must scores above 0 for the couple (a criterion made a hard rule)."""

from __future__ import annotations

from typing import Any

from mentorat_cli.core import i18n
from mentorat_cli.core.messages import text
from mentorat_cli.core.messages.pairing import EVIDENCE
from mentorat_cli.pair import criteria
from mentorat_cli.pair.arrays import Encoded, Spec
from mentorat_cli.pair.eligibility.base import Config, Makers, Person, Rule


def names(config: Config) -> list[str]:
    return list(config["eligibility"].get("must") or [])


def active(config: Config) -> bool:
    return bool(names(config))


def check(config: Config, mentor: Person, mentee: Person, ctx: dict[str, Any]) -> str | None:
    by_name = criteria.named(config)
    # The evidence is quoted in the language of the run, like the reason around it (English if it has no wording).
    lang = i18n.language() if i18n.language() in EVIDENCE else "en"
    for name in names(config):
        value, evidence = by_name[name].evaluate(config, mentor, mentee, lang)
        if value <= 0:
            return text("reason-must", name=name, evidence=i18n.shown(evidence))
    return None


def vectorised(enc: Encoded) -> Makers:
    # One table per criterion named, each over that criterion's own classes; scoring.py ORs them.
    return [lambda name=name: _spec(enc, name) for name in names(enc.config)]  # type: ignore[misc]


def _spec(enc: Encoded, name: str) -> Spec:
    cls, fn = enc.criteria[name].vectorised(enc)
    return cls, lambda ids: fn(ids) <= 0


RULE = Rule(name="must", position=90, reasons=("reason-must",), check=check, active=active, vectorised=vectorised)
