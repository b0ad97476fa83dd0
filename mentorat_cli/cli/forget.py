"""`mentorat forget`: erase people's personal data from the working tree (right to erasure), and say what remains."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Optional

import typer

from mentorat_cli import ingest as importing
from mentorat_cli import privacy
from mentorat_cli.cli.common import Env, env_of
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import storage
from mentorat_cli.load import cache, repository
from mentorat_cli.privacy import traces


def _git_top(root: Path) -> Optional[Path]:
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _list_files(root: Path) -> Callable[[str], list[str]]:
    def list_files(folder: str) -> list[str]:
        base = storage.inside(root, folder)
        if not base.is_dir():
            return []
        return sorted(p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file() or p.is_symlink())

    return list_files


def forget(
    ctx: typer.Context,
    people: Optional[list[str]] = typer.Argument(None, metavar="ID", help="Ids of the people to erase."),
    expired: bool = typer.Option(False, "--expired", help="Erase everyone past the retention period after the cohort's end."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; change nothing."),
) -> None:
    """Erase people's personal data from the working tree (right to erasure), and say what remains."""
    env = env_of(ctx)
    # Under the lock from the start; leftover temporaries (which may hold the person) are cleared first.
    with env.writing(active=not dry_run):
        _forget(env, sorted(set(people or [])), expired, dry_run)


def _forget(env: Env, chosen: list[str], expired: bool, dry_run: bool) -> None:
    programme, _warnings = env.load()
    if expired:
        found = privacy.expired_people(programme, env.today)
        if not found and not chosen:
            env.info(text("forget-none-expired", months=programme.config["retention"]["months_after_end"]))
            raise typer.Exit(0)
        chosen = sorted(set(chosen) | set(found))
    if not chosen:
        raise MentoratError(text("forget-nobody"), text("forget-nobody-hint"))
    for person_id in chosen:
        record = programme.person(person_id)
        if record is None:
            raise MentoratError(text("person-unknown", id=person_id), text("person-unknown-hint"))
        if record.data.get("status") == "erased":
            raise MentoratError(text("forget-already", path=record.path))
    root = programme.root
    summary = root / "pairing.yaml"
    # A damaged pairing.yaml (not UTF-8, too large) is left as it is, like one that is not valid YAML.
    summary_text = repository.read_text(summary, "pairing.yaml")[0] if summary.is_file() and not summary.is_symlink() else None
    plan = privacy.plan_forget(programme, chosen, env.today, importing.load_state(root), _list_files(root), summary_text)
    for line in plan.lines:
        typer.echo(line)
    leftovers = privacy.leftover_files(root, chosen, set(plan.removes) | set(plan.writes))
    for path in leftovers:
        typer.echo(text("forget-leftover", path=path))
    erased = {r.id: r.data for r in (programme.person(person) for person in chosen) if r is not None}
    for path, what in traces.files_holding(root, erased, skip=leftovers):
        typer.echo(text("forget-leftover-content", path=path, what=what))
    if dry_run:
        typer.echo(text("forget-dry-run"))
        raise typer.Exit(0)
    plan.created = {p for p in plan.writes if not (root / p).exists()}
    storage.write_files(root, plan.writes, removes=plan.removes)
    cache.clear(root)  # it holds copies of the erased data
    typer.echo(text("forget-done", count=len(chosen)))
    top = _git_top(root)
    if top is None:
        typer.echo(text("forget-not-git"))
    else:
        prefix = root.relative_to(top).as_posix() if root != top else ""
        # A pair's notes folder goes as a whole: one --path for the folder, not one per note.
        purged = sorted({"/".join(p.split("/")[:2]) + "/" if p.startswith("notes/") else p for p in plan.removes})
        paths = " ".join("--path " + shlex.quote(f"{prefix}/{p}" if prefix else p) for p in purged)
        typer.echo(text("forget-git"))
        typer.echo(text("forget-git-how"))
        typer.echo(text("forget-git-command", paths=paths))
        changed = sorted(p for p in plan.writes if (root / p).exists() and p not in plan.created)
        if changed:
            typer.echo(text("forget-git-changed", paths=", ".join(changed)))
    typer.echo(text("forget-backups"))


def register(app: typer.Typer) -> None:
    """Attach `forget`."""
    app.command("forget")(forget)
