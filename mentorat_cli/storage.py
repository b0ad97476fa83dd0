"""Writing into a programme folder: inside it only, atomically, one writer at a time."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from mentorat_cli.errors import MentoratError
from mentorat_cli.messages import text

LOCK_NAME = ".mentorat.lock"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_FILE_MODE = 0o666 & ~_umask()


def inside(root: Path, relative: str) -> Path:
    """The absolute path of `relative` under root; refuses anything that would escape it."""
    if "\x00" in relative or relative.startswith(("/", "\\")) or ".." in Path(relative).parts:
        raise MentoratError(text("outside-root", path=relative))
    root_resolved = root.resolve()
    target = (root_resolved / relative)
    # Resolve the parent folders that exist: a symlinked folder must not lead out.
    parent = target.parent
    while not parent.exists() and parent != root_resolved:
        parent = parent.parent
    if not str(parent.resolve()).startswith(str(root_resolved)):
        raise MentoratError(text("outside-root", path=relative))
    if target.is_symlink():
        raise MentoratError(text("outside-root", path=relative))
    return target


def _write_temp(target: Path, content: bytes) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates 0600 files: give the file the mode it already had, or the usual one.
        mode = target.stat().st_mode & 0o777 if target.exists() else _FILE_MODE
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def write_files(root: Path, files: Mapping[str, str | bytes], sync: bool = True) -> list[str]:
    """Write several files atomically: all temp files first, one sync, then the renames.

    Syncing once (rather than fsync per file) keeps a 12,000-file proposal
    fast; the renames come after the sync so a crash leaves either the old
    or the new content, never a half-written file. Returns the paths written.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for relative in sorted(files):
            content = files[relative]
            data = content.encode("utf-8") if isinstance(content, str) else content
            target = inside(root, relative)
            staged.append((_write_temp(target, data), target))
        if sync:
            if len(staged) == 1:
                with open(staged[0][0], "rb") as handle:
                    os.fsync(handle.fileno())
            elif staged:
                os.sync()
        for temp, target in staged:
            os.replace(temp, target)
        staged = []
    finally:
        for temp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
    return sorted(files)


def write_file(root: Path, relative: str, content: str | bytes) -> None:
    """Write one file atomically (temp file, fsync, rename)."""
    write_files(root, {relative: content})


def remove_files(root: Path, relatives: list[str]) -> None:
    """Delete files inside the programme folder (and folders left empty)."""
    for relative in sorted(relatives):
        target = inside(root, relative)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            target.parent.rmdir()


@contextlib.contextmanager
def lock(root: Path) -> Iterator[None]:
    """Hold the programme's write lock, so that two commands cannot lose each other's updates."""
    path = root / LOCK_NAME
    handle = open(path, "a+")  # noqa: SIM115 - kept open for the lock's lifetime
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise MentoratError(text("locked", lock=path), text("locked-hint", lock=path)) from None
            raise
        yield
    finally:
        handle.close()
