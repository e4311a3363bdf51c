"""``[[experts]]`` aggregated by AIP inside a case (coopselect.io.loaders.experts).

AIP, the aggregation of individual priorities (Forman, E. & Peniwati, K. 1998, Aggregating
individual judgments and priorities with the analytic hierarchy process, EJOR 108(1), 165-169):
each expert's own matrix gives a priority vector; the group's priorities are their weighted
geometric mean, renormalised. No published group example with numbers could be found in this
session (searched: Forman & Peniwati's abstract, Brunelli 2015 "Introduction to the AHP", the R
package ahpsurvey's vignette), so the checks are independent computations written here:

* experts whose judgments are each exactly consistent (a_ij = v_i / v_j) have the priority
  vectors v, whatever the priority method, so AIP is the closed form prod_k v_k^w_k / sum, with no
  eigenvector solver involved;
* inconsistent, complete matrices: each expert's principal eigenvector by numpy.linalg.eig
  (not the project's power iteration), then the weighted geometric mean by hand.
"""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.messages import render

IDS = ["political_risk", "infrastructure", "resource_endowment", "esg_pressure"]
runner = CliRunner()


def _expert(name: str, weight: float, matrix) -> str:
    out = f'\n[[experts]]\nname = "{name}"\nweight = {weight}\n'
    for i in range(4):
        for k in range(i + 1, 4):
            out += (
                f'\n[[experts.judgments]]\na = "{IDS[i]}"\nb = "{IDS[k]}"\n'
                f"value = {float(matrix[i][k])!r}\n"
            )
    return out


def _case(write_case, default_case_text, experts: str, rule: str = "aip"):
    top = f'judgments_aggregate = "{rule}"' if rule else ""
    text = default_case_text.replace('weights = "ahp"', 'weights = "ahp"\n' + top, 1)
    return write_case(text + experts)


def _consistent(v):
    v = np.asarray(v, dtype=float)
    return v[:, None] / v[None, :]


def _weights(case) -> np.ndarray:
    from coopselect.ahp.in_force import hierarchy_in_force

    top = hierarchy_in_force(case.hierarchy, "criteria")[0]
    assert top["ids"] == IDS
    return np.array(top["weights"])


def test_aip_of_consistent_experts_is_the_closed_form(write_case, default_case_text):
    v1, v2, v3 = [0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.4, 0.1]
    experts = _expert("A", 2, _consistent(v1))
    experts += _expert("B", 1, _consistent(v2)) + _expert("C", 1, _consistent(v3))
    case = load_case(_case(write_case, default_case_text, experts))
    # (v1^2 v2 v3)^(1/4), renormalised: computed by hand, element by element
    raw = [(a * a * b * c) ** 0.25 for a, b, c in zip(v1, v2, v3, strict=True)]
    want = np.array(raw) / sum(raw)
    assert _weights(case) == pytest.approx(want, abs=1e-9)
    # the arithmetic mean of the vectors (the other rule the paper allows) differs here
    arith = (2 * np.array(v1) + np.array(v2) + np.array(v3)) / 4
    assert not np.allclose(_weights(case), arith, atol=1e-3)
    assert "AIP" in case.judgments_basis


def test_aip_of_inconsistent_experts_matches_numpy_eig(write_case, default_case_text):
    m1 = [[1, 3, 1 / 5, 2], [1 / 3, 1, 1 / 7, 1], [5, 7, 1, 4], [1 / 2, 1, 1 / 4, 1]]
    m2 = [[1, 1 / 2, 1 / 3, 3], [2, 1, 1 / 2, 5], [3, 2, 1, 2], [1 / 3, 1 / 5, 1 / 2, 1]]
    experts = _expert("Geologist", 3, m1) + _expert("Risk analyst", 1, m2)
    case = load_case(_case(write_case, default_case_text, experts))

    def eig(m):
        vals, vecs = np.linalg.eig(np.array(m, dtype=float))
        k = int(np.argmax(vals.real))
        v = np.abs(vecs[:, k].real)
        return v / v.sum(), float(vals[k].real)

    (p1, l1), (p2, l2) = eig(m1), eig(m2)
    g = p1**0.75 * p2**0.25
    assert _weights(case) == pytest.approx(g / g.sum(), abs=1e-9)
    # each expert's own CR, (lambda_max - n) / (n - 1) / RI(4) = 0.90 (Saaty 1980), is named
    for name, lam in (("Geologist", l1), ("Risk analyst", l2)):
        assert f"{name} (" in case.judgments_basis
        assert f"CR {(lam - 4) / 3 / 0.90:.3f}" in case.judgments_basis


def test_aip_ranks_with_exactly_its_weights_and_says_so(write_case, default_case_text):
    from coopselect.pipeline import rank

    v1, v2 = [0.4, 0.3, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4]
    experts = _expert("A", 1, _consistent(v1)) + _expert("B", 1, _consistent(v2))
    res = rank(_case(write_case, default_case_text, experts))
    raw = np.sqrt(np.array(v1) * np.array(v2))
    top = res.weights.top
    assert list(top.labels) == IDS
    assert np.asarray(top.weights) == pytest.approx(raw / raw.sum(), abs=1e-9)
    assert any("aggregated by AIP" in render(n, "en") for n in res.notes)


@pytest.mark.parametrize(("rule", "word"), [("aip", "AIP"), ("aij", "AIJ"), ("", "AIJ")])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rank_and_ahp_name_the_rule(write_case, default_case_text, rule, word, lang):
    m = [[1, 3, 1 / 5, 2], [1 / 3, 1, 1 / 7, 1], [5, 7, 1, 4], [1 / 2, 1, 1 / 4, 1]]
    experts = _expert("A", 1, m) + _expert("B", 1, _consistent([0.1, 0.2, 0.3, 0.4]))
    path = _case(write_case, default_case_text, experts, rule)
    env = {"COLUMNS": "240"}
    res = runner.invoke(app, ["rank", str(path), "--lang", lang], env=env)
    assert res.exit_code == 0, res.output
    head = next(line for line in res.output.splitlines() if line.startswith(("Weights", "权重")))
    assert word in head and ("2 experts" in head or "2 位专家" in head)
    res = runner.invoke(app, ["ahp", str(path), "--lang", lang], env=env)
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert word in first and "CR" in first
    assert ("experts" in first) if lang == "en" else ("专家" in first)


def test_report_weights_section_names_the_rule(write_case, default_case_text):
    from coopselect.pipeline import rank
    from coopselect.reports.content import build_report
    from coopselect.reports.model import ReportOptions

    experts = _expert("A", 1, _consistent([0.4, 0.3, 0.2, 0.1]))
    experts += _expert("B", 1, _consistent([0.1, 0.2, 0.3, 0.4]))
    res = rank(_case(write_case, default_case_text, experts))
    report = build_report(res, ReportOptions(lang="en"))
    section = next(s for s in report.sections if s.key == "weights")
    assert any("aggregated by AIP" in p for p in section.paragraphs)


def test_aip_needs_each_experts_judgments_connected(write_case, default_case_text):
    # expert B leaves infrastructure unconnected: fine under AIJ (A connects it), not under AIP
    experts = _expert("A", 1, _consistent([0.4, 0.3, 0.2, 0.1]))
    experts += '\n[[experts]]\nname = "B"\nweight = 1\n'
    experts += '\n[[experts.judgments]]\na = "political_risk"\nb = "esg_pressure"\nvalue = 2\n'
    experts += '\n[[experts.judgments]]\na = "political_risk"\nb = "resource_endowment"\n'
    experts += "value = 3\n"
    case = load_case(_case(write_case, default_case_text, experts, "aij"))
    assert "B (0.50, CR -)" in case.judgments_basis
    with pytest.raises(CoopselectError) as err:
        load_case(_case(write_case, default_case_text, experts, "aip"))
    e = err.value
    assert e.file and e.file.endswith("case.toml")
    assert e.place.startswith("experts[2] (B).judgments")
    assert "under AIP" in e.message and 'judgments_aggregate = "aij"' in e.fix


@pytest.mark.parametrize("value", ['"mean"', '"AIP"', "1"])
def test_a_wrong_rule_is_one_readable_error(write_case, default_case_text, value):
    experts = _expert("A", 1, _consistent([0.4, 0.3, 0.2, 0.1]))
    text = default_case_text.replace(
        'weights = "ahp"', f'weights = "ahp"\njudgments_aggregate = {value}', 1
    )
    path = write_case(text + experts)
    with pytest.raises(CoopselectError) as err:
        load_case(path)
    e = err.value
    assert e.file == str(path)
    assert e.place == "judgments_aggregate"
    assert '"aij"' in e.fix and '"aip"' in e.fix
    res = runner.invoke(app, ["rank", str(path)])
    assert res.exit_code == 2
    assert "judgments_aggregate" in res.output and "Traceback" not in res.output
