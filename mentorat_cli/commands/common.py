"""What every command shares: the global options and the way results are printed."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, Any, Optional

import typer

from mentorat_cli import problems as P
from mentorat_cli import repository, usable
from mentorat_cli.errors import MentoratError
from mentorat_cli.messages import text
from mentorat_cli.model import Programme
from mentorat_cli.problems import Problem


class TextOrJson(str, Enum):
    """--format for commands that print for people (text) or for scripts (json)."""

    text = "text"
    json = "json"


class Lang(str, Enum):
    """Languages documents are written in."""

    fr = "fr"
    en = "en"


@dataclass
class Env:
    """Global options, passed to every command through typer's context."""

    root_option: Optional[Path]
    quiet: bool
    verbose: bool
    today: dt.date

    def root(self) -> Path:
        """The programme folder: --root, or the nearest folder upward holding programme.yaml."""
        if self.root_option is not None:
            root = self.root_option
            if not (root / repository.PROGRAMME_FILE).is_file():
                raise MentoratError(text("root-not-programme", root=root), text("no-programme-hint"))
            return root.resolve()
        return repository.find_root(Path.cwd())

    def load(self, needs: usable.Needs = usable.ALL) -> tuple[Programme, list[Problem]]:
        """Load the programme: with `needs=usable.ALL` any error stops the command; otherwise the records
        with errors are left aside (named on stderr) and only the files `needs` names must be valid."""
        programme, found = repository.load(self.root(), self.today)
        aside = usable.select(programme, found, needs)
        if not self.quiet:
            for line in aside.lines():
                typer.echo(line, err=True)
        return programme, [p for p in found if p.severity != P.ERROR]

    def info(self, message: str) -> None:
        if not self.quiet:
            typer.echo(message)

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            typer.echo(message, err=True)


def env_of(ctx: typer.Context) -> Env:
    obj = ctx.find_root().obj
    assert isinstance(obj, Env)
    return obj


def print_error(message: str, hint: str = "") -> None:
    typer.echo(text("error-prefix") + message, err=True)
    if hint:
        typer.echo(text("hint-prefix") + hint, err=True)


def print_problems(found: list[Problem], fmt: str = "text", stream: Optional[IO[str]] = None) -> None:
    """Problems one per entry, `file:line:col: severity code message` then a hint line."""
    stream = stream or sys.stdout
    if fmt == "json":
        stream.write(P.to_json(found))
        return
    for problem in found:
        stream.write(problem.render() + "\n")


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
