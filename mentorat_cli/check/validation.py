"""`validate` from start to end: every problem in the programme's files, with the leftovers of a stopped command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mentorat_cli.check import causes, integrity, pipeline
from mentorat_cli.core import problems as P


@dataclass
class Validation:
    """The problems found, arranged by cause (a problem that follows from another is folded under it), and counts."""

    entries: list[causes.Entry]
    errors: int
    warnings: int
    files: int  # files checked

    @property
    def folded(self) -> int:
        return sum(len(e.followers) for e in self.entries)


def validate(root: Path, today: dt.date, cache: bool = True, progress: Callable[[int, int], None] | None = None) -> Validation:
    """Load and check everything; read-only (a change a stopped command left is reported, finished or undone by the next writer).

    `progress(done, total)` hears of the files read (the CLI shows it on a terminal)."""
    programme, found = pipeline.load(root, today, cache=cache, progress=progress)
    found = P.sort_problems([*found, *integrity.leftover_problems(root, programme), *integrity.summary_problems(root, programme)])
    errors = sum(1 for p in found if p.severity == P.ERROR)
    return Validation(causes.arrange(found), errors, len(found) - errors, programme.files_checked)
