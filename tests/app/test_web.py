"""``coopselect app --web``: the app served by textual-serve, opened in headless Chromium.

The browser draws the terminal on a canvas, so the page's DOM holds no text; the test listens to
what the page receives instead: a script added through the Chrome DevTools Protocol before the
page loads records every WebSocket message, and the test waits until the ranking's rows are among
them (the app process started for the browser session has drawn the ranking page).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
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
import aiohttp  # noqa: E402  (a dependency of textual-serve)

from coopselect.reports.pdf import FLAGS, find_chromium  # noqa: E402

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None and not REQUIRED,
        reason="Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
    ),
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def _outside_address() -> str | None:
    """An address of this machine other than loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


async def _page_text(devtools_port: int, url: str, want: list[str], timeout: float) -> str:
    async with aiohttp.ClientSession() as http:
        targets = []
        for _ in range(100):
            try:
                async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as r:
                    targets = [t for t in await r.json() if t.get("type") == "page"]
                if targets:
                    break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        assert targets, "Chromium shows no page to drive"
        async with http.ws_connect(targets[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            counter = 0

            async def call(method: str, **params):
                nonlocal counter
                counter += 1
                await ws.send_json({"id": counter, "method": method, "params": params})
                while True:
                    msg = json.loads((await ws.receive()).data)
                    if msg.get("id") == counter:
                        return msg.get("result", {})

            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=HOOK)
            await call("Page.navigate", url=url)
            end = time.monotonic() + timeout
            text = ""
            while time.monotonic() < end:
                res = await call(
                    "Runtime.evaluate", expression="window.__coopText || ''", returnByValue=True
                )
                text = res.get("result", {}).get("value", "") or ""
                if all(w in text for w in want):
                    return text
                await asyncio.sleep(0.5)
            return text


def test_web_app_shows_the_ranking_in_chromium(tmp_path):
    assert CHROMIUM, "COOPSELECT_REQUIRE_BROWSER=1 but no chromium on PATH"
    port = _free_port()
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
    browser = None
    try:
        _wait_port(port, server, log)
        outside = _outside_address()
        if outside is not None:  # bound to localhost only
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((outside, port)) != 0
        devtools = _free_port()
        browser = subprocess.Popen(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={tmp_path / 'profile'}",
                f"--remote-debugging-port={devtools}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}/"
        want = ["Tajikistan TJK", "Joint development", "showing 35 of 35 pairs"]
        text = asyncio.run(_page_text(devtools, url, want, timeout=60))
        missing = [w for w in want if w not in text]
        assert not missing, f"the page never showed {missing}; it received {len(text)} characters"
    finally:
        if browser is not None:
            _stop(browser)
        _stop(server)
    assert server.returncode is not None


def test_web_server_binds_localhost_only():
    from coopselect.app.web import HOST, app_command

    assert HOST == "127.0.0.1"
    cmd = app_command("my case; rm -rf x.toml", "zh", ["--criteria", "commercial"])
    assert "'my case; rm -rf x.toml'" in cmd and "--lang zh" in cmd
