"""Validation finds causes: programme.yaml's problems first, and what only follows from them folded under them.

When a part of programme.yaml fails to load, the programme falls back on its
kind's defaults for that part; problems in other files that depend on that
part (a theme "not offered" because the themes list failed) are consequences,
not causes: they are counted under their cause instead of flooding the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mentorat_cli.core import problems as P
from mentorat_cli.core.problems import Problem

PROGRAMME_FILE = "programme.yaml"
_RULES = {"pair-rule", "capacity-over-max", "capacity-exceeded"}
# programme.yaml's top-level field -> the codes of other files' problems that follow from it failing.
DEPENDS: dict[str, set[str]] = {
    "themes": {"ref-theme"},
    "publics": {"ref-public"},
    "categories": {"ref-category"},
    "kind": {"ref-public", *_RULES},
    "capacity": {"capacity-over-max", "capacity-exceeded"},
    "eligibility": {"pair-rule"},
    "cohort": {"retention-expired", "pair-before-cohort"},
    "retention": {"retention-expired"},
}
_WHOLE_FILE = {
    "yaml-syntax",
    "yaml-tab",
    "yaml-duplicate-key",
    "yaml-tag",
    "yaml-alias",
    "yaml-multi-document",
    "yaml-not-mapping",
    "file-encoding",
    "file-empty",
    "file-unreadable",
    "conflict-marker",
    "file-symlink",
}


@dataclass
class Entry:
    """A problem to print, and the problems that only follow from it."""

    problem: Problem
    followers: list[Problem] = field(default_factory=list)


def _key(problem: Problem) -> set[str]:
    """The codes of other files' problems that this programme.yaml problem can cause."""
    if problem.severity != P.ERROR:
        return set()
    if problem.code in _WHOLE_FILE:
        return set().union(*DEPENDS.values())
    parts = problem.pointer.split("/")
    return DEPENDS.get(parts[1], set()) if len(parts) > 1 else set()


def arrange(found: list[Problem]) -> list[Entry]:
    """programme.yaml's problems first, each with its consequences; then every other problem, sorted."""
    mine = [Entry(p) for p in P.sort_problems(p for p in found if p.file == PROGRAMME_FILE)]
    others: list[Entry] = []
    for problem in P.sort_problems(p for p in found if p.file != PROGRAMME_FILE):
        cause = next((e for e in mine if problem.code in _key(e.problem)), None)
        if cause is None:
            others.append(Entry(problem))
        else:
            cause.followers.append(problem)
    return mine + others


def flat(entries: list[Entry]) -> list[Problem]:
    """Every problem, causes first (for --format json, which lists them all)."""
    return [p for e in entries for p in (e.problem, *e.followers)]
