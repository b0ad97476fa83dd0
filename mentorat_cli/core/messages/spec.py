"""The shape of a catalogue entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spec:
    """A problem code's severity, message template and hint template."""

    severity: str
    message: str
    hint: str = ""
