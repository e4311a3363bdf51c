"""``coopselect web``: the case option group reaches the sessions. ``--data-dir`` is read once,
before anything listens (a mistyped folder is one line, exit 2), and every session ranks on that
snapshot. The server itself is tested in tests/web and tests/app/test_web.py."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app


def _capture(monkeypatch):
    import coopselect.web.serve as serve_module

    seen: dict = {}

    def fake_serve(load_case, lang, **kwargs):
        seen.update(kwargs, case=load_case(), lang=lang)
        return 0

    monkeypatch.setattr(serve_module, "serve", fake_serve)
    return seen


def test_the_sessions_get_the_data_folder_given(tmp_path, monkeypatch):
    seen = _capture(monkeypatch)
    res = CliRunner().invoke(app, ["web", "--data-dir", str(tmp_path), "--lang", "zh"])
    assert res.exit_code == 0, res.output
    assert seen["data"].folder == tmp_path and seen["lang"] == "zh"
    assert seen["case"].id == "central_asia"


def test_a_mistyped_data_dir_stops_before_anything_listens(tmp_path, monkeypatch):
    seen = _capture(monkeypatch)
    res = CliRunner().invoke(app, ["web", "--data-dir", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "--data-dir" in res.output and "does not exist" in res.output
    assert seen == {}


def test_a_session_opens_on_the_snapshot_it_is_given(tmp_path, monkeypatch):
    """build_app hands its snapshot to every session's AppState."""
    import coopselect.web.shinyapp as shinyapp
    from coopselect.io.data.snapshot import DataSnapshot

    snap = DataSnapshot.read(tmp_path)
    opened = []

    class Stop(Exception):
        pass

    def fake_open(case, data=None):
        opened.append(data)
        raise Stop

    monkeypatch.setattr(shinyapp.AppState, "open", staticmethod(fake_open))
    web_app = shinyapp.build_app(lambda: None, "en", data=snap)
    with pytest.raises(Stop):
        web_app.server(None, None, None)  # shiny.App keeps the session function as .server
    assert opened == [snap]
