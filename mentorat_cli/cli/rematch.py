"""`mentorat rematch`: end a pair and propose a new mentor for the mentee."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from mentorat_cli.cli.common import env_of, lazy
from mentorat_cli.core import formatting
from mentorat_cli.core.choices import EndedBy, Objective
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import repository

# numpy and scipy load only when the command runs.
if TYPE_CHECKING:
    from mentorat_cli.pair import decide, proposal
else:
    decide = lazy("mentorat_cli.pair.decide")
    proposal = lazy("mentorat_cli.pair.proposal")


def rematch(
    ctx: typer.Context,
    pair_id: str = typer.Argument(..., metavar="PAIR", help="The pair to end (<mentee>--<mentor>)."),
    reason: str = typer.Option(..., "--reason", help="Why it ends (no personal details: it is kept in the file)."),
    by: EndedBy = typer.Option(EndedBy.coordinator, "--by", help="Who asked to end it."),
    objective: Objective = typer.Option(Objective.total, "--objective", help="As for `mentorat pair`."),
) -> None:
    """End a pair (date, reason) and propose a new mentor for the mentee, never the previous one."""
    env = env_of(ctx)
    with env.writing():
        prog, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
        writes, removes, run, new = decide.rematch(prog, pair_id, reason, by.value, env.today, objective.value)
        storage.write_files(prog.root, writes, removes=removes)
    env.info(text("rematch-ended", pair=pair_id, date=formatting.long_date(env.today, language())))
    if new is not None:
        env.info(text("rematch-proposed", pair=new["pair"], score=formatting.number(new["score"], language(), 2)))
    else:
        rows = proposal.unmatched(run)
        reason_ = proposal.reason_text(rows[0], run.setup.config) if rows else text("unmatched-no-mentor")
        env.info(text("rematch-none", mentee=prog.pairs[pair_id].data["mentee"], reason=reason_))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Attach `rematch`."""
    app.command("rematch")(rematch)
