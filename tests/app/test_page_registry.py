"""The app's pages are found by themselves (coopselect.app.pages.pages): the tabs, the number
keys, the key bar, the help's page list and the language switch read that list only.

The completeness test defines a throwaway page here and registers it at run time, touching no
other file, and finds it in the app: its tab (in its ORDER's place), its number key, its own key
binding, its key bar, the help screen and both languages. This is what CONTRIBUTING.md's "Adding
an app page" promises (the page module, its labels, a test)."""

from __future__ import annotations

import asyncio
import pkgutil
from typing import ClassVar

import pytest
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent

from coopselect.app import pages as registry
from coopselect.app.pages import Page, pages
from coopselect.app.tui import CoopselectApp
from coopselect.i18n import Label

SIZE = (130, 42)


def screen_text(app) -> str:
    update = app.screen._compositor.render_update(full=True)
    return "\n".join("".join(seg.text for seg in strip) for strip in update.strips)


def test_every_page_module_gives_one_page_in_tab_order():
    modules = {m.name for m in pkgutil.iter_modules(registry.__path__)} - {"base"}
    found = pages()
    assert {p.__module__.rsplit(".", 1)[1] for p in found} == modules
    assert len(found) == len(modules) == len({p.ID for p in found})
    assert found[0].ID == "rank"  # the app opens on the ranking
    assert [registry.order(p) for p in found] == sorted(registry.order(p) for p in found)
    for p in found:
        assert p.TAB.zh and p.TAB.en and p.TAB.zh != p.TAB.en, p.ID
        assert p.KEYS.zh and p.KEYS.en, p.ID


def test_a_page_id_is_registered_once():
    class Twin(Page):
        ID = "rank"
        TAB = Label("重复", "Twin")

    with pytest.raises(ValueError, match="taken"):
        registry.register(Twin)


class ThrowawayPage(Page):
    """A page defined outside app/pages, as a new module there would define it."""

    ID = "throwaway"
    ORDER = 65  # between the what-ifs (60) and compare (70)
    TAB = Label("临时页", "Throwaway tab")
    KEYS = Label("z 戳一下", "z poke it")
    FOCUS = "#throwaway-scroll"
    BINDINGS: ClassVar[list] = [Binding("z", "poke", "poke", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.drawn = 0
        self.poked = 0

    def compose(self):
        with VerticalScroll(id="throwaway-scroll"):
            yield Static(id="throwaway-body")

    def redraw(self) -> None:
        self.drawn += 1
        n = len(self.state.result.pairs)
        self.put("#throwaway-body", f"{'组合' if self.lang == 'zh' else 'pairs'}: {n}")

    def action_poke(self) -> None:
        self.poked += 1


@pytest.fixture
def case_file(tmp_path, default_case_text):
    path = tmp_path / "case.toml"
    path.write_text(default_case_text, encoding="utf-8")
    return path


def test_a_page_registered_at_run_time_is_in_the_app(case_file, monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    registry.register(ThrowawayPage)
    ids = [p.ID for p in pages()]
    place = ids.index("throwaway") + 1
    assert ids[place - 2 : place + 1] == ["whatif", "throwaway", "compare"]

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            tabs = app.query_one(TabbedContent)
            assert str(tabs.get_tab("throwaway").label) == "Throwaway tab"
            page = app.query_one(ThrowawayPage)
            assert page.drawn == 0  # drawn when first shown
            await pilot.press(str(place))
            await pilot.pause()
            assert tabs.active == "throwaway" and page.drawn == 1
            assert app.focused is app.query_one("#throwaway-scroll")
            n = len(app.state.result.pairs)
            text = screen_text(app)
            assert f"pairs: {n}" in text
            assert "z poke it" in text and f"1-{len(ids)} pages" in text
            await pilot.press("z")
            assert page.poked == 1
            await pilot.press(str(place + 1))  # the page after it
            await pilot.pause()
            assert tabs.active == "compare"
            await pilot.press("l")  # Chinese
            await pilot.pause()
            assert str(tabs.get_tab("throwaway").label) == "临时页"
            await pilot.press(str(place))
            await pilot.pause()
            text = screen_text(app)
            assert f"组合: {n}" in text and "z 戳一下" in text and f"1-{len(ids)} 页面" in text
            await pilot.press("question_mark")
            await pilot.pause()
            assert f"{place} 临时页" in screen_text(app)

    asyncio.run(go())


def test_help_lists_the_pages_with_their_number_keys():
    from coopselect.app.labels import KEYS

    line = KEYS[0][1]
    for lang in ("en", "zh"):
        text = line(lang)
        for i, p in enumerate(pages(), start=1):
            assert f"{i} {p.TAB(lang)}" in text
