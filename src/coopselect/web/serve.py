"""``coopselect web``: serve the web app on this machine, behind the session guard.

The server binds 127.0.0.1 unless ``host`` says otherwise (then the command warns: anyone who can
reach that address and has the printed link can use the app). The printed address carries the
run's token; every request and WebSocket is checked by :class:`coopselect.web.guard.GuardedASGI`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import TYPE_CHECKING

from coopselect.app.web import DEFAULT_MAX_SESSIONS, HOST, MAX_SESSIONS_LIMIT, Guard, free_port
from coopselect.app.web import new_token as _new_token
from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.io.data.snapshot import DataSnapshot


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_asgi(
    load_case: Callable,
    lang: str,
    port: int,
    host: str,
    token: str,
    max_sessions: int,
    data: DataSnapshot | None = None,
):
    """The guarded ASGI app (``load_case()`` gives each session its Case; ``data`` is the data
    snapshot every session reads, None: the default folder's, read per session)."""
    from coopselect.web.guard import GuardedASGI
    from coopselect.web.shinyapp import build_app

    guard = Guard(port, token, max_sessions, host=host)
    return GuardedASGI(build_app(load_case, lang, data=data), guard), guard


def serve(
    load_case: Callable,
    lang: str = "en",
    *,
    port: int | None = None,
    host: str = HOST,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    echo: Callable[[str], None] = print,
    data: DataSnapshot | None = None,
) -> int:
    try:
        import uvicorn
        from shiny import App  # noqa: F401
    except ImportError as err:
        raise CoopselectError(
            f"the web app's packages are not installed ({err.name or err}).",
            place="coopselect web",
            fix="pip install 'coopselect[web]' (Shiny for Python and uvicorn).",
        ) from None
    if not 1 <= max_sessions <= MAX_SESSIONS_LIMIT:
        raise CoopselectError(
            f"{max_sessions} sessions is outside 1..{MAX_SESSIONS_LIMIT}.",
            place="--max-sessions",
            fix="give a small number, e.g. --max-sessions 3.",
        )
    load_case()  # a broken case fails here, as a one-line error, before anything listens
    port = port or free_port(host if is_loopback(host) else "0.0.0.0")
    token = _new_token()
    app, _guard = make_asgi(load_case, lang, port, host, token, max_sessions, data)
    if not is_loopback(host):
        echo(
            f"warning: listening on {host}, not only on this machine: anyone who can reach it "
            "and has the link below can use the app and download reports."
        )
    shown = host if ":" not in host else f"[{host}]"
    echo(f"coopselect web: http://{shown}:{port}/?token={token}")
    echo(f"(Ctrl+C stops the server; at most {max_sessions} sessions)")
    import uvicorn

    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on")
    except OSError as err:
        raise CoopselectError(
            f"cannot listen on {host}:{port}: {err.strerror or err}.",
            place="--port",
            fix="choose another port, or leave --port out to take a free one.",
        ) from None
    return 0
