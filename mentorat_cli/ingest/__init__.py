"""Importing people from form tools' and spreadsheets' exports (CSV, XLSX)."""

from __future__ import annotations

from mentorat_cli.ingest.mapping import Column, Mapping, default_mapping, load_mapping
from mentorat_cli.ingest.plan import Change, Conflict, ImportPlan, Rejected, plan_import
from mentorat_cli.ingest.state import STATE_FILE, load_state
from mentorat_cli.ingest.template import template

__all__ = [
    "Change",
    "Column",
    "Conflict",
    "ImportPlan",
    "Mapping",
    "Rejected",
    "STATE_FILE",
    "default_mapping",
    "load_mapping",
    "load_state",
    "plan_import",
    "template",
]
