"""What `accept` and `decline` share: record a decision on applications, and say what changed."""

from __future__ import annotations

from typing import Optional

import typer

from mentorat_cli.cli.common import Env
from mentorat_cli.core import formatting
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.ingest import selection
from mentorat_cli.io import storage
from mentorat_cli.load import repository


def decide_applications(
    env: Env, ids: list[str], every: bool, status: str, reason: Optional[str], role: Optional[str], cohort: Optional[str]
) -> None:
    """`accept` and `decline`: record the decision on the chosen applications, and say what changed."""
    if ids and every:
        raise MentoratError(text("select-all-with-ids"), text("select-none-hint"))
    if not ids and not every:
        raise MentoratError(text("select-none"), text("select-none-hint"))
    with env.writing():
        programme, _ = env.load(parts=repository.PEOPLE)  # a decision reads profiles only
        result = selection.decide(programme, ids, every, status, reason, env.today, role, cohort)
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
