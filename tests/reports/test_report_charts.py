"""Charts: SVG without comments, metadata or external references, text kept as text (escaped),
deterministic, PNG alongside; a PNG is never written with missing glyphs."""

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
    return rp.render_charts(specs(SCRIPT), "en")


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
    again, _ = rp.render_charts(specs(SCRIPT), "en", png=False)
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
    assert "fonts-noto-cjk" in str(err.value) and "--formats html" in str(err.value)
    out = tmp_path / "zh"
    with pytest.raises(CoopselectError, match="没有已安装的字体"):
        rp.write_report(
            default_result, out, lang="zh", options=rp.ReportOptions(lang="zh", samples=0)
        )
    assert not out.exists() or not any(out.iterdir())  # no partial report


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
