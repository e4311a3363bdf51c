"""Page 3: the judgment matrices (top level and each criterion's sub-criteria) and their reasons."""

from __future__ import annotations

from fractions import Fraction

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from coopselect.ahp.in_force import completed_note
from coopselect.app import safe, views
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.app.screens import ChoiceScreen, InputScreen
from coopselect.app.state import SAATY, nearest_saaty, saaty_step, saaty_text
from coopselect.clienttext import client_clean
from coopselect.i18n import Label


def short(name: str, width: int = 14) -> Text:
    """A name cut to ``width`` characters as shown (control characters escaped first)."""
    shown = safe.line(name)
    if len(shown) > width:
        shown = shown[: width - 1]
        shown.append("…")
    return shown


class AhpPage(Page):
    ID = "ahp"
    ORDER = 30
    TAB = L["tab_ahp"]
    KEYS = Label(
        "+/- 判断  回车 选择  r 理由  c 切换矩阵  f 建议值",
        "+/- judgment  Enter choose  r reason  c next matrix  f fix worst",
    )
    FOCUS = "#ahp-table"

    def __init__(self) -> None:
        super().__init__()
        self.criterion: str | None = None  # None: the top-level matrix

    def compose(self) -> ComposeResult:
        yield Static(id="ahp-which", classes="info")
        yield DataTable(id="ahp-table", cursor_type="cell")
        yield Static(id="ahp-info", classes="info")
        yield Static(id="ahp-reason", classes="info")
        yield Static(id="ahp-help", classes="info")

    # ---- drawing ------------------------------------------------------------------------
    def _summary(self):
        res = self.state.result
        assert res is not None
        return res.weights.top if self.criterion is None else res.weights.local[self.criterion]

    def redraw(self) -> None:
        lg = self.lang
        state = self.state
        nm = views.names(state.case, lg)
        which = (
            L["matrix_top"](lg)
            if self.criterion is None
            else L["matrix_sub"](lg).format(c=nm.get(self.criterion, self.criterion))
        )
        self.put("#ahp-which", safe.line(which, style="bold"))
        table = self.query_one("#ahp-table", DataTable)
        coord = table.cursor_coordinate if table.row_count else None
        labels, cells = views.matrix_cells(state, self.criterion)
        worst = views.worst_judgment(state, self.criterion)
        table.clear(columns=True)
        table.add_column("", key="_row")
        for c in labels:
            table.add_column(short(nm.get(c, c)), key=c)
        for i, a in enumerate(labels):
            row = [short(nm.get(a, a))]
            row[0].stylize("bold")
            for k, b in enumerate(labels):
                style = "dim" if i == k else ""
                if worst and {a, b} == {worst.a, worst.b}:
                    style = "bold white on red"
                row.append(Text(cells[i][k], style=style, justify="center"))
            table.add_row(*row, key=a)
        if coord is not None and coord.row < len(labels) and coord.column <= len(labels):
            table.move_cursor(row=coord.row, column=coord.column, animate=False)
        else:
            table.move_cursor(row=0, column=2 if len(labels) > 1 else 1, animate=False)
        top = self._summary()
        ok = L["consistent" if top.cr <= 0.10 else "inconsistent"](lg)
        lines = [
            Text(
                f"{L['cr'](lg)} = {top.cr:.4f}  ({ok})  {L['lambda_max'](lg)} = "
                f"{top.lambda_max:.4f}",
                style="green" if top.cr <= 0.10 else "bold red",
            )
        ]
        res = state.result
        if self.criterion is None and res is not None and res.weights.preset != "ahp":
            preset = res.weights.preset
            lines.insert(
                0, safe.line(L["judgments_unused"](lg).format(p=preset), style="bold yellow")
            )
        for f in top.completed:
            a, b = top.labels[f.row], top.labels[f.col]
            note = completed_note(nm.get(a, a), nm.get(b, b), float(f.value), lg)
            lines.append(safe.line(note, style="cyan"))
        if worst:
            lines.append(
                safe.text(
                    f"{L['worst'](lg)}: {nm.get(worst.a, worst.a)} {L['vs'](lg)} "
                    f"{nm.get(worst.b, worst.b)} = {self._judgment_text(worst.a, worst.b)}; "
                    f"{L['suggested'](lg)} {worst.suggested:.3g} "
                    f"({L['nearest'](lg)} {worst.nearest}, f)",
                    style="yellow",
                )
            )
        self.put("#ahp-info", Text("\n").join(lines))
        self._show_reason()
        self.put("#ahp-help", Text(L["ahp_help"](lg), style="dim"))

    def _judgment_text(self, a: str, b: str) -> str:
        v = self.state.judgment_value(a, b, self.criterion)
        return "—" if v is None else saaty_text(v)

    def _show_reason(self) -> None:
        lg = self.lang
        pair = self.cursor_pair()
        out = Text()
        if pair is not None:
            a, b = pair
            nm = views.names(self.state.case, lg)
            j = self.state.judgment(a, b, self.criterion)
            out.append(safe.line(f"{nm.get(a, a)} {L['vs'](lg)} {nm.get(b, b)}: ", style="bold"))
            out.append(self._judgment_text(a, b))
            out.append(f"\n{L['reason_one'](lg)}: ", style="bold")
            why = client_clean(j.reason_in(lg), lg) if j is not None and j.reason else ""
            out.append(safe.text(why or L["no_reason"](lg)))
        self.put("#ahp-reason", out)

    # ---- cursor and edits -----------------------------------------------------------------
    def cursor_pair(self) -> tuple[str, str] | None:
        table = self.query_one("#ahp-table", DataTable)
        labels = self.state.labels(self.criterion)
        if not table.row_count:
            return None
        r, c = table.cursor_coordinate.row, table.cursor_coordinate.column - 1
        if c < 0 or r == c or r >= len(labels) or c >= len(labels):
            return None
        return labels[r], labels[c]

    def step(self, direction: int) -> None:
        pair = self.cursor_pair()
        if pair is None:
            return
        current = self.state.judgment_value(*pair, self.criterion)
        value = saaty_step(1.0 if current is None else current, direction)
        self.coop.edit(self.state.set_judgment, pair[0], pair[1], float(value), self.criterion)

    def next_matrix(self) -> None:
        """Cycle: top level, then each criterion with two or more sub-criteria."""
        order: list[str | None] = [None] + [
            c.id for c in self.state.case.hierarchy.criteria if len(c.subcriteria) > 1
        ]
        i = order.index(self.criterion) if self.criterion in order else 0
        self.criterion = order[(i + 1) % len(order)]
        self.query_one("#ahp-table", DataTable).clear(columns=True)
        self.redraw()

    def fix_worst(self) -> None:
        worst = views.worst_judgment(self.state, self.criterion)
        if worst is not None:
            value = float(Fraction(worst.nearest))
            self.coop.edit(self.state.set_judgment, worst.a, worst.b, value, self.criterion)

    def edit_reason(self) -> None:
        pair = self.cursor_pair()
        if pair is None:
            return
        a, b = pair
        j = self.state.judgment(a, b, self.criterion)
        if j is None:
            self.app.notify(L["reason_needs_value"](self.lang), severity="warning", markup=False)
            return
        nm = views.names(self.state.case, self.lang)
        lg = self.lang
        prompt = f"{L['reason_one'](lg)}: {nm.get(j.a, j.a)} {L['vs'](lg)} {nm.get(j.b, j.b)}"
        prompt += f" = {j.text}"

        def done(value: str | None) -> None:
            if value is not None:
                self.coop.edit(self.state.set_reason, a, b, value, self.criterion)

        self.app.push_screen(InputScreen(prompt, j.reason), done)

    @on(DataTable.CellHighlighted, "#ahp-table")
    def _cell_highlighted(self) -> None:
        self._show_reason()

    @on(DataTable.CellSelected, "#ahp-table")
    def _cell_selected(self) -> None:
        pair = self.cursor_pair()
        if pair is None:
            return
        a, b = pair
        crit = self.criterion
        current = self.state.judgment_value(a, b, crit)
        choices = [(str(s), str(s)) for s in SAATY]
        nm = views.names(self.state.case, self.lang)
        prompt = (
            f"{L['choose_value'](self.lang)}: {nm.get(a, a)} {L['vs'](self.lang)} {nm.get(b, b)}"
        )

        def done(value: str | None) -> None:
            if value is not None:
                self.coop.edit(self.state.set_judgment, a, b, float(Fraction(value)), crit)

        cur = None if current is None else str(nearest_saaty(current))
        self.app.push_screen(ChoiceScreen(prompt, choices, cur), done)
