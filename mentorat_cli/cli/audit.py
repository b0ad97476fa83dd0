"""`mentorat audit`: the programme against the quality label's six stages, with the files to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, env_of, lazy, print_problems
from mentorat_cli.core.choices import TextOrJson
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.load import usable

# pandas loads only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.report import audit, frames
else:
    audit = lazy("mentorat_cli.report.audit")
    frames = lazy("mentorat_cli.report.frames")


FIX_SHOWN = 10  # files listed per missing criterion (all of them with --verbose)


def _print_audit(env: Env, results: list[audit.Result]) -> None:
    stage = None
    for result in results:
        if result.stage != stage:
            stage = result.stage
            typer.echo(text("audit-stage", title=stage))
        if result.base:
            evidence = text(
                "audit-evidence", value=result.met, base=result.base, pct=100 * result.met // result.base, threshold=f"{result.threshold:g}"
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


def register(app: typer.Typer) -> None:
    """Attach `audit`."""
    app.command("audit")(audit_command)
