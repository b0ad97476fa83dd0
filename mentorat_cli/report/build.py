"""The end-of-programme report: programme -> bytes of one document, in the format asked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import storage
from mentorat_cli.report import document, figures, frames, writers

FORMATS = ("md", "html", "xlsx")


def report(programme: Programme, today: dt.date, cohort: str | None, fmt: str) -> bytes:
    """The report of one cohort (default: the programme's cohort) as md, html or xlsx bytes."""
    known = frames.cohorts(programme)
    chosen = cohort or known[0]
    if chosen not in known:
        raise MentoratError(text("report-unknown-cohort", cohort=chosen), text("report-unknown-cohort-hint", known=", ".join(known)))
    tables = frames.build(programme, chosen, today)
    doc = document.build(figures.compute(tables, programme.config, today, chosen), programme.config)
    if fmt == "md":
        return writers.markdown(doc).encode("utf-8")
    if fmt == "html":
        return writers.html(doc).encode("utf-8")
    return writers.xlsx(doc, today)


def default_output(cohort: str | None, programme: Programme, fmt: str) -> str:
    """out/report-<cohort>.<ext>, relative to the programme folder."""
    return f"out/report-{cohort or frames.cohorts(programme)[0]}.{fmt}"


def write(programme: Programme, today: dt.date, cohort: str | None, fmt: str, output: Path | None, force: bool) -> str:
    """Write the report (default out/report-<cohort>.<format>, under the output policy); the path as shown."""
    content = report(programme, today, cohort, fmt)
    target = storage.output_file(programme.root, output, default_output(cohort, programme, fmt))
    storage.write_outputs({target: content}, force)
    return target.shown
