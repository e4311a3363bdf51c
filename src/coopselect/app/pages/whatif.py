"""Page 6: what-ifs on the hosts: one of the case's ``[scenarios]`` and ``ISO3.FEATURE=VALUE``
settings (as ``--scenario`` and ``--set``). They apply to every page and are never saved into the
case file."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from coopselect.app import safe, views
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.app.screens import InputScreen
from coopselect.domain.features import HOST_FEATURES, feature_label
from coopselect.i18n import Label

NO_SCENARIO = "_none"


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class WhatIfPage(Page):
    ID = "whatif"
    ORDER = 60
    TAB = L["tab_whatif"]
    KEYS = Label(
        "回车 选情景/改特征值  a 输入设置  d 删除设置  Tab 切换表格",
        "Enter pick scenario / set a feature  a type a setting  d drop setting  Tab next table",
    )
    FOCUS = "#whatif-scenarios"
    BINDINGS: ClassVar[list] = [
        Binding("a", "add", "add", show=False),
        Binding("d,delete", "drop", "drop", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="whatif-info", classes="info")
        yield DataTable(id="whatif-scenarios", cursor_type="row")
        yield DataTable(id="whatif-features", cursor_type="cell")
        yield Static(id="whatif-settings", classes="info")

    def redraw(self) -> None:
        lg = self.lang
        state = self.state
        res = state.result
        assert res is not None
        info = Text(L["whatif_help"](lg), style="dim")
        self.query_one("#whatif-info", Static).update(info)

        scen = self.query_one("#whatif-scenarios", DataTable)
        row = scen.cursor_row if scen.row_count else 0
        scen.clear(columns=True)
        scen.add_column("", key="on")
        scen.add_column(L["scenario"](lg), key="id")
        scen.add_column(L["description"](lg), key="title")
        active = state.whatif.scenario
        scen.add_row("●" if active is None else "", L["no_scenario"](lg), "", key=NO_SCENARIO)
        for sid, s in state.case.scenarios.items():
            title = s.title_zh if lg == "zh" else s.title_en
            scen.add_row("●" if sid == active else "", safe.line(sid), safe.line(title), key=sid)
        scen.move_cursor(row=min(row, scen.row_count - 1), animate=False)

        table = self.query_one("#whatif-features", DataTable)
        coord = table.cursor_coordinate if table.row_count else None
        table.clear(columns=True)
        table.add_column(L["country"](lg), key="_country")
        for f in HOST_FEATURES:
            table.add_column(short(feature_label(f, lg), 12), key=f)
        feats = res.features
        set_here = {(o.country, o.feature) for o in feats.overrides}
        for c in feats.countries:
            values = feats.row(c)
            cells = [safe.line(short(f"{views.country_name(c, lg)} {c}", 18))]
            for f in HOST_FEATURES:
                style = "bold yellow" if (c, f) in set_here else ""
                cells.append(Text(f"{values[f]:.3f}", style=style, justify="right"))
            table.add_row(*cells, key=c)
        if coord is not None:
            table.move_cursor(row=coord.row, column=coord.column, animate=False)
        else:
            table.move_cursor(row=0, column=1, animate=False)

        lines = Text()
        if feats.overrides:
            lines.append(L["overrides"](lg) + "\n", style="bold")
            for o in feats.overrides:
                was = "—" if o.was != o.was else f"{o.was:.4g}"  # NaN: no previous value
                where = f"{L['was'](lg)} {was}; {o.source}"
                lines.append(safe.line(f"  {o.country}.{o.feature} = {o.value:.4g} ({where})"))
                lines.append("\n")
        else:
            lines.append(L["no_overrides"](lg), style="dim")
        self.query_one("#whatif-settings", Static).update(lines)

    # ---- edits ----------------------------------------------------------------------------
    def _cell(self) -> tuple[str, str] | None:
        table = self.query_one("#whatif-features", DataTable)
        if not table.row_count:
            return None
        r, c = table.cursor_coordinate.row, table.cursor_coordinate.column
        if c < 1:
            return None
        assert self.state.result is not None
        countries = self.state.result.features.countries
        return countries[r], HOST_FEATURES[c - 1]

    @on(DataTable.RowSelected, "#whatif-scenarios")
    def _scenario_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        scenario = None if key == NO_SCENARIO else key
        if scenario != self.state.whatif.scenario:
            self.coop.edit(self.state.set_scenario, scenario)

    @on(DataTable.CellSelected, "#whatif-features")
    def _feature_selected(self) -> None:
        cell = self._cell()
        if cell is None:
            return
        country, feature = cell
        assert self.state.result is not None
        now = self.state.result.features.row(country)[feature]
        prompt = f"{country}.{feature} ({feature_label(feature, self.lang)}, 0–1)"

        def done(value: str | None) -> None:
            if value is not None:
                self.coop.edit(self.state.add_setting, f"{country}.{feature}={value}")

        self.app.push_screen(InputScreen(prompt, f"{now:.3f}"), done)

    def action_add(self) -> None:
        def done(value: str | None) -> None:
            if value is not None:
                self.coop.edit(self.state.add_setting, value)

        self.app.push_screen(InputScreen(L["setting_prompt"](self.lang), ""), done)

    def action_drop(self) -> None:
        settings = self.state.whatif.settings
        if not settings:
            return
        cell = self._cell()
        index = len(settings) - 1
        if cell is not None:
            lhs = f"{cell[0]}.{cell[1]}"
            index = next((i for i, s in enumerate(settings) if s.partition("=")[0] == lhs), index)
        self.coop.edit(self.state.remove_setting, index)
