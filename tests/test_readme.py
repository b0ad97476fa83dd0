"""The README stays true: its commands are the ones CI runs, its problem list is the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from mentorat_cli.core.messages import PROBLEMS, TEXT
from mentorat_cli.tools import catalogue

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_starts_with_two_setup_commands():
    commands = _setup_commands()
    assert len(commands) == 2
    assert "sample-programme" in commands[0] and "pip install ." in commands[0]
    assert "'.[test]'" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci.splitlines()


def test_problem_codes_section_is_generated_from_the_catalogue():
    assert catalogue.replace_section(README) == README, "run: python -m mentorat_cli.tools.catalogue --write README.md"


def test_every_problem_has_a_message_and_a_hint():
    for code, spec in PROBLEMS.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert spec.severity in ("error", "warning"), code
        assert spec.message, code
    assert all(TEXT.values())
