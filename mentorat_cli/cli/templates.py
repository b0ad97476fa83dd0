"""`mentorat templates list|show|copy`: the document templates, built-in and the programme's own."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import Env, env_of
from mentorat_cli.core.choices import Lang
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.render import templatefiles, templating

templates_app = typer.Typer(help="List, show or copy the document templates (charters, sheet, notes).", no_args_is_help=True)


def _root_or_none(env: Env) -> Path | None:
    try:
        return env.root()
    except MentoratError:
        return None  # outside a programme: the built-ins only


@templates_app.command("list")
def templates_list(ctx: typer.Context) -> None:
    """List the templates: the programme's own (templates/) first, then the built-ins."""
    found = templatefiles.listing(_root_or_none(env_of(ctx)))
    typer.echo(text("doc-templates-header", name="NAME", langs="LANG", origin="SOURCE"))
    for name, langs, origin in found:
        typer.echo(text("doc-templates-row", name=name, langs=langs, origin=origin))
    raise typer.Exit(0)


@templates_app.command("show")
def templates_show(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Template name, e.g. charter-school."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language (default: the programme's, else fr)."),
) -> None:
    """Print a template's text (the one the programme would use)."""
    env = env_of(ctx)
    root = _root_or_none(env)
    language = lang.value if lang else templatefiles.programme_lang(root, env.today, env.cache)
    shown, source = templating.Renderer(root).source(name, language)
    env.info(text("doc-template-source", file=shown))
    typer.echo(source, nl=False)
    raise typer.Exit(0)


@templates_app.command("copy")
def templates_copy(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Built-in template name, e.g. charter-school."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language (default: the programme's)."),
    force: bool = typer.Option(False, "--force", help="Replace the programme's copy if it exists."),
) -> None:
    """Copy a built-in template into the programme's templates/ folder, to adapt it."""
    env = env_of(ctx)
    root = env.root()
    language = lang.value if lang else templatefiles.programme_lang(root, env.today, env.cache)
    env.info(text("doc-template-copied", file=templatefiles.copy_builtin(root, name, language, force)))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `templates` and its subcommands."""
    app.add_typer(templates_app, name="templates")
