"""Change one or two keys of a pair file, leaving everything else as the coordinator wrote it.

The file is parsed, the keys changed, and the data written back in the
same key order (a new key goes where the schema puts it). The comment
lines at the top of the file are kept; comments further down cannot be
(yamlio.dump writes data only), and the command says so.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from mentorat_cli import schemas, yamlio
from mentorat_cli.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.messages import text
from mentorat_cli.problems import has_errors

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
    changed = False
    for role in ("mentor", "mentee"):
        new = dates.get(role)
        if new is None or current.get(role) == new:
            continue
        if role in current and not force:
            raise MentoratError(text("doc-sign-conflict", role=role, current=current[role], pair=pair_id),
                                text("doc-sign-conflict-hint", new=new))
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
    """The pair file's text; the comment lines at the top of `original` are kept."""
    text_ = yamlio.dump(data, schema_line=SCHEMA_LINE)
    header = leading_comments(original)
    if not header:
        return text_
    first, _, rest = text_.partition("\n")
    return f"{first}\n{header}{rest}"


def leading_comments(original: str) -> str:
    """The comment lines before the first key (the schema line aside), with their newlines."""
    kept = []
    for line in original.splitlines():
        if not line.strip().startswith("#"):
            if line.strip():
                break
            continue
        if "yaml-language-server:" not in line:
            kept.append(line + "\n")
    return "".join(kept)


def dropped_comments(original: str) -> bool:
    """Whether `original` has comments after its first key (dump cannot keep those)."""
    started = False
    for line in original.splitlines():
        stripped = line.strip()
        started = started or bool(stripped and not stripped.startswith("#"))
        if started and (stripped.startswith("#") or " #" in line):
            return True  # " #" may be inside a quoted value: then the note is merely cautious
    return False
