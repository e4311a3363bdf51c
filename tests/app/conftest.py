"""Fixtures of the app tests: textual's Pilot checks for an idle app in short windows.

``pilot.press`` and ``pilot.pause`` wait until the app is idle (textual._wait.wait_for_idle):
they sleep in windows of SLEEP_GRANULARITY (1/50 s) until one passes in which the process used
less than SLEEP_IDLE (1/20 of the window) of CPU. Every key press waits at least two windows, so
the app tests spent about a third of their time asleep (about 400 waits in the fast lane). With
5 ms windows the test still waits until the app has done its work (the same 1/20 share of CPU
per window marks it idle; waiting for the screen's messages, workers and animations is
unchanged), and asleep for a quarter of the time. Should textual rename these, the tests run
with its defaults (slower, the same checks)."""

from __future__ import annotations

import pytest

IDLE_WINDOW = 0.005  # seconds (textual's default: 0.02)


@pytest.fixture(autouse=True)
def _short_idle_windows():
    # Set and restored by hand, not with monkeypatch: a test's own monkeypatch must be undone
    # before its tmp_path is removed (test_hostile_text patches os.scandir).
    from textual import _wait

    names = ("SLEEP_GRANULARITY", "SLEEP_IDLE")
    if not all(hasattr(_wait, n) for n in names):
        yield
        return
    saved = [getattr(_wait, n) for n in names]
    _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = IDLE_WINDOW, IDLE_WINDOW / 20
    try:
        yield
    finally:
        _wait.SLEEP_GRANULARITY, _wait.SLEEP_IDLE = saved
