"""`export` from start to end: the table's bytes (pseudonymised when asked), the file written, the rows to warn about."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from mentorat_cli.core.model import Programme
from mentorat_cli.io import storage
from mentorat_cli.render import exporting


@dataclass
class Export:
    """An export made: its bytes, and the pseudonyms used (None: names in clear)."""

    what: str
    fmt: str
    content: bytes
    pseudo: exporting.Pseudonyms | None


def make(programme: Programme, what: str, fmt: str, dialect: Optional[str], pseudonymise: bool, today: dt.date) -> Export:
    """The export's bytes; with `pseudonymise`, keyed by $MENTORAT_PSEUDONYM_KEY or the key file (see exporting.find_key)."""
    pseudo = exporting.Pseudonyms(exporting.find_key(os.environ, Path.home(), programme.root)) if pseudonymise else None
    return Export(what, fmt, exporting.export(programme, what, fmt, pseudo, today, dialect), pseudo)


def write(programme: Programme, made: Export, output: Optional[str], force: bool) -> tuple[str, int]:
    """Write the export (default out/export-WHAT.FORMAT, under the output policy); the path as shown and the rows."""
    target = storage.output_file(programme.root, output, f"out/export-{made.what}.{made.fmt}")
    storage.write_outputs({target: made.content}, force)
    return target.shown, len(exporting.TABLES[made.what][1](programme, None))
