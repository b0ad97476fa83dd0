"""Turn pairs into documents: {file name: content}, ready for `output.write_documents`."""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentorat_cli.core import formatting, labels
from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.load import logo
from mentorat_cli.render import context
from mentorat_cli.render.templating import Renderer

SHEET_TEMPLATE = "sheet"


def logo_uri(root: Path | None, config: dict[str, Any]) -> str:
    """The organiser's logo as a data URI ('' when none): checked as `validate` does (see load.logo), never a link."""
    relative = config.get("organiser_logo")
    if not relative or root is None:
        return ""
    reason = logo.refusal(root, str(relative))
    if reason:
        raise MentoratError(text("doc-logo-refused", path=relative, reason=text(reason)), text("doc-logo-refused-hint"), EXIT_PROBLEMS)
    path = logo.path_of(root, str(relative))
    return f"data:{logo.TYPES[path.suffix.lower()]};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _footer(data: dict[str, Any]) -> str:
    """The pair a document is about, for the printed footer."""
    return labels.PAIR_NAMES[data["lang"]].format(mentee=data["mentee"]["full_name"], mentor=data["mentor"]["full_name"])


def charters(
    programme: Programme, pairs: list[Record], fmt: str, today: dt.date, progress: Callable[[int, int], None] | None = None
) -> dict[str, str | bytes]:
    """Each pair's charter, named `charter-<pair>.<md|html|pdf>`."""
    lang = labels.lang_of(programme.config)
    renderer = Renderer(programme.root)
    name = str(programme.config["charter"]["template"])
    logo = logo_uri(programme.root, programme.config) if fmt != "md" else ""
    out: dict[str, str | bytes] = {}
    for pair in pairs:
        values = context.charter_context(programme, pair, lang, today)
        page = renderer.render(name, lang, values, "md" if fmt == "md" else "html", footer=_footer(values), logo=logo)
        out[f"charter-{pair.id}.{fmt}"] = to_pdf(page, today) if fmt == "pdf" else page
        if progress is not None:
            progress(len(out), len(pairs))
    return out


def sheets(
    programme: Programme, pairs: list[Record], fmt: str, today: dt.date, progress: Callable[[int, int], None] | None = None
) -> dict[str, str | bytes]:
    """Each pair's follow-up sheet, named `sheet-<pair>.<md|html|pdf>` (PDF: the HTML page printed by WeasyPrint)."""
    lang = labels.lang_of(programme.config)
    renderer = Renderer(programme.root)
    out: dict[str, str | bytes] = {}
    for pair in pairs:
        values = context.sheet_context(programme, pair, lang, today)
        # The sheet's title already names the pair: the footer repeats only the title.
        page = renderer.render(SHEET_TEMPLATE, lang, values, "md" if fmt == "md" else "html")
        out[f"sheet-{pair.id}.{fmt}"] = to_pdf(page, today) if fmt == "pdf" else page
        if progress is not None:
            progress(len(out), len(pairs))
    return out


def note_body(programme: Programme, pair: Record, kind: str, date: str, today: dt.date) -> str:
    """The body a new meeting note starts with, from the `note-<kind>` template."""
    lang = labels.lang_of(programme.config)
    values: dict[str, Any] = context.charter_context(programme, pair, lang, today)
    values.update({"date": formatting.long_date(date, lang), "kind": labels.MEETING_KINDS[lang][kind]})
    return Renderer(programme.root).render(f"note-{kind}", lang, values, "md")


def pdf_available() -> bool:
    """Whether the optional PDF engine (WeasyPrint) can be imported."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: installed but its system libraries are missing
        return False
    return True


def to_pdf(html: str, today: dt.date) -> bytes:
    """An HTML page printed to PDF by WeasyPrint (optional extra `pdf`), the same bytes for the same input."""
    if not pdf_available():
        raise MentoratError(text("doc-pdf-missing"), text("doc-pdf-missing-hint"))
    import weasyprint

    # The embedded font subsets carry a timestamp; fontTools takes it from
    # SOURCE_DATE_EPOCH (the reproducible-builds convention), set to `today` here.
    epoch = str(int(dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC).timestamp()))
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        return weasyprint.HTML(string=html).write_pdf()  # type: ignore[no-any-return]
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
