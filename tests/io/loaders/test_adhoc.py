"""Ad-hoc cases (--countries/--minerals): selections, the stated default policy, a global case,
and the commented case file of ``coopselect case new`` that ranks exactly like the ad-hoc case."""

from __future__ import annotations

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.data import reference
from coopselect.io.loaders import adhoc
from coopselect.io.loaders.case_loader import load_case
from coopselect.messages import render
from coopselect.pipeline import rank


def test_countries_by_code_name_region_and_all():
    assert adhoc.parse_countries("pan, GIN,Brazil,CAN,MLI,PAN") == (
        "PAN",
        "GIN",
        "BRA",
        "CAN",
        "MLI",
    )
    everything = adhoc.parse_countries("all")
    home = {"CHN", "TWN", "HKG", "MAC"}  # the investor's home economy (coopselect.domain.home)
    assert set(everything) == set(reference.countries()) - home
    ssa = adhoc.parse_countries("Sub-Saharan Africa")
    assert ssa == adhoc.parse_countries("ssf") == adhoc.parse_countries("撒哈拉以南非洲")
    assert {"COD", "ZMB", "GIN", "MLI"} <= set(ssa) and "EGY" not in ssa
    east = adhoc.parse_countries("EAS")
    assert "CHN" not in east and "TWN" not in east  # the home economy, not an overseas host
    assert adhoc.parse_countries("EAS,CHN")[-1] == "CHN"  # named explicitly: included


def test_unknown_country_is_refused_with_a_hint():
    with pytest.raises(CoopselectError, match=r"unknown country or region 'PNA'") as info:
        adhoc.parse_countries("PAN,PNA")
    assert "\n" not in str(info.value) and "--countries" in str(info.value)


def test_minerals_by_id_or_name():
    assert adhoc.parse_minerals("copper,Lithium,钴") == ("copper", "lithium", "cobalt")
    with pytest.raises(CoopselectError, match=r"unknown mineral 'coper'.*Did you mean copper"):
        adhoc.parse_minerals("coper")


def test_minerals_are_needed_and_case_plus_countries_refused():
    with pytest.raises(CoopselectError, match="--countries needs --minerals"):
        adhoc.adhoc_case("PAN", None)
    with pytest.raises(CoopselectError, match="not both"):
        adhoc.case_or_adhoc("central_asia", "PAN", "copper")
    assert adhoc.case_or_adhoc("central_asia", None, None) == "central_asia"


def test_the_default_policy_is_stated_in_every_output():
    from coopselect.domain.model import Case

    if "defaults" not in Case.__dataclass_fields__:
        pytest.skip("Case.defaults (stated defaults as 'Default: ...' notes) not in this tree")
    case = adhoc.adhoc_case("PAN,GIN,BRA,CAN,MLI", "copper")
    assert case.path is None and case.countries == ("PAN", "GIN", "BRA", "CAN", "MLI")
    assert case.missing.policy == "impute" and case.missing.rule == "median"
    assert case.missing.usgs_unlisted == "zero"  # only known figures count (pair model v3)
    assert case.mode_attributes.share == pytest.approx(0.15)
    res = rank(case)
    notes = [render(n, "en") for n in res.notes]
    assert any("Default: ad-hoc case: missing.policy" in n for n in notes)
    assert any('usgs_unlisted "zero"' in n for n in notes)
    assert res.to_dict()["notes"] == notes


def test_a_global_case_ranks_every_covered_economy():
    case = adhoc.adhoc_case("all", "copper")
    res = rank(case)
    hosts = set(reference.countries()) - {"CHN", "TWN", "HKG", "MAC"}
    assert {p.country for p in res.pairs} == hosts
    assert len(res.pairs) == 7 * len(hosts)
    # every economy with known copper endowment gets a best mode; the others are reported as
    # having none (pair model v3: missing means missing)
    none = set(res.no_known_endowment)
    assert none and set(res.best_mode_by_country()) == hosts - none


def test_case_new_round_trips(tmp_path):
    target = tmp_path / "panama.toml"
    path, backup, loaded = adhoc.write_case_file(target, "PAN,GIN,BRA,CAN,MLI", "copper,gold")
    assert backup is None and path == target
    text = target.read_text(encoding="utf-8")
    # every key is commented with what it does and its default
    for key in ("countries", "modes", "method", "weights", "policy", "usgs_unlisted", "share"):
        i = next(n for n, line in enumerate(text.splitlines()) if line.startswith(f"{key} ="))
        assert text.splitlines()[i - 1].startswith("#"), key
    assert "Default:" in text
    again = load_case(target)
    mem = rank(adhoc.adhoc_case("PAN,GIN,BRA,CAN,MLI", "copper,gold"))
    filed = rank(again)
    assert [(p.country, p.mode, p.rank) for p in filed.pairs] == [
        (p.country, p.mode, p.rank) for p in mem.pairs
    ]
    assert max(abs(a.score - b.score) for a, b in zip(filed.pairs, mem.pairs, strict=True)) == 0
    assert loaded.countries == again.countries


def test_case_new_refuses_to_overwrite_and_keeps_a_backup(tmp_path):
    target = tmp_path / "c.toml"
    target.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(CoopselectError, match="file exists"):
        adhoc.write_case_file(target, "PAN", "copper")
    assert target.read_text(encoding="utf-8") == "# mine\n"
    _, backup, _ = adhoc.write_case_file(target, "PAN", "copper", force=True)
    assert backup is not None and backup.read_text(encoding="utf-8") == "# mine\n"
    assert load_case(target).countries == ("PAN",)


def test_case_new_writes_the_judgments_in_force_as_an_editable_template(tmp_path):
    from coopselect.scoring.weights import criteria_weights

    target = tmp_path / "k.toml"
    _, _, loaded = adhoc.write_case_file(target, "KAZ,UZB,MNG", "copper")
    mem = adhoc.adhoc_case("KAZ,UZB,MNG", "copper")
    text = target.read_text(encoding="utf-8")
    assert text.count("[[judgments]]") == len(mem.hierarchy.judgments) > 0
    # each with its value and reason, under a comment saying how to edit them
    assert "# Pairwise judgments of the criteria" in text
    assert [(j.a, j.b, j.value, j.reason) for j in loaded.hierarchy.judgments] == [
        (j.a, j.b, j.value, j.reason) for j in mem.hierarchy.judgments
    ]
    assert loaded.hierarchy.judgments_path == target
    # editing one value in the file changes the weights in force
    first = mem.hierarchy.judgments[0]
    old = f'a = "{first.a}"\nb = "{first.b}"\nvalue = {first.text}\n'
    assert old in text
    target.write_text(text.replace(old, old.replace(f"value = {first.text}", "value = 9")))
    before = criteria_weights(mem.hierarchy, "ahp").weights
    after = criteria_weights(load_case(target).hierarchy, "ahp").weights
    i = mem.hierarchy.criterion_ids.index(first.a)
    assert after[i] > before[i]
