"""Checks of the files programme.yaml points to (the organiser's logo), so that `validate` finds what rendering would refuse."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import logo


def check_logo(prog: Programme, loc: Any, today: dt.date | None) -> list[Problem]:
    """The organiser's logo: inside the programme, a real file, under 2 MB, an image of the kind its name says."""
    relative = prog.raw_config.get("organiser_logo")
    if not relative or not isinstance(relative, str):
        return []
    reason = logo.refusal(prog.root, relative)
    if not reason:
        return []
    line, column = loc("programme.yaml", "/organiser_logo")
    return [P.make("organiser-logo", "programme.yaml", line, column, pointer="/organiser_logo", path=relative, reason=text(reason))]
