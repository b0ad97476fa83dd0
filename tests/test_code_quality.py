"""Code quality as tests: ruff and mypy run on the package, and the architecture keeps its shape.

CI runs `python -m pytest` only (see .ci/run and the README), so the linters run here, as
subprocesses, and fail with their own output. The architecture guards read the source with
`ast` (nothing is imported): module size, import cycles between modules and between packages
(an import inside a function counts: a lazy import still ties the two together), and a core
that does no I/O.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "mentorat_cli"
ROOT = "mentorat_cli"
LINTED = ["mentorat_cli", "tests", "benchmarks"]
MAX_LINES = 400
# core/ is the bottom layer: data in, data out. It may use nothing above it, and nothing that
# reaches the disk, the network, a subprocess or the clock (the CLI passes `today`).
CORE_FORBIDDEN_PACKAGES = ("load", "io", "check", "pair", "ingest", "render", "followup", "report", "privacy", "cli", "tools")
CLOCK_CALLS = frozenset({"today", "now", "utcnow", "time", "monotonic", "perf_counter"})
CORE_FORBIDDEN_MODULES = ("subprocess", "shutil", "tempfile", "socket", "urllib", "http", "sqlite3", "fcntl")


def _run(command: list[str]) -> None:
    """Run one tool from the virtual environment; fail with its output unless it exits 0."""
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(command[2:])}` failed (exit {done.returncode}):\n{done.stdout}{done.stderr}", pytrace=False)


def test_ruff_check_is_clean() -> None:
    _run([sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED])


def test_ruff_format_is_clean() -> None:
    _run([sys.executable, "-m", "ruff", "format", "--check", "--no-cache", *LINTED])


def test_mypy_is_clean() -> None:
    # mypy's default cache (.mypy_cache, git-ignored) makes the second run take seconds.
    _run([sys.executable, "-m", "mypy", ROOT])


# --- the import graph, read from the source ---


@dataclass(frozen=True)
class Import:
    """One import statement: `source` (a module) needs `target` (a module), at `line` of `path`."""

    source: str
    target: str
    path: str
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _package_of(module: str) -> str:
    """The package a module belongs to for layering: the first level under mentorat_cli."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module name of a `from X import ...`, relative imports included."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(node: ast.AST, module: str, is_package: bool, known: dict[str, Path]) -> Iterator[str]:
    """The project modules one import statement runs (a package's __init__ counts as a module)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = _resolve(node, module, is_package)
        # `from pkg import name`: name is a submodule, or a name defined in pkg/__init__.
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
    else:
        return
    for name in names:
        # Importing a.b.c runs a/__init__ and a/b/__init__ first, unless the importer is already inside them.
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            target = ".".join(parts[:end])
            implicit = end < len(parts)
            if target in known and target != module and not (implicit and module.startswith(target + ".")):
                yield target


def _imports() -> list[Import]:
    """Every import between project modules, at module level, in functions and under TYPE_CHECKING alike."""
    known = _modules()
    found: set[Import] = set()
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = str(path.relative_to(REPO))
        for node in ast.walk(tree):
            for target in _targets(node, module, path.name == "__init__.py", known):
                found.add(Import(module, target, rel, getattr(node, "lineno", 0)))
    return sorted(found, key=lambda imp: (imp.source, imp.target, imp.line))


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle per strongly connected component of more than one node (Tarjan, then BFS)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(edges.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    # A ring of many packages is clearer as its small cycles: the shortest one through each member.
    cycles: list[list[str]] = []
    for component in sorted(components):
        for start in component:
            cycle = _shortest_cycle(start, set(component), edges)
            rotations = {tuple(cycle[i:-1] + cycle[:i] + [cycle[i]]) for i in range(len(cycle) - 1)}
            if not any(tuple(known) in rotations for known in cycles):
                cycles.append(cycle)
    return cycles


def _shortest_cycle(start: str, members: set[str], edges: dict[str, set[str]]) -> list[str]:
    """The shortest cycle from `start` back to it inside one strongly connected component, as [a, b, ..., a]."""
    paths: dict[str, list[str]] = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for succ in sorted(edges.get(node, set()) & members):
            if succ == start:
                return [*paths[node], start]
            if succ not in paths:
                paths[succ] = [*paths[node], succ]
                queue.append(succ)
    raise AssertionError(f"no cycle through {start}")  # a strongly connected component always has one


def _explain(cycles: list[list[str]], imports: list[Import], name: Callable[[str], str]) -> str:
    """One paragraph per cycle: the ring, then for each link the first import that makes it."""
    paragraphs = []
    for cycle in cycles:
        lines = [" -> ".join(cycle)]
        for source, target in zip(cycle, cycle[1:], strict=False):
            # One line per statement: `from a.b import c` also runs a/__init__, only a.b.c is worth naming.
            deepest: dict[tuple[str, int], Import] = {}
            for imp in imports:
                if name(imp.source) == source and name(imp.target) == target:
                    known = deepest.get((imp.path, imp.line))
                    if known is None or len(imp.target) > len(known.target):
                        deepest[(imp.path, imp.line)] = imp
            why = sorted(deepest.values(), key=lambda imp: (imp.path, imp.line))
            shown = ", ".join(f"{imp.path}:{imp.line} imports {imp.target}" for imp in why[:3])
            more = f" (+{len(why) - 3} more)" if len(why) > 3 else ""
            lines.append(f"    {source} -> {target}: {shown}{more}")
        paragraphs.append("\n".join(lines))
    return "\n".join(paragraphs)


def _same(module: str) -> str:
    return module


def _graph(imports: list[Import], name: Callable[[str], str]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        source, target = name(imp.source), name(imp.target)
        if source != target:
            edges.setdefault(source, set()).add(target)
    return edges


def test_no_import_cycle_between_modules() -> None:
    imports = _imports()
    cycles = _cycles(_graph(imports, _same))
    assert not cycles, "Import cycles between modules (break each by moving the shared piece down a layer):\n" + _explain(
        cycles, imports, _same
    )


def test_no_import_cycle_between_packages() -> None:
    imports = _imports()
    cycles = _cycles(_graph(imports, _package_of))
    assert not cycles, "Import cycles between packages (see CONTRIBUTING's layers; move the shared piece down):\n" + _explain(
        cycles, imports, _package_of
    )


def test_core_is_the_bottom_layer() -> None:
    """core/ imports no other package of ours, nothing that does I/O beyond reading its own data, and reads no clock."""
    offences = []
    for imp in _imports():
        if _package_of(imp.source) == "core" and _package_of(imp.target) in CORE_FORBIDDEN_PACKAGES:
            offences.append(f"{imp.path}:{imp.line} imports {imp.target}")
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            for name in names:
                if name.split(".")[0] in CORE_FORBIDDEN_MODULES:
                    offences.append(f"{path.relative_to(REPO)}:{node.lineno} imports {name}")
            # No clock: `today` is passed in by the CLI (--today makes every output reproducible).
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCK_CALLS:
                offences.append(f"{path.relative_to(REPO)}:{node.lineno} reads the clock ({node.func.attr}())")
    assert not offences, "core/ must stay pure (no package above it, no I/O):\n" + "\n".join(offences)


def test_no_module_over_the_size_limit() -> None:
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in sorted(PACKAGE.rglob("*.py"))}
    over = [f"{path.relative_to(REPO)}: {lines} lines" for path, lines in sizes.items() if lines > MAX_LINES]
    assert not over, f"Modules over {MAX_LINES} lines (split them by responsibility):\n" + "\n".join(over)


def test_the_guards_see_a_cycle_and_name_it() -> None:
    """The cycle finder is not vacuous: on a known ring it reports it, with the imports that make it."""
    imports = [Import("p.a", "p.b", "p/a.py", 3), Import("p.b", "p.c", "p/b.py", 4), Import("p.c", "p.a", "p/c.py", 9)]
    imports.append(Import("p.c", "p.d", "p/c.py", 10))
    cycles = _cycles(_graph(imports, _same))
    assert cycles == [["p.a", "p.b", "p.c", "p.a"]]
    assert "p/c.py:9 imports p.a" in _explain(cycles, imports, _same)
    # The real source is read: a lazy import inside a function is an edge like any other.
    lazy = [imp for imp in _imports() if imp.source == "mentorat_cli.cli.group" and imp.target.startswith("mentorat_cli.")]
    assert lazy, "the import reader found no import in cli/group.py"


def _edges_of(sources: dict[str, tuple[str, bool]]) -> list[Import]:
    """The imports of made-up modules: name -> (source text, is a package)."""
    known = {name: Path(name) for name in sources}
    found = []
    for module, (source, is_package) in sources.items():
        for node in ast.walk(ast.parse(source)):
            found += [Import(module, target, module, getattr(node, "lineno", 0)) for target in _targets(node, module, is_package, known)]
    return found


def test_imports_are_resolved_as_python_runs_them() -> None:
    """A submodule import is an edge to that submodule; a name from a package's __init__ is an edge to it."""
    imports = _edges_of(
        {
            "p": ("from p.a import thing\n", True),
            "p.a": ("from p import b\nfrom . import c\n\ndef late():\n    from p import helper\n", False),
            "p.b": ("", False),
            "p.c": ("import q.d\n", False),
            "q": ("", True),
            "q.d": ("", False),
        }
    )
    edges = {(imp.source, imp.target) for imp in imports}
    # `from p import b` needs p.b only (p/__init__ is already running); `import q.d` runs q/__init__ too.
    assert edges == {("p", "p.a"), ("p.a", "p.b"), ("p.a", "p.c"), ("p.a", "p"), ("p.c", "q"), ("p.c", "q.d")}
    # The name imported late from the package's __init__, which imports p.a: a cycle, found and named.
    assert _cycles(_graph(imports, _same)) == [["p", "p.a", "p"]]
