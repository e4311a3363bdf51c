"""The HTML report: one self-contained file (no external references, no scripts), charts inline
as SVG, every text escaped, both languages, a print stylesheet."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import rp
from hostile_case import HYPERLINK, SCRIPT

URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset"}


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.html_lang = None
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self.urls += [v or "" for k, v in attrs if k.lower() in URL_ATTRS]
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)


def parse(html: str) -> Collect:
    p = Collect()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module", params=["en", "zh"])
def page(request, default_report):
    lang = request.param
    rep, files = default_report(lang)
    html = files["report.html"].decode("utf-8")
    return lang, rep, html, parse(html)


@pytest.fixture(scope="module", params=["en", "zh"])
def hostile_page(request, hostile_result):
    rep = rp.build_report(hostile_result, rp.ReportOptions(lang=request.param, samples=200))
    html = rp.render_html(rep, {})
    return request.param, html, parse(html)


def test_self_contained_no_external_references(page):
    _, _, html, doc = page
    for url in doc.urls:
        # Only in-page anchors, SVG glyph references and embedded images (heatmap rasters).
        assert url.startswith(("#", "data:image/")), url[:40]
    assert "script" not in doc.tags
    assert "link" not in doc.tags and "iframe" not in doc.tags and "img" not in doc.tags
    assert "@import" not in html
    assert not re.search(r"url\((?!#)", html)  # only clip-path references inside an SVG


def test_charts_inline_as_svg(page):
    _, rep, html, doc = page
    assert len(rep.charts) == 6 and rep.map  # six charts and the map of best modes
    assert doc.tags.count("svg") == len(rep.charts) + 1
    for key in rep.charts:
        assert f'id="chart-{key}"' in html
    assert "<!--" not in html  # matplotlib's text comments are stripped
    assert "<metadata>" not in html


def test_language_and_labels(page):
    lang, rep, _, doc = page
    text = " ".join(doc.text)
    assert doc.html_lang == ("zh-CN" if lang == "zh" else "en")
    assert rep.summary[0] in text
    if lang == "zh":
        assert rep.summary[0].startswith("推荐组合：") and "参考文献、数据与许可" in text
        assert "可商用准则集" in text and "非商业" not in text
    else:
        assert rep.summary[0].startswith("Recommended pair: ")
        assert "commercial-use criteria set" in text and "non-commercial" not in text
    for sec in rep.sections:
        assert sec.title in text


def test_print_stylesheet(page):
    doc = page[3]
    css = " ".join(doc.styles)
    assert "@media print" in css and "@page" in css


def test_numbers_shown_and_colour_scale(page):
    _, rep, html, _ = page
    first = rep.pairs_table.rows[0]
    assert f"{first[5]:.4f}" in html
    assert "background-color:#" in html


def test_hostile_labels_are_escaped(hostile_page):
    lang, html, doc = hostile_page
    assert "<script" not in html.lower()
    assert "script" not in doc.tags
    text = " ".join(doc.text)
    assert SCRIPT in text  # shown as text, after unescaping by the parser
    if lang == "en":
        assert HYPERLINK in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert all(url.startswith("#") for url in doc.urls)
    # No attribute value carries the hostile text either.
    assert all(SCRIPT not in (v or "") for _, v in doc.attrs)
