"""A solved run as files: one proposal per pair, and the root-level summary pairing.yaml.

Running twice on the same data gives the same bytes: an unchanged proposal
keeps its `proposed_on`, and the summary holds no date or timing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, pair_id
from mentorat_cli.pair import criteria, declared, emit, plan, scoring

PAIR_KEYS = (
    "id",
    "mentee",
    "mentor",
    "status",
    "proposed_on",
    "confirmed_on",
    "started_on",
    "ended_on",
    "end_reason",
    "ended_by",
    "replaces",
    "charter_signed",
    "contacts",
    "score",
    "criteria",
    "alternatives",
)
PAIR_SCHEMA_LINE = "../.schemas/pair.schema.json"
SUMMARY_FILE = "pairing.yaml"
SUMMARY_SCHEMA_LINE = ".schemas/pairing.schema.json"
ALTERNATIVES = 3


@dataclass
class Changes:
    """Files to write (path -> text) and to remove, and the figures of the run."""

    writes: dict[str, str] = field(default_factory=dict)
    removes: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    unmatched: list[dict[str, Any]] = field(default_factory=list)


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """A pair's keys in the schema's order."""
    return {key: data[key] for key in PAIR_KEYS if key in data}


def points(units: int) -> float:
    """Score units (hundredths) as the 0-100 number written in files."""
    return round(units / 100.0, 2)


def why_not(r: plan.Run, i: int, j: int, alt_units: int, held: dict[int, list[str]]) -> str:
    """Why mentor j was not chosen for mentee i, in the programme's language."""
    lang = criteria.language(r.setup.config)
    chosen = int(r.solution.units[i])
    holders = held.get(j, [])
    if alt_units < chosen:
        return criteria.say(lang, "why-lower", score=criteria.number(lang, alt_units), chosen=criteria.number(lang, chosen))
    # Candidates are mentors with a free place before the run, so a full one has at least one holder;
    # at the optimum a mentor still free cannot score higher than the chosen one, only the same.
    if len(holders) >= int(r.setup.total_capacity[j]):
        return criteria.say(lang, "why-full-one" if len(holders) == 1 else "why-full-many", holders=criteria.listing(lang, holders))
    return criteria.say(lang, "why-same", score=criteria.number(lang, alt_units))


def alternatives(r: plan.Run, i: int, arcs: list[tuple[int, int]], held: dict[int, list[str]]) -> list[dict[str, Any]]:
    """The next best mentors for mentee i, with their scores and why they were not chosen."""
    chosen = int(r.solution.mate[i])
    out = []
    for j, units in arcs:
        if j == chosen:
            continue
        out.append({"mentor": r.setup.mentors[j].id, "score": points(units), "why_not": why_not(r, i, j, units, held)})
        if len(out) == ALTERNATIVES:
            break
    return out


def proposal(r: plan.Run, i: int, arcs: list[tuple[int, int]], held: dict[int, list[str]], proposed_on: str) -> dict[str, Any]:
    """The proposal file's data for mentee i and their chosen mentor."""
    mentee, mentor = r.setup.mentees[i], r.setup.mentors[int(r.solution.mate[i])]
    units, rows = criteria.score(r.setup.config, mentor.data, mentee.data)
    data: dict[str, Any] = {
        "id": pair_id(mentee.id, mentor.id),
        "mentee": mentee.id,
        "mentor": mentor.id,
        "status": "proposed",
        "proposed_on": proposed_on,
    }
    if mentee.id in r.setup.replaces:
        data["replaces"] = r.setup.replaces[mentee.id]
    data.update({"score": points(units), "criteria": rows, "alternatives": alternatives(r, i, arcs, held)})
    return ordered(data)


def exclusions(r: plan.Run, rows: np.ndarray) -> list[dict[str, int]]:
    """For each mentee row: how many mentors each hard rule excluded (first rule broken counts)."""
    enc = r.enc
    masks = scoring.rule_masks(enc, rows, r.setup.previous)
    names = list(masks)
    first = scoring.first_rule(masks) if masks else np.full((len(rows), len(enc.mentors.ids)), -1)
    # One count per rule for the whole chunk (not a bincount per mentee): rules are few, mentees many.
    counts = (
        np.stack([np.count_nonzero(first == k, axis=1) for k in range(len(names))], axis=1)
        if names
        else np.zeros((len(rows), 0), dtype=np.int64)
    )
    return [{names[k]: c for k, c in enumerate(row) if c} for row in counts.tolist()]


def _by_class(r: plan.Run, rows: np.ndarray) -> dict[int, dict[str, int]]:
    """exclusions() of each row, computed once per class of mentees the rules cannot tell apart.

    A mentee no named-people rule or earlier pair concerns breaks exactly the rules of any other
    mentee in the same classes of every rule's table: 30,000 unmatched mentees of a national
    programme fall into a few dozen such classes.
    """
    enc = r.enc
    if len(rows) == 0:
        return {}
    named = {int(i) for ii, _ in enc.forbidden.values() for i in ii.tolist()} | set(r.setup.previous)
    alone = np.array(sorted(named & set(rows.tolist())), dtype=np.int64)
    shared = rows[~np.isin(rows, alone)]
    code = np.zeros(len(shared), dtype=np.int64)
    for cls in scoring.rule_classes(enc):
        code = np.unique(code * (int(cls.max()) + 1) + cls[shared], return_inverse=True)[1].reshape(-1)
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    out: dict[int, dict[str, int]] = {}
    for some, spread in ((alone, None), (shared[first], inverse.reshape(-1))):
        found: list[dict[str, int]] = []
        for start in range(0, len(some), 256):
            found += exclusions(r, some[start : start + 256])
        if spread is None:
            out.update(zip(some.tolist(), found, strict=True))
        else:  # a copy each: one shared object would be written as a YAML alias
            out.update((i, dict(found[c])) for i, c in zip(shared.tolist(), spread.tolist(), strict=True))
    return out


def unmatched(r: plan.Run) -> list[dict[str, Any]]:
    """Every mentee left without a mentor, and why."""
    rows = np.flatnonzero(r.solution.mate < 0)
    excluded = _by_class(r, rows)
    out = []
    for i in rows.tolist():
        feasible = int(r.cand.feasible_all[i])
        out.append(
            {
                "mentee": r.setup.mentees[i].id,
                "reason": "all-feasible-mentors-full" if feasible else "no-feasible-mentor",
                "feasible_mentors": feasible,
                "excluded": excluded[i],
            }
        )
    return out


def reason_text(row: dict[str, Any], config: dict[str, Any]) -> str:
    """A short plain reason for one row of `unmatched()`, for the coordinator."""
    if row["reason"] == "all-feasible-mentors-full":
        return text("unmatched-full", feasible=row["feasible_mentors"])
    if not row["excluded"]:
        return text("unmatched-no-mentor")
    # The rule that excluded the most mentors; ties go to the rule name first in order, for stable output.
    rule = min(row["excluded"].items(), key=lambda item: (-item[1], item[0]))[0]
    return text("unmatched-rules", rule=declared.title(config, rule))


def build(prog: Programme, r: plan.Run, today: dt.date, objective: str, summary: bool = True) -> Changes:
    """The files a run writes and removes; unchanged proposals keep their date and bytes."""
    changes = Changes()
    arcs, held = plan.row_arcs(r, mentees=np.flatnonzero(r.solution.mate >= 0)), plan.holders(r)
    new_ids: set[str] = set()
    scores: list[int] = []
    for i, j in enumerate(r.solution.mate.tolist()):
        if j < 0:
            continue
        pid = pair_id(r.setup.mentees[i].id, r.setup.mentors[j].id)
        new_ids.add(pid)
        old = prog.pairs.get(pid)
        keep_date = old is not None and old.data["status"] == "proposed" and old.data.get("proposed_on")
        data = proposal(r, i, arcs.get(i, []), held, str(old.data["proposed_on"]) if keep_date and old else today.isoformat())
        scores.append(int(r.solution.units[i]))
        if old is None or old.data != data:
            changes.writes[f"pairs/{pid}.yaml"] = emit.dump(data, schema_line=PAIR_SCHEMA_LINE)
    changes.removes = sorted(p.path for p in r.setup.stale if p.id not in new_ids)
    changes.figures = figures(r, scores)
    changes.unmatched = unmatched(r)
    if summary:
        data = summary_data(r, objective, changes.figures, changes.unmatched)
        text_ = emit.dump(data, schema_line=SUMMARY_SCHEMA_LINE)
        changes.writes[SUMMARY_FILE] = text_
    return changes


def figures(r: plan.Run, scores: list[int]) -> dict[str, Any]:
    """Counts and scores of the run (no timing: the summary file must not change between runs)."""
    used = {p.data["mentor"] for p in r.setup.fixed} | {r.setup.mentors[j].id for j in r.solution.mate.tolist() if j >= 0}
    return {
        "to_pair": len(r.setup.mentees),
        "proposed": len(scores),
        "unmatched": len(r.setup.mentees) - len(scores),
        "kept": len(r.setup.fixed),
        "mean": points(int(round(sum(scores) / len(scores)))) if scores else None,
        "lowest": points(min(scores)) if scores else None,
        "mentors_accepted": len(r.setup.mentors),
        "mentors_used": len(used & {m.id for m in r.setup.mentors}),
    }


def candidates_used(r: plan.Run) -> int:
    """Mentors actually kept per mentee: never more than the mentors with a free place."""
    return min(r.k, int((r.setup.capacity > 0).sum()))


def summary_data(r: plan.Run, objective: str, fig: dict[str, Any], rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The content of pairing.yaml (`rows`: the unmatched mentees, when already computed)."""
    held = plan.holders(r)
    idle = [m.id for j, m in enumerate(r.setup.mentors) if r.setup.total_capacity[j] > 0 and not held.get(j)]
    data: dict[str, Any] = {
        "objective": objective,
        "mentees": {"to_pair": fig["to_pair"], "proposed": fig["proposed"], "unmatched": fig["unmatched"]},
        "pairs_kept": fig["kept"],
        "score": {"mean": fig["mean"], "lowest": fig["lowest"]},
        "mentors": {"accepted": fig["mentors_accepted"], "used": fig["mentors_used"], "idle": len(idle)},
        "optimality": {
            "proven": not r.solution.notes,
            "candidates_per_mentee": candidates_used(r),
            "rounds": r.solution.rounds,
            "couples_added": r.solution.added,
        },
    }
    if not data["optimality"]["candidates_per_mentee"]:
        del data["optimality"]["candidates_per_mentee"]  # no mentor with a free place: nothing was pruned
    if objective == "fair":
        data["score_floor"] = points(r.solution.floor)
    data["unmatched"] = unmatched(r) if rows is None else rows
    data["idle_mentors"] = idle
    data["kept_proposals"] = sorted(r.setup.kept)
    return data
