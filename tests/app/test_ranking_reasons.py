"""The ranking page shows, under the table, the highlighted host's reason in plain words
(coopselect.narrative.host_reason), for every host, in both languages; the header names AIJ or
AIP when the case's judgments come from [[experts]]."""

from __future__ import annotations

import asyncio

import pytest

from coopselect.app.tui import CoopselectApp
from coopselect.narrative import host_reasons
from coopselect.pipeline import rank

SIZE = (130, 42)


@pytest.fixture
def case_file(tmp_path, default_case_text):
    path = tmp_path / "case.toml"
    path.write_text(default_case_text, encoding="utf-8")
    return path


def _plain(widget) -> str:
    return str(widget.render()).replace("\n", " ")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_host_shows_its_reason_on_the_ranking_page(case_file, lang):
    want = host_reasons(rank(case_file), lang)

    async def go():
        app = CoopselectApp(case_file, lang)
        seen: dict[str, str] = {}
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b")  # best mode per country: one row per host
            await pilot.pause()
            table = app.query_one("#rank-table")
            for _ in range(len(table.rows)):
                iso = table.cursor_key.partition(":")[0]
                seen[iso] = _plain(app.query_one("#rank-why"))
                await pilot.press("down")
                await pilot.pause()
            # all pairs again: the reason follows the highlighted pair's host
            await pilot.press("b")
            await pilot.pause()
            await pilot.press("end")
            await pilot.pause()
            last = table.cursor_key.partition(":")[0]
            seen["last pair"] = (last, _plain(app.query_one("#rank-why")))
        return seen

    seen = run(go())
    last, text = seen.pop("last pair")
    assert sorted(seen) == sorted(want)
    for iso, reason in want.items():
        assert reason in seen[iso]
    assert want[last] in text


def test_the_header_names_the_group_rule(tmp_path, default_case_text):
    experts = ""
    for name, vec in (("A", [0.4, 0.3, 0.2, 0.1]), ("B", [0.1, 0.2, 0.3, 0.4])):
        ids = ["political_risk", "infrastructure", "resource_endowment", "esg_pressure"]
        experts += f'\n[[experts]]\nname = "{name}"\n'
        for i in range(4):
            for k in range(i + 1, 4):
                experts += (
                    f'\n[[experts.judgments]]\na = "{ids[i]}"\nb = "{ids[k]}"\n'
                    f"value = {vec[i] / vec[k]!r}\n"
                )
    text = default_case_text.replace(
        'weights = "ahp"', 'weights = "ahp"\njudgments_aggregate = "aip"', 1
    )
    path = tmp_path / "group.toml"
    path.write_text(text + experts, encoding="utf-8")

    async def go():
        app = CoopselectApp(path, "en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3")  # the AHP page
            await pilot.pause()
            return str(app.query_one("#header").render())

    assert "ahp, 2 experts, AIP" in run(go())


def run(coro):
    return asyncio.run(coro)
