"""Page 2: criterion weights, the share of the modes' own attributes, and the attribute weights."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from coopselect.app import safe, views
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.app.screens import InputScreen
from coopselect.i18n import Label

WEIGHT_STEP = 0.01
SHARE_ROW = "_share"
ATTR = "attr:"


def parse_weight(value: str) -> float:
    """ "0.3" or "30%" as a number; ValueError otherwise."""
    text = value.strip()
    return float(text.rstrip("%")) / (100 if text.endswith("%") else 1)


class WeightsPage(Page):
    ID = "weights"
    ORDER = 20
    TAB = L["tab_weights"]
    KEYS = Label("+/- 调整  回车 输入  p 预设", "+/- change  Enter type  p preset")
    FOCUS = "#weights-table"

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[list[str], tuple[str, ...]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="weights-info", classes="info")
        yield DataTable(id="weights-table", cursor_type="row")
        yield Static(id="weights-help", classes="info")

    def _rows(self) -> list[tuple[str, tuple[Text, Text, Text, Text]]]:
        """(row key, cells) for every row: the criteria, the share, the attributes."""
        lg = self.lang
        state = self.state
        rows = []
        for cid, name, w, ahp in views.weight_rows(state, lg):
            rows.append(
                (
                    cid,
                    (
                        safe.line(name),
                        Text(f"{w:.3f}", justify="right"),
                        Text("█" * round(w * 30), style="cyan"),
                        Text(f"{ahp:.3f}", justify="right", style="dim"),
                    ),
                )
            )
        share = state.case.mode_attributes.share
        rows.append(
            (
                SHARE_ROW,
                (
                    Text(L["attributes_share"](lg), style="bold"),
                    Text(f"{share:.3f}", justify="right"),
                    Text("█" * round(share * 30), style="magenta"),
                    Text(""),
                ),
            )
        )
        nm = views.names(state.case, lg)
        style = "" if share > 0 else "dim"
        for aid, w in state.attribute_weights().items():
            rows.append(
                (
                    f"{ATTR}{aid}",
                    (
                        safe.line(f"  · {nm.get(aid, aid)}", style=style),
                        Text(f"{w:.3f}", justify="right", style=style),
                        Text("█" * round(w * 30), style="magenta" if share > 0 else "dim"),
                        Text(""),
                    ),
                )
            )
        return rows

    def redraw(self) -> None:
        lg = self.lang
        state = self.state
        table = self.query_one("#weights-table", DataTable)
        rows = self._rows()
        header = (L["criterion"](lg), L["weight"](lg), "", L["ahp_weight"](lg))
        keys = [k for k, _ in rows]
        if self._shown == (keys, header):
            # Same rows and headers: update the cells that changed in place (an edit redraws a
            # few cells instead of rebuilding and re-measuring the whole table).
            for key, cells in rows:
                for col, cell in zip(("criterion", "weight", "bar", "ahp"), cells, strict=True):
                    if table.get_cell(key, col) != cell:
                        table.update_cell(key, col, cell)
        else:
            row = table.cursor_row if table.row_count else 0
            table.clear(columns=True)
            for col, label in zip(("criterion", "weight", "bar", "ahp"), header, strict=True):
                table.add_column(label, key=col)
            for key, cells in rows:
                table.add_row(*cells, key=key)
            table.move_cursor(row=min(row, table.row_count - 1), animate=False)
            self._shown = (keys, header)
        res = state.result
        assert res is not None
        share = state.case.mode_attributes.share
        preset = res.weights.preset
        info = safe.line(f"{L['preset'](lg)}: {preset} — {views.preset_text(preset, lg)}")
        info.append("\n" + L["split"](lg).format(crit=1 - share, attr=share))
        if share == 0:
            info.append("\n" + L["attributes_off"](lg), style="dim")
        self.put("#weights-info", info)
        self.put("#weights-help", Text(L["weights_help"](lg), style="dim"))

    def _row_key(self) -> str | None:
        table = self.query_one("#weights-table", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value

    def _setter(self, key: str):
        """(current value, function setting a new value) for a row."""
        state = self.state
        if key == SHARE_ROW:
            return state.case.mode_attributes.share, state.set_attribute_share
        if key.startswith(ATTR):
            aid = key[len(ATTR) :]
            return state.attribute_weights()[aid], lambda v: state.set_attribute_weight(aid, v)
        return state.current_weights()[key], lambda v: state.set_weight(key, v)

    def step(self, direction: int) -> None:
        key = self._row_key()
        if key is None:
            return
        current, setter = self._setter(key)
        self.coop.edit(setter, current + direction * WEIGHT_STEP)

    @on(DataTable.RowSelected, "#weights-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if key is None:
            return
        current, setter = self._setter(key)
        if key == SHARE_ROW:
            name = L["attributes_share"](self.lang)
        else:
            cid = key[len(ATTR) :] if key.startswith(ATTR) else key
            name = views.names(self.state.case, self.lang).get(cid, cid)

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                v = parse_weight(value)
            except ValueError:
                self.app.notify(safe.plain(f"{value!r}?"), severity="error", markup=False)
                return
            self.coop.edit(setter, v)

        self.app.push_screen(
            InputScreen(f"{name}: {L['new_weight'](self.lang)}", f"{current:.3f}"), done
        )
