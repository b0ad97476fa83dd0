"""Read a programme folder: files -> records, each file parsed and schema-checked, and every problem found on the way.

The checks across files run above this layer (check/pipeline.py reads, then checks).

No stage raises on bad input: each returns problems, collected and sorted.
Large programmes are read by a pool of worker processes, one chunk of files
each, because parsing and schema checks are CPU-bound.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentorat_cli.core import kinds, vocabulary
from mentorat_cli.core import problems as P
from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Note, Programme, Record
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import resources, yamlio

Progress = Callable[[int, int], None]  # progress(done, total): the CLI shows it on a terminal (cli/progress.py)

PROGRAMME_FILE = "programme.yaml"
RECORD_FOLDERS = (("mentors", "mentor"), ("mentees", "mentee"), ("pairs", "pair"), ("feedback", "feedback"))
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PAIR_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*$")
NOTE_NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})-(first|regular|review|final)(?:-\d+)?\.md$")
# What a command reads: validate and the reports everything, pairing, charters and most mail only people and pairs.
EVERYTHING = frozenset({"mentors", "mentees", "pairs", "feedback", "notes"})
PEOPLE_AND_PAIRS = frozenset({"mentors", "mentees", "pairs"})
PEOPLE = frozenset({"mentors", "mentees"})  # accept, decline: decisions on applications
PARALLEL_FROM = 3000  # files; below this, starting workers costs more than it saves
_IGNORED = {"README.md", ".gitkeep", ".keep"}


def find_root(start: Path) -> Path:
    """The nearest folder, from `start` upward, that holds programme.yaml (like git finds .git)."""
    current = start.resolve()
    for folder in (current, *current.parents):
        if (folder / PROGRAMME_FILE).is_file():
            return folder
    raise MentoratError(text("no-programme", start=start), text("no-programme-hint"))


def _locator(text_: str, offset: int = 0) -> Any:
    cache: dict[str, tuple[int, int]] = {}

    def locate(pointer: str) -> tuple[int, int]:
        if not cache:
            cache.update(yamlio.positions(text_, offset) or {"": (1 + offset, 1)})
        if pointer in cache:
            return cache[pointer]
        # A missing key: point at the closest existing parent.
        base = pointer.split("#")[0]
        while base and base not in cache:
            base = base.rsplit("/", 1)[0]
        return cache.get(base, (1 + offset, 1))

    return locate


def _issue_problem(issue: yamlio.YamlIssue, file: str, confidential: bool) -> Problem:
    values = dict(issue.values)
    if confidential and issue.code == "yaml-syntax":
        values["detail"] = "in the front matter"
    if issue.code == "yaml-tag" and confidential:
        values["tag"] = "!" + values.get("tag", "").rsplit(":", 1)[-1][:20]
    return P.make(issue.code, file, issue.line, issue.column, **values)


def size_text(size: int) -> str:
    """A file size as people read it: `50.0 MB`, `2000 bytes`."""
    return f"{size / 1_048_576:.1f} MB" if size >= 100_000 else f"{size} bytes"


def read_text(path: str | Path, file: str, limit: int = kinds.MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """A file's text, decoded; or problems (unreadable, too large, not UTF-8, conflict markers)."""
    try:
        with open(path, "rb") as handle:
            # The size is checked before anything is parsed: a 50 MB file must be refused at once.
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(limit + 1) if size <= limit else b""
    except OSError as exc:
        return None, [P.make("file-unreadable", file, reason=exc.strerror or type(exc).__name__)]
    if size > limit or len(data) > limit:  # (the file may grow while we read it)
        return None, [P.make("file-too-large", file, size=size_text(max(size, len(data))), limit=size_text(limit))]
    decoded, issue = yamlio.decode(data)
    if issue is not None:
        return None, [_issue_problem(issue, file, False)]
    assert decoded is not None
    markers = yamlio.conflict_markers(decoded)
    if markers:
        return None, [P.make("conflict-marker", file, line, 1) for line in markers]
    return decoded, []


def parse_record(
    kind: str, text_: str, file: str, confidential: bool = False, line_offset: int = 0
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """YAML text -> schema-checked mapping; None when it could not be used."""
    if not text_.strip():
        return None, [P.make("file-empty", file, 1, 1)]
    data, issue = yamlio.load(text_, line_offset)
    if issue is not None:
        return None, [_issue_problem(issue, file, confidential)]
    if data is None:
        return None, [P.make("file-empty", file, 1 + line_offset, 1)]
    if not isinstance(data, dict):
        found = gettext("a list") if isinstance(data, list) else gettext("a single value")
        return None, [P.make("yaml-not-mapping", file, 1 + line_offset, 1, found=found)]
    from mentorat_cli.load import schemas  # jsonschema loads only when a file is read (not on a warm cache)

    # `status: acceptée`, `format: présentiel`: people's words become canonical ids in memory.
    vocabulary.normalise_record(kind, data)
    found_problems = schemas.check(kind, data, file, _locator(text_, line_offset), confidential)
    if P.has_errors(found_problems):
        # The sound part still goes through the cross-file checks; the file counts as broken.
        return schemas.sound_part(kind, data, found_problems), found_problems
    return data, found_problems


def load_record_file(root: str, file: str, kind: str, limit: int = kinds.MAX_FILE_BYTES) -> tuple[Record | Note | None, list[Problem]]:
    """Read and check one record file or meeting note (run in worker processes for large programmes)."""
    if kind == "note":
        return load_note(root, file, limit)
    content, found = read_text(os.path.join(root, file), file, limit)
    if content is None:
        return None, found
    data, more = parse_record(kind, content, file)
    found += more
    if data is None:
        return None, found
    stem = file.rsplit("/", 1)[-1][: -len(".yaml")]
    if data.get("id") != stem:
        line, column = _locator(content)("/id")
        found.append(P.make("id-mismatch", file, line, column, pointer="/id", id=data.get("id"), stem=stem))
    return Record(kind, stem, file, data), found


def _load_chunk(args: tuple[str, list[tuple[str, str]], int]) -> list[tuple[Record | Note | None, list[Problem]]]:
    root, items, limit = args
    return [load_record_file(root, file, kind, limit) for file, kind in items]


def _scan(
    root: Path,
    folder: str,
    problems: list[Problem],
    suffix: str | None,
    expected: str,
    name: re.Pattern[str] | None = None,
    longest: int = 0,
    hidden: dict[str, list[str]] | None = None,
) -> list[str]:
    """The one scanner of data folders: names of the wanted entries, sorted; ignored, linked, stray and badly named ones reported.

    `suffix` None wants sub-folders (the notes' pair folders), else files ending with it. With `name`,
    each stem must match it and be at most `longest` characters, and two names may not differ only by case.
    With `hidden`, the folder is one its parent's scan saw, and its dot-names are kept there by folder.
    """
    found: list[str] = []
    seen_lower: dict[str, str] = {}
    entries = _entries(root, folder, problems, checked=hidden is not None)
    if hidden is not None and entries is not None:
        hidden[folder] = [entry.name for entry in entries if entry.name.startswith(".")]
    for entry in entries or []:
        rel = f"{folder}/{entry.name}"
        if entry.name.startswith(".") or entry.name in _IGNORED:
            continue
        if entry.is_symlink():
            problems.append(P.make("file-symlink", rel))
            continue
        if not (entry.is_dir() if suffix is None else entry.is_file() and entry.name.endswith(suffix)):
            problems.append(P.make("file-stray", rel, folder=folder, expected=expected))
            continue
        if name is not None:
            stem = entry.name[: -len(suffix)] if suffix else entry.name
            if suffix is not None:
                if stem.lower() in seen_lower:
                    problems.append(P.make("file-case-clash", rel, name=entry.name, other=seen_lower[stem.lower()]))
                    continue
                seen_lower[stem.lower()] = entry.name
            if not name.match(stem) or len(stem) > longest:
                problems.append(P.make("file-name", rel, name=entry.name))
                continue
        found.append(entry.name)
    return found


def _scan_folder(root: Path, folder: str, suffix: str, problems: list[Problem]) -> list[str]:
    """Relative paths of a record folder's files (`mentors/x.yaml`), sorted."""
    pattern, longest = (PAIR_ID_RE, 130) if folder == "pairs" else (ID_RE, 64)
    return [f"{folder}/{name}" for name in _scan(root, folder, problems, suffix, suffix, pattern, longest)]


def _load_programme_file(root: Path, problems: list[Problem], use_cache: bool = True) -> dict[str, Any]:
    from mentorat_cli.load import cache

    path = root / PROGRAMME_FILE
    if path.is_symlink():
        problems.append(P.make("file-symlink", PROGRAMME_FILE))
        return {}
    if not path.is_file():
        problems.append(P.make("programme-missing", PROGRAMME_FILE))
        return {}
    # Through the per-file cache too: a warm run then never loads the YAML parser's schema checks.
    read = lambda todo: [_programme_record(root) for _ in todo]  # noqa: E731
    [(loaded, found)] = cache.load_records(root, [(PROGRAMME_FILE, "programme")], str, read, use_cache)
    problems += found
    return loaded.data if isinstance(loaded, Record) else {}


def _programme_record(root: Path) -> tuple[Record | Note | None, list[Problem]]:
    """programme.yaml read and checked, as a record (kept in the cache like any other file)."""
    content, found = read_text(root / PROGRAMME_FILE, PROGRAMME_FILE)
    if content is None:
        return None, found
    data, more = parse_record("programme", content, PROGRAMME_FILE)
    found += more
    if data is None:
        # Best effort: keep going with the kind's defaults so other files are still checked.
        raw, _ = yamlio.load(content)
        data = {"kind": raw.get("kind")} if isinstance(raw, dict) and raw.get("kind") in kinds.KINDS else {}
    return Record("programme", "programme", PROGRAMME_FILE, data), found


def _load_records(
    root: Path, listing: list[tuple[str, str]], workers: int | None, limit: int, progress: Progress | None = None
) -> list[tuple[Record | Note | None, list[Problem]]]:
    if workers is None:
        workers = min(os.cpu_count() or 1, 8) if len(listing) >= PARALLEL_FROM else 1
    results: list[tuple[Record | Note | None, list[Problem]]] = []
    if workers <= 1:
        for file, kind in listing:
            results.append(load_record_file(str(root), file, kind, limit))
            if progress is not None and (len(results) % 64 == 0 or len(results) == len(listing)):
                progress(len(results), len(listing))
        return results
    size = max(200, len(listing) // (workers * 8))
    chunks = [(str(root), listing[i : i + size], limit) for i in range(0, len(listing), size)]
    from concurrent.futures import ProcessPoolExecutor  # here: multiprocessing is slow to import, small programmes never need it

    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(_load_chunk, chunks):
            results.extend(part)
            if progress is not None:
                progress(len(results), len(listing))
    return results


def _reader(root: Path, workers: int | None, limit: int, progress: Progress | None) -> Callable[[list[tuple[str, str]]], list[Any]]:
    """What reads the files the cache does not answer (the progress callback passed only when there is one)."""
    if progress is None:
        return lambda todo: _load_records(root, todo, workers, limit)
    return lambda todo: _load_records(root, todo, workers, limit, progress)


def _scan_notes(root: Path, problems: list[Problem], hidden: dict[str, list[str]] | None = None) -> list[str]:
    """Relative paths of the meeting notes (`notes/<pair>/<name>.md`), sorted; note names are checked on load.

    `hidden` receives each pair folder's dot-names (where a stopped command's temporaries would be).
    """
    found: list[str] = []
    hidden = {} if hidden is None else hidden
    for pair_folder in _scan(root, "notes", problems, None, "pair folders of", PAIR_ID_RE, 10**6):
        rel_folder = f"notes/{pair_folder}"
        found += [f"{rel_folder}/{name}" for name in _scan(root, rel_folder, problems, ".md", ".md", hidden=hidden)]
    return found


def _entries(root: Path, folder: str, problems: list[Problem], checked: bool = False) -> list[os.DirEntry[str]] | None:
    """A data folder's entries sorted by name; None (and a problem) when it is a link, a file or unreadable.

    `checked`: the caller's scan already saw a real folder there (8,000 notes folders: one stat each saved).
    """
    base = f"{root}/{folder}"
    if not checked:
        try:
            mode = os.lstat(base).st_mode
        except OSError:  # missing (or its parent unreadable: that is reported for the parent)
            return None
        if stat.S_ISLNK(mode):
            problems.append(P.make("file-symlink", folder))
            return None
        if not stat.S_ISDIR(mode):
            problems.append(P.make("folder-not-folder", folder))
            return None
    try:
        with os.scandir(base) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:  # no permission, or removed while we scan
        problems.append(P.make("folder-unreadable", folder, reason=exc.strerror or type(exc).__name__))
        return None


def load_note(root: str, rel: str, limit: int = kinds.MAX_FILE_BYTES) -> tuple[Note | None, list[Problem]]:
    """A meeting note's front matter. Errors never quote the note: its text is confidential."""
    content, problems = read_text(os.path.join(root, rel), rel, limit)
    if content is None:
        return None, problems
    split = yamlio.split_front_matter(content)
    if split is None:
        return None, problems + [P.make("note-front-matter", rel, 1, 1)]
    front, _body = split
    del content, _body  # the body is private to the pair: it goes no further
    data, found = parse_record("note", front, rel, confidential=True, line_offset=1)
    problems += found
    if data is None:
        return None, problems
    _, pair, name = rel.split("/")
    match = NOTE_NAME_RE.match(name)
    if match is None:
        problems.append(P.make("note-name", rel, 1, 1))
    else:
        locate = _locator(front, 1)
        for field, expected in (("date", match.group(1)), ("kind", match.group(2))):
            if str(data.get(field)) != expected:
                line, column = locate(f"/{field}")
                problems.append(P.make("note-name-mismatch", rel, line, column, field=field, value=data.get(field)))
    return Note(pair, rel, data), problems


def read(
    root: Path, workers: int | None = None, *, parts: frozenset[str] = EVERYTHING, cache: bool = True, progress: Progress | None = None
) -> tuple[Programme, list[Problem]]:
    """Read the files of the programme at `root` into records, with each file's own problems.

    `parts` names the folders to read (the others are not read); `cache` uses and refreshes
    `.mentorat/cache/`, which never changes a result, only saves reading again. The checks
    across files run above this layer: `check.pipeline.load` reads then checks.
    `progress(done, total)` hears of the files read (those the cache answers are not counted).
    """
    # A load keeps millions of small objects alive; each cyclic collection would
    # scan them all again and free nothing (about 4 s of CPU for 140,000 files).
    # Reference counting still frees every temporary.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(root, workers, parts, cache, progress)
    finally:
        if enabled:
            gc.enable()


def _read(
    root: Path, workers: int | None, parts: frozenset[str], use_cache: bool, progress: Progress | None = None
) -> tuple[Programme, list[Problem]]:
    from mentorat_cli.load import cache

    problems: list[Problem] = []
    raw = _load_programme_file(root, problems, use_cache)
    programme = Programme(root=root, config=kinds.effective_config(raw), raw_config=raw, files_checked=1)
    listing: list[tuple[str, str]] = []
    for folder, kind in RECORD_FOLDERS:
        if folder in parts:
            listing += [(rel, kind) for rel in _scan_folder(root, folder, ".yaml", problems)]
    if "notes" in parts:
        listing += [(rel, "note") for rel in _scan_notes(root, problems, programme.note_folders)]
    limit = programme.config["limits"]["max_file_bytes"]
    targets = {"mentor": programme.mentors, "mentee": programme.mentees, "pair": programme.pairs, "feedback": programme.feedback}
    loaded_files = cache.load_records(root, listing, _cache_part, _reader(root, workers, limit, progress), use_cache, setting=limit)
    for (file, kind), (loaded, found) in zip(listing, loaded_files, strict=True):
        problems += found
        programme.files_checked += 1
        if loaded is None or P.has_errors(found):
            programme.broken.add(file)
        if loaded is None:
            continue
        if isinstance(loaded, Note):
            programme.notes.setdefault(loaded.pair, []).append(loaded)
        else:
            targets[kind][loaded.id] = loaded
    for notes in programme.notes.values():
        notes.sort(key=lambda n: (str(n.meta.get("date")), n.path))
    problems += _stale_editor_schemas(root)
    return programme, P.sort_problems(problems)


def _cache_part(file: str) -> str:
    """The cache file a programme file's result is kept in: one per folder."""
    return file.split("/", 1)[0]


def _stale_editor_schemas(root: Path) -> list[Problem]:
    """The copies of the schemas in .schemas/ (for editors) differ from this version's."""
    folder = root / ".schemas"
    if not folder.is_dir() or folder.is_symlink():
        return []
    stale = resources.stale_editor_schemas(root)
    if not stale:
        return []
    return [P.make("schemas-outdated", ".schemas", names=", ".join(rel.split("/", 1)[1] for rel in stale))]
