"""The soft criteria for one mentor-mentee couple (the reference semantics).

Each criterion gives a value in [0, 1] and the evidence behind it. The pair
score is the weighted sum of the values, scaled to 0-100; each criterion's
points are kept as integer hundredths ("units") so that the solver, the files
and the vectorised scoring in scoring.py agree to the last digit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mentorat_cli.core import formatting, kinds
from mentorat_cli.core.messages.pairing import EVIDENCE
from mentorat_cli.pair import geo

Person = dict[str, Any]
Evaluator = Callable[[dict[str, Any], Person, Person, str], tuple[float, str]]
CRITERIA = ("themes", "sector", "public", "distance", "format", "availability", "school")
NEAR_FORMATS = ("in_person", "hybrid")
# Format preferences: 1 when compatible, 0.5 when one side is flexible (hybrid), 0 when opposed.
FORMAT_MATCH = {
    ("remote", "in_person"): 0.0,
    ("in_person", "remote"): 0.0,
    ("hybrid", "remote"): 0.5,
    ("remote", "hybrid"): 0.5,
    ("hybrid", "in_person"): 0.5,
    ("in_person", "hybrid"): 0.5,
}
# A mentor who names no preferred public is open to all of them, but a stated match counts more.
PUBLIC_OPEN = 0.5


def norm(value: Any) -> str:
    """Compare free-text labels whole: case, accents kept, spacing ignored."""
    return " ".join(str(value).casefold().split()) if value is not None else ""


def mentee_themes(mentee: Person) -> list[str]:
    """The mentee's objective themes, in order, without repeats."""
    seen: list[str] = []
    for objective in mentee.get("objectives", []):
        if objective["theme"] not in seen:
            seen.append(objective["theme"])
    return seen


def language(config: dict[str, Any]) -> str:
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


def _word(lang: str, prefix: str, value: str) -> str:
    # Values outside the schema's vocabulary cannot reach a run (validation comes first); shown as is if they do.
    return EVIDENCE[lang].get(f"{prefix}-{value}", value)


def _themes(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    wanted = mentee_themes(mentee)
    if not wanted:
        return 0.0, say(lang, "themes-none")
    offered = set(mentor.get("themes", []))
    shared = [t for t in wanted if t in offered]
    if not shared:
        return 0.0, say(lang, "themes-no-match", wanted=listing(lang, [kinds.theme_label(config, t) for t in wanted]))
    labels = listing(lang, [kinds.theme_label(config, t) for t in shared])
    key = "themes-many" if len(shared) > 1 else "themes-only" if len(wanted) == 1 else "themes-one"
    return len(shared) / len(wanted), say(lang, key, shared=labels, count=len(shared), total=len(wanted))


def _same_label(field: str) -> Evaluator:
    def evaluate(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
        a, b = norm(mentor.get(field)), norm(mentee.get(field))
        if not a or not b:
            return 0.0, say(lang, f"{field}-missing")
        if a == b:
            return 1.0, say(lang, f"{field}-same", value=mentor[field])
        return 0.0, say(lang, f"{field}-different", mentor=mentor[field], mentee=mentee[field])

    return evaluate


def _public(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    public = mentee.get("public")
    if not public:
        return 0.0, say(lang, "public-missing")
    chosen = mentor.get("publics", [])
    if not chosen:
        return PUBLIC_OPEN, say(lang, "public-open")
    if public in chosen:
        return 1.0, say(lang, "public", public=kinds.public_label(config, public))
    return 0.0, say(
        lang,
        "public-other",
        public=kinds.public_label(config, public),
        chosen=listing(lang, [kinds.public_label(config, p) for p in chosen]),
    )


def distance_applies(config: dict[str, Any]) -> bool:
    """Distance matters only when the programme meets in person, at least sometimes."""
    return config.get("format") in NEAR_FORMATS


def distance_value(config: dict[str, Any], km: float) -> float:
    """1 at 0 km, one half at the programme's distance scale, towards 0 far away."""
    scale = float(config["matching"]["distance_scale_km"])
    return scale / (scale + km)


def _distance(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    if not distance_applies(config):
        return 0.0, say(lang, "distance-remote")
    km = geo.distance_km(mentor.get("location"), mentee.get("location"))
    if km is None:
        return 0.0, say(lang, "distance-unknown")
    if km == 0:
        return distance_value(config, km), say(lang, "distance-same")
    return distance_value(config, km), say(lang, "distance", km=f"{km:.0f}")


def _format(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = mentor.get("format", "any"), mentee.get("format", "any")
    sides = {"mentor": _word(lang, "format", a), "mentee": _word(lang, "format", b)}
    if a == "any" or b == "any" or a == b:
        return 1.0, say(lang, "format-same", **sides)
    value = FORMAT_MATCH[(a, b)]
    return value, say(lang, "format-partial" if value else "format-opposed", **sides)


def _availability(config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = mentor.get("availability", []), mentee.get("availability", [])
    if not a or not b:
        return 0.0, say(lang, "availability-missing")
    shared = [slot for slot in b if slot in a]
    if shared:
        return 1.0, say(lang, "availability", shared=listing(lang, [_word(lang, "slot", s) for s in shared]))
    return 0.0, say(lang, "availability-none")


EVALUATORS: dict[str, Evaluator] = {
    "themes": _themes,
    "sector": _same_label("sector"),
    "public": _public,
    "distance": _distance,
    "format": _format,
    "availability": _availability,
    "school": _same_label("school"),
}


def evaluate(name: str, config: dict[str, Any], mentor: Person, mentee: Person, lang: str = "en") -> tuple[float, str]:
    """One criterion's value in [0, 1] for this couple, and the evidence for it in `lang`.

    English by default because rules.py quotes the evidence in CLI messages;
    files get the programme's language through score().
    """
    return EVALUATORS[name](config, mentor, mentee, lang)


def active_weights(config: dict[str, Any]) -> dict[str, float]:
    """The criteria that count (weight > 0; distance only for in-person or hybrid programmes)."""
    weights = config["matching"]["weights"]
    return {
        name: float(weights.get(name, 0))
        for name in CRITERIA
        if weights.get(name, 0) > 0 and (name != "distance" or distance_applies(config))
    }


def criterion_units(weight: float, value: float, total_weight: float) -> int:
    """One criterion's points in integer hundredths: the weighted value scaled so all weights sum to 100."""
    return int(round(weight * value * 10000.0 / total_weight))


def score(config: dict[str, Any], mentor: Person, mentee: Person) -> tuple[int, list[dict[str, Any]]]:
    """(score in hundredths, per-criterion points, max and evidence in the programme's language) for one couple.

    The score is the sum of the criteria's points, each rounded to a hundredth,
    so the points written in a proposal add up to its score exactly.
    """
    weights = active_weights(config)
    total = sum(weights.values())
    lang = language(config)
    units, rows = 0, []
    for name, weight in weights.items():
        value, evidence = evaluate(name, config, mentor, mentee, lang)
        points = criterion_units(weight, value, total)
        units += points
        rows.append({"criterion": name, "points": points / 100, "max": criterion_units(weight, 1.0, total) / 100, "evidence": evidence})
    # Rounding each criterion can overshoot 100 by a hundredth or two.
    return min(units, 10000), rows
