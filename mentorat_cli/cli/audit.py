"""`mentorat audit`: the programme against the quality label's six stages, with the files to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, env_of, lazy, print_problems
from mentorat_cli.core import formatting
from mentorat_cli.core.choices import TextOrJson
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.load import usable

# pandas loads only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.report import assess as assessing
    from mentorat_cli.report import audit
else:
    assessing = lazy("mentorat_cli.report.assess")
    audit = lazy("mentorat_cli.report.audit")


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
    found = assessing.assess(programme, env.today, cohort)
    if found.problems:
        print_problems(found.problems)
        raise typer.Exit(1)
    if fmt is TextOrJson.json:
        typer.echo(audit.to_json(found.results, found.source), nl=False)
    else:
        env.detail(text("audit-source", path=found.source))
        _print_audit(env, found.results)
        typer.echo(text("audit-summary", **found.counts()))
    raise typer.Exit(1 if strict and found.counts()["missing"] else 0)


def register(app: typer.Typer) -> None:
    """Attach `audit`."""
    app.command("audit")(audit_command)
