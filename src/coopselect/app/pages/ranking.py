"""Page 1: every (country, mode) pair ranked, with a filter and a best-mode-per-country view."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from coopselect.app import safe, views
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.app.widgets import RankTable
from coopselect.i18n import Label


class RankingPage(Page):
    ID = "rank"
    ORDER = 10
    TAB = L["tab_rank"]
    KEYS = Label("/ 筛选  b 最佳模式  回车 详情", "/ filter  b best-per-country  Enter detail")
    FOCUS = "#rank-table"
    WHY = Label("理由", "Why")

    def __init__(self) -> None:
        super().__init__()
        self.best_only = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder=L["filter"](self.lang), id="filter")
        yield Static(id="rank-status", classes="info")
        yield RankTable(id="rank-table")
        yield Static(id="rank-why", classes="info")

    def relabel(self) -> None:
        self.query_one("#filter", Input).placeholder = L["filter"](self.lang)

    def redraw(self) -> None:
        lg = self.lang
        table = self.query_one("#rank-table", RankTable)
        text = self.query_one("#filter", Input).value
        rows = views.ranking_rows(self.state, lg, text, self.best_only)
        headers = tuple(L[k](lg) for k in ("rank", "change", "country", "mode", "score"))
        table.set_rows(rows, headers)
        res = self.state.result
        assert res is not None
        status = views.status_text(len(rows), len(res.pairs), self.best_only, text, lg)
        if not res.higher_is_better:
            status += f" · {L['lower_better'](lg)}"
        self.put("#rank-status", safe.line(status))
        self._show_why()

    def _show_why(self) -> None:
        """The highlighted host's reason in plain words, under the table (every host has one)."""
        from rich.text import Text

        pair = self.cursor_pair()
        if pair is None:
            self.put("#rank-why", Text(""))
            return
        lg = self.lang
        iso = pair[0]
        colon = "：" if lg == "zh" else ": "
        out = safe.line(f"{self.WHY(lg)} · {views.country_name(iso, lg)}{colon}", style="bold")
        out.append(safe.text(views.host_reason(self.state, iso, lg)))
        self.put("#rank-why", out)

    def toggle_best(self) -> None:
        self.best_only = not self.best_only
        self.redraw()

    def focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def filter_focused(self) -> bool:
        return self.app.focused is self.query_one("#filter", Input)

    def back_to_table(self) -> None:
        self.query_one("#rank-table", RankTable).focus()

    def cursor_pair(self) -> tuple[str, str] | None:
        key = self.query_one("#rank-table", RankTable).cursor_key
        if key is None:
            return None
        c, _, m = key.partition(":")
        return c, m

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.redraw()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.back_to_table()

    @on(RankTable.Selected)
    def _pair_selected(self, event: RankTable.Selected) -> None:
        c, _, m = event.key.partition(":")
        self.coop.selected = (c, m)
        self.coop.action_page("detail")

    @on(RankTable.Highlighted)
    def _pair_highlighted(self, event: RankTable.Highlighted) -> None:
        c, _, m = event.key.partition(":")
        self.coop.selected = (c, m)
        self._show_why()
