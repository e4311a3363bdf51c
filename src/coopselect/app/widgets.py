"""The ranking table: a virtual list that draws only the visible lines.

textual's DataTable measures every cell of every row when rows are replaced, which costs tens of
milliseconds for a thousand pairs; this widget keeps the rows as plain data and renders the lines on
screen only, so an edit redraws in constant time whatever the number of pairs.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from coopselect.app.safe import flat
from coopselect.app.views import RankRow, change_text

_HEAD = Style(bold=True)
_CURSOR = Style(reverse=True, bold=True)
_UP = Style(color="green")
_DOWN = Style(color="red")
_DIM = Style(dim=True)


def _fit(text: str, width: int, right: bool = False) -> str:
    """Pad or cut ``text`` to ``width`` terminal cells (wide CJK characters count as two)."""
    if cell_len(text) > width:
        out = ""
        for ch in text:
            if cell_len(out + ch) > width - 1:
                break
            out += ch
        text = out + "…"
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


class RankTable(ScrollView, can_focus=True):
    """Ranked pairs: rank, change since the last edit, country, mode, score."""

    BINDINGS: ClassVar[list] = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False),
        Binding("end", "jump(-1)", show=False),
        Binding("enter", "select", show=False),
    ]
    DEFAULT_CSS = """
    RankTable { height: 1fr; overflow-x: hidden; }
    """

    class Selected(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Highlighted(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[RankRow] = []
        self.headers: tuple[str, ...] = ("", "", "", "", "")
        self.cursor = 0
        self._widths: tuple[int, ...] = (5, 4, 20, 28, 8)

    # ---- data ---------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows)

    def keys(self) -> list[str]:
        return [r.key for r in self.rows]

    @property
    def cursor_key(self) -> str | None:
        return self.rows[self.cursor].key if self.rows else None

    def set_rows(self, rows: list[RankRow], headers: tuple[str, ...]) -> None:
        """Replace the rows; the cursor stays on the same pair when it is still shown."""
        keep = self.cursor_key
        self.rows = rows
        self.headers = headers
        index = {r.key: i for i, r in enumerate(rows)}
        self.cursor = index.get(keep, 0) if keep is not None else 0
        self._widths = self._measure()
        self.virtual_size = Size(sum(self._widths) + len(self._widths), len(rows) + 1)
        self._scroll_to_cursor()
        self.refresh()

    def _measure(self) -> tuple[int, ...]:
        h = self.headers
        countries = {self._country(r) for r in self.rows}
        modes = {self._mode(r) for r in self.rows}
        country_w = max([cell_len(h[2])] + [cell_len(c) for c in countries])
        mode_w = max([cell_len(h[3])] + [cell_len(m) for m in modes])
        rank_w = max(cell_len(h[0]), len(str(len(self.rows))))
        return (rank_w, max(4, cell_len(h[1])), min(country_w, 30), min(mode_w, 32), 8)

    # Names (from the data and the case's files) are shown as coopselect.app.safe shows them:
    # control characters escaped, one line.
    @staticmethod
    def _country(r: RankRow) -> str:
        name = r.country if r.country_name == r.country else f"{r.country_name} {r.country}"
        return flat(name)

    @staticmethod
    def _mode(r: RankRow) -> str:
        return flat(r.mode_name)

    # ---- drawing ------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            segs = self._cells(self.headers, [_HEAD] * 5)
            return Strip(segs).crop_extend(0, width, _HEAD)
        i = int(self.scroll_offset.y) + y - 1
        if i >= len(self.rows):
            return Strip.blank(width)
        r = self.rows[i]
        ch = change_text(r.change)
        ch_style = _UP if (r.change or 0) > 0 else (_DOWN if (r.change or 0) < 0 else _DIM)
        texts = (str(r.rank), ch, self._country(r), self._mode(r), f"{r.score:.4f}")
        styles = [Style(), ch_style, Style(), Style(), Style()]
        base = Style()
        if i == self.cursor:
            base = _CURSOR if self.has_focus else Style(reverse=True)
            styles = [base + s for s in styles]
        return Strip(self._cells(texts, styles)).crop_extend(0, width, base)

    def _cells(self, texts, styles) -> list[Segment]:
        right = (True, True, False, False, True)
        segs = [Segment(" ", styles[0])]
        texts = [flat(t) for t in texts]  # the headers, too
        for t, w, s, rj in zip(texts, self._widths, styles, right, strict=True):
            segs.append(Segment(_fit(t, w, rj), s))
            segs.append(Segment("  ", styles[0]))
        return segs

    # ---- cursor -------------------------------------------------------------------------
    def _visible_rows(self) -> int:
        return max(1, self.size.height - 1)

    def _scroll_to_cursor(self) -> None:
        if self.size.height < 2:  # not laid out (hidden page): scrolled on the next resize
            return
        top = int(self.scroll_offset.y)
        vis = self._visible_rows()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + vis:
            self.scroll_to(y=self.cursor - vis + 1, animate=False)

    def move_cursor(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(len(self.rows) - 1, row))
        if row != self.cursor:
            self.cursor = row
            self.post_message(self.Highlighted(self.rows[row].key))
        self._scroll_to_cursor()
        self.refresh()

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * self._visible_rows())

    def action_jump(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].key))

    def on_click(self, event: Click) -> None:
        if event.y >= 1:
            self.move_cursor(int(self.scroll_offset.y) + event.y - 1)
            if event.chain >= 2:
                self.action_select()

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
