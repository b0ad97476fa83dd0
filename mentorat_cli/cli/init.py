"""`mentorat init DIR --kind KIND`: scaffold a valid, git-initialised programme folder."""

from __future__ import annotations

from pathlib import Path

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core import vocabulary
from mentorat_cli.core.choices import Lang, ProgrammeKind
from mentorat_cli.core.messages import text
from mentorat_cli.io import git as gitops
from mentorat_cli.render import scaffold


def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., help="Folder to create (must be new or empty)."),
    kind: ProgrammeKind = typer.Option(..., "--kind", help="Kind of programme: sets the charter and default rules."),
    lang: Lang = typer.Option(Lang.fr, "--lang", help="Language of the programme's documents."),
    no_git: bool = typer.Option(False, "--no-git", help="Do not create a git repository."),
) -> None:
    """Create a new programme folder with commented example files."""
    env = env_of(ctx)
    count = scaffold.create(directory, kind.value, lang.value, env.today)
    env.info(text("init-done", kind=vocabulary.label("kind", kind.value), path=directory, files=count))
    if not no_git:
        if not gitops.available():
            env.info(text("init-git-missing"))
        elif gitops.init_and_commit(directory, "Create the mentoring programme (mentorat init)"):
            env.info(text("init-git-done"))
        else:
            env.info(text("init-git-failed"))
    env.info(text("init-next", path=directory))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
