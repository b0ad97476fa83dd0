"""Right to erasure: the changes that remove a person's data while keeping the programme's figures true."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentorat_cli.core.dates import add_months
from mentorat_cli.core.i18n import gettext_for
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import ACTIVE_PAIR_STATUSES, Programme, pair_id
from mentorat_cli.ingest.records import ordered
from mentorat_cli.ingest.state import STATE_FILE, State, dump_state
from mentorat_cli.load import yamledit, yamlio
from mentorat_cli.privacy.show import pairs_of, role_of

ERASED_NAME = {"fr": "Anonyme", "en": "Anonymous"}
# What aggregate figures need, and nothing that identifies the person.
KEPT_FIELDS = ("public", "cohort", "registered_on", "left_on")
_ERASED_ID = re.compile(r"^erased-(\d+)$")


@dataclass
class ForgetPlan:
    """Files to write and remove, and one plain line per change made."""

    writes: dict[str, str] = field(default_factory=dict)
    removes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)  # filled by the command: files that did not exist before


def expired_people(programme: Programme, today: dt.date) -> list[str]:
    """Ids of people (not yet erased) whose retention period after the cohort's end has passed."""
    end = (programme.raw_config.get("cohort") or {}).get("end")
    if not end:
        return []
    limit = add_months(dt.date.fromisoformat(str(end)), programme.config["retention"]["months_after_end"])
    if today <= limit:
        return []
    return sorted(i for i, r in {**programme.mentors, **programme.mentees}.items() if r.data.get("status") != "erased")


def _new_ids(programme: Programme, people: list[str]) -> dict[str, str]:
    """Numbered ids (erased-0001...) that say nothing about the person, unlike the name-based ones."""
    used = [int(m.group(1)) for i in [*programme.mentors, *programme.mentees] if (m := _ERASED_ID.match(i))]
    number = max(used, default=0)
    out = {}
    for person in people:
        number += 1
        out[person] = f"erased-{number:04d}"
    return out


def _schema_line(kind: str) -> str:
    return f"../.schemas/{kind}.schema.json"


def _anonymous(data: dict[str, Any], new_id: str, language: str) -> dict[str, Any]:
    name = ERASED_NAME.get(language, ERASED_NAME["en"])
    record: dict[str, Any] = {"id": new_id, "first_name": name, "last_name": name, "email": f"{new_id}@invalid.example", "status": "erased"}
    record.update({k: data[k] for k in KEPT_FIELDS if k in data})
    return record


def _scrub_pair(
    data: dict[str, Any], renamed: dict[str, str], new_pair_ids: dict[str, str], today: dt.date, language: str
) -> tuple[dict[str, Any], bool]:
    """The pair with new ids, ended if active, free texts that could name someone removed."""
    out = copy.deepcopy(data)
    out["mentee"] = renamed.get(out["mentee"], out["mentee"])
    out["mentor"] = renamed.get(out["mentor"], out["mentor"])
    out["id"] = pair_id(out["mentee"], out["mentor"])
    if out.get("replaces") in new_pair_ids:
        out["replaces"] = new_pair_ids[out["replaces"]]
    ended = out["status"] in ACTIVE_PAIR_STATUSES
    if ended:
        out.update(status="ended", ended_on=today.isoformat(), ended_by="coordinator")
    if ended or "end_reason" in out:
        # Written into the file: in the programme's language, whatever the language of this run.
        out["end_reason"] = gettext_for("data erased on request", language)
    if out.get("contacts"):
        out["contacts"] = [{k: v for k, v in c.items() if k != "summary"} for c in out["contacts"]]
    for item in out.get("criteria") or []:
        item.pop("evidence", None)
    for item in out.get("alternatives") or []:
        item["mentor"] = renamed.get(item["mentor"], item["mentor"])
        item.pop("why_not", None)
    return out, ended


def plan_forget(
    programme: Programme,
    people: list[str],
    today: dt.date,
    state: State,
    list_files: Callable[[str], list[str]],
    summary_text: str | None = None,
) -> ForgetPlan:
    """What erasing these people changes; `list_files(folder)` lists the files under a folder of the programme;
    `summary_text` is pairing.yaml's content when the programme has one (it lists mentees and mentors by id)."""
    plan = ForgetPlan()
    renamed = _new_ids(programme, sorted(people))
    plan.renamed = renamed
    language = programme.config.get("language", "fr")
    for old, new in renamed.items():
        person = programme.person(old)
        assert person is not None
        role = role_of(programme, old)
        folder = "mentors" if role == "mentor" else "mentees"
        plan.removes.append(person.path)
        plan.writes[f"{folder}/{new}.yaml"] = yamlio.dump(ordered(_anonymous(person.data, new, language), role), _schema_line(role))
        plan.lines.append(
            text(
                "forget-profile",
                old=person.path,
                new=f"{folder}/{new}.yaml",
                kept=", ".join(k for k in KEPT_FIELDS if k in person.data) or text("st-none"),
            )
        )
        if state.pop(person.path, None) is not None:
            plan.lines.append(text("forget-state", path=STATE_FILE))
    touched_pairs = sorted({p.id for old in renamed for p in pairs_of(programme, old)})
    own_roles = {(p, role_of(programme, old)) for old in renamed for p in (x.id for x in pairs_of(programme, old))}
    new_pair_ids = {
        old: pair_id(
            renamed.get(programme.pairs[old].data["mentee"], programme.pairs[old].data["mentee"]),
            renamed.get(programme.pairs[old].data["mentor"], programme.pairs[old].data["mentor"]),
        )
        for old in touched_pairs
    }
    for old_pair in touched_pairs:
        record = programme.pairs[old_pair]
        data, ended = _scrub_pair(record.data, renamed, new_pair_ids, today, language)
        plan.removes.append(record.path)
        plan.writes[f"pairs/{data['id']}.yaml"] = yamlio.dump(data, _schema_line("pair"))
        plan.lines.append(text("forget-pair-ended" if ended else "forget-pair", old=record.path, new=f"pairs/{data['id']}.yaml"))
        notes = list_files(f"notes/{old_pair}")
        if notes:
            plan.removes += notes
            plan.lines.append(text("forget-notes", folder=f"notes/{old_pair}/", count=len(notes)))
    _other_pairs(programme, renamed, new_pair_ids, plan)
    _pairing_summary(summary_text, renamed, plan)
    _feedback(programme, new_pair_ids, own_roles, renamed, plan)
    _exclusions(programme, renamed, plan)
    if any(line == text("forget-state", path=STATE_FILE) for line in plan.lines):
        plan.writes[STATE_FILE] = dump_state(state)
    plan.removes = sorted(set(plan.removes) - set(plan.writes))
    return plan


SUMMARY_FILE = "pairing.yaml"


def _other_pairs(programme: Programme, renamed: dict[str, str], new_pair_ids: dict[str, str], plan: ForgetPlan) -> None:
    for ident, record in sorted(programme.pairs.items()):
        if ident in new_pair_ids:
            continue
        data = copy.deepcopy(record.data)
        changed = False
        if data.get("replaces") in new_pair_ids:
            data["replaces"], changed = new_pair_ids[data["replaces"]], True
        for item in data.get("alternatives") or []:
            if item.get("mentor") in renamed:
                item["mentor"], changed = renamed[item["mentor"]], True
                item.pop("why_not", None)
            elif "why_not" in item and _names_anyone(item["why_not"], renamed):
                # e.g. "place taken by <erased mentee>": the sentence goes, the score stays.
                item.pop("why_not")
                changed = True
        if changed:
            plan.writes[record.path] = _faithful(programme, record.path, data, _schema_line("pair"), renamed)
            plan.lines.append(text("forget-reference", path=record.path))


def _faithful(programme: Programme, path: str, data: dict[str, Any], schema_line: str, renamed: dict[str, str]) -> str:
    """Another person's file that only mentions the erased: just the changed lines, unless a kept
    line (a comment) still names an erased person, in which case the file is written anew."""
    try:
        original = (programme.root / path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return yamlio.dump(data, schema_line)
    spliced = yamledit.rewrite(original, data, schema_line)
    return yamlio.dump(data, schema_line) if _names_anyone(spliced, renamed) else spliced


def _names_anyone(sentence: str, renamed: dict[str, str]) -> bool:
    return any(re.search(rf"(?<![a-z0-9-]){re.escape(old)}(?![a-z0-9-])", sentence) for old in renamed)


def _pairing_summary(summary_text: str | None, renamed: dict[str, str], plan: ForgetPlan) -> None:
    """pairing.yaml names unmatched mentees and idle mentors: give them their new ids."""
    if not summary_text:
        return
    data, issue = yamlio.load(summary_text)
    if issue is not None or not isinstance(data, dict):
        return

    def swap(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        return renamed.get(value, value) if isinstance(value, str) else value

    new = swap(data)
    if new != data:
        plan.writes[SUMMARY_FILE] = yamledit.rewrite(summary_text, new, ".schemas/pairing.schema.json")
        plan.lines.append(text("forget-reference", path=SUMMARY_FILE))


def _feedback(
    programme: Programme, new_pair_ids: dict[str, str], own: set[tuple[str, str]], renamed: dict[str, str], plan: ForgetPlan
) -> None:
    for _ident, record in sorted(programme.feedback.items()):
        pair = record.data.get("pair")
        if pair not in new_pair_ids:
            continue
        if (pair, record.data.get("role")) in own:
            plan.removes.append(record.path)
            plan.lines.append(text("forget-feedback-removed", path=record.path))
            continue
        data = copy.deepcopy(record.data)
        data["pair"] = new_pair_ids[pair]
        data.pop("comment", None)
        data["consent_quote"] = False
        # Response files are often named after the mentee: the name goes with the rest.
        data["id"] = _rename_in(record.id, renamed)
        path = f"feedback/{data['id']}.yaml"
        if path != record.path:
            plan.removes.append(record.path)
        plan.writes[path] = yamlio.dump(data, _schema_line("feedback"))
        plan.lines.append(text("forget-feedback-other", path=record.path, new=path))


def _rename_in(ident: str, renamed: dict[str, str]) -> str:
    """An id with every erased person's id inside it replaced by their new id."""
    for old, new in sorted(renamed.items(), key=lambda item: -len(item[0])):
        ident = re.sub(rf"(?<![a-z0-9]){re.escape(old)}(?![a-z0-9])", new, ident)
    return ident


def _exclusions(programme: Programme, renamed: dict[str, str], plan: ForgetPlan) -> None:
    for record in sorted([*programme.mentors.values(), *programme.mentees.values()], key=lambda r: r.path):
        if record.id in renamed or not set(record.data.get("not_with") or []) & set(renamed):
            continue
        data = copy.deepcopy(record.data)
        data["not_with"] = [renamed.get(i, i) for i in data["not_with"]]
        plan.writes[record.path] = _faithful(programme, record.path, data, _schema_line(record.kind), renamed)
        plan.lines.append(text("forget-reference", path=record.path))


def leftover_files(root: Path, ids: list[str], handled: set[str]) -> list[str]:
    """Files not handled by forget whose path still contains one of the ids (e.g. documents under out/)."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(".git/") or rel in handled or not path.is_file():
            continue
        if any(re.search(rf"(?<![a-z0-9]){re.escape(i)}(?![a-z0-9])", rel) for i in ids):
            found.append(rel)
    return found
