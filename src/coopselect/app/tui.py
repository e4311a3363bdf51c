"""The textual application: five pages over one :class:`~coopselect.app.state.AppState`."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import (
    DataTable,
    Input,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
)

from coopselect.app import robust, views
from coopselect.app.labels import L
from coopselect.app.save import Fingerprint, StaleFileError, is_bundled, save_case
from coopselect.app.screens import (
    ChoiceScreen,
    ConfirmScreen,
    ErrorScreen,
    HelpScreen,
    InputScreen,
)
from coopselect.app.state import SAATY, AppState, nearest_saaty, saaty_step
from coopselect.app.widgets import RankTable
from coopselect.errors import CoopselectError

TABS = ("rank", "weights", "ahp", "detail", "robust")
WEIGHT_STEP = 0.01

KEYBAR = {
    "rank": ("/ 筛选  b 最佳模式  回车 详情", "/ filter  b best-per-country  Enter detail"),
    "weights": ("+/- 调整  回车 输入  p 预设", "+/- change  Enter type  p preset"),
    "ahp": ("+/- 判断  回车 选择  f 建议值", "+/- judgment  Enter choose  f fix worst"),
    "detail": ("↑↓ 滚动", "↑↓ scroll"),
    "robust": ("g 运行  x 取消", "g run  x cancel"),
}
KEYBAR_COMMON = (
    "1-5 页面  m 方法  u/U 撤销/重做  s 保存  e 报告  l 语言  ? 帮助  q 退出",
    "1-5 pages  m method  u/U undo/redo  s save  e report  l 中文  ? help  q quit",
)


class CoopselectApp(App):
    TITLE = "coopselect"
    CSS = """
    #header { height: 1; background: $primary; color: $text; padding: 0 1; }
    #keys { height: auto; max-height: 2; background: $panel; color: $text-muted; padding: 0 1; }
    TabbedContent { height: 1fr; }
    TabPane { padding: 0; }
    #filter { height: 1; border: none; padding: 0 1; background: $boost; }
    .info { height: auto; padding: 0 1; }
    DataTable { height: 1fr; }
    #weights-table, #ahp-table { height: auto; max-height: 12; }
    #robust-progress { padding: 0 1; }
    .dialog { width: 70; height: auto; max-height: 22; border: thick $accent;
              background: $surface; padding: 1 2; }
    ModalScreen { align: center middle; }
    #help-box { width: 90%; height: 90%; border: thick $accent; background: $surface; }
    #error-box { padding: 1 2; }
    #choice-list { height: auto; max-height: 18; }
    """
    BINDINGS: ClassVar[list] = [
        Binding("1", "page('rank')", "ranking", show=False),
        Binding("2", "page('weights')", "weights", show=False),
        Binding("3", "page('ahp')", "matrix", show=False),
        Binding("4", "page('detail')", "detail", show=False),
        Binding("5", "page('robust')", "robustness", show=False),
        Binding("slash", "focus_filter", "filter", show=False),
        Binding("escape", "escape", "back", show=False),
        Binding("b", "toggle_best", "best", show=False),
        Binding("plus,equals_sign", "step(1)", "+", show=False),
        Binding("minus,underscore", "step(-1)", "-", show=False),
        Binding("p", "preset", "preset", show=False),
        Binding("f", "fix_worst", "fix", show=False),
        Binding("m", "method", "method", show=False),
        Binding("g", "run_smaa", "run", show=False),
        Binding("x", "cancel_smaa", "cancel", show=False),
        Binding("u", "undo", "undo", show=False),
        Binding("U", "redo", "redo", show=False),
        Binding("s", "save", "save", show=False),
        Binding("S", "save_as", "save as", show=False),
        Binding("e", "export", "report", show=False),
        Binding("l", "language", "language", show=False),
        Binding("question_mark,f1", "help", "help", show=False),
        Binding("q", "quit", "quit", show=False),
    ]

    def __init__(
        self, case_ref: str | Path | None = None, lang: str = "en", *, state=None, criteria=None
    ):
        super().__init__()
        self.lang = lang
        self.criteria = criteria  # --criteria: a criteria set replacing the case's
        self.error: str | None = None
        self.state: AppState | None = state
        self.path: Path | None = None
        self.source_text = ""
        self.fingerprint: Fingerprint | None = None
        self.best_only = False
        self.selected: tuple[str, str] | None = None
        self.smaa_out: dict | None = None
        self.smaa_for = None
        self._smaa_cancel: threading.Event | None = None
        self._smaa_running = False
        self._stale: set[str] = set()
        if state is None:
            self._open(case_ref)
        else:
            self.path = state.case.path

    # ---- opening ------------------------------------------------------------------------
    def _open(self, case_ref) -> None:
        from coopselect.io.case_loader import load_case
        from coopselect.paths import resolve_case

        try:
            path = resolve_case(case_ref)
            # The text a save starts from and the fingerprint come from one read, before the
            # load: a change made while loading then counts as a change on disk.
            if path.is_file():
                self.fingerprint, self.source_text = Fingerprint.read(path)
            # A readable CoopselectError for a missing or bad file.
            case = load_case(path, criteria=self.criteria)
            self.state = AppState.open(case)
            self.path = path
        except CoopselectError as err:
            self.error = str(err)
        except ImportError as err:  # a core package missing from an incomplete install
            self.error = f"coopselect is incomplete: {err}. Fix: reinstall coopselect."

    @property
    def bundled(self) -> bool:
        return is_bundled(self.path)

    def compose(self) -> ComposeResult:
        if self.state is None:
            return
        lg = self.lang
        yield Static(id="header")
        with TabbedContent(initial="rank", id="tabs"):
            with TabPane(L["tab_rank"](lg), id="rank"):
                yield Input(placeholder=L["filter"](lg), id="filter")
                yield Static(id="rank-status", classes="info")
                yield RankTable(id="rank-table")
            with TabPane(L["tab_weights"](lg), id="weights"):
                yield Static(id="weights-info", classes="info")
                yield DataTable(id="weights-table", cursor_type="row")
                yield Static(id="weights-help", classes="info")
            with TabPane(L["tab_ahp"](lg), id="ahp"):
                yield DataTable(id="ahp-table", cursor_type="cell")
                yield Static(id="ahp-info", classes="info")
                yield Static(id="ahp-help", classes="info")
            with TabPane(L["tab_detail"](lg), id="detail"), VerticalScroll(id="detail-scroll"):
                yield Static(id="detail-body", classes="info")
            with TabPane(L["tab_robust"](lg), id="robust"):
                yield Static(id="robust-info", classes="info")
                yield ProgressBar(id="robust-progress", total=100, show_eta=False)
                yield DataTable(id="robust-table", cursor_type="row")
        yield Static(id="keys")

    def on_mount(self) -> None:
        if self.state is None:
            self.push_screen(ErrorScreen(self.error or "", self.lang))
            return
        self.refresh_all()
        self.query_one("#rank-table", RankTable).focus()

    # ---- drawing ------------------------------------------------------------------------
    @property
    def page(self) -> str:
        return self.query_one(TabbedContent).active or "rank"

    def refresh_all(self) -> None:
        """Redraw after an edit, undo or redo: the header, the ranking and the page on screen;
        the other pages are redrawn when they are next shown."""
        self.refresh_header()
        self.refresh_ranking()
        self._stale = {"weights", "ahp", "detail", "robust"}
        self._refresh_page(self.page)
        self.refresh_keys()

    def _refresh_page(self, page: str) -> None:
        if page not in self._stale:
            return
        self._stale.discard(page)
        {
            "weights": self.refresh_weights,
            "ahp": self.refresh_ahp,
            "detail": self.refresh_detail,
            "robust": self.refresh_robust,
        }[page]()

    def refresh_header(self) -> None:
        where = L["bundled"](self.lang) if self.bundled else str(self.path or "")
        self.query_one("#header", Static).update(
            Text(views.header_text(self.state, self.lang, where), no_wrap=True, overflow="ellipsis")
        )

    def refresh_keys(self) -> None:
        i = 0 if self.lang == "zh" else 1
        page = self.page if self.state is not None else "rank"
        self.query_one("#keys", Static).update(f"{KEYBAR[page][i]}  │  {KEYBAR_COMMON[i]}")

    def refresh_ranking(self) -> None:
        lg = self.lang
        table = self.query_one("#rank-table", RankTable)
        text = self.query_one("#filter", Input).value
        rows = views.ranking_rows(self.state, lg, text, self.best_only)
        headers = tuple(L[k](lg) for k in ("rank", "change", "country", "mode", "score"))
        table.set_rows(rows, headers)
        res = self.state.result
        view = L["view_best" if self.best_only else "view_all"](lg)
        status = f"{view} · {L['shown'](lg)} {len(rows)}/{len(res.pairs)}"
        if not res.higher_is_better:
            status += f" · {L['lower_better'](lg)}"
        self.query_one("#rank-status", Static).update(status)

    def refresh_weights(self) -> None:
        lg = self.lang
        table = self.query_one("#weights-table", DataTable)
        row = table.cursor_row if table.row_count else 0
        table.clear(columns=True)
        table.add_column(L["criterion"](lg), key="criterion")
        table.add_column(L["weight"](lg), key="weight")
        table.add_column("", key="bar")
        table.add_column(L["ahp_weight"](lg), key="ahp")
        for cid, name, w, ahp in views.weight_rows(self.state, lg):
            bar = "█" * round(w * 30)
            table.add_row(
                name,
                Text(f"{w:.3f}", justify="right"),
                Text(bar, style="cyan"),
                Text(f"{ahp:.3f}", justify="right", style="dim"),
                key=cid,
            )
        table.move_cursor(row=min(row, table.row_count - 1), animate=False)
        case = self.state.case
        preset = self.state.result.weights.preset
        info = f"{L['preset'](lg)}: {preset} — {views.preset_text(preset, lg)}"
        if case.mode_attributes.share > 0:
            info += f"\n{L['attributes_share'](lg)}: {case.mode_attributes.share:.0%}"
        self.query_one("#weights-info", Static).update(info)
        self.query_one("#weights-help", Static).update(Text(L["weights_help"](lg), style="dim"))

    def refresh_ahp(self) -> None:
        lg = self.lang
        table = self.query_one("#ahp-table", DataTable)
        coord = table.cursor_coordinate if table.row_count else None
        labels, cells = views.matrix_cells(self.state)
        nm = views.names(self.state.case, lg)
        worst = views.worst_judgment(self.state)
        table.clear(columns=True)
        table.add_column("", key="_row")
        for c in labels:
            table.add_column(_short(nm.get(c, c)), key=c)
        for i, a in enumerate(labels):
            row = [Text(_short(nm.get(a, a)), style="bold")]
            for k, b in enumerate(labels):
                style = "dim" if i == k else ""
                if worst and {a, b} == {worst.a, worst.b}:
                    style = "bold white on red"
                row.append(Text(cells[i][k], style=style, justify="center"))
            table.add_row(*row, key=a)
        if coord is not None:
            table.move_cursor(row=coord.row, column=coord.column, animate=False)
        else:
            table.move_cursor(row=0, column=2, animate=False)
        top = self.state.result.weights.top
        ok = L["consistent" if top.cr <= 0.10 else "inconsistent"](lg)
        lines = [
            Text(
                f"{L['cr'](lg)} = {top.cr:.4f}  ({ok})  {L['lambda_max'](lg)} = "
                f"{top.lambda_max:.4f}",
                style="green" if top.cr <= 0.10 else "bold red",
            )
        ]
        if worst:
            lines.append(
                Text(
                    f"{L['worst'](lg)}: {nm.get(worst.a, worst.a)} {L['vs'](lg)} "
                    f"{nm.get(worst.b, worst.b)} = {self._judgment_text(worst.a, worst.b)}; "
                    f"{L['suggested'](lg)} {worst.suggested:.3g} "
                    f"({L['nearest'](lg)} {worst.nearest}, f)",
                    style="yellow",
                )
            )
        self.query_one("#ahp-info", Static).update(Text("\n").join(lines))
        self.query_one("#ahp-help", Static).update(Text(L["ahp_help"](lg), style="dim"))

    def _judgment_text(self, a: str, b: str) -> str:
        from coopselect.app.state import saaty_text

        v = self.state.judgment_value(a, b)
        return "—" if v is None else saaty_text(v)

    def refresh_detail(self) -> None:
        from coopselect.app.detail import render_detail

        body = self.query_one("#detail-body", Static)
        sel = self.selected or self._cursor_pair()
        if sel is None:
            body.update(L["detail_none"](self.lang))
            return
        try:
            body.update(render_detail(self.state.result, sel[0], sel[1], self.lang))
        except CoopselectError as err:
            body.update(Text(str(err), style="red"))

    def refresh_robust(self) -> None:
        lg = self.lang
        info = self.query_one("#robust-info", Static)
        table = self.query_one("#robust-table", DataTable)
        available = robust.smaa_available()
        self.query_one("#robust-progress", ProgressBar).display = available
        if not available:
            info.update(Text(L["smaa_unavailable"](lg), style="yellow"))
            return
        head = [L["smaa_help"](lg)]
        if self._smaa_running:
            head.append(L["smaa_running"](lg))
        if self.smaa_out is not None:
            done = f"{L['smaa_done'](lg)} ({self.smaa_out.get('samples', '?')} {L['samples'](lg)})"
            if self.smaa_for is not self.state.result:
                done += " " + L["smaa_stale"](lg)
            head.append(done)
            verdict = robust.verdict_text(self.smaa_out, lg, self._pair_label)
            if verdict:
                head.append(verdict)
        info.update("\n".join(head))
        table.clear(columns=True)
        if self.smaa_out is None:
            return
        rows = robust.rows(self.smaa_out, self.smaa_for or self.state.result)
        k = len(rows[0][2]) if rows else robust.RANKS_SHOWN
        table.add_column(L["pair"](lg), key="pair")
        table.add_column(L["rank"](lg), key="rank")
        for b in range(1, k + 1):
            table.add_column(f"b{b}", key=f"b{b}")
        table.add_column(L["holistic"](lg), key="hol")
        for key, cur, accs, hol in rows:
            table.add_row(
                self._pair_label(key),
                "" if cur is None else str(cur),
                *[Text(f"{a:.0%}", justify="right") for a in accs],
                "" if hol is None else Text(f"{float(hol):.3f}", justify="right"),
                key=key,
            )

    def _pair_label(self, key: str) -> str:
        c, _, m = key.partition(":")
        mode_names = {md.id: md.name(self.lang) for md in self.state.case.catalog.modes}
        return f"{views.country_name(c, self.lang)} × {mode_names.get(m, m)}"

    def _cursor_pair(self) -> tuple[str, str] | None:
        key = self.query_one("#rank-table", RankTable).cursor_key
        if key is None:
            return None
        c, _, m = key.partition(":")
        return c, m

    # ---- events -------------------------------------------------------------------------
    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        if self.state is None:
            return
        if self.page == "detail":
            self.refresh_detail()
        else:
            self._refresh_page(self.page)
        self.refresh_keys()
        focus = {
            "rank": "#rank-table",
            "weights": "#weights-table",
            "ahp": "#ahp-table",
            "detail": "#detail-scroll",
            "robust": "#robust-table",
        }[self.page]
        self.query_one(focus).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refresh_ranking()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#rank-table", RankTable).focus()

    @on(RankTable.Selected)
    def _pair_selected(self, event: RankTable.Selected) -> None:
        c, _, m = event.key.partition(":")
        self.selected = (c, m)
        self.action_page("detail")

    @on(RankTable.Highlighted)
    def _pair_highlighted(self, event: RankTable.Highlighted) -> None:
        c, _, m = event.key.partition(":")
        self.selected = (c, m)

    @on(DataTable.RowSelected, "#weights-table")
    def _weight_selected(self, event: DataTable.RowSelected) -> None:
        cid = event.row_key.value
        current = self.state.current_weights()[cid]
        nm = views.names(self.state.case, self.lang).get(cid, cid)

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                v = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
            except ValueError:
                self.notify(f"{value!r}?", severity="error")
                return
            self._edit(self.state.set_weight, cid, v)

        self.push_screen(InputScreen(f"{nm}: {L['new_weight'](self.lang)}", f"{current:.3f}"), done)

    @on(DataTable.CellSelected, "#ahp-table")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        pair = self._ahp_pair()
        if pair is None:
            return
        a, b = pair
        current = self.state.judgment_value(a, b)
        choices = [(str(s), str(s)) for s in SAATY]
        nm = views.names(self.state.case, self.lang)
        prompt = (
            f"{L['choose_value'](self.lang)}: {nm.get(a, a)} {L['vs'](self.lang)} {nm.get(b, b)}"
        )

        def done(value: str | None) -> None:
            if value is not None:
                from fractions import Fraction

                self._edit(self.state.set_judgment, a, b, float(Fraction(value)))

        cur = None if current is None else str(nearest_saaty(current))
        self.push_screen(ChoiceScreen(prompt, choices, cur), done)

    def _ahp_pair(self) -> tuple[str, str] | None:
        table = self.query_one("#ahp-table", DataTable)
        labels = self.state.case.hierarchy.criterion_ids
        r, c = table.cursor_coordinate.row, table.cursor_coordinate.column - 1
        if c < 0 or r == c or r >= len(labels) or c >= len(labels):
            return None
        return labels[r], labels[c]

    # ---- edits --------------------------------------------------------------------------
    def _edit(self, fn, *args) -> bool:
        preset = self.state.case.weights_preset
        try:
            fn(*args)
        except (CoopselectError, ValueError) as err:
            self.notify(str(err), title=L["edit_failed"](self.lang), severity="error")
            return False
        except Exception as err:  # a failing method must not take the analyst's edits with it
            msg = f"{type(err).__name__}: {err}"
            self.notify(msg, title=L["edit_failed"](self.lang), severity="error")
            return False
        self.refresh_all()
        now = self.state.case.weights_preset
        if now != preset and fn not in (self.state.set_preset, self.state.cycle_preset):
            self.notify(f"{L['preset'](self.lang)}: {preset} → {now}", timeout=2)
        return True

    def action_step(self, direction: int) -> None:
        if self.state is None:
            return
        if self.page == "weights":
            table = self.query_one("#weights-table", DataTable)
            cid = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
            self._edit(self.state.nudge_weight, cid, direction * WEIGHT_STEP)
        elif self.page == "ahp":
            pair = self._ahp_pair()
            if pair is None:
                return
            current = self.state.judgment_value(*pair)
            value = saaty_step(1.0 if current is None else current, direction)
            self._edit(self.state.set_judgment, pair[0], pair[1], float(value))

    def action_fix_worst(self) -> None:
        if self.state is None:
            return
        worst = views.worst_judgment(self.state)
        if worst is None:
            return
        from fractions import Fraction

        self._edit(self.state.set_judgment, worst.a, worst.b, float(Fraction(worst.nearest)))

    def action_preset(self) -> None:
        if self.state is not None:
            self._edit(self.state.cycle_preset)

    def action_method(self) -> None:
        if self.state is None:
            return
        from coopselect.methods import available_methods

        methods = [str(m) for m in available_methods()]

        def done(value: str | None) -> None:
            if value is not None and value != self.state.case.method:
                self._edit(self.state.set_method, value)

        self.push_screen(
            ChoiceScreen(
                L["choose_method"](self.lang), [(m, m) for m in methods], self.state.case.method
            ),
            done,
        )

    def action_undo(self) -> None:
        if self.state is None:
            return
        edit = self.state.undo()
        if edit is None:
            self.notify(L["nothing_undo"](self.lang))
            return
        self.refresh_all()
        self.notify(f"{L['undone'](self.lang)}: {edit.what}", timeout=2)

    def action_redo(self) -> None:
        if self.state is None:
            return
        edit = self.state.redo()
        if edit is None:
            self.notify(L["nothing_redo"](self.lang))
            return
        self.refresh_all()
        self.notify(f"{L['redone'](self.lang)}: {edit.what}", timeout=2)

    # ---- navigation ---------------------------------------------------------------------
    def action_page(self, page: str) -> None:
        if self.state is None:
            return
        self.query_one(TabbedContent).active = page

    def action_focus_filter(self) -> None:
        if self.state is None:
            return
        self.action_page("rank")
        self.query_one("#filter", Input).focus()

    def action_escape(self) -> None:
        if self.state is not None and self.focused is self.query_one("#filter", Input):
            self.query_one("#rank-table", RankTable).focus()

    def action_toggle_best(self) -> None:
        if self.state is None:
            return
        self.best_only = not self.best_only
        self.refresh_ranking()

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        if self.state is None:
            return
        tabs = self.query_one(TabbedContent)
        for tid in TABS:
            tabs.get_tab(tid).label = L[f"tab_{tid}"](self.lang)
        self.query_one("#filter", Input).placeholder = L["filter"](self.lang)
        self.refresh_all()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.lang))

    async def action_quit(self) -> None:
        if self.state is not None and self.state.dirty:

            def done(yes: bool | None) -> None:
                if yes:
                    self._stop_smaa()
                    self.exit()

            self.push_screen(ConfirmScreen(L["quit_unsaved"](self.lang), self.lang), done)
            return
        self._stop_smaa()
        self.exit()

    # ---- robustness ---------------------------------------------------------------------
    def action_run_smaa(self) -> None:
        if self.state is None:
            return
        self.action_page("robust")
        if not robust.smaa_available():
            self.notify(L["smaa_unavailable"](self.lang), severity="warning")
            return
        if self._smaa_running:
            return
        result = self.state.result
        self._smaa_cancel = threading.Event()
        self._smaa_running = True
        self.query_one("#robust-progress", ProgressBar).update(progress=0, total=100)
        self.refresh_robust()
        self.run_worker(
            partial(self._smaa_job, result, self._smaa_cancel),
            thread=True,
            exclusive=True,
            group="smaa",
        )

    def _smaa_job(self, result, cancel: threading.Event) -> None:
        last = [-1]

        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise robust.Cancelled
            pct = int(100 * done / max(total, 1))
            if pct != last[0]:
                last[0] = pct
                self.call_from_thread(self._smaa_progress, done, total)

        try:
            out = robust.run(result, progress=progress)
        except robust.Cancelled:
            if not cancel.is_set() or self.is_running:
                self.call_from_thread(self._smaa_finished, None, result, True)
            return
        except Exception as err:  # shown to the user; the app keeps running
            self.call_from_thread(self._smaa_failed, str(err))
            return
        if not cancel.is_set():
            self.call_from_thread(self._smaa_finished, out, result, False)

    def _smaa_progress(self, done: int, total: int) -> None:
        self.query_one("#robust-progress", ProgressBar).update(progress=done, total=total)

    def _smaa_finished(self, out, result, cancelled: bool) -> None:
        self._smaa_running = False
        if cancelled:
            self.notify(L["smaa_cancelled"](self.lang))
        else:
            self.smaa_out, self.smaa_for = out, result
        self.refresh_robust()

    def _smaa_failed(self, message: str) -> None:
        self._smaa_running = False
        self.notify(message, severity="error")
        self.refresh_robust()

    def action_cancel_smaa(self) -> None:
        if self._smaa_cancel is not None and self._smaa_running:
            self._smaa_cancel.set()

    def _stop_smaa(self) -> None:
        if self._smaa_cancel is not None:
            self._smaa_cancel.set()

    # ---- saving and export --------------------------------------------------------------
    def action_save(self) -> None:
        if self.state is None:
            return
        if self.bundled or self.path is None:
            self._ask_path(L["bundled_copy"](self.lang))
            return
        self._save_to(self.path, force=False)

    def action_save_as(self) -> None:
        if self.state is not None:
            self._ask_path(L["save_as"](self.lang))

    def _default_copy(self) -> Path:
        return Path.cwd() / f"{self.state.case.id}.toml"

    def _ask_path(self, prompt: str) -> None:
        default = self._default_copy() if self.bundled else self.path

        def done(value: str | None) -> None:
            if value is None:
                return
            target = Path(value).expanduser()
            if not target.is_absolute():
                target = Path.cwd() / target
            if is_bundled(target):
                self.notify(L["bundled_copy"](self.lang), severity="error")
                return
            same = self.path is not None and target.resolve() == self.path.resolve()
            if target.exists() and not same:
                self.push_screen(
                    ConfirmScreen(f"{target}\n{L['exists'](self.lang)}", self.lang),
                    lambda yes: self._save_to(target, force=True) if yes else None,
                )
                return
            self._save_to(target, force=False)

        self.push_screen(InputScreen(prompt, str(default)), done)

    def _save_to(self, target: Path, *, force: bool) -> None:
        same = self.path is not None and target.resolve() == self.path.resolve()
        try:
            bak = save_case(
                self.state.case,
                target,
                source_text=self.source_text,
                fingerprint=self.fingerprint if same else None,
                force=force,
                original=self.state.original,
            )
        except StaleFileError:
            self.push_screen(
                ConfirmScreen(f"{target}\n{L['stale'](self.lang)}", self.lang),
                lambda yes: self._save_to(target, force=True) if yes else None,
            )
            return
        except (CoopselectError, OSError) as err:
            self.notify(str(err), title=L["save_failed"](self.lang), severity="error")
            return
        self.path = target
        self.source_text = target.read_text(encoding="utf-8")
        self.fingerprint = Fingerprint.of(target)
        self.state.original = self.state.case
        self.state.mark_saved()
        msg = f"{L['saved_to'](self.lang)} {target}"
        if bak:
            msg += f" ({L['backup'](self.lang)} {bak.name})"
        self.notify(msg, timeout=4)
        self.refresh_header()

    def action_export(self) -> None:
        if self.state is None:
            return
        from coopselect.app import export

        if not export.available():
            self.notify(L["report_unavailable"](self.lang), severity="warning")
            return
        default = Path.cwd() / f"{self.state.case.id}_report.md"

        def done(value: str | None) -> None:
            if value is None:
                return
            try:
                written = export.write(self.state.result, Path(value), self.lang)
            except (CoopselectError, OSError) as err:
                self.notify(str(err), severity="error")
                return
            self.notify(f"{L['report_written'](self.lang)} {written}", timeout=4)

        self.push_screen(InputScreen(L["report_path"](self.lang), str(default)), done)

    def on_unmount(self) -> None:
        self._stop_smaa()


def _short(name: str, width: int = 14) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"
