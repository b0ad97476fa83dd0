"""The programme's write lock: one writer at a time, and a guard against files saved meanwhile by hand."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io.paths import LOCK_NAME

LOCK_WAIT_ENV = "MENTORAT_LOCK_WAIT"
DEFAULT_LOCK_WAIT = 5.0  # seconds a second writer waits before giving up
# What a writer may rewrite, and so what the guard watches: files at the top, and these folders.
GUARDED_FOLDERS = ("mentors", "mentees", "pairs", "notes", "feedback", "templates", ".schemas", ".mentorat")
_UNGUARDED = (".mentorat/tmp/",)


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) the lock: written into the lock file so that a waiting command can say."""

    pid: int
    command: str
    since: str

    def render(self) -> str:
        return text("lock-holder", pid=self.pid, command=self.command, since=self.since)


@dataclass
class Held:
    """The lock as this process holds it; `taken_over` names a holder that died without releasing it."""

    handle: Any
    path: Path
    depth: int = 1
    guard: dict[str, tuple[int, ...]] | None = None
    taken_over: Holder | None = None
    folders: tuple[str, ...] = GUARDED_FOLDERS  # those the guard watches (with the files at the top)


_HELD: dict[Path, Held] = {}  # this process's locks, by programme folder: nested lock() calls share one


def _key(root: Path) -> Path:
    return root.resolve()


def _read_holder(handle: Any) -> Holder | None:
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "null")
        return Holder(int(info["pid"]), str(info["command"]), str(info["since"]))
    except (ValueError, TypeError, KeyError):
        return None


def _wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_WAIT_ENV, DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def _acquire(path: Path, command: str) -> Held:
    deadline = time.monotonic() + _wait_seconds()
    while True:
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open for the lock's lifetime
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _read_holder(handle)
            handle.close()
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if time.monotonic() >= deadline:
                who = holder.render() if holder else text("lock-holder-unknown")
                raise MentoratError(text("locked", lock=path, holder=who), text("locked-hint", lock=path)) from None
            time.sleep(0.05)
            continue
        # The holder deletes the file when it is done: the lock is ours only if we locked the file still there.
        try:
            if os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
                break
        except FileNotFoundError:
            pass
        handle.close()
    # flock dies with its process, so a holder still written here crashed (or was killed) while writing.
    previous = _read_holder(handle)
    handle.seek(0)
    handle.truncate()
    since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    handle.write(json.dumps({"pid": os.getpid(), "command": command, "since": since}))
    handle.flush()
    return Held(handle, path, taken_over=previous)


@contextlib.contextmanager
def lock(root: Path, command: str = "mentorat", guard: bool = False, folders: tuple[str, ...] | None = None) -> Iterator[Held]:
    """Hold the programme's write lock, so that two commands cannot lose each other's updates.

    A second process waits up to MENTORAT_LOCK_WAIT seconds (default 5), then
    fails naming the holder (pid, command, since when). Nested calls in one
    process share the lock. With `guard`, the state of every programme file is
    recorded now, before the command reads anything, and `write_files` refuses
    to replace a file that changed since (a hand edit saved meanwhile). `folders` narrows the
    guard to the folders the command may write (pair: pairs/, not 100,000 notes to stat).
    """
    key = _key(root)
    held = _HELD.get(key)
    if held is not None:
        held.depth += 1
    else:
        held = _HELD[key] = _acquire(root / LOCK_NAME, command)
    try:
        if guard and held.guard is None:
            held.folders = GUARDED_FOLDERS if folders is None else folders
            held.guard = _snapshot(root, held.folders)
        yield held
    finally:
        held.depth -= 1
        if held.depth == 0:
            del _HELD[key]
            # Deleted while still locked, so no lock file stays behind; a waiting command sees it went.
            with contextlib.suppress(OSError):
                held.path.unlink()
            held.handle.close()


def _stat(path: str) -> tuple[int, ...] | None:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    # ctime cannot be set back by tools that restore mtime: with size, mtime and inode it catches any save.
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _snapshot(root: Path, folders: tuple[str, ...] = GUARDED_FOLDERS) -> dict[str, tuple[int, ...]]:
    """(size, mtime, ctime, inode) of every file a writer may rewrite, by relative path."""
    out: dict[str, tuple[int, ...]] = {}
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if (prefix or entry.name in folders) and not (rel + "/").startswith(_UNGUARDED):
                    stack.append((rel + "/", entry.path))
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            out[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return out


def _guarded(relative: str, folders: tuple[str, ...] = GUARDED_FOLDERS) -> bool:
    return ("/" not in relative or relative.split("/", 1)[0] in folders) and not relative.startswith(_UNGUARDED)


def check_unchanged(
    root: Path, guard: dict[str, tuple[int, ...]], relatives: list[str], folders: tuple[str, ...] = GUARDED_FOLDERS
) -> None:
    """Refuse, before writing anything, if a file this change replaces was saved since the lock was taken."""
    changed = [r for r in relatives if _guarded(r, folders) and _stat(str(root / r)) != guard.get(r)]
    if changed:
        shown = ", ".join(changed[:10]) + (text("lock-changed-more", count=len(changed) - 10) if len(changed) > 10 else "")
        raise MentoratError(text("lock-changed", files=shown), text("lock-changed-hint"))


def refresh(root: Path, guard: dict[str, tuple[int, ...]], relatives: list[str]) -> None:
    for relative in relatives:
        state = _stat(str(root / relative))
        if state is None:
            guard.pop(relative, None)
        else:
            guard[relative] = state


def held(root: Path) -> Held | None:
    """The lock this process holds on the programme at `root`, if any."""
    return _HELD.get(_key(root))
