"""Charts of a report, rendered with matplotlib (imported lazily, Agg backend) to SVG, and to PNG
only when asked for.

``render_charts(specs, lang, png=False)`` -> ({key: RenderedChart}, warnings).

SVG keeps its text as text (``svg.fonttype = "none"``): the viewer's fonts draw it, so Chinese
labels show in any browser with a Chinese font whatever this machine has (none is needed here),
and the text can be searched, copied and extracted from a printed PDF. The SVG names a font stack
(the font used for the layout, then common Chinese fonts, then the generic sans-serif). Comments
and metadata are stripped so that no label text or URL ends up outside the drawing, and the
element ids are salted with the chart's key, so equal input gives equal bytes.

Chart text is never parsed: ``text.parse_math`` is off, so a name such as ``$x^2$`` is drawn as
typed (mathtext would render it as a formula, or stop with a traceback on ``$x^$``).

A PNG is pixels: its glyphs must come from a font installed here. Every character of a chart is
checked against the fonts matplotlib can use (a Chinese font found by matplotlib's font manager
among the installed fonts, then DejaVu Sans); when one is missing, ``MissingGlyphs`` (a
CoopselectError) is raised before anything is written, so no report is left with boxes for
characters. The XLSX report draws no picture (its charts are native Excel charts), so only an
explicit PNG format needs a font.
"""

from __future__ import annotations

import io
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.reports.model import ChartSpec

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
FONT_FILE_HINTS = ("cjk", "wqy", "wenquanyi", "sourcehan", "droidsansfallback", "simhei", "msyh")
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
PNG_DPI = 150
PALETTE = ("#1f5f8b", "#e07b39", "#3a9e5c", "#b8423c", "#7a5aa6", "#8c6d46", "#d36fb0")


@dataclass(frozen=True)
class RenderedChart:
    key: str
    title: str
    svg: str  # inline-ready <svg> element (no XML declaration)
    png: bytes  # b"" when PNGs were not asked for

    @property
    def svg_file(self) -> str:
        return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + self.svg


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


# Named after the layout font in every SVG text element, so that a viewer without it still picks a
# font with Chinese glyphs before its generic sans-serif.
SVG_FONT_STACK = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', "
    "'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Zen Hei', 'DejaVu Sans', Arial, sans-serif"
)
# Fonts that map every character to a placeholder box (matplotlib's own last-resort font).
PLACEHOLDER_FONTS = ("Last Resort",)
_FONT_FAMILY = re.compile(r"font-family: ?([^;\"]*)")


def _add_font_files() -> None:
    """The font cache may predate a font installation: add likely CJK font files."""
    from matplotlib import font_manager

    known = {f.fname for f in font_manager.fontManager.ttflist}
    for root in FONT_DIRS:
        base = Path(root)
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            low = path.name.lower().replace("-", "").replace("_", "")
            if (
                path.suffix.lower() in (".ttf", ".otf", ".ttc")
                and any(h in low for h in FONT_FILE_HINTS)
                and str(path) not in known
            ):
                try:
                    font_manager.fontManager.addfont(str(path))
                except Exception:  # an unreadable font file: try the next one
                    continue


@cache
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except Exception:  # an unreadable font: covers nothing
        return frozenset()


def _covers(family: str, chars: str) -> bool:
    from matplotlib import font_manager

    if family.startswith(PLACEHOLDER_FONTS):
        return False

    try:
        path = font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    except ValueError:
        return False
    cmap = _charmap(path)
    return all(ord(c) in cmap for c in chars)


@cache
def cjk_font() -> str | None:
    """Family name of an installed font with Chinese glyphs, or None: a common CJK family first,
    else any font matplotlib knows whose character map covers common Chinese characters."""
    from matplotlib import font_manager

    probe = "中国矿产资源合作"
    _add_font_files()
    names = {f.name for f in font_manager.fontManager.ttflist}
    for fam in CJK_FAMILIES:
        if fam in names and _covers(fam, probe):
            return fam
    for f in sorted(font_manager.fontManager.ttflist, key=lambda f: f.name):
        if f.name.startswith(PLACEHOLDER_FONTS):
            continue
        if all(ord(c) in _charmap(f.fname) for c in probe):
            return f.name
    return None


def missing_glyphs(text: str, families: list[str]) -> str:
    """Characters of ``text`` that none of ``families`` can draw (whitespace ignored)."""
    chars = "".join(sorted({c for c in text if not c.isspace()}))
    left = chars
    for fam in families:
        left = "".join(c for c in left if not _covers(fam, c))
        if not left:
            break
    return left


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list | tuple):
        return [s for v in obj for s in _strings(v)]
    return []


def render_charts(specs: dict[str, ChartSpec], lang: str = "en", *, png: bool = False):
    """Render every spec to SVG (and PNG when ``png``). Returns ({key: RenderedChart},
    [warnings]). Raises ``MissingGlyphs`` when a PNG would miss a character's glyph."""
    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
    except ImportError as err:
        from coopselect.reports.labels import t

        return {}, [t("no_matplotlib", lang, why=str(err))]
    with _quiet_fonts():
        text = "".join(s for sp in specs.values() for s in _strings([sp.title, sp.data]))
        font = cjk_font() if has_cjk(text) else None
        family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
        if png:
            missing = missing_glyphs(text, family)
            if missing:
                raise MissingGlyphs(missing, lang)
        out = {}
        for key, spec in specs.items():
            rc = {
                "font.family": family,
                "text.parse_math": False,  # names are text: '$x^2$' stays '$x^2$'
                "text.usetex": False,
                "svg.fonttype": "none",
                "svg.hashsalt": f"coopselect-{key}",
                "axes.spines.top": False,
                "axes.spines.right": False,
                "font.size": 9,
            }
            # matplotlib's stubs type rc keys as a Literal of its parameter names; these are names.
            with matplotlib.rc_context(rc), warnings.catch_warnings():  # type: ignore[arg-type]
                warnings.simplefilter("ignore")
                fig = DRAW[spec.kind](plt, spec)
                out[key] = RenderedChart(key, spec.title, _svg(fig), _png(fig) if png else b"")
                plt.close(fig)
    return out, []


@contextmanager
def _quiet_fonts():
    """matplotlib's font manager logs every family it cannot find or weight it substitutes; the
    glyph check above says what matters (SVG text is drawn by the viewer's fonts)."""
    import logging

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


class MissingGlyphs(CoopselectError):
    """A PNG chart would draw boxes: no installed font has these characters."""

    def __init__(self, missing: str, lang: str) -> None:
        self.missing = missing
        shown = "".join(missing[:12]) + ("…" if len(missing) > 12 else "")
        if lang == "zh":
            message = f"没有已安装的字体能绘制图表中的这些字符：{shown}；未写入任何报告文件。"
            fix = (
                "安装中文字体（如 apt-get install fonts-noto-cjk 或 fonts-wqy-zenhei），"
                "或从 --formats 中去掉 png（默认格式不需要字体："
                "SVG 图表和 XLSX 的 Excel 图表由查看者的字体显示）。"
            )
        else:
            message = (
                f"no installed font can draw these characters of the charts: {shown}; "
                "no report file was written."
            )
            fix = (
                "install a font with Chinese glyphs (e.g. apt-get install fonts-noto-cjk or "
                "fonts-wqy-zenhei), or leave png out of --formats (the default formats need no "
                "font: SVG charts and the XLSX's Excel charts are drawn by the viewer's fonts)."
            )
        super().__init__(message, place="charts (PNG)", fix=fix)


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = re.sub(r"<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = _FONT_FAMILY.sub(lambda m: f"font-family: {_stack(m.group(1))}", text)
    return text.strip() + "\n"


def _stack(layout: str) -> str:
    """The layout font(s) of a text element, then the common Chinese fonts and sans-serif."""
    first = [f.strip() for f in layout.split(",") if f.strip()]
    rest = [f.strip() for f in SVG_FONT_STACK.split(",")]
    return ", ".join(dict.fromkeys([*first, *rest]))


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buf.getvalue()


def _bars(plt, spec: ChartSpec):
    d = spec.data
    labels, values = d["labels"], d["values"]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(labels) + 1.2))
    y = list(range(len(labels)))
    colours = [PALETTE[1] if i < d.get("highlight", 0) else PALETTE[0] for i in y]
    ax.barh(y, values, color=colours)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    texts = d.get("texts") or [f"{v:.3f}" for v in values]
    for yi, v, text in zip(y, values, texts, strict=True):
        ax.text(v, yi, f" {text}", va="center", fontsize=8)
    ax.set_xlabel(d.get("xlabel", ""))
    ax.set_title(spec.title, loc="left", fontweight="bold")
    fig.tight_layout()
    return fig


def _heat(plt, spec: ChartSpec, pct: bool):
    d = spec.data
    rows, cols, vals = d["rows"], d["cols"], d["values"]
    import numpy as np

    a = np.asarray(vals, float)
    per_col = 0.7 if pct else 1.2
    fig, ax = plt.subplots(figsize=(max(5.0, per_col * len(cols) + 3.2), 0.5 * len(rows) + 2.0))
    cmap = "Blues" if pct else ("YlGn_r" if d.get("reversed") else "YlGn")
    # One colour scale for every cell (stated in the colour bar's label): 0-1 for scores and
    # shares, so that a small difference never looks like a large one.
    lo, hi = (0.0, 1.0) if pct else tuple(d.get("range") or (np.nanmin(a), np.nanmax(a)))
    lo, hi = float(lo), float(hi)
    im = ax.imshow(a, cmap=cmap, aspect="auto", vmin=lo, vmax=hi)
    ax.set_xticks(
        range(len(cols)), cols, rotation=0 if pct else 30, ha="center" if pct else "right"
    )
    ax.set_yticks(range(len(rows)), rows)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            v = a[i, j]
            text = f"{v:.0%}" if pct else d.get("fmt", "{:.3f}").format(v)
            if pct and round(v * 100) < 1:
                text = ""
            f = (v - lo) / (hi - lo) if hi > lo else 0.0
            dark = (1 - f if d.get("reversed") and not pct else f) > 0.6
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8 if pct else 9.5,
                color="white" if dark else "#222222",
            )
    if pct:
        ax.set_xlabel(d.get("xlabel", ""))
    bar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    if d.get("legend"):
        bar.set_label(d["legend"])
    ax.spines[:].set_visible(False)
    ax.set_title(spec.title, loc="left", fontweight="bold")
    fig.tight_layout()
    return fig


def _contributions(plt, spec: ChartSpec):
    import numpy as np

    d = spec.data
    cols, pairs = d["columns"], d["pairs"]
    n = len(pairs)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(cols) * max(n, 1) * 0.45 + 1.6))
    y = np.arange(len(cols))
    h = 0.8 / max(n, 1)
    for k, p in enumerate(pairs):
        ax.barh(
            y + k * h - 0.4 + h / 2,
            p["values"],
            height=h,
            label=p["label"],
            color=PALETTE[k % len(PALETTE)],
        )
    ax.set_yticks(y, cols)
    ax.invert_yaxis()
    ax.set_xlabel(d.get("xlabel", ""))
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_title(spec.title, loc="left", fontweight="bold")
    fig.tight_layout()
    return fig


def _sweep(plt, spec: ChartSpec):
    d = spec.data
    panels = d["panels"]
    ncol = 4 if len(panels) > 4 else max(len(panels), 1)
    nrow = (len(panels) + ncol - 1) // ncol
    fig, axes = plt.subplots(
        nrow, ncol, figsize=(3.1 * ncol, 2.5 * nrow + 1.0), squeeze=False, sharey=True
    )
    for k, ax in enumerate(axes.flat):
        if k >= len(panels):
            ax.set_visible(False)
            continue
        p = panels[k]
        for i, line in enumerate(p["lines"]):
            ax.plot(
                d["grid"],
                line,
                color=PALETTE[i % len(PALETTE)],
                lw=1.4,
                label=d["labels"][i] if k == 0 else None,
            )
        ax.axvline(p["weight"], color="#555555", ls="--", lw=0.9)
        for w in p["changes"]:
            ax.axvline(w, color="#b8423c", ls=":", lw=0.9)
        ax.set_title(p["title"], fontsize=9)
        ax.set_xlim(0, 1)
        if k // ncol == nrow - 1:
            ax.set_xlabel(d.get("xlabel", ""))
        if k % ncol == 0:
            ax.set_ylabel(d.get("ylabel", ""))
    fig.suptitle(spec.title, x=0.01, ha="left", fontweight="bold")
    ncol_legend = min(3, len(d["labels"])) or 1
    legend_rows = (len(d["labels"]) + ncol_legend - 1) // ncol_legend
    height = fig.get_size_inches()[1]
    bottom = (0.25 * legend_rows + 0.15) / height
    fig.legend(
        loc="lower center", ncol=ncol_legend, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 0.0)
    )
    fig.tight_layout(rect=(0, bottom, 1, 0.96))
    return fig


DRAW = {
    "bars": _bars,
    "heatmap": lambda plt, spec: _heat(plt, spec, pct=False),
    "acceptability": lambda plt, spec: _heat(plt, spec, pct=True),
    "contributions": _contributions,
    "sweep": _sweep,
}
