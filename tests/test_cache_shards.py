"""The cache of a large folder is split in shards: an edit rewrites one, and a damaged shard costs only its files.

A shard is a cache file like any other (header, checksum, JSON body): corrupted, from another
version, half-written or left as a temporary, it is ignored and its files are read again; the
output stays byte-identical to a run without cache. Problems are cached already worded, so a
reworded message catalogue is a new cache.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import SAMPLE

from mentorat_cli.core import i18n
from mentorat_cli.load import cache, repository

CACHE = ".mentorat/cache"
COMMANDS = [["validate"], ["validate", "--format", "json"], ["status"], ["note", "list"], ["export", "pairs", "-o", "-"]]


@pytest.fixture
def sharded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shard every folder of the sample (a national programme's folders are sharded from SHARD_FROM files)."""
    monkeypatch.setattr(cache, "SHARD_FROM", 2)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the load reads (those the cache did not answer), run after run."""
    read: list[str] = []
    original = repository._load_records

    def counting(root_, listing, workers, limit):
        read.extend(file for file, _ in listing)
        return original(root_, listing, workers, limit)

    monkeypatch.setattr(repository, "_load_records", counting)
    return read


def _aged(target: Path) -> Path:
    """A copy of the sample older than the racy window, so that its files are cached."""
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("out", ".mentorat"))
    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    return target


def _outputs(run_cli, root: Path, extra: list[str] | None = None) -> list[tuple[int, str, str]]:
    results = [run_cli([*(extra or []), "--root", root, *args]) for args in COMMANDS]
    return [(r.code, r.out.replace(str(root), "ROOT"), r.err.replace(str(root), "ROOT")) for r in results]


def _shards(root: Path, folder: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / CACHE).glob(f"{folder}-*.json"))}


def _files_of(shard: Path) -> list[str]:
    """The programme files a shard holds (its body is a JSON object keyed by relative path)."""
    import json

    return sorted(json.loads(shard.read_bytes().split(b"\n", 2)[2]))


def test_an_edit_rewrites_only_the_shard_of_the_edited_file(tmp_path, run_cli, sharded, reads):
    root = _aged(tmp_path / "p")
    reference = _outputs(run_cli, root, ["--no-cache"])
    assert not (root / CACHE).exists()
    assert _outputs(run_cli, root) == reference  # cold: writes the shards
    before = _shards(root, "mentees")
    assert len(before) > 1 and not (root / CACHE / "mentees.json").exists()
    assert sum(len(_files_of(root / CACHE / name)) for name in before) == len(list((root / "mentees").glob("*.yaml")))
    reads.clear()
    assert _outputs(run_cli, root) == reference  # warm: nothing read, nothing written
    assert reads == [] and _shards(root, "mentees") == before
    path = root / "mentees" / "alexandre-muller.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# relancé par téléphone\n", encoding="utf-8")
    time.sleep(cache.RACY_NS / 1e9 + 0.2)  # old enough to be cached again
    result = run_cli(["--root", root, "validate"])
    assert result.code == 0 and reads == ["mentees/alexandre-muller.yaml"]
    after = _shards(root, "mentees")
    changed = [name for name in before if after[name] != before[name]]
    assert len(changed) == 1 and "mentees/alexandre-muller.yaml" in _files_of(root / CACHE / changed[0])
    assert _outputs(run_cli, root) == _outputs(run_cli, root, ["--no-cache"])


def test_a_corrupted_foreign_or_half_written_shard_costs_only_its_files(tmp_path, run_cli, sharded, reads):
    root = _aged(tmp_path / "p")
    reference = _outputs(run_cli, root, ["--no-cache"])
    _outputs(run_cli, root)
    shards = sorted((root / CACHE).glob("notes-*.json"))
    assert len(shards) >= 4
    corrupted, foreign, truncated, renamed = shards[:4]
    damaged = [*_files_of(corrupted), *_files_of(foreign), *_files_of(truncated), *_files_of(renamed)]
    # Garbled body (its checksum no longer matches).
    corrupted.write_bytes(corrupted.read_bytes().replace(b'"date"', b'"DATE"'))
    # A shard another version wrote: a valid checksum under another header.
    header, _digest, body = foreign.read_bytes().split(b"\n", 2)
    forged = body.replace(b'"duration_minutes":', b'"duration_minutes":1')
    assert forged != body
    foreign.write_bytes(header.replace(b'"0.', b'"99.') + b"\n" + hashlib.sha256(forged).hexdigest().encode() + b"\n" + forged)
    # Half-written: cut in the middle (a crash while writing, or a disk full), and a leftover temporary.
    blob = truncated.read_bytes()
    truncated.write_bytes(blob[: len(blob) // 2])
    (root / CACHE / f".{truncated.name[:-5]}.4242.tmp").write_bytes(blob[: len(blob) // 3])
    # A whole shard under another shard's name: its header names the other part.
    assert len(shards) >= 5
    renamed.write_bytes(shards[4].read_bytes())
    reads.clear()
    assert _outputs(run_cli, root) == reference
    # Each damaged shard's files are read again (once: the first command rewrites the shards), no other file.
    assert sorted(set(reads)) == sorted(set(damaged)), reads
    reads.clear()
    assert _outputs(run_cli, root) == reference and reads == []


def test_a_folder_growing_past_the_threshold_leaves_no_stale_cache_file(tmp_path, run_cli, monkeypatch):
    root = _aged(tmp_path / "p")
    assert run_cli(["--root", root, "validate"]).code == 0
    assert (root / CACHE / "mentees.json").is_file() and not _shards(root, "mentees")
    monkeypatch.setattr(cache, "SHARD_FROM", 2)
    assert run_cli(["--root", root, "validate"]).code == 0
    assert _shards(root, "mentees") and not (root / CACHE / "mentees.json").exists()
    monkeypatch.setattr(cache, "SHARD_FROM", 10**6)
    assert run_cli(["--root", root, "validate"]).code == 0
    assert (root / CACHE / "mentees.json").is_file() and not _shards(root, "mentees")


def test_a_reworded_catalogue_is_a_new_cache(tmp_path, run_cli, monkeypatch, reads):
    """Problems are cached worded in the run's language: a changed translation must show at once."""
    monkeypatch.delenv("MENTORAT_LANG", raising=False)
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    root = tmp_path / "p"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("out", ".mentorat"))
    path = root / "mentees" / "alexandre-muller.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: accepted", "status: acceptex"), encoding="utf-8")
    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    args = ["--lang", "fr", "--root", root, "validate"]
    first = run_cli(args)
    assert first.code == 1 and "ne fait pas partie de" in first.out
    reads.clear()
    assert run_cli(args).out == first.out and reads == []  # warm
    # The translator rewords the message and compiles the catalogue.
    po, mo = i18n.catalogue_paths("fr")
    text = po.read_text(encoding="utf-8")
    reworded = text.replace(
        'msgstr "{field} : {value} ne fait pas partie de : {allowed}"',
        'msgstr "{field} : {value} n\'est pas admis ; valeurs admises : {allowed}"',
    )
    assert reworded != text
    po.write_text(reworded, encoding="utf-8")
    with po.open("rb") as source, mo.open("wb") as compiled:
        write_mo(compiled, read_po(source))
    cached = run_cli(args)
    fresh = run_cli(["--no-cache", *args])
    assert cached.code == 1 and "n'est pas admis" in cached.out and "ne fait pas partie de" not in cached.out
    assert cached.out == fresh.out
    assert "mentees/alexandre-muller.yaml" in reads


def test_a_value_json_would_not_give_back_is_never_cached(tmp_path, run_cli, reads):
    """An integer over 64 bits would come back from the cache as a float: that file is read every time."""
    root = tmp_path / "p"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("out", ".mentorat"))
    path = root / "mentees" / "alexandre-muller.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "notes_internes: 123456789012345678901234567890\n", encoding="utf-8")
    time.sleep(cache.RACY_NS / 1e9 + 0.2)
    reference = _outputs(run_cli, root, ["--no-cache"])
    assert '"pointer": "/notes_internes"' in reference[1][1]  # an unknown field: a warning, the record kept
    assert _outputs(run_cli, root) == reference
    reads.clear()
    assert _outputs(run_cli, root) == reference
    assert set(reads) == {"mentees/alexandre-muller.yaml"}
