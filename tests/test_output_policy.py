"""The one output policy (storage.output_file / write_outputs), for every command that writes a generated file.

Programme data and .git are never an output, even with --force; an existing file
is replaced only with --force; a typed path may go anywhere, a derived one stays
in the programme; links inside the programme are never followed.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from conftest import snapshot
from test_documents_support import PAIR_ID, files

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.io import storage

MAPPING_CSV = "Prénom,Nom,Courriel\nAda,Lovelace,ada@example.org\n"


@pytest.fixture
def prog(programme) -> Path:
    """A valid one-pair programme inside a (hand-made) git repository with an executable hook."""
    prog_yaml, tree = files()
    root = programme(tree, programme_yaml=prog_yaml)
    git = root / ".git"
    (git / "hooks").mkdir(parents=True)
    (git / "config").write_text("[core]\n\trepositoryformatversion = 0\n", encoding="utf-8")
    (git / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    hook = git / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    hook.chmod(0o755)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    """Every file with its bytes, the lock file aside (it is created empty by any writer)."""
    return {k: v for k, v in snapshot(root).items() if k != storage.LOCK_NAME}


# Every command that writes a generated file, as (arguments before -o, whether -o names a folder).
def _commands(tmp: Path) -> list[tuple[list[str], bool]]:
    table = tmp / "table.csv"
    table.write_text(MAPPING_CSV, encoding="utf-8")
    return [
        (["calendar", PAIR_ID], False),
        (["charter", PAIR_ID], True),
        (["sheet", PAIR_ID], True),
        (["export", "people", "--dialect", "excel"], False),
        (["report"], False),
        (["survey", "blank"], False),
        (["import", str(table), "--role", "mentee", "--template"], False),
        (["survey", "import", str(table), "--template"], False),
        (["mail", "intro", PAIR_ID], True),
    ]


DATA_TARGETS = [
    "programme.yaml",
    "mentors/jean-martin.yaml",
    "mentees",
    "pairs/P.yaml",
    f"notes/{PAIR_ID}/x.md",
    "feedback",
    "pairing.yaml",
    ".mentorat/import-state.yaml",
    ".schemas",
    "templates",
    storage.LOCK_NAME,
    ".git/config",
    ".git/HEAD",
    ".git/hooks",
]


@pytest.mark.parametrize("target", DATA_TARGETS)
def test_no_command_writes_over_programme_data_or_git_even_with_force(prog, run_cli, tmp_path, target) -> None:
    before = _tree(prog)
    for command, _folder in _commands(tmp_path):
        for force in ([], ["--force"]):
            result = run_cli([*command, "-o", prog / target, *force], cwd=prog)
            assert result.code == 2, (command, target, result.out)
            assert "refusing to write" in result.err and "Traceback" not in result.err, (command, result.err)
            assert _tree(prog) == before, (command, target)
    hook = prog / ".git" / "hooks" / "pre-commit"
    assert stat.S_IMODE(hook.stat().st_mode) == 0o755


def test_the_issue_cases_one_by_one(prog, run_cli) -> None:
    before = _tree(prog)
    cases = [
        ["calendar", PAIR_ID, "-o", "programme.yaml"],
        ["calendar", PAIR_ID, "-o", f"notes/{PAIR_ID}/2026-10-05-first.md"],
        ["calendar", PAIR_ID, "-o", "notes/x.md"],
        ["calendar", PAIR_ID, "-o", ".git/config"],
        ["calendar", PAIR_ID, "-o", ".git/HEAD"],
        ["export", "people", "--dialect", "excel", "-o", "programme.yaml", "--force"],
        ["export", "pairs", "-o", f"pairs/{PAIR_ID}.yaml", "--force"],
        ["export", "people", "--dialect", "excel", "-o", ".git/exported.csv", "--force"],
        ["charter", PAIR_ID, "-o", ".git/hooks"],
        ["charter", PAIR_ID, "-o", "mentees"],
        ["charter", "--all", "-o", "out/../notes", "--force"],
    ]
    for args in cases:
        result = run_cli(args, cwd=prog)
        assert result.code == 2 and "refusing to write" in result.err, (args, result.err)
    assert _tree(prog) == before


def test_a_folder_that_resolves_into_programme_data_is_refused(prog, run_cli, tmp_path) -> None:
    link = tmp_path / "looks-harmless"
    link.symlink_to(prog / "mentees")
    before = _tree(prog)
    for args in (
        ["charter", PAIR_ID, "-o", link],
        ["export", "people", "--dialect", "excel", "-o", link / "x.csv", "--force"],
        ["calendar", PAIR_ID, "-o", tmp_path / "git-link" / "config"],
    ):
        if "git-link" in str(args[-1]):
            (tmp_path / "git-link").symlink_to(prog / ".git")
        result = run_cli(["--root", prog, *args], cwd=tmp_path)
        assert result.code == 2 and "refusing to write" in result.err, (args, result.err)
    assert _tree(prog) == before


def test_stdout_stays_allowed(prog, run_cli) -> None:
    result = run_cli(["export", "people", "--dialect", "excel", "-o", "-"], cwd=prog)
    assert result.code == 0 and result.out.startswith("role,id,")


def test_an_existing_file_is_replaced_only_with_force_for_every_command(prog, run_cli, tmp_path) -> None:
    for command, folder in _commands(tmp_path):
        out = tmp_path / ("o-" + re.sub(r"\W", "", "".join(command[:2])))
        first = run_cli([*command, "-o", out], cwd=prog)
        assert first.code == 0, (command, first.err)
        written = sorted(p for p in out.rglob("*") if p.is_file()) if folder else [out]
        assert written, command
        for path in written:
            path.write_text("kept: a person wrote this\n", encoding="utf-8")
        again = run_cli([*command, "-o", out], cwd=prog)
        assert again.code == 2 and "already exists" in again.err and "--force" in again.err, (command, again.err)
        assert all(p.read_text(encoding="utf-8") == "kept: a person wrote this\n" for p in written), command
        forced = run_cli([*command, "-o", out, "--force"], cwd=prog)
        assert forced.code == 0, (command, forced.err)
        assert all(p.read_text(encoding="utf-8") != "kept: a person wrote this\n" for p in written), command


def test_default_outputs_are_not_replaced_without_force(prog, run_cli) -> None:
    for command in (["calendar", PAIR_ID], ["charter", PAIR_ID], ["report"], ["survey", "blank"]):
        assert run_cli(command, cwd=prog).code == 0, command
    made = sorted((prog / "out").iterdir())
    for path in made:
        path.write_text("edited by hand\n", encoding="utf-8")
    for command in (["calendar", PAIR_ID], ["charter", PAIR_ID], ["report"], ["survey", "blank"]):
        result = run_cli(command, cwd=prog)
        assert result.code == 2 and "already exists" in result.err, command
    assert all(p.read_text(encoding="utf-8") == "edited by hand\n" for p in made)


def test_an_existing_file_outside_the_programme_is_replaced_atomically_with_force(prog, run_cli, tmp_path) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    target = elsewhere / "people.csv"
    target.write_text("precious\n", encoding="utf-8")
    target.chmod(0o640)
    refused = run_cli(["export", "people", "--dialect", "excel", "-o", target], cwd=prog)
    assert refused.code == 2 and f"{target} already exists" in refused.err
    assert target.read_text(encoding="utf-8") == "precious\n"
    inode = target.stat().st_ino
    assert run_cli(["export", "people", "--dialect", "excel", "-o", target, "--force"], cwd=prog).code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrole,id,")
    assert target.stat().st_ino != inode  # a new file renamed over the old one, never rewritten in place
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps the mode it had
    assert sorted(p.name for p in elsewhere.iterdir()) == ["people.csv"]  # no temporary file left


def test_a_failed_write_outside_leaves_no_temporary_file(prog, run_cli, tmp_path, monkeypatch) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", broken)
    result = run_cli(["export", "people", "--dialect", "excel", "-o", elsewhere / "people.csv"], cwd=prog)
    assert result.code == 2 and "No space left on device" in result.err and "Traceback" not in result.err
    assert list(elsewhere.iterdir()) == []


def test_a_typed_relative_path_is_taken_from_the_current_folder(prog, run_cli, tmp_path) -> None:
    here = tmp_path / "here"
    here.mkdir()
    result = run_cli(["--root", prog, "calendar", PAIR_ID, "-o", "cal.ics"], cwd=here)
    assert result.code == 0, result.err
    assert (here / "cal.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert not (prog / "cal.ics").exists()


def test_out_linked_to_a_sibling_folder_receives_nothing(prog, run_cli, tmp_path) -> None:
    # "<programme>-evil" starts with the programme's path as text: the old guard compared strings.
    evil = tmp_path / (prog.name + "-evil")
    evil.mkdir()
    (prog / "out").symlink_to(evil)
    for command in (
        ["charter", PAIR_ID],
        ["sheet", "--all"],
        ["export", "people", "--dialect", "excel"],
        ["report"],
        ["survey", "blank"],
        ["calendar", "--all"],
        ["charter", PAIR_ID, "-o", prog / "out"],
    ):
        result = run_cli([*command, "--force"], cwd=prog)
        assert result.code == 2, (command, result.out)
        assert "symbolic link inside the programme: out" in result.err, (command, result.err)
    assert list(evil.iterdir()) == []


def test_storage_compares_resolved_paths_not_text(tmp_path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    evil = tmp_path / "p-evil"
    evil.mkdir()
    (root / "out").symlink_to(evil)
    with pytest.raises(MentoratError):
        storage.write_file(root, "out/x.md", "x")
    # A link that stays inside the programme is refused too: links are never followed.
    (root / "real").mkdir()
    (root / "alias").symlink_to(root / "real")
    with pytest.raises(MentoratError):
        storage.write_file(root, "alias/x.md", "x")
    assert list(evil.iterdir()) == [] and list((root / "real").iterdir()) == []


def test_a_symlinked_templates_folder_is_refused(prog, run_cli, tmp_path) -> None:
    shared = tmp_path / "shared-templates"
    shared.mkdir()
    (shared / "charter-school.fr.md.j2").write_text("# {{ mentee.first_name }} LEAKED\n", encoding="utf-8")
    (prog / "templates").symlink_to(shared)
    for command in (
        ["charter", PAIR_ID],
        ["sheet", PAIR_ID],
        ["templates", "list"],
        ["note", "new", PAIR_ID, "--kind", "regular", "--date", "2026-11-20"],
    ):
        result = run_cli(command, cwd=prog)
        assert result.code == 1, (command, result.out)
        assert "refusing to read a template through a symbolic link: templates" in result.err, (command, result.err)
    copied = run_cli(["templates", "copy", "sheet"], cwd=prog)
    assert copied.code == 2 and "symbolic link" in copied.err
    assert sorted(p.name for p in shared.iterdir()) == ["charter-school.fr.md.j2"]
    assert not (prog / "out").exists()


def test_a_symlinked_template_file_is_refused(prog, run_cli, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not a template\n", encoding="utf-8")
    (prog / "templates").mkdir()
    (prog / "templates" / "charter-school.fr.md.j2").symlink_to(secret)
    result = run_cli(["charter", PAIR_ID], cwd=prog)
    assert result.code == 1
    assert "refusing to read a template through a symbolic link: templates/charter-school.fr.md.j2" in result.err
    assert not (prog / "out").exists()


def test_templates_copy_still_writes_into_templates(prog, run_cli) -> None:
    assert run_cli(["templates", "copy", "sheet"], cwd=prog).code == 0
    assert (prog / "templates" / "sheet.fr.md.j2").is_file()


def test_a_folder_where_a_file_is_expected(prog, run_cli) -> None:
    # A folder given where a file is expected gets a clear message, not a traceback.
    (prog / "a-folder").mkdir()
    result = run_cli(["export", "people", "--dialect", "excel", "-o", "a-folder", "--force"], cwd=prog)
    assert result.code == 2 and "a-folder is a folder, not a file" in result.err
    assert os.listdir(prog / "a-folder") == []


def test_init_never_creates_a_programme_inside_git(run_cli, tmp_path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    result = run_cli(["init", tmp_path / "repo" / ".git" / "prog", "--kind", "school", "--no-git"], cwd=tmp_path)
    assert result.code == 2 and "refusing to write into a git folder" in result.err
    assert list((tmp_path / "repo" / ".git").iterdir()) == []
