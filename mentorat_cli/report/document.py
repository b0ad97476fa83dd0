"""Figures -> a document: sections of paragraphs, tables and charts, worded and privacy-protected.

Every count that describes people goes through `privacy` here, so that the
Markdown, HTML and spreadsheet writers only ever see publishable text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mentorat_cli.core import kinds
from mentorat_cli.core.formatting import long_date, number, percent
from mentorat_cli.core.formatting import month_year as month_name
from mentorat_cli.privacy import suppression as privacy
from mentorat_cli.report.labels import category_label, labels


@dataclass
class Table:
    """A table of already formatted cells."""

    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""  # said instead of the table when there is nothing publishable to show


@dataclass
class Section:
    """One heading with its paragraphs, bullets, tables and charts (chart keys)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """The whole report, ready for a writer."""

    language: str
    title: str
    subtitle: str
    scope: str
    sections: list[Section]
    footer: str
    chart_data: dict[str, Any]


class _Fmt:
    """Formatting helpers bound to a language and a threshold."""

    def __init__(self, language: str, k: int) -> None:
        self.lang, self.k, self.L = language, k, labels(language)

    def n(self, value: float, decimals: int = 0) -> str:
        return number(value, self.lang, decimals)

    def count(self, value: int) -> str:
        """A count of respondents: "< k" when small, like any cell (it is a detail of the eligible, not a total)."""
        return self.L["hidden-small"].format(k=self.k) if privacy.is_small(value, self.k) else self.n(value)

    def cell(self, cell: privacy.Cell) -> str:
        if cell.hidden == privacy.PRIMARY:
            return self.L["hidden-small"].format(k=self.k)
        if cell.hidden == privacy.SECONDARY:
            return self.L["hidden-secondary"]
        return self.n(cell.value)

    def share(self, count: int, base: int) -> list[str]:
        """[count of base, percent] with bounds when the count or its complement is small."""
        s = privacy.Share(count, base, self.k)
        if base == 0:
            # Nobody to count from: a "0" would read as a result.
            return [self.L["na"], self.L["na"]]
        if s.base_hidden:
            return [self.L["not-published"], self.L["not-published"]]
        if s.low_hidden:
            shown = self.L["hidden-small"].format(k=self.k)
        elif s.high_hidden:
            shown = self.L["more-than"].format(n=self.n(base - self.k))
        else:
            shown = self.n(count)
        pct = s.percent()
        written = percent(pct, self.lang) if pct is not None else self.L["not-published"]
        return [self.L["of"].format(count=shown, base=self.n(base)), written]

    def breakdown(self, title: str, rows: list[tuple[str, int]], total: int) -> Table:
        """A one-way breakdown with its total, small cells and their complement hidden."""
        header = [self.L["col-value"], self.L["col-count"]]
        if privacy.protect_total(total, self.k):
            # The headline totals are published: say why the detail is not, rather than a bare "< k".
            return Table(title, header, [], note=self.L["small-group"].format(k=self.k))
        cells = privacy.protect([count for _, count in rows], self.k)
        body = [[label, self.cell(c)] for (label, _), c in zip(rows, cells, strict=True)]
        return Table(title, header, body + [[self.L["total"], self.n(total)]])


def _participants(f: _Fmt, fig: dict[str, Any], config: dict[str, Any]) -> Section:
    L = f.L
    sec = Section(L["s-participants"], paragraphs=[L["participants-intro"]])
    rows = [[L[f"role-{r}"], f.n(fig["people"][r]["registered"]), f.n(fig["people"][r]["participants"])] for r in ("mentee", "mentor")]
    sec.tables.append(Table("", ["", L["registered"], L["participants"]], rows))
    for item in fig["breakdowns"]:
        role = L[f"role-{item['role']}"]
        if item["key"] == "public":
            # For a school the publics are the routes into the civil service.
            title = L["by-route"] if config.get("kind") == "school" else L["by-public"]
        elif item["key"] == "city":
            title = L["by-city"].format(role=role)
        else:
            title = L["by-cat"].format(role=role, cat=category_label(item["key"][4:], config, str(config.get("language", "fr"))))
        named = [
            ((kinds.public_label(config, v) if item["key"] == "public" else v) if v is not None else L["not-given"], n)
            for v, n in item["rows"]
        ]
        if item["key"] != "public":
            named = _pool_small(named, f.k, L["others"])
        sec.tables.append(f.breakdown(title, named, item["total"]))
    return sec


def _pool_small(rows: list[tuple[str, int]], k: int, label: str) -> list[tuple[str, int]]:
    """Merge the values held by fewer than k people into one row: a long list of "< k" tells nothing."""
    small = [n for _, n in rows if privacy.is_small(n, k)]
    if len(small) < 2:
        return rows
    return [(name, n) for name, n in rows if not privacy.is_small(n, k)] + [(label.format(count=len(small), k=k), sum(small))]


def _pairs(f: _Fmt, fig: dict[str, Any]) -> Section:
    L, p = f.L, fig["pairs"]
    sec = Section(L["s-pairs"])
    sec.tables.append(
        Table("", [L["col-figure"], L["col-count"]], [[L["pairs-total"], f.n(p["total"])], [L["pairs-introduced"], f.n(p["introduced"])]])
    )
    sec.tables.append(f.breakdown(L["pairs-by-status"], [(L[f"status-{k}"], n) for k, n in p["status"]], p["total"]))
    if p["ended_early"]:
        who = [(L.get(f"by-{v}", L["not-given"]) if v else L["not-given"], n) for v, n in p["ended_by"]]
        sec.tables.append(f.breakdown(L["ended-by"], who, p["ended_early"]))
        # A reason's wording is published only when enough pairs gave it: rare wordings could identify a pair.
        common = [(r, n) for r, n in p["reasons"] if r is not None and n >= f.k]
        rare = sum(n for r, n in p["reasons"] if r is not None and n < f.k)
        rows = common + ([(L["reasons-other"], rare)] if rare else [])
        rows += [(L["reasons-missing"], p["reasons_missing"])] if p["reasons_missing"] else []
        sec.tables.append(f.breakdown(L["reasons"], rows, p["ended_early"]))
    sec.tables.append(
        Table("", [L["col-figure"], L["col-count"], L["col-share"]], [[L["pairs-repaired"], *f.share(p["repaired"], p["total"])]])
    )
    return sec


def _delay(f: _Fmt, fig: dict[str, Any]) -> Section:
    L, d = f.L, fig["delay"]
    sec = Section(L["s-delay"])
    if d["n"] < f.k:
        sec.paragraphs.append(L["delay-none"].format(k=f.k))
    else:
        sec.paragraphs.append(
            L["delay-text"].format(n=f.n(d["n"]), median=f.n(d["median"], 0 if d["median"] % 1 == 0 else 1), p90=f.n(d["p90"]))
        )
    return sec


def _meetings(f: _Fmt, fig: dict[str, Any]) -> Section:
    L, m = f.L, fig["meetings"]
    sec = Section(L["s-meetings"])
    small = L["not-published"]
    median = L["na"] if m["median"] is None else small if m["pairs"] < f.k else f.n(m["median"], 0 if m["median"] % 1 == 0 else 1)
    median_hours = L["na"] if m["median_hours"] is None else small if m["pairs"] < f.k else f.n(m["median_hours"], 1)
    sec.tables.append(
        Table(
            "",
            [L["col-figure"], L["col-count"]],
            [
                [L["m-pairs"], f.n(m["pairs"])],
                [L["m-held"], f.n(m["held"])],
                [L["m-hours"], f.n(m["hours"], 1)],
                [L["m-nodur"], f.n(m["without_duration"])],
                [L["m-median"], median],
                [L["m-median-hours"], median_hours],
            ],
        )
    )
    shares = [
        (L["m-reached-meetings"].format(n=m["min_meetings"]), m["reached_meetings"]),
        (L["m-reached-duration"].format(n=m["duration_months"]), m["reached_duration"]),
        (L["m-reviews"], m["reviews"]),
        (L["m-finals"], m["finals"]),
    ]
    sec.tables.append(
        Table("", [L["col-figure"], L["col-count"], L["col-share"]], [[label, *f.share(n, m["pairs"])] for label, n in shares])
    )
    buckets = []
    for (low, high), n in m["buckets"]:
        if high == 0:
            name = L["bucket-zero"]
        else:
            name = L["bucket-open"].format(low=low) if high is None else L["bucket"].format(low=low, high=high)
        buckets.append((name, n))
    sec.tables.append(f.breakdown(L["m-distribution"], buckets, m["pairs"]))
    s = fig["series"]
    columns = zip(s["months"], s["active_pairs"], s["meetings"], strict=True)
    names = _month_names(s, f)
    monthly = [[name, f.n(a), f.n(n)] for name, (_, a, n) in zip(names, columns, strict=True)]
    empty = L["monthly-none"].format(start=long_date(s["cohort_start"], f.lang)) if not monthly else ""
    sec.tables.append(Table(L["monthly"], [L["col-month"], L["col-active"], L["col-meetings"]], monthly, note=empty))
    if monthly:
        sec.charts += ["pairs", "meetings"]
    return sec


def _satisfaction(f: _Fmt, fig: dict[str, Any]) -> Section:
    L = f.L
    sec = Section(L["s-satisfaction"], paragraphs=[L["sat-intro"].format(year=2023)])
    rows = []
    for role in ("mentee", "mentor"):
        s = fig["satisfaction"][role]
        # The rate times the eligible gives the respondents back: hidden when either is small.
        small = privacy.is_small(s["eligible"], f.k) or privacy.is_small(s["respondents"], f.k)
        rate = L["na"] if not s["eligible"] else L["not-published"] if small else percent(100 * s["respondents"] / s["eligible"], f.lang)
        count, pct = f.share(s["satisfied"], s["respondents"])
        satisfied = count if pct in (L["na"], L["not-published"]) else f"{count} ({pct})"
        rows.append([L[f"role-{role}"], f.count(s["respondents"]), rate, satisfied, percent(s["reference"], f.lang)])
    sec.tables.append(Table("", ["", L["col-respondents"], L["col-rate"], L["col-satisfied"], L["col-reference"]], rows))
    recommend = []
    for role in ("mentee", "mentor"):
        s = fig["satisfaction"][role]
        recommend.append([L[f"role-{role}"], *f.share(s["recommend"], s["recommend_answers"])])
    sec.tables.append(Table(L["recommend"], ["", L["col-count"], L["col-share"]], recommend))
    for role in ("mentee", "mentor"):
        s = fig["satisfaction"][role]
        if s["respondents"]:
            sec.tables.append(
                f.breakdown(L["sat-detail"].format(role=L[f"role-{role}"]), [(L[level], n) for level, n in s["scale"]], s["respondents"])
            )
    sec.charts.append("satisfaction")  # a hidden share is written "not published" on its bar, never drawn as zero
    return sec


def _objectives(f: _Fmt, fig: dict[str, Any], config: dict[str, Any]) -> Section:
    L = f.L
    sec = Section(L["s-objectives"], paragraphs=[L["obj-intro"]])
    if not fig["objectives"]:
        sec.paragraphs.append(L["obj-none"])
        return sec
    rows = []
    for theme, counts in fig["objectives"]:
        total = sum(counts)
        if privacy.protect_total(total, f.k):
            cells = [L["hidden-small"].format(k=f.k)] * 4
        else:
            cells = [f.cell(c) for c in privacy.protect(counts, f.k)] + [f.n(total)]
        rows.append([kinds.theme_label(config, theme), *cells])
    if all(privacy.protect_total(sum(counts), f.k) for _, counts in fig["objectives"]):
        # A table made only of "< 5" says nothing: one sentence says it instead.
        sec.paragraphs.append(L["obj-all-small"].format(k=f.k))
        return sec
    sec.tables.append(Table("", [L["col-theme"], L["obj-yes"], L["obj-partly"], L["obj-no"], L["total"]], rows))
    return sec


def build(fig: dict[str, Any], config: dict[str, Any]) -> Document:
    """The report document for the figures of one cohort."""
    lang = str(config.get("language", "fr"))
    f = _Fmt(lang, fig["k"])
    L = f.L
    quotes = Section(L["s-quotes"], paragraphs=[L["quotes-intro"] if fig["quotes"] else L["quotes-none"]], quotes=fig["quotes"])
    excluded = Section(
        L["s-excluded"],
        bullets=[
            L["ex-notes"],
            L["ex-names"],
            L["ex-comments"],
            L["ex-small"].format(k=f.k),
            L["ex-reasons"].format(k=f.k),
            L["ex-cohort"],
        ],
    )
    method = Section(
        L["s-method"], bullets=[L["participants-intro"], L["me-small"].format(k=f.k), L["me-meetings"], L["me-delay"], L["me-satisfaction"]]
    )
    sections = [
        _participants(f, fig, config),
        _pairs(f, fig),
        _delay(f, fig),
        _meetings(f, fig),
        _satisfaction(f, fig),
        _objectives(f, fig, config),
        quotes,
        method,
        excluded,
    ]
    return Document(
        language=lang,
        title=L["title"],
        subtitle=L["subtitle"].format(name=config.get("name", ""), organiser=config.get("organiser", "")),
        scope=L["scope"].format(cohort=fig["cohort"], today=long_date(fig["today"], lang), k=f.k),
        sections=sections,
        footer=L["generated"],
        chart_data=_chart_data(fig, f),
    )


def _month_names(series: dict[str, Any], f: _Fmt) -> list[str]:
    """Month names, the month still running marked as such (its figures are not final)."""
    names = [month_name(m, f.lang) for m in series["months"]]
    if names and series.get("partial"):
        names[-1] = f.L["month-partial"].format(month=names[-1])
    return names


def _chart_data(fig: dict[str, Any], f: _Fmt) -> dict[str, Any]:
    """What the charts plot: only publishable values (satisfaction shares are None when hidden)."""
    shares = {}
    for role in ("mentee", "mentor"):
        s = fig["satisfaction"][role]
        shares[role] = privacy.Share(s["satisfied"], s["respondents"], f.k).percent()
    series = dict(fig["series"], labels=_month_names(fig["series"], f))
    return {
        "series": series,
        "satisfaction": shares,
        "respondents": {r: fig["satisfaction"][r]["respondents"] for r in ("mentee", "mentor")},
        "reference": {r: fig["satisfaction"][r]["reference"] for r in ("mentee", "mentor")},
    }
