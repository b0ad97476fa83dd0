"""`mentorat person show`: right of access, what the programme holds on a person."""

from __future__ import annotations

import typer

from mentorat_cli import privacy
from mentorat_cli.cli.common import env_of
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.ingest import state as ingest_state
from mentorat_cli.load import usable

person_app = typer.Typer(help="Right of access: what the programme holds on a person.", no_args_is_help=True)


@person_app.command("show")
def person_show(ctx: typer.Context, person_id: str = typer.Argument(..., metavar="ID", help="The person's id.")) -> None:
    """Print everything held on a person: profile, pairs, contacts, feedback, notes (metadata only)."""
    env = env_of(ctx)
    programme, _warnings = env.load(usable.person_needs(person_id))
    if programme.person(person_id) is None:
        raise MentoratError(text("person-unknown", id=person_id), text("person-unknown-hint"))
    state = ingest_state.load_state(programme.root)
    for line in privacy.person_report(programme, person_id, set(state)):
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Attach `person` and its subcommand."""
    app.add_typer(person_app, name="person")
