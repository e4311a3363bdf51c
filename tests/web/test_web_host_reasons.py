"""The web app's ranking view "best mode per country" carries every host's reason in plain words
(coopselect.narrative.host_reasons), in both languages, filtered with the rows."""

from __future__ import annotations

import pytest

from coopselect.app.state import AppState
from coopselect.io.loaders.case_loader import load_case
from coopselect.narrative import host_reasons
from coopselect.web import views


@pytest.fixture(scope="module")
def state():
    return AppState.open(load_case(None))


@pytest.mark.parametrize(("lang", "why"), [("en", "Why"), ("zh", "理由")])
def test_every_host_has_its_reason_in_the_country_view(state, lang, why):
    cols, rows = views.ranking_table(state, lang, "country")
    assert cols[-1] == why
    want = host_reasons(state.result, lang)
    assert {r[2]: r[-1] for r in rows} == want
    assert len(rows) == 5


def test_the_reason_follows_the_filter_and_other_views_have_none(state):
    cols, rows = views.ranking_table(state, "en", "country", "tajik")
    assert [r[2] for r in rows] == ["TJK"]
    assert rows[0][-1].startswith("Tajikistan ranks")
    for view in ("pairs", "mode"):
        cols, rows = views.ranking_table(state, "en", view)
        assert "Why" not in cols and len(rows[0]) == len(cols) == 6


def test_the_reason_is_escaped_in_the_page():
    from coopselect.web.shinyapp import _table

    html = _table(["Why"], [["<b>a & b</b>"]])
    assert "<b>" not in html and "&lt;b&gt;a &amp; b&lt;/b&gt;" in html


def test_the_hosts_page_opens_with_the_same_reason(state):
    from coopselect.narrative import host_reason

    lines, _rows = views.host_reason(state, "en", "KGZ")
    assert lines[0] == host_reason(state.result, "KGZ", "en")
