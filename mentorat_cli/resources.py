"""Where the bundled schemas and templates are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`schemas` or `templates`: inside the installed package, else the source tree's top level."""
    installed = _HERE / name
    if installed.is_dir():
        return installed
    return _HERE.parent / name
