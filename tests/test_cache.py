"""The per-file cache (.mentorat/cache/) never changes a result: cold, warm, damaged or off, same bytes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from conftest import SAMPLE, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorat_cli.load import cache, repository

CACHE = ".mentorat/cache"
READ_ONLY = [
    ["validate"],
    ["validate", "--format", "json"],
    ["status"],
    ["note", "list"],
    ["scores", "--format", "csv"],
    ["pair", "--dry-run"],
    ["pair", "--explain", "alexandre-muller"],
    ["audit", "--format", "json"],
    ["report", "--format", "md", "-o", "{root}/out/report.md", "--force"],
    ["export", "meetings", "-o", "-"],
    ["export", "pairs", "-o", "-"],
    ["person", "show", "aicha-traore"],
]
WRITING = [
    ["pair"],
    ["confirm", "--all"],
    ["charter", "--all"],
    ["sheet", "--all"],
    ["rematch", "amadou-keita--samira-bouzid", "--reason", "changement de poste"],
]


def _seconds_free(text: str) -> str:
    """Pair's summary prints its run time: the only part of any output allowed to differ."""
    return re.sub(r"\d+[.,]\d[ \u00a0]s\b", "T s", text)


def _aged_copy(target: Path) -> Path:
    """A copy of the sample old enough to be cached (git's racy-clean rule skips files changed just now)."""
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("out", ".mentorat"))
    return target


@pytest.fixture(scope="module")
def aged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Several copies of the sample made at once, then one wait past the racy window for all of them."""
    base = tmp_path_factory.mktemp("aged")
    for name in ("read", "cold", "warm", "corrupted", "nocache", "edit", "foreign", "limit"):
        _aged_copy(base / name)
    # Over 1 kB (fine under the default limit): test_a_changed_size_limit_reads_the_files_again lowers it.
    grown = base / "limit" / "mentees" / "lea-martin.yaml"
    grown.write_text(grown.read_text(encoding="utf-8") + "# " + "x" * 2000 + "\n", encoding="utf-8")
    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    return base


def _damage(root: Path) -> None:
    """Every cache file truncated, garbled or replaced by well-formed JSON from elsewhere."""
    files = sorted((root / CACHE).glob("*.json"))
    assert files, "the warm-up run should have written the cache"
    for index, path in enumerate(files):
        blob = path.read_bytes()
        if index % 3 == 0:
            path.write_bytes(blob[: len(blob) // 2])
        elif index % 3 == 1:
            path.write_bytes(blob.replace(b'"id"', b'"ID"'))
        else:
            header = blob.split(b"\n", 1)[0]
            body = json.dumps({"x": [[1, 2, 3, 4], [["R", "mentor", "x", {}], []]]}).encode()
            path.write_bytes(header + b"\nnot-the-digest\n" + body)


def _outputs(run_cli, root: Path, commands: list[list[str]], extra: list[str]) -> list[tuple[int, str, str]]:
    def plain(text: str) -> str:
        return _seconds_free(text).replace(str(root), "ROOT")

    def command(args: list[str]) -> list[str]:
        return [arg.replace("{root}", str(root)) for arg in args]

    outputs = [(r.code, plain(r.out), plain(r.err)) for r in (run_cli([*extra, "--root", root, *command(args)]) for args in commands)]
    written = root / "out" / "report.md"
    if written.is_file():  # the report's own text is part of the output
        outputs.append((0, written.read_text(encoding="utf-8"), ""))
        written.unlink()
    return outputs


def test_read_only_commands_same_output_cold_warm_corrupted_and_without_cache(aged, run_cli):
    root = aged / "read"
    reference = _outputs(run_cli, root, READ_ONLY, ["--no-cache"])
    assert not (root / CACHE).exists(), "--no-cache writes no cache"
    cold = _outputs(run_cli, root, READ_ONLY, [])
    assert (root / CACHE / "notes.json").is_file()
    warm = _outputs(run_cli, root, READ_ONLY, [])
    _damage(root)
    corrupted = _outputs(run_cli, root, READ_ONLY, [])
    assert cold == reference
    assert warm == reference
    assert corrupted == reference
    assert reference[0][0] == 0 and "valid" in reference[0][1]
    assert [code for code, _, _ in reference] == [0] * (len(READ_ONLY) + 1), reference  # + the report's text
    assert reference[-1][1].startswith("#")


def test_writing_commands_same_output_and_files(aged, run_cli, tmp_path):
    def files(folder: Path) -> dict[str, bytes]:
        return snapshot(folder)

    reference_root = _aged_copy(tmp_path / "reference")
    reference = _outputs(run_cli, reference_root, WRITING, ["--no-cache"])
    assert [out[0] for out in reference] == [0] * len(WRITING)
    for mode in ("cold", "warm", "corrupted", "nocache"):
        root = aged / mode
        if mode in ("warm", "corrupted"):
            assert run_cli(["--root", root, "validate"]).code == 0
        if mode == "corrupted":
            _damage(root)
        outputs = _outputs(run_cli, root, WRITING, ["--no-cache"] if mode == "nocache" else [])
        assert outputs == reference, mode
        assert files(root) == files(reference_root), mode


def test_warm_run_reads_no_file_and_an_edit_is_seen(aged, run_cli, monkeypatch):
    root = aged / "edit"
    assert run_cli(["--root", root, "validate"]).code == 0
    read: list[str] = []
    original = repository._load_records

    def counting(root_, listing, workers, limit):
        read.extend(file for file, _ in listing)
        return original(root_, listing, workers, limit)

    monkeypatch.setattr(repository, "_load_records", counting)
    assert run_cli(["--root", root, "validate"]).code == 0
    assert read == []
    # An edit of the same size: the modification time alone tells the cache the file changed.
    path = root / "mentees" / "alexandre-muller.yaml"
    text = path.read_text(encoding="utf-8")
    assert "status: accepted" in text
    path.write_text(text.replace("status: accepted", "status: acceptex"), encoding="utf-8")
    result = run_cli(["--root", root, "validate"])
    assert read == ["mentees/alexandre-muller.yaml"]
    assert result.code == 1
    assert "mentees/alexandre-muller.yaml" in result.out and "schema-enum" in result.out
    # Edited just now: re-read on every run until it is older than the racy window.
    read.clear()
    assert run_cli(["--root", root, "validate"]).code == 1
    assert read == ["mentees/alexandre-muller.yaml"]


def test_foreign_cache_from_another_version_is_ignored(aged, run_cli, monkeypatch):
    root = aged / "foreign"
    assert run_cli(["--root", root, "validate"]).code == 0
    # The cache of another mentorat version (or other schemas) holds a forged record: never trusted.
    path = root / CACHE / "mentees.json"
    header, _digest, body = path.read_bytes().split(b"\n", 2)
    entries = json.loads(body)
    entry = entries["mentees/alexandre-muller.yaml"]
    entry[1][1].append(["mentees/alexandre-muller.yaml", 1, 1, "file-stray", "warning", "forged", "", ""])
    body = json.dumps(entries).encode()
    forged_header = header.replace(b'"0.', b'"99.')
    assert forged_header != header
    path.write_bytes(forged_header + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    result = run_cli(["--root", root, "validate"])
    assert result.code == 0 and "forged" not in result.out
    # The same forgery under this version's header is trusted (proving the header is what protects).
    path.write_bytes(header + b"\n" + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    result = run_cli(["--root", root, "validate"])
    assert result.code == 0 and "forged" in result.out


def test_cache_through_a_symbolic_link_is_not_used(tmp_path, run_cli):
    root = _aged_copy(tmp_path / "prog")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".mentorat").mkdir(exist_ok=True)
    (root / CACHE).symlink_to(elsewhere)
    assert run_cli(["--root", root, "validate"]).code == 0
    assert list(elsewhere.iterdir()) == []


def test_init_and_sample_ignore_the_cache(tmp_path, run_cli):
    assert ".mentorat/cache/" in (SAMPLE / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert run_cli(["init", tmp_path / "p", "--kind", "school", "--no-git"]).code == 0
    assert ".mentorat/cache/" in (tmp_path / "p" / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_pair_again_answers_from_the_record_without_rescoring(sample, run_cli, monkeypatch, tmp_path):
    from mentorat_cli.pair import plan

    first = run_cli(["--root", sample, "pair"])
    assert first.code == 0 and "file(s) written" in first.out
    state = snapshot(sample)
    runs: list[int] = []
    original = plan.run
    monkeypatch.setattr(plan, "run", lambda *args, **kwargs: runs.append(1) or original(*args, **kwargs))
    again = run_cli(["--root", sample, "pair"])
    assert runs == []
    # The same words as a full run on the same files would print (times aside), and nothing written.
    reference = tmp_path / "reference"
    shutil.copytree(sample, reference, ignore=shutil.ignore_patterns(".mentorat"))
    full = run_cli(["--no-cache", "--root", reference, "pair"])
    assert runs == [1]
    assert again.code == full.code == 0
    assert _seconds_free(again.out) == _seconds_free(full.out)
    assert "nothing changed" in again.out
    assert snapshot(sample) == state


@pytest.mark.parametrize("change", ["edit-mentee", "remove-proposal", "objective", "today", "no-cache"])
def test_pair_recomputes_when_an_input_or_an_option_changes(sample, run_cli, monkeypatch, change):
    from mentorat_cli.pair import plan

    assert run_cli(["--root", sample, "pair"]).code == 0
    runs: list[int] = []
    original = plan.run
    monkeypatch.setattr(plan, "run", lambda *args, **kwargs: runs.append(1) or original(*args, **kwargs))
    args = ["--root", sample, "pair"]
    proposal = sorted(p for p in (sample / "pairs").iterdir() if "status: proposed" in p.read_text(encoding="utf-8"))[0]
    if change == "edit-mentee":
        path = sample / "mentees" / "alexandre-muller.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "# relancé\n", encoding="utf-8")
    elif change == "remove-proposal":
        proposal.unlink()
    elif change == "objective":
        args += ["--objective", "fair"]
    elif change == "today":
        args = ["--today", "2026-11-26", *args]
    else:
        args = ["--no-cache", *args]
    result = run_cli(args)
    assert result.code == 0
    assert runs == [1]
    if change == "remove-proposal":
        assert proposal.is_file() and "1 file(s) written" in result.out


def test_forget_leaves_no_copy_of_the_erased_data_in_the_cache(sample, run_cli):
    person = sample / "mentees" / "alexandre-muller.yaml"
    email = next(line.split(":", 1)[1].strip() for line in person.read_text(encoding="utf-8").splitlines() if line.startswith("email:"))
    assert run_cli(["--root", sample, "validate"]).code == 0
    assert run_cli(["--root", sample, "pair", "--dry-run"]).code == 0

    def cached() -> bytes:
        return b"".join(p.read_bytes() for p in sorted((sample / CACHE).glob("*")) if p.is_file())

    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    assert run_cli(["--root", sample, "validate"]).code == 0
    assert email.encode() in cached()
    assert run_cli(["--root", sample, "forget", "alexandre-muller"]).code == 0
    assert email.encode() not in cached()
    assert run_cli(["--root", sample, "validate"]).code == 0
    assert email.encode() not in cached()


def test_a_changed_size_limit_reads_the_files_again(aged, run_cli):
    """limits.max_file_bytes (programme.yaml) changes results: cached files are checked against the new limit."""
    root = aged / "limit"
    assert run_cli(["--root", root, "validate"]).code == 0
    assert list((root / CACHE).glob("*.json")), "the warm-up run should have written the cache"
    programme = root / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "limits:\n  max_file_bytes: 1024\n", encoding="utf-8")
    cached = run_cli(["--root", root, "validate"])
    fresh = run_cli(["--root", root, "--no-cache", "validate"])
    assert cached.code == fresh.code == 1
    assert "mentees/lea-martin.yaml: error file-too-large" in cached.out, cached.out
    assert cached.out == fresh.out


JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**64 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(JSON, st.dictionaries(st.text(max_size=12), JSON, max_size=6)))
def test_a_kept_value_reads_back_equal(value):
    """Whatever plain data is kept comes back the same: a cache that bends a value would change a result."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cache.write_blob(root, "probe", value)
        assert cache.read_blob(root, "probe") == value
