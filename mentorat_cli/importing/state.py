"""What the last import wrote, as fingerprints: enough to see a human's edit, never the values themselves."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mentorat_cli import yamlio
from mentorat_cli.errors import MentoratError
from mentorat_cli.messages import text

STATE_FILE = ".mentorat/import-state.yaml"

# person path -> field -> fingerprint
State = dict[str, dict[str, str]]


def fingerprint(person: str, field: str, value: Any) -> str:
    """A short hash of one imported value, salted with the person and field so equal values differ."""
    payload = json.dumps([person, field, value], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def load_state(root: Path) -> State:
    """The state file's content ({} when there is none); a damaged file is a clear error."""
    path = root / STATE_FILE
    if not path.is_file():
        return {}
    decoded, issue = yamlio.decode(path.read_bytes())
    data, issue = (None, issue) if decoded is None else yamlio.load(decoded)
    people = data.get("people") if isinstance(data, dict) else None
    if issue is not None or not isinstance(people, dict) or not all(
            isinstance(v, dict) and all(isinstance(h, str) for h in v.values()) for v in people.values()):
        line = issue.line if issue is not None else 1
        raise MentoratError(text("import-state-damaged", path=f"{STATE_FILE}:{line}"),
                            text("import-state-damaged-hint", path=STATE_FILE))
    return {str(k): {str(f): h for f, h in v.items()} for k, v in people.items()}


def dump_state(state: State) -> str:
    """The state file's text, sorted so that it diffs well."""
    people = {person: dict(sorted(fields.items())) for person, fields in sorted(state.items()) if fields}
    header = "".join(f"# {line}\n" for line in text("import-state-header").splitlines())
    return header + yamlio.dump({"version": 1, "people": people})
