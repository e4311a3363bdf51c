"""What every page shares: its tab, its key bar, the widget to focus, and a redraw."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.widgets import Static

from coopselect.i18n import Label

if TYPE_CHECKING:
    from coopselect.app.state import AppState
    from coopselect.app.tui import CoopselectApp


class Page(Vertical):
    """One tab of the app over the shared :class:`~coopselect.app.state.AppState`.

    A page draws itself in :meth:`redraw` (called when it is shown after a change, or at once when
    it is on screen); ``+``/``-`` go to :meth:`step`. Pages hold no model state of their own beyond
    what they show (the cursor, a filter).
    """

    ID: ClassVar[str] = ""  # the tab's id; the page widget is "#page-ID"
    TAB: ClassVar[Label]  # the tab's name
    KEYS: ClassVar[Label]  # the page's own keys, for the key bar
    FOCUS: ClassVar[str] = ""  # the widget focused when the page is shown
    ORDER: ClassVar[int] = 100  # place among the tabs (coopselect.app.pages.pages sorts by it)
    DEFAULT_CSS = """
    Page { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__(id=f"page-{self.ID}")
        self._put: dict[str, object] = {}

    def put(self, selector: str, content) -> None:
        """Update a Static only when its content changed (an update costs a layout pass)."""
        if self._put.get(selector) != content:
            self._put[selector] = content
            self.query_one(selector, Static).update(content)

    @property
    def coop(self) -> CoopselectApp:
        return self.app  # type: ignore[return-value]

    @property
    def state(self) -> AppState:
        state = self.coop.state
        assert state is not None
        return state

    @property
    def lang(self) -> str:
        return self.coop.lang

    def redraw(self) -> None:
        """Draw the page from the current state."""

    def step(self, direction: int) -> None:
        """``+`` (1) or ``-`` (-1) on this page; nothing by default."""

    def relabel(self) -> None:
        """Update fixed texts (placeholders) after a language switch; redraw follows."""
