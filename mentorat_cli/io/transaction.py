"""Multi-file changes a crash cannot leave half done: temporaries, a manifest, the renames, cleanup.

A change of many files (a proposal, an import, `forget`) is written as:

1. every new content into `.mentorat/tmp/<id>/<n>` (numbered: no random
   names to create in a folder of 13,000 files), then one sync;
2. `manifest.json` in that folder, written atomically: the renames and the
   deletions to make. From this point the change is decided;
3. the renames and the deletions;
4. the manifest removed, then the folder.

The next command that writes calls `recover()`: a folder with a manifest is
finished (roll forward: every step is safe to repeat), one without is
deleted (roll back: nothing outside it was touched yet). `validate` only
reports them (`leftovers()`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mentorat_cli.io.paths import FILE_MODE, inside

TMP_DIR = ".mentorat/tmp"
MANIFEST = "manifest.json"
CRASH_ENV = "MENTORAT_TEST_CRASH_AT"  # test hook: the process kills itself at this step
# Temporaries older versions left next to their targets (`.name.XXXXXXXX.tmp`, from mkstemp).
LEGACY_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
LEGACY_FOLDERS = ("", "mentors", "mentees", "pairs", "feedback", ".mentorat", ".schemas", "templates", "out")


def _crash(step: str) -> None:
    """The kill test's precise crash points (a no-op unless the test variable names this step)."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), 9)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def apply(root: Path, writes: list[tuple[str, Path, bytes]], removes: list[tuple[str, Path]], sync: bool) -> None:
    """Write and delete files (targets already checked by inside) as one crash-safe change."""
    if not writes and not removes:
        return
    # inside() refuses a linked .mentorat/ or tmp/: temporaries hold personal data and must stay here.
    folder = inside(root, f"{TMP_DIR}/{time.time_ns():x}-{os.getpid()}")
    folder.mkdir(parents=True)
    try:
        renames = _stage(folder, writes, sync)
        _crash("after-temporaries")
        manifest = {"renames": renames, "removes": [rel for rel, _ in removes], "complete": True}
        _write_manifest(folder, manifest, sync)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        _tidy(root)
        raise
    _crash("after-manifest")
    _finish(root, folder, manifest)


def _stage(folder: Path, writes: list[tuple[str, Path, bytes]], sync: bool) -> list[list[str]]:
    renames: list[list[str]] = []
    for number, (relative, target, data) in enumerate(writes):
        try:
            mode = os.stat(target).st_mode & 0o777  # a replaced file keeps its mode
        except FileNotFoundError:
            mode = FILE_MODE
        name = str(number)
        fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
        try:
            os.fchmod(fd, mode)  # the umask must not narrow a replaced file's mode
            os.write(fd, data) if len(data) < 65536 else _write_all(fd, data)
            if sync and len(writes) == 1:
                os.fsync(fd)
        finally:
            os.close(fd)
        renames.append([name, relative])
    if sync and len(writes) > 1:
        os.sync()  # one sync for all the temporaries: per-file fsync would make a 13,000-file proposal crawl
    return renames


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_manifest(folder: Path, manifest: dict[str, object], sync: bool) -> None:
    part = folder / (MANIFEST + ".part")
    with open(part, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())
    os.replace(part, folder / MANIFEST)
    if sync:
        _fsync_dir(folder)


def _finish(root: Path, folder: Path, manifest: dict) -> None:  # type: ignore[type-arg]
    """Make the manifest's renames and deletions; each step can be repeated after a crash."""
    renames = manifest["renames"]
    half = len(renames) // 2
    for index, (name, relative) in enumerate(renames):
        if index == half:
            _crash("mid-renames")
        source = folder / name
        if not source.exists():
            continue  # renamed before a crash
        target = inside(root, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    for relative in manifest["removes"]:
        target = inside(root, relative)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        with contextlib.suppress(OSError):
            target.parent.rmdir()  # a pair's notes folder emptied by forget
    _crash("after-renames")
    (folder / MANIFEST).unlink()
    shutil.rmtree(folder, ignore_errors=True)
    _tidy(root)


def _tidy(root: Path) -> None:
    """Remove .mentorat/tmp (and .mentorat) when empty, so a clean programme shows no trace."""
    for folder in (root / TMP_DIR, root / ".mentorat"):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _manifest(folder: Path) -> dict | None:  # type: ignore[type-arg]
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("complete") is not True:
        return None
    renames, removes = data.get("renames"), data.get("removes")
    if not isinstance(renames, list) or not isinstance(removes, list):
        return None
    if not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r) and "/" not in r[0] and r[0] not in ("", ".", "..")
        for r in renames
    ):
        return None
    if not all(isinstance(r, str) for r in removes):
        return None
    return data


@dataclass
class Leftovers:
    """What a killed command left: unfinished changes (decided or not) and stray temporary files."""

    decided: list[str] = field(default_factory=list)  # .mentorat/tmp/<id> with a complete manifest
    undecided: list[str] = field(default_factory=list)  # .mentorat/tmp/<id> without one
    temporaries: list[str] = field(default_factory=list)  # other temporary files, by relative path

    def __bool__(self) -> bool:
        return bool(self.decided or self.undecided or self.temporaries)


def leftovers(root: Path, listed: Mapping[str, list[str]] | None = None) -> Leftovers:
    """What recover() would finish, undo or delete (read-only: `validate` reports it).

    `listed`: folders (`notes/<pair>`) already listed by the caller, with their dot-names (temporaries start with a dot).
    """
    found = Leftovers()
    base = root / TMP_DIR
    if base.is_dir() and not base.is_symlink() and not base.parent.is_symlink():
        for entry in sorted(os.scandir(base), key=lambda e: e.name):
            rel = f"{TMP_DIR}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                (found.decided if _manifest(Path(entry.path)) is not None else found.undecided).append(rel)
            else:
                found.temporaries.append(rel)
    notes = root / "notes"
    note_folders = (
        sorted(f"notes/{e.name}" for e in os.scandir(notes) if e.is_dir(follow_symlinks=False))
        if notes.is_dir() and not notes.is_symlink()
        else []
    )
    for folder in [*LEGACY_FOLDERS, *note_folders]:
        if listed is not None and folder in listed:  # a real folder, listed a moment ago (8,000 of them: no Path unless needed)
            names = [name for name in listed[folder] if LEGACY_TEMP.match(name)]
            found.temporaries += [
                f"{folder}/{name}" for name in names if os.path.isfile(root / folder / name) and not os.path.islink(root / folder / name)
            ]
            continue
        path = root / folder if folder else root
        if not path.is_dir() or path.is_symlink():
            continue
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:  # unreadable: validate reports the folder itself
            continue
        for entry in entries:
            if LEGACY_TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                found.temporaries.append(f"{folder}/{entry.name}" if folder else entry.name)
    return found


def recover(root: Path) -> Leftovers:
    """Finish the decided changes, undo the others, delete stray temporaries; returns what was found.

    Call under the lock, before reading the programme. Temporaries may hold
    whole profiles: none survives this (so `forget` never leaves one behind).
    """
    found = leftovers(root)
    for rel in found.decided:
        folder = root / rel
        manifest = _manifest(folder)
        assert manifest is not None
        _finish(root, folder, manifest)
    for rel in found.undecided:
        shutil.rmtree(root / rel, ignore_errors=True)
    for rel in found.temporaries:
        with contextlib.suppress(FileNotFoundError):
            (root / rel).unlink()
    # Always: a command killed between creating .mentorat/tmp and its change's folder, or after its
    # last rename and before tidying, leaves an empty .mentorat/tmp that no leftover names.
    _tidy(root)
    return found
