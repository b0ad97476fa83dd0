"""Commands degrade, they do not refuse: the records a command can use, and the files it leaves aside.

A record with an error (or one that needs such a record: a pair whose mentor
file is broken, the notes of a broken pair) is taken out of the programme the
command sees, and named in one short line. A command refuses only when the
files it needs for its own job are among them, or when programme.yaml has
errors (every command needs it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import ProblemsFound
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem

PROGRAMME_FILE = "programme.yaml"
MAX_LINES = 10

# What a command needs: ALL (every file must be valid, e.g. `pair`), or a function
# giving the files it cannot do without (e.g. the pair and its two people for `charter P`).
Needs = Callable[[Programme], Iterable[str]] | str
ALL = "all"
NOTHING: Needs = lambda _programme: ()  # noqa: E731 - the common case: degrade on everything


@dataclass
class Aside:
    """The files a command left aside and why: its own first error, or the file it needs."""

    own: dict[str, Problem] = field(default_factory=dict)
    follows: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """One short line per file, at most MAX_LINES in all."""
        out = [text("aside-file", where=f"{p.file}:{p.line}" if p.line else p.file, message=p.message) for _, p in sorted(self.own.items())]
        out += [text("aside-follows", file=f, cause=cause) for f, cause in sorted(self.follows.items())]
        if len(out) > MAX_LINES:
            out = out[: MAX_LINES - 1] + [text("aside-more", count=len(out) - MAX_LINES + 1)]
        return out


def programme_errors(found: list[Problem]) -> list[Problem]:
    """programme.yaml's own errors (and warnings, for context)."""
    return [p for p in found if p.file == PROGRAMME_FILE]


def select(programme: Programme, found: list[Problem], needs: Needs) -> Aside:
    """Take every record with errors (and what needs them) out of `programme`; refuse if needed ones are bad."""
    own = programme_errors(found)
    if P.has_errors(own):
        raise ProblemsFound(own, text("programme-broken"), text("programme-broken-hint"))
    first: dict[str, Problem] = {}
    for problem in found:
        if problem.severity == P.ERROR and problem.file not in first:
            first[problem.file] = problem
    bad = set(first) | set(programme.broken)
    if needs == ALL:
        if bad:
            raise ProblemsFound(found)
        return Aside()
    assert callable(needs)
    wanted = set(needs(programme))  # asked before the bad records go: a broken pair still names its people
    aside = Aside(own={f: first[f] for f in sorted(bad) if f in first})
    _drop(programme, bad, aside)
    missing = sorted(f for f in wanted if f in bad or f in aside.follows)
    if missing:
        causes = set(missing) | {aside.follows[m] for m in missing if m in aside.follows}
        raise ProblemsFound(
            P.sort_problems(p for p in found if p.file in causes),
            text("needed-broken", files=", ".join(missing)),
            text("needed-broken-hint"),
        )
    return aside


def _drop(prog: Programme, bad: set[str], aside: Aside) -> None:
    """Remove the bad records, then those that need a removed one (pairs, then notes and feedback)."""
    for group in (prog.mentors, prog.mentees, prog.pairs, prog.feedback):
        for key in [k for k, r in group.items() if r.path in bad]:
            del group[key]
    for pid, pair in sorted(prog.pairs.items()):
        for role, group in (("mentee", prog.mentees), ("mentor", prog.mentors)):
            path = f"{role}s/{pair.data[role]}.yaml"
            if pair.data[role] not in group and path in bad:
                aside.follows.setdefault(pair.path, path)
                prog.pairs.pop(pid, None)
    for pid in list(prog.notes):
        folder_bad = f"notes/{pid}" in bad
        pair_gone = pid not in prog.pairs and f"pairs/{pid}.yaml" in bad | set(aside.follows)
        kept = []
        for note in prog.notes[pid]:
            if note.path in bad:
                continue
            if folder_bad or pair_gone:
                aside.follows[note.path] = f"notes/{pid}" if folder_bad else f"pairs/{pid}.yaml"
                continue
            kept.append(note)
        if kept:
            prog.notes[pid] = kept
        else:
            del prog.notes[pid]
    for key, record in sorted(prog.feedback.items()):
        pid = record.data.get("pair", "")
        if pid not in prog.pairs and f"pairs/{pid}.yaml" in bad | set(aside.follows):
            aside.follows[record.path] = f"pairs/{pid}.yaml"
            del prog.feedback[key]


def pair_needs(pair_id: str) -> Needs:
    """`charter P`, `sheet P`...: the pair's file and its two people's."""

    def needs(prog: Programme) -> list[str]:
        path = f"pairs/{pair_id}.yaml"
        pair = prog.pairs.get(pair_id)
        if pair is None:
            return [path]
        return [path, f"mentees/{pair.data['mentee']}.yaml", f"mentors/{pair.data['mentor']}.yaml"]

    return needs


def pair_or_nothing(pair_id: str | None) -> Needs:
    """One pair's files for a command on PAIR; nothing in particular with --all."""
    return pair_needs(pair_id) if pair_id else NOTHING


def person_needs(person_id: str) -> Needs:
    """`person show ID`: the person's own file (whichever folder it is in)."""
    return lambda _prog: [f"mentors/{person_id}.yaml", f"mentees/{person_id}.yaml"]
