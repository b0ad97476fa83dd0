"""Messages of the data area."""

from __future__ import annotations

from mentorat_cli.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {}

TEXT: dict[str, str] = {}
