"""Format: the meeting formats both sides prefer (remote, in person, hybrid, any) are compatible."""

from __future__ import annotations

from mentorat_cli.pair.arrays import Encoded, Spec
from mentorat_cli.pair.criteria.base import Config, Criterion, Person, say, word

# 1 when compatible, 0.5 when one side is flexible (hybrid), 0 when opposed.
FORMAT_MATCH = {
    ("remote", "in_person"): 0.0,
    ("in_person", "remote"): 0.0,
    ("hybrid", "remote"): 0.5,
    ("remote", "hybrid"): 0.5,
    ("hybrid", "in_person"): 0.5,
    ("in_person", "hybrid"): 0.5,
}
# The same as a 4x4 table indexed by the codes of arrays.Side.fmt (encode.FORMATS: any, remote, in_person, hybrid);
# plain tuples here, an array in vectorised(): the registry loads without numpy.
FORMAT_TABLE = ((1.0, 1.0, 1.0, 1.0), (1.0, 1.0, 0.0, 0.5), (1.0, 0.0, 1.0, 0.5), (1.0, 0.5, 0.5, 1.0))


def evaluate(config: Config, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = mentor.get("format", "any"), mentee.get("format", "any")
    sides = {"mentor": word(lang, "format", a), "mentee": word(lang, "format", b)}
    if a == "any" or b == "any" or a == b:
        return 1.0, say(lang, "format-same", **sides)
    value = FORMAT_MATCH[(a, b)]
    return value, say(lang, "format-partial" if value else "format-opposed", **sides)


def vectorised(enc: Encoded) -> Spec:
    import numpy as np

    table = np.array(FORMAT_TABLE)
    # The mentee's format code is its class: four classes at most.
    return enc.mentees.fmt.astype(np.int64), lambda ids: table[enc.mentors.fmt[None, :], ids[:, None]]


CRITERION = Criterion(
    name="format",
    position=50,
    weights={"school": 5, "ministry": 10, "company": 10, "alumni": 10, "youth": 10},
    evidence=("format-same", "format-partial", "format-opposed"),
    evaluate=evaluate,
    vectorised=vectorised,
)
