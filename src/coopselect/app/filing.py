"""Saving the case and exporting a report from the app (the textual side of ``save``/``export``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from coopselect.app import safe
from coopselect.app.confine import allowed_target, default_dir, write_root
from coopselect.app.labels import L
from coopselect.app.save import StaleFileError, is_bundled, safe_stem, save_case
from coopselect.app.screens import ConfirmScreen, InputScreen
from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.app.tui import CoopselectApp


class BusyScreen(ModalScreen[None]):
    """A running job: what it does, a moving bar and the seconds elapsed (no key closes it)."""

    def __init__(self, what: str, lang: str) -> None:
        super().__init__()
        self.what = what
        self.lang = lang
        self.started = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="busy"):
            yield Static(safe.text(self.what, style="bold"), id="busy-what")
            yield ProgressBar(total=None, show_eta=False, id="busy-bar")
            yield Static(id="busy-time")

    def on_mount(self) -> None:
        self.set_interval(0.25, self._tick)
        self._tick()

    def _tick(self) -> None:
        secs = time.monotonic() - self.started
        self.query_one("#busy-time", Static).update(
            Text(L["elapsed"](self.lang).format(s=secs), style="dim")
        )


class Filing:
    """Save, save as and export for :class:`~coopselect.app.tui.CoopselectApp` (a mixin)."""

    def _coop(self) -> CoopselectApp:
        return self  # type: ignore[return-value]

    # ---- saving ---------------------------------------------------------------------------
    def action_save(self) -> None:
        app = self._coop()
        if app.state is None:
            return
        if app.bundled or app.path is None:
            self._ask_path(L["bundled_copy"](app.lang))
            return
        self._save_to(app.path, force=False)

    def action_save_as(self) -> None:
        app = self._coop()
        if app.state is not None:
            self._ask_path(L["save_as"](app.lang))

    def default_copy(self) -> Path:
        """``./<case id>.toml``; the id is reduced to a plain file name (never a path)."""
        app = self._coop()
        assert app.state is not None
        return default_dir() / f"{safe_stem(app.state.case.id)}.toml"

    def _target(self, value: str | None, kind: str, title: str = "") -> Path | None:
        """The path typed in a dialog (relative to the default folder), or None when the dialog
        was cancelled or the path is refused (a web session writes only in its folder: said in
        a notification)."""
        if value is None:
            return None
        target = Path(value).expanduser()
        if not target.is_absolute():
            target = default_dir() / target
        try:
            return allowed_target(target, kind=kind)
        except CoopselectError as err:
            app = self._coop()
            app.notify(safe.plain(str(err)), title=title, severity="error", markup=False)
            return None

    def _ask_path(self, prompt: str) -> None:
        app = self._coop()
        default = self.default_copy() if app.bundled else app.path

        def done(value: str | None) -> None:
            target = self._target(value, "case", title=L["save_failed"](app.lang))
            if target is None:
                return
            if is_bundled(target):
                app.notify(L["bundled_copy"](app.lang), severity="error", markup=False)
                return
            same = app.path is not None and target.resolve() == app.path.resolve()
            if target.exists() and not same:
                app.push_screen(
                    ConfirmScreen(f"{target}\n{L['exists'](app.lang)}", app.lang),
                    lambda yes: self._save_to(target, force=True) if yes else None,
                )
                return
            self._save_to(target, force=False)

        app.push_screen(InputScreen(prompt, str(default)), done)

    def _save_to(self, target: Path, *, force: bool) -> None:
        app = self._coop()
        state = app.state
        assert state is not None
        same = app.path is not None and target.resolve() == app.path.resolve()
        try:
            saved = save_case(
                state.case,
                target,
                source_text=app.source_text,
                fingerprint=app.fingerprint if same else None,
                force=force,
                original=state.original,
            )
        except StaleFileError:
            app.push_screen(
                ConfirmScreen(f"{target}\n{L['stale'](app.lang)}", app.lang),
                lambda yes: self._save_to(target, force=True) if yes else None,
            )
            return
        except (CoopselectError, OSError) as err:
            msg = safe.plain(err)
            app.notify(msg, title=L["save_failed"](app.lang), severity="error", markup=False)
            return
        app.path = target
        # What was written, not a second read: a write by someone else after ours must still be
        # seen as a change by the next save.
        app.source_text = saved.text
        app.fingerprint = saved.fingerprint
        if saved.case is not state.case:  # now points at the criteria copy it wrote
            state.case = saved.case
            state.result = state.compute(saved.case)
        state.original = state.case
        state.mark_saved()
        msg = f"{L['saved_to'](app.lang)} {target}"
        if saved.backup:
            msg += f" ({L['backup'](app.lang)} {saved.backup.name})"
        if saved.criteria is not None:
            msg += f"; {L['criteria_saved'](app.lang)} {saved.criteria.name}"
        app.notify(safe.plain(msg), timeout=4, markup=False)
        app.refresh_header()

    # ---- export ---------------------------------------------------------------------------
    def default_report(self) -> Path:
        app = self._coop()
        assert app.state is not None
        return default_dir() / f"{safe_stem(app.state.case.id)}_report.md"

    def action_export(self) -> None:
        app = self._coop()
        if app.state is None:
            return
        from coopselect.app import export

        if not export.available():
            app.notify(L["report_unavailable"](app.lang), severity="warning", markup=False)
            return

        def done(value: str | None) -> None:
            target = self._target(value, "report")
            if target is not None:
                self.start_export(target)

        app.push_screen(InputScreen(L["report_path"](app.lang), str(self.default_report())), done)

    def start_export(self, target: Path) -> None:
        """Write the report in a worker thread; a busy dialog shows until it is done."""
        from coopselect.app import export

        app = self._coop()
        assert app.state is not None
        result, lang = app.state.result, app.lang
        busy = BusyScreen(f"{L['report_writing'](lang)} {target}", lang)
        app.push_screen(busy)

        def job() -> None:
            try:
                written = export.write(result, target, lang)
            except (CoopselectError, OSError) as err:
                app.call_from_thread(self._export_done, busy, None, str(err))
            except Exception as err:  # the analyst's edits must survive a failing report
                app.call_from_thread(self._export_done, busy, None, f"{type(err).__name__}: {err}")
            else:
                app.call_from_thread(self._export_done, busy, written, None)

        app.run_worker(job, thread=True, group="export")

    def _export_done(self, busy: BusyScreen, written: Path | None, error: str | None) -> None:
        app = self._coop()
        if busy.is_attached:
            busy.dismiss()
        if error is not None:
            app.notify(safe.plain(error), severity="error", markup=False)
            return
        msg = safe.plain(f"{L['report_written'](app.lang)} {written}")
        app.notify(msg, timeout=4, markup=False)
        if write_root() is not None and written is not None:
            # A web session: the browser downloads what was written (the server's folder is not
            # the analyst's).
            files = [written] if written.is_file() else sorted(written.glob("*.*"))
            for f in files:
                if f.is_file():
                    app.deliver_binary(f)
