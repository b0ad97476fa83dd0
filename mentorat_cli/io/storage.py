"""Writing into a programme folder: inside it only, atomically, one writer at a time."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import lock as _lock
from mentorat_cli.io import transaction
from mentorat_cli.io.lock import Held, Holder, lock
from mentorat_cli.io.paths import FILE_MODE, LOCK_NAME, PROGRAMME_FILE, inside
from mentorat_cli.io.policy import DATA_NAMES, Output, check_output, output_file

# The write API, whole: the path guard (paths.py), the lock (lock.py) and the output policy (policy.py)
# live in their own modules and are used from here, so that every writer needs `storage` only.
__all__ = [
    "DATA_NAMES",
    "LOCK_NAME",
    "PROGRAMME_FILE",
    "Held",
    "Holder",
    "Output",
    "inside",
    "lock",
    "output_file",
    "remove_files",
    "write_file",
    "write_files",
    "write_outputs",
]


def _write_temp(target: Path, content: bytes) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates 0600 files: give the file the mode it already had, or the usual one.
        mode = target.stat().st_mode & 0o777 if target.exists() else FILE_MODE
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def write_files(root: Path, files: Mapping[str, str | bytes], sync: bool = True, removes: Iterable[str] = ()) -> list[str]:
    """Write (and delete) several files as one change: a crash leaves all the old files or all the new ones.

    In a programme folder the change is a transaction (see transaction.py):
    temporaries in .mentorat/tmp/, one sync, a manifest, then the renames.
    Elsewhere (a folder -o names) each file is a temp file renamed into place.
    Under the lock, every programme file about to change is first checked
    against what it was when the lock was taken (see `lock(guard=True)`).
    """
    writes = []
    for relative in sorted(files):
        content = files[relative]
        writes.append((relative, inside(root, relative), content.encode("utf-8") if isinstance(content, str) else content))
    deletions = [(relative, inside(root, relative)) for relative in sorted(set(removes))]
    held = _lock.held(root)
    if held is not None and held.guard is not None:
        _lock.check_unchanged(root, held.guard, [r for r, _, _ in writes] + [r for r, _ in deletions], held.folders)
    if (root / PROGRAMME_FILE).is_file():
        transaction.apply(root, writes, deletions, sync)
    else:
        _write_plain(writes, sync)
        _remove(deletions)
    if held is not None and held.guard is not None:
        # Our own changes are not someone else's: the next write of this command compares with them.
        _lock.refresh(root, held.guard, [r for r, _, _ in writes] + [r for r, _ in deletions])
    return sorted(files)


def _write_plain(writes: list[tuple[str, Path, bytes]], sync: bool) -> None:
    staged: list[tuple[str, Path]] = []
    try:
        for _, target, data in writes:
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


def _remove(deletions: list[tuple[str, Path]]) -> None:
    for _, target in deletions:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            target.parent.rmdir()


def write_file(root: Path, relative: str, content: str | bytes) -> None:
    """Write one file atomically (temp file, fsync, rename)."""
    write_files(root, {relative: content})


def remove_files(root: Path, relatives: list[str]) -> None:
    """Delete files inside the programme folder (and folders left empty), as one change."""
    write_files(root, {}, removes=relatives)


def write_outputs(files: Mapping[Output, str | bytes], force: bool, sync: bool = True) -> None:
    """Write generated files under the programme's lock: all checked first, then each one atomically."""
    if not files:
        return
    ordered = sorted(files.items(), key=lambda item: str(item[0].path))
    root = ordered[0][0].root
    data = {output: content.encode("utf-8") if isinstance(content, str) else content for output, content in ordered}
    with lock(root):
        for output in data:
            check_output(output, output.path)  # again, under the lock: the tree may have changed meanwhile
            if output.path.exists() and not force:
                existing = [o.shown for o in data if o.path.exists()]
                more = text("output-exists-more", count=len(existing) - 1) if len(existing) > 1 else ""
                raise MentoratError(text("output-exists", path=existing[0], more=more), text("output-exists-hint"))
        try:
            inside_root = {o.path.relative_to(root).as_posix(): c for o, c in data.items() if o.path.is_relative_to(root)}
            write_files(root, inside_root, sync)
            for output, content in data.items():
                if not output.path.is_relative_to(root):
                    _write_elsewhere(output.path, content, sync)
        except OSError as exc:
            where = exc.filename or ordered[0][0].path
            raise MentoratError(
                text("output-failed", path=where, reason=exc.strerror or type(exc).__name__), text("output-failed-hint")
            ) from None


def _write_elsewhere(target: Path, content: bytes, sync: bool) -> None:
    """Replace a file outside the programme atomically: a temporary file in its folder, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".mentorat.tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), target.stat().st_mode & 0o777 if target.exists() else FILE_MODE)
            handle.write(content)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
