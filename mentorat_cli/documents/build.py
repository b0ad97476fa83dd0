"""Turn pairs into documents: {file name: content}, ready for `output.write_documents`."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from mentorat_cli.documents import context, labels
from mentorat_cli.documents.templating import Renderer
from mentorat_cli.errors import MentoratError
from mentorat_cli.messages import text
from mentorat_cli.model import Programme, Record

SHEET_TEMPLATE = "sheet"


def charters(programme: Programme, pairs: list[Record], fmt: str, today: dt.date) -> dict[str, str | bytes]:
    """Each pair's charter, named `charter-<pair>.<md|html|pdf>`."""
    lang = labels.lang_of(programme.config)
    renderer = Renderer(programme.root)
    name = str(programme.config["charter"]["template"])
    out: dict[str, str | bytes] = {}
    for pair in pairs:
        page = renderer.render(name, lang, context.charter_context(programme, pair, lang, today),
                               "md" if fmt == "md" else "html")
        out[f"charter-{pair.id}.{fmt}"] = to_pdf(page, today) if fmt == "pdf" else page
    return out


def sheets(programme: Programme, pairs: list[Record], fmt: str, today: dt.date) -> dict[str, str | bytes]:
    """Each pair's follow-up sheet, named `sheet-<pair>.<md|html>`."""
    lang = labels.lang_of(programme.config)
    renderer = Renderer(programme.root)
    return {f"sheet-{pair.id}.{fmt}": renderer.render(SHEET_TEMPLATE, lang,
                                                       context.sheet_context(programme, pair, lang, today), fmt)
            for pair in pairs}


def note_body(programme: Programme, pair: Record, kind: str, date: str, today: dt.date) -> str:
    """The body a new meeting note starts with, from the `note-<kind>` template."""
    lang = labels.lang_of(programme.config)
    values: dict[str, Any] = context.charter_context(programme, pair, lang, today)
    values.update({"date": labels.long_date(date, lang), "kind": labels.MEETING_KINDS[lang][kind]})
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
