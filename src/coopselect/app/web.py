"""``coopselect app --web``: the same app in the browser through textual's own web server
(``textual-serve``, the optional extra ``web``). Each browser tab runs one app process
(``python -m coopselect.app ...``); the server listens on localhost only."""

from __future__ import annotations

import shlex
import socket
import sys
from collections.abc import Sequence

from coopselect.errors import CoopselectError

HOST = "127.0.0.1"


def free_port(host: str = HOST) -> int:
    """A port the system says is free now (the server binds it right after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def app_command(case: str | None, lang: str, extra: Sequence[str] = ()) -> str:
    """The shell command textual-serve runs for each browser session (every part quoted)."""
    argv = [sys.executable, "-m", "coopselect.app", "--lang", lang, *extra]
    if case:
        argv += ["--", str(case)]
    return shlex.join(argv)


def serve(
    case: str | None = None,
    lang: str = "en",
    *,
    port: int | None = None,
    extra: Sequence[str] = (),
) -> int:
    """Serve the app on http://127.0.0.1:PORT until Ctrl+C (``port`` None: a free one)."""
    try:
        from textual_serve.server import Server
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
    port = port or free_port()
    url = f"http://{HOST}:{port}"
    server = Server(app_command(case, lang, extra), host=HOST, port=port, title="coopselect")
    server.public_url = url
    print(f"coopselect app: {url} (Ctrl+C stops the server)", flush=True)
    try:
        server.serve()
    except OSError as err:
        raise CoopselectError(
            f"cannot listen on {HOST}:{port}: {err.strerror or err}.",
            place="--port",
            fix="choose another port, or leave --port out to take a free one.",
        ) from None
    return 0
