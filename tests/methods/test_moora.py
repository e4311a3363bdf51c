"""MOORA (ratio system) against two published examples, pymcdm, and its own rules
(the properties every method shares: test_method_properties.py)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.messages import render
from coopselect.methods.moora import moora

# Siregar, V. M. M., Tampubolon, M. R., Parapat, E. P. S., Malau, E. I. & Hutagalung, D. S.
# (2021). Decision support system for selection technique using MOORA method. IOP Conference
# Series: Materials Science and Engineering 1088(1), 012022: seven alternatives, four criteria
# (C1 a cost). Published optimisation values y_i, to four decimals:
# 0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197 (asserted in pymcdm's test suite,
# TestMOORA).
SI_X = np.array(
    [
        [1.5, 3, 5, 3.3],
        [2, 7, 5, 3.35],
        [3, 1, 5, 3.07],
        [2.2, 4, 5, 3.5],
        [2, 5, 3, 3.09],
        [3.2, 2, 3, 3.48],
        [2.775, 3, 5, 3.27],
    ]
)
SI_W = np.array([0.3, 0.2, 0.1, 0.4])
SI_T = np.array([-1, 1, 1, 1])

# Karabasevic, D., Stanujkic, D., Urosevic, S. & Maksimovic, M. (2015). Selection of candidates in
# the mining industry based on the application of the SWARA and the MULTIMOORA methods. Acta
# Montanistica Slovaca 20(2): three candidates, seven benefit criteria, SWARA weights.
# Published ratio-system values, to three decimals: 0.494, 0.527, 0.677 (asserted in
# pyrepo-mcda's test suite, Test_MOORA).
KA_X = np.array([[4, 3, 3, 4, 3, 2, 4], [3, 3, 4, 3, 5, 4, 4], [5, 4, 4, 5, 5, 5, 4]], dtype=float)
KA_W = np.array([0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073])


def test_siregar_et_al_2021_example():
    res = moora(SI_X, SI_W, SI_T)
    assert np.round(res.scores, 4).tolist() == [
        0.1801,
        0.2345,
        0.0625,
        0.1757,
        0.1683,
        0.0742,
        0.1197,
    ]
    assert res.ranks.tolist() == [2, 1, 7, 3, 4, 6, 5]
    assert res.higher_is_better
    assert res.scores == pytest.approx(res.extras["benefit_sum"] - res.extras["cost_sum"])


def test_karabasevic_et_al_2015_example():
    res = moora(KA_X, KA_W, np.ones(7))
    assert np.round(res.scores, 3).tolist() == [0.494, 0.527, 0.677]
    assert res.ranks.tolist() == [3, 2, 1]
    assert np.all(res.extras["cost_sum"] == 0)


@pytest.mark.filterwarnings("ignore::UserWarning")  # pymcdm warns about a dominant alternative
def test_agrees_with_pymcdm_and_accepts_benefit_only_data():
    """pymcdm's MOORA is the same ratio system but refuses data without a cost criterion."""
    from pymcdm.methods import MOORA

    rng = np.random.default_rng(17)
    x = rng.uniform(1, 10, size=(12, 5))
    w = rng.dirichlet(np.ones(5))
    t = np.array([1, -1, 1, 1, -1])
    assert moora(x, w, t).scores == pytest.approx(MOORA()(x, w, t), abs=1e-12)
    with pytest.raises(ValueError):
        MOORA()(KA_X, KA_W, np.ones(7))


def test_constant_column_keeps_the_ranks_and_zero_weight_drops_out():
    x = np.column_stack([SI_X, np.full(7, 4.0), np.arange(7.0)])
    res = moora(x, np.append(SI_W * 0.9, [0.1, 0.0]), np.append(SI_T, [-1, 1]))
    assert res.ranks.tolist() == moora(SI_X, SI_W, SI_T).ranks.tolist()
    assert any("criterion 5 is constant" in render(n, "en") for n in res.notes)
    assert any("criterion 6 has weight 0" in render(n, "en") for n in res.notes)


def test_all_zero_column_is_zero_not_nan():
    x = np.column_stack([SI_X, np.zeros(7)])
    res = moora(x, np.append(SI_W * 0.9, 0.1), np.append(SI_T, 1))
    assert np.all(np.isfinite(res.scores))
    assert np.all(res.extras["normalized"][:, 4] == 0)
    assert any("criterion 5 is all zeros" in render(n, "en") for n in res.notes)
