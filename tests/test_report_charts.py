"""Report charts: a month still in progress is drawn apart (hatched bar, dashed line, hollow point) and labelled."""

from __future__ import annotations

import re
from pathlib import Path


def _charts(run_cli, root: Path, today: str) -> list[str]:
    result = run_cli(["report", "--format", "html", "-o", "out/report.html", "--force"], cwd=root, today=today)
    assert result.code == 0, result.err
    page = (root / "out" / "report.html").read_text(encoding="utf-8")
    return re.findall(r"<svg.*?</svg>", page, flags=re.S)


def _group(svg: str, gid: str) -> str:
    """The text of the SVG group with that id, to its closing tag (matplotlib indents both alike)."""
    found = re.search(rf'\n( *)<g id="{gid}">.*?\n\1</g>', svg, flags=re.S)
    assert found, gid
    return found.group(0)


def test_the_running_month_is_hatched_dashed_and_said(sample: Path, run_cli) -> None:
    pairs, meetings, _satisfaction = _charts(run_cli, sample, "2026-11-25")
    bar = _group(meetings, "partial-month")
    pattern = re.search(r"fill: url\(#(\w+)\)", bar)
    assert pattern and f'<pattern id="{pattern.group(1)}"' in meetings  # hatched, not the plain blue of finished months
    finished = meetings.split('<g id="partial-month">', 1)[0]
    assert "fill: #2f5d8a" in finished and "url(#" not in re.sub(r'clip-path="url\(#\w+\)"', "", finished.split('<g id="patch_', 1)[1])
    line = _group(pairs, "partial-month")
    assert "stroke-dasharray" in line and "fill: #ffffff" in line  # dashed to a hollow point
    for svg in (pairs, meetings):
        assert re.search(r"font-style: italic[^>]*>novembre 2026 \(mois en cours\)</text>", svg)  # the tick, in italics
        assert re.search(r"font-style: italic[^>]*>mois en cours</text>", svg)  # and a word on the plot itself


def test_a_finished_month_is_drawn_like_the_others(sample: Path, run_cli) -> None:
    for svg in _charts(run_cli, sample, "2026-11-30")[:2]:
        assert "partial-month" not in svg and "mois en cours" not in svg and "<pattern" not in svg
        assert ">novembre 2026</text>" in svg
