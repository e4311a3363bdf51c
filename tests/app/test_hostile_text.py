"""Issue 23, "one neutraliser for every output": a case whose names, reasons and titles hold OSC 0
(window title), OSC 8 (hyperlink), OSC 52 (clipboard), CSI 2J (clear screen, also as the C1 byte
0x9b), BEL, U+202E (right-to-left override) and U+2067 (right-to-left isolate) shows them
escaped, as the command line does, in the app (driven through textual's Pilot; what the screen
draws is read back), and in the CSV and JSON of ``report``.

The app's drawing is checked twice: without the app's last line filter (every text must already be
escaped where it enters a widget: the escaped forms are on screen) and with it (a raw control
character that reaches a widget anyway is dropped). An unusable data folder stops the app in one
line (exit 2).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import DataTable, Input, Static
from typer.testing import CliRunner

from coopselect.app.tui import CoopselectApp
from coopselect.paths import cases_dir, criteria_dir
from coopselect.textsafety import visible

OSC0 = "\x1b]0;pwned\x07"
OSC8 = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
BEL = "\x07"
RLO = "\u202e"
RLI = "\u2067"  # right-to-left isolate
C1_CSI = "\x9b"  # the one-byte CSI of 8-bit terminals
RAW = ("\x1b", "\x07", RLO, RLI, C1_CSI)

TITLE = f"Case{OSC0}{RLO}x"
CRITERION = f"Resource{OSC0} endowment"
CRITERION_2 = f"Political{RLO}ksir"
REASON = f"Because{OSC52}{CLEAR}{BEL}{RLO} resources matter."
MODE_TRADE = f"Trade{OSC8}"
MODE_EQUITY = f"Equity{CLEAR}{BEL}{C1_CSI}2J{RLI}"
SCENARIO = f"Ban{OSC52}{RLO}"
SIZE = (160, 50)


def toml_str(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid TOML basic string here


def _swap(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The bundled Central Asia case with hostile criterion, mode and scenario names, a hostile
    judgment reason and title; criteria and modes are copies next to it."""
    folder = tmp_path_factory.mktemp("hostile_text")
    crit = (criteria_dir() / "commercial.toml").read_text(encoding="utf-8")
    crit = _swap(crit, 'name_en = "Resource endowment"', f"name_en = {toml_str(CRITERION)}")
    crit = _swap(crit, 'name_en = "Political risk"', f"name_en = {toml_str(CRITERION_2)}")
    crit = _swap(
        crit,
        'reason = "Complementary resources are why the project exists (seed 000 sec. 2); a '
        'governance risk can be partly mitigated by the choice of mode."',
        f"reason = {toml_str(REASON)}",
    )
    (folder / "criteria.toml").write_text(crit, encoding="utf-8")
    modes = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
    modes = _swap(modes, 'name_en = "Mineral trade"', f"name_en = {toml_str(MODE_TRADE)}")
    modes = _swap(modes, 'name_en = "Equity acquisition"', f"name_en = {toml_str(MODE_EQUITY)}")
    (folder / "modes.toml").write_text(modes, encoding="utf-8")
    case = (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")
    case = _swap(case, 'criteria = "commercial"', 'criteria = "criteria.toml"')
    case = _swap(case, 'mode_profiles = "modes"', 'mode_profiles = "modes.toml"')
    case = _swap(
        case,
        'title_en = "Shaanxi and the five Central Asian states"',
        f"title_en = {toml_str(TITLE)}",
    )
    case = _swap(
        case,
        'title_en = "Uzbekistan bans exports of unprocessed ore"',
        f"title_en = {toml_str(SCENARIO)}",
    )
    path = folder / "hostile.toml"
    path.write_text(case, encoding="utf-8")
    return path


def screen_text(app: App) -> str:
    """The characters the app would send to the terminal for the whole screen (styles left out,
    text exactly as drawn, after the app's line filters)."""
    con = Console(width=app.size.width, file=io.StringIO(), record=True, force_terminal=True)
    con.print(app.screen._compositor.render_update(full=True))
    return con.export_text(styles=False)


def assert_inert(text: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{raw!r} reaches the terminal"


def flat(text: str) -> str:
    return "".join(text.split())


def assert_shown(text: str, *names: str) -> None:
    """Each name shows escaped ("\\x1b]0;pwned\\x07"), as the command line shows it."""
    for name in names:
        assert flat(visible(name)) in flat(text), f"{visible(name)!r} is not on screen"


async def _visit_every_page(app: CoopselectApp, pilot) -> dict[str, str]:
    seen = {}
    for key, page in zip(
        "1234567", ("rank", "weights", "ahp", "detail", "robust", "whatif", "compare"), strict=True
    ):
        await pilot.press(key)
        await pilot.pause()
        seen[page] = screen_text(app)
    return seen


def test_every_page_shows_hostile_text_escaped(hostile, monkeypatch):
    """Without the last line filter: what every widget was given is already escaped."""
    monkeypatch.setattr(CoopselectApp, "get_line_filters", App.get_line_filters)

    async def go():
        app = CoopselectApp(hostile)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            seen = await _visit_every_page(app, pilot)
            for text in seen.values():
                assert_inert(text)
                assert_shown(text.splitlines()[0], TITLE)  # the header
            # the ranking's mode column cuts long names: the first 30 characters as shown
            assert_shown(seen["rank"], MODE_EQUITY)
            assert flat(visible(MODE_TRADE))[:30] in flat(seen["rank"])
            assert_shown(seen["weights"], CRITERION, CRITERION_2)
            assert_shown(seen["detail"], CRITERION)
            assert_shown(seen["whatif"], SCENARIO)
            # The AHP page: the judgment "resource endowment vs political risk" and its reason.
            await pilot.press("3")
            table = app.query_one("#ahp-table", DataTable)
            labels = app.state.labels(None)
            row, col = labels.index("resource_endowment"), labels.index("political_risk")
            table.move_cursor(row=row, column=col + 1)
            await pilot.pause()
            text = screen_text(app)
            assert_inert(text)
            assert_shown(text, CRITERION, CRITERION_2, REASON)
            # The reason editor starts with the reason as shown; submitted unchanged, the reason
            # is kept as it is in the file (it is data), and nothing raw is drawn meanwhile.
            await pilot.press("r")
            await pilot.pause()
            field = app.screen.query_one(Input)
            assert field.value == visible(REASON)
            text = screen_text(app)
            assert_inert(text)
            assert_shown(text, CRITERION, CRITERION_2)
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.judgment("resource_endowment", "political_risk").reason == REASON
            # A choice list (compare: pick side B) lists the scenario titles escaped.
            await pilot.press("7")
            await pilot.press("right_square_bracket")
            await pilot.pause()
            text = screen_text(app)
            assert_inert(text)
            assert_shown(text, SCENARIO)

    asyncio.run(go())


def test_screenshot_and_notifications_hold_no_raw_control(hostile, tmp_path):
    """With the app as it runs: the exported screenshot, and a notification whose message holds
    a path with escape sequences."""

    async def go():
        app = CoopselectApp(hostile)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            blocker = tmp_path / f"file{CLEAR}{OSC0}"
            blocker.write_text("not a folder", encoding="utf-8")
            app._save_to(blocker / "copy.toml", force=False)  # fails: a file is in the way
            await pilot.pause()
            text = screen_text(app)
            assert_inert(text)
            assert_shown(text, f"file{CLEAR}{OSC0}")
            svg = app.export_screenshot()
            assert_inert(svg)
            assert "x1b]0;pwned" in svg

    asyncio.run(go())


def test_the_last_filter_drops_raw_control_characters(hostile):
    """A widget given raw text (as an input field holds what was typed or pasted) draws nothing
    of its control characters: the layout stays, the sequence is gone."""

    async def go():
        app = CoopselectApp(hostile)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            field = app.query_one("#filter", Input)
            field.value = f"KAZ{OSC52}"
            await pilot.pause()
            app.query_one("#rank-status", Static).update(f"left{OSC0}{CLEAR}{RLO}right")
            await pilot.pause()
            text = screen_text(app)
            assert_inert(text)
            assert "left]0;pwned[2Jright" in text  # the rest of the text still shows
            assert field.value == f"KAZ{OSC52}"  # what was typed is kept as typed

    asyncio.run(go())


def test_a_case_path_with_escapes_shows_escaped_in_the_error_screen(tmp_path):
    async def go():
        app = CoopselectApp(tmp_path / f"case{OSC0}{CLEAR}.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert_inert(text)
            assert_shown(text, f"case{OSC0}{CLEAR}.toml")

    asyncio.run(go())


# ---- the report's CSV and JSON --------------------------------------------------------------


@pytest.fixture(scope="module")
def report_files(hostile, tmp_path_factory):
    from coopselect.cli.main import app

    out = tmp_path_factory.mktemp("hostile_report")
    args = ["report", str(hostile), "--out", str(out), "--formats", "csv,json", "-s", "0"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    return out


def test_report_csv_shows_hostile_names_escaped(report_files):
    data = (report_files / "pairs.csv").read_text(encoding="utf-8-sig")
    assert_inert(data)
    modes = {row[3] for row in csv.reader(io.StringIO(data))}
    assert visible(MODE_TRADE) in modes and visible(MODE_EQUITY) in modes


def test_report_json_shows_hostile_text_escaped(report_files):
    text = (report_files / "report.json").read_text(encoding="utf-8")
    assert_inert(text)
    doc = json.loads(text)
    strings = list(_strings(doc))
    assert_inert("".join(strings))  # the values, not only the file, hold no control character
    reasons = [j["reason"] for j in doc["weights"]["ahp"]["judgments"]]
    assert visible(REASON) in reasons
    assert doc["title"] == visible(TITLE)
    assert visible(MODE_TRADE) in strings and visible(MODE_EQUITY) in strings


def _strings(obj):
    """Every key and string value of a JSON document."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


# ---- an unusable data folder ----------------------------------------------------------------


def _folder(kind: str, tmp_path: Path, monkeypatch) -> Path:
    if kind == "missing":
        return tmp_path / "nowhere"
    if kind == "file":
        path = tmp_path / "a_file"
        path.write_text("", encoding="utf-8")
        return path
    # unreadable: tests may run as root, where permissions do not bite; the listing fails instead
    import os

    path = tmp_path / "locked"
    path.mkdir()
    real = os.scandir

    def refuse(p="."):
        if Path(p) == path:
            raise PermissionError(13, "Permission denied", str(p))
        return real(p)

    monkeypatch.setattr(os, "scandir", refuse)
    return path


WHY = {"missing": "does not exist", "file": "is a file", "unreadable": "Permission denied"}


@pytest.mark.parametrize("kind", list(WHY))
def test_unusable_data_folder_stops_the_app_in_one_line(kind, tmp_path, monkeypatch, capsys):
    from coopselect.app.__main__ import main

    folder = _folder(kind, tmp_path, monkeypatch)
    monkeypatch.setenv("COOPSELECT_DATA_DIR", str(folder))
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert str(folder) in err and "$COOPSELECT_DATA_DIR" in err and WHY[kind] in err
    assert "Fix: " in err and "Traceback" not in err


@pytest.mark.parametrize("kind", list(WHY))
def test_unusable_data_dir_option_of_the_app_command(kind, tmp_path, monkeypatch):
    from coopselect.cli.main import app

    folder = _folder(kind, tmp_path, monkeypatch)
    res = CliRunner().invoke(app, ["app", "--data-dir", str(folder)])
    assert res.exit_code == 2
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "--data-dir" in res.output and WHY[kind] in res.output and "Fix: " in res.output


def test_a_missing_default_data_folder_is_fine(tmp_path, monkeypatch):
    """Nothing imported yet: the default folder need not exist."""
    from coopselect.io.data import vintages
    from coopselect.io.data.folder import check_data_dir

    monkeypatch.delenv("COOPSELECT_DATA_DIR")
    monkeypatch.setattr(vintages, "default_data_dir", lambda: tmp_path / "not_yet")
    assert check_data_dir(vintages.folder_of(None)) == tmp_path / "not_yet"
