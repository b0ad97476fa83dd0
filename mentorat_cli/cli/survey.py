"""`mentorat survey blank|import`: the end-of-programme questionnaire, and importing its answers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, env_of, lazy, print_error, print_problems
from mentorat_cli.cli.options import FORCE_FILE_OPT
from mentorat_cli.core.choices import PageFormat, Role
from mentorat_cli.core.messages import text
from mentorat_cli.load import usable

# pandas loads only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.ingest import survey
    from mentorat_cli.report import questionnaire
    from mentorat_cli.report import survey_import as surveying
else:
    questionnaire = lazy("mentorat_cli.report.questionnaire")
    survey = lazy("mentorat_cli.ingest.survey")
    surveying = lazy("mentorat_cli.report.survey_import")


def survey_blank(
    ctx: typer.Context,
    role: Role = typer.Option(Role.mentee, "--role", help="Whose questionnaire: mentee or mentor."),
    fmt: PageFormat = typer.Option(PageFormat.md, "--format", help="md, or html to print or put online."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: out/survey-<role>.<format>)."),
    force: bool = FORCE_FILE_OPT,
) -> None:
    """Write the end-of-programme questionnaire to send to mentees or mentors."""
    env = env_of(ctx)
    programme, _warnings = env.load(usable.NOTHING)
    env.info(text("survey-written", path=questionnaire.write(programme, role.value, fmt.value, output, force)))
    raise typer.Exit(0)


def survey_import(
    ctx: typer.Context,
    table_file: Path = typer.Argument(..., metavar="FILE", help="The form tool's export: .csv (any delimiter, UTF-8 or Windows) or .xlsx."),
    mapping_file: Optional[Path] = typer.Option(
        None, "--mapping", help="YAML file: columns: {header: field}, optional values: {field: {label: code}}."
    ),
    template: bool = typer.Option(False, "--template", help="Write a starter mapping for this export (guessing what it can), then stop."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="With --template: file to write (default: survey-mapping.yaml)."),
    force: bool = typer.Option(False, "--force", help="Replace responses that differ from the export (they may have been edited by hand)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be written; write nothing."),
) -> None:
    """Import survey responses exported from a form tool into feedback/ (one file per respondent)."""
    env = env_of(ctx)
    with env.writing(active=not dry_run):
        programme, _warnings = env.load()
        table, unreadable = surveying.read(table_file)
        if table is None:
            print_problems(unreadable)
            raise typer.Exit(1)
        if template:
            env.info(text("survey-template-written", path=surveying.write_template(programme, table, output, force)))
            raise typer.Exit(0)
        found = surveying.prepare(programme, table, table_file, mapping_file, force)
        if found.guessed is not None:
            env.info(text("survey-mapping-guessed", count=found.guessed, total=len(table.headers)))
        if found.plan is None or found.problems:
            print_problems(found.problems)
            if found.plan is not None:
                print_error(text("survey-import-failed"))
            raise typer.Exit(1)
        counts = _print_plan(env, found.plan, dry_run)
        if not dry_run:
            surveying.write(programme.root, found.plan)
    env.info(text("survey-import-dry" if dry_run else "survey-import-done", **counts))
    raise typer.Exit(0)


def _print_plan(env: Env, plan: survey.SurveyPlan, dry_run: bool) -> dict[str, int]:
    """The responses kept as edited, and with --dry-run the files that would be written; the counts."""
    for path in plan.kept:
        env.info(text("survey-import-skip", path=path))
    if dry_run:
        for path in sorted(plan.write):
            env.info(path)
    return {"created": len(plan.write), "unchanged": len(plan.unchanged), "skipped": len(plan.kept)}


def register(app: typer.Typer) -> None:
    """Attach `survey` and its subcommands."""
    group = typer.Typer(help="End-of-programme surveys: the blank questionnaire, and importing the answers.", no_args_is_help=True)
    group.command("blank")(survey_blank)
    group.command("import")(survey_import)
    app.add_typer(group, name="survey")
