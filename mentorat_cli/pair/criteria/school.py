"""School: the mentor and the mentee come from the same school (labels compared whole)."""

from __future__ import annotations

from mentorat_cli.pair.criteria import labels
from mentorat_cli.pair.criteria.base import Criterion

CRITERION = Criterion(
    name="school",
    position=70,
    weights={"school": 10, "ministry": 0, "company": 0, "alumni": 10, "youth": 0},
    evidence=labels.sentence_keys("school"),
    evaluate=labels.reference("school"),
    vectorised=labels.vectorised("school"),
)
