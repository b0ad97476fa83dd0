"""`forget` from start to end: who is erased, what changes, what remains elsewhere, and the change written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.ingest.state import load_state
from mentorat_cli.io import storage
from mentorat_cli.load import cache, repository
from mentorat_cli.privacy import traces
from mentorat_cli.privacy.forget import ForgetPlan, expired_people, leftover_files, plan_forget


@dataclass
class Erasure:
    """The people erased, the plan, and what the plan cannot reach: files named after them, files holding their data."""

    people: list[str]
    plan: ForgetPlan
    leftovers: list[str]
    traces: list[tuple[str, str]]  # (file, what it holds)
    changed: list[str] = field(default_factory=list)  # filled by apply: files rewritten (not created)


def _list_files(root: Path) -> Callable[[str], list[str]]:
    def list_files(folder: str) -> list[str]:
        base = storage.inside(root, folder)
        if not base.is_dir():
            return []
        return sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file() or p.is_symlink())

    return list_files


def _chosen(programme: Programme, people: list[str], expired: bool, today: dt.date) -> list[str] | None:
    """The ids to erase, checked; None when --expired found nobody and nobody was named."""
    chosen = sorted(set(people))
    if expired:
        found = expired_people(programme, today)
        if not found and not chosen:
            return None
        chosen = sorted(set(chosen) | set(found))
    if not chosen:
        raise MentoratError(text("forget-nobody"), text("forget-nobody-hint"))
    for person_id in chosen:
        record = programme.person(person_id)
        if record is None:
            raise MentoratError(text("person-unknown", id=person_id), text("person-unknown-hint"))
        if record.data.get("status") == "erased":
            raise MentoratError(text("forget-already", path=record.path))
    return chosen


def prepare(programme: Programme, people: list[str], expired: bool, today: dt.date) -> Erasure | None:
    """What erasing these people (and, with `expired`, everyone past retention) changes; None when nobody is concerned."""
    chosen = _chosen(programme, people, expired, today)
    if chosen is None:
        return None
    root = programme.root
    summary = root / "pairing.yaml"
    # A damaged pairing.yaml (not UTF-8, too large) is left as it is, like one that is not valid YAML.
    summary_text = repository.read_text(summary, "pairing.yaml")[0] if summary.is_file() and not summary.is_symlink() else None
    plan = plan_forget(programme, chosen, today, load_state(root), _list_files(root), summary_text)
    leftovers = leftover_files(root, chosen, set(plan.removes) | set(plan.writes))
    erased = {r.id: r.data for r in (programme.person(person) for person in chosen) if r is not None}
    return Erasure(chosen, plan, leftovers, traces.files_holding(root, erased, skip=leftovers))


def apply(root: Path, erasure: Erasure) -> None:
    """Write the erasure (one transaction) and drop the cache, which holds copies of the erased data."""
    plan = erasure.plan
    plan.created = {p for p in plan.writes if not (root / p).exists()}
    storage.write_files(root, plan.writes, removes=plan.removes)
    cache.clear(root)
    erasure.changed = sorted(p for p in plan.writes if (root / p).exists() and p not in plan.created)
