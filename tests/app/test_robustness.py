"""The robustness page: SMAA in a worker thread with progress; the app keeps taking edits."""

from __future__ import annotations

import asyncio
import sys
import time
import types

import pytest

from coopselect.app.tui import CoopselectApp


def fake_smaa_module(delay: float = 0.002):
    """A stand-in for coopselect.sensitivity.smaa with the agreed signature."""
    calls = {}

    def run_smaa(
        dm,
        method="topsis",
        samples=100,
        seed=0,
        ranks=3,
        weight_sampler="dirichlet",
        concentration=None,
        progress=None,
        **params,
    ):
        calls.update(method=method, samples=samples, ranks=ranks, params=params)
        for k in range(samples):
            if progress and k % 50 == 0:
                progress(k, samples)
            time.sleep(delay / 50)
        if progress:
            progress(samples, samples)
        alts = dm.alternatives
        ra = {a: [1.0 if i == 0 else 0.0] + [0.0] * (ranks - 1) for i, a in enumerate(alts)}
        return {
            "rank_acceptability": ra,
            "holistic_acceptability": {a: 1.0 / (i + 1) for i, a in enumerate(alts)},
            "central_weights": {},
            "confidence": {a: 1.0 for a in alts},
        }

    mod = types.ModuleType("coopselect.sensitivity.smaa")
    mod.run_smaa = run_smaa
    return mod, calls


@pytest.fixture
def fake_smaa(monkeypatch):
    try:
        import coopselect.sensitivity.smaa  # noqa: F401

        real = True
    except ImportError:
        real = False
    mod, calls = fake_smaa_module()
    if not real:
        monkeypatch.setitem(sys.modules, "coopselect.sensitivity.smaa", mod)
    return calls if not real else None


def test_smaa_runs_in_background_with_progress(fake_smaa):
    async def go():
        app = CoopselectApp(None)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("g")
            await pilot.pause()
            assert app.query_one("TabbedContent").active == "robust"
            # the app still takes edits while the worker runs
            await pilot.press("2", "plus")
            await pilot.pause()
            assert app.state.can_undo
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("5")
            await pilot.pause()
            assert app.smaa_out is not None
            table = app.query_one("#robust-table")
            assert table.row_count > 0
            bar = app.query_one("#robust-progress")
            assert bar.progress == bar.total
            if fake_smaa is None:  # the real SMAA: its verdict in words is shown
                assert "sampled weightings" in str(app.query_one("#robust-info").render())

    asyncio.run(go())
    if fake_smaa is not None:
        assert fake_smaa["method"] == "topsis" and fake_smaa["params"] == {
            "normalization": "vector"
        }


def test_robustness_page_says_when_smaa_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "coopselect.sensitivity.smaa", None)

    async def go():
        app = CoopselectApp(None)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("g")
            await pilot.pause()
            text = str(app.query_one("#robust-info").render())
            assert "not available" in text

    asyncio.run(go())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_robustness_page_says_what_leaving_one_host_out_changes(lang):
    """After the SMAA run the page says, as the report and `sensitivity --leave-host-out` do, for
    how many hosts leaving it out reorders other pairs, and names every best mode that changes
    (pair model v3: in the Central Asia case, TOPSIS's vector normalisation lets the removal of
    four of the five hosts reorder other pairs; no host's best mode changes)."""
    from coopselect.app import robust
    from coopselect.app.labels import L
    from coopselect.pipeline import rank

    check = robust.host_check(rank("central_asia"))
    assert check is not None and not check.stable
    moved = sum(bool(r.flipped) for r in check.removals)
    expected = [L["loo_unstable"](lang).format(n=moved, k=len(check.removals))]
    from coopselect.io.data import reference

    cat = rank("central_asia").case.catalog
    for r in check.removals:
        for h, before, after in r.best_mode_changed:
            expected.append(
                L["loo_best"](lang)
                .format(
                    host=reference.countries()[h].name(lang),
                    before=cat.get(before).name(lang),
                    after=cat.get(after).name(lang),
                    gone=reference.countries()[r.removed].name(lang),
                )
                .strip()
            )

    async def go():
        app = CoopselectApp("central_asia", lang=lang)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("g")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = " ".join(str(app.query_one("#robust-info").render()).split())
            for line in expected:
                assert " ".join(line.split()) in text

    asyncio.run(go())
