"""Writers one at a time: no acknowledged update is lost, the loser of the lock is told who holds it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import writekit as kit

WAIT_LONG = "180"  # a writer that must wait for `pair` to finish


@pytest.fixture(scope="module")
def proposed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """A programme with proposals (objective fair); the pair ids a `pair` run removes, and those it leaves as they are."""
    work = tmp_path_factory.mktemp("concurrency")
    base = kit.pairing_programme(work / "base", 500, 300)
    assert kit.run(base, "pair", "--objective", "fair").returncode == 0
    ref = kit.copy(base, work / "ref")
    assert kit.run(ref, "pair").returncode == 0
    before = {p.stem: p.read_bytes() for p in (base / "pairs").iterdir()}
    after = {p.stem: p.read_bytes() for p in (ref / "pairs").iterdir()}
    removed = sorted(set(before) - set(after))
    same = sorted(pid for pid in before if after.get(pid) == before[pid])
    assert len(removed) >= 2 and len(same) >= 2, "the fixture must give `pair` something to replace and to keep"
    return base, removed, same


def _paused_pair(root: Path, resume: Path) -> subprocess.Popen[str]:
    """`pair`, started and holding the lock: returns once it has loaded the programme; it goes on when `resume` exists."""
    first = kit.start(root, "pair", MENTORAT_TEST_PAUSE_AFTER_LOAD=str(resume))
    assert first.stderr is not None
    line = first.stderr.readline()
    assert "test pause after load" in line, line
    return first


def _status(root: Path, pid: str) -> str | None:
    path = root / "pairs" / f"{pid}.yaml"
    return path.read_text(encoding="utf-8") if path.exists() else None


def test_writers_during_pair_wait_and_no_acknowledged_update_is_lost(proposed, tmp_path, run_cli):
    base, removed, same = proposed
    root = kit.copy(base, tmp_path / "p")
    resume = tmp_path / "resume"
    first = _paused_pair(root, resume)
    others = {
        "second-pair": kit.start(root, "pair", MENTORAT_LOCK_WAIT="0.5"),
        "confirm-kept": kit.start(root, "confirm", same[0], MENTORAT_LOCK_WAIT=WAIT_LONG),
        "contact-kept": kit.start(
            root, "contact", same[1], "--channel", "mail", "--summary", "Point d'étape", MENTORAT_LOCK_WAIT=WAIT_LONG
        ),
        "confirm-replaced": kit.start(root, "confirm", removed[0], MENTORAT_LOCK_WAIT=WAIT_LONG),
        "contact-replaced": kit.start(root, "contact", removed[1], "--channel", "phone", MENTORAT_LOCK_WAIT=WAIT_LONG),
    }
    # `pair` goes on only once the second `pair` has given up: however slow the machine, it met the lock.
    second = others["second-pair"].communicate(), others["second-pair"].returncode
    resume.touch()
    first_out, first_err = first.communicate()
    assert first.returncode == 0, first_err
    done = {name: (p.communicate(), p.returncode) for name, p in others.items() if name != "second-pair"}
    done["second-pair"] = second
    # The second `pair` gave up after its wait, naming the command that holds the lock.
    (_, err), code = done["second-pair"]
    assert code == 2 and "another mentorat command is writing to this programme" in err
    assert f"pid {first.pid}" in err and " pair` (pid" in err
    # Every update acknowledged (exit 0) is in the files once everyone is done.
    acknowledged = {name for name, (_, code) in done.items() if code == 0}
    assert {"confirm-kept", "contact-kept"} <= acknowledged
    if "confirm-replaced" in acknowledged or "confirm-kept" in acknowledged:
        for name, pid in (("confirm-kept", same[0]), ("confirm-replaced", removed[0])):
            if name in acknowledged:
                assert "status: confirmed" in (_status(root, pid) or ""), name
    for name, pid, channel in (("contact-kept", same[1], "mail"), ("contact-replaced", removed[1], "phone")):
        if name in acknowledged:
            assert f"channel: {channel}" in (_status(root, pid) or ""), name
    # The writers waited for `pair` and saw its result: the proposals it replaced are gone, so they refused.
    for name, pid in (("confirm-replaced", removed[0]), ("contact-replaced", removed[1])):
        (_, err), code = done[name]
        assert code == 2 and pid in err and _status(root, pid) is None, (name, err)
    checked = run_cli(["--root", root, "validate", "--format", "json"])
    assert checked.code == 0, [p["code"] for p in json.loads(checked.out)["problems"]]
    assert kit.temporaries(root) == []


def test_a_file_edited_while_pair_computes_is_not_overwritten(proposed, tmp_path):
    base, removed, _ = proposed
    root = kit.copy(base, tmp_path / "p")
    resume = tmp_path / "resume"
    first = _paused_pair(root, resume)
    edited = root / "pairs" / f"{removed[0]}.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# Vu avec la mentore le 20 novembre.\n", encoding="utf-8")
    state = kit.tree(root)
    resume.touch()
    _, err = first.communicate()
    assert first.returncode == 2
    assert f"pairs/{removed[0]}.yaml changed while the changes were being prepared" in err and "nothing written" in err
    assert kit.tree(root) == state  # nothing written: the edit is there, no proposal half replaced
    assert kit.temporaries(root) == []


def test_a_lock_left_by_a_killed_command_is_taken_over(programme, run_cli):
    root = programme()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    (root / kit.LOCK).write_text(
        json.dumps({"pid": pid, "command": "mentorat pair", "since": "2026-11-25T10:00:00+01:00"}), encoding="utf-8"
    )
    done = run_cli(["--root", root, "schemas"])
    assert done.code == 0
    assert f"`mentorat pair` (pid {pid}, since 2026-11-25T10:00:00+01:00) stopped without releasing" in done.err
    assert not (root / kit.LOCK).exists()


def test_a_second_writer_waits_for_the_first_then_writes(sample, run_cli):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from mentorat_cli.io import storage\n"
            "with storage.lock(Path(sys.argv[1]), 'mentorat import x.csv'):\n    print('held', flush=True); time.sleep(1.5)",
            str(sample),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    pid = next(p.stem for p in sorted((sample / "pairs").iterdir()) if "status: confirmed" in p.read_text(encoding="utf-8"))
    done = kit.run(sample, "contact", pid, "--channel", "visio", MENTORAT_LOCK_WAIT="60")
    holder.wait()
    assert done.returncode == 0, done.stderr
    assert "channel: visio" in (sample / "pairs" / f"{pid}.yaml").read_text(encoding="utf-8")
