"""``coopselect app --web``: the app served by textual-serve, opened in headless Chromium.

The browser draws the terminal on a canvas, so the page's DOM holds no text; the test listens to
what the page receives instead: a script added through the Chrome DevTools Protocol before the
page loads records every WebSocket message, and the test waits until the ranking's rows are among
them (the app process started for the browser session has drawn the ranking page).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

# .ci/run sets COOPSELECT_REQUIRE_BROWSER=1 after installing Chromium: there a skip is a failure.
REQUIRED = os.environ.get("COOPSELECT_REQUIRE_BROWSER") == "1"
if not REQUIRED:
    pytest.importorskip("textual_serve", reason="textual-serve (the 'web' extra) is not installed")
from browser_cdp import (  # noqa: E402  (tests/browser_cdp.py)
    Browser,
    browser_missing,
    free_port,
    stop,
)
from coopselect.reports.pdf import find_chromium  # noqa: E402

CHROMIUM = find_chromium()
MISSING = browser_missing()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MISSING is not None and not REQUIRED, reason=str(MISSING)),
]

# Records the text of every WebSocket message the page receives (binary frames decoded as UTF-8).
HOOK = """
(() => {
  window.__coopText = "";
  const decoder = new TextDecoder("utf-8");
  const Real = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Real(...args);
    ws.addEventListener("message", (ev) => {
      const d = ev.data;
      if (typeof d === "string") { window.__coopText += d; }
      else if (d instanceof ArrayBuffer) { window.__coopText += decoder.decode(d); }
      else if (d instanceof Blob) {
        d.arrayBuffer().then((b) => { window.__coopText += decoder.decode(b); });
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Real.prototype;
  Object.assign(window.WebSocket, Real);
})();
"""


def _wait_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            out = log.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"the server exited with {proc.returncode}: {out}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"nothing listens on port {port} after {timeout} s")


def _printed_url(log: Path, proc: subprocess.Popen, timeout: float = 20.0) -> str:
    """The address with its token, as the command printed it."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for word in log.read_text(encoding="utf-8", errors="replace").split():
            if word.startswith("http://127.0.0.1:") and "?token=" in word:
                return word
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    pytest.fail(f"the server printed no address: {log.read_text(errors='replace')}")


def _outside_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


async def _page_text(url: str, want: list[str], timeout: float, profile: Path) -> str:
    """Open ``url`` with the WebSocket recorder installed; the text received once every string
    of ``want`` is in it (or what arrived by the timeout)."""
    async with Browser(profile) as b:
        await b.call("Page.addScriptToEvaluateOnNewDocument", source=HOOK)
        await b.open(url)
        end = time.monotonic() + timeout
        text = ""
        while time.monotonic() < end:
            text = await b.eval("window.__coopText || ''") or ""
            if all(w in text for w in want):
                return text
            await asyncio.sleep(0.5)
        return text


def test_web_app_shows_the_ranking_in_chromium(tmp_path):
    assert CHROMIUM, "COOPSELECT_REQUIRE_BROWSER=1 but no chromium on PATH"
    port = free_port()
    coopselect = Path(sys.executable).with_name("coopselect")
    argv = (
        [str(coopselect)]
        if coopselect.exists()
        else [sys.executable, "-c", "from coopselect.cli import entry; entry()"]
    )
    log = tmp_path / "server.log"
    with log.open("w", encoding="utf-8") as out:  # a file, not a pipe nobody reads
        server = subprocess.Popen(
            [*argv, "app", "--web", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_port(port, server, log)
        outside = _outside_address()
        if outside is not None:  # bound to localhost only
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((outside, port)) != 0
        url = _printed_url(log, server)
        assert url.startswith(f"http://127.0.0.1:{port}/?token=")
        want = ["Tajikistan TJK", "Joint development", "showing 35 of 35 pairs"]
        text = asyncio.run(_page_text(url, want, 60, tmp_path / "profile"))
        missing = [w for w in want if w not in text]
        assert not missing, f"the page never showed {missing}; it received {len(text)} characters"
    finally:
        stop(server)
    assert server.returncode is not None


def test_web_server_binds_localhost_only():
    from coopselect.app.web import HOST, app_command

    assert HOST == "127.0.0.1"
    cmd = app_command("my case; rm -rf x.toml", "zh", ["--criteria", "commercial"])
    assert "'my case; rm -rf x.toml'" in cmd and "--lang zh" in cmd
