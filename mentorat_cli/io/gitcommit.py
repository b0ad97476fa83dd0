"""`mentorat pair --commit`: the proposal as one commit on a new branch, ready for review.

The commit message gives counts only: commit messages are not confidential.
Only the files the run changed are committed, whatever else is staged.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import git as gitops

_FALLBACK_IDENTITY = ["-c", "user.name=mentorat", "-c", "user.email=mentorat@localhost"]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def _must(root: Path, step: str, *args: str) -> str:
    done = _git(root, *args)
    if done.returncode != 0:
        raise MentoratError(text("git-failed", step=step, detail=(done.stderr or done.stdout).strip()[:300]))
    return done.stdout.strip()


def check(root: Path) -> None:
    """Git is installed and the programme is inside a repository (checked before anything is written)."""
    if not gitops.available():
        raise MentoratError(text("git-missing"))
    if _git(root, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise MentoratError(text("git-not-repo"), text("git-not-repo-hint"))


def pending(root: Path, paths: list[str]) -> list[str]:
    """Those of `paths` that differ from the last commit: new, changed or removed (a proposal already on file counts)."""
    if not paths:
        return []
    listing = _must(root, "status", "status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
    changed = {entry[3:] for entry in listing.split("\0") if len(entry) > 3}
    top = Path(_must(root, "rev-parse", "rev-parse", "--show-toplevel"))
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    return [p for p in paths if prefix + p in changed]


def prepare(root: Path, today: dt.date) -> str:
    """Check git is usable here and create the review branch (it carries the working tree over)."""
    check(root)
    existing = set(_must(root, "branch", "branch", "--list", "--format=%(refname:short)").split())
    base = f"pairing-{today.isoformat()}"
    branch, number = base, 2
    while branch in existing:
        branch, number = f"{base}-{number}", number + 1
    _must(root, "checkout", "checkout", "-q", "-b", branch)
    return branch


def commit(root: Path, paths: list[str], message: str) -> bool:
    """Commit exactly these paths (added, changed or removed); False when nothing changed."""
    tracked = set(_must(root, "ls-files", "ls-files", "--", *paths).splitlines()) if paths else set()
    # A removed proposal that git never saw is no change to commit.
    paths = [p for p in paths if (root / p).exists() or p in tracked]
    if not paths:
        return False
    _must(root, "add", "add", "-A", "--", *paths)
    if not _git(root, "diff", "--cached", "--quiet", "--", *paths).returncode:
        return False
    identity = [] if gitops.has_identity(root) else _FALLBACK_IDENTITY
    _must(root, "commit", *identity, "commit", "-q", "-m", message, "--", *paths)
    return True


def commit_on_branch(root: Path, paths: list[str], message: str, today: dt.date) -> str | None:
    """Commit those of `paths` that are new or changed on a new review branch: its name ('' when git found
    nothing to commit after all); None, and no branch made, when none of `paths` differs from the last commit."""
    paths = pending(root, paths)
    if not paths:
        return None
    branch = prepare(root, today)
    return branch if commit(root, paths, message) else ""
