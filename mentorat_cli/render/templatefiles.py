"""`templates list|show|copy`: which templates exist, the language to show, a built-in copied into templates/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorat_cli.check import pipeline
from mentorat_cli.core import labels
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.render import templating


def listing(root: Path | None) -> list[tuple[str, str, str]]:
    """(name, languages, origin) of every template: the programme's own (templates/) first, then the built-ins."""
    found: dict[tuple[str, str], list[str]] = {}
    for name, lang, origin in templating.available(templating.Renderer(root).loader.folders):
        found.setdefault((name, origin), []).append(lang)
    ordered = sorted(found.items(), key=lambda item: (item[0][1] != "programme", item[0][0]))
    return [(name, ",".join(sorted(langs)), origin) for (name, origin), langs in ordered]


def programme_lang(root: Path | None, today: dt.date, cache: bool) -> str:
    """The programme's language (fr outside a programme); a programme with errors elsewhere still has one."""
    if root is None:
        return "fr"
    programme, _ = pipeline.load(root, today, parts=frozenset(), cache=cache)
    return labels.lang_of(programme.config)


def copy_builtin(root: Path, name: str, language: str, force: bool) -> str:
    """Copy the built-in template `name` in `language` into the programme's templates/; the file written."""
    file_name = f"{name}.{language}{templating.SUFFIX}"
    source_path = templating.builtin_dir() / file_name
    if not templating.NAME_RE.match(file_name) or not source_path.is_file():
        raise MentoratError(text("doc-template-not-builtin", name=name), text("doc-template-missing-hint"))
    relative = f"templates/{file_name}"
    target = storage.output_file(root, None, relative, data_ok=frozenset({"templates"}))
    if target.path.exists() and not force:
        raise MentoratError(text("doc-template-exists", file=relative), text("doc-template-exists-hint"))
    storage.write_outputs({target: source_path.read_text(encoding="utf-8")}, force)
    return relative
