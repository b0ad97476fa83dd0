"""`mentorat accept`: the coordinator accepts applications."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.applications import decide_applications
from mentorat_cli.cli.common import env_of
from mentorat_cli.core.choices import Role


def accept(
    ctx: typer.Context,
    ids: Optional[list[str]] = typer.Argument(None, metavar="ID...", help="Ids of the people accepted."),
    every: bool = typer.Option(False, "--all", help="Accept every applicant not decided yet."),
    role: Optional[Role] = typer.Option(None, "--role", help="Only mentors, or only mentees."),
    cohort: Optional[str] = typer.Option(None, "--cohort", help="Only people of this cohort."),
) -> None:
    """Accept applications: the people take part in the next `mentorat pair`."""
    decide_applications(env_of(ctx), ids or [], every, "accepted", None, role.value if role else None, cohort)


def register(app: typer.Typer) -> None:
    """Attach `accept`."""
    app.command("accept")(accept)
