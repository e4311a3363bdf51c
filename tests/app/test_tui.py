"""The app driven through textual's Pilot (no pytest-asyncio: each test runs its own loop)."""

from __future__ import annotations

import asyncio
import tomllib
from dataclasses import replace

import pytest
from textual.widgets import DataTable

from coopselect.app.screens import ConfirmScreen, ErrorScreen, HelpScreen, InputScreen
from coopselect.app.tui import CoopselectApp
from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.judgments import judgment_matrix
from coopselect.pipeline import rank

SIZE = (100, 30)


def run(coro):
    return asyncio.run(coro)


def table_keys(app):
    return app.query_one("#rank-table").keys()


def shown(widget) -> str:
    """The text a Static shows, whatever rich renderable it holds."""
    import io

    from rich.console import Console

    con = Console(width=200, file=io.StringIO(), record=True)
    con.print(widget.content)
    return con.export_text()


def rank_keys(result):
    return [f"{p.country}:{p.mode}" for p in result.pairs]


@pytest.fixture
def case_file(tmp_path, default_case_text):
    path = tmp_path / "case.toml"
    path.write_text("# analyst notes stay\n" + default_case_text, encoding="utf-8")
    return path


def test_weight_edit_reorders_like_core_rank(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            assert table_keys(app) == rank_keys(rank(load_case(case_file)))
            await pilot.press("2")  # weights page, cursor on the first criterion
            for _ in range(15):
                await pilot.press("plus")
            await pilot.pause()
            w = app.state.current_weights()
            assert sum(w.values()) == pytest.approx(1.0)
            expected = rank(
                replace(load_case(case_file), weights_preset="custom", custom_weights=w)
            )
            assert table_keys(app) == rank_keys(expected)
            # typed value through the input dialog
            await pilot.press("down", "down", "enter")
            assert isinstance(app.screen, InputScreen)
            app.screen.query_one("#dialog-input").value = ""
            await pilot.press(*list("0.7"), "enter")
            await pilot.pause()
            cid = app.state.case.hierarchy.criterion_ids[2]
            assert app.state.current_weights()[cid] == pytest.approx(0.7)
            expected = rank(app.state.case)
            assert table_keys(app) == rank_keys(expected)
            await pilot.press("u")
            assert app.state.current_weights() == pytest.approx(w)
            await pilot.press("U")
            assert app.state.current_weights()[cid] == pytest.approx(0.7)
            assert table_keys(app) == rank_keys(expected)

    run(go())


def test_judgment_edit_updates_cr_like_the_ahp_engine(case_file):
    from coopselect.ahp import priorities

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3")
            table = app.query_one("#ahp-table", DataTable)
            table.move_cursor(row=0, column=2)  # political_risk vs infrastructure
            await pilot.press("plus", "plus", "plus")
            await pilot.pause()
            labels = app.state.case.hierarchy.criterion_ids
            assert app.state.judgment_value(labels[0], labels[1]) == pytest.approx(5)
            m = judgment_matrix(app.state.case.hierarchy.judgments, labels)
            res = priorities(m, method="eigen", ri="saaty1980")
            assert app.state.result.weights.top.cr == pytest.approx(float(res.cr))
            info = str(app.query_one("#ahp-info").render())
            assert f"{float(res.cr):.4f}" in info
            assert table_keys(app) == rank_keys(rank(app.state.case))
            # f applies the suggested value of the worst judgment
            await pilot.press("f")
            await pilot.pause()
            assert app.state.undo_stack[-1].what.startswith("judgment")

    run(go())


def test_save_writes_file_keeps_comments_and_backup(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")  # ahp -> fraser
            await pilot.press("s")
            await pilot.pause()
            assert not app.state.dirty
            await pilot.press("q")
            await pilot.pause()
        return app

    app = run(go())
    text = case_file.read_text(encoding="utf-8")
    assert text.startswith("# analyst notes stay")
    assert tomllib.loads(text)["weights"] == "fraser"
    bak = case_file.with_name("case.toml.bak")
    assert bak.exists() and 'weights = "ahp"' in bak.read_text(encoding="utf-8")
    assert app.return_code in (None, 0)


def test_stale_file_needs_confirmation(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            case_file.write_text(case_file.read_text() + "\n# edited elsewhere\n")
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
            assert "edited elsewhere" in case_file.read_text()
            assert tomllib.loads(case_file.read_text())["weights"] == "ahp"
            assert app.state.dirty
            await pilot.press("s")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert tomllib.loads(case_file.read_text())["weights"] == "fraser"

    run(go())


def test_bundled_case_saves_to_a_named_copy(tmp_path, monkeypatch):
    from coopselect.paths import cases_dir

    monkeypatch.chdir(tmp_path)
    bundled = cases_dir() / "central_asia.toml"
    before = bundled.read_text(encoding="utf-8")

    async def go():
        app = CoopselectApp(None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p", "s")
            await pilot.pause()
            assert isinstance(app.screen, InputScreen)
            await pilot.press("enter")  # default: ./central_asia.toml
            await pilot.pause()
            assert app.path == tmp_path / "central_asia.toml"

    run(go())
    assert bundled.read_text(encoding="utf-8") == before
    assert tomllib.loads((tmp_path / "central_asia.toml").read_text())["weights"] == "fraser"


def test_quit_clean_and_unsaved_prompt(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b")  # a view change is not an edit
            await pilot.press("p")
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await pilot.pause()
        return app

    app = run(go())
    assert app.return_code in (None, 0)


def test_bad_case_file_shows_error_screen(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('countries = ["KAZ"\n', encoding="utf-8")

    async def go():
        app = CoopselectApp(bad)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ErrorScreen)
            msg = str(app.screen.query_one("#error-message").render())
            assert "invalid TOML" in msg and "bad.toml" in msg
            await pilot.press("q")
        return app

    app = run(go())
    assert app.error and "invalid TOML" in app.error


def test_filter_best_view_help_language_and_detail(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash", *list("UZB"), "escape")
            assert table_keys(app) and all(k.startswith("UZB:") for k in table_keys(app))
            app.query_one("#filter").value = ""
            await pilot.press("b")
            keys = table_keys(app)
            best = app.state.result.best_mode_by_country()
            assert keys == [f"{p.country}:{p.mode}" for p in best.values()]
            await pilot.press("enter")
            await pilot.pause()
            assert app.query_one("TabbedContent").active == "detail"
            body = shown(app.query_one("#detail-body"))
            assert "WGI" in body and "World Bank" in body
            await pilot.press("l")
            await pilot.pause()
            assert "国家" in str(app.query_one("#keys").render()) or app.lang == "zh"
            assert app.query_one("TabbedContent").get_tab("rank").label.plain == "排名"
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.press("1")
            assert not isinstance(app.screen, HelpScreen)

    run(go())


def test_method_switch_from_the_list(case_file):
    from coopselect.methods import available_methods

    others = [str(m) for m in available_methods() if str(m) != "topsis"]
    if not others:
        pytest.skip("only one method registered")

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await pilot.pause()
            app.screen.query_one("#choice-list").highlighted = [
                str(m) for m in available_methods()
            ].index(others[0])
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.case.method == others[0]
            assert table_keys(app) == rank_keys(rank(load_case(case_file), method=others[0]))

    run(go())


def test_export_uses_reports_when_present(case_file, tmp_path, monkeypatch):
    import sys
    import types

    written = {}

    def write_report(result, path, lang="en"):
        written.update(result=result, path=path, lang=lang)
        path.write_text("report", encoding="utf-8")
        return path

    fake = types.ModuleType("coopselect.reports")
    fake.write_report = write_report
    monkeypatch.setitem(sys.modules, "coopselect.reports", fake)
    target = tmp_path / "r.md"

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p", "e")
            await pilot.pause()
            app.screen.query_one("#dialog-input").value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert written["result"] is app.state.result

    run(go())
    assert target.read_text() == "report"
