"""Case files: the bundled ones load; every kind of bad input gives one readable error."""

from __future__ import annotations

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.messages import render
from coopselect.paths import bundled_cases


@pytest.mark.parametrize("path", bundled_cases(), ids=lambda p: p.stem)
def test_bundled_cases_load(path):
    case = load_case(path)
    assert case.countries and case.modes
    assert abs(sum(case.minerals.weights.values()) - 1) < 1e-12
    assert case.citations, "every bundled case cites its seed articles"


def test_default_case_is_central_asia():
    case = load_case(None)
    assert case.id == "central_asia"
    assert case.countries == ("KAZ", "UZB", "TJK", "KGZ", "TKM")
    assert len(case.modes) == 7


IMPORT_MINERALS = (
    'ids = ["copper", "bauxite", "nickel", "chromium", "manganese", "iron_ore"]\n'
    'weighting = "import_dependence"'
)


def _with_minerals(text: str, block: str) -> str:
    start = text.index("ids = [")
    end = text.index("weighting = ", start)
    end = text.index("\n", end)
    return text[:start] + block + text[end:]


def test_import_dependence_weights_follow_seed_000(write_case, default_case_text):
    # seed 000 table 1-1 footer: Cu 70, bauxite 43, Ni 75, Cr 97, Mn 56, iron ore 57 (percent)
    case = load_case(write_case(_with_minerals(default_case_text, IMPORT_MINERALS)))
    total = 70 + 43 + 75 + 97 + 56 + 57
    assert case.minerals.weights["chromium"] == pytest.approx(97 / total)
    assert case.minerals.weights["bauxite"] == pytest.approx(43 / total)


def _expect(write_case, text, *fragments):
    path = write_case(text)
    with pytest.raises(CoopselectError) as info:
        load_case(path)
    message = str(info.value)
    assert str(path) in message
    for f in fragments:
        assert f in message, message
    assert "Fix:" in message
    return message


def test_unknown_country(write_case, default_case_text):
    text = default_case_text.replace('"TKM"]', '"XXK"]')
    _expect(write_case, text, "unknown country 'XXK'", "countries[5]")


def test_unknown_country_suggests_close_codes(write_case, default_case_text):
    text = default_case_text.replace('"TKM"]', '"KAX"]')
    _expect(write_case, text, "Did you mean KAZ")


def test_duplicate_country(write_case, default_case_text):
    _expect(write_case, default_case_text.replace('"TKM"]', '"KAZ"]'), "listed twice")


def test_unknown_mineral(write_case, default_case_text):
    text = default_case_text.replace('"rare_earths", "tin",', '"rare_earths", "unobtainium",')
    _expect(write_case, text, "unknown mineral 'unobtainium'", "minerals.ids[17]")


def test_import_dependence_missing_for_gold(write_case, default_case_text):
    text = default_case_text.replace('weighting = "judgment"', 'weighting = "import_dependence"')
    _expect(write_case, text, "import dependence for 'cobalt'", "minerals.weighting")


def test_unlisted_known_names_only_candidates_and_known_minerals(write_case, default_case_text):
    # the bundled cases no longer use the list (v3 counts known figures only); a user's may
    listed = default_case_text.replace(
        'usgs_unlisted = "zero"',
        'usgs_unlisted = "below_smallest"\n\n[missing.unlisted_known]\nsource = "a test"\n\n'
        '[missing.unlisted_known.hosts]\nKGZ = ["gold"]\n',
    )
    load_case(write_case(listed))
    text = listed.replace('KGZ = ["gold"', 'PER = ["gold"')
    _expect(write_case, text, "'PER' is not a candidate", "missing.unlisted_known.hosts.PER")
    text = listed.replace('KGZ = ["gold"', 'KGZ = ["gould"')
    _expect(write_case, text, "unknown mineral 'gould'")


def test_scenarios_load_and_bad_settings_are_refused(write_case, default_case_text):
    case = load_case(None)
    sc = case.scenarios["uzb_raw_ore_ban"]
    assert sc.title("zh") and sc.title("en")
    assert [(o.country, o.feature, o.value) for o in sc.settings] == [
        ("UZB", "export_restriction", 1.0)
    ]
    bad = default_case_text.replace('"UZB.export_restriction=1"', '"UZB.export_restrictoin=1"')
    _expect(
        write_case,
        bad,
        "unknown feature 'export_restrictoin'",
        "Did you mean 'export_restriction'",
        "scenarios.uzb_raw_ore_ban.set[1]",
    )
    bad = default_case_text.replace('"UZB.export_restriction=1"', '"UZB.export_restriction=1.5"')
    _expect(write_case, bad, "outside [0, 1]")
    bad = default_case_text.replace('"UZB.export_restriction=1"', '"PER.export_restriction=1"')
    _expect(write_case, bad, "'PER' is not a candidate")
    bad = default_case_text.replace('"UZB.export_restriction=1"', '"UZB export_restriction"')
    _expect(write_case, bad, "is not a setting", "ISO3.FEATURE=VALUE")


def test_policy_date_must_be_a_date(write_case, default_case_text):
    text = default_case_text.replace(
        'weights = "ahp"', 'weights = "ahp"\npolicy_date = "2024-13-01"'
    )
    _expect(write_case, text, "'2024-13-01' is not a date", "policy_date")


def test_unknown_mode(write_case, default_case_text):
    text = default_case_text.replace('modes = "all"', 'modes = ["trade", "smuggling"]')
    _expect(write_case, text, "unknown mode 'smuggling'", "modes[2]")


def test_unknown_key_is_rejected(write_case, default_case_text):
    text = default_case_text.replace('weights = "ahp"', 'weights = "ahp"\nweigths = "equal"')
    _expect(write_case, text, "weigths", "unknown key")


def test_unknown_weights_preset(write_case, default_case_text):
    _expect(
        write_case,
        default_case_text.replace('weights = "ahp"', 'weights = "golden"'),
        "weights: unknown value 'golden' (use 'ahp', 'fraser', 'equal' or 'custom')",
    )


def test_negative_mode_attribute_weight(write_case, default_case_text):
    text = default_case_text.replace("ease_of_exit = 0.15", "ease_of_exit = -0.15")
    _expect(write_case, text, "negative", "mode_attributes.weights.ease_of_exit")


def test_nan_weight_is_rejected(write_case, default_case_text):
    text = default_case_text.replace("ease_of_exit = 0.15", "ease_of_exit = nan")
    _expect(write_case, text, "nan is not a finite number", "mode_attributes.weights.ease_of_exit")


def test_impute_needs_rule(write_case, default_case_text):
    _expect(write_case, default_case_text.replace('rule = "worst"\n', ""), "needs a rule")


def test_invalid_toml_names_line(write_case, default_case_text):
    text = default_case_text.replace('weights = "ahp"', 'weights = "ahp')
    _expect(write_case, text, "invalid TOML", "line ")


def test_missing_file(tmp_path):
    with pytest.raises(CoopselectError, match="file not found"):
        load_case(tmp_path / "nope.toml")


def test_case_judgments_override_and_are_validated(write_case, default_case_text):
    text = default_case_text + (
        '\n[[judgments]]\na = "political_risk"\nb = "esg_pressure"\nvalue = "1/0"\n'
    )
    _expect(write_case, text, "is not a number, a fraction")
    text = default_case_text + (
        '\n[[judgments]]\na = "political_risk"\nb = "corruption"\nvalue = 3\n'
    )
    _expect(write_case, text, "'corruption' is not one of")


def test_missing_data_column_is_a_clear_error(tmp_path, monkeypatch):
    import shutil

    from coopselect.io.data import datasets
    from coopselect.paths import data_dir

    broken = tmp_path / "data"
    shutil.copytree(data_dir(), broken)
    wgi = broken / "wgi_2019_2023.csv"
    wgi.write_text(
        wgi.read_text(encoding="utf-8").replace(",estimate,", ",estimat,", 1), encoding="utf-8"
    )
    monkeypatch.setattr(datasets, "data_dir", lambda: broken)
    datasets.clear_caches()
    try:
        from coopselect.pipeline import rank

        with pytest.raises(CoopselectError) as info:
            rank(None)
        assert "data column 'estimate' is missing" in str(info.value)
        assert "wgi_2019_2023.csv" in str(info.value)
    finally:
        datasets.clear_caches()


def test_every_schema_problem_is_listed_with_its_key(write_case):
    path = write_case('countries = ["KAZ"]\n[case]\nid = "x"\n')
    with pytest.raises(CoopselectError) as info:
        load_case(path)
    message = str(info.value)
    assert message.startswith(f"{path}: 3 problems: ")
    for key in ("'title_en' is missing in case", "'title_zh' is missing in case", "'minerals'"):
        assert key in message


def test_a_misspelt_key_gets_the_closest_match(write_case, default_case_text):
    path = write_case(default_case_text.replace('weights = "ahp"', 'wieghts = "ahp"'))
    with pytest.raises(CoopselectError, match=r"unknown key 'wieghts' \(did you mean 'weights'"):
        load_case(path)


def test_defaults_a_case_relies_on_are_stated(write_case):
    from coopselect.pipeline import rank

    text = (
        'countries = ["KAZ", "UZB"]\n[case]\nid = "x"\ntitle_en = "x"\ntitle_zh = "x"\n'
        '[minerals]\nids = ["copper"]\n[missing]\npolicy = "impute"\nrule = "median"\n'
        'usgs_unlisted = "zero"\n'
    )
    case = load_case(write_case(text))
    defaults = [render(d, "en") for d in case.defaults]
    assert any("[mode_attributes] not given" in d and "share 0" in d for d in defaults)
    assert any(d.startswith('method not given: "topsis"') for d in defaults)
    notes = [render(n, "en") for n in rank(case).notes]
    assert any(n.startswith("Default: [mode_attributes] not given") for n in notes)
    # the bundled cases state everything
    assert load_case(None).defaults == ()


# ---- group judgments: [[experts]] inside a case ----------------------------------------------

EXPERTS = """
[[experts]]
name = "Geologist"
weight = 2

[[experts.judgments]]
a = "resource_endowment"
b = "political_risk"
value = 3
reason = "g"

[[experts.judgments]]
a = "infrastructure"
b = "esg_pressure"
value = 2

[[experts.judgments]]
a = "resource_endowment"
b = "infrastructure"
value = 4

[[experts]]
name = "Risk analyst"
weight = 1

[[experts.judgments]]
a = "political_risk"
b = "resource_endowment"
value = 2
reason = "r"

[[experts.judgments]]
a = "political_risk"
b = "esg_pressure"
value = "1/3"
"""


def _group_case(write_case, default_case_text, extra: str = EXPERTS, top: str = ""):
    text = default_case_text.replace('weights = "ahp"', 'weights = "ahp"\n' + top, 1)
    return write_case(text + extra)


def test_experts_are_aggregated_by_aij_as_the_ahp_engine_does(write_case, default_case_text):
    import numpy as np

    from coopselect.io.loaders.judgments import judgment_matrix
    from coopselect.pairwise.group import aggregate_aij

    case = load_case(_group_case(write_case, default_case_text, top='judgments_aggregate = "aij"'))
    ids = list(case.hierarchy.criterion_ids)
    got = judgment_matrix(case.hierarchy.judgments, ids)
    e1 = [("resource_endowment", "political_risk", 3), ("infrastructure", "esg_pressure", 2)]
    e1 += [("resource_endowment", "infrastructure", 4)]
    e2 = [("political_risk", "resource_endowment", 2), ("political_risk", "esg_pressure", 1 / 3)]

    def matrix(items):
        m = np.full((4, 4), np.nan)
        np.fill_diagonal(m, 1.0)
        for a, b, v in items:
            m[ids.index(a), ids.index(b)], m[ids.index(b), ids.index(a)] = v, 1 / v
        return m

    want = aggregate_aij([matrix(e1), matrix(e2)], np.array([2 / 3, 1 / 3]))
    assert np.allclose(got, want, equal_nan=True)
    # resource_endowment vs political_risk: 3^(2/3) * (1/2)^(1/3)
    i, j = ids.index("resource_endowment"), ids.index("political_risk")
    assert got[i, j] == pytest.approx(3 ** (2 / 3) * 0.5 ** (1 / 3))
    assert case.judgments_basis.startswith("group judgments of 2 experts")
    assert case.hierarchy.judgments_path == case.path


def test_a_group_case_ranks_and_says_so(write_case, default_case_text):
    from coopselect.pipeline import rank

    notes = [render(n, "en") for n in rank(_group_case(write_case, default_case_text)).notes]
    assert any("group judgments of 2 experts" in n and "AIJ" in n for n in notes)
    assert any("not given; completed as" in n for n in notes)  # 2 pairs nobody judged


@pytest.mark.parametrize(
    ("extra", "top", "message"),
    [
        (EXPERTS, 'judgments_aggregate = "aip"', "under AIP each expert's own judgments"),
        (EXPERTS, 'judgments_aggregate = "mean"', "not a group aggregation rule"),
        (EXPERTS.replace("weight = 1\n", ""), "", "some experts have a weight"),
        (EXPERTS.replace('name = "Risk analyst"', 'name = "Geologist"'), "", "used twice"),
        (EXPERTS.replace("weight = 2", "wieght = 2"), "", "did you mean 'weight'"),
        (EXPERTS.replace('b = "political_risk"', 'b = "nope"', 1), "", "'nope' is not one of"),
        (
            EXPERTS + '\n[[judgments]]\na = "infrastructure"\nb = "esg_pressure"\nvalue = 2\n',
            "",
            "both [[judgments]] and [[experts]]",
        ),
        ("", 'judgments_aggregate = "aij"', "without [[experts]]"),
    ],
)
def test_bad_experts_are_one_readable_error(write_case, default_case_text, extra, top, message):
    path = _group_case(write_case, default_case_text, extra, top)
    with pytest.raises(CoopselectError, match=message.replace("[", r"\[").replace("(", r"\(")):
        load_case(path)
