"""Page 7: two what-ifs side by side (the ranking, or the best mode per host, under A and B)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from coopselect.app import safe, views
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.app.screens import ChoiceScreen
from coopselect.app.state import WhatIf
from coopselect.i18n import Label

CURRENT = "_current"
BASE = "_base"


class ComparePage(Page):
    ID = "compare"
    ORDER = 70
    TAB = L["tab_compare"]
    KEYS = Label(
        "[ 选情景A  ] 选情景B  b 全部组合/各国最佳模式",
        "[ pick A  ] pick B  b all pairs / best mode per host",
    )
    FOCUS = "#compare-table"
    BINDINGS: ClassVar[list] = [
        Binding("left_square_bracket", "pick('a')", "A", show=False),
        Binding("right_square_bracket", "pick('b')", "B", show=False),
        Binding("b", "toggle_best", "best", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.a = BASE
        self.b: str | None = None  # None: the first scenario, else the current what-ifs
        self.best_only = False

    def compose(self) -> ComposeResult:
        yield Static(id="compare-info", classes="info")
        yield DataTable(id="compare-table", cursor_type="row")

    # ---- the two sides ----------------------------------------------------------------------
    def choices(self) -> list[tuple[str, str]]:
        lg = self.lang
        out = [(BASE, L["no_scenario"](lg))]
        if not self.state.whatif.empty:
            out.append((CURRENT, L["current_whatif"](lg)))
        for sid, s in self.state.case.scenarios.items():
            out.append((sid, f"{sid}: {s.title_zh if lg == 'zh' else s.title_en}"))
        return out

    def _whatif(self, key: str) -> WhatIf:
        if key == CURRENT:
            return self.state.whatif
        return WhatIf() if key == BASE else WhatIf(key)

    def _side_b(self) -> str:
        keys = [k for k, _ in self.choices()]
        if self.b in keys:
            return self.b
        if CURRENT in keys:
            return CURRENT
        return next((k for k in keys if k not in (BASE, CURRENT)), BASE)

    def _title(self, key: str) -> str:
        return dict(self.choices()).get(key, key)

    # ---- drawing ------------------------------------------------------------------------
    def redraw(self) -> None:
        lg = self.lang
        state = self.state
        if self.a not in dict(self.choices()):
            self.a = BASE
        b = self._side_b()
        ra = state.compute(state.case, self._whatif(self.a))
        rb = state.compute(state.case, self._whatif(b))
        info = Text()
        info.append("A: ", style="bold")
        info.append(safe.line(self._title(self.a)))
        info.append("\nB: ", style="bold")
        info.append(safe.line(self._title(b)))
        info.append("\n")
        table = self.query_one("#compare-table", DataTable)
        table.clear(columns=True)
        if self.best_only:
            moved = self._best_rows(table, ra, rb)
            info.append(L["best_changed"](lg).format(n=moved, total=len(rb.best_mode_by_country())))
        else:
            moved = self._pair_rows(table, ra, rb)
            info.append(L["pairs_moved"](lg).format(n=moved, total=len(rb.pairs)))
        self.query_one("#compare-info", Static).update(info)

    def _pair_rows(self, table: DataTable, ra, rb) -> int:
        lg = self.lang
        for key, label in (
            ("pair", L["pair"](lg)),
            ("ra", f"{L['rank'](lg)} A"),
            ("rb", f"{L['rank'](lg)} B"),
            ("shift", L["shift"](lg)),
            ("sa", f"{L['score'](lg)} A"),
            ("sb", f"{L['score'](lg)} B"),
        ):
            table.add_column(label, key=key)
        rank_a = {(p.country, p.mode): p for p in ra.pairs}
        moved = 0
        for p in rb.pairs:
            pa = rank_a.get((p.country, p.mode))
            shift = None if pa is None else pa.rank - p.rank
            moved += bool(shift)
            style = "green" if (shift or 0) > 0 else ("red" if (shift or 0) < 0 else "dim")
            table.add_row(
                safe.line(self.coop.pair_label(f"{p.country}:{p.mode}")),
                Text("" if pa is None else str(pa.rank), justify="right"),
                Text(str(p.rank), justify="right"),
                Text(views.change_text(shift), style=style, justify="right"),
                Text("" if pa is None else f"{pa.score:.4f}", justify="right"),
                Text(f"{p.score:.4f}", justify="right"),
                key=f"{p.country}:{p.mode}",
            )
        return moved

    def _best_rows(self, table: DataTable, ra, rb) -> int:
        lg = self.lang
        names = {m.id: m.name(lg) for m in self.state.case.catalog.modes}
        for key, label in (
            ("country", L["country"](lg)),
            ("ma", f"{L['best_mode'](lg)} A"),
            ("mb", f"{L['best_mode'](lg)} B"),
            ("ra", f"{L['rank'](lg)} A"),
            ("rb", f"{L['rank'](lg)} B"),
        ):
            table.add_column(label, key=key)
        best_a = ra.best_mode_by_country()
        changed = 0
        for c, p in rb.best_mode_by_country().items():
            pa = best_a.get(c)
            differs = pa is None or pa.mode != p.mode
            changed += differs
            table.add_row(
                safe.line(f"{views.country_name(c, lg)} {c}"),
                safe.line("" if pa is None else names.get(pa.mode, pa.mode)),
                safe.line(names.get(p.mode, p.mode), style="bold yellow" if differs else ""),
                Text("" if pa is None else str(pa.rank), justify="right"),
                Text(str(p.rank), justify="right"),
                key=c,
            )
        return changed

    # ---- keys ---------------------------------------------------------------------------
    def action_pick(self, side: str) -> None:
        current = self.a if side == "a" else self._side_b()

        def done(value: str | None) -> None:
            if value is None:
                return
            if side == "a":
                self.a = value
            else:
                self.b = value
            self.redraw()

        prompt = L["pick_side"](self.lang).format(side=side.upper())
        self.app.push_screen(ChoiceScreen(prompt, self.choices(), current), done)

    def action_toggle_best(self) -> None:
        self.best_only = not self.best_only
        self.redraw()
