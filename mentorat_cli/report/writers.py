"""The report document written as Markdown, self-contained HTML or an Excel workbook."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import asdict

import jinja2
from markupsafe import Markup

from mentorat_cli.core.safetext import markdown_value
from mentorat_cli.load.resources import data_dir
from mentorat_cli.report import charts, workbook
from mentorat_cli.report.document import Document
from mentorat_cli.report.labels import labels


def _environment(autoescape: bool) -> jinja2.Environment:
    """HTML escapes every value; Markdown (no autoescape) still keeps values from opening raw HTML."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "report")),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=None if autoescape else markdown_value,
    )


def _md_cell(text: str) -> str:
    # A pipe or a line break inside a cell would break the Markdown table.
    return " ".join(text.replace("|", "\\|").split())


def markdown(doc: Document) -> str:
    """The report as Markdown (charts are given as the monthly table instead)."""
    env = _environment(False)
    env.filters["cell"] = _md_cell
    return env.get_template("report.md.j2").render(doc=asdict(doc))


def html(doc: Document) -> str:
    """The report as one HTML file with its charts inline as SVG (no network resource)."""
    env = _environment(True)
    svgs = charts.render_all(doc.chart_data, labels(doc.language))
    # Our own SVG text is trusted markup; everything else is escaped by the template.
    return env.get_template("report.html.j2").render(doc=asdict(doc), svgs={k: Markup(v) for k, v in svgs.items()})


def _stable_zip(data: bytes, stamp: str) -> bytes:
    """Rewrite a zip with fixed timestamps, so the same report gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(name)
            if name == "docProps/core.xml":
                # openpyxl stamps the saving time here whatever we set: put the report's date back.
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            target.writestr(info, content)
    return out.getvalue()


def xlsx(doc: Document, today: dt.date) -> bytes:
    """The report as a workbook: one sheet per section, typed cells, tables with filters (see workbook)."""
    book = workbook.build(doc, today)
    stamp = dt.datetime(today.year, today.month, today.day)
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable_zip(buffer.getvalue(), stamp.isoformat() + "Z")
