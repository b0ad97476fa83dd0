"""`mentorat mail KIND`: e-mail drafts (.eml or one mbox) for the coordinator to review and send; nothing is sent."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import Env, env_of
from mentorat_cli.core.choices import MailFormat, MailKind
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.followup import records
from mentorat_cli.render import mail
from mentorat_cli.render.mail import write as drafts_out
from mentorat_cli.render.mail.compose import Drafted

NOBODY_HINTS = {"intro": "mail-nobody-intro", "reminder": "mail-nobody-reminder"}


def mail_command(
    ctx: typer.Context,
    kind: MailKind = typer.Argument(..., help="intro, received, accepted, declined, waiting, reminder, survey or thanks."),
    targets: Optional[list[str]] = typer.Argument(None, metavar="[PAIR|ID]...", help="Pair ids (intro, thanks) or people's ids."),
    every: bool = typer.Option(False, "--all", help="Everyone concerned (e.g. every confirmed pair for intro)."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help=f"Folder for the drafts (default: {drafts_out.MAIL_FOLDER}/)."),
    fmt: MailFormat = typer.Option(MailFormat.eml, "--format", help="eml: one file per message; mbox: one mailbox file."),
    link: Optional[str] = typer.Option(None, "--link", help="survey: the online questionnaire's address (else it is attached)."),
    force: bool = typer.Option(False, "--force", help="Replace drafts that already exist."),
) -> None:
    """Write e-mail drafts to review and send from your mail program; nothing is ever sent."""
    env = env_of(ctx)
    # intro records the draft's date in the pair files: it reads and writes them under the lock.
    with env.writing(active=kind is MailKind.intro):
        programme, _ = env.load(parts=mail.parts_read(kind.value))
        drafts = mail.select(programme, kind.value, targets or [], every, env.today)
        if not drafts:
            env.info(text("mail-nobody", kind=kind.value))
            env.info(text(NOBODY_HINTS.get(kind.value, "mail-nobody-person")))
            raise typer.Exit(0)
        drafted = mail.compose(programme, drafts, env.today, link)
        written = drafts_out.write(programme, kind.value, drafted, out, fmt.value, force, env.today)
        if written.mbox:
            env.info(text("mail-mbox-written", count=written.count, path=written.path))
        else:
            env.info(text("mail-written", count=written.count, folder=written.path))
        if kind is MailKind.intro:
            _intros_drafted(env, programme, drafted)
    raise typer.Exit(0)


def _intros_drafted(env: Env, programme: Programme, drafted: list[Drafted]) -> None:
    """Say when the charter is attached as HTML (no PDF engine), and record the draft's date in the pair files."""
    if not _pdf():
        env.info(text("mail-charter-html"))
    recorded = records.record_intros(programme, [d.pair for d in drafted if d.pair], env.today.isoformat())
    if recorded:
        env.info(text("mail-intro-recorded", count=recorded))


def _pdf() -> bool:
    from mentorat_cli.render import build

    return build.pdf_available()


def register(app: typer.Typer) -> None:
    """Attach `mail`."""
    app.command("mail")(mail_command)
