"""Guards for text that came from a case file: spreadsheet formula injection, and conversion of
numpy values to plain JSON types. One implementation, shared with the CLI and the app, lives in
:mod:`coopselect.textsafety`; the reports import it from here."""

from __future__ import annotations

from coopselect.textsafety import FORMULA_START, neutralise, plain

__all__ = ["FORMULA_START", "neutralise", "plain"]
