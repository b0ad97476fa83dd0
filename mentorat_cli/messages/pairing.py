"""Messages of the pairing area."""

from __future__ import annotations

from mentorat_cli.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {}

TEXT: dict[str, str] = {}
