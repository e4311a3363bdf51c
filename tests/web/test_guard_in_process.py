"""The guarded web app called in process (no server, no browser): the fast lane's check of
coopselect.web.serve, .guard and .shinyapp. A request without the run's token is refused before
it reaches Shiny; the page that comes with the token is Shiny's, and sets the HttpOnly cookie.
The real server (a child process) is checked in test_web_app.py (slow)."""

from __future__ import annotations

import asyncio
import importlib.util

import pytest

from coopselect.io.loaders.case_loader import load_case

# Skipped without Shiny (the 'web' extra). Looked up, not imported: collecting the suite
# then does not import Shiny (about a second) in a worker that runs none of these tests.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("shiny") is None,
    reason="Shiny for Python (the 'web' extra) is not installed",
)

PORT, TOKEN = 8765, "t0ken"


def _call(app, path: str, query: str = "", host: str = f"127.0.0.1:{PORT}") -> list[dict]:
    """One HTTP GET through the ASGI app; the messages it sent."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(b"host", host.encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", PORT),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def _status_headers_body(sent: list[dict]) -> tuple[int, dict[bytes, bytes], bytes]:
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], dict(start.get("headers", [])), body


@pytest.fixture(scope="module")
def guarded():
    from coopselect.web.serve import is_loopback, make_asgi

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and not is_loopback("10.0.0.1")
    app, guard = make_asgi(lambda: load_case(None), "en", PORT, "127.0.0.1", TOKEN, 1)
    return app, guard


def test_a_request_without_the_token_is_refused_before_the_app(guarded):
    app, _ = guarded
    for query, host in (("", f"127.0.0.1:{PORT}"), ("token=wrong", f"127.0.0.1:{PORT}")):
        status, _, body = _status_headers_body(_call(app, "/", query, host))
        assert status == 403 and body.startswith(b"coopselect: "), (query, status, body)
    status, _, _ = _status_headers_body(_call(app, "/", f"token={TOKEN}", f"evil.example:{PORT}"))
    assert status == 403  # a foreign Host (DNS rebinding), even with the token


def test_the_page_with_the_token_is_shinys_and_sets_the_cookie(guarded):
    from coopselect.app.web import COOKIE

    app, _ = guarded
    status, headers, body = _status_headers_body(_call(app, "/", f"token={TOKEN}"))
    assert status == 200, body[:200]
    cookie = headers[b"set-cookie"].decode()
    assert cookie.startswith(f"{COOKIE}={TOKEN};") and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert b"<html" in body.lower() and b"shiny" in body.lower()
