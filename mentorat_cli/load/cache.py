"""A persistent per-file cache of parsed and checked records, in `.mentorat/cache/` (git-ignored).

Like git's index, mypy's and ruff's caches: a file whose size, modification
and change times (nanoseconds) and inode are those recorded is not read
again; its record and its problems come from the cache. A cache can never
change a result:
- each cache file starts with a header naming the format, this mentorat's
  version, the schemas' hash and the message language, then the SHA-256 of
  the body: a missing, stale, truncated, corrupted or foreign cache fails one
  of these checks and is ignored (then rebuilt);
- the body is JSON, read with `json.loads`, which builds only plain data (no
  pickle: a cache file is data that anyone able to write the folder controls,
  and unpickling it could run code); a record is cached only if JSON gives
  it back exactly (text keys, finite numbers, lists), otherwise it is re-read;
- git's "racy clean" rule: a file modified within RACY_NS of the load's start
  may change again within the file system's timestamp resolution without its
  size or times changing, so it is never cached and is read again next time;
- written atomically (a temporary file in the cache folder, then a rename),
  never through a symbolic link, and any failure to write is silently
  ignored: the cache only ever saves time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mentorat_cli import __version__
from mentorat_cli.core import i18n
from mentorat_cli.core.model import Note, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import resources

FOLDER = ".mentorat/cache"
FORMAT = "mentorat-cache-1"
# Coarsest timestamp resolution in common use (FAT, exFAT: 2 s); ext4, APFS and NTFS are far finer.
RACY_NS = 2_000_000_000
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MENTORAT_LANG")

Loaded = tuple[Record | Note | None, list[Problem]]
StatKey = list[int]


def stat_key(path: str) -> StatKey | None:
    """What identifies a file's version without reading it: size, mtime, ctime (ns), inode."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


@functools.cache
def _schemas_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(resources.data_dir("schemas").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _identity(part: str) -> str:
    """Everything a cached result depends on besides the file itself."""
    # Problems are cached already worded: in the run's language (--lang, programme, locale).
    locale = "|".join(os.environ.get(name, "") for name in _LOCALE_VARIABLES)
    return json.dumps([FORMAT, __version__, _schemas_hash(), i18n.language(), locale, part])


def _plain(value: Any) -> bool:
    """True when JSON gives `value` back exactly (same types, same keys)."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return True
    if kind is float:
        return value == value and value not in (float("inf"), float("-inf"))
    if kind is list:
        return all(_plain(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _plain(item) for key, item in value.items())
    return False


def _encode(loaded: Loaded) -> list[Any] | None:
    item, found = loaded
    problems = [[p.file, p.line, p.column, p.code, p.severity, p.message, p.hint, p.pointer] for p in found]
    if isinstance(item, Note):
        value: list[Any] = ["N", item.pair, item.meta]
    elif isinstance(item, Record):
        value = ["R", item.kind, item.id, item.data]
    else:
        value = ["-"]
    entry = [value, problems]
    return entry if _plain(entry) else None


def _decode(entry: list[Any], path: str) -> Loaded | None:
    """A cached entry back as loaded; None when it is not one of ours."""
    value, problems = entry
    found = [Problem(*row) for row in problems] if problems else []
    tag = value[0]
    if tag == "N":
        return Note(value[1], path, value[2]), found
    if tag == "R":
        return Record(value[1], value[2], path, value[3]), found
    return (None, found) if tag == "-" else None


class FileCache:
    """The cache of one part of the programme (a folder, or the notes): relative path -> [stat, entry]."""

    def __init__(self, root: Path, part: str, enabled: bool = True) -> None:
        self.root = root
        self.part = part
        self.enabled = enabled and _safe_folder(root)
        self.entries: dict[str, list[Any]] = self._read() if self.enabled else {}
        self.fresh: dict[str, list[Any]] = {}
        self.changed = False

    def _read(self) -> dict[str, list[Any]]:
        entries = read_blob(self.root, self.part)
        return entries if isinstance(entries, dict) else {}

    def put(self, rel: str, key: StatKey | None, loaded: Loaded, started_ns: int) -> None:
        """Remember a file's result, unless the file is too recent to trust its times (racy clean)."""
        self.changed = True
        if key is None or key[1] >= started_ns - RACY_NS or key[2] >= started_ns - RACY_NS:
            return
        entry = _encode(loaded)
        if entry is not None:
            self.fresh[rel] = [key, entry]

    def save(self) -> None:
        """Write the entries of this load (atomically); files gone since are dropped."""
        if self.enabled and (self.changed or len(self.fresh) != len(self.entries)):
            write_blob(self.root, self.part, self.fresh)


def read_blob(root: Path, name: str) -> Any:
    """The JSON value kept under `name` in the cache folder, or None when missing, foreign, stale or damaged."""
    if not _safe_folder(root):
        return None
    try:
        with open(root / FOLDER / f"{name}.json", "rb") as handle:
            blob = handle.read()
        header, digest, body = blob.split(b"\n", 2)
        if header.decode() != _identity(name) or hashlib.sha256(body).hexdigest().encode() != digest:
            return None
        return json.loads(body)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def body_text(value: Any) -> str:
    """json.dumps(value) without spaces or escapes, a mapping with text keys entry by entry: the same text,
    but json.dumps first makes one small string per token (a GiB at a time for 100,000 records)."""
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, dict) and all(type(key) is str for key in value):
        return "{" + ",".join(dump(key) + ":" + dump(item) for key, item in value.items()) + "}"
    return dump(value)


def write_blob(root: Path, name: str, value: Any) -> None:
    """Keep a JSON value under `name`: header, checksum, body; a temporary file renamed into place."""
    body = body_text(value).encode()
    head = _identity(name).encode() + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n"
    folder = root / FOLDER
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    try:
        if not _safe_folder(root):
            return
        folder.mkdir(parents=True, exist_ok=True)
        if not _safe_folder(root):
            return
        with open(temporary, "wb") as handle:  # in two writes: no copy of a body of 100 MB
            handle.write(head)
            handle.write(body)
        os.replace(temporary, folder / f"{name}.json")
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass


def digests(root: Path, folders: Iterable[str], files: Iterable[str], known: dict[str, Any] | None = None) -> dict[str, list[Any]]:
    """[stat key or None, SHA-256] of every file in `folders` and of `files`, by relative path.

    A file whose stat key is the one `known` recorded (recorded only when it was not racy)
    keeps its recorded digest; any other is read and hashed ("" for what cannot be read).
    """
    started_ns = time.time_ns()
    known = known if isinstance(known, dict) else {}
    paths = list(files)
    for folder in folders:
        try:
            with os.scandir(root / folder) as entries:
                paths += [f"{folder}/{entry.name}" for entry in entries]
        except OSError:
            pass
    found: dict[str, list[Any]] = {}
    prefix = f"{root}/"  # strings, not Path joins: 60,000 inputs at national scale
    for rel in paths:
        key = stat_key(prefix + rel)
        before = known.get(rel)
        if key is not None and isinstance(before, list) and len(before) == 2 and before[0] == key:
            found[rel] = before
            continue
        if key is not None and (key[1] >= started_ns - RACY_NS or key[2] >= started_ns - RACY_NS):
            key = None  # changed just now: it may change again unseen within the timestamps' resolution
        try:
            with open(prefix + rel, "rb") as handle:
                found[rel] = [key, hashlib.sha256(handle.read()).hexdigest()]
        except OSError:  # a folder or a missing file: its state is part of the fingerprint too
            found[rel] = [None, ""]
    return found


def fingerprint(found: dict[str, list[Any]], extra: Any) -> str:
    """One digest of files' digests (by path) and of `extra` (options that change a result)."""
    digest = hashlib.sha256(json.dumps([extra, sorted((rel, d[1]) for rel, d in found.items())], sort_keys=True).encode())
    return digest.hexdigest()


def clear(root: Path) -> None:
    """Delete every cache file (after an erasure: the cache holds copies of people's data)."""
    if not _safe_folder(root):
        return
    try:
        for path in (root / FOLDER).iterdir():
            if path.is_file() and not path.is_symlink():
                path.unlink()
    except OSError:
        pass


def _safe_folder(root: Path) -> bool:
    """Neither `.mentorat` nor its `cache` may be a symbolic link: the cache stays inside the programme."""
    for rel in (".mentorat", FOLDER):
        if (root / rel).is_symlink():
            return False
    return True


def load_records(
    root: Path,
    listing: Iterable[tuple[str, str]],
    part_of: Callable[[str], str],
    read: Callable[[list[tuple[str, str]]], list[Loaded]],
    enabled: bool = True,
    setting: int = 0,
) -> list[Loaded]:
    """Each (file, kind) of `listing` loaded: from the cache when unchanged, else by `read` (then cached).

    `setting` is a value of programme.yaml the result also depends on (the size limit): it is part
    of each file's key, so a changed limit reads the files again.
    """
    started_ns = time.time_ns()
    items = list(listing)
    caches: dict[str, FileCache] = {}
    results: list[Loaded | None] = []
    keys: list[StatKey | None] = []
    misses: list[int] = []
    # The warm path runs once per file (140,000 at national scale): locals, no helper calls.
    lstat, prefix = os.lstat, f"{root}/"
    cache: FileCache | None = None
    current = None
    for index, (file, _kind) in enumerate(items):
        part = part_of(file)
        if part != current:
            current = part
            cache = caches.get(part) or caches.setdefault(part, FileCache(root, part, enabled))
            entries, fresh, on = cache.entries, cache.fresh, cache.enabled
        key: StatKey | None = None
        if on:
            try:
                st = lstat(prefix + file)
                key = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, setting]
            except OSError:
                pass
        keys.append(key)
        cached = entries.get(file) if key is not None else None
        hit: Loaded | None = None
        if cached is not None and cached[0] == key:
            try:
                hit = _decode(cached[1], file)
            except (TypeError, ValueError, IndexError, KeyError):
                hit = None  # well-formed JSON that is not ours: read the file
            if hit is not None:
                fresh[file] = cached
        results.append(hit)
        if hit is None:
            misses.append(index)
    for index, loaded in zip(misses, read([items[i] for i in misses]), strict=True):
        results[index] = loaded
        caches[part_of(items[index][0])].put(items[index][0], keys[index], loaded, started_ns)
    for each in caches.values():
        each.save()
    return [loaded for loaded in results if loaded is not None]
