"""Where the bundled schemas and templates are, installed or in a source checkout."""

from __future__ import annotations

import functools
from pathlib import Path

from mentorat_cli.core import problems as P
from mentorat_cli.core.problems import Problem

_HERE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """`schemas` or `templates`: inside the installed package, else the source tree's top level."""
    installed = _HERE / name
    if installed.is_dir():
        return installed
    return _HERE.parent / name


def editor_schemas() -> dict[str, str]:
    """The editors' copy of the schemas, as `.schemas/<name>` -> text."""
    return {f".schemas/{path.name}": path.read_text(encoding="utf-8") for path in sorted(data_dir("schemas").glob("*.schema.json"))}


def stale_editor_schemas(root: Path) -> dict[str, str]:
    """The files of `root/.schemas/` missing or differing from this version's, with their right text."""
    stale = {}
    for relative, content in editor_schemas().items():
        try:
            current = (root / relative).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != content:
            stale[relative] = content
    return stale


def outdated_editor_schemas(root: Path) -> list[Problem]:
    """A problem when the copies of the schemas in .schemas/ (for editors) differ from this version's."""
    folder = root / ".schemas"
    if not folder.is_dir() or folder.is_symlink():
        return []
    stale = stale_editor_schemas(root)
    if not stale:
        return []
    return [P.make("schemas-outdated", ".schemas", names=", ".join(rel.split("/", 1)[1] for rel in stale))]


@functools.lru_cache(maxsize=1)
def placeholders() -> frozenset[str]:
    """The example values `init` writes for the organiser and the coordinator, in every language."""
    import yaml  # here, not at the top: this module is imported before any YAML is read (start-up time)

    strings = yaml.safe_load((data_dir("templates") / "init" / "strings.yaml").read_text(encoding="utf-8"))
    return frozenset(value for lang in strings.values() for value in (lang["organiser"], lang["coordinator_name"]))
