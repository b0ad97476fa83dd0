"""`mentorat mail KIND`: e-mail drafts (.eml or one mbox) for the coordinator to review and send; nothing is sent."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli.cli.common import env_of
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.io import output, pairfile, storage
from mentorat_cli.load import repository
from mentorat_cli.render import mail

MAIL_FOLDER = "out/mail"

Kind = Enum("Kind", {k: k for k in mail.KINDS}, type=str)  # type: ignore[misc]


class MailFormat(str, Enum):
    eml = "eml"
    mbox = "mbox"


def _record_intros(programme: Programme, pairs: list[str], today: str) -> int:
    """Write `intro_drafted_on` in the pair files that do not have it yet (the first draft's date is kept)."""
    writes: dict[str, str] = {}
    with storage.lock(programme.root):
        for pid in pairs:
            record = programme.pairs[pid]
            if record.data.get("intro_drafted_on"):
                continue
            original = storage.inside(programme.root, record.path).read_text(encoding="utf-8-sig")
            data = pairfile.parse(original, record.path)
            writes[record.path] = pairfile.dump(pairfile.set_key(data, "intro_drafted_on", today), original)
        storage.write_files(programme.root, writes)
    return len(writes)


def mail_command(
    ctx: typer.Context,
    kind: Kind = typer.Argument(..., help="intro, received, accepted, declined, waiting, reminder, survey or thanks."),
    targets: Optional[list[str]] = typer.Argument(None, metavar="[PAIR|ID]...", help="Pair ids (intro, thanks) or people's ids."),
    every: bool = typer.Option(False, "--all", help="Everyone concerned (e.g. every confirmed pair for intro)."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help=f"Folder for the drafts (default: {MAIL_FOLDER}/)."),
    fmt: MailFormat = typer.Option(MailFormat.eml, "--format", help="eml: one file per message; mbox: one mailbox file."),
    link: Optional[str] = typer.Option(None, "--link", help="survey: the online questionnaire's address (else it is attached)."),
    force: bool = typer.Option(False, "--force", help="Replace drafts that already exist."),
) -> None:
    """Write e-mail drafts to review and send from your mail program; nothing is ever sent."""
    env = env_of(ctx)
    # intro records the draft's date in the pair files: it reads and writes them under the lock.
    with env.writing(active=kind.value == "intro"):
        # Only reminders look at meetings (note dates); no draft reads feedback.
        parts = repository.PEOPLE_AND_PAIRS | {"notes"} if kind.value == "reminder" else repository.PEOPLE_AND_PAIRS
        programme, _ = env.load(parts=parts)
        drafts = mail.select(programme, kind.value, targets or [], every, env.today)
        if not drafts:
            hint = {"intro": "mail-nobody-intro", "reminder": "mail-nobody-reminder"}.get(kind.value, "mail-nobody-person")
            env.info(text("mail-nobody", kind=kind.value))
            env.info(text(hint))
            raise typer.Exit(0)
        drafted = mail.compose(programme, drafts, env.today, link)
        folder = out if out is not None else programme.root / MAIL_FOLDER
        if fmt is MailFormat.mbox:
            name = f"{kind.value}-{env.today.isoformat()}.mbox"
            written = output.write_documents(programme.root, folder, {name: mail.mbox(drafted, env.today)}, force)
            env.info(text("mail-mbox-written", count=len(drafted), path=written / name))
        else:
            written = output.write_documents(programme.root, folder, {f"{d.stem}.eml": mail.eml(d) for d in drafted}, force)
            env.info(text("mail-written", count=len(drafted), folder=written))
        if kind.value == "intro":
            if not _pdf():
                env.info(text("mail-charter-html"))
            recorded = _record_intros(programme, [d.pair for d in drafted if d.pair], env.today.isoformat())
            if recorded:
                env.info(text("mail-intro-recorded", count=recorded))
    raise typer.Exit(0)


def _pdf() -> bool:
    from mentorat_cli.render import build

    return build.pdf_available()


def register(app: typer.Typer) -> None:
    """Attach `mail`."""
    app.command("mail")(mail_command)
