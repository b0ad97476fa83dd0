"""`mentorat pair --explain`: why this mentor, and why not another one, from the evidence."""

from __future__ import annotations

import numpy as np

from mentorat_cli.core import formatting
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import gettext, language, shown
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.pair import criteria, declared, plan, proposal, scoring
from mentorat_cli.pair import eligibility as rules

FEASIBLE_SHOWN = 20  # suitable mentors listed for an unmatched mentee; a national programme may have thousands


def _fmt(units: int) -> str:
    return formatting.score(units, language())


def _mentee_state(prog: Programme, r: plan.Run, mentee_id: str) -> tuple[int | None, list[str]]:
    """The mentee's index in the run, or the lines saying why they are not part of it."""
    record = prog.mentees.get(mentee_id)
    if record is None:
        raise MentoratError(text("explain-unknown-mentee", mentee=mentee_id))
    if record.data.get("status") != "accepted":
        return None, [text("explain-not-accepted", role="mentee", person=mentee_id, status=record.data.get("status", "applicant"))]
    for pair in r.setup.fixed:
        if pair.data["mentee"] == mentee_id:
            return None, [text("explain-fixed", mentee=mentee_id, pair=pair.id, status=pair.data["status"])]
    index = {m.id: i for i, m in enumerate(r.setup.mentees)}
    if mentee_id not in index:
        return None, [text("explain-done", mentee=mentee_id)]
    return index[mentee_id], []


def chosen_lines(r: plan.Run, i: int) -> list[str]:
    """The proposed mentor with each criterion's points, and the next best mentors."""
    mentee = r.setup.mentees[i]
    j = int(r.solution.mate[i])
    if j < 0:
        (row,) = [u for u in proposal.unmatched(r) if u["mentee"] == mentee.id]
        lines = [
            text("explain-unmatched", mentee=mentee.id, reason=gettext(row["reason"].replace("-", " ")), feasible=row["feasible_mentors"])
        ]
        config = r.setup.config
        lines += [text("explain-excluded", rule=declared.title(config, rule), count=count) for rule, count in row["excluded"].items()]
        return lines
    mentor = r.setup.mentors[j]
    units, rows = criteria.score(r.setup.config, mentor.data, mentee.data)
    lines = [text("explain-chosen", mentee=mentee.id, mentor=mentor.id, score=_fmt(units))]
    lang = language()
    lines += [
        text(
            "explain-criterion",
            **{
                **row,
                "evidence": shown(row["evidence"]),
                "criterion": declared.title(r.setup.config, row["criterion"]),
                "points": formatting.number(row["points"], lang, 2),
                "max": formatting.number(row["max"], lang, 2),
            },
        )
        for row in rows
    ]
    held = plan.holders(r)
    alts = proposal.alternatives(r, i, plan.row_arcs(r, mentees=np.array([i])).get(i, []), held)
    if alts:
        lines.append(text("explain-alternatives"))
        lines += [
            text("explain-alternative", mentor=a["mentor"], score=formatting.number(a["score"], lang, 2), why=shown(a["why_not"]))
            for a in alts
        ]
    return lines


def _holder_score(prog: Programme, r: plan.Run, mentor: Record, mentee_id: str, proposed: dict[str, int]) -> str:
    """The score of the pair through which `mentee_id` holds one of this mentor's places."""
    if mentee_id in proposed:
        return _fmt(proposed[mentee_id])
    mentee = prog.mentees.get(mentee_id)
    # A kept pair is scored on today's data, like every candidate shown next to it.
    return _fmt(criteria.score(r.setup.config, mentor.data, mentee.data)[0]) if mentee is not None else "-"


def feasible_lines(prog: Programme, r: plan.Run, i: int) -> list[str]:
    """For an unmatched mentee: each suitable mentor, their score, and who holds their places with what score."""
    feasible, units = scoring.block(r.enc, np.array([i], dtype=np.int64), r.setup.previous)
    cols = np.flatnonzero(feasible[0])
    if len(cols) == 0:
        return []
    scores = units[0][cols].astype(np.int64)
    cols = cols[np.lexsort((cols, -scores))]  # best score first; mentors are in id order, so ties go by id
    held = plan.holders(r)
    proposed = {r.setup.mentees[k].id: int(r.solution.units[k]) for k, j in enumerate(r.solution.mate.tolist()) if j >= 0}
    lines = [text("explain-feasible-head")]
    for j in cols[:FEASIBLE_SHOWN].tolist():
        mentor = r.setup.mentors[j]
        names = held.get(j, [])
        if names:
            taken = ", ".join(text("explain-holder", mentee=name, score=_holder_score(prog, r, mentor, name, proposed)) for name in names)
            state = text("explain-held-by", holders=taken)
        else:
            state = text("explain-no-place" if r.setup.total_capacity[j] == 0 else "explain-free-place")
        lines.append(text("explain-feasible-row", mentor=mentor.id, score=_fmt(int(units[0][j])), held=state))
    if len(cols) > FEASIBLE_SHOWN:
        lines.append(text("explain-feasible-more", count=len(cols) - FEASIBLE_SHOWN))
    return lines


def why_not_lines(prog: Programme, r: plan.Run, i: int, mentor: Record) -> list[str]:
    """Why this mentor was not proposed to mentee i: the rule broken, or the score gap."""
    mentee = r.setup.mentees[i]
    j_chosen = int(r.solution.mate[i])
    if mentor.data.get("status") != "accepted":
        return [text("explain-not-accepted", role="mentor", person=mentor.id, status=mentor.data.get("status", "applicant"))]
    index = {m.id: j for j, m in enumerate(r.setup.mentors)}
    j = index[mentor.id]
    if j == j_chosen:
        return [text("explain-is-chosen", mentor=mentor.id)]
    broken = rules.violations(r.setup.config, mentor.data, mentee.data, {"managers": r.setup.managers})
    if j in r.setup.previous.get(i, []):
        broken.append(("previous_mentor", text("rule-previous_mentor")))
    if broken:
        config = r.setup.config
        return [text("explain-why-not-rule", mentor=mentor.id, rule=declared.title(config, rule), reason=reason) for rule, reason in broken]
    units, rows = criteria.score(r.setup.config, mentor.data, mentee.data)
    holders = ", ".join(plan.holders(r).get(j, [])) or text("explain-nobody")
    full = len(plan.holders(r).get(j, [])) >= int(r.setup.total_capacity[j])
    if j_chosen < 0:
        return [text("explain-why-not-unmatched", mentor=mentor.id, score=_fmt(units), holders=holders)]
    chosen_units, chosen_rows = criteria.score(r.setup.config, r.setup.mentors[j_chosen].data, mentee.data)
    values = {
        "mentor": mentor.id,
        "score": _fmt(units),
        "chosen": r.setup.mentors[j_chosen].id,
        "chosen_score": _fmt(chosen_units),
        "gap": _fmt(chosen_units - units),
        "holders": holders,
    }
    if units >= chosen_units and full:
        head = text("explain-why-not-full", **values)
    elif units < chosen_units:
        head = text("explain-why-not-lower", **values)
    elif units == chosen_units:
        head = text("explain-why-not-same", **values)
    else:
        head = text("explain-why-not-higher", **values)
    compare = [
        text(
            "explain-criteria-compare",
            criterion=declared.title(r.setup.config, a["criterion"]),
            points=formatting.number(a["points"], language(), 2),
            chosen=formatting.number(b["points"], language(), 2),
            evidence=shown(a["evidence"]),
        )
        for a, b in zip(rows, chosen_rows, strict=False)
    ]
    return [head, *compare]


def explain(prog: Programme, r: plan.Run, mentee_id: str, mentor_id: str | None) -> list[str]:
    """The lines of `mentorat pair --explain MENTEE [MENTOR]`."""
    i, lines = _mentee_state(prog, r, mentee_id)
    if mentor_id is not None and mentor_id not in prog.mentors:
        raise MentoratError(text("explain-unknown-mentor", mentor=mentor_id))
    if i is None:
        return lines
    lines = chosen_lines(r, i)
    if int(r.solution.mate[i]) < 0:
        lines += feasible_lines(prog, r, i)
    if mentor_id is not None:
        lines += why_not_lines(prog, r, i, prog.mentors[mentor_id])
    return lines
