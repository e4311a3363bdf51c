"""Charts: SVG without text comments, metadata or external references, deterministic, PNG
alongside; a missing Chinese font is reported instead of failing."""

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
        assert "script" not in ch.svg.lower()  # labels are drawn as glyph paths, not text
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


def test_missing_chinese_font_is_reported(monkeypatch):
    monkeypatch.setattr(rp.charts, "cjk_font", lambda: None)
    out, warnings = rp.render_charts({"bars": specs("哈萨克斯坦")["bars"]}, "zh", png=False)
    assert out["bars"].svg.startswith("<svg")  # still drawn
    assert len(warnings) == 1 and "fonts-noto-cjk" in warnings[0]


def test_no_font_needed_for_latin_text(monkeypatch):
    called = []
    monkeypatch.setattr(rp.charts, "cjk_font", lambda: called.append(1))
    _, warnings = rp.render_charts({"bars": specs("Kazakhstan")["bars"]}, "en", png=False)
    assert warnings == [] and called == []


def test_has_cjk():
    assert rp.has_cjk("哈萨克斯坦") and rp.has_cjk("（") and not rp.has_cjk("Kazakhstan × trade")
