"""Who gets which draft: each kind's recipients, from the pairs, the people's status and `status`'s alerts.

Only profile fields and note front matter (dates) are read: a draft never holds a meeting note's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core.choices import MailKind
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record
from mentorat_cli.followup import dashboard
from mentorat_cli.ingest import selection
from mentorat_cli.load import repository

PAIR_KINDS = ("intro", "thanks")
PERSON_KINDS = ("received", "accepted", "declined", "waiting", "survey")
KINDS = tuple(kind.value for kind in MailKind)  # the choices of `mentorat mail`, defined once
# The status a person must have for each decision e-mail.
STATUS_FOR = {"accepted": "accepted", "declined": "declined", "waiting": "waitlisted"}
_GONE = ("withdrawn", "erased")


@dataclass
class Draft:
    """One e-mail to write: its kind, the file stem, the people it goes to, the pair and alert it is about."""

    kind: str
    stem: str
    to: list[Record]
    pair: Record | None = None
    alert: dict[str, Any] = field(default_factory=dict)


def _introduced(pair: Record) -> bool:
    return pair.data["status"] == "confirmed" or (
        pair.data["status"] == "ended" and bool(pair.data.get("confirmed_on") or pair.data.get("started_on"))
    )


def _pair_ok(kind: str, pair: Record) -> str | None:
    """Why this pair cannot get this kind of e-mail (None: it can)."""
    status = pair.data["status"]
    if kind == "intro" and status != "confirmed":
        return text("mail-why-not-confirmed", status=status)
    if kind == "thanks" and not _introduced(pair):
        return text("mail-why-not-confirmed", status=status)
    return None


def _person_ok(kind: str, programme: Programme, person: Record) -> str | None:
    status = selection.status_of(person)
    wanted = STATUS_FOR.get(kind)
    if (wanted and status != wanted) or status in _GONE:
        return text("mail-why-status", status=status)
    if kind == "survey" and not _people_pairs(programme, person):
        return text("mail-why-status", status=status)
    return None


def _people_pairs(programme: Programme, person: Record) -> list[Record]:
    return [p for _, p in sorted(programme.pairs.items()) if p.data.get(person.kind) == person.id and _introduced(p)]


def _both(programme: Programme, pair: Record) -> list[Record]:
    found = [programme.mentees.get(str(pair.data["mentee"])), programme.mentors.get(str(pair.data["mentor"]))]
    return [r for r in found if r is not None]


def _every(kind: str, programme: Programme) -> list[Draft]:
    if kind in PAIR_KINDS:
        pairs = [
            p
            for _, p in sorted(programme.pairs.items())
            if _pair_ok(kind, p) is None
            # Thanks at closure: pairs that went through the programme (an early end is named explicitly).
            and (kind != "thanks" or p.data.get("ended_by") == "completed")
        ]
        return [Draft(kind, f"{kind}-{p.id}", _both(programme, p), p) for p in pairs]
    people = [*(r for _, r in sorted(programme.mentees.items())), *(r for _, r in sorted(programme.mentors.items()))]
    if kind == "received":
        people = [r for r in people if selection.status_of(r) == selection.UNDECIDED]
    return [Draft(kind, f"{kind}-{r.id}", [r]) for r in people if _person_ok(kind, programme, r) is None]


def _named(kind: str, programme: Programme, targets: list[str]) -> list[Draft]:
    out = []
    for target in sorted(set(targets)):
        pair, person = programme.pairs.get(target), programme.person(target)
        if pair is None and person is None:
            raise MentoratError(text("mail-target-unknown", target=target), text("mail-target-unknown-hint"))
        if kind in PAIR_KINDS:
            why = text("mail-why-not-pair") if pair is None else _pair_ok(kind, pair)
        else:
            why = text("mail-why-not-pair") if person is None else _person_ok(kind, programme, person)
        if why is not None:
            raise MentoratError(
                text("mail-target-wrong", target=target, kind=kind, why=why),
                text("mail-target-wrong-hint", hint=text("mail-nobody-person")),
            )
        if pair is not None:
            out.append(Draft(kind, f"{kind}-{pair.id}", _both(programme, pair), pair))
        elif person is not None:
            out.append(Draft(kind, f"{kind}-{person.id}", [person]))
    return out


def _reminders(programme: Programme, today: dt.date, targets: list[str]) -> list[Draft]:
    """One draft per `status` alert: pairs without meetings, reviews and closings due, charters, training."""
    data = dashboard.build(programme, today)
    out: list[Draft] = []
    for code, rows in (("no-meeting", data["without_meeting"]), ("review-due", data["reviews_due"]), ("final-due", data["finals_due"])):
        for row in rows:
            pair = programme.pairs[row["pair"]]
            out.append(Draft("reminder", f"reminder-{code}-{pair.id}", _both(programme, pair), pair, {"code": code, **row}))
    for row in data["mentors_to_follow"]:
        mentor = programme.mentors[row["mentor"]]
        for pid in row["charter_unsigned"]:
            out.append(
                Draft(
                    "reminder",
                    f"reminder-charter-unsigned-{pid}",
                    [mentor],
                    programme.pairs[pid],
                    {"code": "charter-unsigned", "pair": pid},
                )
            )
        if row["not_trained"]:
            out.append(Draft("reminder", f"reminder-training-missing-{mentor.id}", [mentor], None, {"code": "training-missing"}))
    if targets:
        wanted = set(targets)
        unknown = [t for t in sorted(wanted) if t not in programme.pairs and programme.person(t) is None]
        if unknown:
            raise MentoratError(text("mail-target-unknown", target=unknown[0]), text("mail-target-unknown-hint"))
        out = [d for d in out if (d.pair is not None and d.pair.id in wanted) or any(r.id in wanted for r in d.to)]
    return sorted(out, key=lambda d: d.stem)


def select(programme: Programme, kind: str, targets: list[str], every: bool, today: dt.date) -> list[Draft]:
    """The drafts to write for `kind`: the targets named (pair or person ids), or everyone concerned."""
    if kind not in KINDS:
        raise MentoratError(text("mail-kind-unknown", kind=kind))
    if targets and every:
        raise MentoratError(text("mail-both"))
    if kind == "reminder":
        return _reminders(programme, today, targets)
    if not targets and not every:
        raise MentoratError(text("mail-nobody", kind=kind), text("mail-nobody-hint", hint=text("mail-nobody-person")))
    return _every(kind, programme) if every else _named(kind, programme, targets)


def parts_read(kind: str) -> frozenset[str]:
    """The folders a kind of draft reads: people and pairs; reminders also the notes (meeting dates); never feedback."""
    return repository.PEOPLE_AND_PAIRS | {"notes"} if kind == "reminder" else repository.PEOPLE_AND_PAIRS
