"""`survey import` from start to end: read the export, find the mapping (given or guessed), plan, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import EXIT_USAGE, BadInput, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest import sheet, survey, survey_mapping
from mentorat_cli.io import storage
from mentorat_cli.load import tabular, yamlio
from mentorat_cli.report import survey_template


def read(table_file: Path) -> tuple[tabular.Table | None, list[Problem]]:
    """The export's table, or the problem that stops reading it."""
    try:
        return sheet.read(table_file, str(table_file)), []
    except tabular.TabularError as exc:
        return None, list(exc.problems)


def write_template(programme: Programme, table: tabular.Table, output: Optional[Path], force: bool) -> str:
    """Write a starter mapping for this export (guessing what it can); the path as shown."""
    target = storage.output_file(programme.root, output, "survey-mapping.yaml")
    if target.path.exists() and not force:
        raise MentoratError(text("survey-template-exists", path=target.shown), text("survey-template-exists-hint"))
    storage.write_outputs({target: survey_template.template(table.headers, programme.config)}, force)
    return target.shown


@dataclass
class SurveyImport:
    """The plan, or why there is none: `problems` in the mapping (nothing planned) or in the rows (`plan.problems`)."""

    plan: survey.SurveyPlan | None
    problems: list[Problem] = field(default_factory=list)
    guessed: int | None = None  # columns the guessed mapping recognised (no --mapping given)


def _read_mapping(path: Path) -> str:
    """The mapping file's text; a file that cannot be read is a Problem on it (the line of a bad byte), a usage error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        # The system's words are English: the common case gets the run's language.
        reason = text("survey-mapping-absent") if isinstance(exc, FileNotFoundError) else exc.strerror or type(exc).__name__
        raise BadInput([P.make("survey-mapping-unreadable", str(path), reason=reason)], EXIT_USAGE) from None
    decoded, issue = yamlio.decode(raw)
    if decoded is None and issue is not None:
        raise BadInput([P.make(issue.code, str(path), issue.line, issue.column, **issue.values)], EXIT_USAGE)
    return decoded or ""


def prepare(programme: Programme, table: tabular.Table, table_file: Path, mapping_file: Optional[Path], force: bool) -> SurveyImport:
    """Plan the import of `table` with the mapping file, or, without one, the mapping of our own questionnaire."""
    if mapping_file is None:
        # Our own questionnaire's questions and answers are known: a form built from `survey blank` needs no mapping.
        guessed = survey_template.template(table.headers, programme.config)
        mapping, found = survey_mapping.load_mapping(guessed, "guessed mapping", programme, table, table_file.name)
        if mapping is None:
            raise MentoratError(text("survey-mapping-missing"), text("survey-mapping-missing-hint", file=table_file))
    else:
        mapping, found = survey_mapping.load_mapping(_read_mapping(mapping_file), str(mapping_file), programme, table, table_file.name)
        if mapping is None:
            return SurveyImport(None, found)
    plan = survey.plan(programme, table, mapping, str(table_file), force)
    return SurveyImport(plan, P.sort_problems(plan.problems), len(mapping.columns) if mapping_file is None else None)


def write(root: Path, plan: survey.SurveyPlan) -> None:
    """One feedback file per respondent (new, or replacing a different one with --force)."""
    if plan.write:
        storage.write_files(root, {path: survey.render(data) for path, data in plan.write.items()})
