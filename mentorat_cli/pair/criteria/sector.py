"""Sector: the mentor and the mentee work in the same sector (labels compared whole)."""

from __future__ import annotations

from mentorat_cli.pair.criteria import labels
from mentorat_cli.pair.criteria.base import Criterion

CRITERION = Criterion(
    name="sector",
    position=20,
    weights={"school": 15, "ministry": 15, "company": 15, "alumni": 25, "youth": 10},
    evidence=labels.sentence_keys("sector"),
    evaluate=labels.reference("sector"),
    vectorised=labels.vectorised("sector"),
)
