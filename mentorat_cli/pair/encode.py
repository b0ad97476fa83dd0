"""People as numpy arrays, so that every mentee x mentor couple can be scored in blocks.

Sets (themes, publics, languages, availability) become boolean matrices over
a shared vocabulary; free-text labels (sector, school) become integer codes;
management chains and exclusions become explicit lists of forbidden couples
(each rule module's `pairs`). A criterion that needs other arrays encodes
them itself (its `encode` hook, kept in Side.extra).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mentorat_cli.pair import criteria, eligibility, geo
from mentorat_cli.pair.arrays import Encoded, Side, pairs

Person = dict[str, Any]
FORMATS = {"any": 0, "remote": 1, "in_person": 2, "hybrid": 3}
SLOTS = ("weekday_daytime", "weekday_lunch", "weekday_evening", "weekend")


def _sets(people: list[Person], get: Callable[[Person], list[str]], vocab: dict[str, int]) -> np.ndarray:
    rows: list[int] = []
    cols: list[int] = []
    for row, person in enumerate(people):  # one pass, one assignment: 160,000 people at national scale
        for item in get(person):
            rows.append(row)
            cols.append(vocab.setdefault(item, len(vocab)))
    out = np.zeros((len(people), max(len(vocab), 1)), dtype=bool)
    out[rows, cols] = True
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


def _forbidden(
    config: dict[str, Any], mentees: list[Person], mentors: list[Person], managers: dict[str, str]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Couples that break the rules about named people (exclusions, same person, hierarchy), by rule."""
    return {rule.name: pairs(rule.pairs(config, mentees, mentors, managers)) for rule in eligibility.for_programme(config) if rule.pairs}


def encode(config: dict[str, Any], mentees: list[Person], mentors: list[Person], managers: dict[str, str]) -> Encoded:
    """Encode both sides (each already sorted by id) for block scoring."""
    vocabs: dict[str, dict[str, int]] = {k: {} for k in ("themes", "publics", "langs", "sector", "school")}
    mentee_side = _side(mentees, vocabs, mentor=False)
    mentor_side = _side(mentors, vocabs, mentor=True)
    _pad(mentee_side, vocabs)
    _pad(mentor_side, vocabs)
    every = criteria.named(config)
    for name, criterion in every.items():
        if criterion.encode is not None:
            mentee_side.extra[name], mentor_side.extra[name] = criterion.encode(config, mentees, mentors)
    return Encoded(
        config,
        mentee_side,
        mentor_side,
        criteria.active_weights(config),
        _forbidden(config, mentees, mentors, managers),
        criteria=every,
        rules={rule.name: rule for rule in eligibility.for_programme(config)},
    )
