"""`audit` from start to end: the criteria (the programme's or the bundled list), checked, then evaluated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.report import audit, frames


@dataclass
class Assessment:
    """The results by criterion, or the problems of a criteria file that could not be used; its path as shown."""

    source: str
    results: list[audit.Result] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.results if r.status == s) for s in ("met", "missing", "na")}


def assess(programme: Programme, today: dt.date, cohort: str | None) -> Assessment:
    """Assess the cohort (default: the programme's) against the criteria; an error for a cohort the programme does not have."""
    path, shown = audit.criteria_file(programme.root)
    stages, found = audit.load_criteria(path, shown)
    if found:
        return Assessment(shown, problems=found)
    if cohort is not None and cohort not in frames.cohorts(programme):
        known = ", ".join(frames.cohorts(programme))
        raise MentoratError(text("report-unknown-cohort", cohort=cohort), text("report-unknown-cohort-hint", known=known))
    return Assessment(shown, audit.evaluate(programme, stages, today, cohort))
