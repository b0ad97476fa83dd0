"""`mentorat pair`: propose the optimal pairs, explain one, or show the change a run would make."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, after_load, env_of, lazy
from mentorat_cli.core import formatting
from mentorat_cli.core import problems as P
from mentorat_cli.core.choices import Objective
from mentorat_cli.core.errors import ProblemsFound
from mentorat_cli.core.i18n import language
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.ingest import selection
from mentorat_cli.io import storage
from mentorat_cli.load import repository
from mentorat_cli.pair import rerun

# numpy and scipy load only when a pairing command runs (an unchanged run answers without them).
if TYPE_CHECKING:
    from mentorat_cli.io import gitcommit
    from mentorat_cli.pair import explain, plan, propose
else:
    explain = lazy("mentorat_cli.pair.explain")
    gitcommit = lazy("mentorat_cli.io.gitcommit")
    plan = lazy("mentorat_cli.pair.plan")
    propose = lazy("mentorat_cli.pair.propose")

OBJECTIVE_HELP = "total: most pairs, then the best total score; fair: most pairs, then the best lowest score, then the total."


@dataclass
class Asked:
    """The options of one `pair` run."""

    objective: str
    k: int
    force: bool
    dry_run: bool
    show_diff: bool
    commit: bool
    explain: Optional[str]
    mentor: Optional[str]
    started: float


class Said:
    """What a run prints (info and detail lines), kept so that an unchanged run can say it again."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self.lines: list[list[object]] = []

    def __call__(self, level: str, key: str, **values: object) -> None:
        self.lines.append([level, key, values])
        (self.env.info if level == "info" else self.env.detail)(text(key, **values))

    def all(self, lines: list[rerun.Line]) -> None:
        for level, key, values in lines:
            self(level, key, **values)


def pair(
    ctx: typer.Context,
    objective: Objective = typer.Option(Objective.total, "--objective", help=OBJECTIVE_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the proposed pairs and the summary; write nothing."),
    show_diff: bool = typer.Option(False, "--diff", help="With --dry-run: print the full change as a diff."),
    commit: bool = typer.Option(False, "--commit", help="Commit the proposal on a new git branch (the message names no one)."),
    force: bool = typer.Option(False, "--force", help="Also recompute proposals that were edited by hand."),
    explain_mentee: Optional[str] = typer.Option(
        None, "--explain", metavar="MENTEE", help="Explain the proposal for this mentee (with --why-not: compared with that mentor)."
    ),
    why_not: Optional[str] = typer.Option(None, "--why-not", metavar="MENTOR", help="With --explain: why not this mentor."),
    mentor: Optional[str] = typer.Argument(None, metavar="MENTOR", hidden=True),  # the older `--explain MENTEE MENTOR`
    k: int = typer.Option(
        40,
        "--candidates",  # plan.DEFAULT_K, written out so that scipy loads lazily
        help="Mentors kept per mentee before solving (the result is proved optimal anyway).",
    ),
) -> None:
    """Propose the optimal pairs, each explained, as files to review (status: proposed)."""
    env = env_of(ctx)
    if None not in (mentor, why_not) and mentor != why_not:
        raise typer.BadParameter(text("pair-two-mentors"), param_hint="--why-not")
    mentor = why_not or mentor
    if mentor is not None and explain_mentee is None:
        raise typer.BadParameter(text("pair-mentor-without-explain"), param_hint="--why-not")
    asked = Asked(objective.value, k, force, dry_run, show_diff, commit, explain_mentee, mentor, time.perf_counter())
    # The lock is taken before reading: a confirm or a contact recorded meanwhile waits, and is not lost.
    # pair writes only proposals and pairing.yaml: its guard need not stat every note.
    with env.writing(active=not dry_run and explain_mentee is None, folders=("pairs",)):
        _pair(env, asked)
    raise typer.Exit(0)


def _pair(env: Env, asked: Asked) -> None:
    # A plain run whose inputs and options are those the last run left answers from its record.
    # The language too: what it says again is worded in the language of the run that said it.
    options: dict[str, object] = {"objective": asked.objective, "k": asked.k, "force": asked.force}
    options.update({"today": env.today.isoformat(), "language": language()})
    plain = asked.explain is None and not asked.dry_run and not asked.commit and env.cache
    found = _replayed(env, options, asked.started) if plain else {}
    if found is None:
        return
    programme, solved = _solve(env, asked)
    if asked.explain is not None:
        typer.echo("\n".join(explain.explain(programme, solved, asked.explain, asked.mentor)))
        return
    say = Said(env)
    if solved.setup.mentees and not solved.setup.capacity.any():
        say("info", "pair-no-mentor")
    proposed = propose.files(programme, solved, env.today, asked.objective)
    for pid in solved.setup.kept:
        say("info", "pair-kept-edited", pair=pid)
    if asked.dry_run:
        _dry_run(env, say, programme, solved, proposed, asked)
        return
    _write(say, programme, solved, proposed, asked)
    if plain:
        changed = (proposed.writes, proposed.changes.removes)
        rerun.remember(programme.root, found, options, changed, say.lines, bool(proposed.changes.figures["proposed"]))
    if asked.commit:
        _commit(env, programme, proposed, asked)


def _replayed(env: Env, options: dict[str, object], started: float) -> dict[str, list[object]] | None:
    """The digests of the run's inputs; None when the last run's record answered (said again)."""
    found, said = rerun.check(env.root(), options)
    if said is None:
        return found
    for level, key, values in said:
        if "seconds" in values:
            values["seconds"] = formatting.seconds(time.perf_counter() - started, language())
        (env.info if level == "info" else env.detail)(text(key, **values))
    env.detail(text("pair-replayed"))
    return None


def _solve(env: Env, asked: Asked) -> tuple[Programme, plan.Run]:
    """The programme (tolerating only the errors this run's own outdated proposals cause), solved."""
    programme, found = env.read(env.root(), repository.PEOPLE_AND_PAIRS)
    after_load()
    if propose.blocking(programme, found):
        raise ProblemsFound(P.sort_problems(found))
    setup = plan.setup(programme, asked.force)
    return programme, propose.run(setup, asked.objective, asked.k, _progress(env, len(setup.mentees) * len(setup.mentors)))


def _progress(env: Env, size: int):  # type: ignore[no-untyped-def]
    """A stderr progress printer for long runs (none in -q or for small programmes)."""
    if env.quiet or size < 5_000_000:
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth != last[0]:
            last[0] = tenth
            typer.echo(text("pair-progress", done=done, total=total), err=True)

    return show


def _dry_run(env: Env, say: Said, programme: Programme, solved: plan.Run, proposed: propose.Proposed, asked: Asked) -> None:
    if asked.show_diff:
        sys.stdout.write(propose.diff(programme.root, proposed))
    else:
        for line in propose.table(proposed):
            env.info(line)
    # The summary last: what a person reads last stays on screen.
    say.all(propose.summary(solved, proposed.changes, asked.objective, time.perf_counter() - asked.started))
    _applicants(say, programme)
    env.info(text("pair-dry-run"))


def _write(say: Said, programme: Programme, solved: plan.Run, proposed: propose.Proposed, asked: Asked) -> None:
    if asked.commit:
        gitcommit.check(programme.root)  # before anything is written
    changes = proposed.changes
    storage.write_files(programme.root, proposed.writes, removes=changes.removes)
    say.all(propose.summary(solved, changes, asked.objective, time.perf_counter() - asked.started))
    _applicants(say, programme)
    if proposed.writes or changes.removes:
        say("info", "pair-files", written=len(proposed.writes), removed=len(changes.removes))
    else:
        say("info", "pair-unchanged" if changes.figures["proposed"] else "pair-unchanged-plain")


def _applicants(say: Said, programme: Programme) -> None:
    """Applications not decided yet are left out of pairing: say how many, and the command that decides."""
    waiting = len(selection.applicants(programme))
    if waiting:
        say("info", "pair-applicants", count=waiting)


def _commit(env: Env, programme: Programme, proposed: propose.Proposed, asked: Asked) -> None:
    """Commit the proposal on a new branch; no branch when nothing is new."""
    branch = propose.commit(programme, proposed, asked.objective, env.today)
    if branch is None:
        env.info(text("pair-commit-nothing"))
    else:
        env.info(text("git-branch", branch=branch) if branch else text("git-nothing"))


def register(app: typer.Typer) -> None:
    """Attach `pair`."""
    app.command("pair")(pair)
