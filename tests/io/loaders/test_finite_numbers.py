"""Finite and bounded numbers at the input gate (issue 23): inf and nan are refused wherever a
file gives a number, with the key and its range; weights near the limits of a double weigh like
their ratios (no overflow of their sum: a zeroed endowment or a vanished attribute share)."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.numbers import finite_sum, sum_to_one
from coopselect.io.loaders.problem_loader import load_problem
from coopselect.messages import render
from coopselect.paths import cases_dir, criteria_dir
from coopselect.pipeline import rank

MINERALS = ("gold", "copper", "lead", "zinc", "silver", "antimony", "tungsten", "molybdenum")


def _case_text() -> str:
    return (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")


def _judged_minerals(text: str, value: str) -> str:
    """The Central Asia case with its minerals replaced by MINERALS, each judged ``value``."""
    ids = '["' + '", "'.join(MINERALS) + '"]'
    table = "\n".join(f"{m} = {value}" for m in MINERALS)
    block = (
        f'[minerals]\nids = {ids}\nweighting = "judgment"\njudgment_reason = "test"\n\n'
        f"[minerals.judgment]\n{table}\n\n"
    )
    return re.sub(r"(?ms)^\[minerals\]$.*?(?=^\[missing\]$)", block, text, count=1)


def _ranking(path) -> list[tuple[str, str, float]]:
    return [(p.country, p.mode, p.score) for p in rank(path).pairs]


# ---- weights near the limits of a double ---------------------------------------------------


def test_mineral_weights_near_the_float_limit_weigh_like_equal_ones(tmp_path):
    out = {}
    for value in ("1", "1e308", "1.7e308", "1e-308", "5e-324"):
        path = tmp_path / f"case_{len(out)}.toml"
        path.write_text(_judged_minerals(_case_text(), value), encoding="utf-8")
        case = load_case(path)
        assert case.minerals.weights == {m: 1 / len(MINERALS) for m in MINERALS}, value
        out[value] = _ranking(path)
    # the same ranking, score for score (before: 1e308 summed to inf, every host's endowment
    # became 0 and the top pair flipped to a trade pair)
    assert all(r == out["1"] for r in out.values())
    assert out["1"][0][1] != "trade"


def test_attribute_weights_near_the_float_limit_keep_their_share(tmp_path):
    text = _case_text()
    out = {}
    for value in ("1", "1e308", "1e-308"):
        changed = re.sub(
            r"(?m)^(time_to_supply|capital_intensity|ease_of_exit) = .*$", rf"\1 = {value}", text
        )
        path = tmp_path / f"case_{len(out)}.toml"
        path.write_text(changed, encoding="utf-8")
        res = rank(path)
        dm, kinds = res.problem.dm, res.problem.column_kind
        share = sum(w for w, k in zip(dm.weights, kinds, strict=True) if k == "attribute")
        assert share == pytest.approx(0.15, abs=1e-12), value  # before: 0 for 1e308
        out[value] = [(p.country, p.mode, p.score) for p in res.pairs]
    assert out["1e308"] == out["1"] == out["1e-308"]


def test_custom_criterion_weights_near_the_float_limit(tmp_path):
    ids = load_case(None).hierarchy.criterion_ids
    out = {}
    for value in ("1", "1e308"):
        table = "\n".join(f"{c} = {value}" for c in ids)
        text = _case_text().replace(
            'weights = "ahp"', 'weights = "custom"\ncustom_weights_basis = "test"'
        )
        text += f"\n[custom_weights]\n{table}\n"
        path = tmp_path / f"case_{value}.toml"
        path.write_text(text, encoding="utf-8")
        out[value] = _ranking(path)
    assert out["1e308"] == out["1"]


def test_problem_weights_near_the_float_limit(tmp_path):
    base = (
        'alternatives = ["A", "B", "C"]\nmatrix = [[1, 9], [2, 5], [3, 1]]\n'
        '[[criteria]]\nname = "x"\nweight = {w}\n[[criteria]]\nname = "y"\nweight = {w}\n'
    )
    weights = {}
    for w in ("1", "1e308", "1.7e308", "1e-308"):
        path = tmp_path / f"p{len(weights)}.toml"
        path.write_text(base.format(w=w), encoding="utf-8")
        prob = load_problem(path)
        weights[w] = prob.dm.weights.tolist()
        if w == "1.7e308":
            assert "summed to more than 1.8e308" in render(prob.notices[0], "en")
    assert all(v == [0.5, 0.5] for v in weights.values()), weights


@given(
    st.lists(
        st.floats(min_value=0.0, max_value=1.79e308, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=12,
    ).filter(lambda v: max(v) > 0)
)
def test_sum_to_one_never_overflows_and_ignores_the_scale(values):
    w = sum_to_one(values)
    assert all(math.isfinite(x) and x >= 0 for x in w)
    assert math.fsum(w) == pytest.approx(1.0, abs=1e-12)
    top = max(values)
    assert w[values.index(top)] == max(w)
    # the same ratios at another scale give the same weights (a power of two scales exactly)
    if top < 1e300 and min(v for v in values if v > 0) > 1e-290:
        assert sum_to_one([v * 2.0**20 for v in values]) == pytest.approx(w, rel=1e-12)


def test_finite_sum_shows_an_overflow_as_inf():
    assert finite_sum([1e308, 1e308]) == math.inf
    assert finite_sum([0.25, 0.5]) == 0.75
    assert finite_sum([]) == 0.0


def test_weights_that_are_all_zero_or_not_finite_are_refused():
    for bad in ([0.0, 0.0], [1.0, math.inf], [1.0, math.nan], [1.0, -1.0], []):
        with pytest.raises(ValueError):
            sum_to_one(bad)


# ---- inf and nan refused at the gate, with the key and its range --------------------------


def _refused(path, loader, *fragments: str) -> str:
    with pytest.raises(CoopselectError) as info:
        loader(path)
    text = str(info.value)
    assert "\n" not in text and "Fix:" in text, text
    for f in fragments:
        assert f in text, (f, text)
    return text


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("scale = [-2.5, 2.5]", "scale = [-2.5, inf]", ("scale[2]", "inf is not a finite")),
        ("scale = [-2.5, 2.5]", "scale = [nan, 2.5]", ("scale[1]", ">= -1e+12 and <= 1e+12")),
        ("scale = [-2.5, 2.5]", "scale = [-1e300, 2.5]", ("scale[1]", ">= -1e+12")),
        ("core = 1.0,", "core = nan,", ("tiers.core", "nan is not a finite number")),
        ("core = 1.0,", "core = inf,", ("tiers.core", ">= -1e+12 and <= 1e+12")),
        ("core = 1.0,", "core = 5.0,", ("tiers.core", "outside the indicator's scale [0, 1]")),
    ],
)
def test_criteria_file_numbers(tmp_path, old, new, fragments):
    text = (criteria_dir() / "default.toml").read_text(encoding="utf-8")
    assert old in text
    path = _write(tmp_path, "criteria.toml", text.replace(old, new, 1))
    from coopselect.io.loaders.hierarchy_loader import load_hierarchy

    _refused(path, load_hierarchy, *fragments)


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("widest_ratio = 20", "widest_ratio = inf", ("widest_ratio", "> 1 and <= 1e+06")),
        ("widest_ratio = 20", "widest_ratio = 1e9", ("widest_ratio", "<= 1e+06")),
        ("floor_share = 0.0001", "floor_share = nan", ("floor_share", "> 0 and < 1")),
        ("fraction_of_smallest = 0.1", "fraction_of_smallest = inf", ("> 0 and <= 1",)),
    ],
)
def test_modes_file_numbers(tmp_path, old, new, fragments):
    text = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
    assert old in text
    path = _write(tmp_path, "modes.toml", text.replace(old, new, 1))
    from coopselect.io.loaders.modes_loader import load_modes

    _refused(path, load_modes, *fragments)


def test_alliance_tiers_profile_values_and_attributes_in_the_modes_file(tmp_path):
    from coopselect.io.loaders.modes_loader import load_modes

    text = (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
    cases = [
        (r"(?m)^core = [0-9.]+", "core = nan", ("alliance_screening.core", ">= 0 and <= 1")),
        (r"(?m)^(capture_production = \{ value = )[0-9.]+", r"\1nan", ("outside [0, 1]",)),
        (r"(?m)^(capture_production = \{ value = )[0-9.]+", r"\1inf", ("use a value from 0 to 1",)),
        (r"(?m)^(capital_intensity = )[0-9.]+", r"\1nan", ("intrinsic", "outside the 1-5")),
        (r"(?m)^(capital_intensity = )[0-9.]+", r"\1-inf", ("from 1 to 5",)),
    ]
    for pattern, repl, fragments in cases:
        changed, n = re.subn(pattern, repl, text, count=1)
        assert n == 1, pattern
        _refused(_write(tmp_path, "modes.toml", changed), load_modes, *fragments)


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("share = 0.15", "share = nan", ("mode_attributes.share", ">= 0 and < 1")),
        ("share = 0.15", "share = inf", ("mode_attributes.share", ">= 0 and < 1")),
        ("ease_of_exit = 0.15", "ease_of_exit = inf", ("weights.ease_of_exit", "finite")),
        ("KGZ.state_participation=1", "KGZ.state_participation=nan", ("not a finite number",)),
    ],
)
def test_case_file_numbers(tmp_path, old, new, fragments):
    text = _case_text()
    assert old in text
    path = _write(tmp_path, "case.toml", text.replace(old, new, 1))
    _refused(path, load_case, *fragments)


def test_mineral_judgment_weights_must_be_finite_and_positive(tmp_path):
    text = _judged_minerals(_case_text(), "1")
    for value, fragment in (("inf", "not a finite number"), ("nan", "not a finite"), ("0", "> 0")):
        changed = text.replace("gold = 1\n", f"gold = {value}\n", 1)
        path = _write(tmp_path, "case.toml", changed)
        _refused(path, load_case, "minerals.judgment", fragment)


def test_a_problem_matrix_value_beyond_1e100_is_refused(tmp_path):
    path = _write(
        tmp_path,
        "p.toml",
        "matrix = [[1, 2], [1e101, 3]]\n[[criteria]]\nweight = 1\n[[criteria]]\nweight = 1\n",
    )
    _refused(path, load_problem, "matrix row 'A2'", "within +-1e+100")
    csv = _write(tmp_path, "p.csv", "x,y\n1,2\n-2e200,3\n")
    with pytest.raises(CoopselectError, match=r"line 3.*beyond \+-1e\+100"):
        load_problem(csv, "benefit,cost", "1,1")


def test_expert_weights_must_be_finite_and_bounded(tmp_path):
    from coopselect.ahp.io import load

    base = (
        'labels = ["a", "b"]\n[[experts]]\nname = "x"\nweight = {w}\nmatrix = [[1, 2], [0.5, 1]]\n'
        '[[experts]]\nname = "y"\nmatrix = [[1, 3], [0.3333, 1]]\n'
    )
    for w in ("inf", "nan", "1e7", "0"):
        path = _write(tmp_path, "g.toml", base.format(w=w))
        _refused(path, load, "experts[1].weight", "(0, 1e+06]")
    assert load(_write(tmp_path, "ok.toml", base.format(w="1e6"))).experts[0].weight == 1e6
    assert np.isfinite(load(_write(tmp_path, "ok2.toml", base.format(w="0.5"))).experts[0].weight)


def test_a_criteria_hierarchy_beyond_the_ahp_work_limit_is_refused(tmp_path):
    from coopselect.io.loaders.hierarchy_loader import load_hierarchy

    subs = [f"s{i}" for i in range(510)]
    lines = [
        '[hierarchy]\nid = "big"\nname_en = "big"\nname_zh = "big"',
        '[[criteria]]\nid = "c"\nname_en = "c"\nname_zh = "c"\nmeasures = "higher_is_better"',
        "subcriteria = [" + ", ".join(f'"{s}"' for s in subs) + "]",
    ]
    lines += [
        f'[[subcriteria]]\nid = "{s}"\ncriterion = "c"\nname_en = "x"\nname_zh = "x"\n'
        'indicators = ["i"]'
        for s in subs
    ]
    lines.append(
        '[indicators.i]\nname_en = "i"\nname_zh = "i"\ndataset = "wgi"\ncode = "rl"\n'
        'direction = "benefit"\nscale = [-2.5, 2.5]'
    )
    path = _write(tmp_path, "big.toml", "\n".join(lines) + "\n")
    _refused(path, load_hierarchy, "criteria", "up to 510 items", "work limit")
