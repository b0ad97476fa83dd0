"""The coordinator's decisions: confirm proposals, end a pair and propose another mentor."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import MentoratError, ProblemsFound
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import yamledit, yamlio
from mentorat_cli.pair import declared, eligibility, plan, proposal


def confirm(prog: Programme, pair_ids: list[str], every: bool, today: dt.date, force: bool) -> dict[str, str]:
    """path -> new text for each proposal confirmed; refuses a rule broken or a capacity exceeded."""
    if every:
        # Nothing proposed is a normal state (e.g. `pair` found no one to pair): the caller says so.
        chosen = [p for p in prog.active_pairs() if p.data["status"] == "proposed"]
    else:
        chosen = []
        for pid in sorted(set(pair_ids)):
            pair = prog.pairs.get(pid)
            if pair is None:
                raise MentoratError(text("confirm-unknown", pair=pid))
            if pair.data["status"] != "proposed":
                raise MentoratError(text("confirm-not-proposed", pair=pid, status=pair.data["status"]), text("confirm-not-proposed-hint"))
            chosen.append(pair)
    if not force:
        _check(prog, chosen)
    out = {}
    for pair in chosen:
        data = dict(pair.data, status="confirmed", confirmed_on=today.isoformat())
        out[pair.path] = _rewrite(prog.root, pair.path, proposal.ordered(data))
    return out


def _check(prog: Programme, chosen: list[Record]) -> None:
    """Rules, capacities and one active pair per mentee, as `validate` will check them afterwards.

    Every problem is found before refusing, so the coordinator fixes them all in one go.
    """
    ctx = {"managers": eligibility.managers_by_email([r.data for r in [*prog.mentors.values(), *prog.mentees.values()]])}
    confirmed = [p for p in prog.pairs.values() if p.data["status"] == "confirmed"]
    load = Counter(p.data["mentor"] for p in [*confirmed, *chosen])
    by_mentee = {p.data["mentee"]: p.id for p in confirmed}
    default = prog.config["capacity"]["default"]
    found: list[Problem] = []
    at = _Places(prog.root)
    for pair in chosen:
        mentor, mentee = prog.mentors.get(pair.data["mentor"]), prog.mentees.get(pair.data["mentee"])
        if mentor is None or mentee is None:
            raise MentoratError(text("confirm-unknown", pair=pair.id))
        for rule, reason in eligibility.violations(prog.config, mentor.data, mentee.data, ctx):
            found.append(at.problem("confirm-rule", pair, "/mentor", pair=pair.id, rule=declared.title(prog.config, rule), reason=reason))
        capacity = mentor.data.get("capacity", default)
        if load[mentor.id] > capacity:
            found.append(
                at.problem(
                    "confirm-capacity",
                    mentor,
                    "/capacity" if "capacity" in mentor.data else "/id",
                    mentor=mentor.id,
                    count=load[mentor.id],
                    capacity=capacity,
                )
            )
        if mentee.id in by_mentee:
            found.append(at.problem("confirm-twice", pair, "/mentee", mentee=mentee.id, other=by_mentee[mentee.id]))
    if found:
        problems = P.sort_problems(found)  # one capacity problem per mentor, however many of its pairs are chosen
        raise ProblemsFound(problems, text("confirm-refused", count=len(problems)), text("confirm-rule-hint"))


class _Places:
    """Line and column of a value in a record's file, read only when a problem needs it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.found: dict[str, dict[str, tuple[int, int]]] = {}

    def problem(self, code: str, record: Record, pointer: str, **values: Any) -> Problem:
        if record.path not in self.found:
            try:
                self.found[record.path] = yamlio.positions((self.root / record.path).read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                self.found[record.path] = {}
        line, column = self.found[record.path].get(pointer, (0, 0))
        return P.make(code, record.path, line, column, pointer=pointer, **values)


def end(root: Path, pair: Record, reason: str, by: str, today: dt.date) -> str:
    """The pair's file once ended: date, reason and who asked; everything else kept."""
    data: dict[str, Any] = dict(pair.data, status="ended", ended_on=today.isoformat(), end_reason=reason, ended_by=by)
    return _rewrite(root, pair.path, proposal.ordered(data))


def _rewrite(root: Path, path: str, data: dict[str, Any]) -> str:
    """The file with `data`, keeping the coordinator's comments on entries that did not change."""
    try:
        original = (root / path).read_text(encoding="utf-8-sig")
    except OSError:
        original = ""
    return yamledit.rewrite(original, data, proposal.PAIR_SCHEMA_LINE)


def rematch(
    prog: Programme,
    pid: str,
    reason: str,
    by: str,
    today: dt.date,
    objective: str,
) -> tuple[dict[str, str], list[str], plan.Run, dict[str, Any] | None]:
    """End the pair, then the best mentor with a free place for its mentee (never an earlier one)."""
    pair = prog.pairs.get(pid)
    if pair is None:
        raise MentoratError(text("rematch-unknown", pair=pid))
    if pair.data["status"] not in ("proposed", "confirmed"):
        raise MentoratError(text("rematch-not-active", pair=pid, status=pair.data["status"]))
    if not reason.strip():
        raise MentoratError(text("rematch-reason"))
    writes = {pair.path: end(prog.root, pair, reason.strip(), by, today)}
    setup = plan.setup(prog, only={pair.data["mentee"]}, ending=pid)
    run = plan.run(setup, objective)
    changes = proposal.build(prog, run, today, objective, summary=False)
    writes.update(changes.writes)
    new = None
    for i, j in enumerate(run.solution.mate.tolist()):
        if j >= 0:
            new = {"pair": f"{setup.mentees[i].id}--{setup.mentors[j].id}", "score": proposal.points(int(run.solution.units[i]))}
    return writes, changes.removes, run, new
