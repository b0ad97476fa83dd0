"""`mentorat charter`, `sheet`, `calendar`, `sign` and `templates list|show|copy`."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.check import pipeline
from mentorat_cli.cli import progress
from mentorat_cli.cli.common import Env, Lang, env_of
from mentorat_cli.core import datefix, labels
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.followup import calendar
from mentorat_cli.io import output, pairfile, storage
from mentorat_cli.load import repository, usable
from mentorat_cli.render import build, context, templating


class CharterFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class SheetFormat(str, Enum):
    md = "md"
    html = "html"


PAIR_ARG = typer.Argument(None, metavar="PAIR", help="Pair id, <mentee>--<mentor> (or use --all).")
ALL_OPT = typer.Option(False, "--all", help="Every confirmed pair.")
OUT_OPT = typer.Option(None, "-o", "--output", help="Folder to write to (default: out/ in the programme folder).")
FORCE_OPT = typer.Option(False, "--force", help="Replace documents that already exist.")


def parse_date(option: str, value: str | None, today: dt.date, future_ok: bool = True) -> str | None:
    """A YYYY-MM-DD option value, checked; a clear error otherwise."""
    if value is None:
        return None
    try:
        # fromisoformat alone would also take 20261005 or 2026-W41-1.
        day = dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        day = None
    if day is None:
        code, found = datefix.explain(value)
        hint = {"date-format": "option-date-format-hint", "date-impossible": "option-date-impossible-hint"}.get(code)
        raise MentoratError(text("doc-bad-date", option=option, value=value), text(hint, **found) if hint else text("doc-bad-date-hint"))
    if not future_ok and day > today:
        raise MentoratError(text("doc-future-date", option=option, value=value, today=today), text("doc-future-date-hint"))
    return day.isoformat()


def needs_of(pair_id: str | None) -> usable.Needs:
    """One pair's files for a command on PAIR; nothing in particular with --all."""
    return usable.pair_needs(pair_id) if pair_id else usable.NOTHING


def select_pairs(programme: Programme, pair_id: str | None, all_: bool, command: str) -> list[Record]:
    """The named pair, or every confirmed pair with --all."""
    if bool(pair_id) == all_:
        raise MentoratError(text("doc-pair-or-all"), text("doc-pair-or-all-hint", command=command))
    if pair_id:
        return [context.find_pair(programme, pair_id)]
    pairs = [p for _, p in sorted(programme.pairs.items()) if p.data["status"] == "confirmed"]
    if not pairs:
        raise MentoratError(text("doc-no-pairs"), text("doc-no-pairs-hint"))
    return pairs


def _report(env: Env, folder: Path, files: dict[str, str | bytes]) -> None:
    if len(files) == 1:
        env.info(text("doc-written-one", file=folder / next(iter(files))))
    else:
        env.info(text("doc-written", count=len(files), folder=folder))


def charter(
    ctx: typer.Context,
    pair: Optional[str] = PAIR_ARG,
    all_: bool = ALL_OPT,
    fmt: CharterFormat = typer.Option(CharterFormat.md, "--format", help="md, html (print-ready A4 page) or pdf."),
    out: Optional[Path] = OUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Write the engagement charter of a pair (or of every confirmed pair), ready to sign."""
    env = env_of(ctx)
    programme, _ = env.load(needs_of(pair), parts=repository.PEOPLE_AND_PAIRS)
    pairs = select_pairs(programme, pair, all_, "charter")
    if fmt is CharterFormat.pdf and not build.pdf_available():
        raise MentoratError(text("doc-pdf-missing"), text("doc-pdf-missing-hint"))
    with progress.bar(text("progress-charters"), progress.DOCUMENTS) as shown:
        files = build.charters(programme, pairs, fmt.value, env.today, shown)
    _report(env, output.write_documents(programme.root, out, files, force), files)
    raise typer.Exit(0)


def sheet(
    ctx: typer.Context,
    pair: Optional[str] = PAIR_ARG,
    all_: bool = ALL_OPT,
    fmt: SheetFormat = typer.Option(SheetFormat.md, "--format", help="md, or html (print-ready A4 page)."),
    out: Optional[Path] = OUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Write the follow-up sheet of a pair: schedule, meetings held, hours, alerts, contacts."""
    env = env_of(ctx)
    programme, _ = env.load(needs_of(pair))
    pairs = select_pairs(programme, pair, all_, "sheet")
    with progress.bar(text("progress-sheets"), progress.DOCUMENTS) as shown:
        files = build.sheets(programme, pairs, fmt.value, env.today, shown)
    _report(env, output.write_documents(programme.root, out, files, force), files)
    raise typer.Exit(0)


def calendar_cmd(
    ctx: typer.Context,
    pair: Optional[str] = PAIR_ARG,
    all_: bool = ALL_OPT,
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="The .ics file, or a folder (default: out/calendar[-PAIR].ics)."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it already exists."),
) -> None:
    """Export the planned meetings as an iCalendar file to import into a calendar app."""
    env = env_of(ctx)
    programme, _ = env.load(needs_of(pair))
    pairs = select_pairs(programme, pair, all_, "calendar")
    if calendar.count_events(programme, pairs) == 0:
        raise MentoratError(text("doc-calendar-none"), text("doc-calendar-none-hint"))
    content = calendar.build(programme, pairs, labels.lang_of(programme.config), env.today)
    name = f"calendar-{pairs[0].id}.ics" if pair else "calendar.ics"
    if out is not None and out.is_dir():
        out = out / name  # a folder: the default file name inside it
    target = storage.output_file(programme.root, out, f"{output.DEFAULT_FOLDER}/{name}")
    storage.write_outputs({target: content}, force, sync=False)
    env.info(text("doc-written-one", file=target.path))
    raise typer.Exit(0)


def sign(
    ctx: typer.Context,
    pair: str = typer.Argument(..., metavar="PAIR", help="Pair id, <mentee>--<mentor>."),
    mentor: Optional[str] = typer.Option(None, "--mentor", metavar="YYYY-MM-DD", help="Date the mentor signed."),
    mentee: Optional[str] = typer.Option(None, "--mentee", metavar="YYYY-MM-DD", help="Date the mentee signed."),
    force: bool = typer.Option(False, "--force", help="Replace a signature date already recorded."),
) -> None:
    """Record the dates the charter was signed in the pair's file (charter_signed)."""
    env = env_of(ctx)
    with env.writing():
        programme, _ = env.load(usable.pair_needs(pair))
        record = context.find_pair(programme, pair)
        dates = {
            role: value
            for role, value in (
                ("mentor", parse_date("--mentor", mentor, env.today, False)),
                ("mentee", parse_date("--mentee", mentee, env.today, False)),
            )
            if value
        }
        if not dates:
            raise MentoratError(text("doc-sign-nothing"), text("doc-sign-nothing-hint", pair=record.id))

        lost: list[bool] = []

        def change(content: str) -> str | None:
            new = pairfile.sign(pairfile.parse(content, record.path), dates, force, record.id)
            if new is None:
                return None
            written = pairfile.dump(new, content)
            lost.append(pairfile.dropped_comments(content, written))
            return written

        changed = output.update_file(programme.root, record.path, change)
    key = "doc-sign-done" if changed else "doc-sign-unchanged"
    env.info(text(key, roles=", ".join(sorted(dates)), file=record.path))
    if any(lost):
        env.info(text("doc-comments-dropped", file=record.path))
    raise typer.Exit(0)


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
    programme, _ = pipeline.load(root, env.today, parts=frozenset(), cache=env.cache)
    return labels.lang_of(programme.config)


def register(app: typer.Typer) -> None:
    """Attach the document commands."""
    app.command("charter")(charter)
    app.command("sheet")(sheet)
    app.command("calendar")(calendar_cmd)
    app.command("sign")(sign)
    app.add_typer(templates_app, name="templates")
