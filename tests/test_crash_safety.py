"""A killed `pair` or `import` leaves every file old or new, no temporary behind, and a tree `validate` agrees with."""

from __future__ import annotations

import json
import random
import signal
import time
from pathlib import Path

import pytest
import writekit as kit
from conftest import snapshot

TRIALS_PAIR = 10
TRIALS_IMPORT = 10
STEPS = ("after-temporaries", "after-manifest", "mid-renames", "after-renames")
PHASES = ("any", "tmp", "manifest")  # where random kills are aimed, in turn
DECIDED = {"after-temporaries": False, "after-manifest": True, "mid-renames": True, "after-renames": True}


def _tmp(root: Path) -> bool:
    return (root / ".mentorat" / "tmp").exists()


def _manifest(root: Path) -> bool:
    return any((root / ".mentorat" / "tmp").glob("*/manifest.json"))


MARKS = {"tmp": _tmp, "manifest": _manifest}  # the write phase's steps a test can see from outside


def _wait_for(process, root: Path, mark: str) -> float:  # type: ignore[no-untyped-def]
    """Wait until the command reaches `mark` (or ends); returns the time it did."""
    deadline = time.monotonic() + 120
    while process.poll() is None and not MARKS[mark](root):
        assert time.monotonic() < deadline, f"the command never reached {mark}"
        time.sleep(0.0005)
    return time.monotonic()


class Reference:
    """A programme before a command, and after an uninterrupted run of it (timed, to aim the kills)."""

    def __init__(self, base: Path, args: tuple[str, ...], workdir: Path) -> None:
        self.base, self.args = base, args
        self.before = kit.tree(base)
        root = kit.copy(base, workdir / "reference")
        process = kit.start(root, *args, output=False)
        started = time.monotonic()
        seen = {mark: _wait_for(process, root, mark) for mark in MARKS}
        assert process.wait() == 0
        ended = time.monotonic()
        self.left = {"any": ended - started, **{mark: ended - at for mark, at in seen.items()}}
        self.after = kit.tree(root)
        assert self.after != self.before, "the command must change files for the test to mean anything"


@pytest.fixture(scope="module")
def pairing(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    work = tmp_path_factory.mktemp("pairing")
    base = kit.pairing_programme(work / "base", 500, 300)
    done = kit.run(base, "pair", "--objective", "fair")  # earlier proposals: the next run replaces and removes some
    assert done.returncode == 0, done.stderr
    return Reference(base, ("pair",), work)


@pytest.fixture(scope="module")
def importing(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    work = tmp_path_factory.mktemp("importing")
    base, source = kit.import_programme(work / "base", 800)
    return Reference(base, ("import", str(source), "--role", "mentee"), work)


def _kill(ref: Reference, root: Path, rng: random.Random, phase: str) -> None:
    """Start the command and SIGKILL it at a random moment: at any time, or once it reached a step of its writes."""
    process = kit.start(root, *ref.args, output=False)
    if phase != "any":
        _wait_for(process, root, phase)
    time.sleep(rng.uniform(0, 1.2 * ref.left[phase]))
    process.send_signal(signal.SIGKILL)
    process.communicate()


def _assert_consistent(ref: Reference, root: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """After the next command that writes: old or new as a whole, nothing left over, validate agrees."""
    after_next = run_cli(["--root", root, "schemas"])
    assert after_next.code == 0, after_next.err
    state = kit.tree(root)
    assert state in (ref.before, ref.after), sorted(k for k in set(state) | set(ref.after) if state.get(k) != ref.after.get(k))[:5]
    assert kit.temporaries(root) == []
    checked = run_cli(["--root", root, "validate", "--format", "json"])
    codes = {p["code"] for p in json.loads(checked.out)["problems"]}
    assert not {c for c in codes if c.startswith(("tx-", "pairing-summary"))}, codes
    assert checked.code == 0, codes


def test_killed_pair_leaves_old_or_new_files(pairing, tmp_path, run_cli):
    rng = random.Random(9)
    outcomes = []
    for trial in range(TRIALS_PAIR):
        root = kit.copy(pairing.base, tmp_path / f"t{trial}")
        _kill(pairing, root, rng, PHASES[trial % 3])
        _assert_consistent(pairing, root, run_cli)
        outcomes.append(kit.tree(root) == pairing.after)
    # The kills must not all land before or after the writes: both outcomes are exercised.
    assert any(outcomes) and not all(outcomes), outcomes


def test_killed_import_leaves_old_or_new_files(importing, tmp_path, run_cli):
    rng = random.Random(4)
    outcomes = []
    for trial in range(TRIALS_IMPORT):
        root = kit.copy(importing.base, tmp_path / f"t{trial}")
        _kill(importing, root, rng, PHASES[trial % 3])
        _assert_consistent(importing, root, run_cli)
        outcomes.append(kit.tree(root) == importing.after)
    assert any(outcomes) and not all(outcomes), outcomes


@pytest.mark.parametrize("step", STEPS)
def test_crash_at_each_step_rolls_forward_or_back(pairing, tmp_path, run_cli, step):
    root = kit.copy(pairing.base, tmp_path / "p")
    crashed = kit.run(root, *pairing.args, MENTORAT_TEST_CRASH_AT=step)
    assert crashed.returncode == -signal.SIGKILL
    assert list((root / ".mentorat" / "tmp").iterdir()), "the crash leaves its transaction folder"
    # validate reads and reports; it changes nothing.
    before_validate = snapshot(root)
    checked = run_cli(["--root", root, "validate"])
    assert snapshot(root) == before_validate
    code = "tx-unfinished" if DECIDED[step] else "tx-undecided"
    assert code in checked.out and "the next command that writes" in checked.out
    assert checked.code == (1 if DECIDED[step] else 0)
    # The next writer finishes a decided change and undoes the others, and says so in one line.
    after_next = run_cli(["--root", root, "schemas"])
    assert after_next.code == 0
    expected = pairing.after if DECIDED[step] else pairing.before
    assert kit.tree(root) == expected
    assert ("Finished 1 change(s)" if DECIDED[step] else "Undid 1 change(s)") in after_next.err
    assert kit.temporaries(root) == []


def test_crash_during_an_import_is_finished_by_the_next_import(importing, tmp_path, run_cli):
    root = kit.copy(importing.base, tmp_path / "p")
    crashed = kit.run(root, *importing.args, MENTORAT_TEST_CRASH_AT="mid-renames")
    assert crashed.returncode == -signal.SIGKILL
    written = len(list((root / "mentees").iterdir()))
    assert 0 < written < 800  # half applied, as a kill leaves it
    again = run_cli(["--root", root, *importing.args])
    assert "Finished 1 change(s)" in again.err
    assert again.code == 0 and "0 to create, 0 to update, 800 unchanged" in again.out
    assert kit.tree(root) == importing.after and kit.temporaries(root) == []


def test_old_style_temporaries_are_reported_then_removed(programme, run_cli):
    root = programme({"mentees/.alice-martin.yaml.k3j2_x9q.tmp": "first_name: Alice\n", "pairs/.a--b.yaml.abcdefgh.tmp": "x"})
    checked = run_cli(["--root", root, "validate"])
    assert "tx-temporary" in checked.out and "2 temporary file(s)" in checked.out and "personal data" in checked.out
    assert (root / "mentees/.alice-martin.yaml.k3j2_x9q.tmp").exists()  # validate only reports
    done = run_cli(["--root", root, "schemas"])
    assert "Removed 2 temporary file(s)" in done.err
    assert kit.temporaries(root) == []


def test_forget_clears_temporaries_holding_the_person_first(sample, run_cli):
    person = "adam-zerrouki"
    profile = (sample / "mentees" / f"{person}.yaml").read_text(encoding="utf-8")
    leftover = sample / ".mentorat" / "tmp" / "1a2b-99"  # an import killed before its manifest
    leftover.mkdir(parents=True)
    (leftover / "0").write_text(profile, encoding="utf-8")
    done = run_cli(["--root", sample, "forget", person])
    assert done.code == 0, done.err
    assert "Undid 1 change(s)" in done.err
    assert not (sample / ".mentorat" / "tmp").exists()


def test_validate_detects_a_pairing_summary_the_pair_files_disagree_with(sample, run_cli):
    assert run_cli(["--root", sample, "pair"]).code == 0
    summary = (sample / "pairing.yaml").read_text(encoding="utf-8")
    assert run_cli(["--root", sample, "validate"]).code == 0
    proposed = sorted(p for p in (sample / "pairs").iterdir() if "status: proposed" in p.read_text(encoding="utf-8"))
    for path in proposed[: len(proposed) // 2]:  # as a version without transactions left a killed run
        path.unlink()
    checked = run_cli(["--root", sample, "validate"])
    assert checked.code == 1 and "pairing-summary-missing-pairs" in checked.out
    assert "run `mentorat pair` again" in checked.out
    assert run_cli(["--root", sample, "pair"]).code == 0
    assert run_cli(["--root", sample, "validate"]).code == 0
    assert (sample / "pairing.yaml").read_text(encoding="utf-8") == summary


def test_validate_detects_an_unmatched_mentee_with_a_proposal(sample, run_cli):
    assert run_cli(["--root", sample, "pair"]).code == 0
    proposal = next(p for p in sorted((sample / "pairs").iterdir()) if "status: proposed" in p.read_text(encoding="utf-8"))
    mentee = proposal.read_text(encoding="utf-8").split("mentee: ", 1)[1].split("\n", 1)[0].strip()
    summary = sample / "pairing.yaml"
    text = summary.read_text(encoding="utf-8")
    assert "unmatched: []" in text
    summary.write_text(text.replace("unmatched: []", f"unmatched:\n  - mentee: {mentee}\n    reason: no-feasible-mentor"), encoding="utf-8")
    checked = run_cli(["--root", sample, "validate"])
    assert checked.code == 1 and f"lists {mentee} as unmatched" in checked.out
