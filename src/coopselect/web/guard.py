"""The ASGI wrapper that puts :class:`coopselect.app.web.Guard` in front of the web app.

Every HTTP request and WebSocket passes the guard's checks (Host, Origin, cross-site, the run's
token from the URL or its cookie); the page that comes with the token sets the cookie
(``HttpOnly``, ``SameSite=Strict``); a WebSocket beyond the session cap is closed before it is
accepted. Nothing here knows the framework behind it.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from coopselect.app.web import COOKIE, Guard


class Headers(dict):
    """Request headers by case-insensitive name (ASGI gives lower-case bytes)."""

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


def _headers(scope: dict) -> Headers:
    return Headers((k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope["headers"])


def _cookie(headers: Headers) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("Cookie", ""))
    except Exception:  # a malformed Cookie header is no token
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel else None


class GuardedASGI:
    """``app`` behind ``guard``."""

    def __init__(self, app: Any, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        kind = scope.get("type")
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [None])[0]
        refused = self.guard.check(headers, token, _cookie(headers), websocket=kind == "websocket")
        if refused is None and kind == "websocket" and not self.guard.session_free():
            refused = (503, f"{self.guard.max_sessions} sessions are open already")
        if refused is not None:
            if kind == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await _text(send, refused[0], f"coopselect: {refused[1]}\n")
            return
        if kind == "websocket":
            self.guard.sessions += 1
            try:
                await self.app(scope, receive, send)
            finally:
                self.guard.sessions -= 1
            return
        if scope.get("path") == "/" and self.guard.token_ok(token):
            await self.app(scope, receive, self._with_cookie(send))
            return
        await self.app(scope, receive, send)

    def _with_cookie(self, send: Any) -> Any:
        cookie = f"{COOKIE}={self.guard.token}; HttpOnly; SameSite=Strict; Path=/"

        async def wrapped(message: dict) -> None:
            if message.get("type") == "http.response.start":
                extra = [
                    (b"set-cookie", cookie.encode("latin-1")),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return wrapped


async def _text(send: Any, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
