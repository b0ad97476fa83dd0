"""`mentorat init`: a complete, valid, git-initialised programme folder for every kind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.io import storage

KINDS = ["school", "ministry", "company", "alumni", "youth"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_init_creates_a_valid_programme(run_cli, tmp_path, kind, lang):
    target = tmp_path / "prog"
    result = run_cli(["init", target, "--kind", kind, "--lang", lang, "--no-git"], cwd=tmp_path)
    assert result.code == 0, result.err
    examples = (
        ("mentors/exemple-mentor.yaml", "mentees/exemple-mentore.yaml")
        if lang == "fr"
        else ("mentors/example-mentor.yaml", "mentees/example-mentee.yaml")
    )
    for name in ("programme.yaml", "README.md", ".gitignore", ".schemas/mentor.schema.json", ".vscode/settings.json", *examples):
        assert (target / name).is_file(), name
    programme_text = (target / "programme.yaml").read_text(encoding="utf-8")
    assert f"kind: {kind}" in programme_text and f"language: {lang}" in programme_text
    assert programme_text.startswith("# yaml-language-server: $schema=.schemas/programme.schema.json")
    assert "\\u00" not in programme_text  # accents written as themselves
    validate = run_cli(["validate"], cwd=target)
    assert validate.code == 0, validate.out
    # The only warnings ask the coordinator to replace the example organiser and coordinator.
    warnings = [line for line in validate.out.splitlines() if " warning " in line]
    assert [w.split(" warning ")[1].split()[0] for w in warnings] == ["programme-placeholder", "programme-placeholder"]


def test_placeholder_warning_goes_once_filled_in(run_cli, tmp_path):
    target = tmp_path / "p"
    run_cli(["init", target, "--kind", "school", "--no-git"], cwd=tmp_path)
    path = target / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Organisme à compléter", "École nationale d'exemple").replace("Nom de la personne référente", "Claire Dubois")
    path.write_text(text, encoding="utf-8")
    result = run_cli(["validate"], cwd=target)
    assert result.code == 0 and " warning " not in result.out


def test_init_fills_kind_defaults(run_cli, tmp_path):
    target = tmp_path / "alumni"
    run_cli(["init", target, "--kind", "alumni", "--no-git"], cwd=tmp_path)
    text = (target / "programme.yaml").read_text(encoding="utf-8")
    assert "min_experience_gap_years: 10" in text
    assert "require_membership: true" in text
    mentor = (target / "mentors/exemple-mentor.yaml").read_text(encoding="utf-8")  # French by default
    assert "membership_paid: true" in mentor


def test_editor_settings_map_schemas(run_cli, tmp_path):
    target = tmp_path / "p"
    run_cli(["init", target, "--kind", "school", "--no-git"], cwd=tmp_path)
    settings = json.loads((target / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"][".schemas/mentor.schema.json"] == "mentors/*.yaml"


def test_init_makes_the_first_commit(run_cli, tmp_path):
    assert shutil.which("git") is not None, "git is not installed"  # part of the set-up: fail, never skip
    target = tmp_path / "p"
    result = run_cli(["init", target, "--kind", "company", "--lang", "en"], cwd=tmp_path)
    assert result.code == 0
    log = subprocess.run(["git", "log", "--oneline"], cwd=target, capture_output=True, text=True, check=True)
    assert "Create the mentoring programme" in log.stdout
    status = subprocess.run(["git", "status", "--porcelain"], cwd=target, capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_init_refuses_a_non_empty_folder(run_cli, tmp_path):
    target = tmp_path / "p"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    result = run_cli(["init", target, "--kind", "school"], cwd=tmp_path)
    assert result.code == 2
    assert "is not empty" in result.err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text() == "keep me"


def test_init_rejects_an_unknown_kind(run_cli, tmp_path):
    result = run_cli(["init", tmp_path / "p", "--kind", "club"], cwd=tmp_path)
    assert result.code == 2
    assert not (tmp_path / "p").exists()


def test_init_is_deterministic(run_cli, tmp_path):
    run_cli(["init", tmp_path / "a", "--kind", "youth", "--no-git"], cwd=tmp_path)
    run_cli(["init", tmp_path / "b", "--kind", "youth", "--no-git"], cwd=tmp_path)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_writes_never_leave_the_programme_folder(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    for bad in ("../escape.yaml", "/etc/x.yaml", "mentors/../../x.yaml", "a\x00b.yaml"):
        with pytest.raises(MentoratError):
            storage.write_file(root, bad, "x")
    assert not (tmp_path / "escape.yaml").exists()


def test_writes_refuse_a_symlinked_folder(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "mentors").symlink_to(outside)
    with pytest.raises(MentoratError):
        storage.write_file(root, "mentors/x.yaml", "x")
    assert list(outside.iterdir()) == []


def test_lock_prevents_two_writers(tmp_path):
    # The lock is per process (nested calls in one command share it): the second writer is another process.
    code = (
        "import sys; from pathlib import Path; from mentorat_cli.io import storage; from mentorat_cli.core import errors\n"
        "try:\n    with storage.lock(Path(sys.argv[1])): print('got it')\n"
        "except errors.MentoratError as exc:\n    print(exc.message); sys.exit(2)"
    )
    second = [sys.executable, "-c", code, str(tmp_path)]
    env = {**os.environ, "MENTORAT_LOCK_WAIT": "0.3"}
    with storage.lock(tmp_path, "mentorat pair --force"):
        raised = subprocess.run(second, env=env, capture_output=True, text=True)
    assert raised.returncode == 2
    assert "another mentorat command" in raised.stdout and "mentorat pair --force" in raised.stdout
    assert f"pid {os.getpid()}" in raised.stdout
    done = subprocess.run(second, env=env, capture_output=True, text=True)  # released after the first writer
    assert (done.returncode, done.stdout) == (0, "got it\n")


def test_atomic_write_keeps_mode_and_replaces_content(tmp_path):
    storage.write_file(tmp_path, "a/b.yaml", "one\n")
    (tmp_path / "a/b.yaml").chmod(0o640)
    storage.write_file(tmp_path, "a/b.yaml", "two\n")
    assert (tmp_path / "a/b.yaml").read_text() == "two\n"
    assert (tmp_path / "a/b.yaml").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["b.yaml"]  # no temp file left
