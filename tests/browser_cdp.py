"""A small Chrome DevTools Protocol driver for the browser tests (headless Debian Chromium, no
test tool's own browser download): start Chromium, open a page, evaluate JavaScript, wait for a
condition, take a screenshot."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import aiohttp

from coopselect.reports.pdf import FLAGS, find_chromium


def browser_missing() -> str | None:
    """Why no browser test can run here (None: one can): no Chromium, or no font at all for it
    to draw text with (a machine with Chromium but an empty font configuration)."""
    import shutil

    if find_chromium() is None:
        return "Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it"
    fc = shutil.which("fc-list")
    if fc is not None:
        out = subprocess.run([fc], capture_output=True, text=True, timeout=30).stdout
        if not out.strip():
            return "no font is installed for Chromium to draw text (fc-list lists none)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


class Browser:
    """``async with Browser(tmp) as b: await b.open(url); await b.eval("...")``."""

    def __init__(self, profile: Path, downloads: Path | None = None) -> None:
        self.profile = profile
        self.downloads = downloads
        self.proc: subprocess.Popen | None = None
        self.http: aiohttp.ClientSession | None = None
        self.ws = None
        self.counter = 0

    async def __aenter__(self) -> Browser:
        chromium = find_chromium()
        assert chromium, "no chromium"
        port = free_port()
        self.proc = subprocess.Popen(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                "--window-size=1400,1000",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.http = aiohttp.ClientSession()
        targets = []
        for _ in range(150):
            try:
                async with self.http.get(f"http://127.0.0.1:{port}/json/list") as r:
                    targets = [t for t in await r.json() if t.get("type") == "page"]
                if targets:
                    break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        assert targets, "Chromium shows no page to drive"
        self.ws = await self.http.ws_connect(targets[0]["webSocketDebuggerUrl"], max_msg_size=0)
        await self.call("Page.enable")
        await self.call("Runtime.enable")
        if self.downloads is not None:
            await self.call(
                "Browser.setDownloadBehavior", behavior="allow", downloadPath=str(self.downloads)
            )
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.http is not None:
            await self.http.close()
        if self.proc is not None:
            stop(self.proc)

    async def call(self, method: str, **params):
        self.counter += 1
        me = self.counter
        await self.ws.send_json({"id": me, "method": method, "params": params})
        while True:
            msg = json.loads((await self.ws.receive()).data)
            if msg.get("id") == me:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def eval(self, expression: str):
        res = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in res:
            raise RuntimeError(f"{expression}: {res['exceptionDetails']}")
        return res.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 30.0):
        """Poll ``expression`` until it is truthy; returns its value (fails on timeout)."""
        end = time.monotonic() + timeout
        value = None
        while time.monotonic() < end:
            try:
                value = await self.eval(expression)
            except RuntimeError:
                value = None
            if value:
                return value
            await asyncio.sleep(0.1)
        raise AssertionError(f"timed out waiting for {expression!r} (last value {value!r})")

    async def screenshot(self, path: Path) -> None:
        res = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(res["data"]))
