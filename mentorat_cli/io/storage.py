"""Writing into a programme folder: inside it only, atomically, one writer at a time."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text

LOCK_NAME = ".mentorat.lock"
PROGRAMME_FILE = "programme.yaml"


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
    target = root_resolved / relative
    # Compared as resolved paths, never as text: "/p-evil" starts with "/p" but is not inside it.
    if not target.resolve().is_relative_to(root_resolved):
        raise MentoratError(text("outside-root", path=relative))
    link = _first_link(root_resolved, target)
    if link is not None:
        raise MentoratError(text("output-symlink", path=link.relative_to(root_resolved).as_posix()), text("output-symlink-hint"))
    return target


def _first_link(base: Path, target: Path) -> Path | None:
    """The first symbolic link on the way from `base` down to `target` (target included), if any."""
    current = base
    for part in target.relative_to(base).parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


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
    held = _HELD.get(_key(root))
    if held is not None and held.guard is not None:
        _check_unchanged(root, held.guard, [r for r, _, _ in writes] + [r for r, _ in deletions])
    if (root / PROGRAMME_FILE).is_file():
        from mentorat_cli.io import transaction  # late import: transaction uses inside() from here

        transaction.apply(root, writes, deletions, sync)
    else:
        _write_plain(writes, sync)
        _remove(deletions)
    if held is not None and held.guard is not None:
        # Our own changes are not someone else's: the next write of this command compares with them.
        _refresh(root, held.guard, [r for r, _, _ in writes] + [r for r, _ in deletions])
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


# --- The write lock -------------------------------------------------------------------------------

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
def lock(root: Path, command: str = "mentorat", guard: bool = False) -> Iterator[Held]:
    """Hold the programme's write lock, so that two commands cannot lose each other's updates.

    A second process waits up to MENTORAT_LOCK_WAIT seconds (default 5), then
    fails naming the holder (pid, command, since when). Nested calls in one
    process share the lock. With `guard`, the state of every programme file is
    recorded now, before the command reads anything, and `write_files` refuses
    to replace a file that changed since (a hand edit saved meanwhile).
    """
    key = _key(root)
    held = _HELD.get(key)
    if held is not None:
        held.depth += 1
    else:
        held = _HELD[key] = _acquire(root / LOCK_NAME, command)
    try:
        if guard and held.guard is None:
            held.guard = _snapshot(root)
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


def _snapshot(root: Path) -> dict[str, tuple[int, ...]]:
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
                if (prefix or entry.name in GUARDED_FOLDERS) and not (rel + "/").startswith(_UNGUARDED):
                    stack.append((rel + "/", entry.path))
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            out[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return out


def _guarded(relative: str) -> bool:
    return ("/" not in relative or relative.split("/", 1)[0] in GUARDED_FOLDERS) and not relative.startswith(_UNGUARDED)


def _check_unchanged(root: Path, guard: dict[str, tuple[int, ...]], relatives: list[str]) -> None:
    """Refuse, before writing anything, if a file this change replaces was saved since the lock was taken."""
    changed = [r for r in relatives if _guarded(r) and _stat(str(root / r)) != guard.get(r)]
    if changed:
        shown = ", ".join(changed[:10]) + (text("lock-changed-more", count=len(changed) - 10) if len(changed) > 10 else "")
        raise MentoratError(text("lock-changed", files=shown), text("lock-changed-hint"))


def _refresh(root: Path, guard: dict[str, tuple[int, ...]], relatives: list[str]) -> None:
    for relative in relatives:
        state = _stat(str(root / relative))
        if state is None:
            guard.pop(relative, None)
        else:
            guard[relative] = state


# --- Outputs: the one policy for every file a command generates -------------------------------------
#
# - programme data and the tool's state (DATA_NAMES at the programme's top level) and anything
#   inside a `.git` folder are never an output, even with --force;
# - an existing file is replaced only with --force;
# - a path the user types may go anywhere they can write (relative to the current folder);
# - a derived path (out/... by default) stays inside the programme;
# - inside the programme, no symbolic link is followed (a linked out/ or templates/ is refused);
# - every check runs on resolved paths, again under the lock just before writing.

DATA_NAMES = frozenset(
    {
        "programme.yaml",
        "pairing.yaml",
        "mentors",
        "mentees",
        "pairs",
        "notes",
        "feedback",
        ".mentorat",
        ".schemas",
        "templates",
        "audit",
        LOCK_NAME,
    }
)


@dataclass(frozen=True)
class Output:
    """Where one generated file goes, once the policy has accepted it."""

    root: Path  # the programme folder, resolved
    path: Path  # the file, resolved
    typed: bool  # the user typed it (else derived from the programme)
    data_ok: frozenset[str] = frozenset()  # data folders this output may go into (templates copy)

    @property
    def shown(self) -> str:
        """The path as messages print it: relative to the programme when inside it."""
        return self.path.relative_to(self.root).as_posix() if self.path.is_relative_to(self.root) else str(self.path)


def output_file(root: Path, typed: str | Path | None, default: str, data_ok: frozenset[str] = frozenset()) -> Output:
    """The output file `typed` by the user (relative to the current folder), or `default` in the programme."""
    root_real = root.resolve()
    if typed is None:
        wanted = Path(os.path.normpath(root_real / default))
    else:
        if "\x00" in str(typed):
            raise MentoratError(text("output-bad-path", path=typed))
        # normpath: "out/../x" means x, as the shell would say; links are judged below on the real path.
        wanted = Path(os.path.normpath(Path.cwd() / Path(typed).expanduser()))
    output = Output(root_real, wanted.resolve(), typed is not None, data_ok)
    _check_output(output, wanted)
    return output


def _check_output(output: Output, wanted: Path) -> None:
    """Refuse an output that is programme data, under .git, a folder, or reached through a link in the programme."""
    for path in (wanted, output.path):
        if ".git" in path.parts:
            raise MentoratError(text("output-git", path=path), text("output-git-hint"))
        if path.is_relative_to(output.root) and path != output.root:
            top = path.relative_to(output.root).parts[0]
            if top in DATA_NAMES and top not in output.data_ok:
                raise MentoratError(text("output-data", path=path.relative_to(output.root).as_posix()), text("output-data-hint"))
    if wanted.is_relative_to(output.root):
        link = _first_link(output.root, wanted)
        if link is not None:
            raise MentoratError(text("output-symlink", path=link.relative_to(output.root).as_posix()), text("output-symlink-hint"))
    elif not output.typed:
        raise MentoratError(text("outside-root", path=wanted))
    if output.path.is_dir():
        raise MentoratError(text("output-folder", path=output.shown), text("output-folder-hint"))


def write_outputs(files: Mapping[Output, str | bytes], force: bool, sync: bool = True) -> None:
    """Write generated files under the programme's lock: all checked first, then each one atomically."""
    if not files:
        return
    ordered = sorted(files.items(), key=lambda item: str(item[0].path))
    root = ordered[0][0].root
    data = {output: content.encode("utf-8") if isinstance(content, str) else content for output, content in ordered}
    with lock(root):
        for output in data:
            _check_output(output, output.path)  # again, under the lock: the tree may have changed meanwhile
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
            os.fchmod(handle.fileno(), target.stat().st_mode & 0o777 if target.exists() else _FILE_MODE)
            handle.write(content)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
