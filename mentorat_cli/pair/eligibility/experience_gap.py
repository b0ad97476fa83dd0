"""experience_gap: the mentor has at least eligibility.min_experience_gap_years more years of experience."""

from __future__ import annotations

from mentorat_cli.pair.eligibility import gaps
from mentorat_cli.pair.eligibility.base import Rule

KEY = "min_experience_gap_years"
RULE = Rule(
    name="experience_gap",
    position=30,
    reasons=("reason-experience-missing", "reason-experience-gap"),
    check=gaps.reference(KEY, "experience_years", "reason-experience-missing", "reason-experience-gap", "years"),
    active=gaps.setting(KEY),
    vectorised=gaps.vectorised(KEY, "experience"),
)
