"""What the last import wrote, as fingerprints: enough to see a human's edit, never the values themselves."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.load import yamlio

STATE_FILE = ".mentorat/import-state.yaml"
_PLAIN = re.compile(r"^[a-z][a-z0-9_./-]*$")

# person path -> field -> fingerprint
State = dict[str, dict[str, str]]


def fingerprint(person: str, field: str, value: Any) -> str:
    """A short hash of one imported value, salted with the person and field so equal values differ."""
    # repr is stable for plain values; structures go through sorted JSON so that key order does not count.
    shown = (
        repr(value)
        if isinstance(value, (str, int, float, bool)) or value is None
        else json.dumps(value, ensure_ascii=False, sort_keys=True)
    )
    payload = f"{person}\x00{field}\x00{shown}"
    # The letter prefix keeps a hash such as 123e45 from reading back as a number.
    return "h" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def load_state(root: Path) -> State:
    """The state file's content ({} when there is none); a damaged file is a clear error."""
    path = root / STATE_FILE
    if not path.is_file():
        return {}
    decoded, issue = yamlio.decode(path.read_bytes())
    data, issue = (None, issue) if decoded is None else yamlio.load(decoded)
    people = data.get("people") if isinstance(data, dict) else None
    if (
        issue is not None
        or not isinstance(people, dict)
        or not all(isinstance(v, dict) and all(isinstance(h, str) for h in v.values()) for v in people.values())
    ):
        line = issue.line if issue is not None else 1
        raise MentoratError(text("import-state-damaged", path=f"{STATE_FILE}:{line}"), text("import-state-damaged-hint", path=STATE_FILE))
    return {str(k): {str(f): h for f, h in v.items()} for k, v in people.items()}


def _key(value: str) -> str:
    """A mapping key as YAML: plain when it is a simple path or field name, else JSON-quoted."""
    return value if _PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def dump_state(state: State) -> str:
    """The state file's text, sorted so that it diffs well.

    Written line by line rather than through the YAML dumper: the file has one fixed,
    simple shape, and 20,000 people would otherwise take seconds to serialise.
    """
    lines = [f"# {line}" for line in text("import-state-header").splitlines()]
    lines += ["version: 1", "people:" if any(state.values()) else "people: {}"]
    for person, fields in sorted(state.items()):
        if not fields:
            continue
        lines.append(f"  {_key(person)}:")
        lines += [f"    {_key(name)}: {_key(hash_)}" for name, hash_ in sorted(fields.items())]
    return "\n".join(lines) + "\n"
