"""`mentorat init`: the files of a new, valid programme folder (pure: returns path -> text)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jinja2
import yaml

from mentorat_cli.core import kinds
from mentorat_cli.load import yamlio
from mentorat_cli.load.resources import data_dir, editor_schemas

EDITOR_SCHEMAS = {
    "programme": "programme.yaml",
    "mentor": "mentors/*.yaml",
    "mentee": "mentees/*.yaml",
    "pair": "pairs/*.yaml",
    "feedback": "feedback/*.yaml",
}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown, not HTML
    )
    # A YAML double-quoted string that keeps accents readable (tojson would write \u00e9).
    env.filters["q"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def _cohort(today: dt.date) -> tuple[str, str]:
    """The next cohort: from the first day of next month, for a year."""
    start = dt.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def _editor_settings() -> str:
    settings = {"yaml.schemas": {f".schemas/{kind}.schema.json": glob for kind, glob in EDITOR_SCHEMAS.items()}}
    return json.dumps(settings, indent=2, sort_keys=True) + "\n"


def programme_files(kind: str, lang: str, today: dt.date) -> dict[str, str]:
    """Every file of a new programme of this kind, documents in `lang`."""
    env = _environment()
    strings = yaml.safe_load((data_dir("templates") / "init" / "strings.yaml").read_text(encoding="utf-8"))[lang]
    start, end = _cohort(today)
    context: dict[str, Any] = {
        "kind": kind,
        "lang": lang,
        "d": kinds.defaults(kind),
        "t": strings,
        "name": strings["names"][kind],
        "organiser": strings["organiser"],
        "cohort_id": start[:4],
        "start": start,
        "end": end,
        "today": today.isoformat(),
        "themes": list(kinds.THEMES),
        "publics": list(kinds.PUBLICS[kind]),
    }
    files = {
        "programme.yaml": env.get_template(f"init/programme.{lang}.yaml.j2").render(context),
        f"mentors/{strings['mentor_id']}.yaml": env.get_template("init/mentor.yaml.j2").render(context),
        f"mentees/{strings['mentee_id']}.yaml": env.get_template("init/mentee.yaml.j2").render(context),
        "README.md": env.get_template(f"init/README.{lang}.md.j2").render(context),
        ".gitignore": env.get_template("init/gitignore.j2").render(context),
        ".vscode/settings.json": _editor_settings(),
        "pairs/.gitkeep": "",
        "notes/.gitkeep": "",
        "feedback/.gitkeep": "",
    }
    notice = data_dir("templates") / "privacy" / f"notice.{lang}.md.j2"
    if notice.is_file():
        raw, _ = yamlio.load(files["programme.yaml"])
        config = kinds.effective_config(raw)
        files["privacy-notice.md"] = env.get_template(f"privacy/notice.{lang}.md.j2").render(programme=config)
    files.update(editor_schemas())
    return files
