"""Leaving one host out (coopselect.reversal): the flips and best-mode changes it reports are
checked against a TOPSIS written out here (Hwang & Yoon 1981, vector normalisation) on the
matrices the pipeline builds with and without each host."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.pipeline import prepare
from coopselect.reversal import host_removals
from hypothesis_budget import examples


def _closeness(x: np.ndarray, w: np.ndarray, types: np.ndarray) -> np.ndarray:
    """TOPSIS closeness: vector-normalised, weighted, distances to the ideal and anti-ideal."""
    v = x / np.sqrt((x**2).sum(axis=0)) * w
    best = np.where(types > 0, v.max(axis=0), v.min(axis=0))
    worst = np.where(types > 0, v.min(axis=0), v.max(axis=0))
    d_best = np.sqrt(((v - best) ** 2).sum(axis=1))
    d_worst = np.sqrt(((v - worst) ** 2).sum(axis=1))
    return d_worst / (d_best + d_worst)


def _scores(case) -> dict[str, float]:
    problem = prepare(case)[3]
    dm = problem.dm
    s = _closeness(dm.matrix, dm.weights, dm.types)
    return dict(zip(dm.alternatives, s.tolist(), strict=True))


@pytest.mark.parametrize("case_id", ["central_asia", "northeast_asia_precious"])
def test_flips_and_best_modes_match_a_topsis_written_out(case_id):
    case = load_case(case_id)
    check = host_removals(case, method="topsis")
    full = _scores(case)
    assert check.hosts == tuple(dict.fromkeys(a.split(":")[0] for a in full))
    for removal in check.removals:
        sub = _scores(
            replace(case, countries=tuple(c for c in case.countries if c != removal.removed))
        )
        keys = list(sub)
        expected = set()
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                was, now = round(full[a] - full[b], 9), round(sub[a] - sub[b], 9)
                if was * now < 0:
                    expected.add(frozenset((a, b)))
        assert {frozenset(f) for f in removal.flipped} == expected, removal.removed
        for above, below in removal.flipped:  # named in the order they had before
            assert full[above] > full[below]
        best = {}
        for scores in (full, sub):
            for host in {a.split(":")[0] for a in sub}:
                mine = {a: s for a, s in scores.items() if a.startswith(host + ":")}
                best.setdefault(host, []).append(max(mine, key=mine.get).split(":")[1])
        changed = {(h, b, a) for h, (b, a) in best.items() if b != a}
        assert set(removal.best_mode_changed) == changed, removal.removed
    # the case's own finding (pair model v3): TOPSIS's vector normalisation lets a removal
    # reorder other pairs in both cases
    assert not check.stable


def test_spotis_with_fixed_scales_moves_only_through_candidate_dependent_inputs():
    """SPOTIS on the model's fixed scales cannot reverse ranks by itself: on two bundled cases no
    removal reorders anything. In the critical-minerals case Zambia's LPI is filled with the
    median of the candidates (the case's impute rule), so removing a host moves Zambia's value:
    every flip there involves a Zambian pair, and removing Zambia itself flips nothing."""
    assert host_removals("central_asia", method="spotis").stable
    assert host_removals("northeast_asia_precious", method="spotis").stable
    check = host_removals("critical_minerals_alliances", method="spotis")
    flips = [f for r in check.removals for f in r.flipped]
    assert flips and all(a.startswith("ZMB:") or b.startswith("ZMB:") for a, b in flips)
    assert not next(r for r in check.removals if r.removed == "ZMB").flipped


def test_settings_on_the_removed_host_are_dropped_and_the_rest_apply():
    from coopselect.pipeline import rank
    from coopselect.reversal import compare_removal

    settings = ["KAZ.governance=0.2", "UZB.governance=0.9"]
    check = host_removals(None, settings=settings)
    base = rank(None, settings=settings)
    case = base.case
    for removal in check.removals:
        kept = [s for s in settings if not s.startswith(removal.removed + ".")]
        sub_case = replace(case, countries=tuple(c for c in case.countries if c != removal.removed))
        assert removal == compare_removal(base, rank(sub_case, settings=kept), removal.removed)
    assert check.to_dict() != host_removals(None).to_dict()


def test_fewer_than_three_hosts_is_a_clear_error():
    case = load_case("central_asia")
    with pytest.raises(CoopselectError) as err:
        host_removals(replace(case, countries=case.countries[:2]))
    assert "at least three" in err.value.message and err.value.fix


def test_json_lists_the_first_flips_and_counts_them_all():
    from coopselect.reversal import FLIPS_LISTED, HostRemoval, ReversalCheck

    flips = tuple((f"A:{i}", f"B:{i}") for i in range(FLIPS_LISTED + 50))
    check = ReversalCheck("topsis", ("A", "B", "C"), (HostRemoval("C", 500, flips, ()),))
    doc = check.to_dict()["removals"][0]
    assert doc["flipped_count"] == FLIPS_LISTED + 50
    assert doc["flipped"] == [list(f) for f in flips[:FLIPS_LISTED]]
    assert check.to_dict()["stable"] is False


@settings(max_examples=examples(200))
@given(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 6)), min_size=0, max_size=25))
def test_order_flips_equals_comparing_every_pair(items):
    """Against the definition, pair by pair: ties in either ranking are not an order."""
    from coopselect.reversal import order_flips

    items = sorted(items, key=lambda t: t[0])  # the first ranking's order
    before = np.array([b for b, _ in items], dtype=int)
    after = np.array([a for _, a in items], dtype=int)
    compared, flips = order_flips(before, after)
    expect_compared, expect_flips = 0, []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if before[i] != before[j] and after[i] != after[j]:
                expect_compared += 1
                if (before[i] < before[j]) != (after[i] < after[j]):
                    expect_flips.append((i, j))
    assert compared == expect_compared and flips == expect_flips


def test_order_flips_needs_the_first_rankings_order():
    from coopselect.reversal import order_flips

    with pytest.raises(ValueError):
        order_flips(np.array([2, 1]), np.array([1, 2]))
