"""The quality self-assessment: criteria per stage, checked against evidence from the files."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorat_cli.core import problems as P
from mentorat_cli.core.i18n import gettext
from mentorat_cli.core.model import Programme
from mentorat_cli.core.problems import Problem
from mentorat_cli.load import yamlio
from mentorat_cli.load.resources import data_dir
from mentorat_cli.report import frames as F
from mentorat_cli.report.metrics import METRICS, Context

PROGRAMME_CRITERIA = "audit/criteria.yaml"
_OPTIONS = {"days", "months"}


@dataclass(frozen=True)
class Result:
    """One criterion's verdict: met, missing, or not applicable yet (nothing to assess)."""

    stage: str
    id: str
    label: str
    threshold: float
    met: int
    base: int
    to_fix: list[str]

    @property
    def status(self) -> str:
        if self.base == 0:
            return "na"
        return "met" if 100 * self.met >= self.threshold * self.base else "missing"


def bundled_path() -> Path:
    """The criteria file shipped with mentorat."""
    return data_dir("templates") / "audit" / "criteria.yaml"


def criteria_file(root: Path) -> tuple[Path, str]:
    """The programme's own criteria file when it has one, else the bundled file (with a display name)."""
    own = root / PROGRAMME_CRITERIA
    return (own, PROGRAMME_CRITERIA) if own.is_file() else (bundled_path(), "bundled criteria")


def _problem(shown: str, content: str, pointer: str, detail: str) -> Problem:
    spots = yamlio.positions(content) or {}
    base = pointer
    while base and base not in spots:
        base = base.rsplit("/", 1)[0]
    line, column = spots.get(base, (1, 1))
    return P.make("audit-criteria", shown, line, column, detail=detail, bundled=bundled_path())


def _check_criterion(item: Any, where: str, shown: str, content: str) -> list[Problem]:
    if not isinstance(item, dict):
        return [_problem(shown, content, where, "each criterion must be a mapping")]
    out = []
    for key in ("id", "label", "metric", "threshold"):
        if key not in item:
            out.append(_problem(shown, content, where, f"missing '{key}'"))
    if "metric" in item and item["metric"] not in METRICS:
        out.append(_problem(shown, content, f"{where}/metric", f"unknown metric '{item['metric']}' (known: {', '.join(sorted(METRICS))})"))
    threshold = item.get("threshold", 0)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        out.append(_problem(shown, content, f"{where}/threshold", "threshold must be a number from 0 to 100 (a percentage)"))
    for key in sorted(set(item) - {"id", "label", "metric", "threshold"}):
        value = item[key]
        if key not in _OPTIONS or isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.append(_problem(shown, content, f"{where}/{key}", f"'{key}' is not a known option (days and months take a whole number)"))
    return out


def load_criteria(path: Path, shown: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The stages and their criteria from a criteria file, or the problems that stop it being used."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [P.make("audit-criteria", shown, detail=f"cannot be read ({type(exc).__name__})", bundled=bundled_path())]
    data, issue = yamlio.load(content)
    if issue is not None:
        return [], [P.make(issue.code, shown, issue.line, issue.column, **issue.values)]
    stages = data.get("stages") if isinstance(data, dict) else None
    if not isinstance(stages, list) or not stages:
        return [], [_problem(shown, content, "", "the file needs a non-empty 'stages' list")]
    found: list[Problem] = []
    for s, stage in enumerate(stages):
        where = f"/stages/{s}"
        if not isinstance(stage, dict) or not isinstance(stage.get("criteria"), list) or "id" not in stage or "title" not in stage:
            found.append(_problem(shown, content, where, "each stage needs 'id', 'title' and a 'criteria' list"))
            continue
        for c, item in enumerate(stage["criteria"]):
            found += _check_criterion(item, f"{where}/criteria/{c}", shown, content)
    return (stages if not found else []), found


def to_json(results: list[Result], source: str) -> str:
    """The --format json document: every criterion with its evidence and the files to fix."""
    doc = {
        "criteria_file": source,
        "met": sum(1 for r in results if r.status == "met"),
        "missing": sum(1 for r in results if r.status == "missing"),
        "not_applicable": sum(1 for r in results if r.status == "na"),
        "criteria": [
            {
                "stage": r.stage,
                "id": r.id,
                "label": r.label,
                "status": r.status,
                "threshold": r.threshold,
                "met_count": r.met,
                "base": r.base,
                "to_fix": r.to_fix,
            }
            for r in results
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def evaluate(programme: Programme, stages: list[dict[str, Any]], today: dt.date, cohort: str | None = None) -> list[Result]:
    """Every criterion's verdict, in the order of the criteria file."""
    ctx = Context(F.build(programme, cohort, today), programme.config, today)
    results = []
    for stage in stages:
        for item in stage["criteria"]:
            ok, bad = METRICS[item["metric"]](ctx, item)
            # The bundled criteria's titles and labels are msgids (French in a French programme);
            # a programme's own criteria file passes through as written.
            results.append(
                Result(
                    gettext(str(stage["title"])),
                    str(item["id"]),
                    gettext(str(item["label"])),
                    float(item["threshold"]),
                    len(ok),
                    len(ok) + len(bad),
                    bad,
                )
            )
    return results
