"""Writing into a programme folder: inside it only, atomically, one writer at a time."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
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
    target = root_resolved / relative
    # Compared as resolved paths, never as text: "/p-evil" starts with "/p" but is not inside it.
    if not target.resolve().is_relative_to(root_resolved):
        raise MentoratError(text("outside-root", path=relative))
    link = _first_link(root_resolved, target)
    if link is not None:
        raise MentoratError(text("output-symlink", path=link.relative_to(root_resolved).as_posix()),
                            text("output-symlink-hint"))
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


# --- Outputs: the one policy for every file a command generates -------------------------------------
#
# - programme data and the tool's state (DATA_NAMES at the programme's top level) and anything
#   inside a `.git` folder are never an output, even with --force;
# - an existing file is replaced only with --force;
# - a path the user types may go anywhere they can write (relative to the current folder);
# - a derived path (out/... by default) stays inside the programme;
# - inside the programme, no symbolic link is followed (a linked out/ or templates/ is refused);
# - every check runs on resolved paths, again under the lock just before writing.

DATA_NAMES = frozenset({"programme.yaml", "pairing.yaml", "mentors", "mentees", "pairs", "notes", "feedback",
                        ".mentorat", ".schemas", "templates", "audit", LOCK_NAME})


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
                raise MentoratError(text("output-data", path=path.relative_to(output.root).as_posix()),
                                    text("output-data-hint"))
    if wanted.is_relative_to(output.root):
        link = _first_link(output.root, wanted)
        if link is not None:
            raise MentoratError(text("output-symlink", path=link.relative_to(output.root).as_posix()),
                                text("output-symlink-hint"))
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
            raise MentoratError(text("output-failed", path=where, reason=exc.strerror or type(exc).__name__),
                                text("output-failed-hint")) from None


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
