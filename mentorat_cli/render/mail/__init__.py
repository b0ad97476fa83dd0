"""E-mail drafts for the coordinator (.eml files, never sent): introductions, decisions, reminders, survey, thanks."""

from __future__ import annotations

from mentorat_cli.render.mail.compose import Drafted, compose, eml, mbox
from mentorat_cli.render.mail.select import KINDS, Draft, parts_read, select

__all__ = ["Draft", "Drafted", "KINDS", "compose", "eml", "mbox", "parts_read", "select"]
