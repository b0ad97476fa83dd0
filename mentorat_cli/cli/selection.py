"""`mentorat accept` and `mentorat decline`: the coordinator's decision on applications."""

from __future__ import annotations

from enum import Enum
from typing import Optional

import typer

from mentorat_cli.cli.common import Env, env_of
from mentorat_cli.core import formatting
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.ingest import selection
from mentorat_cli.io import storage


class Role(str, Enum):
    mentor = "mentor"
    mentee = "mentee"


def _apply(env: Env, ids: list[str], every: bool, status: str, reason: Optional[str], role: Optional[Role], cohort: Optional[str]) -> None:
    if ids and every:
        raise MentoratError(text("select-all-with-ids"), text("select-none-hint"))
    if not ids and not every:
        raise MentoratError(text("select-none"), text("select-none-hint"))
    with env.writing():
        programme, _ = env.load()
        result = selection.decide(programme, ids, every, status, reason, env.today, role.value if role else None, cohort)
        label = text(f"select-status-{status}")
        if result.unchanged:
            env.info(text("select-unchanged", status=label, ids=", ".join(result.unchanged)))
        if not result.writes:
            if not result.unchanged:
                env.info(text("select-nothing"))
            raise typer.Exit(0)
        storage.write_files(programme.root, result.writes)
    env.info(text("select-done", status=label, count=len(result.decided), date=formatting.long_date(env.today, language())))
    if status == "accepted":
        env.info(text("select-next-accepted"))
    raise typer.Exit(0)


def accept(
    ctx: typer.Context,
    ids: Optional[list[str]] = typer.Argument(None, metavar="ID...", help="Ids of the people accepted."),
    every: bool = typer.Option(False, "--all", help="Accept every applicant not decided yet."),
    role: Optional[Role] = typer.Option(None, "--role", help="Only mentors, or only mentees."),
    cohort: Optional[str] = typer.Option(None, "--cohort", help="Only people of this cohort."),
) -> None:
    """Accept applications: the people take part in the next `mentorat pair`."""
    _apply(env_of(ctx), ids or [], every, "accepted", None, role, cohort)


def decline(
    ctx: typer.Context,
    ids: list[str] = typer.Argument(..., metavar="ID...", help="Ids of the people concerned."),
    reason: str = typer.Option(..., "--reason", help="Why, in a few words (kept in the profile, never sent)."),
    waiting: bool = typer.Option(False, "--waiting", help="Put on the waiting list instead of refusing."),
) -> None:
    """Refuse applications, or put them on the waiting list with --waiting."""
    if not " ".join(reason.split()):
        raise MentoratError(text("select-reason-empty"), text("select-reason-empty-hint"))
    _apply(env_of(ctx), ids, False, "waitlisted" if waiting else "declined", " ".join(reason.split()), None, None)


def register(app: typer.Typer) -> None:
    """Attach `accept` and `decline`."""
    app.command("accept")(accept)
    app.command("decline")(decline)
