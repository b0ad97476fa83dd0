"""level_gap: the mentor is at least eligibility.min_level_gap hierarchical levels above the mentee."""

from __future__ import annotations

from mentorat_cli.pair.eligibility import gaps
from mentorat_cli.pair.eligibility.base import Rule

KEY = "min_level_gap"
RULE = Rule(
    name="level_gap",
    position=40,
    reasons=("reason-level-missing", "reason-level-gap"),
    check=gaps.reference(KEY, "level", "reason-level-missing", "reason-level-gap", "levels"),
    active=gaps.setting(KEY),
    vectorised=gaps.vectorised(KEY, "level"),
)
