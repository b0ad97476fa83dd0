"""The profile fields and matching criteria a programme declares in programme.yaml, without code.

programme.yaml may hold `extra_fields:` (fields the profiles carry under `extra:`)
and `extra_criteria:` (criteria over any profile field, built-in or declared).
Coordinators write them by hand, often in French: the types, sides, kinds and
modes accept French words as well as the English ids (`oui-non`, `mentoré`,
`identique`, `au-moins`...). This module turns both into plain records with the
English ids, and reads a person's value for a field; pairing, validation and
import all go through it so they agree on what a declaration means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mentorat_cli.core import vocabulary
from mentorat_cli.core.vocabulary import norm as norm  # one comparison of free-text values, built-in and declared

Person = dict[str, Any]

TEXT, YES_NO, LIST, NUMBER, SCALE = "text", "yes-no", "list", "number", "scale"
SAME, OVERLAP, GAP, SCALE_KIND = "same", "overlap", "gap", "scale"
AT_LEAST, AT_MOST, CLOSEST = "at_least", "at_most", "closest"
EXTRA = "extra."


YES_WORDS = {"oui", "yes", "vrai", "true", "o", "y", "1"}
NO_WORDS = {"non", "no", "faux", "false", "n", "0"}

# Built-in profile fields a declared criterion may read: name -> (type, sides that carry it).
BUILTIN_FIELDS: dict[str, tuple[str, str]] = {
    "sector": (TEXT, "both"),
    "school": (TEXT, "both"),
    "job": (TEXT, "both"),
    "organisation": (TEXT, "both"),
    "unit": (TEXT, "both"),
    "format": (TEXT, "both"),
    "experience_years": (NUMBER, "both"),
    "level": (NUMBER, "both"),
    "languages": (LIST, "both"),
    "availability": (LIST, "both"),
    "civil_servant": (YES_NO, "both"),
    "membership_paid": (YES_NO, "both"),
    "themes": (LIST, "mentor"),
    "publics": (LIST, "mentor"),
    "public": (TEXT, "mentee"),
}
# Which declared criterion kinds fit which field types (both sides must fit).
KIND_TYPES: dict[str, frozenset[str]] = {
    SAME: frozenset({TEXT, YES_NO, NUMBER, SCALE}),
    OVERLAP: frozenset({LIST, TEXT}),
    GAP: frozenset({NUMBER}),
    SCALE_KIND: frozenset({SCALE}),
}


@dataclass(frozen=True)
class Field:
    """One declared profile field (profiles carry it as `extra.<name>`)."""

    name: str
    type: str  # English id, or the raw word when unknown (validate reports it)
    side: str
    labels: dict[str, str]
    values: tuple[str, ...] = ()  # a scale's values, lowest first

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), self.name)


@dataclass(frozen=True)
class Criterion:
    """One declared criterion: a weighted criterion (weight) or a hard rule (rule)."""

    name: str
    kind: str
    mentor: str  # field path read on the mentor: `sector` or `extra.<name>`
    mentee: str
    labels: dict[str, str]
    weight: float = 0.0
    rule: bool = False
    mode: str = ""  # gap only
    limit: float | None = None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or next(iter(self.labels.values()), self.name)


def _labels(raw: Any, name: str) -> dict[str, str]:
    if isinstance(raw, str) and raw.strip():
        return {"fr": raw, "en": raw}
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items() if isinstance(v, str) and v.strip()}
    return {}


def _word(vocab: str, raw: Any, default: str) -> str:
    """A keyword as its English id (French words accepted, through core/vocabulary.py); an unknown one as written."""
    return default if raw is None else str(vocabulary.canonical(vocab, str(raw)))


def fields(config: dict[str, Any]) -> dict[str, Field]:
    """The declared profile fields, by name, in declaration order."""
    out: dict[str, Field] = {}
    raw = config.get("extra_fields")
    for name, spec in raw.items() if isinstance(raw, dict) else []:
        spec = spec if isinstance(spec, dict) else {}
        values = tuple(str(v) for v in spec.get("values") or [] if v is not None)
        labels = _labels(spec.get("label"), str(name))
        out[str(name)] = Field(
            str(name), _word("declared_type", spec.get("type"), TEXT), _word("declared_side", spec.get("side"), "both"), labels, values
        )
    return out


def criteria(config: dict[str, Any]) -> dict[str, Criterion]:
    """The declared criteria, by name, in declaration order."""
    out: dict[str, Criterion] = {}
    raw = config.get("extra_criteria")
    for name, spec in raw.items() if isinstance(raw, dict) else []:
        spec = spec if isinstance(spec, dict) else {}
        both = spec.get("field")
        limit = spec.get("limit")
        out[str(name)] = Criterion(
            name=str(name),
            kind=_word("declared_kind", spec.get("kind"), SAME),
            mentor=str(spec.get("mentor") or both or ""),
            mentee=str(spec.get("mentee") or both or ""),
            labels=_labels(spec.get("label"), str(name)) or _field_labels(config, str(spec.get("mentee") or both or "")),
            weight=float(spec["weight"])
            if isinstance(spec.get("weight"), int | float) and not isinstance(spec.get("weight"), bool)
            else 0.0,
            rule=_truthy(spec.get("rule")),
            mode=_word("declared_mode", spec.get("mode"), CLOSEST),
            limit=float(limit) if isinstance(limit, int | float) and not isinstance(limit, bool) else None,
        )
    return out


def _field_labels(config: dict[str, Any], path: str) -> dict[str, str]:
    """A criterion without a label takes the label of the declared field it reads (the mentee's)."""
    found = fields(config).get(path[len(EXTRA) :]) if path.startswith(EXTRA) else None
    return dict(found.labels) if found else {}


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and vocabulary.fold(value) in YES_WORDS)


def weights(config: dict[str, Any]) -> dict[str, float]:
    """Declared weighted criteria that count (weight > 0), in declaration order."""
    return {c.name: c.weight for c in criteria(config).values() if not c.rule and c.weight > 0}


def rules(config: dict[str, Any]) -> list[Criterion]:
    """Declared hard rules, in declaration order."""
    return [c for c in criteria(config).values() if c.rule]


def field_type(config: dict[str, Any], path: str) -> tuple[str, str] | None:
    """(type, side) of a field path (`sector`, `extra.evening`), None when neither built-in nor declared."""
    if path.startswith(EXTRA):
        found = fields(config).get(path[len(EXTRA) :])
        return (found.type, found.side) if found else None
    return BUILTIN_FIELDS.get(path)


def scale_values(config: dict[str, Any], path: str) -> tuple[str, ...]:
    """The values of a declared scale field, lowest first (empty for other fields)."""
    found = fields(config).get(path[len(EXTRA) :]) if path.startswith(EXTRA) else None
    return found.values if found else ()


def raw_value(person: Person, path: str) -> Any:
    """The value a profile holds for a field path, None when absent."""
    if path.startswith(EXTRA):
        extra = person.get("extra")
        return extra.get(path[len(EXTRA) :]) if isinstance(extra, dict) else None
    return person.get(path)


def yes_no(value: Any) -> bool | None:
    """True/False from a boolean or a written answer (oui/non, yes/no, vrai/faux), None otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = vocabulary.fold(value)
        return True if word in YES_WORDS else False if word in NO_WORDS else None
    return None


def fits(type_: str, value: Any, values: tuple[str, ...] = ()) -> bool:
    """Whether a profile value fits a declared type (None, the absent value, always fits)."""
    if value is None:
        return True
    if type_ == YES_NO:
        return yes_no(value) is not None
    if type_ == NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if type_ == LIST:
        return isinstance(value, list) and all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in value)
    if type_ == SCALE:
        return norm(value) in {norm(v) for v in values}
    return isinstance(value, str | int | float) and not isinstance(value, bool)
