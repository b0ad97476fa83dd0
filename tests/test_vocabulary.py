"""Values in people's words: French and English labels accepted, canonical ids stored; colour rules."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from test_documents_support import PAIR_ID, files
from test_pair_helpers import mentee, mentor, programme_yaml

from mentorat_cli.core import vocabulary


@pytest.mark.parametrize(
    ("vocab", "typed", "expected"),
    [
        ("channel", "téléphone", "phone"),
        ("channel", "Telephone", "phone"),
        ("channel", "TÉL", "phone"),
        ("channel", "visio", "visio"),
        ("channel", "courriel", "mail"),
        ("format", "présentiel", "in_person"),
        ("format", "Présentiel", "in_person"),
        ("format", "in-person", "in_person"),
        ("format", "à distance", "remote"),
        ("person_status", "acceptée", "accepted"),
        ("person_status", "ACCEPTE", "accepted"),
        ("reached", "oui", "yes"),
        ("satisfaction", "Très satisfaite", "very_satisfied"),
        ("note_kind", "point d'étape", "review"),
        ("channel", "pigeon", "pigeon"),
        ("channel", 3, 3),
    ],
)
def test_words_people_type_become_canonical_ids(vocab, typed, expected):
    assert vocabulary.canonical(vocab, typed) == expected


def test_command_line_tokens_keep_ids_and_options():
    assert vocabulary.normalise_token("téléphone") == "phone"
    assert vocabulary.normalise_token("visio") == "visio"  # an id stays itself, though format knows 'en visio'
    assert vocabulary.normalise_token("--channel") == "--channel"
    assert vocabulary.normalise_token("status") == "status"  # a command name is not a value


def test_contact_channel_in_french_is_stored_as_its_id(programme, run_cli):
    programme_text, tree = files()
    root = programme(tree, programme_text)
    result = run_cli(["contact", PAIR_ID, "--channel", "téléphone", "--date", "2026-11-20"], cwd=root)
    assert result.code == 0, result.err
    data = yaml.safe_load((root / "pairs" / f"{PAIR_ID}.yaml").read_text(encoding="utf-8"))
    assert data["contacts"][-1]["channel"] == "phone"
    assert "téléphone" not in (root / "pairs" / f"{PAIR_ID}.yaml").read_text(encoding="utf-8")


def test_an_unknown_channel_lists_the_accepted_words(programme, run_cli):
    programme_text, tree = files()
    root = programme(tree, programme_text)
    result = run_cli(["contact", PAIR_ID, "--channel", "pigeon"], cwd=root)
    assert result.code == 2
    assert "accepted words: phone, mail (e-mail), visio (video call), in_person" in result.err


def test_labels_in_yaml_files_are_accepted_and_used(programme, run_cli):
    root = programme(
        dict(
            [
                mentor("paul-mentor", themes=["networking"], capacity=1, format="in_person"),
                mentee("anna-mentee", ["networking"]),
            ]
        ),
        programme_yaml(),
    )
    anna = root / "mentees" / "anna-mentee.yaml"
    text = anna.read_text(encoding="utf-8").replace("status: accepted", "status: acceptée") + "format: présentiel\n"
    anna.write_text(text, encoding="utf-8")
    assert run_cli(["validate"], cwd=root).code == 0
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    # the mentee counts as accepted (she is paired) and her format as in person (compatible formats)
    pair = yaml.safe_load((root / "pairs" / "anna-mentee--paul-mentor.yaml").read_text(encoding="utf-8"))
    formats = [c["evidence"] for c in pair["criteria"] if c["criterion"] == "format"]
    assert formats == ["formats compatibles (mentor : en présentiel, mentoré : en présentiel)"]
    assert anna.read_text(encoding="utf-8") == text  # the person's file is not rewritten for it


def test_a_wrong_value_in_a_file_lists_the_labels(programme, run_cli):
    root = programme(dict([mentee("anna-mentee", ["networking"], format="nimporte")]), programme_yaml())
    result = run_cli(["validate"], cwd=root)
    assert result.code == 1
    assert 'format: "nimporte" is not one of: remote, in_person, hybrid, any\n' in result.out


def test_in_french_a_wrong_value_lists_the_french_labels(programme, run_cli, monkeypatch):
    monkeypatch.delenv("MENTORAT_LANG")
    root = programme(dict([mentee("anna-mentee", ["networking"], format="nimporte")]), programme_yaml())
    result = run_cli(["validate"], cwd=root)
    assert (
        'format\u00a0: "nimporte" ne fait pas partie de\u00a0: '
        "remote (à distance), in_person (en présentiel), hybrid (hybride), any (indifférent)"
    ) in result.out


def _run(args: list[str], root, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mentorat_cli", "--root", str(root), *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_no_colour_when_piped_or_no_color(programme):
    root = programme(dict([mentee("anna-mentee", ["networking"], format="nimporte")]), programme_yaml())
    for env in ({"NO_COLOR": "1"}, {}):
        done = _run(["validate"], root, **env)
        assert done.returncode == 1
        assert "\x1b[" not in done.stdout + done.stderr
        assert "error" in done.stdout


def test_errors_are_coloured_on_a_terminal(programme):
    root = programme(dict([mentee("anna-mentee", ["networking"], format="nimporte")]), programme_yaml())
    done = _run(["validate"], root, FORCE_COLOR="1")
    assert "\x1b[1;31merror\x1b[0m" in done.stdout
    assert "\x1b[36m" in done.stdout  # hints in another colour
    assert "\x1b[" not in _run(["validate"], root, FORCE_COLOR="1", NO_COLOR="1").stdout
