"""Text from input files as the app shows it (issue 23): one way into every widget.

Names of criteria, sub-criteria, indicators, attributes and modes, case and scenario titles,
judgment reasons, notes, country names, paths and error messages can come from a file someone else
wrote. The app shows them as the command line does, through :mod:`coopselect.textsafety`:

* :func:`text` (and :func:`line` for one-line cells) make a ``rich.text.Text``, which textual never
  parses as markup (``[bold]`` shows as written), with every control character shown escaped
  (ESC as ``\\x1b``, U+202E as ``\\u202e``): no OSC 0/8/52 (window title, hyperlink, clipboard),
  no CSI (clear screen), no bell and no bidirectional override reaches the terminal;
* :func:`plain` (:func:`flat` for one line) is the same text as a string, for the APIs that take
  one (notifications, with ``markup=False``; the ranking table's cells); an input field starts
  with :func:`flat` of the text it edits;
* :func:`control_filter` is the last guard, on every line the app draws: a control character that
  reached a widget raw anyway (text typed or pasted into an input field, which is data and saved as
  typed) is dropped from the output; it takes no cell, so the layout stays as measured.
"""

from __future__ import annotations

import functools
from typing import Any

from rich.text import Text

from coopselect.textsafety import has_controls, one_line, strip_controls, visible


def plain(value: Any) -> str:
    """``value`` as a string to show: control characters escaped, newlines and tabs kept."""
    return visible(value)


def flat(value: Any) -> str:
    """``value`` as a one-line string to show: newlines and tabs escaped as well."""
    return one_line(value)


def text(value: Any, style: str = "", **kwargs: Any) -> Text:
    """``value`` as a Text to show (never markup): control characters escaped, newlines kept."""
    return Text(visible(value), style=style, **kwargs)


def line(value: Any, style: str = "", **kwargs: Any) -> Text:
    """``value`` as a one-line Text (table cells, headers): newlines and tabs escaped as well."""
    return Text(one_line(value), style=style, **kwargs)


@functools.cache
def control_filter():
    """The app's last line filter: drops any control character left in a drawn line."""
    from rich.segment import Segment
    from textual.filter import LineFilter

    class DropControls(LineFilter):
        def apply(self, segments: list[Segment], background) -> list[Segment]:
            if not has_controls("".join([s.text for s in segments if not s.control])):
                return segments  # the usual case: one search over the whole line
            out = []
            for s in segments:
                if s.control or not has_controls(s.text):
                    out.append(s)
                elif kept := strip_controls(s.text):
                    out.append(Segment(kept, s.style))
            return out

    return DropControls()
