"""ESG pressure as the project's ESG risk (pair model v3, DESIGN point 3; docs/criteria.md): weak
institutions raise it and so do demanding standards and scrutiny, in both criteria sets, on every
economy the data cover."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.io.loaders import adhoc
from coopselect.pipeline import prepare


@pytest.fixture(scope="module", params=["default", "commercial"])
def esg_order(request):
    _case, _cw, scores, _problem = prepare(adhoc.adhoc_case("all", "copper", request.param))
    x = scores.criterion("esg_pressure")
    order = np.argsort(-x, kind="stable")  # most favourable (least ESG risk) first
    return [scores.countries[i] for i in order], x, scores


def test_a_weak_state_is_not_an_esg_advantage(esg_order):
    ranked, _x, _scores = esg_order
    assert len(ranked) > 200
    assert "SSD" not in ranked[:50]  # South Sudan: among the weakest institutions
    assert "JPN" not in ranked[-50:]  # Japan: demanding, but manageable


def test_the_risk_is_u_shaped_in_institutional_capacity(esg_order):
    """Across WGI government effectiveness, the least-risk economies sit between the ends: the
    weakest tenth carries more risk than the middle, and so do the core MSP partners' standards."""
    _ranked, x, scores = esg_order
    from coopselect.io.data import policy

    j = scores.indicators.index("wgi_ge")
    ge = scores.raw[:, j]
    ok = np.isfinite(ge)
    lo, mid = np.nanquantile(ge, 0.1), (np.nanquantile(ge, 0.4), np.nanquantile(ge, 0.7))
    weakest = x[ok & (ge <= lo)].mean()
    middle = x[ok & (ge >= mid[0]) & (ge <= mid[1])].mean()
    assert weakest < middle
    core = [k for k in scores.countries if policy.alliance_tier(k) == "core"]
    assert np.mean([x[scores.countries.index(k)] for k in core]) < middle
