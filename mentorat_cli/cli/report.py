"""`mentorat report`, `mentorat audit`, `mentorat survey import|blank`: evaluation commands."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, TextOrJson, env_of, lazy, print_error, print_problems
from mentorat_cli.core import formatting
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import storage
from mentorat_cli.load import tabular, usable

# pandas and matplotlib load only when an evaluation command runs.
if TYPE_CHECKING:
    from mentorat_cli.ingest import survey
    from mentorat_cli.report import audit, build, frames, questionnaire, survey_template
else:
    audit = lazy("mentorat_cli.report.audit")
    build = lazy("mentorat_cli.report.build")
    frames = lazy("mentorat_cli.report.frames")
    questionnaire = lazy("mentorat_cli.report.questionnaire")
    survey = lazy("mentorat_cli.ingest.survey")
    survey_template = lazy("mentorat_cli.report.survey_template")


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    xlsx = "xlsx"


FORCE_OPT = typer.Option(False, "--force", help="Replace the file if it already exists.")


def report(
    ctx: typer.Context,
    cohort: Optional[str] = typer.Option(None, "--cohort", help="Cohort to report on (default: the programme's cohort)."),
    fmt: ReportFormat = typer.Option(ReportFormat.md, "--format", help="md, html (charts inline) or xlsx."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: out/report-<cohort>.<format>)."),
    force: bool = FORCE_OPT,
) -> None:
    """Write the end-of-programme report: participants, pairs, meetings, satisfaction, objectives."""
    env = env_of(ctx)
    programme, _warnings = env.load()  # figures for funders: a record left aside would make them wrong
    root = programme.root
    content = build.report(programme, env.today, cohort, fmt.value)
    target = storage.output_file(root, output, build.default_output(cohort, programme, fmt.value))
    storage.write_outputs({target: content}, force)
    env.info(text("report-written", path=target.shown))
    raise typer.Exit(0)


FIX_SHOWN = 10  # files listed per missing criterion (all of them with --verbose)


def _print_audit(env: Env, results: list[audit.Result]) -> None:
    stage = None
    for result in results:
        if result.stage != stage:
            stage = result.stage
            typer.echo(text("audit-stage", title=stage))
        if result.base:
            evidence = text(
                "audit-evidence",
                value=result.met,
                base=result.base,
                pct=formatting.percent(100 * result.met // result.base, language()),
                threshold=formatting.percent(result.threshold, language(), None),
            )
        else:
            evidence = text("audit-evidence-none")
        typer.echo(text(f"audit-{result.status}", label=result.label, evidence=evidence))
        if result.status == "missing":
            shown = result.to_fix if env.verbose else result.to_fix[:FIX_SHOWN]
            files = ", ".join(shown)
            if len(shown) < len(result.to_fix):
                files = text("audit-more", files=files, more=len(result.to_fix) - len(shown))
            typer.echo(text("audit-fix", files=files))


def audit_command(
    ctx: typer.Context,
    strict: bool = typer.Option(False, "--strict", help="Exit with code 1 when a criterion is missing (for CI)."),
    cohort: Optional[str] = typer.Option(None, "--cohort", help="Cohort to assess (default: the programme's cohort)."),
    fmt: TextOrJson = typer.Option(TextOrJson.text, "--format", help="text, or json for tools and CI."),
) -> None:
    """Assess the programme against the quality label's six stages, with the files to fix.

    Criteria come from audit/criteria.yaml in the programme folder if present, else from the bundled list.
    """
    env = env_of(ctx)
    programme, _warnings = env.load(usable.NOTHING)
    path, shown = audit.criteria_file(programme.root)
    stages, found = audit.load_criteria(path, shown)
    if found:
        print_problems(found)
        raise typer.Exit(1)
    if cohort is not None and cohort not in frames.cohorts(programme):
        raise MentoratError(
            text("report-unknown-cohort", cohort=cohort), text("report-unknown-cohort-hint", known=", ".join(frames.cohorts(programme)))
        )
    results = audit.evaluate(programme, stages, env.today, cohort)
    counts = {s: sum(1 for r in results if r.status == s) for s in ("met", "missing", "na")}
    if fmt is TextOrJson.json:
        typer.echo(audit.to_json(results, shown), nl=False)
    else:
        env.detail(text("audit-source", path=shown))
        _print_audit(env, results)
        typer.echo(text("audit-summary", **counts))
    raise typer.Exit(1 if strict and counts["missing"] else 0)


class Role(str, Enum):
    mentee = "mentee"
    mentor = "mentor"


class SurveyFormat(str, Enum):
    md = "md"
    html = "html"


def survey_blank(
    ctx: typer.Context,
    role: Role = typer.Option(Role.mentee, "--role", help="Whose questionnaire: mentee or mentor."),
    fmt: SurveyFormat = typer.Option(SurveyFormat.md, "--format", help="md, or html to print or put online."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: out/survey-<role>.<format>)."),
    force: bool = FORCE_OPT,
) -> None:
    """Write the end-of-programme questionnaire to send to mentees or mentors."""
    env = env_of(ctx)
    programme, _warnings = env.load(usable.NOTHING)
    content = questionnaire.questionnaire(programme.config, role.value, fmt.value)
    target = storage.output_file(programme.root, output, f"out/survey-{role.value}.{fmt.value}")
    storage.write_outputs({target: content}, force)
    env.info(text("survey-written", path=target.shown))
    raise typer.Exit(0)


def _read_mapping(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise MentoratError(text("survey-mapping-unreadable", path=path, reason=reason), text("survey-mapping-hint")) from None


def _write_template(env: Env, programme: Programme, table: tabular.Table, output: Optional[Path], force: bool) -> None:
    target = storage.output_file(programme.root, output, "survey-mapping.yaml")
    if target.path.exists() and not force:
        raise MentoratError(text("survey-template-exists", path=target.shown), text("survey-template-exists-hint"))
    storage.write_outputs({target: survey_template.template(table.headers, programme.config)}, force)
    env.info(text("survey-template-written", path=target.shown))


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
        try:
            table = tabular.read_table(table_file)
        except tabular.TabularError as exc:
            print_problems([P.make("survey-table", str(table_file), exc.row, exc.column, message=exc.message, hint=exc.hint)])
            raise typer.Exit(1) from None
        if template:
            _write_template(env, programme, table, output, force)
            raise typer.Exit(0)
        if mapping_file is None:
            # Our own questionnaire's questions and answers are known: a form built from `survey blank` needs no mapping.
            guessed = survey_template.template(table.headers, programme.config)
            mapping, found = survey.load_mapping(guessed, "guessed mapping", programme, table, table_file.name)
            if mapping is None:
                raise MentoratError(text("survey-mapping-missing"), text("survey-mapping-missing-hint", file=table_file))
            env.info(text("survey-mapping-guessed", count=len(mapping.columns), total=len(table.headers)))
        else:
            mapping_text = _read_mapping(mapping_file)
            mapping, found = survey.load_mapping(mapping_text, str(mapping_file), programme, table, table_file.name)
        if mapping is None:
            print_problems(found)
            raise typer.Exit(1)
        result = survey.plan(programme, table, mapping, str(table_file), force)
        if result.problems:
            print_problems(P.sort_problems(result.problems))
            print_error(text("survey-import-failed"))
            raise typer.Exit(1)
        for path in result.kept:
            env.info(text("survey-import-skip", path=path))
        counts = {"created": len(result.write), "unchanged": len(result.unchanged), "skipped": len(result.kept)}
        if dry_run:
            for path in sorted(result.write):
                env.info(path)
            env.info(text("survey-import-dry", **counts))
            raise typer.Exit(0)
        if result.write:
            storage.write_files(programme.root, {path: survey.render(data) for path, data in result.write.items()})
    env.info(text("survey-import-done", **counts))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach the evaluation commands."""
    app.command("report")(report)
    app.command("audit")(audit_command)
    group = typer.Typer(help="End-of-programme surveys: the blank questionnaire, and importing the answers.", no_args_is_help=True)
    group.command("blank")(survey_blank)
    group.command("import")(survey_import)
    app.add_typer(group, name="survey")
