"""``coopselect app --web`` refuses every request no page of its own could make (issue 23).

The server runs as the user would start it (a subprocess of the real command); an HTTP client
plays the hostile page: another Origin, a DNS-rebinding Host, no token, too many sessions. The
write confinement of a web session is checked on ``coopselect.app.confine`` and through the app's
own save-as path (a Pilot test).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve (the 'web' extra) is not installed")
import aiohttp

from coopselect.app.confine import WRITE_ROOT_ENV, allowed_target
from coopselect.app.web import COOKIE, Guard
from coopselect.errors import CoopselectError

# --- the checks alone ----------------------------------------------------------------------------

TOKEN = "t" * 32


def _check(path="/", query=None, cookie=None, **headers):
    headers.setdefault("Host", "127.0.0.1:8123")
    return Guard(8123, TOKEN).check(
        headers, query, cookie, websocket=path == "/ws", public=path.startswith("/static/")
    )


def test_guard_passes_the_own_page_with_the_token():
    assert _check(query=TOKEN) is None
    assert _check(cookie=TOKEN, Host="localhost:8123") is None
    assert _check("/ws", cookie=TOKEN, Origin="http://127.0.0.1:8123") is None
    assert _check("/static/js/textual.js") is None  # the terminal's own script, no session


@pytest.mark.parametrize(
    "host", ["evil.example:8123", "127.0.0.1:9999", "localhost", "127.0.0.1.nip.io:8123", ""]
)
def test_guard_refuses_a_foreign_host(host):
    refused = _check(query=TOKEN, Host=host)
    assert refused is not None and refused[0] == 403 and "Host" in refused[1]


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1"])
def test_guard_refuses_another_origin(origin):
    for path in ("/", "/ws", "/download/x", "/static/js/textual.js"):
        refused = _check(path, cookie=TOKEN, Origin=origin)
        assert refused is not None and refused[0] == 403, path


def test_guard_refuses_missing_or_wrong_token_and_originless_websocket():
    assert _check()[0] == 403
    assert _check(query="x" * 32)[0] == 403
    assert _check(query=TOKEN[:-1])[0] == 403
    assert _check("/ws", cookie="wrong", Origin="http://127.0.0.1:8123")[0] == 403
    assert _check("/download/abc")[0] == 403
    assert _check("/ws", cookie=TOKEN)[0] == 403  # no Origin: not the app's own page
    assert _check(query=TOKEN, **{"Sec-Fetch-Site": "cross-site"})[0] == 403


def test_guard_refuses_odd_tokens_plainly_and_knows_ipv6_and_wildcard_binds():
    g = Guard(8123, TOKEN)
    assert not g.token_ok("é" * 32) and not g.token_ok("") and g.token_ok(TOKEN)
    v6 = Guard(8123, TOKEN, host="::1")
    headers = {"Host": "[::1]:8123", "Origin": "http://[::1]:8123"}
    assert v6.check(headers, TOKEN, None) is None
    assert v6.check({"Host": "::1:8123"}, TOKEN, None)[0] == 403
    anywhere = Guard(8123, TOKEN, host="0.0.0.0")
    mine = {"Host": "10.1.2.3:8123", "Origin": "http://10.1.2.3:8123"}
    assert anywhere.check(mine, TOKEN, None) is None
    assert anywhere.check(mine, None, None)[0] == 403  # the token is still required
    other = {"Host": "10.1.2.3:8123", "Origin": "http://evil.example"}
    assert anywhere.check(other, TOKEN, None)[0] == 403


# --- the real server -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """``coopselect app --web --max-sessions 1``; yields (port, token, out_dir)."""
    port = _free_port()
    out_dir = tmp_path / "out"
    log = tmp_path / "server.log"
    argv = [sys.executable, "-c", "from coopselect.cli import entry; entry()"]
    argv += ["app", "--web", "--port", str(port), "--max-sessions", "1"]
    argv += ["--out-dir", str(out_dir)]
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        token = None
        end = time.monotonic() + 30
        while time.monotonic() < end and token is None:
            if proc.poll() is not None:
                pytest.fail(f"the server exited: {log.read_text(errors='replace')}")
            for word in log.read_text(encoding="utf-8", errors="replace").split():
                if word.startswith(f"http://127.0.0.1:{port}/?token="):
                    token = word.split("=", 1)[1]
            time.sleep(0.1)
        assert token, log.read_text(errors="replace")
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port, token, out_dir
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)


async def _get(port, path="/", headers=None):
    url = f"http://127.0.0.1:{port}{path}"
    async with aiohttp.ClientSession() as http, http.get(url, headers=headers or {}) as r:
        return r.status, await r.text(), r.cookies


async def _ws_status(port, headers, cookies=None):
    """The WebSocket handshake's HTTP status (101 when it is accepted)."""
    async with aiohttp.ClientSession(cookies=cookies or {}) as http:
        try:
            async with http.ws_connect(
                f"ws://127.0.0.1:{port}/ws?width=80&height=24", headers=headers
            ) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as err:
            return err.status


@pytest.mark.slow
def test_server_refuses_foreign_pages_and_sockets(server):
    port, token, out_dir = server
    own = f"http://127.0.0.1:{port}"
    # the page: no token, foreign Host (DNS rebinding), another Origin, a cross-site navigation
    assert asyncio.run(_get(port))[0] == 403
    assert asyncio.run(_get(port, "/?token=wrong"))[0] == 403
    assert asyncio.run(_get(port, f"/?token={token}", {"Host": f"evil.example:{port}"}))[0] == 403
    assert asyncio.run(_get(port, f"/?token={token}", {"Origin": "http://evil.example"}))[0] == 403
    cross = {"Sec-Fetch-Site": "cross-site"}
    assert asyncio.run(_get(port, f"/?token={token}", cross))[0] == 403
    status, body, cookies = asyncio.run(_get(port, f"/?token={token}"))
    assert status == 200 and "ws://127.0.0.1" in body
    assert cookies[COOKIE].value == token and cookies[COOKIE]["httponly"]
    assert cookies[COOKIE]["samesite"] == "Strict"
    # the WebSocket: another Origin, a foreign Host, no token, no Origin
    good = {COOKIE: token}
    assert asyncio.run(_ws_status(port, {"Origin": "http://evil.example"}, good)) == 403
    assert (
        asyncio.run(_ws_status(port, {"Origin": own, "Host": f"evil.example:{port}"}, good)) == 403
    )
    assert asyncio.run(_ws_status(port, {"Origin": own})) == 403
    assert asyncio.run(_ws_status(port, {"Origin": own, "Host": f"127.0.0.1:{port}"})) == 403
    # a download without the token
    assert asyncio.run(_get(port, "/download/anything"))[0] == 403
    # nothing was started or written for any of these
    assert not out_dir.exists() or not any(out_dir.iterdir())


@pytest.mark.slow
def test_server_refuses_sessions_beyond_the_cap(server):
    port, token, _ = server
    own = {"Origin": f"http://127.0.0.1:{port}"}

    async def two_sessions():
        async with aiohttp.ClientSession(cookies={COOKIE: token}) as http:
            url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"
            async with http.ws_connect(url, headers=own):
                await asyncio.sleep(0.3)  # the first session holds its place
                try:
                    async with http.ws_connect(url, headers=own):
                        return 101
                except aiohttp.WSServerHandshakeError as err:
                    return err.status

    assert asyncio.run(two_sessions()) == 503
    # once the first session has ended (its app process stopped), a new one is accepted again
    end = time.monotonic() + 30
    status = 503
    while status == 503 and time.monotonic() < end:
        time.sleep(0.5)
        status = asyncio.run(_ws_status(port, own, {COOKIE: token}))
    assert status == 101


# --- where a web session may write ---------------------------------------------------------------


def test_confine_refuses_paths_outside_the_write_root(tmp_path, monkeypatch):
    root = tmp_path / "root"
    root.mkdir()
    (root / "escape").symlink_to(tmp_path)
    monkeypatch.setenv(WRITE_ROOT_ENV, str(root))
    assert allowed_target(root / "mine.toml", kind="case") == (root / "mine.toml").resolve()
    assert allowed_target(root / "sub" / "r.md", kind="report").parent == (root / "sub").resolve()
    for bad, kind in [
        (Path.home() / ".bashrc", "case"),
        (root / ".bashrc", "case"),
        (root / ".." / "x.toml", "case"),
        (root / "escape" / "x.toml", "case"),  # through a symbolic link
        (root / "notes.sh", "case"),
        (Path("/etc/cron.d/x.md"), "report"),
        (root / "x.sh", "report"),
        (root / "a\nb.toml", "case"),
        (root / "a\u202eb.toml", "case"),
    ]:
        with pytest.raises(CoopselectError):
            allowed_target(bad, kind=kind)


def test_confine_is_off_outside_web_mode(tmp_path, monkeypatch):
    monkeypatch.delenv(WRITE_ROOT_ENV, raising=False)
    target = tmp_path / "anything.txt"
    assert allowed_target(target, kind="case") is target


def test_app_save_as_outside_the_root_writes_nothing(tmp_path, monkeypatch):
    """The app's own save-as path (Pilot): in web mode, ~/.bashrc-like targets are refused and
    nothing is written; a plain name inside the root is written there."""
    from coopselect.app.screens import InputScreen
    from coopselect.app.tui import CoopselectApp

    root = tmp_path / "root"
    root.mkdir()
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    monkeypatch.setenv(WRITE_ROOT_ENV, str(root))

    async def go():
        app = CoopselectApp(None, "en")
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            for value, written in [(str(victim), victim), ("mine.toml", root / "mine.toml")]:
                app.action_save_as()
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, InputScreen)
                screen.dismiss(value)
                await pilot.pause()
                await pilot.pause()
                assert written.exists() == (written is not victim), value

    asyncio.run(go())
    assert not victim.exists()
    assert sorted(p.name for p in root.iterdir()) == ["mine.toml"]


def test_web_export_is_offered_as_a_download(tmp_path, monkeypatch):
    """In web mode an export is written inside the root and handed to the browser (textual's
    deliver_binary: a download through the server), not only left on the server's disk; a
    target outside the root is refused before anything is written."""
    from coopselect.app.screens import InputScreen
    from coopselect.app.tui import CoopselectApp

    root = tmp_path / "root"
    root.mkdir()
    monkeypatch.setenv(WRITE_ROOT_ENV, str(root))
    delivered: list[Path] = []

    async def go():
        app = CoopselectApp(None, "en")
        app.deliver_binary = lambda path, **kw: delivered.append(Path(path))  # type: ignore[method-assign]
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            for value in (str(tmp_path / "outside.csv"), "pairs.csv"):
                app.action_export()
                await pilot.pause()
                assert isinstance(app.screen, InputScreen)
                app.screen.dismiss(value)
                for _ in range(100):
                    await pilot.pause(0.05)
                    if delivered or value.startswith("/"):
                        break
                await app.workers.wait_for_complete()
                await pilot.pause()

    asyncio.run(go())
    assert not (tmp_path / "outside.csv").exists()
    assert delivered == [(root / "pairs.csv").resolve()]
    assert (root / "pairs.csv").is_file()
