"""The CLI stays a thin layer, read from the source (ast): commands parse, make one core call, print.

(Module size, import cycles, ruff and mypy are checked in test_code_quality.py.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mentorat_cli.cli.group import COMMANDS

PACKAGE = Path(__file__).resolve().parent.parent / "mentorat_cli"
CLI = PACKAGE / "cli"
MAX_COMMAND_LINES = 25  # the "no CLI command over ~25 lines"


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def body_lines(function: ast.FunctionDef) -> int:
    """Lines of a function's body, its docstring left out (the signature lists typer's options: not counted)."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    if not body:
        return 0
    return (body[-1].end_lineno or body[-1].lineno) - body[0].lineno + 1


def _is_command_call(node: ast.AST) -> bool:
    """`x.command(...)`: typer's way to declare a command, as a decorator or a call."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "command"


def command_functions(tree: ast.Module) -> set[str]:
    """Names of the functions declared as typer commands: decorated `@x.command(...)` or registered `x.command(...)(f)`."""
    names = {
        node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and any(_is_command_call(d) for d in node.decorator_list)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_command_call(node.func):
            names |= {arg.id for arg in node.args if isinstance(arg, ast.Name)}
    return names


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_body_lines_counts_the_body_without_the_docstring():
    tree = ast.parse('def f(\n    a: int = 1,\n) -> None:\n    """Doc."""\n    x = 1\n\n    return None\n')
    assert body_lines(tree.body[0]) == 3  # type: ignore[arg-type]


def test_command_functions_finds_decorated_and_registered_commands():
    tree = ast.parse("@app.command('a')\ndef a(): pass\ndef b(): pass\ndef c(): pass\ndef register(app):\n    app.command('b')(b)\n")
    assert command_functions(tree) == {"a", "b"}


def test_every_command_module_exists_and_registers_a_command():
    modules = sorted({module for module, _ in COMMANDS.values()})
    for module in modules:
        tree = _tree(CLI / f"{module}.py")
        assert command_functions(tree), module


def _command_modules() -> list[Path]:
    return sorted(CLI / f"{module}.py" for module in {module for module, _ in COMMANDS.values()})


@pytest.mark.parametrize("path", _command_modules(), ids=lambda p: p.stem)
def test_commands_are_short(path):
    """Each command (and every helper beside it in its module) fits in about 25 lines: the logic is in the core."""
    tree = _tree(path)
    long = {name: body_lines(f) for name, f in _functions(tree).items() if body_lines(f) > MAX_COMMAND_LINES}
    assert long == {}, f"{path.name}: move the logic into a core function returning a result the command prints"


def test_every_registered_command_in_cli_is_short():
    """Commands declared outside the command modules (none today) are held to the same bound."""
    for path in sorted(CLI.glob("*.py")):
        tree = _tree(path)
        functions = _functions(tree)
        for name in command_functions(tree):
            if name in functions:
                assert body_lines(functions[name]) <= MAX_COMMAND_LINES, f"{path.name}: {name}"


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


# Modules that sit above the command line on purpose: the package's `python -m mentorat_cli` entry, and the
# developer tools that read the commands' help to extract the strings translators get (tools/i18n_tools.py).
ABOVE_THE_CLI = ("__main__.py", "tools/")


def test_no_core_module_imports_the_cli():
    """Everything under mentorat_cli/ outside cli/ works without the command line (tests, other front ends)."""
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if CLI in path.parents or path.relative_to(PACKAGE).as_posix().startswith(ABOVE_THE_CLI):
            continue
        bad = sorted(name for name in _imports(_tree(path)) if name == "mentorat_cli.cli" or name.startswith("mentorat_cli.cli."))
        if bad:
            offenders[path.relative_to(PACKAGE).as_posix()] = bad
    assert offenders == {}


def test_no_command_module_runs_git_or_defines_choices():
    """Git commands are built in io/ (git.py, gitcommit.py); choice enums live once in core/choices.py."""
    for path in sorted(CLI.glob("*.py")):
        tree = _tree(path)
        assert "subprocess" not in _imports(tree), path.name
        enums = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and "Enum" in ast.unparse(node.bases)]
        enums += [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, ast.Call) and ast.unparse(node.func) == "Enum"]
        assert enums == [], f"{path.name}: define choices in core/choices.py"


def test_choices_match_the_core_lists():
    from mentorat_cli.core import choices, kinds
    from mentorat_cli.render import mail

    assert tuple(kind.value for kind in choices.ProgrammeKind) == kinds.KINDS
    assert tuple(kind.value for kind in choices.MailKind) == mail.KINDS
    assert tuple(lang.value for lang in choices.RunLang) == kinds.LANGUAGES
