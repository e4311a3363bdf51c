"""coopselect.agreement: each host's best mode across the five main methods and across weights,
checked against independent computation (each method run alone through the public rank API;
the weight share recomputed draw by draw with the per-call method)."""

from __future__ import annotations

import numpy as np
import pytest

from coopselect.agreement import HostAgreement, agreement, host_sentence, weight_shares
from coopselect.pipeline import rank


@pytest.fixture(scope="module")
def result():
    return rank("central_asia")


def test_each_methods_choice_is_that_methods_own_ranking(result):
    ag = agreement(result, samples=0)
    assert ag.methods == ("topsis", "vikor", "promethee2", "wsm", "spotis")
    assert ag.samples == 0 and all(h.weight_share is None for h in ag.hosts.values())
    for m in ag.methods:
        alone = rank("central_asia", method=m)  # the public API, one method at a time
        best = {k: p.mode for k, p in alone.best_mode_by_country().items()}
        for iso, ha in ag.hosts.items():
            assert ha.by_method[m] == best[iso], (m, iso)
        assert ag.first[m] == f"{alone.pairs[0].country}:{alone.pairs[0].mode}"
    for iso, ha in ag.hosts.items():
        assert ha.mode == result.best_mode_by_country()[iso].mode
        assert ha.methods_agreeing == sum(v == ha.mode for v in ha.by_method.values())


def test_weight_share_equals_a_draw_by_draw_recount(result):
    from coopselect.methods import run_method
    from coopselect.sensitivity.sampling import dirichlet_around

    shares = weight_shares(result, samples=60, seed=3)
    dm = result.problem.dm
    draws = dirichlet_around(np.random.default_rng(3), 60, np.asarray(dm.weights, float), 20.0)
    best = {k: p.mode for k, p in result.best_mode_by_country().items()}
    stays = dict.fromkeys(best, 0)
    for wv in draws:
        res = run_method(result.method, dm.matrix, wv, dm.types, **dict(result.method_params))
        sc = np.asarray(res.scores, float)
        for iso in best:
            rows = [i for i, (k, _m) in enumerate(result.problem.pairs) if k == iso]
            top = max(rows, key=lambda i: sc[i] if res.higher_is_better else -sc[i])
            stays[iso] += result.problem.pairs[top][1] == best[iso]
    for iso in best:
        assert shares[iso] == pytest.approx(stays[iso] / 60, abs=1e-12), iso
        assert 0.0 <= shares[iso] <= 1.0


def test_settled_needs_four_methods_and_half_the_draws():
    five = {m: "trade" for m in ("topsis", "vikor", "promethee2", "wsm", "spotis")}
    assert HostAgreement("X", "trade", five, 0.9).settled
    assert not HostAgreement("X", "trade", five, 0.4).settled
    split = {**five, "vikor": "joint_development", "wsm": "joint_development"}
    assert not HostAgreement("X", "trade", split, 0.9).settled
    assert HostAgreement("X", "trade", {**five, "wsm": "x"}, None).settled


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_disagreement_is_said_in_words(lang):
    split = {"topsis": "a", "vikor": "a", "promethee2": "b", "wsm": "b", "spotis": "b"}
    text = host_sentence(HostAgreement("KAZ", "a", split, 0.8), str.upper, lambda c: "Kaz", lang)
    assert "Kaz" in text and "A" in text and "B" in text and "80%" in text
    assert ("not settled" in text) if lang == "en" else ("结论未定" in text)
    same = {m: "a" for m in split}
    text = host_sentence(HostAgreement("KAZ", "a", same, 0.99), str.upper, lambda c: "Kaz", lang)
    assert ("all 5 methods agree" in text) if lang == "en" else ("5 种方法一致" in text)


def test_rank_and_explain_show_the_agreement_in_words():
    import json

    from typer.testing import CliRunner

    from coopselect.cli.main import app

    runner = CliRunner()
    res = runner.invoke(app, ["rank", "--by", "country", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    hosts = doc["agreement"]["hosts"]
    assert set(hosts) == {p["country"] for p in doc["pairs"]} - set(doc["no_known_endowment"])
    assert all(0 <= h["methods_agreeing"] <= h["methods"] == 5 for h in hosts.values())
    res = runner.invoke(app, ["rank", "--by", "country", "--lang", "zh"], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "各国最佳模式的稳健性" in res.stdout
    res = runner.invoke(app, ["explain", "KAZ", "-f", "json"])
    assert res.exit_code == 0, res.output
    ha = json.loads(res.stdout)["host_agreement"]
    assert ha["country"] == "KAZ" and ha["text"].startswith("Kazakhstan")
