"""The format-neutral report model: plain data that every renderer (XLSX, HTML, Markdown, CSV,
JSON) reads. Nothing here knows about a file format; nothing here computes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from coopselect.sensitivity import DEFAULT_SAMPLES

# How a column's values are shown: text, whole number, score (4 decimals), weight (3 decimals),
# share (percentage), general number (as short as exact).
Kind = Literal["text", "int", "num", "weight", "pct", "g"]


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind = "text"


@dataclass
class Table:
    key: str  # stable id (anchor, file name part)
    title: str
    columns: list[Column]
    rows: list[list[Any]]  # str, int, float or None per cell
    note: str = ""
    scale: tuple[int, ...] = ()  # column indexes shown with a colour scale
    scale_reversed: bool = False  # True when lower is better
    doc_rows: int | None = None  # rows the documents show (None: DOC_ROWS); the XLSX has all

    def doc_limit(self) -> int:
        return self.doc_rows or DOC_ROWS

    def shown_rows(self, limit: int | None = None) -> list[list[Any]]:
        """The rows a document (HTML, Markdown, PDF) shows: the first ``limit`` (default
        :meth:`doc_limit`); the XLSX and CSV files hold them all."""
        return self.rows[: self.doc_limit() if limit is None else limit]


@dataclass
class Section:
    key: str  # stable id: anchor in HTML, sheet order in XLSX
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # keys into Report.charts
    sheet: str = ""  # short sheet name for XLSX (<= 31 characters)
    level: int = 2  # heading level (3: a sub-part, e.g. one host in the brief)
    map: bool = False  # the report's map (Report.map, HTML) is drawn here, after the text
    live: bool = False  # the XLSX's live weighted-sum sheet (Report.live) follows this part's


@dataclass
class ChartSpec:
    key: str  # file name stem under charts/
    title: str
    kind: Literal["bars", "heatmap", "contributions", "sweep", "acceptability"]
    data: dict[str, Any]


@dataclass
class Report:
    lang: str
    case_id: str
    title: str
    subtitle: str
    summary: list[str]  # the recommendation in words
    sections: list[Section]
    charts: dict[str, ChartSpec]
    stamp: list[tuple[str, str]]  # reproducibility stamp, label -> value, in order
    document: dict[str, Any]  # everything as plain data (the JSON report)
    warnings: list[str] = field(default_factory=list)  # for the CLI to print (and the report)
    pairs_table: Table | None = None  # the CSV export
    map: dict[str, Any] | None = None  # best mode per host, drawn by the HTML report
    date: str = ""  # the stamp's date (YYYY-MM-DD): also the XLSX's created date
    # For auditors only (provenance.md): where each data file was read, the stamp, file hashes.
    audit: list[Section] = field(default_factory=list)
    audit_doc: dict[str, Any] = field(default_factory=dict)
    kind: str = "full"  # "full" or "brief" (1-3 pages: brief.html, brief.md)
    # The XLSX's live weighted-sum sheet (coopselect.reports.xlsx_live): plain data, or None.
    live: dict[str, Any] | None = None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def audit_section(self, key: str) -> Section | None:
        return next((s for s in self.audit if s.key == key), None)


# Rows of one table shown in the HTML, Markdown and printed report; longer tables say where the
# rest is (every row is in report.xlsx, and the pairs in pairs.csv).
DOC_ROWS = 50


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "en"
    samples: int = DEFAULT_SAMPLES  # SMAA weight samples; 0 skips the robustness analysis
    seed: int = 0
    top_pairs: int = 3  # pairs explained in detail
    compare_methods: bool = True
    date: str | None = None  # ISO date for the stamp; None = today (UTC)
    command: str | None = None  # the command line that produced the report
    brief: bool = False  # the 1-3 page brief instead of the full report
    sections: tuple[str, ...] | None = None  # keys of the full report's parts (None: all)
    map: bool = True  # the HTML report's map
    extra: dict[str, Any] = field(default_factory=dict)
