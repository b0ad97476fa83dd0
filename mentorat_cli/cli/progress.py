"""A progress bar for long work, on a terminal only (issue 11).

Core functions take an optional `progress(done, total)` callback and know nothing of
terminals; the CLI hands them the one `bar()` gives. The bar shows only when all hold:
- the real standard error is a terminal (never in a pipe, a file, CI logs or tests'
  captured output; NO_COLOR turns colour off, not the bar, which then has none);
- the work is large: at least `minimum` items (2,000 files by default), so small
  programmes stay quiet and their output is exactly what it was.
It is transient (erased when the work ends) and written to stderr, so stdout stays what
scripts read. Rich is imported only when a bar is actually shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

Progress = Callable[[int, int], None]
FILES = 2000  # files read: below this a load takes well under a second
DOCUMENTS = 200  # documents rendered (charters, sheets): each takes tens of milliseconds
_EVERY = 0.1  # seconds between two refreshes: Rich redraws on its own clock, updates only record


def _terminal() -> IO[str] | None:
    """The real standard error when it is a terminal (the stream the CLI wraps, not the wrapper), else None."""
    stream = sys.stderr
    raw = getattr(stream, "stream", None) if type(stream).__name__ == "TerminalStream" else stream
    isatty = getattr(raw, "isatty", None)
    try:
        return raw if raw is not None and isatty is not None and isatty() else None
    except ValueError:  # a closed stream
        return None


class _Bar:
    def __init__(self, label: str, minimum: int) -> None:
        self.label = label
        self.minimum = minimum
        self.shown: Any = None
        self.task: Any = None
        self.off = False

    def __call__(self, done: int, total: int) -> None:
        if self.off:
            return
        if self.shown is None:
            stream = _terminal() if total >= self.minimum else None
            if stream is None:
                self.off = True  # decided once: a bar never appears halfway through
                return
            self._start(stream, total)
        self.shown.update(self.task, completed=done, total=total)

    def _start(self, stream: IO[str], total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        self.shown = Progress(*columns, console=console, transient=True, refresh_per_second=1 / _EVERY)
        self.task = self.shown.add_task(self.label, total=total)
        self.shown.start()

    def close(self) -> None:
        if self.shown is not None:
            self.shown.stop()
            self.shown = None


@contextmanager
def bar(label: str, minimum: int = FILES) -> Iterator[Progress | None]:
    """`with bar("Reading files") as progress: core(..., progress=progress)`: erased when the block ends.

    None when standard error is not a terminal: the core then has nothing to call at all.
    """
    if _terminal() is None:
        yield None
        return
    shown = _Bar(label, minimum)
    try:
        yield shown
    finally:
        shown.close()
