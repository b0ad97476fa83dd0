"""Where the drafts go: one .eml file per message, or one mbox file, in out/mail/ unless -o names a folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mentorat_cli.core.model import Programme
from mentorat_cli.io import output
from mentorat_cli.render.mail.compose import Drafted, eml, mbox

MAIL_FOLDER = "out/mail"


@dataclass
class Written:
    """How many drafts were written, and where: the mbox file, or the folder of .eml files."""

    count: int
    path: Path
    mbox: bool


def write(programme: Programme, kind: str, drafted: list[Drafted], folder: Path | None, fmt: str, force: bool, today: dt.date) -> Written:
    """Write the drafts (never over an existing one without `force`)."""
    folder = folder if folder is not None else programme.root / MAIL_FOLDER
    if fmt == "mbox":
        name = f"{kind}-{today.isoformat()}.mbox"
        written = output.write_documents(programme.root, folder, {name: mbox(drafted, today)}, force)
        return Written(len(drafted), written / name, True)
    written = output.write_documents(programme.root, folder, {f"{d.stem}.eml": eml(d) for d in drafted}, force)
    return Written(len(drafted), written, False)
