"""People as numpy arrays, so that every mentee x mentor couple can be scored in blocks.

Sets (themes, publics, languages, availability) become boolean matrices over
a shared vocabulary; free-text labels (sector, school) become integer codes;
management chains and exclusions become explicit lists of forbidden couples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mentorat_cli.core.model import email_key
from mentorat_cli.pair import criteria, declared, geo
from mentorat_cli.pair import eligibility as rules

Person = dict[str, Any]


@dataclass
class Side:
    """One side (mentors or mentees) as arrays, in id order."""

    ids: list[str]
    themes: np.ndarray  # bool [n, T]
    theme_count: np.ndarray  # int [n]
    publics: np.ndarray  # bool [n, P] (mentors: chosen publics; mentees: their public)
    public_count: np.ndarray  # int [n]
    langs: np.ndarray  # bool [n, L]
    slots: np.ndarray  # bool [n, 4]
    sector: np.ndarray  # int [n], -1 when missing
    school: np.ndarray  # int [n], -1 when missing
    fmt: np.ndarray  # int [n]: 0 any, 1 remote, 2 in_person, 3 hybrid
    place: np.ndarray  # int [n]: index in geo.table_matrix(), -1 unknown
    experience: np.ndarray  # float [n], nan when missing
    level: np.ndarray  # float [n], nan when missing
    paid: np.ndarray  # bool [n]
    civil: np.ndarray  # bool [n]


@dataclass
class Encoded:
    """Both sides plus the forbidden couples, ready for block scoring."""

    config: dict[str, Any]
    mentees: Side
    mentors: Side
    weights: dict[str, float]
    # rule -> (mentee index array, mentor index array) of couples that break it
    forbidden: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    # per-criterion and per-rule lookup tables, built on first use by scoring.py
    tables: dict[str, Any] = field(default_factory=dict)
    # declared criterion -> (mentee column, mentor column), built by pair/declared.py
    declared: dict[str, Any] = field(default_factory=dict)


FORMATS = {"any": 0, "remote": 1, "in_person": 2, "hybrid": 3}
SLOTS = ("weekday_daytime", "weekday_lunch", "weekday_evening", "weekend")
# format compatibility as a 4x4 table indexed by the codes above
FORMAT_TABLE = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 0.0, 0.5], [1.0, 0.0, 1.0, 0.5], [1.0, 0.5, 0.5, 1.0]])


def _sets(people: list[Person], get: Callable[[Person], list[str]], vocab: dict[str, int]) -> np.ndarray:
    for person in people:
        for item in get(person):
            vocab.setdefault(item, len(vocab))
    out = np.zeros((len(people), max(len(vocab), 1)), dtype=bool)
    for row, person in enumerate(people):
        for item in get(person):
            out[row, vocab[item]] = True
    return out


def _codes(people: list[Person], key: str, vocab: dict[str, int]) -> np.ndarray:
    out = np.full(len(people), -1, dtype=np.int32)
    for row, person in enumerate(people):
        label = criteria.norm(person.get(key))
        if label:
            out[row] = vocab.setdefault(label, len(vocab))
    return out


def _numbers(people: list[Person], key: str) -> np.ndarray:
    return np.array([float(p[key]) if p.get(key) is not None else np.nan for p in people], dtype=np.float64)


def _side(people: list[Person], vocabs: dict[str, dict[str, int]], mentor: bool) -> Side:
    places, _ = geo.table_matrix()
    themes = _sets(people, (lambda p: p.get("themes", [])) if mentor else criteria.mentee_themes, vocabs["themes"])
    publics = _sets(
        people, (lambda p: p.get("publics", [])) if mentor else (lambda p: [p["public"]] if p.get("public") else []), vocabs["publics"]
    )
    return Side(
        ids=[p["id"] for p in people],
        themes=themes,
        theme_count=themes.sum(axis=1),
        publics=publics,
        public_count=publics.sum(axis=1),
        langs=_sets(people, lambda p: p.get("languages", ["fr"]), vocabs["langs"]),
        slots=np.array([[s in p.get("availability", []) for s in SLOTS] for p in people], dtype=bool).reshape(-1, 4),
        sector=_codes(people, "sector", vocabs["sector"]),
        school=_codes(people, "school", vocabs["school"]),
        fmt=np.array([FORMATS[p.get("format", "any")] for p in people], dtype=np.int8),
        place=np.array([places.get(geo.place(p.get("location")) or "", -1) for p in people], dtype=np.int32),
        experience=_numbers(people, "experience_years"),
        level=_numbers(people, "level"),
        paid=np.array([p.get("membership_paid") is True for p in people], dtype=bool),
        civil=np.array([p.get("civil_servant") is True for p in people], dtype=bool),
    )


def _pad(side: Side, vocabs: dict[str, dict[str, int]]) -> None:
    """Give both sides the same vocabulary width (the vocabulary grew while encoding the second)."""
    for name, attr in (("themes", "themes"), ("publics", "publics"), ("langs", "langs")):
        width = max(len(vocabs[name]), 1)
        current = getattr(side, attr)
        if current.shape[1] < width:
            setattr(side, attr, np.pad(current, ((0, 0), (0, width - current.shape[1]))))


def _pairs(found: set[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    ordered = sorted(found)
    return (np.array([a for a, _ in ordered], dtype=np.int64), np.array([b for _, b in ordered], dtype=np.int64))


def _forbidden(
    config: dict[str, Any], mentees: list[Person], mentors: list[Person], managers: dict[str, str]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Couples that break the person-specific rules (exclusions, same person, hierarchy)."""
    mentee_at = {p["id"]: i for i, p in enumerate(mentees)}
    mentor_at = {p["id"]: j for j, p in enumerate(mentors)}
    mentor_email: dict[str, list[int]] = {}
    for j, p in enumerate(mentors):
        mentor_email.setdefault(email_key(p.get("email")), []).append(j)
    mentee_email: dict[str, list[int]] = {}
    for i, p in enumerate(mentees):
        mentee_email.setdefault(email_key(p.get("email")), []).append(i)
    not_with: set[tuple[int, int]] = set()
    for i, p in enumerate(mentees):
        not_with.update((i, mentor_at[o]) for o in p.get("not_with", []) if o in mentor_at)
        not_with.update((i, j) for j in mentor_email.get(email_key(p.get("email")), []))
    for j, p in enumerate(mentors):
        not_with.update((mentee_at[o], j) for o in p.get("not_with", []) if o in mentee_at)
    chain: set[tuple[int, int]] = set()
    if config["eligibility"]["no_hierarchical_link"]:
        for i, p in enumerate(mentees):
            for boss in rules.chain_above(p.get("email", ""), managers):
                chain.update((i, j) for j in mentor_email.get(boss, []))
        for j, p in enumerate(mentors):
            for boss in rules.chain_above(p.get("email", ""), managers):
                chain.update((i, j) for i in mentee_email.get(boss, []))
    return {"not_with": _pairs(not_with), "hierarchy": _pairs(chain)}


def encode(config: dict[str, Any], mentees: list[Person], mentors: list[Person], managers: dict[str, str]) -> Encoded:
    """Encode both sides (each already sorted by id) for block scoring."""
    vocabs: dict[str, dict[str, int]] = {k: {} for k in ("themes", "publics", "langs", "sector", "school")}
    mentee_side = _side(mentees, vocabs, mentor=False)
    mentor_side = _side(mentors, vocabs, mentor=True)
    _pad(mentee_side, vocabs)
    _pad(mentor_side, vocabs)
    enc = Encoded(config, mentee_side, mentor_side, criteria.active_weights(config), _forbidden(config, mentees, mentors, managers))
    enc.declared = declared.attach(config, mentees, mentors)  # hook: the programme's declared criteria and rules
    return enc
