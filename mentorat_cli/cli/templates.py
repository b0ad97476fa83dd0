"""`mentorat templates list|show|copy`: the document templates, built-in and the programme's own."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import Env, env_of
from mentorat_cli.core.choices import Lang
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import repository
from mentorat_cli.render import labels, templating

templates_app = typer.Typer(help="List, show or copy the document templates (charters, sheet, notes).", no_args_is_help=True)


def _root_or_none(env: Env) -> Path | None:
    try:
        return env.root()
    except MentoratError:
        return None  # outside a programme: the built-ins only


@templates_app.command("list")
def templates_list(ctx: typer.Context) -> None:
    """List the templates: the programme's own (templates/) first, then the built-ins."""
    renderer = templating.Renderer(_root_or_none(env_of(ctx)))
    found: dict[tuple[str, str], list[str]] = {}
    for name, lang, origin in templating.available(renderer.loader.folders):
        found.setdefault((name, origin), []).append(lang)
    typer.echo(text("doc-templates-header", name="NAME", langs="LANG", origin="SOURCE"))
    for (name, origin), langs in sorted(found.items(), key=lambda item: (item[0][1] != "programme", item[0][0])):
        typer.echo(text("doc-templates-row", name=name, langs=",".join(sorted(langs)), origin=origin))
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
    language = lang.value if lang else _programme_lang(env, root)
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
    language = lang.value if lang else _programme_lang(env, root)
    file_name = f"{name}.{language}{templating.SUFFIX}"
    source_path = templating.builtin_dir() / file_name
    if not templating.NAME_RE.match(file_name) or not source_path.is_file():
        raise MentoratError(text("doc-template-not-builtin", name=name), text("doc-template-missing-hint"))
    relative = f"templates/{file_name}"
    target = storage.output_file(root, None, relative, data_ok=frozenset({"templates"}))
    if target.path.exists() and not force:
        raise MentoratError(text("doc-template-exists", file=relative), text("doc-template-exists-hint"))
    storage.write_outputs({target: source_path.read_text(encoding="utf-8")}, force)
    env.info(text("doc-template-copied", file=relative))
    raise typer.Exit(0)


def _programme_lang(env: Env, root: Path | None) -> str:
    """The programme's language; a programme with errors elsewhere still has one."""
    if root is None:
        return "fr"
    programme, _ = repository.load(root, env.today, parts=frozenset(), cache=env.cache)
    return labels.lang_of(programme.config)


def register(app: typer.Typer) -> None:
    """Attach `templates` and its subcommands."""
    app.add_typer(templates_app, name="templates")
