"""Drafts -> RFC 5322 messages built with Python's `email` package (UTF-8), as .eml bytes or one mbox."""

from __future__ import annotations

import datetime as dt
import email.errors
import email.policy
import hashlib
import io
import re
from dataclasses import dataclass
from email.generator import BytesGenerator
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from mentorat_cli.check.crossfile import Locator
from mentorat_cli.core import formatting, labels
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import BadInput
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import resources
from mentorat_cli.render import build, context
from mentorat_cli.render.mail.select import Draft
from mentorat_cli.render.templating import Renderer

SUBJECT = "Subject:"
# CRLF line ends as RFC 5322 wants; headers folded and non-ASCII words encoded (RFC 2047), bodies in UTF-8.
EML_POLICY = email.policy.SMTP
MBOX_POLICY = email.policy.default  # mbox files are Unix text: LF line ends


@dataclass
class Drafted:
    """A written-out draft: its file stem and message."""

    stem: str
    message: EmailMessage
    pair: str | None


class _Addresses:
    """Builds the messages' addresses; each one a header cannot hold becomes a Problem at its line, all reported at once."""

    def __init__(self, root: Path) -> None:
        self.where = Locator(root)
        self.problems: list[Problem] = []

    def __call__(self, name: str, addr: str, file: str, pointer: str = "/email") -> Address | None:
        try:
            return Address(display_name=name, addr_spec=addr)
        except (ValueError, IndexError, email.errors.HeaderParseError):
            if not any(p.file == file for p in self.problems):  # a person in several drafts: one problem
                self.problems.append(P.make("mail-bad-address", file, *self.where(file, pointer), pointer=pointer, email=addr))
            return None


def _person_context(record: Record, lang: str) -> dict[str, Any]:
    return context.person(record, lang)


def _values(programme: Programme, draft: Draft, lang: str, today: dt.date, link: str | None) -> dict[str, Any]:
    """What a mail template may use: the programme, the pair (as in charters) or the person, the alert."""
    values: dict[str, Any]
    if draft.pair is not None:
        values = context.charter_context(programme, draft.pair, lang, today)
    else:
        values = {"lang": lang, "today": formatting.long_date(today, lang), "programme": context.programme_fields(programme.config, lang)}
    person = draft.to[0]
    values.update(
        {
            "person": _person_context(person, lang),
            "role": person.kind,
            "people": [_person_context(r, lang) for r in draft.to],
            "registered_on": formatting.long_date(person.data.get("registered_on"), lang),
            "survey_link": link or "",
        }
    )
    alert = dict(draft.alert)
    for key in ("planned", "last_meeting"):
        if alert.get(key):
            alert[key] = formatting.long_date(alert[key], lang)
    values["alert"] = alert
    return values


def _split(rendered: str, renderer: Renderer, name: str, lang: str) -> tuple[str, str]:
    """(subject, body) of a rendered template whose first line is `Subject: ...`."""
    lines = rendered.lstrip("\n").split("\n")
    if not lines[0].startswith(SUBJECT):
        file, line = renderer.first_line(name, lang)
        raise BadInput([P.make("mail-template-subject", file, line, 1, name=name)])
    body = "\n".join(lines[1:]).strip("\n") + "\n"
    # Only ASCII blanks are squeezed: the no-break space before a French colon stays.
    return re.sub(r"[ \t\r]+", " ", lines[0][len(SUBJECT) :]).strip(" "), body


def _attach(message: EmailMessage, programme: Programme, draft: Draft, today: dt.date, link: str | None) -> None:
    if draft.kind == "intro" and draft.pair is not None:
        fmt = "pdf" if build.pdf_available() else "html"
        for name, content in build.charters(programme, [draft.pair], fmt, today).items():
            if isinstance(content, bytes):
                message.add_attachment(content, maintype="application", subtype="pdf", filename=name)
            else:
                message.add_attachment(content, subtype="html", filename=name)
    if draft.kind == "survey" and not link:
        from mentorat_cli.report import questionnaire  # jinja only; loaded when a survey mail is written

        role = draft.to[0].kind
        message.add_attachment(questionnaire.questionnaire(programme.config, role, "html"), subtype="html", filename=f"survey-{role}.html")


def compose(programme: Programme, drafts: list[Draft], today: dt.date, link: str | None = None) -> list[Drafted]:
    """Each draft as an e-mail message: from the coordinator, to the people, the coordinator in copy of introductions."""
    lang = labels.lang_of(programme.config)
    renderer = Renderer(programme.root, resources.data_dir("templates") / "mail")
    coordinator = programme.config.get("coordinator") or {}
    address = _Addresses(programme.root)
    # Without a coordinator address the drafts have no sender: the mail program fills it in.
    sender = (
        address(str(coordinator.get("name", "")), str(coordinator["email"]), "programme.yaml", "/coordinator/email")
        if coordinator.get("email")
        else None
    )
    out = []
    for draft in drafts:
        name = f"mail-{draft.kind}"
        subject, body = _split(renderer.render(name, lang, _values(programme, draft, lang, today, link), "md"), renderer, name, lang)
        message = EmailMessage(policy=EML_POLICY)
        message["Subject"] = subject
        if sender is not None:
            message["From"] = sender
        to = [
            address(f"{r.data.get('first_name', '')} {r.data.get('last_name', '')}".strip(), str(r.data.get("email", "")), r.path)
            for r in draft.to
        ]
        if address.problems:
            continue  # nothing is written when an address is wrong; the next drafts are still checked
        message["To"] = [a for a in to if a is not None]
        if draft.kind == "intro" and sender is not None:
            message["Cc"] = sender
        # A fixed hour and a stable id: the same data gives the same bytes.
        message["Date"] = format_datetime(dt.datetime(today.year, today.month, today.day, 9, 0, tzinfo=dt.UTC))
        message["Message-ID"] = f"<{draft.stem}.{today:%Y%m%d}@mentorat.invalid>"
        message["X-Unsent"] = "1"  # Outlook opens the file as a message to send, not a received one
        message.set_content(body, charset="utf-8")
        _attach(message, programme, draft, today, link)
        if message.is_multipart():
            message.set_boundary("==mentorat-" + hashlib.sha256(draft.stem.encode()).hexdigest()[:24])
        out.append(Drafted(draft.stem, message, draft.pair.id if draft.pair is not None else None))
    if address.problems:
        raise BadInput(P.sort_problems(address.problems))
    return out


def eml(drafted: Drafted) -> bytes:
    """The draft as an .eml file (CRLF line ends)."""
    return drafted.message.as_bytes(policy=EML_POLICY)


def mbox(drafted: list[Drafted], today: dt.date) -> bytes:
    """Every draft in one mbox file, for reviewing a batch in a mail program."""
    buffer = io.BytesIO()
    stamp = dt.datetime(today.year, today.month, today.day, 9, 0).strftime("%a %b %d %H:%M:%S %Y")
    for one in drafted:
        buffer.write(f"From mentorat@mentorat.invalid {stamp}\n".encode("ascii"))
        BytesGenerator(buffer, mangle_from_=True, policy=MBOX_POLICY).flatten(one.message)
        buffer.write(b"\n")
    return buffer.getvalue()
