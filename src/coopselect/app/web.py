"""``coopselect app --web``: the same app in the browser through textual's own web server
(``textual-serve``, the optional extra ``web``). Each browser tab runs one app process
(``python -m coopselect.app ...``); the server listens on localhost only.

A browser lets any page it shows open a WebSocket to ``127.0.0.1`` (the same-origin policy does
not apply to WebSockets), and a DNS-rebinding page reaches it under a foreign ``Host``. Without
guards, any web page the user visits could type into the app (save a case as ``~/.bashrc``, start
processes). So the server (:class:`GuardedServer`) refuses, for every request:

- a ``Host`` other than ``127.0.0.1:PORT`` or ``localhost:PORT`` (DNS rebinding);
- an ``Origin`` other than the server's own, and a WebSocket without one (another page);
- a cross-site navigation (``Sec-Fetch-Site: cross-site``);
- a page, WebSocket or download without the run's random token: the URL the command prints
  carries it (``?token=``); the page then keeps it in an ``HttpOnly``, ``SameSite=Strict``
  cookie, which a foreign page's WebSocket does not carry;
- a session beyond ``max_sessions`` (each session is a process).

Each app process is told its write root (``COOPSELECT_WRITE_ROOT``, :mod:`coopselect.app.confine`):
save as and export are refused outside it.
"""

from __future__ import annotations

import hmac
import os
import secrets
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coopselect.app.confine import WRITE_ROOT_ENV
from coopselect.errors import CoopselectError

HOST = "127.0.0.1"
COOKIE = "coopselect_token"
DEFAULT_MAX_SESSIONS = 3
MAX_SESSIONS_LIMIT = 50


def free_port(host: str = HOST) -> int:
    """A port the system says is free now (the server binds it right after)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def app_command(case: str | None, lang: str, extra: Sequence[str] = ()) -> str:
    """The shell command textual-serve runs for each browser session (every part quoted)."""
    argv = [sys.executable, "-m", "coopselect.app", "--lang", lang, *extra]
    if case:
        argv += ["--", str(case)]
    return shlex.join(argv)


def new_token() -> str:
    """A random per-run token (192 bits)."""
    return secrets.token_urlsafe(24)


class Guard:
    """The request checks of one server run, apart from any web framework (the terminal app's
    textual-serve server and ``coopselect web`` both use it).

    ``check`` returns None when the request may pass, else (HTTP status, reason)."""

    def __init__(
        self,
        port: int,
        token: str,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        host: str = HOST,
    ) -> None:
        self.port = port
        self.token = token
        self.max_sessions = max_sessions
        self.sessions = 0
        # Bound to every interface (0.0.0.0, ::), the server is reached under the machine's
        # names and addresses, which it cannot list: any Host then, but the Origin must be the
        # page's own (the Host it was asked for) and the token is required as everywhere.
        self.any_host = host in ("0.0.0.0", "::")
        names = {host, HOST, "localhost"} - {"0.0.0.0", "::"}
        self.hosts = {f"[{h}]:{port}" if ":" in h else f"{h}:{port}" for h in names}
        self.origins = {f"http://{h}" for h in self.hosts}

    def token_ok(self, value: str | None) -> bool:
        if not value:
            return False
        # bytes: compare_digest refuses non-ASCII text (a 500 before; now a plain refusal)
        return hmac.compare_digest(str(value).encode("utf-8"), self.token.encode("utf-8"))

    def check(
        self,
        headers: Any,
        query_token: str | None,
        cookie_token: str | None,
        *,
        websocket: bool = False,
        public: bool = False,
    ) -> tuple[int, str] | None:
        """``headers``: a mapping with case-insensitive ``get`` (or title-case keys);
        ``public``: a file that needs no session (the web terminal's own script)."""
        host = headers.get("Host", "")
        if host not in self.hosts and not (self.any_host and host):
            return 403, f"unknown Host {host!r}: open the address the command printed"
        origin = headers.get("Origin")
        own = self.origins | ({f"http://{host}"} if self.any_host else set())
        if origin is not None and origin not in own:
            return 403, f"requests from {origin!r} are refused (no other page may drive the app)"
        if headers.get("Sec-Fetch-Site") == "cross-site":
            return 403, "cross-site requests are refused"
        if public:
            return None
        if websocket and origin is None:
            return 403, "a WebSocket without an Origin is refused"
        if not (self.token_ok(query_token) or self.token_ok(cookie_token)):
            return 403, "this address needs the token the command printed (…/?token=…)"
        return None

    def session_free(self) -> bool:
        return self.sessions < self.max_sessions


def _server_class() -> type:
    """The textual-serve Server with :class:`Guard` in front (built lazily: aiohttp is an
    optional dependency)."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.server import Server

    class GuardedServer(Server):
        def __init__(self, command: str, *, port: int, guard: Guard, title: str) -> None:
            super().__init__(command, host=HOST, port=port, title=title)
            self.public_url = f"http://{HOST}:{port}"
            self.guard = guard

        async def _make_app(self) -> web.Application:
            app = web.Application(middlewares=[self._guard_middleware])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self._capped_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        @web.middleware
        async def _guard_middleware(self, request: web.Request, handler):
            refused = self.guard.check(
                request.headers,
                request.query.get("token"),
                request.cookies.get(COOKIE),
                websocket=request.path == "/ws",
                public=request.path.startswith("/static/"),
            )
            if refused is not None:
                status, reason = refused
                return web.Response(status=status, text=f"coopselect: {reason}\n")
            if request.path == "/" and request.headers.get("Host", "").startswith("localhost:"):
                # One origin for the page and its WebSocket (the cookie belongs to one host).
                raise web.HTTPFound(f"{self.public_url}/?token={self.guard.token}")
            response = await handler(request)
            if request.path == "/":
                response.set_cookie(
                    COOKIE, self.guard.token, httponly=True, samesite="Strict", path="/"
                )
                response.headers["Referrer-Policy"] = "no-referrer"
                response.headers["X-Frame-Options"] = "DENY"
                response.headers["Cache-Control"] = "no-store"
            return response

        async def _capped_websocket(self, request: web.Request) -> web.StreamResponse:
            if not self.guard.session_free():
                return web.Response(
                    status=503,
                    text=f"coopselect: {self.guard.max_sessions} sessions are open already; "
                    "close a tab, or start the server with a larger --max-sessions\n",
                )
            self.guard.sessions += 1
            try:
                return await self.handle_websocket(request)
            finally:
                self.guard.sessions -= 1

        async def on_startup(self, app: web.Application) -> None:
            """Quiet: the command prints the one address to open."""

    return GuardedServer


def write_root_for(case: str | None, out_dir: str | None) -> Path:
    """Where a web session may write: ``out_dir`` if given, else the case file's folder, else
    ``./coopselect-web`` (a bundled case has no folder of the user's)."""
    if out_dir:
        return Path(out_dir).expanduser().resolve()
    if case:
        p = Path(case).expanduser()
        if p.suffix.lower() == ".toml" and p.is_file():
            return p.resolve().parent
    return (Path.cwd() / "coopselect-web").resolve()


def serve(
    case: str | None = None,
    lang: str = "en",
    *,
    port: int | None = None,
    extra: Sequence[str] = (),
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    out_dir: str | None = None,
) -> int:
    """Serve the app on http://127.0.0.1:PORT/?token=... until Ctrl+C (``port`` None: a free
    one)."""
    try:
        cls = _server_class()
    except ImportError as err:
        raise CoopselectError(
            f"the web server package is not installed ({err.name or err}).",
            place="--web",
            fix="pip install 'coopselect[web]' (textual-serve).",
        ) from None
    if port is not None and not 0 < port < 65536:
        raise CoopselectError(
            f"port {port} is outside 1..65535.", place="--port", fix="give e.g. --port 8000."
        )
    if not 1 <= max_sessions <= MAX_SESSIONS_LIMIT:
        raise CoopselectError(
            f"{max_sessions} sessions is outside 1..{MAX_SESSIONS_LIMIT}.",
            place="--max-sessions",
            fix="give a small number, e.g. --max-sessions 3 (each session is a process).",
        )
    root = write_root_for(case, out_dir)
    if root.exists() and not root.is_dir():
        raise CoopselectError(
            f"{root} is a file, not a folder.", place="--out-dir", fix="give a folder."
        )
    os.environ[WRITE_ROOT_ENV] = str(root)  # inherited by every session's app process
    port = port or free_port()
    guard = Guard(port, new_token(), max_sessions)
    server = cls(app_command(case, lang, extra), port=port, guard=guard, title="coopselect")
    print(
        f"coopselect app: http://{HOST}:{port}/?token={guard.token}\n"
        f"(Ctrl+C stops the server; at most {max_sessions} sessions; saves and exports go to "
        f"{root})",
        flush=True,
    )
    try:
        server.serve()
    except OSError as err:
        raise CoopselectError(
            f"cannot listen on {HOST}:{port}: {err.strerror or err}.",
            place="--port",
            fix="choose another port, or leave --port out to take a free one.",
        ) from None
    return 0
