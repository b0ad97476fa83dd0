"""Fuzzing: no input makes mentorat crash (exit 3) or print a traceback.

Hypothesis mutates the files of a small copy of the sample programme (bit
flips, deleted and duplicated lines, values swapped for [], {}, null, 1e400,
-1, long strings, wrong types, Unicode oddities, added keys, odd bytes), then
runs `validate` and the reading commands, which must exit 0, 1 or 2.

CI runs a fixed, reproducible set of examples (derandomize=True). To explore
more locally: MENTORAT_FUZZ_EXAMPLES=5000 MENTORAT_FUZZ_RANDOM=1 pytest tests/test_fuzz.py
(MENTORAT_FUZZ_RANDOM draws new examples on every run and prints the failing one).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE, TODAY, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MENTEES = ["hugo-bernard", "camille-lefevre", "ines-benali", "alexandre-muller", "aya-benmoussa", "clement-perrot", "adam-zerrouki"]
MENTORS = [
    "julien-moreau",
    "pierre-antoine-lemaire",
    "elodie-marchand",
    "aicha-traore",
    "anne-sophie-kieffer",
    "bruno-lefebvre",
    "emilie-roche",
    "awa-sow",
]
PAIRS = [
    "hugo-bernard--julien-moreau",
    "hugo-bernard--pierre-antoine-lemaire",
    "camille-lefevre--elodie-marchand",
    "ines-benali--aicha-traore",
]
FEEDBACK = ["fb-camille-lefevre-mentee", "fb-camille-lefevre-mentor", "fb-hugo-bernard-mentee"]

EXAMPLES = int(os.environ.get("MENTORAT_FUZZ_EXAMPLES", "0"))
RANDOM = bool(os.environ.get("MENTORAT_FUZZ_RANDOM"))

# Values a line's value is swapped for, as YAML text.
VALUES = [
    "[]",
    "{}",
    "null",
    "~",
    "1e400",
    "-1e400",
    ".nan",
    "-1",
    "0",
    "21000",
    '"21000"',
    "-0.5",
    "99999999999999999999",
    "[a, b]",
    "[1, 2]",
    "[null]",
    "[{}]",
    "[[[]]]",
    "{a: 1}",
    "{theme: x}",
    "true",
    "false",
    '""',
    "'  '",
    "'" + "x" * 5000 + "'",
    "'" + "é" * 300 + "'",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "2026-13-01",
    '"2026-06-01T10:00:00"',
    '"e\\u0301"',
    '"\\u202eevil"',
    '"\\u200b"',
    '"line\\nbreak"',
    '"tab\\there"',
    '"nul\\0byte"',
    '"\\x1b[31mred"',
    '"😀"',
    '"../../etc/passwd"',
    '"<script>x</script>"',
    '"=1+1"',
    "hugo-bernard",
    "julien-moreau",
    "hugo-bernard--julien-moreau",
    "ines-benali--aicha-traore",
    "confirmed",
    "proposed",
    "ended",
    "accepted",
    "withdrawn",
    "erased",
    "career-orientation",
    "remote",
    "first",
    "[{theme: career-orientation}]",
    "[{theme: [x]}]",
    "[{theme: teamwork, text: [1], reached: 5}]",
    "[{mentor: 1}]",
    "{mentor: 2026-01-01, mentee: []}",
    "[{date: 2026-06-01, channel: [], summary: {}}]",
    "{region: [x]}",
    "{city: [], postcode: 75000}",
    "[fr, 1, null]",
    "[weekday_lunch, {}]",
    "2026-01-01",
    "2099-01-01",
    "1970-01-01",
]
# Byte sequences inserted somewhere in a file.
INSERTS = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\t",
    b"\x1b",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\n<<<<<<< HEAD\n",
    b"\n---\n",
    b"&a ",
    b"*a ",
    b"!!python/object ",
    b"? ",
    b"%YAML 1.1\n---\n",
    b"\n- x\n",
    b": ",
    b"{",
    b"[",
    b'"',
    b"'",
    b"#",
    b"\n  ",
    b"\xe2\x80\xae",
    b"e\xcc\x81",
]


def _schema(name: str) -> dict[str, object]:
    return json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _keys(*names: str) -> list[str]:
    """Top-level keys of these kinds of file, and a few no schema knows."""
    found = {"unknown_key", "limits", "min_group_size"}
    for name in names:
        found |= set(_schema(name).get("properties", {}))  # type: ignore[call-overload]
    return sorted(found)


def _all_keys() -> list[str]:
    """Every property name at any depth of any schema: keys to add inside nested mappings."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                found.update(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((REPO / "schemas").glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted(found)


PERSON_KEYS = sorted(set(_keys("mentor", "mentee")) | set(_schema("common")["$defs"]["person"]["properties"]))  # type: ignore[index]
# Keys worth setting per folder: a person file also gets the other role's keys (objectives on a mentor...).
# The other role's own fields come up more often: their values reach code written for the other role.
KEYS_BY_FOLDER = {
    "mentors": PERSON_KEYS + ["objectives", "public"] * 5,
    "mentees": PERSON_KEYS + ["themes", "publics", "capacity"] * 4,
    "pairs": _keys("pair"),
    "feedback": _keys("feedback"),
    "notes": _keys("note"),
    "programme.yaml": _keys("programme"),
    "pairing.yaml": _keys("pairing"),
}
ANY_KEY = _all_keys()

READING = [
    ["status"],
    ["status", "--format", "json"],
    ["audit"],
    ["audit", "--format", "json"],
    ["report"],
    ["report", "--format", "html"],
    ["report", "--format", "xlsx"],
    ["sheet", "--all"],
    ["sheet", "--all", "--format", "html"],
    ["charter", "--all"],
    ["charter", "--all", "--format", "html"],
    ["calendar", "--all"],
    ["scores"],
    ["scores", "--format", "csv"],
    ["pair", "--dry-run"],
    ["pair", "--explain", "alexandre-muller"],
    ["export", "people", "-o", "-"],
    ["export", "pairs", "--format", "xlsx", "--force"],
    ["export", "meetings", "-o", "-"],
    ["note", "list"],
    ["survey", "blank"],
    ["forget", "hugo-bernard", "--dry-run"],
    *[["person", "show", who] for who in ("hugo-bernard", "julien-moreau", "alexandre-muller")],
]


def _build_base(target: Path) -> None:
    """A small programme cut from the sample: ended, replacing, confirmed and proposed pairs, notes, feedback."""
    target.mkdir()
    shutil.copy(SAMPLE / "programme.yaml", target / "programme.yaml")
    for folder, ids in (("mentees", MENTEES), ("mentors", MENTORS), ("pairs", PAIRS), ("feedback", FEEDBACK)):
        (target / folder).mkdir()
        for ident in ids:
            shutil.copy(SAMPLE / folder / f"{ident}.yaml", target / folder / f"{ident}.yaml")
    for pair in PAIRS:
        shutil.copytree(SAMPLE / "notes" / pair, target / "notes" / pair)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The small programme, valid, with the proposals of one `pair` run (pairing.yaml, proposed pairs)."""
    from mentorat_cli.cli import main

    root = tmp_path_factory.mktemp("fuzz") / "base"
    _build_base(root)
    with pytest.raises(SystemExit) as exit_info:
        main(["--today", TODAY, "--root", str(root), "-q", "pair"])
    assert exit_info.value.code == 0
    assert list((root / "pairs").glob("*.yaml")) != [], "the base programme has pairs"
    yield root


def _files(root: Path) -> list[str]:
    # Dot files are the tool's own (lock, transactions): other tests cover them.
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


OPERATIONS = (
    ["set"] * 6 + ["swap"] * 5 + ["add"] + ["flip", "delete", "duplicate", "insert"] * 2 + ["truncate", "empty", "remove", "directory"]
)


@st.composite
def mutation(draw: st.DrawFn, files: list[str]) -> tuple[str, str, object]:
    """(file, operation, argument), applied by `_apply`. Folders are drawn first: notes must not crowd out profiles."""
    folders = sorted({f.split("/")[0] for f in files})
    folder = draw(st.sampled_from(folders))
    file = draw(st.sampled_from([f for f in files if f.split("/")[0] == folder]))
    op = draw(st.sampled_from(OPERATIONS))
    position = draw(st.integers(min_value=0, max_value=10_000))
    if op == "set":
        return file, op, (draw(st.sampled_from(KEYS_BY_FOLDER.get(folder, ANY_KEY))), draw(st.sampled_from(VALUES)))
    if op == "add":
        return file, op, (position, draw(st.sampled_from(ANY_KEY)), draw(st.sampled_from(VALUES)))
    if op == "flip":
        return file, op, (position, draw(st.integers(0, 7)))
    if op == "swap":
        return file, op, (position, draw(st.sampled_from(VALUES)))
    if op == "insert":
        return file, op, (position, draw(st.sampled_from(INSERTS)))
    return file, op, position


def _apply(root: Path, change: tuple[str, str, object]) -> None:
    """Apply one mutation to one file of the copy."""
    file, op, arg = change
    path = root / file
    if not path.is_file():
        return
    if op in ("remove", "directory"):
        path.unlink()
        if op == "directory":
            path.mkdir()
        return
    data = path.read_bytes()
    lines = data.splitlines(keepends=True) or [b""]
    if op == "set":
        key, value = arg  # type: ignore[misc]
        data = b"".join(_set(lines, key, value))
    elif op == "flip":
        position, bit = arg  # type: ignore[misc]
        if data:
            index = position % len(data)
            data = data[:index] + bytes([data[index] ^ (1 << bit)]) + data[index + 1 :]
    elif op in ("delete", "duplicate"):
        index = int(arg) % len(lines)  # type: ignore[call-overload]
        lines[index : index + 1] = [] if op == "delete" else [lines[index], lines[index]]
        data = b"".join(lines)
    elif op == "swap":
        position, value = arg  # type: ignore[misc]
        data = b"".join(_swap(lines, position, value))
    elif op == "add":  # a key inside whatever mapping or list item a line belongs to
        position, key, value = arg  # type: ignore[misc]
        index = position % len(lines)
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip(b" -"))].replace(b"-", b" ")
        lines.insert(index, indent + f"{key}: {value}\n".encode())
        data = b"".join(lines)
    elif op == "insert":
        position, chunk = arg  # type: ignore[misc]
        index = position % (len(data) + 1)
        data = data[:index] + chunk + data[index:]
    elif op == "truncate":
        data = data[: int(arg) % (len(data) + 1)]  # type: ignore[call-overload]
    elif op == "empty":
        data = b""
    path.write_bytes(data)


def _set(lines: list[bytes], key: str, value: str) -> list[bytes]:
    """Set a top-level key (of the front matter, for a note): its whole block replaced, or the key added."""
    first, last = 0, len(lines)
    if lines and lines[0].startswith(b"---"):
        closing = [i for i, line in enumerate(lines[1:], 1) if line.startswith(b"---")]
        first, last = 1, (closing[0] if closing else len(lines))
    new = f"{key}: {value}\n".encode()
    for index in range(first, last):
        if lines[index].startswith(key.encode() + b":"):
            end = index + 1
            while end < last and (lines[end].startswith((b" ", b"-")) or not lines[end].strip()):
                end += 1
            return [*lines[:index], new, *lines[end:]]
    return [*lines[:last], new, *lines[last:]]


def _swap(lines: list[bytes], position: int, value: str) -> list[bytes]:
    """Replace the value of one `key: value` or `- item` line by `value`."""
    candidates = [i for i, line in enumerate(lines) if b": " in line or line.lstrip().startswith(b"- ") or line.rstrip().endswith(b":")]
    if not candidates:
        return lines
    index = candidates[position % len(candidates)]
    line = lines[index].rstrip(b"\r\n")
    if b": " in line or line.endswith(b":"):
        head = line.split(b": ", 1)[0] if b": " in line else line[:-1]
        lines[index] = head + b": " + value.encode() + b"\n"
    else:
        head = line[: len(line) - len(line.lstrip())]
        lines[index] = head + b"- " + value.encode() + b"\n"
    return lines


def _check(result: Result, args: list[str], changes: list[tuple[str, str, object]]) -> None:
    where = f"mentorat {' '.join(args)} after {changes!r}"
    assert result.code in (0, 1, 2), f"exit {result.code}: {where}\n{result.err[-2000:]}"
    for stream in (result.out, result.err):
        assert "Traceback" not in stream, where
        assert "internal error" not in stream, where


def _fuzz_settings(ci_examples: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=EXAMPLES or ci_examples,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _mutated_copy(base: Path, data: st.DataObject) -> tuple[Path, list[tuple[str, str, object]]]:
    work = Path(tempfile.mkdtemp(prefix="mentorat-fuzz-"))
    root = work / "prog"
    shutil.copytree(base, root)
    files = _files(root)
    changes = data.draw(st.lists(mutation(files), min_size=1, max_size=3), label="changes")
    for change in changes:
        _apply(root, change)
    return root, changes


@_fuzz_settings(100)
@given(data=st.data())
def test_validate_never_crashes(base: Path, run_cli, data: st.DataObject) -> None:
    """validate (text and json) on a few hundred mutated programmes: never exit 3."""
    root, changes = _mutated_copy(base, data)
    try:
        for args in (["validate"], ["validate", "--format", "json", "--strict"]):
            _check(run_cli(["--root", root, *args]), args, changes)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


@_fuzz_settings(60)
@given(data=st.data())
def test_reading_commands_never_crash(base: Path, run_cli, data: st.DataObject) -> None:
    """The reading commands on mutated programmes: never exit 3."""
    root, changes = _mutated_copy(base, data)
    try:
        check = run_cli(["--root", root, "validate"])
        _check(check, ["validate"], changes)
        # A few commands per example keep the run short; across examples every one of them runs.
        commands = data.draw(st.lists(st.sampled_from(READING), min_size=1, max_size=3, unique_by=tuple), label="commands")
        for args in commands:
            _check(run_cli(["--root", root, *args]), args, changes)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)
