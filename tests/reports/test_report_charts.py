"""Charts: SVG without comments, metadata or external references, text kept as text (escaped),
deterministic, never parsed as mathtext; PNG only when asked for, and never with missing glyphs;
a Chinese report in the default formats needs no Chinese font."""

from __future__ import annotations

import pytest
import rp

SCRIPT = "<script>alert(1)</script>"


def specs(label: str) -> dict[str, rp.ChartSpec]:
    return {
        "bars": rp.ChartSpec(
            "bars", f"Scores {label}", "bars", {"labels": [label, "b"], "values": [0.8, 0.5]}
        ),
        "heat": rp.ChartSpec(
            "heat",
            "Heat",
            "heatmap",
            {"rows": [label, "y"], "cols": ["m1", "m2"], "values": [[0.1, 0.2], [0.3, 0.4]]},
        ),
    }


@pytest.fixture(scope="module")
def rendered():
    return rp.render_charts(specs(SCRIPT), "en", png=True)


def test_svg_is_inline_ready_and_inert(rendered):
    out, warnings = rendered
    assert warnings == []
    for ch in out.values():
        assert ch.svg.startswith("<svg") and ch.svg.rstrip().endswith("</svg>")
        assert "<!--" not in ch.svg and "<metadata" not in ch.svg
        assert "<script" not in ch.svg.lower()  # labels are text, escaped
        assert "&lt;script&gt;" in ch.svg or "Heat" in ch.svg
        assert "http" not in ch.svg.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
            'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
        )
        assert ch.svg_file.startswith("<?xml")
        assert ch.png.startswith(b"\x89PNG")


def test_svg_is_deterministic(rendered):
    again, _ = rp.render_charts(specs(SCRIPT), "en")  # SVG only unless PNG is asked for
    for key, ch in rendered[0].items():
        assert again[key].svg == ch.svg
        assert again[key].png == b""


def test_svg_keeps_chinese_as_text_without_any_font(monkeypatch):
    monkeypatch.setattr(rp.charts, "cjk_font", lambda: None)
    out, warnings = rp.render_charts({"bars": specs("哈萨克斯坦")["bars"]}, "zh", png=False)
    svg = out["bars"].svg
    assert warnings == [] and ">哈萨克斯坦</text>" in svg  # the viewer's fonts draw it
    assert "'Noto Sans CJK SC'" in svg and "sans-serif" in svg  # a stack with Chinese fonts


def test_png_without_a_chinese_font_fails_before_writing(monkeypatch, tmp_path, default_result):
    from coopselect.errors import CoopselectError

    monkeypatch.setattr(rp.charts, "cjk_font", lambda: None)
    with pytest.raises(CoopselectError, match="no installed font can draw") as err:
        rp.render_charts({"bars": specs("哈萨克斯坦")["bars"]}, "en", png=True)
    assert "fonts-noto-cjk" in str(err.value) and "leave png out of --formats" in str(err.value)
    out = tmp_path / "zh"
    opts = rp.ReportOptions(lang="zh", samples=0, compare_methods=False)
    with pytest.raises(CoopselectError, match="没有已安装的字体"):
        rp.write_report(default_result, out, formats="md,json,png", options=opts)
    assert not out.exists() or not any(out.iterdir())  # no partial report


def test_chinese_report_in_default_formats_needs_no_font(monkeypatch, tmp_path, default_result):
    """Every default format, in Chinese, on a machine without any Chinese font: no PNG anywhere
    (the XLSX's charts are Excel charts), the Markdown links the SVG charts."""
    import zipfile

    monkeypatch.setattr(rp.charts, "cjk_font", lambda: None)
    out = tmp_path / "zh"
    opts = rp.ReportOptions(lang="zh", samples=0, compare_methods=False, date="2026-01-01")
    rp.write_report(default_result, out, options=opts)
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"report.xlsx", "report.html", "report.md", "charts/ranking.svg"} <= names
    assert not [n for n in names if n.endswith(".png")]
    members = zipfile.ZipFile(out / "report.xlsx").namelist()
    assert not [m for m in members if m.startswith("xl/media/")]
    assert [m for m in members if m.startswith("xl/charts/chart")]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "](charts/ranking.svg)" in md and ".png)" not in md
    assert ">哈萨克斯坦" in (out / "charts" / "heatmap.svg").read_text(encoding="utf-8")


# Names that matplotlib's mathtext would read as formulas; the last two it cannot parse at all.
MATH_NAMES = (r"$\alpha$ venture", r"$x^2$ offtake", r"a $x^$ b", r"$\nocommand$ deal")


def test_names_are_never_parsed_as_mathtext():
    for png in (False, True):
        label = " / ".join(MATH_NAMES)
        out, warnings = rp.render_charts(specs(label), "en", png=png)
        assert warnings == []
        assert f">{label}</text>" in out["bars"].svg  # drawn as typed, one text element


def test_case_with_dollar_names_writes_every_chart(tmp_path):
    """A case whose mode names hold $...$: the whole report, PNG included, with the names as
    typed (before, mathtext turned them into formulas or failed with a traceback)."""
    from coopselect.paths import cases_dir, criteria_dir
    from coopselect.pipeline import rank

    modes = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
    for old, new in zip(
        ("Mineral trade", "Joint development", "Risk exploration", "Technology transfer"),
        MATH_NAMES,
        strict=True,
    ):
        assert f'name_en = "{old}"' in modes
        modes = modes.replace(f'name_en = "{old}"', f"name_en = '{new}'")
    (tmp_path / "math_modes.toml").write_text(modes, encoding="utf-8")
    case = (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")
    assert 'mode_profiles = "modes"' in case
    case = case.replace('mode_profiles = "modes"', 'mode_profiles = "math_modes.toml"')
    (tmp_path / "math.toml").write_text(case, encoding="utf-8")
    out = tmp_path / "out"
    opts = rp.ReportOptions(samples=0, compare_methods=False, date="2026-01-01")
    rp.write_report(rank(tmp_path / "math.toml"), out, formats="charts,png", options=opts)
    heat = (out / "charts" / "heatmap.svg").read_text(encoding="utf-8")
    for name in MATH_NAMES:
        assert f">{name}</text>" in heat
    assert (out / "charts" / "heatmap.png").read_bytes().startswith(b"\x89PNG")


def test_png_with_a_chinese_font_has_every_glyph():
    font = rp.charts.cjk_font()
    if font is None:
        pytest.skip("no font with Chinese glyphs installed (e.g. fonts-wqy-zenhei)")
    text = "哈萨克斯坦 × 技术转让（得分）"
    assert rp.charts.missing_glyphs(text, [font, "DejaVu Sans"]) == ""
    out, _ = rp.render_charts({"bars": specs("哈萨克斯坦")["bars"]}, "zh", png=True)
    assert out["bars"].png.startswith(b"\x89PNG")


def test_no_font_needed_for_latin_text(monkeypatch):
    called = []
    monkeypatch.setattr(rp.charts, "cjk_font", lambda: called.append(1))
    _, warnings = rp.render_charts({"bars": specs("Kazakhstan")["bars"]}, "en", png=False)
    assert warnings == [] and called == []


def test_has_cjk():
    assert rp.has_cjk("哈萨克斯坦") and rp.has_cjk("（") and not rp.has_cjk("Kazakhstan × trade")


@pytest.mark.parametrize("method", ["vikor", "topsis"])
def test_the_winner_is_the_longest_bar_whatever_the_direction(method):
    """VIKOR (lower is better) is drawn as 1 - Q with a note; the bars' text keeps the score."""
    import coopselect

    res = coopselect.rank(method=method)
    rep = rp.build_report(res, rp.ReportOptions(samples=0, compare_methods=False))
    d = rep.charts["ranking"].data
    assert d["values"][0] == max(d["values"])
    assert d["values"] == sorted(d["values"], reverse=True)
    assert d["texts"][0] == f"{res.pairs[0].score:.3f}"
    lower = "lower score is better" in rep.charts["ranking"].title
    assert lower == (not res.higher_is_better)
