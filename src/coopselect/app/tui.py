"""The textual application: the shell around the pages (``app/pages/``) over one
:class:`~coopselect.app.state.AppState`: header, key bar, page switching, edits with undo/redo,
language, help and quit. Saving and export are in :mod:`coopselect.app.filing`."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TabbedContent, TabPane

from coopselect.app import safe, views
from coopselect.app.filing import Filing
from coopselect.app.labels import KEYBAR_COMMON, KEYBAR_PAGES, L
from coopselect.app.pages import pages
from coopselect.app.pages.ahp import AhpPage
from coopselect.app.pages.base import Page
from coopselect.app.pages.ranking import RankingPage
from coopselect.app.pages.robust import RobustPage
from coopselect.app.save import Fingerprint, is_bundled
from coopselect.app.screens import ChoiceScreen, ConfirmScreen, ErrorScreen, HelpScreen
from coopselect.errors import CoopselectError

# The number keys: 1 shows the first page of coopselect.app.pages.pages(), and so on.
PAGE_KEYS = 9


class CoopselectApp(Filing, App):
    TITLE = "coopselect"
    CSS = """
    #header { height: 1; background: $primary; color: $text; padding: 0 1; }
    #keys { height: auto; max-height: 2; background: $panel; color: $text-muted; padding: 0 1; }
    TabbedContent { height: 1fr; }
    TabPane { padding: 0; }
    #filter { height: 1; border: none; padding: 0 1; background: $boost; }
    .info { height: auto; padding: 0 1; }
    DataTable { height: 1fr; }
    #weights-table { height: auto; max-height: 14; }
    #ahp-table { height: auto; max-height: 12; }
    #robust-progress { padding: 0 1; }
    .dialog { width: 76; height: auto; max-height: 24; border: thick $accent;
              background: $surface; padding: 1 2; }
    ModalScreen { align: center middle; }
    #help-box { width: 90%; height: 90%; border: thick $accent; background: $surface; }
    #error-box { padding: 1 2; }
    #choice-list { height: auto; max-height: 18; }
    """
    BINDINGS: ClassVar[list] = [
        *[
            Binding(str(i), f"page_number({i})", f"page {i}", show=False)
            for i in range(1, PAGE_KEYS + 1)
        ],
        Binding("slash", "focus_filter", "filter", show=False),
        Binding("escape", "escape", "back", show=False),
        Binding("b", "toggle_best", "best", show=False),
        Binding("plus,equals_sign", "step(1)", "+", show=False),
        Binding("minus,underscore", "step(-1)", "-", show=False),
        Binding("p", "preset", "preset", show=False),
        Binding("f", "fix_worst", "fix", show=False),
        Binding("c", "next_matrix", "matrix", show=False),
        Binding("r", "reason", "reason", show=False),
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
        self,
        case_ref: str | Path | None = None,
        lang: str = "en",
        *,
        state=None,
        criteria=None,
        data_dir=None,
    ):
        super().__init__()
        self.lang = lang
        self.criteria = criteria  # --criteria: a criteria set replacing the case's
        self.data_dir = data_dir  # --data-dir: the folder of imported data vintages
        self.error: str | None = None
        self.state = state
        self.path: Path | None = None
        self.source_text = ""
        self.fingerprint: Fingerprint | None = None
        self.selected: tuple[str, str] | None = None
        self._stale: set[str] = set()
        self._header = ""
        # The pages, in tab order, read from the registry once (coopselect.app.pages).
        self.pages = pages()[:PAGE_KEYS]
        if state is None:
            self._open(case_ref)
        else:
            self.path = state.case.path

    def get_line_filters(self):
        """textual's filters, then :func:`coopselect.app.safe.control_filter` on every line."""
        return [*super().get_line_filters(), safe.control_filter()]

    # ---- opening ------------------------------------------------------------------------
    def _open(self, case_ref) -> None:
        from coopselect.app.state import AppState
        from coopselect.io.data.snapshot import DataSnapshot
        from coopselect.io.loaders.case_loader import load_case
        from coopselect.paths import resolve_case

        try:
            path = resolve_case(case_ref)
            # The text a save starts from and the fingerprint come from one read, before the
            # load: a change made while loading then counts as a change on disk.
            if path.is_file():
                self.fingerprint, self.source_text = Fingerprint.read(path)
            # A readable CoopselectError for a missing or bad file.
            case = load_case(path, criteria=self.criteria)
            self.state = AppState.open(case, DataSnapshot.read(self.data_dir))
            self.path = path
        except CoopselectError as err:
            self.error = str(err)
        except OSError as err:
            self.error = str(
                CoopselectError(f"cannot read the case: {err.strerror}.", file=err.filename)
            )
        except ImportError as err:  # a core package missing from an incomplete install
            self.error = f"coopselect is incomplete: {err}. Fix: reinstall coopselect."

    @property
    def bundled(self) -> bool:
        return is_bundled(self.path)

    def compose(self) -> ComposeResult:
        if self.state is None:
            return
        yield Static(id="header")
        with TabbedContent(initial="rank", id="tabs"):
            for page in self.pages:
                with TabPane(page.TAB(self.lang), id=page.ID):
                    yield page()
        yield Static(id="keys")

    def on_mount(self) -> None:
        if self.state is None:
            self.push_screen(ErrorScreen(self.error or "", self.lang))
            return
        self.refresh_all()
        self.refresh_keys()
        self.query_one("#rank-table").focus()
        # The case, its data and the widgets live as long as the app: keep them out of the
        # cyclic garbage collector's scans, whose full passes were the slowest repaints.
        import gc

        gc.freeze()

    # ---- pages --------------------------------------------------------------------------
    def page_widget(self, page_id: str) -> Page:
        return self.query_one(f"#page-{page_id}", Page)

    @property
    def ranking(self) -> RankingPage:
        return self.query_one(RankingPage)

    @property
    def current(self) -> Page:
        return self.page_widget(self.page)

    @property
    def page(self) -> str:
        return self.query_one(TabbedContent).active or "rank"

    @property
    def smaa_out(self) -> dict | None:
        return self.query_one(RobustPage).out

    # ---- drawing ------------------------------------------------------------------------
    def refresh_all(self) -> None:
        """Redraw after an edit, undo or redo: the header, the ranking and the page on screen;
        the other pages are redrawn when they are next shown."""
        self.refresh_header()
        self.ranking.redraw()
        self._stale = {p.ID for p in self.pages} - {"rank"}
        self._show(self.page)

    def _show(self, page: str) -> None:
        if page in self._stale or page == "detail":
            self._stale.discard(page)
            self.page_widget(page).redraw()

    def refresh_header(self) -> None:
        where = L["bundled"](self.lang) if self.bundled else str(self.path or "")
        text = views.header_text(self.state, self.lang, where)
        if text != self._header:  # an update costs a layout pass
            self._header = text
            self.query_one("#header", Static).update(
                safe.line(text, no_wrap=True, overflow="ellipsis")
            )

    def refresh_keys(self) -> None:
        page = self.current if self.state is not None else None
        keys = page.KEYS(self.lang) if page is not None else ""
        lg = self.lang
        common = f"1-{len(self.pages)} {KEYBAR_PAGES(lg)}  {KEYBAR_COMMON(lg)}"
        self.query_one("#keys", Static).update(Text(f"{keys}  │  {common}"))

    def pair_label(self, key: str) -> str:
        c, _, m = key.partition(":")
        mode_names = {md.id: md.name(self.lang) for md in self.state.case.catalog.modes}
        return f"{views.country_name(c, self.lang)} × {mode_names.get(m, m)}"

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        if self.state is None:
            return
        self._show(self.page)
        self.refresh_keys()
        self.query_one(self.current.FOCUS).focus()

    # ---- edits --------------------------------------------------------------------------
    def edit(self, fn, *args) -> bool:
        """Apply one state edit and redraw; a rejected edit is a notification, never a crash."""
        return self._edit(fn, *args)

    def _edit(self, fn, *args) -> bool:
        state = self.state
        preset = state.case.weights_preset
        judgments = (state.case.hierarchy.judgments, state.case.hierarchy.subjudgments)
        try:
            fn(*args)
        except (CoopselectError, ValueError) as err:
            self.notify(
                safe.plain(err), title=L["edit_failed"](self.lang), severity="error", markup=False
            )
            return False
        except Exception as err:  # a failing method must not take the analyst's edits with it
            msg = safe.plain(f"{type(err).__name__}: {err}")
            self.notify(msg, title=L["edit_failed"](self.lang), severity="error", markup=False)
            return False
        self.refresh_all()
        now = state.case.weights_preset
        if now != preset and fn not in (state.set_preset, state.cycle_preset):
            msg = safe.plain(f"{L['preset'](self.lang)}: {preset} → {now}")
            self.notify(msg, timeout=2, markup=False)
        changed = (state.case.hierarchy.judgments, state.case.hierarchy.subjudgments) != judgments
        if changed and now != "ahp" and state.case.hierarchy.judgments != judgments[0]:
            self.notify(
                L["judgment_not_in_force"](self.lang).format(p=now), timeout=4, markup=False
            )
        return True

    def action_step(self, direction: int) -> None:
        if self.state is not None:
            self.current.step(direction)

    def action_fix_worst(self) -> None:
        if self.state is not None and self.page == "ahp":
            self.query_one(AhpPage).fix_worst()

    def action_next_matrix(self) -> None:
        if self.state is not None and self.page == "ahp":
            self.query_one(AhpPage).next_matrix()

    def action_reason(self) -> None:
        if self.state is not None and self.page == "ahp":
            self.query_one(AhpPage).edit_reason()

    def action_preset(self) -> None:
        if self.state is not None:
            self._edit(self.state.cycle_preset)

    def action_method(self) -> None:
        if self.state is None:
            return
        from coopselect.app.methods import method_choices

        def done(value: str | None) -> None:
            if value is not None and value != self.state.case.method:
                self._edit(self.state.set_method, value)

        self.push_screen(
            ChoiceScreen(
                L["choose_method"](self.lang), method_choices(self.lang), self.state.case.method
            ),
            done,
        )

    def action_undo(self) -> None:
        if self.state is None:
            return
        edit = self.state.undo()
        if edit is None:
            self.notify(L["nothing_undo"](self.lang), markup=False)
            return
        self.refresh_all()
        self.notify(safe.plain(f"{L['undone'](self.lang)}: {edit.what}"), timeout=2, markup=False)

    def action_redo(self) -> None:
        if self.state is None:
            return
        edit = self.state.redo()
        if edit is None:
            self.notify(L["nothing_redo"](self.lang), markup=False)
            return
        self.refresh_all()
        self.notify(safe.plain(f"{L['redone'](self.lang)}: {edit.what}"), timeout=2, markup=False)

    # ---- navigation ---------------------------------------------------------------------
    def action_page(self, page: str) -> None:
        if self.state is not None:
            self.query_one(TabbedContent).active = page

    def action_page_number(self, number: int) -> None:
        """The number keys: the page in that place among the tabs (1: the first)."""
        if 1 <= number <= len(self.pages):
            self.action_page(self.pages[number - 1].ID)

    def action_focus_filter(self) -> None:
        if self.state is not None:
            self.action_page("rank")
            self.ranking.focus_filter()

    def action_escape(self) -> None:
        if self.state is not None and self.ranking.filter_focused():
            self.ranking.back_to_table()

    def action_toggle_best(self) -> None:
        if self.state is not None:
            self.ranking.toggle_best()

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        if self.state is None:
            return
        tabs = self.query_one(TabbedContent)
        for page in self.pages:
            tabs.get_tab(page.ID).label = page.TAB(self.lang)
            self.page_widget(page.ID).relabel()
        self.refresh_all()
        self.refresh_keys()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.lang))

    async def action_quit(self) -> None:
        if self.state is not None and self.state.dirty:

            def done(yes: bool | None) -> None:
                if yes:
                    self._stop_workers()
                    self.exit()

            self.push_screen(ConfirmScreen(L["quit_unsaved"](self.lang), self.lang), done)
            return
        self._stop_workers()
        self.exit()

    # ---- robustness ---------------------------------------------------------------------
    def action_run_smaa(self) -> None:
        if self.state is not None:
            self.action_page("robust")
            self.query_one(RobustPage).run()

    def action_cancel_smaa(self) -> None:
        if self.state is not None:
            self.query_one(RobustPage).cancel()

    def _stop_workers(self) -> None:
        for page in self.query(RobustPage):
            page.stop()

    def on_unmount(self) -> None:
        self._stop_workers()
