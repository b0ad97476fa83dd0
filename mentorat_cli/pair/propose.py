"""`pair` from start to end: solve, turn the solution into files, sum it up in plain words, commit it for review."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core import formatting
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import EXIT_INTERNAL, MentoratError
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.io import gitcommit
from mentorat_cli.load import yamlio
from mentorat_cli.pair import plan, proposal, solve

# Problems a new run fixes by itself when they come from a generated proposal.
REPLACEABLE = ("pair-rule", "pair-active-twice", "pair-person-inactive")
UNMATCHED_SHOWN = 20  # mentees named in the summary; pairing.yaml lists them all
TABLE_ROWS = 15  # proposals a dry run lists (the full diff comes with --diff)

Line = list[Any]  # [level ("info" or "detail"), message key, values], as pair.rerun records them


def blocking(programme: Programme, found: list[Problem]) -> list[Problem]:
    """The errors that stop a run: all but those this run's own outdated, generated proposals cause."""
    return [p for p in found if p.severity == P.ERROR and not _replaceable(programme, p)]


def _replaceable(programme: Programme, problem: Problem) -> bool:
    pid = problem.file[len("pairs/") : -len(".yaml")] if problem.file.startswith("pairs/") else ""
    pair = programme.pairs.get(pid)
    return problem.code in REPLACEABLE and pair is not None and pair.data["status"] == "proposed" and not plan.hand_edited(pair)


def run(setup: plan.Setup, objective: str, k: int, progress: Callable[[int, int], None] | None) -> plan.Run:
    """Solve (proved optimal); an internal error if the proof fails."""
    if k < 1:
        raise MentoratError(text("pair-k-invalid"))
    try:
        return plan.run(setup, objective, k, progress)
    except solve.NotOptimal as exc:
        raise MentoratError(text("pair-optimality-failed", detail=exc), text("pair-optimality-failed-hint"), EXIT_INTERNAL) from None


@dataclass
class Proposed:
    """A run's files: `changes` as computed, `writes` only those whose text differs from the file on disk."""

    changes: proposal.Changes
    writes: dict[str, str]


def _old(root: Path, rel: str) -> str:
    path = root / rel
    # Only compared and shown as a diff: a damaged file (not UTF-8) is shown damaged, not a crash.
    return path.read_bytes().decode("utf-8", errors="replace") if path.is_file() else ""


def files(programme: Programme, solved: plan.Run, today: dt.date, objective: str) -> Proposed:
    changes = proposal.build(programme, solved, today, objective)
    return Proposed(changes, {rel: body for rel, body in changes.writes.items() if _old(programme.root, rel) != body})


def diff(root: Path, proposed: Proposed) -> str:
    """The whole change as a unified diff."""
    out: list[str] = []
    writes, removes = proposed.writes, proposed.changes.removes
    for rel in sorted([*writes, *removes]):
        old, new = _old(root, rel), writes.get(rel, "")
        out += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{rel}" if old else "/dev/null",
            f"b/{rel}" if rel in writes else "/dev/null",
        )
    return "".join(out)


def table(proposed: Proposed) -> list[str]:
    """The proposals a dry run would write, as a short aligned table (nothing when none)."""
    rows = []
    for rel in sorted(proposed.writes):
        data, _issue = yamlio.load(proposed.writes[rel]) if rel.startswith("pairs/") else (None, None)
        if isinstance(data, dict) and data.get("status") == "proposed":
            rows.append((str(data.get("mentee")), str(data.get("mentor")), _points(float(data.get("score", 0)))))
    if not rows:
        return []
    head = text("pair-table-head").split("|")
    width = [max(len(head[c]), *(len(r[c]) for r in rows[:TABLE_ROWS])) for c in range(3)]
    lines = [f"  {a:<{width[0]}}  {b:<{width[1]}}  {c:>{width[2]}}" for a, b, c in [tuple(head[:3]), *rows[:TABLE_ROWS]]]
    if len(rows) > TABLE_ROWS:
        lines.append(text("pair-table-more", count=len(rows) - TABLE_ROWS))
    return lines


def summary(solved: plan.Run, changes: proposal.Changes, objective: str, seconds: float) -> list[Line]:
    """The run in plain words: counts and scores, who is left unmatched and why, how sure the result is."""
    lines = _figures(solved, changes, seconds)
    if solved.setup.mentees:
        lines += _unmatched(changes, solved.setup.config)
        if changes.figures["proposed"]:
            lines += _proof(solved, objective)
    return lines


def _unmatched(changes: proposal.Changes, config: dict[str, Any]) -> list[Line]:
    if not changes.unmatched:
        return []
    lines: list[Line] = [["info", "pair-unmatched-head", {}]]
    for row in changes.unmatched[:UNMATCHED_SHOWN]:
        lines.append(["info", "pair-unmatched-row", {"mentee": row["mentee"], "reason": proposal.reason_text(row, config)}])
    if len(changes.unmatched) > UNMATCHED_SHOWN:
        lines.append(["info", "pair-unmatched-more", {"count": len(changes.unmatched) - UNMATCHED_SHOWN}])
    return lines


def _figures(solved: plan.Run, changes: proposal.Changes, seconds: float) -> list[Line]:
    fig = changes.figures
    if not solved.setup.mentees:
        # Nothing was solved: no score to show, no optimum to claim.
        return [["info", "pair-nothing-kept", {"kept": fig["kept"]}] if fig["kept"] else ["info", "pair-nothing", {}]]
    counts = {
        "proposed": fig["proposed"],
        "unmatched": fig["unmatched"],
        "kept": fig["kept"],
        "used": fig["mentors_used"],
        "mentors": fig["mentors_accepted"],
        "seconds": formatting.seconds(seconds, language()),
    }
    if fig["proposed"]:
        return [["info", "pair-summary", {"mean": _points(fig["mean"]), "lowest": _points(fig["lowest"]), **counts}]]
    return [["info", "pair-summary-none", counts]]


def _proof(solved: plan.Run, objective: str) -> list[Line]:
    if solved.solution.notes:
        k = proposal.candidates_used(solved)
        return [["info", "pair-best-fair-floor", {"k": k}], ["detail", "pair-proof-fair", {"k": k}]]
    return [
        ["info", "pair-best-fair" if objective == "fair" else "pair-best-total", {}],
        ["detail", "pair-proof", {"rounds": solved.solution.rounds, "added": solved.solution.added}],
    ]


def commit(programme: Programme, proposed: Proposed, objective: str, today: dt.date) -> str | None:
    """Commit the proposal on file (written now or by an earlier `pair`) on a new branch: see gitcommit.commit_on_branch."""
    on_file = {p.path for p in programme.pairs.values() if p.data["status"] == "proposed"}
    changes = proposed.changes
    fig = changes.figures
    message = text("git-message", proposed=fig["proposed"], unmatched=fig["unmatched"], objective=objective)
    return gitcommit.commit_on_branch(programme.root, sorted({*changes.writes, *changes.removes, *on_file}), message, today)


def _points(value: float) -> str:
    """A score as the run's language writes it: 72,30 in French, 72.30 in English."""
    return formatting.number(value, language(), 2)
