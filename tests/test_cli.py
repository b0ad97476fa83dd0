"""The CLI shell: documented exit codes, no traceback ever, `python -m mentorat_cli`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mentorat_cli.check import pipeline


def test_internal_error_exits_3_with_a_log_and_no_traceback(run_cli, programme, monkeypatch):
    root = programme()

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "load", broken)
    result = run_cli(["validate"], cwd=root)
    assert result.code == 3
    assert "internal error: ZeroDivisionError" in result.err
    assert "Traceback" not in result.out + result.err
    log = Path(result.err.split("the details are in ")[1].split()[0])
    assert "ZeroDivisionError" in log.read_text()


def test_interrupt_exits_130(run_cli, programme, monkeypatch):
    root = programme()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "load", interrupted)
    result = run_cli(["validate"], cwd=root)
    assert result.code == 130
    assert "interrupted" in result.err


def test_bad_today_is_a_usage_error(run_cli, programme):
    result = run_cli(["validate"], cwd=programme(), today="25/11/2026")
    assert result.code == 2
    assert "--today" in result.err


def test_unknown_command_is_a_usage_error(run_cli, programme):
    assert run_cli(["frobnicate"], cwd=programme()).code == 2


def test_retention_period_warning(run_cli, programme):
    root = programme({"mentors/jean.yaml": "id: jean\nfirst_name: J\nlast_name: M\nemail: j@example.org\n"})
    assert "retention-expired" not in run_cli(["validate"], cwd=root).out
    late = run_cli(["validate"], cwd=root, today="2028-07-01")
    assert late.code == 0
    assert "mentors/jean.yaml:1:5: warning retention-expired" in late.out


def test_python_dash_m_works(programme):
    root = programme()
    done = subprocess.run(
        [sys.executable, "-m", "mentorat_cli", "--root", str(root), "validate"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "valid" in done.stdout


def test_pair_candidates_default_matches_the_solver():
    import inspect

    from mentorat_cli.cli import pair as pair_command
    from mentorat_cli.pair import plan

    functions = [f for f in vars(pair_command).values() if inspect.isfunction(f) and "k" in inspect.signature(f).parameters]
    defaults = {inspect.signature(f).parameters["k"].default for f in functions}
    assert any(getattr(d, "default", d) == plan.DEFAULT_K for d in defaults)


def test_global_options_work_after_the_command(run_cli, programme, tmp_path):
    root = programme()
    assert run_cli(["validate", "--root", str(root)], cwd=tmp_path).code == 0
    assert run_cli(["validate", f"--root={root}", "-q"], cwd=tmp_path).out == ""
    assert run_cli(["validate", "--root", str(tmp_path)], cwd=tmp_path).code == 2


HEAVY = ("pandas", "numpy", "scipy", "jinja2", "jsonschema", "yaml", "rich", "icalendar", "openpyxl")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["-q", "--version"]])
def test_version_and_help_import_nothing_heavy(args):
    """Start-up stays lean: commands are registered without importing their modules."""
    probe = (
        "import sys\nfrom mentorat_cli.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n"
        "    code = exc.code\nheavy = sorted(m for m in sys.modules if m.split('.')[0] in " + repr(HEAVY) + ")\n"
        "heavy += sorted(m for m in sys.modules if m.startswith('mentorat_cli.cli.group.'))\n"
        "print('HEAVY', code, heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "HEAVY 0 []"
    assert ("mentorat 0.1.0" in done.stdout) == ("--version" in args)
    assert ("validate" in done.stdout) == (args == ["--help"])


def test_help_lines_are_the_commands_own():
    """COMMANDS (what --help lists without importing) says what each command's own docstring says."""
    from mentorat_cli.cli.group import COMMANDS, module_commands

    real: dict[str, str] = {}
    for module in dict.fromkeys(module for module, _ in COMMANDS.values()):
        for name, command in module_commands(module).items():
            real[name] = command.get_short_help_str(limit=1000)
            assert COMMANDS[name][0] == module, name
    assert {name: line for name, (_, line) in COMMANDS.items()} == real


def test_every_command_runs_through_the_lazy_group(run_cli):
    for name in ("validate", "note", "templates", "survey", "person", "export"):
        result = run_cli([name, "--help"])
        assert result.code == 0, name
        assert "Usage: mentorat " + name in result.out
