"""A programme loaded and checked: the files read (load/), then every check across files (check/).

This is the pipeline's first two stages together, so it sits above both: load/ never runs a check.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from mentorat_cli.check import crossfile
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import ProblemsFound
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import repository


def load(
    root: Path,
    today: dt.date | None = None,
    workers: int | None = None,
    *,
    parts: frozenset[str] = repository.EVERYTHING,
    cache: bool = True,
    progress: repository.Progress | None = None,
) -> tuple[Programme, list[Problem]]:
    """Load and check the files of the programme at `root` (cross-file checks included).

    `parts` names the folders to read (the others are neither read nor checked); `cache` uses
    and refreshes `.mentorat/cache/`, which never changes a result, only saves reading again.
    `progress(done, total)` hears of the files read (cli/progress.py shows it on a terminal).
    """
    # The checks walk the millions of objects the load keeps alive: no cyclic collection meanwhile
    # either (see repository.read).
    enabled = gc.isenabled()
    gc.disable()
    try:
        programme, problems = repository.read(root, workers, parts=parts, cache=cache, progress=progress)
        problems += crossfile.run_all(programme, today)
        return programme, P.sort_problems(problems)
    finally:
        if enabled:  # what was loaded stays: frozen, so that no collection walks it (all of it is in gen 0 now)
            gc.freeze()
            gc.enable()


def load_valid(
    root: Path, today: dt.date | None = None, *, parts: frozenset[str] = repository.EVERYTHING, cache: bool = True
) -> tuple[Programme, list[Problem]]:
    """Load for a command that needs a valid programme: errors stop it (warnings are returned)."""
    programme, found = load(root, today, parts=parts, cache=cache)
    if P.has_errors(found):
        raise ProblemsFound(found)
    return programme, found
