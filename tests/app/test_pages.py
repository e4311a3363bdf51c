"""The pages added with the split: attribute weights, sub-criteria, reasons, what-ifs, compare,
the method picker, export progress and every label in Chinese."""

from __future__ import annotations

import asyncio
import tomllib

import pytest
from textual.widgets import DataTable

from coopselect.app.filing import BusyScreen
from coopselect.app.labels import KEYBAR_COMMON, KEYS, L
from coopselect.app.pages import PAGES
from coopselect.app.screens import ChoiceScreen, InputScreen
from coopselect.app.tui import CoopselectApp
from coopselect.io.loaders.case_loader import load_case
from coopselect.pipeline import rank

SIZE = (130, 42)


def run(coro):
    return asyncio.run(coro)


def keys_of(result):
    return [f"{p.country}:{p.mode}" for p in result.pairs]


def screen_text(app) -> str:
    """Every character on screen, row by row (modal screens included)."""
    update = app.screen._compositor.render_update(full=True)
    return "\n".join("".join(seg.text for seg in strip) for strip in update.strips)


@pytest.fixture
def case_file(tmp_path, default_case_text):
    path = tmp_path / "case.toml"
    path.write_text(default_case_text, encoding="utf-8")
    return path


def test_attribute_share_and_weights_edit_like_core_rank(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2")
            table = app.query_one("#weights-table", DataTable)
            n_crit = len(app.state.case.hierarchy.criterion_ids)
            table.move_cursor(row=n_crit)  # the share row
            await pilot.press("plus", "plus")
            await pilot.pause()
            assert app.state.case.mode_attributes.share == pytest.approx(0.17)
            table.move_cursor(row=n_crit + 1)  # the first attribute
            await pilot.press("plus")
            await pilot.pause()
            w = app.state.case.mode_attributes.weights
            assert sum(w.values()) == pytest.approx(1.0)
            assert keys_of(app.state.result) == keys_of(rank(app.state.case))
            # share 0 drops the attribute columns; raising it again brings them back
            table.move_cursor(row=n_crit)
            await pilot.press("enter")
            assert isinstance(app.screen, InputScreen)
            app.screen.query_one("#dialog-input").value = "0"
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.case.mode_attributes.share == 0
            assert keys_of(app.state.result) == keys_of(rank(app.state.case))
            assert len(app.state.result.problem.columns) == n_crit

    run(go())


def test_subcriteria_judgment_reason_and_save(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3", "c")  # the first criterion with sub-criteria
            page = app.query_one("#page-ahp")
            crit = page.criterion
            assert crit is not None
            a, b = app.state.labels(crit)[:2]
            app.query_one("#ahp-table", DataTable).move_cursor(row=0, column=2)
            before = app.state.judgment_value(a, b, crit)
            await pilot.press("plus")
            await pilot.pause()
            assert app.state.judgment_value(a, b, crit) > before
            assert keys_of(app.state.result) == keys_of(rank(app.state.case))
            assert "sub" in str(app.query_one("#ahp-which").render()).lower()
            await pilot.press("r")
            assert isinstance(app.screen, InputScreen)
            app.screen.query_one("#dialog-input").value = "our [bold]site[/] visit, 2026"
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.judgment(a, b, crit).reason == "our [bold]site[/] visit, 2026"
            assert "[bold]site[/]" in screen_text(app)  # shown as text, never as markup
            await pilot.press("s")
            await pilot.pause()
            assert not app.state.dirty
            return crit, a, b, app.state.result

    crit, a, b, result = run(go())
    data = tomllib.loads(case_file.read_text(encoding="utf-8"))
    copy = case_file.with_name("case.criteria.toml")
    assert data["criteria"] == "case.criteria.toml" and copy.exists()
    subs = tomllib.loads(copy.read_text(encoding="utf-8"))["subjudgments"]
    mine = [j for j in subs if j["criterion"] == crit and {j["a"], j["b"]} == {a, b}]
    assert mine and mine[0]["reason"] == "our [bold]site[/] visit, 2026"
    again = load_case(case_file)
    assert keys_of(rank(again)) == keys_of(result)


def test_whatif_scenario_setting_and_compare(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("6")
            scen = app.query_one("#whatif-scenarios", DataTable)
            scen.move_cursor(row=2)  # the second scenario of the case
            await pilot.press("enter")
            await pilot.pause()
            sid = list(app.state.case.scenarios)[1]
            assert app.state.whatif.scenario == sid
            await pilot.press("a")
            app.screen.query_one("#dialog-input").value = "kaz.governance=0.9"
            await pilot.press("enter")
            await pilot.pause()
            expected = rank(load_case(case_file), scenario=sid, settings=["KAZ.governance=0.9"])
            assert keys_of(app.state.result) == keys_of(expected)
            assert not app.state.dirty  # a what-if is not an edit of the case file
            header = str(app.query_one("#header").render())
            assert f"what-if: {sid} + 1 setting" in header
            assert "KAZ.governance = 0.9" in screen_text(app)
            await pilot.press("a")
            app.screen.query_one("#dialog-input").value = "XXX.governance=0.9"
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.whatif.settings == ("KAZ.governance=0.9",)  # refused, kept
            # compare: A = baseline, B = the current what-ifs
            await pilot.press("7")
            await pilot.pause()
            table = app.query_one("#compare-table", DataTable)
            base = rank(load_case(case_file))
            assert table.row_count == len(base.pairs)
            first = table.coordinate_to_cell_key((0, 0)).row_key.value
            assert first == keys_of(expected)[0]
            await pilot.press("b")
            await pilot.pause()
            assert table.row_count == len(base.best_mode_by_country())
            await pilot.press("right_square_bracket")
            assert isinstance(app.screen, ChoiceScreen)
            await pilot.press("escape")
            # undo takes the what-ifs back one by one
            await pilot.press("u", "u")
            await pilot.pause()
            assert app.state.whatif.empty
            assert keys_of(app.state.result) == keys_of(base)

    run(go())


def test_method_picker_describes_every_method(case_file):
    from coopselect.methods import available_methods

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)
            labels = [label for _, label in app.screen.choices]
            assert len(labels) == len(available_methods())
            assert all(len(label.split(maxsplit=1)) == 2 for label in labels)
            assert any("ideal" in label for label in labels)

    run(go())


def test_export_shows_progress_while_writing(case_file, tmp_path, monkeypatch):
    import sys
    import threading
    import types

    release = threading.Event()

    def write_report(result, path, lang="en"):
        release.wait(10)
        path.write_text("report", encoding="utf-8")
        return path

    fake = types.ModuleType("coopselect.reports")
    fake.write_report = write_report
    monkeypatch.setitem(sys.modules, "coopselect.reports", fake)
    target = tmp_path / "r.md"

    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#dialog-input").value = str(target)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, BusyScreen)
            assert "Writing the report" in screen_text(app)
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
            assert not isinstance(app.screen, BusyScreen)

    run(go())
    assert target.read_text() == "report"


def test_export_default_path_stays_in_the_folder(tmp_path, monkeypatch):
    from dataclasses import replace

    monkeypatch.chdir(tmp_path)

    async def go():
        app = CoopselectApp(None)
        async with app.run_test(size=SIZE):
            for bad in ("../../x", "/etc/x", "..", "a/../../b\x1b[2J"):
                app.state.case = replace(app.state.case, id=bad)
                for path in (app.default_report(), app.default_copy()):
                    assert path.parent == tmp_path, (bad, path)
                    assert "\x1b" not in path.name and not path.name.startswith(".")

    run(go())


def test_best_per_country_status_line(case_file):
    async def go():
        app = CoopselectApp(case_file)
        async with app.run_test(size=SIZE) as pilot:
            total = len(app.state.result.pairs)
            hosts = len(app.state.result.best_mode_by_country())
            await pilot.press("b")
            await pilot.pause()
            status = str(app.query_one("#rank-status").render())
            assert f"showing {hosts} of {total} pairs (best mode per country)" in status

    run(go())


def _english_labels() -> set[str]:
    out = set()
    labels = [*L.values(), KEYBAR_COMMON, *(label for _, label in KEYS)]
    labels += [p.TAB for p in PAGES] + [p.KEYS for p in PAGES]
    for label in labels:
        if label.en != label.zh:
            out.add(label.en)
    return out


def test_every_page_in_chinese_shows_no_english_label(case_file):
    """No English text of the app's own labels on any page (texts of the data files, such as
    reasons written in English only, are the files' and may appear)."""
    english = sorted(_english_labels(), key=len, reverse=True)

    async def go():
        app = CoopselectApp(case_file, "zh")
        found = {}
        async with app.run_test(size=SIZE) as pilot:
            for i, page in enumerate(PAGES, start=1):
                await pilot.press(str(i))
                await pilot.pause()
                text = screen_text(app)
                hits = [e for e in english if len(e) > 3 and e in text]
                if hits:
                    found[page.ID] = hits
            await pilot.press("question_mark")
            await pilot.pause()
            hits = [e for e in english if len(e) > 3 and e in screen_text(app)]
            if hits:
                found["help"] = hits
        return found

    assert run(go()) == {}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ahp_page_says_when_judgments_are_not_in_use_and_names_completed_ones(
    tmp_path, default_case_text, lang
):
    from coopselect.ahp.in_force import completed_note

    text = default_case_text.replace('weights = "ahp"', 'weights = "custom"')
    text = text.replace(
        "[case]",
        'custom_weights_basis = "test"\n\n[custom_weights]\npolitical_risk = 1\n'
        "infrastructure = 1\nresource_endowment = 1\nesg_pressure = 1\n\n[case]",
        1,
    )
    # the case's own judgments, one pair left out (completed by the engine)
    for a, b, v in [
        ("resource_endowment", "political_risk", 2),
        ("resource_endowment", "infrastructure", 3),
        ("resource_endowment", "esg_pressure", 4),
        ("political_risk", "infrastructure", 2),
        ("political_risk", "esg_pressure", 3),
    ]:
        text += f'\n[[judgments]]\na = "{a}"\nb = "{b}"\nvalue = {v}\nreason = "t"\n'
    path = tmp_path / "custom.toml"
    path.write_text(text, encoding="utf-8")

    async def go():
        app = CoopselectApp(path, lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3")
            await pilot.pause()
            shown = screen_text(app)
            top = app.state.result.weights.top
            return shown, top

    shown, top = run(go())
    unused = L["judgments_unused"](lang).format(p="custom")
    assert unused[:30] in shown
    (f,) = top.completed
    names = {c.id: c.name(lang) for c in load_case(path).hierarchy.criteria}
    note = completed_note(names[top.labels[f.row]], names[top.labels[f.col]], f.value, lang)
    assert note[:25] in shown
