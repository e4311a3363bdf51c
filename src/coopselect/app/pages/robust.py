"""Page 5: SMAA rank acceptability, run in a worker thread with progress and cancel."""

from __future__ import annotations

import threading
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, ProgressBar, Static

from coopselect.app import robust, safe
from coopselect.app.labels import L
from coopselect.app.pages.base import Page
from coopselect.i18n import Label


class RobustPage(Page):
    ID = "robust"
    ORDER = 50
    TAB = L["tab_robust"]
    KEYS = Label("g 运行  x 取消", "g run  x cancel")
    FOCUS = "#robust-table"

    def __init__(self) -> None:
        super().__init__()
        self.out: dict | None = None
        self.out_for = None  # the RankResult the output belongs to
        self.hosts = None  # coopselect.reversal.ReversalCheck of out_for (None: fewer than 3)
        self._cancel: threading.Event | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        yield Static(id="robust-info", classes="info")
        yield ProgressBar(id="robust-progress", total=100, show_eta=False)
        yield DataTable(id="robust-table", cursor_type="row")

    def redraw(self) -> None:
        lg = self.lang
        info = self.query_one("#robust-info", Static)
        table = self.query_one("#robust-table", DataTable)
        available = robust.smaa_available()
        self.query_one("#robust-progress", ProgressBar).display = available
        if not available:
            info.update(Text(L["smaa_unavailable"](lg), style="yellow"))
            return
        head = [L["smaa_help"](lg), L["holistic_def"](lg)]
        if self.running:
            head.append(L["smaa_running"](lg))
        if self.out is not None:
            done = f"{L['smaa_done'](lg)} ({self.out.get('samples', '?')} {L['samples'](lg)})"
            if self.out_for is not self.state.result:
                done += " " + L["smaa_stale"](lg)
            head.append(done)
            verdict = robust.verdict_text(self.out, lg, self.coop.pair_label)
            if verdict:
                head.append(verdict)
            head += robust.host_check_lines(self.hosts, lg, self._country, self._mode)
        info.update(safe.text("\n".join(head)))
        table.clear(columns=True)
        if self.out is None:
            return
        rows = robust.rows(self.out, self.out_for or self.state.result)
        table.add_column(L["pair"](lg), key="pair")
        table.add_column(L["rank"](lg), key="rank")
        for b in range(1, robust.RANKS_SHOWN + 1):
            table.add_column(L["rank_n"](lg).format(r=b), key=f"b{b}")
        table.add_column(L["holistic"](lg), key="hol")
        for key, cur, accs, hol in rows:
            table.add_row(
                safe.line(self.coop.pair_label(key)),
                "" if cur is None else str(cur),
                *[Text(f"{a:.0%}", justify="right") for a in accs[: robust.RANKS_SHOWN]],
                "" if hol is None else Text(f"{float(hol):.3f}", justify="right"),
                key=key,
            )

    def _country(self, iso: str) -> str:
        from coopselect.app.views import country_name

        return country_name(iso, self.lang)

    def _mode(self, mode_id: str) -> str:
        from coopselect.app.views import names

        return names(self.state.case, self.lang).get(mode_id, mode_id)

    # ---- the worker -----------------------------------------------------------------------
    def run(self) -> None:
        if not robust.smaa_available():
            self.app.notify(L["smaa_unavailable"](self.lang), severity="warning", markup=False)
            return
        if self.running:
            return
        result = self.state.result
        self._cancel = threading.Event()
        self.running = True
        self.query_one("#robust-progress", ProgressBar).update(progress=0, total=100)
        self.redraw()
        self.app.run_worker(
            partial(self._job, result, self._cancel), thread=True, exclusive=True, group="smaa"
        )

    def _job(self, result, cancel: threading.Event) -> None:
        app = self.app
        last = [-1]

        def progress(done: int, total: int) -> None:
            if cancel.is_set():
                raise robust.Cancelled
            pct = int(100 * done / max(total, 1))
            if pct != last[0]:
                last[0] = pct
                app.call_from_thread(self._progress, done, total)

        def stop_if_cancelled(_done: int, _total: int) -> None:
            if cancel.is_set():
                raise robust.Cancelled

        try:
            out = robust.run(result, progress=progress)
            hosts = robust.host_check(result, stop_if_cancelled)
        except robust.Cancelled:
            if not cancel.is_set() or app.is_running:
                app.call_from_thread(self._finished, None, result, True)
            return
        except Exception as err:  # shown to the user; the app keeps running
            app.call_from_thread(self._failed, str(err))
            return
        if not cancel.is_set():
            app.call_from_thread(self._finished, out, result, False, hosts)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#robust-progress", ProgressBar).update(progress=done, total=total)

    def _finished(self, out, result, cancelled: bool, hosts=None) -> None:
        self.running = False
        if cancelled:
            self.app.notify(L["smaa_cancelled"](self.lang), markup=False)
        else:
            self.out, self.out_for, self.hosts = out, result, hosts
        self.redraw()

    def _failed(self, message: str) -> None:
        self.running = False
        self.app.notify(safe.plain(message), severity="error", markup=False)
        self.redraw()

    def cancel(self) -> None:
        if self._cancel is not None and self.running:
            self._cancel.set()

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
