"""What every command shares: the global options and the way results are printed."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import shlex
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Optional

import typer

from mentorat_cli.check import pipeline
from mentorat_cli.cli import progress, terminal
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.io import storage, transaction
from mentorat_cli.load import repository, usable


@dataclass
class Env:
    """Global options, passed to every command through typer's context."""

    root_option: Optional[Path]
    quiet: bool
    verbose: bool
    today: dt.date
    cache: bool = True  # --no-cache turns the per-file cache of .mentorat/cache/ off

    def root(self) -> Path:
        """The programme folder: --root, or the nearest folder upward holding programme.yaml."""
        if self.root_option is not None:
            root = self.root_option
            if not (root / repository.PROGRAMME_FILE).is_file():
                raise MentoratError(text("root-not-programme", root=root), text("no-programme-hint"))
            return root.resolve()
        return repository.find_root(Path.cwd())

    def read(self, root: Path, parts: frozenset[str] = repository.EVERYTHING) -> tuple[Programme, list[Problem]]:
        """pipeline.load with this run's options, and a progress bar on a terminal for a large programme."""
        with progress.bar(text("progress-reading")) as shown:
            return pipeline.load(root, self.today, parts=parts, cache=self.cache, progress=shown)

    def load(self, needs: usable.Needs = usable.ALL, parts: frozenset[str] = repository.EVERYTHING) -> tuple[Programme, list[Problem]]:
        """Load the programme: with `needs=usable.ALL` any error stops the command; otherwise the records
        with errors are left aside (named on stderr) and only the files `needs` names must be valid.
        Only the folders in `parts` are read (pairing and charters never read the notes)."""
        programme, found = self.read(self.root(), parts)
        aside = usable.select(programme, found, needs)
        after_load()
        if not self.quiet:
            for line in aside.lines():
                typer.echo(line, err=True)
        return programme, [p for p in found if p.severity != P.ERROR]

    @contextlib.contextmanager
    def writing(self, active: bool = True, folders: tuple[str, ...] | None = None) -> Iterator[None]:
        """Run a command that rewrites programme files: load, compute and write inside this block.

        The lock is taken before anything is read, so that two writers are
        serialised and neither loses the other's update; a change a stopped
        command left is finished or undone first (one line says so); and a
        file saved by hand meanwhile is never written over (see storage.lock).
        `active=False` (a dry run) takes no lock; `folders` narrows the guard to what the command writes.
        """
        if not active:
            yield
            return
        root = self.root()
        with storage.lock(root, command_line(), guard=True, folders=folders) as held:
            if held.taken_over is not None:
                typer.echo(text("lock-taken-over", holder=held.taken_over.render()), err=True)
            report_recovery(transaction.recover(root))
            yield

    def info(self, message: str) -> None:
        if not self.quiet:
            typer.echo(message)

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            typer.echo(message, err=True)


def command_line() -> str:
    """This command as typed, for the lock file (shortened: it is only shown to say who holds the lock)."""
    line = shlex.join(["mentorat", *sys.argv[1:]])
    return line if len(line) <= 200 else line[:199] + "…"


def after_load() -> None:
    """Test hook: MENTORAT_TEST_PAUSE_AFTER_LOAD=SECONDS, or =PATH (until that file exists, at most
    five minutes), pauses here, so a test can edit a file or start other commands meanwhile."""
    pause = os.environ.get("MENTORAT_TEST_PAUSE_AFTER_LOAD")
    if not pause:
        return
    typer.echo("test pause after load", err=True)
    try:
        time.sleep(float(pause))
    except ValueError:  # a path: the test says when to go on, however slow the machine
        deadline = time.monotonic() + 300
        while not os.path.exists(pause) and time.monotonic() < deadline:
            time.sleep(0.02)


def report_recovery(found: transaction.Leftovers) -> None:
    """One line per kind of leftover a writer cleaned up (stderr: stdout may be data)."""
    if found.decided:
        typer.echo(text("tx-finished", count=len(found.decided), paths=", ".join(found.decided)), err=True)
    if found.undecided:
        typer.echo(text("tx-undone", count=len(found.undecided)), err=True)
    if found.temporaries:
        typer.echo(text("tx-temporaries-removed", count=len(found.temporaries)), err=True)


def env_of(ctx: typer.Context) -> Env:
    obj = ctx.find_root().obj
    assert isinstance(obj, Env)
    return obj


def print_error(message: str, hint: str = "") -> None:
    """`error: ...` then `hint: ...` on stderr, coloured on a terminal."""
    terminal.write([(text("error-prefix"), "error"), (message, "")], sys.stderr)
    if hint:
        terminal.write([(text("hint-prefix"), "hint"), (hint, "")], sys.stderr)


def print_problems(found: list[Problem], fmt: str = "text", stream: Optional[IO[str]] = None) -> None:
    """Problems one per entry, `file:line:col: severity code message` then a hint line."""
    stream = stream or sys.stdout
    if fmt == "json":
        stream.write(P.to_json(found))
        return
    for problem in found:
        head, _, hint = problem.render().partition("\n")
        where = problem.where()
        word = P.severity_word(problem.severity)
        terminal.write([(f"{where}: ", ""), (word, problem.severity), (head[len(where) + 2 + len(word) :], "")], stream)
        if hint:
            terminal.write([(hint[: hint.index(":") + 1], "hint"), (hint[hint.index(":") + 1 :], "")], stream)


def lazy(name: str) -> Any:
    """A module imported on first use, so that `mentorat validate` does not pay for scipy or pandas."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def report_written(env: Env, folder: Path, files: Mapping[str, object]) -> None:
    """The documents written: the file when there is one, else how many and where."""
    if len(files) == 1:
        env.info(text("doc-written-one", file=folder / next(iter(files))))
    else:
        env.info(text("doc-written", count=len(files), folder=folder))
