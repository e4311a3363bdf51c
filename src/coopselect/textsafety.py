"""Text from input files made safe for the place it is shown (one module for the CLI, the app and
the reports; it imports nothing of coopselect).

Names, titles, reasons and notes come from case, problem and AHP files that someone else may have
written. Wherever such text is shown it stays text:

* a terminal: control characters (ESC, BEL, other C0 and C1 controls, DEL, bidirectional
  overrides) are shown escaped (``ESC`` as ``\\x1b``), so no escape sequence clears the screen,
  sets the window title or prints a hyperlink (:func:`visible`, :func:`one_line`); text put into
  a Rich string is also escaped as markup (:func:`rich_text`); the full-screen app shows text the
  same way (``coopselect.app.safe``) and drops any control character left in a drawn line
  (:func:`strip_controls`);
* Markdown: no raw HTML, no link or image (``[`` and ``]`` escaped), no control characters
  (:func:`markdown_text`); HTML documents lose their control characters (:func:`drop_controls`);
* a spreadsheet (CSV, XLSX): a cell that would be read as a formula gets a leading apostrophe
  (:func:`neutralise`; :func:`csv_cell` also shows control characters escaped);
* JSON: numpy values to plain types (:func:`plain`); every string shown escaped, so that the
  values too are inert (:func:`visible_strings`, the report's JSON); C1 controls, which
  ``json.dumps`` keeps raw with ``ensure_ascii=False``, written as ``\\u`` escapes
  (:func:`json_text`).
"""

from __future__ import annotations

import math
import re
from enum import Enum
from typing import Any

# C0 controls but tab and newline, DEL, the C1 controls, the bidirectional marks, embeddings,
# overrides and isolates that can reorder what a reader sees (U+061C, U+200E/F, U+202A-E,
# U+2066-9), and the Unicode line and paragraph separators (U+2028/9), which break a line where no
# newline shows.
_BIDI = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROLS = f"\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_OR_BREAK = re.compile(f"[{_CONTROLS}\t\n]")
_C1_OR_DEL = re.compile(f"[\x7f-\x9f{_BIDI}]")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: Any) -> str:
    """``text`` with every control character but newline and tab shown escaped (``\\x1b``)."""
    return _CONTROL.sub(_shown, str(text))


def one_line(text: Any) -> str:
    """``text`` for a one-line message: every control character, newline and tab included,
    shown escaped."""
    return _CONTROL_OR_BREAK.sub(_shown, str(text))


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character that :func:`one_line` would show escaped."""
    return _CONTROL_OR_BREAK.search(text) is not None


def strip_controls(text: str) -> str:
    """``text`` without any control character, newline or tab: the last guard of a full-screen
    terminal app on text already laid out, where these characters take no cell (text from input
    is shown escaped before, by :func:`visible`)."""
    return _CONTROL_OR_BREAK.sub("", text)


def drop_controls(text: str) -> str:
    """``text`` without control characters (tab, newline and carriage return kept): for whole
    documents such as HTML, where they are never meaningful."""
    return _CONTROL.sub(lambda m: m.group() if m.group() == "\r" else "", text)


def rich_text(value: Any) -> str:
    """``value`` as text to put into a Rich markup string: control characters shown escaped and
    markup escaped (``[bold]`` prints as ``[bold]``)."""
    from rich.markup import escape

    return escape(visible(value))


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BRACKET = re.compile(r"([\[\]])")


def markdown_text(text: Any) -> str:
    """Plain text made inert in Markdown: one line; nothing a renderer would take for raw HTML (a
    '<' that opens a tag or comment, an '&' that starts an entity); ``[`` and ``]`` escaped, so
    ``[x](javascript:...)`` and ``![x](...)`` stay text; control characters removed. Other
    characters stay readable ('<= 0.10', 'a -> b', '(see note)')."""
    text = " ".join(_CONTROL.sub("", str(text)).split())
    text = _TAG_START.sub("&lt;", _ENTITY.sub("&amp;", text))
    return _BRACKET.sub(r"\\\1", text)


def markdown_table(
    headers: list[str], rows: list[list[str]], numeric: list[bool] | None = None
) -> list[str]:
    """The one Markdown table writer: cells already made inert (``markdown_text``) or built by the
    caller (links of an index); ``|`` escaped, empty cells kept; ``numeric`` columns aligned
    right."""

    def cell(text: str) -> str:
        return str(text).replace("|", "\\|") or " "

    right = numeric or [False] * len(headers)
    out = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    out.append("| " + " | ".join("---:" if r else "---" for r in right) + " |")
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """A CSV cell printed or written by the CLI: control characters shown escaped, then
    :func:`neutralise` (numbers pass unchanged)."""
    return neutralise(visible(value)) if isinstance(value, str) else value


def plain(obj: Any) -> Any:
    """numpy scalars/arrays, tuples and enums to JSON types; NaN and infinities become null."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    if hasattr(obj, "tolist"):
        return plain(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, Enum):
        return obj.value
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


def visible_strings(obj: Any) -> Any:
    """Plain JSON data (as :func:`plain` gives) with every string, keys too, passed through
    :func:`visible`: what a program reading the JSON prints is as inert as the terminal's text."""
    if isinstance(obj, str):
        return visible(obj)
    if isinstance(obj, dict):
        return {visible(k): visible_strings(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [visible_strings(v) for v in obj]
    return obj


def json_text(text: str) -> str:
    """JSON written by ``json.dumps(..., ensure_ascii=False)`` with DEL, the C1 controls and the
    bidirectional marks as ``\\u`` escapes (same data, nothing a terminal acts on)."""
    return _C1_OR_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
