"""Change one or two keys of a pair file, leaving everything else as the coordinator wrote it.

The file is parsed, the keys changed, and written back with `yamledit.rewrite`:
entries that did not change keep their text and comments, a new key goes
where the schema puts it. A comment inside the changed entry itself cannot
be kept, and the command says so.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.problems import has_errors
from mentorat_cli.load import schemas, yamledit, yamlio

SCHEMA_LINE = "../.schemas/pair.schema.json"
SUMMARY_LIMIT = 2000


@functools.lru_cache(maxsize=1)
def schema_order() -> tuple[str, ...]:
    """The pair schema's keys, in the order the schema lists them."""
    schema = json.loads((schemas.schema_dir() / "pair.schema.json").read_text(encoding="utf-8"))
    return tuple(schema["properties"])


def parse(content: str, file: str) -> dict[str, Any]:
    """A pair file's data; an error when it is not a valid pair any more."""
    data, issue = yamlio.load(content)
    if issue is not None or not isinstance(data, dict) or has_errors(schemas.check("pair", data, file, lambda _p: (0, 0))):
        raise MentoratError(text("doc-pair-file-changed", file=file), text("doc-pair-file-changed-hint"), EXIT_PROBLEMS)
    return data


def set_key(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of `data` with `key` set: in place if present, else after the keys the schema puts before it."""
    if key in data:
        return {k: (value if k == key else v) for k, v in data.items()}
    order = schema_order()
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    out: dict[str, Any] = {}
    placed = False
    for k, v in data.items():
        if not placed and rank.get(k, len(order)) > mine:
            out[key] = value
            placed = True
        out[k] = v
    if not placed:
        out[key] = value
    return out


def sign(data: dict[str, Any], dates: dict[str, str], force: bool, pair_id: str) -> dict[str, Any] | None:
    """Data with the charter signature dates recorded; None when nothing changes.

    A different date already recorded is a decision: replacing it needs `force`.
    """
    current = dict(data.get("charter_signed") or {})
    proposed = str(data.get("proposed_on") or "")
    for role, day in sorted(dates.items()):
        if proposed and day < proposed:  # even with --force: validate would reject it (pair-signed-early)
            raise MentoratError(text("sign-before-proposed", role=role, date=day, proposed=proposed), text("sign-before-proposed-hint"))
    changed = False
    for role in ("mentor", "mentee"):
        new = dates.get(role)
        if new is None or current.get(role) == new:
            continue
        if role in current and not force:
            raise MentoratError(
                text("doc-sign-conflict", role=role, current=current[role], pair=pair_id), text("doc-sign-conflict-hint", new=new)
            )
        current[role] = new
        changed = True
    if not changed:
        return None
    ordered = {role: current[role] for role in ("mentor", "mentee") if role in current}
    return set_key(data, "charter_signed", ordered)


def add_contact(data: dict[str, Any], contact: dict[str, str]) -> dict[str, Any] | None:
    """Data with one more follow-up contact; None when the same contact is already recorded."""
    contacts = list(data.get("contacts") or [])
    if contact in contacts:
        return None
    return set_key(data, "contacts", contacts + [contact])


def dump(data: dict[str, Any], original: str = "") -> str:
    """The pair file's text: entries that did not change keep their comments and layout."""
    return yamledit.rewrite(original, data, SCHEMA_LINE)


def dropped_comments(original: str, new_text: str) -> bool:
    """Whether a comment of `original` is missing from `new_text` (one inside an entry that changed)."""
    kept = {line.strip() for line in new_text.splitlines()}
    return any("#" in line and line.strip() not in kept for line in original.splitlines())
