"""``coopselect web``: the pages' content (no browser), the guard in front of the real server,
and the app in headless Chromium: the ranking, map and reasons render, a weight move re-ranks, the
language switches live and the XLSX download opens."""

from __future__ import annotations

import asyncio
import base64
import importlib.util
import io
import os
import socket
import subprocess
import sys
import time

import pytest

from browser_cdp import Browser, browser_missing, free_port, stop
from coopselect.app.state import AppState
from coopselect.io.loaders.case_loader import load_case
from coopselect.web import views

# Skipped without Shiny (the 'web' extra). Looked up, not imported: collecting the suite
# then does not import Shiny (about a second) in a worker that runs none of these tests.
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("shiny") is None,
    reason="Shiny for Python (the 'web' extra) is not installed",
)

REQUIRED = os.environ.get("COOPSELECT_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def state():
    return AppState.open(load_case(None))


# --- what the pages show (plain data) ------------------------------------------------------------


def test_ranking_views_and_filter(state):
    cols, rows = views.ranking_table(state, "en", "pairs")
    assert cols[:4] == ["Rank", "Country", "ISO3", "Mode"] and len(rows) == 35
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    _c, by_country = views.ranking_table(state, "en", "country")
    assert sorted(r[2] for r in by_country) == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    _c, by_mode = views.ranking_table(state, "en", "mode")
    assert len({r[3] for r in by_mode}) == len(by_mode) == 7
    _c, hit = views.ranking_table(state, "en", "pairs", "tajik")
    assert hit and all(r[2] == "TJK" for r in hit)
    zh_cols, zh_rows = views.ranking_table(state, "zh", "country")
    assert zh_cols[1] == "国家" and "哈萨克斯坦" in {r[1] for r in zh_rows}


def test_host_reason_and_map(state):
    lines, rows = views.host_reason(state, "en", "KAZ")
    assert any("Kazakhstan" in line for line in lines) and len(rows) == 7
    assert rows[0][0] < rows[1][0]  # best mode first
    svg = views.map_html(state, "en")
    assert "<svg" in svg and "Kazakhstan" in svg


def test_judgments_name_the_worst_when_inconsistent():
    st = AppState.open(load_case(None))
    jv = views.judgment_view(st, "en")
    assert len(jv["cells"]) == len(jv["labels"]) == 4
    a, b = jv["ids"][0], jv["ids"][1]
    st.set_judgment(a, b, 9.0)
    st.set_judgment(b, jv["ids"][2], 9.0)
    st.set_judgment(jv["ids"][2], a, 9.0)  # a circle: strongly inconsistent
    jv = views.judgment_view(st, "en")
    assert jv["cr"] > 0.10 and jv["worst"] and "Most inconsistent judgment" in jv["worst"]


def test_method_agreement_lists_five_methods(state):
    cols, rows = views.method_agreement(state, "en")
    assert cols[1:6] == list(views.MAIN_METHODS) and len(rows) == 5
    assert all(1 <= r[6] <= 5 for r in rows)
    assert all(r[7].endswith("%") for r in rows)  # TOPSIS has a batched kernel
    assert all(r[-1].startswith(r[0]) for r in rows)  # the verdict names the host


def test_brief_and_robustness_views(state):
    brief = views.report_bytes(state, "zh", views.BRIEF, samples=200).decode("utf-8")
    assert brief.startswith("<!DOCTYPE html>") and "哈萨克斯坦" in brief
    lines = views.host_removals(state, "en")
    assert lines and all(isinstance(x, str) and x for x in lines)
    from coopselect.app.robust import run

    rows = views.acceptability_rows(state, "en", run(state.result, samples=300))
    assert rows and all(0.0 <= a <= 1.0 for _p, a in rows)
    assert rows[0][0].startswith(tuple(n for n in ("Kazakhstan", "Tajikistan", "Uzbekistan")))


def test_report_downloads_are_real_files(state):
    import openpyxl

    data = views.report_bytes(state, "en", "xlsx", samples=0)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames
    csv = views.report_bytes(state, "zh", "csv", samples=0).decode("utf-8-sig")
    assert "哈萨克斯坦" in csv


# --- the server -------------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path):
    port = free_port()
    log = tmp_path / "server.log"
    argv = [sys.executable, "-c", "from coopselect.cli import entry; entry()"]
    argv += ["web", "--port", str(port), "--max-sessions", "1"]
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = None
        end = time.monotonic() + 60
        while time.monotonic() < end and url is None:
            if proc.poll() is not None:
                pytest.fail(f"the server exited: {log.read_text(errors='replace')}")
            for word in log.read_text(encoding="utf-8", errors="replace").split():
                if word.startswith(f"http://127.0.0.1:{port}/?token="):
                    url = word
            time.sleep(0.1)
        assert url, log.read_text(errors="replace")
        while time.monotonic() < end:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port, url
    finally:
        stop(proc)


@pytest.mark.slow
def test_server_refuses_foreign_pages_tokenless_requests_and_extra_sessions(server):
    import aiohttp

    port, url = server
    token = url.split("=", 1)[1]
    own = f"http://127.0.0.1:{port}"

    async def get(path, headers=None, cookies=None):
        jar = cookies or {}
        async with (
            aiohttp.ClientSession(cookies=jar) as http,
            http.get(own + path, headers=headers or {}) as r,
        ):
            return r.status, r.cookies

    async def ws(headers, cookies=None):
        async with aiohttp.ClientSession(cookies=cookies or {}) as http:
            try:
                async with http.ws_connect(
                    f"ws://127.0.0.1:{port}/websocket/", headers=headers
                ) as sock:
                    await asyncio.sleep(0.2)
                    closed = sock.closed
                    await sock.close()
                    return "open" if not closed else "closed"
            except aiohttp.WSServerHandshakeError as err:
                return err.status

    assert asyncio.run(get("/"))[0] == 403
    assert asyncio.run(get(f"/?token={token}", {"Host": f"evil.example:{port}"}))[0] == 403
    assert asyncio.run(get(f"/?token={token}", {"Origin": "http://evil.example"}))[0] == 403
    status, cookies = asyncio.run(get(f"/?token={token}"))
    assert status == 200 and cookies["coopselect_token"].value == token
    assert cookies["coopselect_token"]["samesite"] == "Strict"
    good = {"coopselect_token": token}
    assert asyncio.run(ws({"Origin": "http://evil.example"}, good)) == 403
    assert asyncio.run(ws({"Origin": own})) == 403  # no token
    assert asyncio.run(ws({"Origin": own}, good)) == "open"

    async def two():
        async with aiohttp.ClientSession(cookies=good) as http:
            url_ws = f"ws://127.0.0.1:{port}/websocket/"
            async with http.ws_connect(url_ws, headers={"Origin": own}):
                await asyncio.sleep(0.2)
                try:
                    async with http.ws_connect(url_ws, headers={"Origin": own}):
                        return "second open"
                except aiohttp.WSServerHandshakeError as err:
                    return err.status

    assert asyncio.run(two()) == 403  # beyond --max-sessions 1


# --- in a real browser ------------------------------------------------------------------------

ROWS = "document.querySelectorAll('#ranking-table tbody tr').length"
FIRST = "Array.from(document.querySelectorAll('#ranking-table tbody tr')).map(r => r.innerText)"


@pytest.mark.slow
def test_in_chromium_ranking_map_reasons_slider_language_download(server, tmp_path):
    missing = browser_missing()
    if missing is not None and not REQUIRED:
        pytest.skip(missing)
    _port, url = server
    shot = tmp_path / "web.png"

    async def go():
        async with Browser(tmp_path / "profile") as b:
            await b.open(url)
            assert await b.wait_for(f"{ROWS} >= 35", 60)
            text = await b.eval("document.body.innerText")
            assert "Kazakhstan" in text and "showing 35 of 35 pairs" in text
            # the map and a host's reason
            await b.eval("document.querySelector('a[data-value=\"map\"]').click()")
            assert await b.wait_for("!!document.querySelector('#worldmap svg path')", 30)
            await b.eval("document.querySelector('a[data-value=\"hosts\"]').click()")
            assert await b.wait_for(
                "document.querySelector('#host_reason') && "
                "document.querySelector('#host_reason').innerText.includes('Best mode here')",
                30,
            )
            await b.eval("document.querySelector('a[data-value=\"ranking\"]').click()")
            await b.screenshot(shot)
            before = await b.eval(FIRST)
            # a weight move re-ranks: all weight on ESG pressure
            await b.eval("Shiny.setInputValue('w_esg_pressure', 90)")
            await b.wait_for(f"JSON.stringify({FIRST}) !== {json_str(before)}", 30)
            after = await b.eval(FIRST)
            assert after != before
            # the language switches live, and the filter typed before survives it
            await b.eval("Shiny.setInputValue('needle', 'KAZ')")
            assert await b.wait_for(f"{ROWS} === 7", 30)
            await b.eval('document.querySelector(\'input[name="lang"][value="zh"]\').click()')
            assert await b.wait_for(
                "document.body.innerText.includes('合作模式') && "
                "document.body.innerText.includes('哈萨克斯坦')",
                30,
            )
            assert await b.wait_for(f"{ROWS} === 7", 30)
            assert await b.eval("document.querySelector('#needle').value") == "KAZ"
            # the weights in force are the sliders' shares, and stay so (no echo between them)
            shown = await b.eval("document.querySelector('#weights-in-force').innerText")
            await asyncio.sleep(2)
            assert await b.eval("document.querySelector('#weights-in-force').innerText") == shown
            # robustness: method agreement, SMAA acceptability bars and leave-one-host-out
            await b.eval("document.querySelector('a[data-value=\"robust\"]').click()")
            assert await b.wait_for("!!document.querySelector('#agreement table')", 60)
            await b.eval("document.querySelector('#smaa').click()")
            assert await b.wait_for("!!document.querySelector('#smaa-bars tbody tr')", 60)
            await b.eval("document.querySelector('#loo').click()")
            assert await b.wait_for("document.querySelectorAll('#loo-lines p').length > 0", 60)
            # the XLSX download, fetched as the browser's link does (the session's cookie)
            await b.wait_for("!!document.querySelector('#dl_xlsx').getAttribute('href')", 30)
            b64 = await b.eval(
                "fetch(document.querySelector('#dl_xlsx').href).then(r => r.arrayBuffer())"
                ".then(buf => { let s = ''; const u = new Uint8Array(buf);"
                " for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);"
                " return btoa(s); })"
            )
            return base64.b64decode(b64)

    data = asyncio.run(go())
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000  # a drawn page, not a blank one


def json_str(value) -> str:
    import json

    return json.dumps(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def test_save_is_hash_checked_and_keeps_the_file(tmp_path, default_case_text):
    """The web app saves through the terminal app's save: a backup, comments kept, and a file
    changed on disk since it was opened is not overwritten."""
    from coopselect.app.save import StaleFileError

    path = tmp_path / "case.toml"
    path.write_text("# mine\n" + default_case_text, encoding="utf-8")
    st = AppState.open(load_case(path))
    opened = views.OpenedFile.of(st.case)
    assert opened.savable
    st.set_weight("esg_pressure", 0.5)
    assert opened.save(st) == path
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\n") and 'weights = "custom"' in text
    assert (tmp_path / "case.toml.bak").read_text(encoding="utf-8").startswith("# mine\n")
    path.write_text(text + "\n# someone else\n", encoding="utf-8")
    st.set_weight("esg_pressure", 0.3)
    with pytest.raises(StaleFileError):
        opened.save(st)
    assert path.read_text(encoding="utf-8").endswith("# someone else\n")
    default = AppState.open(load_case(None))
    bundled = views.OpenedFile.of(default.case)
    assert not bundled.savable  # a bundled case is downloaded, never written in place
    assert "[" in bundled.text_of(default)
