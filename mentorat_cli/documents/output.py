"""Reading and writing for document commands: always through storage, under the programme's lock.

Documents go to `out/` in the programme folder unless the user names
another folder with -o: only an explicit -o may lead outside the programme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from mentorat_cli import storage
from mentorat_cli.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.messages import text

DEFAULT_FOLDER = "out"


def target(root: Path, chosen: Path | None) -> tuple[Path, str]:
    """(storage root, folder prefix) for writing documents into `chosen` or out/."""
    if chosen is None:
        return root, DEFAULT_FOLDER
    folder = chosen.resolve()
    if folder.exists() and not folder.is_dir():
        raise MentoratError(text("doc-output-not-folder", path=chosen), text("doc-output-not-folder-hint"))
    root_resolved = root.resolve()
    if folder == root_resolved or root_resolved in folder.parents:
        # Inside the programme: keep the storage guard relative to the programme.
        return root_resolved, folder.relative_to(root_resolved).as_posix()
    return folder, ""


def write_documents(root: Path, chosen: Path | None, files: Mapping[str, str | bytes]) -> Path:
    """Write documents {file name: content}; returns the folder they went to."""
    base, prefix = target(root, chosen)
    relative = {(f"{prefix}/{name}" if prefix and prefix != "." else name): content for name, content in files.items()}
    with storage.lock(root):
        try:
            # Documents can be written again from the data: no fsync, the renames stay atomic.
            storage.write_files(base, relative, sync=False)
        except OSError as exc:
            raise MentoratError(text("doc-output-failed", path=base / prefix if prefix else base,
                                     reason=exc.strerror or type(exc).__name__), text("doc-output-failed-hint")) from None
    return base / prefix if prefix else base


def update_file(root: Path, relative: str, change: Callable[[str], str | None]) -> bool:
    """Read a programme file, apply `change` and write the result, all under the lock; False if unchanged."""
    with storage.lock(root):
        path = storage.inside(root, relative)
        try:
            content = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise MentoratError(text("doc-pair-file-changed", file=relative), text("doc-pair-file-changed-hint"),
                                EXIT_PROBLEMS) from None
        new = change(content)
        if new is None:
            return False
        storage.write_files(root, {relative: new})
    return True


def create_new(root: Path, candidates: Iterable[str], content: str | None = None,
               force_first: bool = False) -> str:
    """Write `content` to the first candidate path that does not exist yet (under the lock); returns it.

    With `force_first`, the first candidate is written even if it exists.
    """
    with storage.lock(root):
        for index, relative in enumerate(candidates):
            path = storage.inside(root, relative)
            if (force_first and index == 0) or not path.exists():
                storage.write_files(root, {relative: content or ""})
                return relative
    raise MentoratError(text("doc-template-exists", file=relative), text("doc-template-exists-hint"))
