"""A plain `pair` run on the inputs the last run left answers from its record, without solving again.

What a run depends on is the bytes of its input files and its options: the record
keeps their fingerprint and what the run said. Imports nothing heavy (no numpy):
an unchanged run stays fast.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mentorat_cli.load import cache, repository

RUN_RECORD = "pair-run"
INPUT_FOLDERS = ("mentors", "mentees", "pairs")
INPUT_FILES = (repository.PROGRAMME_FILE, "pairing.yaml")

Line = list[Any]  # [level ("info" or "detail"), message key, values]


def check(root: Path, options: dict[str, object]) -> tuple[dict[str, list[object]], list[Line] | None]:
    """The digests of the run's inputs, and what the last run said if its inputs and options were these (else None)."""
    record = cache.read_blob(root, RUN_RECORD)
    known = record.get("files") if isinstance(record, dict) else None
    found = cache.digests(root, INPUT_FOLDERS, INPUT_FILES, known)
    if not isinstance(record, dict) or record.get("fingerprint") != cache.fingerprint(found, options):
        return found, None
    if record.get("files") != found:  # files read again can be trusted by their stat next time
        cache.write_blob(root, RUN_RECORD, {**record, "files": found})
    return found, list(record["said"])


def remember(
    root: Path,
    found: dict[str, list[object]],
    options: dict[str, object],
    changed: tuple[dict[str, str], list[str]],
    said: list[Line],
    proposed: bool,
) -> None:
    """Record the state this run leaves (the inputs read, updated by its own writes and removals) and what it said."""
    writes, removes = changed
    after = dict(found)
    after.update({rel: [None, hashlib.sha256(body.encode("utf-8")).hexdigest()] for rel, body in writes.items()})
    for rel in removes:
        after.pop(rel, None)
    # Run again on that state, it would write nothing and say so instead of counting files.
    lines = [line for line in said if line[1] != "pair-files"]
    if writes or removes:
        lines.append(["info", "pair-unchanged" if proposed else "pair-unchanged-plain", {}])
    cache.write_blob(root, RUN_RECORD, {"fingerprint": cache.fingerprint(after, options), "said": lines, "files": after})
