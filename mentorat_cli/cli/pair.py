"""`mentorat pair`, `scores`, `confirm`, `rematch`: propose, audit and decide the pairs."""

from __future__ import annotations

import csv
import difflib
import hashlib
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from mentorat_cli.cli.common import Env, after_load, env_of, lazy
from mentorat_cli.core import formatting
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import EXIT_INTERNAL, MentoratError, ProblemsFound
from mentorat_cli.core.i18n import gettext, language
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.ingest import selection
from mentorat_cli.io import storage
from mentorat_cli.load import cache, repository, yamlio

# numpy and scipy load only when a pairing command runs.
if TYPE_CHECKING:
    from mentorat_cli.io import gitcommit
    from mentorat_cli.pair import decide, explain, plan, proposal, solve, table
else:
    decide = lazy("mentorat_cli.pair.decide")
    explain = lazy("mentorat_cli.pair.explain")
    gitcommit = lazy("mentorat_cli.io.gitcommit")
    plan = lazy("mentorat_cli.pair.plan")
    proposal = lazy("mentorat_cli.pair.proposal")
    solve = lazy("mentorat_cli.pair.solve")
    table = lazy("mentorat_cli.pair.table")

# What a plain `pair` run depends on: with the same bytes here and the same options, it says the same.
RUN_RECORD = "pair-run"
INPUT_FOLDERS = ("mentors", "mentees", "pairs")
INPUT_FILES = (repository.PROGRAMME_FILE, "pairing.yaml")

# Problems a new run fixes by itself when they come from a generated proposal.
REPLACEABLE = ("pair-rule", "pair-active-twice", "pair-person-inactive")
UNMATCHED_SHOWN = 20  # mentees named in the summary; pairing.yaml lists them all
TEXT_TABLE_LIMIT = 200_000  # rows: beyond this, aligned text is unreadable and slow; CSV streams
OBJECTIVE_HELP = "total: most pairs, then the best total score; fair: most pairs, then the best lowest score, then the total."


class Objective(str, Enum):
    total = "total"
    fair = "fair"


class ScoresFormat(str, Enum):
    text = "text"
    csv = "csv"


class EndedBy(str, Enum):
    coordinator = "coordinator"
    mentor = "mentor"
    mentee = "mentee"


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


class Said:
    """What a run prints (info and detail lines), kept so that an unchanged run can say it again."""

    def __init__(self, env: Env) -> None:
        self.env = env
        self.lines: list[list[object]] = []

    def __call__(self, level: str, key: str, **values: object) -> None:
        self.lines.append([level, key, values])
        (self.env.info if level == "info" else self.env.detail)(text(key, **values))


def _replay(env: Env, root: Path, record: object, found: dict[str, list[object]], options: dict[str, object], started: float) -> bool:
    """Say again what the last run said, if the inputs and options are byte for byte those it left."""
    if not isinstance(record, dict) or record.get("fingerprint") != cache.fingerprint(found, options):
        return False
    if record.get("files") != found:  # files read again can be trusted by their stat next time
        cache.write_blob(root, RUN_RECORD, {**record, "files": found})
    for level, key, values in record["said"]:
        if "seconds" in values:
            values["seconds"] = formatting.seconds(time.perf_counter() - started, language())
        (env.info if level == "info" else env.detail)(text(key, **values))
    return True


def _replayed(env: Env, options: dict[str, object], started: float) -> dict[str, list[object]] | None:
    """The digests of the run's inputs; None when the last run's record answered (said again)."""
    root = env.root()
    record = cache.read_blob(root, RUN_RECORD)
    known = record.get("files") if isinstance(record, dict) else None
    found = cache.digests(root, INPUT_FOLDERS, INPUT_FILES, known)
    if _replay(env, root, record, found, options, started):
        env.detail(text("pair-replayed"))
        return None
    return found


def _remember(
    root: Path,
    found: dict[str, list[object]],
    options: dict[str, object],
    writes: dict[str, str],
    removes: list[str],
    said: Said,
    proposed: bool,
) -> None:
    """Record the state this run leaves (the inputs read, updated by its own writes) and what it said."""
    after = dict(found)
    after.update({rel: [None, hashlib.sha256(body.encode("utf-8")).hexdigest()] for rel, body in writes.items()})
    for rel in removes:
        after.pop(rel, None)
    # Run again on that state, it would write nothing and say so instead of counting files.
    lines = [line for line in said.lines if line[1] != "pair-files"]
    if writes or removes:
        lines.append(["info", "pair-unchanged" if proposed else "pair-unchanged-plain", {}])
    cache.write_blob(root, RUN_RECORD, {"fingerprint": cache.fingerprint(after, options), "said": lines, "files": after})


def _load(env: Env) -> Programme:
    """The programme, tolerating only the errors that this run's own outdated proposals cause."""
    programme, found = env.read(env.root(), repository.PEOPLE_AND_PAIRS)
    after_load()
    blocking = [p for p in found if p.severity == P.ERROR and not _replaceable(programme, p)]
    if blocking:
        raise ProblemsFound(P.sort_problems(found))
    return programme


def _replaceable(programme: Programme, problem: Problem) -> bool:
    pid = problem.file[len("pairs/") : -len(".yaml")] if problem.file.startswith("pairs/") else ""
    pair = programme.pairs.get(pid)
    return problem.code in REPLACEABLE and pair is not None and pair.data["status"] == "proposed" and not plan.hand_edited(pair)


def _run(env: Env, setup: plan.Setup, objective: Objective, k: int) -> plan.Run:
    if k < 1:
        raise MentoratError(text("pair-k-invalid"))
    try:
        return plan.run(setup, objective.value, k, _progress(env, len(setup.mentees) * len(setup.mentors)))
    except solve.NotOptimal as exc:
        raise MentoratError(text("pair-optimality-failed", detail=exc), text("pair-optimality-failed-hint"), EXIT_INTERNAL) from None


def _old(root: Path, rel: str) -> str:
    path = root / rel
    # Only shown as a diff: a damaged file (not UTF-8) is shown damaged, not a crash.
    return path.read_bytes().decode("utf-8", errors="replace") if path.is_file() else ""


def _diff(root: Path, writes: dict[str, str], removes: list[str]) -> str:
    out: list[str] = []
    for rel in sorted([*writes, *removes]):
        old, new = _old(root, rel), writes.get(rel, "")
        out += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{rel}" if old else "/dev/null",
            f"b/{rel}" if rel in writes else "/dev/null",
        )
    return "".join(out)


TABLE_ROWS = 15


def _points(value: float) -> str:
    return formatting.number(value, language(), 2)  # 72,30 in French, 72.30 in English


def _proposed_table(env: Env, writes: dict[str, str]) -> None:
    """The proposals a dry run would write, as a short table (the full diff comes with --diff)."""
    rows = []
    for rel in sorted(writes):
        data, _issue = yamlio.load(writes[rel]) if rel.startswith("pairs/") else (None, None)
        if isinstance(data, dict) and data.get("status") == "proposed":
            rows.append((str(data.get("mentee")), str(data.get("mentor")), _points(float(data.get("score", 0)))))
    if not rows:
        return
    head = text("pair-table-head").split("|")
    width = [max(len(head[c]), *(len(r[c]) for r in rows[:TABLE_ROWS])) for c in range(3)]
    env.info(f"  {head[0]:<{width[0]}}  {head[1]:<{width[1]}}  {head[2]:>{width[2]}}")
    for mentee, mentor, score in rows[:TABLE_ROWS]:
        env.info(f"  {mentee:<{width[0]}}  {mentor:<{width[1]}}  {score:>{width[2]}}")
    if len(rows) > TABLE_ROWS:
        env.info(text("pair-table-more", count=len(rows) - TABLE_ROWS))


def _summary(say: Said, run: plan.Run, changes: proposal.Changes, objective: Objective, seconds: float) -> None:
    """The run in plain words: counts and scores, who is left unmatched and why, and how sure the result is."""
    fig = changes.figures
    if not run.setup.mentees:
        # Nothing was solved: no score to show, no optimum to claim.
        say("info", "pair-nothing-kept", kept=fig["kept"]) if fig["kept"] else say("info", "pair-nothing")
        return
    counts = {
        "proposed": fig["proposed"],
        "unmatched": fig["unmatched"],
        "kept": fig["kept"],
        "used": fig["mentors_used"],
        "mentors": fig["mentors_accepted"],
        "seconds": formatting.seconds(seconds, language()),
    }
    if fig["proposed"]:
        say("info", "pair-summary", mean=_points(fig["mean"]), lowest=_points(fig["lowest"]), **counts)
    else:
        say("info", "pair-summary-none", **counts)
    if changes.unmatched:
        say("info", "pair-unmatched-head")
        for row in changes.unmatched[:UNMATCHED_SHOWN]:
            say("info", "pair-unmatched-row", mentee=row["mentee"], reason=proposal.reason_text(row))
        if len(changes.unmatched) > UNMATCHED_SHOWN:
            say("info", "pair-unmatched-more", count=len(changes.unmatched) - UNMATCHED_SHOWN)
    if not fig["proposed"]:
        return
    if run.solution.notes:
        say("info", "pair-best-fair-floor", k=proposal.candidates_used(run))
        say("detail", "pair-proof-fair", k=proposal.candidates_used(run))
        return
    say("info", "pair-best-fair" if objective is Objective.fair else "pair-best-total")
    say("detail", "pair-proof", rounds=run.solution.rounds, added=run.solution.added)


def _applicants(say: Said, prog: Programme) -> None:
    """Applications not decided yet are left out of pairing: say how many, and the command that decides."""
    waiting = len(selection.applicants(prog))
    if waiting:
        say("info", "pair-applicants", count=waiting)


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
    started = time.perf_counter()
    # The lock is taken before reading: a confirm or a contact recorded meanwhile waits, and is not lost.
    with env.writing(active=not dry_run and explain_mentee is None):
        _propose(env, objective, dry_run, show_diff, commit, force, explain_mentee, mentor, k, started)


def _propose(
    env: Env,
    objective: Objective,
    dry_run: bool,
    show_diff: bool,
    commit: bool,
    force: bool,  # noqa: PLR0913
    explain_mentee: Optional[str],
    mentor: Optional[str],
    k: int,
    started: float,
) -> None:
    # A plain run whose inputs and options are those the last run left answers from its record.
    # The language too: what it says again is worded in the language of the run that said it.
    options: dict[str, object] = {
        "objective": objective.value,
        "k": k,
        "force": force,
        "today": env.today.isoformat(),
        "language": language(),
    }
    plain = explain_mentee is None and not dry_run and not commit and env.cache
    found = _replayed(env, options, started) if plain else {}
    if found is None:
        raise typer.Exit(0)
    say = Said(env)
    prog = _load(env)
    root = prog.root
    setup = plan.setup(prog, force)
    run = _run(env, setup, objective, k)
    if explain_mentee is not None:
        typer.echo("\n".join(explain.explain(prog, run, explain_mentee, mentor)))
        raise typer.Exit(0)
    if setup.mentees and not setup.capacity.any():
        say("info", "pair-no-mentor")
    changes = proposal.build(prog, run, env.today, objective.value)
    writes = {rel: body for rel, body in changes.writes.items() if _old(root, rel) != body}
    for pid in setup.kept:
        say("info", "pair-kept-edited", pair=pid)
    if dry_run:
        if show_diff:
            sys.stdout.write(_diff(root, writes, changes.removes))
        else:
            _proposed_table(env, writes)
        # The summary last: what a person reads last stays on screen.
        _summary(say, run, changes, objective, time.perf_counter() - started)
        _applicants(say, prog)
        env.info(text("pair-dry-run"))
        raise typer.Exit(0)
    if commit:
        gitcommit.check(root)
    storage.write_files(root, writes, removes=changes.removes)
    _summary(say, run, changes, objective, time.perf_counter() - started)
    _applicants(say, prog)
    if writes or changes.removes:
        say("info", "pair-files", written=len(writes), removed=len(changes.removes))
    else:
        say("info", "pair-unchanged" if changes.figures["proposed"] else "pair-unchanged-plain")
    if plain:
        _remember(root, found, options, writes, changes.removes, say, bool(changes.figures["proposed"]))
    if commit:
        on_file = {p.path for p in prog.pairs.values() if p.data["status"] == "proposed"}
        _commit(env, root, changes, objective, on_file)
    raise typer.Exit(0)


def _commit(env: Env, root: Path, changes: proposal.Changes, objective: Objective, on_file: set[str]) -> None:
    """Commit the proposal on file (written now or by an earlier `pair`) on a new branch; no branch when nothing is new."""
    paths = gitcommit.pending(root, sorted({*changes.writes, *changes.removes, *on_file}))
    if not paths:
        env.info(text("pair-commit-nothing"))
        return
    branch = gitcommit.prepare(root, env.today)
    fig = changes.figures
    message = text("git-message", proposed=fig["proposed"], unmatched=fig["unmatched"], objective=objective.value)
    done = gitcommit.commit(root, paths, message)
    env.info(text("git-branch", branch=branch) if done else text("git-nothing"))


def scores(
    ctx: typer.Context,
    fmt: ScoresFormat = typer.Option(ScoresFormat.text, "--format", help="text (aligned columns) or csv."),
) -> None:
    """Every couple of the mentees to pair and the mentors: feasible or the rule broken, score, criteria."""
    env = env_of(ctx)
    prog, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
    setup = plan.setup(prog)
    from mentorat_cli.pair import encode

    enc = encode.encode(setup.config, [r.data for r in setup.mentees], [r.data for r in setup.mentors], setup.managers)
    head = table.header(enc)
    if fmt is ScoresFormat.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerow(head)
        for block in table.csv_blocks(enc, setup.previous):
            sys.stdout.write(block)
        raise typer.Exit(0)
    cells = len(setup.mentees) * len(setup.mentors)
    if cells > TEXT_TABLE_LIMIT:
        raise MentoratError(text("scores-too-big", cells=cells))
    # For people: column words and yes/no in the run's language (the CSV keeps the ids for tools).
    sign = _points(0)[1]  # the run's decimal sign (the CSV keeps the dot, for tools)
    body = ([*row[:2], gettext(row[2]), row[3], *(cell.replace(".", sign) for cell in row[4:])] for row in table.rows(enc, setup.previous))
    rows = [[gettext(cell) for cell in head], *body]
    widths = [max(len(row[c]) for row in rows) for c in range(len(head))]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())
    raise typer.Exit(0)


def confirm(
    ctx: typer.Context,
    pairs: Optional[list[str]] = typer.Argument(None, metavar="PAIR", help="Pair ids (<mentee>--<mentor>)."),
    every: bool = typer.Option(False, "--all", help="Confirm every proposal."),
    force: bool = typer.Option(False, "--force", help="Confirm even if a rule or a capacity is broken."),
) -> None:
    """Turn proposals into decisions (status: confirmed, with today's date)."""
    env = env_of(ctx)
    if not pairs and not every:
        raise MentoratError(text("confirm-none"), text("confirm-none-hint"))
    with env.writing():
        prog, _ = env.load(parts=repository.PEOPLE_AND_PAIRS)
        writes = decide.confirm(prog, pairs or [], every, env.today, force)
        if not writes:
            env.info(text("confirm-nothing"))
            raise typer.Exit(0)
        storage.write_files(prog.root, writes)
    env.info(text("confirm-done", count=len(writes)))
    raise typer.Exit(0)


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
        env.info(text("rematch-proposed", pair=new["pair"], score=_points(new["score"])))
    else:
        rows = proposal.unmatched(run)
        reason_ = proposal.reason_text(rows[0]) if rows else text("unmatched-no-mentor")
        env.info(text("rematch-none", mentee=prog.pairs[pair_id].data["mentee"], reason=reason_))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Add the pairing commands."""
    app.command("pair")(pair)
    app.command("scores")(scores)
    app.command("confirm")(confirm)
    app.command("rematch")(rematch)
