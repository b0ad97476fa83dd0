"""The few git operations mentorat performs (init, commit), without a shell."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

# Used only when the user has no git identity configured, so that the
# scaffolding commit can still be made; the user's own identity wins otherwise.
_FALLBACK_IDENTITY = ["-c", "user.name=mentorat", "-c", "user.email=mentorat@localhost"]


def available() -> bool:
    return shutil.which("git") is not None


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)


def has_identity(root: Path) -> bool:
    return bool(_git(root, "config", "user.name").stdout.strip() and _git(root, "config", "user.email").stdout.strip())


def init_and_commit(root: Path, message: str) -> bool:
    """`git init`, add everything, first commit. Returns False when git failed."""
    if _git(root, "init", "-q").returncode != 0:
        return False
    if _git(root, "add", "-A").returncode != 0:
        return False
    identity = [] if has_identity(root) else _FALLBACK_IDENTITY
    return _git(root, *identity, "commit", "-q", "-m", message).returncode == 0


def top_level(root: Path) -> Path | None:
    """The working tree holding `root` (the nearest folder upward with .git), None outside git."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return None


def purge_paths(root: Path, removed: list[str]) -> str | None:
    """The `--path` arguments of `git filter-repo` that purge `removed` from the history; None outside git.

    A pair's notes folder goes as a whole: one --path for the folder, not one per note."""
    top = top_level(root)
    if top is None:
        return None
    prefix = root.relative_to(top).as_posix() if root != top else ""
    purged = sorted({"/".join(p.split("/")[:2]) + "/" if p.startswith("notes/") else p for p in removed})
    return " ".join("--path " + shlex.quote(f"{prefix}/{p}" if prefix else p) for p in purged)
