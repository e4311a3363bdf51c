"""Page 4: why this mode in this host (the pair explanation, host data, imputations)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coopselect.app import safe
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.errors import CoopselectError
from coopselect.i18n import Label


class DetailPage(Page):
    ID = "detail"
    ORDER = 40
    TAB = L["tab_detail"]
    KEYS = Label("↑↓ 滚动", "↑↓ scroll")
    FOCUS = "#detail-scroll"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            yield Static(id="detail-body", classes="info")

    def redraw(self) -> None:
        from coopselect.app.detail import render_detail

        body = self.query_one("#detail-body", Static)
        sel = self.coop.selected or self.coop.ranking.cursor_pair()
        if sel is None:
            body.update(safe.text(L["detail_none"](self.lang)))
            return
        try:
            body.update(render_detail(self.state.result, sel[0], sel[1], self.lang))
        except CoopselectError as err:
            body.update(safe.text(err, style="red"))
