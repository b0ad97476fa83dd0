"""Charts as self-contained SVG text (no network resource, byte-stable for the same data)."""

from __future__ import annotations

import io
import re
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")  # no display: charts are only ever written to text
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

_STYLE: dict[str, Any] = {
    "svg.hashsalt": "mentorat",  # fixed ids inside the SVG, so the same data gives the same bytes
    "svg.fonttype": "none",  # keep text as text: smaller, searchable, no embedded glyphs
    "font.family": "sans-serif",
    "font.size": 9,
}
_BLUE, _GREY, _PALE = "#2f5d8a", "#b8c4d0", "#dce6f0"


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    # Drop the XML prolog and DOCTYPE: the SVG is embedded inside HTML.
    text = text[text.index("<svg") :]
    # The RDF metadata block only names matplotlib; it is noise inside a report.
    return re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.S)


def _months_chart(months: list[str], values: list[int], title: str, kind: str, partial: str = "") -> str:
    """A monthly series; a month still in progress is drawn apart (lighter, hatched, dashed), its figures not final."""
    with plt.rc_context(cast(Any, _STYLE)):
        fig, ax = plt.subplots(figsize=(6.4, 2.6))
        positions = list(range(len(months)))
        done = len(values) - 1 if partial and values else len(values)
        if kind == "line":
            ax.plot(positions[:done], values[:done], color=_BLUE, marker="o", markersize=3)
            if done < len(values):
                # The running month joins the line dashed, with a hollow point: not yet comparable.
                start = max(0, done - 1)
                (line,) = ax.plot(
                    positions[start:], values[start:], color=_BLUE, linestyle="--", marker="o", markersize=4, markerfacecolor="white"
                )
                line.set_markevery([len(positions[start:]) - 1])
                line.set_gid("partial-month")
        else:
            ax.bar(positions[:done], values[:done], color=_BLUE)
            if done < len(values):
                (bar,) = ax.bar(positions[done:], values[done:], color=_PALE, edgecolor=_BLUE, hatch="///", linewidth=0.8)
                bar.set_gid("partial-month")
        step = max(1, len(months) // 12)
        shown = sorted(set(positions[::step]) | ({positions[-1]} if partial and positions else set()))
        ax.set_xticks(shown, [months[i] for i in shown], rotation=45, ha="right")
        if partial and positions:
            ax.get_xticklabels()[-1].set_fontstyle("italic")
            # Said on the plot too: a running month with no meeting yet has no bar to hatch.
            top = max([1, *values]) * 1.1
            ax.text(positions[-1], values[-1] + top * 0.04, partial, ha="center", va="bottom", fontsize=7, fontstyle="italic", color=_BLUE)
        ax.set_title(title)
        # Counts are whole: no 0.05 ticks, and a flat zero series still gets a readable 0..1 axis.
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(0, max([1, *values]) * 1.1)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def satisfaction_chart(
    shares: dict[str, float | None], reference: dict[str, int], roles: list[str], words: dict[str, str], respondents: dict[str, int]
) -> str:
    """Grouped bars: the programme's satisfied share (when publishable) beside the national reference."""
    with plt.rc_context(cast(Any, _STYLE)):
        fig, ax = plt.subplots(figsize=(5.0, 2.6))
        keys = ["mentee", "mentor"]
        xs = list(range(len(keys)))
        ours = [float(shares[k] or 0.0) for k in keys]
        ax.bar([x - 0.2 for x in xs], ours, width=0.4, color=_BLUE, label=words["chart-programme"])
        ax.bar([x + 0.2 for x in xs], [reference[k] for k in keys], width=0.4, color=_GREY, label=words["chart-reference"])
        for x, key in zip(xs, keys, strict=True):
            # A hidden share (too few respondents) is said, not drawn as zero.
            mine = (
                f"{int(float(shares[key] or 0) + 0.5)}"
                if shares[key] is not None
                else (words["chart-hidden"] if respondents[key] else words["chart-no-respondent"])
            )
            ax.text(x - 0.2, float(shares[key] or 0) + 2, mine, ha="center", fontsize=8)
            ax.text(x + 0.2, reference[key] + 2, f"{reference[key]}", ha="center", fontsize=8)
        ax.set_xticks(xs, roles)
        ax.set_ylim(0, 110)
        ax.set_title(words["chart-satisfaction"])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def _partial_note(series: dict[str, Any], words: dict[str, str]) -> str:
    """'mois en cours' when the last month is still running (the month label's own words, without the month)."""
    return words["month-partial"].format(month="").strip(" ()") if series.get("partial") else ""


def render_all(data: dict[str, Any], words: dict[str, str]) -> dict[str, str]:
    """Every chart of the report, keyed as the document's sections refer to them."""
    series = data["series"]
    partial = _partial_note(series, words)
    return {
        "pairs": _months_chart(series["labels"], series["active_pairs"], words["chart-pairs"], "line", partial),
        "meetings": _months_chart(series["labels"], series["meetings"], words["chart-meetings"], "bar", partial),
        "satisfaction": satisfaction_chart(
            data["satisfaction"], data["reference"], [words["role-mentee"], words["role-mentor"]], words, data["respondents"]
        ),
    }
