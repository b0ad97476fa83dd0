"""`import` from start to end: read the export, choose the mapping, plan the changes, write them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.ingest import plan as ingest_plan
from mentorat_cli.ingest import sheet
from mentorat_cli.ingest.mapping import default_mapping, load_mapping
from mentorat_cli.ingest.plan import ImportPlan
from mentorat_cli.ingest.state import load_state
from mentorat_cli.ingest.template import template
from mentorat_cli.io import storage
from mentorat_cli.load.tabular import Table


def read_export(path: Path) -> Table:
    """The form export's table; an unreadable one raises TabularError, its Problems naming file, row and column."""
    return sheet.read(path, path.name)


@dataclass
class TemplateWritten:
    """The mapping file written by --template, and how much of it is left to the coordinator."""

    path: Path
    known: int  # headers recognised
    total: int
    unknown: int  # answers with no value yet (`: null`)
    check: int  # guesses to check (`# check`)


def write_template(programme: Programme, table: Table, role: str, output: Optional[str], force: bool) -> TemplateWritten:
    """Write the starter mapping for `table` (the programme's themes and publics are the values answers map to)."""
    target = storage.output_file(programme.root, output, "import-mapping.yaml")
    if target.path.exists() and not force:
        raise MentoratError(text("import-template-exists", path=target.shown), text("import-template-exists-hint"))
    content = template(table, role, programme.config)
    known = len(default_mapping(table.headers, role, programme.config).columns)
    storage.write_outputs({target: content}, force)
    entries = [line for line in content.splitlines() if line.startswith("      ")]
    unknown = sum(1 for line in entries if line.split("#")[0].rstrip().endswith(": null"))
    check = sum(1 for line in entries if "# check" in line)
    return TemplateWritten(target.path, known, len(table.headers), unknown, check)


def prepare(
    programme: Programme,
    file: Path,
    table: Table,
    role: str,
    mapping: Optional[Path],
    *,
    today: dt.date,
    force: bool,
    status: Optional[str],
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """The import's plan; an error when a required column is missing or the file has no rows.
    `force` takes the source's value over a hand edit; `status` is that of the people created;
    `progress(done, total)` hears of the rows read."""
    config = programme.config
    chosen = load_mapping(mapping, role, config) if mapping else default_mapping(table.headers, role, config)
    missing = ingest_plan.required_missing(table, chosen)
    if missing:
        raise MentoratError(
            text("import-required-column", file=file.name, field=missing[0], headers=", ".join(table.headers)),
            text("import-required-column-hint", file=file, role=role),
        )
    if not table.rows:
        raise MentoratError(text("import-no-rows", file=file.name), text("import-no-rows-hint"))
    # Through the module: its name is the one a test patches to act between planning and writing.
    return ingest_plan.plan_import(programme, table, role, chosen, load_state(programme.root), today, force, status, file.name, progress)


def write(root: Path, plan: ImportPlan) -> None:
    """Write the created and updated profiles (an updated one keeps the comments people wrote in it)."""
    files = plan.files(_originals(root, list(plan.records)))
    if files:
        storage.write_files(root, files)


def _originals(root: Path, paths: list[str]) -> dict[str, str]:
    """The current text of the profiles an import updates."""
    out = {}
    for path in paths:
        try:
            out[path] = (root / path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
    return out
