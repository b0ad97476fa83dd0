"""Where a programme's files are: the path guard every write goes through, and the mode of new files."""

from __future__ import annotations

import os
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text

LOCK_NAME = ".mentorat.lock"
PROGRAMME_FILE = "programme.yaml"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


FILE_MODE = 0o666 & ~_umask()


def inside(root: Path, relative: str) -> Path:
    """The absolute path of `relative` under root; refuses anything that would escape it."""
    if "\x00" in relative or relative.startswith(("/", "\\")) or ".." in Path(relative).parts:
        raise MentoratError(text("outside-root", path=relative))
    root_resolved = root.resolve()
    target = root_resolved / relative
    # Compared as resolved paths, never as text: "/p-evil" starts with "/p" but is not inside it.
    if not target.resolve().is_relative_to(root_resolved):
        raise MentoratError(text("outside-root", path=relative))
    link = first_link(root_resolved, target)
    if link is not None:
        raise MentoratError(text("output-symlink", path=link.relative_to(root_resolved).as_posix()), text("output-symlink-hint"))
    return target


def first_link(base: Path, target: Path) -> Path | None:
    """The first symbolic link on the way from `base` down to `target` (target included), if any."""
    current = base
    for part in target.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None
