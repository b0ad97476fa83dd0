"""Reading and writing for document commands: always through storage, under the programme's lock.

Documents go to `out/` in the programme folder unless the user names
another folder with -o: only an explicit -o may lead outside the programme
(storage.output_file holds the whole policy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core.errors import EXIT_PROBLEMS, MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.io import pairfile, storage

DEFAULT_FOLDER = "out"


def write_documents(root: Path, chosen: Path | None, files: Mapping[str, str | bytes], force: bool = False) -> Path:
    """Write documents {file name: content} into `chosen` or out/; returns the folder they went to.

    The output policy (storage.output_file) judges each file: never over programme data or
    into .git, never through a link inside the programme, an existing file only with --force.
    """
    # Judged first: "-o programme.yaml" is refused as programme data, not merely as "not a folder".
    outputs = {
        storage.output_file(root, None if chosen is None else chosen / name, f"{DEFAULT_FOLDER}/{name}"): content
        for name, content in files.items()
    }
    if chosen is not None and chosen.exists() and not chosen.is_dir():
        raise MentoratError(text("doc-output-not-folder", path=chosen), text("doc-output-not-folder-hint"))
    # Documents can be written again from the data: no fsync, the renames stay atomic.
    storage.write_outputs(outputs, force, sync=False)
    return next(iter(outputs)).path.parent if outputs else root / DEFAULT_FOLDER


def update_file(root: Path, relative: str, change: Callable[[str], str | None]) -> bool:
    """Read a programme file, apply `change` and write the result, all under the lock; False if unchanged."""
    with storage.lock(root):
        path = storage.inside(root, relative)
        try:
            content = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise MentoratError(text("doc-pair-file-changed", file=relative), text("doc-pair-file-changed-hint"), EXIT_PROBLEMS) from None
        new = change(content)
        if new is None:
            return False
        storage.write_files(root, {relative: new})
    return True


def create_new(root: Path, candidates: Iterable[str], content: str | None = None) -> str:
    """Write `content` to the first candidate path that does not exist yet (under the lock); returns it."""
    with storage.lock(root):
        for relative in candidates:
            path = storage.inside(root, relative)
            if not path.exists():
                storage.write_files(root, {relative: content or ""})
                return relative
    raise MentoratError(text("doc-template-exists", file=relative), text("doc-template-exists-hint"))


@dataclass
class Edited:
    """What `edit_pair` did: whether the file changed, and whether a comment inside a changed entry was lost."""

    changed: bool
    comments_dropped: bool


def edit_pair(root: Path, relative: str, edit: Callable[[dict[str, Any]], dict[str, Any] | None]) -> Edited:
    """Apply `edit` to a pair file's data (None: nothing to change) and write it back keeping its comments, under the lock."""
    lost: list[bool] = []

    def change(content: str) -> str | None:
        new = edit(pairfile.parse(content, relative))
        if new is None:
            return None
        written = pairfile.dump(new, content)
        lost.append(pairfile.dropped_comments(content, written))
        return written

    return Edited(update_file(root, relative, change), any(lost))
