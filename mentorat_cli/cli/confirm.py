"""`mentorat confirm`: turn proposals into decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import env_of, lazy
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import repository

# numpy and scipy load only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.pair import decide
else:
    decide = lazy("mentorat_cli.pair.decide")


def confirm(
    ctx: typer.Context,
    pairs: Optional[list[str]] = typer.Argument(None, metavar="PAIR", help="Pair ids (<mentee>--<mentor>)."),
    every: bool = typer.Option(False, "--all", help="Confirm every proposal."),
    force: bool = typer.Option(False, "--force", help="Confirm even if a rule or a capacity is broken."),
) -> None:
    """Turn proposals into decisions (status: confirmed, with today's date)."""
    env = env_of(ctx)
    if not pairs and not every:
        raise MentoratError(text("confirm-none"), text("confirm-none-hint"))
    with env.writing():
        prog, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
        writes = decide.confirm(prog, pairs or [], every, env.today, force)
        if not writes:
            env.info(text("confirm-nothing"))
            raise typer.Exit(0)
        storage.write_files(prog.root, writes)
    env.info(text("confirm-done", count=len(writes)))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `confirm`."""
    app.command("confirm")(confirm)
