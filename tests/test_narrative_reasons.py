"""A reason for every host in plain words (coopselect.narrative.host_reason / host_reasons)."""

from __future__ import annotations

import re

import pytest

from coopselect.narrative import column_names, host_reason, host_reasons

FORMULA = re.compile(r"=|\s[x×]\s|\b1\s*[-−]\s|\bmin\(|\bmax\(")
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def default():
    from coopselect.pipeline import rank

    return rank(None)


@pytest.fixture(scope="module")
def with_unendowed():
    """Chile and Kazakhstan for copper, and Luxembourg, which has no known endowment."""
    from coopselect.io.loaders.adhoc import case_or_adhoc
    from coopselect.pipeline import rank

    return rank(case_or_adhoc(None, "KAZ,LUX,CHL", "copper", None))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", ["default", "with_unendowed"])
def test_every_host_has_a_plain_reason(request, which, lang):
    res = request.getfixturevalue(which)
    reasons = host_reasons(res, lang)
    hosts = [*res.best_mode_by_country(), *res.no_known_endowment]
    assert list(reasons) == hosts
    assert sorted(reasons) == sorted(res.scores.countries)
    from coopselect.io.data import reference

    cty = reference.countries()
    for iso, text in reasons.items():
        assert text.startswith(cty[iso].name(lang)), text
        assert not FORMULA.search(text), text  # words and numbers, no formula
        assert "listed below" not in text and "见下表" not in text
        if lang == "zh":
            assert CJK.search(text)
            assert " ranks " not in text and "Best mode" not in text


def test_the_reason_names_the_best_mode_or_says_there_is_none(with_unendowed):
    names = column_names(with_unendowed.case, "en")
    best = with_unendowed.best_mode_by_country()
    for iso, pair in best.items():
        assert f"Best mode here: {names[pair.mode]}" in host_reason(with_unendowed, iso, "en")
    assert "No known endowment" in host_reason(with_unendowed, "LUX", "en")
    assert "无已知禀赋" in host_reason(with_unendowed, "LUX", "zh")


def test_the_reason_says_which_modes_each_barrier_holds_back(default):
    """Kazakhstan has state participation in force (data/policy/barriers.csv); the modes named
    as held back are exactly those whose judged response to it is positive (criteria/modes.toml),
    and those named as let in exactly those with a negative one."""
    from coopselect.explanation import explain_host

    case = default.case
    names = column_names(case, "en")
    hx = explain_host(default, "KAZ")
    assert "state_participation" in hx.measures
    text = host_reason(default, "KAZ", "en")
    said = re.search(
        r"State participation holds back (.*?) but opens the way for (.*?)(?:; |\. )", text
    )
    assert said, text
    modes = [case.catalog.get(m) for m in case.modes]
    blocked = [names[m.id] for m in modes if m.h("state_participation") > 0]
    let_in = [names[m.id] for m in modes if m.h("state_participation") < 0]
    assert blocked and let_in
    assert said.group(1) == ", ".join(blocked)
    assert said.group(2) == ", ".join(let_in)
    zh = host_reason(default, "KAZ", "zh")
    assert "国家参股阻碍" in zh


def test_a_host_without_barriers_gets_no_barrier_sentence(default):
    from coopselect.explanation import explain_host

    free = [c for c in default.scores.countries if not explain_host(default, c).measures]
    assert free, "the default case has a host without barriers in force"
    for iso in free:
        text = host_reason(default, iso, "en")
        assert "holds back" not in text and "Barriers in force" not in text


def test_a_barrier_that_holds_back_most_modes_names_the_ones_it_spares(default):
    """Investment screening (the MSP forum floor, in force in Kazakhstan) holds back every mode
    whose judged response is positive; when that is most of them, the sentence names the modes
    it spares instead (those with a response of zero or below, criteria/modes.toml)."""
    case = default.case
    names = column_names(case, "en")
    modes = [case.catalog.get(m) for m in case.modes]
    blocked = [m for m in modes if m.h("investment_screening") > 0]
    spared = [names[m.id] for m in modes if m.h("investment_screening") <= 0]
    assert len(blocked) > len(modes) / 2 and spared
    text = host_reason(default, "KAZ", "en")
    assert f"Investment screening holds back every mode but {', '.join(spared)}" in text
    zh_names = column_names(case, "zh")
    spared_zh = "、".join(zh_names[m.id] for m in modes if m.h("investment_screening") <= 0)
    assert f"投资审查阻碍除{spared_zh}外的各模式" in host_reason(default, "KAZ", "zh")
