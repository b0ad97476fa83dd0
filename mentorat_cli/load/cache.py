"""A persistent per-file cache of parsed and checked records, in `.mentorat/cache/` (git-ignored).

Like git's index, mypy's and ruff's caches: a file whose size, modification
and change times (nanoseconds) and inode are those recorded is not read
again; its record and its problems come from the cache. A cache can never
change a result:
- each cache file starts with a header naming the format, this mentorat's
  version, the schemas' hash, the message language and the wording (message
  templates and that language's catalogue: problems are cached worded) and
  its part, then the SHA-256 of the body: a missing, stale, truncated,
  corrupted or foreign cache file fails one of these checks and is ignored
  (then rebuilt);
- a folder of SHARD_FROM files or more is kept in SHARDS files (by a hash of
  each path): an edit rewrites one small shard, a damaged shard costs only
  its own files;
- the body is JSON, read and written with orjson (a third faster to read
  than json, ten times faster to write), which builds only plain data (no
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
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from mentorat_cli import __version__
from mentorat_cli.core import i18n
from mentorat_cli.core.messages import PROBLEMS, TEXT
from mentorat_cli.core.model import Note, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import resources

FOLDER = ".mentorat/cache"
FORMAT = "mentorat-cache-2"
SHARDS = 64  # cache files of a large folder
SHARD_FROM = 2048  # files: a smaller folder is kept in one cache file
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
    # Problems are cached already worded: in the run's language (--lang, programme, locale), with
    # the templates and the translations of this run (a reworded message or catalogue is a new cache).
    locale = "|".join(os.environ.get(name, "") for name in _LOCALE_VARIABLES)
    language = i18n.language()
    catalogues = tuple(_file_key(path) for path in i18n.catalogue_paths(language))
    return json.dumps([FORMAT, __version__, _schemas_hash(), language, _wording_hash(catalogues), locale, part])


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError:
        return str(path), -1, 0
    return str(path), st.st_size, st.st_mtime_ns


@functools.cache
def _wording_hash(catalogues: tuple[tuple[str, int, int], ...]) -> str:
    """The problems' wording: severities and English templates, and the bytes of the language's .po and .mo."""
    digest = hashlib.sha256(repr(sorted(PROBLEMS.items())).encode() + repr(sorted(TEXT.items())).encode())
    for path, size, _mtime in catalogues:
        if size >= 0:
            try:
                digest.update(path.encode() + b"\0" + Path(path).read_bytes() + b"\0")
            except OSError:
                digest.update(b"unreadable\0")
    return digest.hexdigest()[:32]


def _plain(value: Any) -> bool:
    """True when JSON gives `value` back exactly (same types, same keys)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:  # orjson reads a larger integer back as a float
        return -(2**63) <= value < 2**64
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

    def save(self) -> bool:
        """Write the entries of this load (atomically) if any changed; files gone since are dropped. True when written."""
        if self.enabled and (self.changed or len(self.fresh) != len(self.entries)):
            write_blob(self.root, self.part, self.fresh)
            return True
        return False


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
        return orjson.loads(body)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def write_blob(root: Path, name: str, value: Any) -> None:
    """Keep a JSON value under `name`: header, checksum, body; a temporary file renamed into place."""
    try:
        body = orjson.dumps(value)
    except TypeError:  # not plain data (an integer over 64 bits): not kept
        return
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


def _shards(items: list[tuple[str, str]]) -> dict[str, list[int]]:
    """The cache file of each file, as {name: indices in `items`}: its part (its top folder), or a shard of it.

    A part of SHARD_FROM files or more is kept in SHARDS files, by the CRC-32 of each path (stable
    across runs and machines): an edit then rewrites one small shard, not its whole folder.
    """
    groups: dict[str, list[int]] = {}
    for index, (file, _kind) in enumerate(items):
        groups.setdefault(file.partition("/")[0], []).append(index)
    shards: dict[str, list[int]] = {}
    crc = zlib.crc32
    for part, indices in groups.items():
        if len(indices) < SHARD_FROM:
            shards[part] = indices
            continue
        buckets: list[list[int]] = [[] for _ in range(SHARDS)]
        for index in indices:
            buckets[crc(items[index][0].encode()) % SHARDS].append(index)
        shards.update((f"{part}-{code:02d}", bucket) for code, bucket in enumerate(buckets) if bucket)
    return shards


def load_records(
    root: Path,
    listing: Iterable[tuple[str, str]],
    read: Callable[[list[tuple[str, str]]], list[Loaded]],
    enabled: bool = True,
    setting: int = 0,
) -> list[Loaded]:
    """Each (file, kind) of `listing` loaded: from the cache when unchanged, else by `read` (then cached).

    A file's results are kept with those of its top folder (its part), in one cache file or shards.
    `setting` is a value of programme.yaml the result also depends on (the size limit): it is part
    of each file's key, so a changed limit reads the files again.
    """
    started_ns = time.time_ns()
    items = list(listing)
    shards = _shards(items)
    results: list[Loaded | None] = [None] * len(items)
    keys: list[StatKey | None] = [None] * len(items)
    caches = {name: FileCache(root, name, enabled) for name in shards}
    misses: list[tuple[int, FileCache]] = []
    for name, indices in shards.items():
        _from_cache(root, caches[name], items, indices, setting, results, keys)
        misses += [(index, caches[name]) for index in indices if results[index] is None]
    misses.sort(key=lambda miss: miss[0])
    for (index, cache), loaded in zip(misses, read([items[i] for i, _ in misses]), strict=True):
        results[index] = loaded
        cache.put(items[index][0], keys[index], loaded, started_ns)
    written = [each.save() for each in caches.values()]
    if any(written):
        _drop_other_shards(root, {file.partition("/")[0] for file, _ in items}, set(caches))
    return [loaded for loaded in results if loaded is not None]


def _from_cache(
    root: Path, cache: FileCache, items: list[tuple[str, str]], indices: list[int], setting: int, results: list[Any], keys: list[Any]
) -> None:
    """Fill `results` (and `keys`) for the files of one shard that the cache answers; the others stay None."""
    if not cache.enabled:
        return
    # The warm path runs once per file (140,000 at national scale): locals, no helper calls.
    lstat, prefix, entries, fresh = os.lstat, f"{root}/", cache.entries, cache.fresh
    for index in indices:
        file = items[index][0]
        try:
            st = lstat(prefix + file)
        except OSError:
            continue
        key = keys[index] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, setting]
        cached = entries.get(file)
        if cached is None:
            continue
        try:  # well-formed JSON that is not ours raises: the file is read
            if cached[0] != key:
                continue
            value, problems = cached[1]
            tag = value[0]
            if tag == "N":
                results[index] = Note(value[1], file, value[2]), [Problem(*row) for row in problems] if problems else []
            elif tag == "R":
                results[index] = Record(value[1], value[2], file, value[3]), [Problem(*row) for row in problems] if problems else []
            elif tag == "-":
                results[index] = None, [Problem(*row) for row in problems]
            else:
                continue
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        fresh[file] = cached


def _drop_other_shards(root: Path, parts: set[str], kept: set[str]) -> None:
    """Remove the cache files of these parts that this load did not use (a folder that grew past SHARD_FROM, or shrank)."""
    try:
        with os.scandir(root / FOLDER) as entries:
            names = [entry.name[: -len(".json")] for entry in entries if entry.name.endswith(".json")]
    except OSError:
        return
    for name in names:
        part = name.rsplit("-", 1)[0] if name[-3:-2] == "-" and name[-2:].isdigit() else name
        if part in parts and name not in kept:
            try:
                os.unlink(root / FOLDER / f"{name}.json")
            except OSError:
                pass
