"""`mentorat decline`: the coordinator refuses applications, or puts them on the waiting list."""

from __future__ import annotations

import typer

from mentorat_cli.cli.applications import decide_applications
from mentorat_cli.cli.common import env_of
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text


def decline(
    ctx: typer.Context,
    ids: list[str] = typer.Argument(..., metavar="ID...", help="Ids of the people concerned."),
    reason: str = typer.Option(..., "--reason", help="Why, in a few words (kept in the profile, never sent)."),
    waiting: bool = typer.Option(False, "--waiting", help="Put on the waiting list instead of refusing."),
) -> None:
    """Refuse applications, or put them on the waiting list with --waiting."""
    if not " ".join(reason.split()):
        raise MentoratError(text("select-reason-empty"), text("select-reason-empty-hint"))
    decide_applications(env_of(ctx), ids, False, "waitlisted" if waiting else "declined", " ".join(reason.split()), None, None)


def register(app: typer.Typer) -> None:
    """Attach `decline`."""
    app.command("decline")(decline)
