"""coopselect.validation: the real-deals table and the agreement it reports.

- the table's schema: every row cited, known hosts, minerals and modes, at least 40 rows, the
  README's coding rule naming every mode and its counts matching the table;
- bad tables refused with the file, the line and the fix;
- the agreement computed right on a tiny fixture whose expected ranks come from another path (the
  public ``rank`` API on a case of the host alone);
- ties counted at their expected value; the policy date rule;
- a floor: agreement stays above what the model reached when the table was added (see FLOOR).
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from coopselect import validation
from coopselect.errors import CoopselectError
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.methods.result import MethodResult
from coopselect.paths import data_dir

DATA = DataSnapshot.read(None)  # the tests' empty data folder: the bundled tables

README = data_dir() / "validation" / "README.md"


def _rows() -> list[dict[str, str]]:
    with open(validation.deals_path(), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ---- the table -----------------------------------------------------------------------------------


def test_table_loads_with_at_least_40_cited_deals():
    from coopselect.io.data import reference

    deals = validation.load_deals()
    assert len(deals) >= 40
    rows = _rows()
    assert len(rows) == len(deals)
    assert list(rows[0]) == list(validation.COLUMNS)
    modes = set(validation.mode_ids())
    assert len(modes) == 7
    for r in rows:
        for key in ("source_publisher", "source_title", "source_date", "url", "note", "company"):
            assert r[key].strip(), (r["id"], key)
        assert re.match(r"^https?://\S+$", r["url"]), r["id"]
        assert re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", r["source_date"]), r["id"]
        assert r["host"] in reference.countries() and r["host"] != "CHN", r["id"]
        assert r["mineral"] in reference.minerals(), r["id"]
        assert r["mode"] in modes, r["id"]
        assert 1978 <= int(r["year"]) <= date.today().year, r["id"]
    assert len({r["id"] for r in rows}) == len(rows)


def test_readme_states_the_rule_for_every_mode_and_the_counts_match():
    text = README.read_text(encoding="utf-8")
    rule = text.split("## Mode coding rule", 1)[1].split("\n## ", 1)[0]
    for mode in validation.mode_ids():
        assert f"**`{mode}`**" in rule, mode
    counts = dict(re.findall(r"^\| ([a-z_]+) \| +(\d+) \|$", text, flags=re.M))
    rows = _rows()
    for mode in validation.mode_ids():
        assert int(counts.get(mode, 0)) == sum(r["mode"] == mode for r in rows), mode
    assert f"## Counts ({len(rows)} deals)" in text
    doubtful = text.split("## Doubtful rows", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^- `([a-z0-9_]+)`", doubtful, flags=re.M))
    assert named and named <= {r["id"] for r in rows}, named - {r["id"] for r in rows}


def _write(tmp_path, rows: list[list[str]], header=validation.COLUMNS):
    path = tmp_path / "deals.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


GOOD = [
    "x1",
    "PER",
    "copper",
    "equity_acquisition",
    "2014",
    "Co",
    "P",
    "Pub",
    "Title",
    "2014-04-14",
    "https://example.org/a",
    "n",
]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("host", "XXX", "unknown country"),
        ("host", "CHN", "investor's home"),
        ("mineral", "unobtanium", "unknown mineral"),
        ("mode", "barter", "unknown mode"),
        ("year", "1850", "is not a year"),
        ("url", "www.example.org", "not a web address"),
        ("source_publisher", "", "empty"),
    ],
)
def test_a_bad_row_is_refused_with_its_line_and_column(tmp_path, column, value, message):
    row = list(GOOD)
    row[validation.COLUMNS.index(column)] = value
    path = _write(tmp_path, [["ok", *GOOD[1:]], row])
    with pytest.raises(CoopselectError) as err:
        validation.load_deals(path)
    assert message in err.value.message
    assert err.value.place == f"line 3 (x1), {column}"
    assert err.value.file == str(path) and err.value.fix


def test_duplicate_ids_and_a_wrong_header_are_refused(tmp_path):
    with pytest.raises(CoopselectError, match="used twice"):
        validation.load_deals(_write(tmp_path, [GOOD, GOOD]))
    with pytest.raises(CoopselectError, match="header"):
        validation.load_deals(_write(tmp_path, [GOOD], header=("id", "host")))


# ---- how one deal is placed -----------------------------------------------------------------


def _result(ranks, ties=()):
    return MethodResult("x", np.zeros(len(ranks)), np.array(ranks), True, {}, ties)


def test_place_without_and_with_ties():
    assert validation.place(_result([2, 1, 3, 4]), 0) == (2.0, 0.0, 1.0)
    # alternatives 0 and 1 tie for first: each is first with probability 1/2, mean position 1.5
    assert validation.place(_result([1, 2, 3, 4], ((0, 1),)), 1) == (1.5, 0.5, 1.0)
    # a three-way tie at positions 2-4: in the top three two times in three
    rank, best, top3 = validation.place(_result([1, 2, 3, 4], ((1, 2, 3),)), 3)
    assert (rank, best, top3) == (3.0, 0.0, pytest.approx(2 / 3))


def test_policy_date_rule():
    from coopselect.io.data import policy

    first = min(m.start for m in policy.measures())
    assert validation.policy_date_for(2018) == (date(2018, 7, 1), "")
    on, note = validation.policy_date_for(first.year - 1)
    assert on == first and str(first.year - 1) in note


# ---- the agreement, against an independent path -------------------------------------------

FIXTURE = [  # (id, host, mineral, revealed mode, year): hosts without data gaps, with endowment
    ("f_per", "PER", "copper", "equity_acquisition", 2014),
    ("f_chl", "CHL", "lithium", "capacity_purchase", 2018),
    ("f_aus", "AUS", "iron_ore", "joint_development", 2009),
]
METHODS = ("topsis", "spotis", "consensus")


def _fixture_deals():
    return tuple(
        validation.Deal(i, h, n, m, y, "c", "p", "pub", "t", str(y), "https://x.org", "n")
        for i, h, n, m, y in FIXTURE
    )


def _host_alone_rank(host, mineral, year, method, mode) -> int:
    """The revealed mode's rank under the public API, on an ad-hoc case of the host alone."""
    from coopselect import rank
    from coopselect.io.loaders.adhoc import adhoc_case

    on = validation.policy_date_for(year)[0]
    case = replace(adhoc_case(host, mineral), policy_date=on.isoformat())
    result = rank(case, method=method, **validation.method_params(_problem(case), method))
    assert not result.method_result.ties  # the fixture avoids ties (then ranks are exact)
    return result.pair(host, mode).rank


def _problem(case):
    from coopselect.pipeline import prepare

    return prepare(case)[3]


def test_agreement_on_a_fixture_matches_ranks_from_the_public_api():
    deals = _fixture_deals()
    v = validation.validate(DATA, METHODS, deals)
    for method in METHODS:
        expected = [_host_alone_rank(d.host, d.mineral, d.year, method, d.mode) for d in deals]
        got = [o.rank for o in v.outcomes[method]]
        assert got == [float(r) for r in expected], method
        s = v.summary(method)
        assert s.n == 3 and s.unranked == 0
        assert s.mean_rank == pytest.approx(sum(expected) / 3)
        assert s.best_share == pytest.approx(sum(r == 1 for r in expected) / 3)
        assert s.top3_share == pytest.approx(sum(r <= 3 for r in expected) / 3)
        by_mode = {x.mode: x for x in v.by_mode if x.method == method}
        assert set(by_mode) == {d.mode for d in deals}
        for d, r in zip(deals, expected, strict=True):
            assert by_mode[d.mode].mean_rank == pytest.approx(r)


def test_host_rows_of_the_all_economies_case_equal_a_case_of_the_host_alone():
    # The claim of the module docstring: fixed-scale columns, so the comparison set is the host.
    from coopselect.io.loaders.adhoc import adhoc_case

    for _id, host, mineral, _mode, year in FIXTURE:
        on = validation.policy_date_for(year)[0]
        universe = validation.universe_problem(mineral, on, DATA)
        rows = [i for i, (k, _m) in enumerate(universe.pairs) if k == host]
        alone = _problem(replace(adhoc_case(host, mineral), policy_date=on.isoformat()))
        assert [m for _k, m in alone.pairs] == [universe.pairs[i][1] for i in rows]
        np.testing.assert_allclose(
            np.asarray(universe.dm.matrix)[rows], np.asarray(alone.dm.matrix), rtol=0, atol=1e-12
        )
        np.testing.assert_allclose(universe.dm.weights, alone.dm.weights, rtol=0, atol=1e-12)


def test_json_document_keys():
    v = validation.validate(DATA, ("topsis",), _fixture_deals())
    doc = v.to_dict()
    assert set(doc) == {
        "deals_file",
        "deal_count",
        "comparison_set",
        "policy_rule",
        "methods",
        "chance",
        "by_method",
        "by_mode",
        "deals",
        "unranked_reasons",
        "notes",
    }
    assert doc["chance"] == {"best_share": 1 / 7, "top3_share": 3 / 7, "mean_rank": 4.0}
    assert doc["deals"][0]["barrier_coverage"] in ("measures", "reviewed_none", "not_reviewed")
    out = doc["deals"][0]["outcomes"]["topsis"]
    assert set(out) == {"rank", "best", "top3", "order", "policy_date", "policy_note", "reason"}
    assert sorted(out["order"]) == sorted(validation.mode_ids())


def test_hosts_the_barrier_table_has_not_reviewed_are_named():
    from coopselect.io.data import policy

    status = {c.iso3: c.status for c in policy.coverage()}
    # Serbia had no row in the barrier table when this was written: a host that is a gap
    srb = validation.Deal(
        "f_srb",
        "SRB",
        "copper",
        "equity_acquisition",
        2018,
        "c",
        "p",
        "u",
        "t",
        "2018",
        "https://x.org",
        "n",
    )
    v = validation.validate(DATA, ("topsis",), (*_fixture_deals(), srb))
    for d in v.deals:
        assert v.barrier_coverage[d.host] == status.get(d.host, "not_reviewed")
    assert v.unreviewed() == tuple(
        d.id for d in v.deals if status.get(d.host, "not_reviewed") == "not_reviewed"
    )


def test_unknown_method_is_refused():
    with pytest.raises(CoopselectError, match="unknown method"):
        validation.validate(DATA, ("nonsense",), _fixture_deals())


# ---- the floor ----------------------------------------------------------------------------

# FLOOR: what the model gave on the bundled table (57 deals, all ranked) when this test was last
# set (7 December 2026, after the supplementary table gained the seven host x mineral figures that
# had left seven deals unranked: Simandou's and Lobe's iron ore, Goulamina's lithium, Dairi's zinc,
# Tagaung Taung's nickel, Argentina's gold):
#   topsis 77.2 % top three, mean rank 2.61; vikor 73.7 %, 2.67; promethee2 59.6 %, 3.25;
#   wsm 73.7 %, 2.81; spotis 59.6 %, 3.25; consensus 70.2 %, 2.81.
# Before, with 50 deals ranked: topsis 78 %, 2.66; vikor 74 %, 2.60; promethee2 and spotis 68 %,
# 3.00; wsm 74 %, 2.78; consensus 70 %, 2.76. The seven deals are greenfield ones (reserves, no
# production, weak infrastructure); PROMETHEE II and SPOTIS put trade or contracting first there,
# TOPSIS the revealed control mode (docs/model.md, "Validation against real deals").
# The floor sits a few points and about 0.2 of a rank below (TOPSIS: the 2.8), so that the
# model's small moves do not trip it; the model owner raises it as the model improves (issue 18
# asks for >= 70 % in the top three and a mean rank <= 2.8 under the default method, >= 60 %
# under each of the five methods: PROMETHEE II and SPOTIS are below that now). Do not fit the
# profiles to it (issue 18), and do not drop a sourced deal or figure to raise it.
FLOOR = {
    # method: (minimum top-three share, maximum mean rank)
    "topsis": (0.74, 2.8),
    "vikor": (0.70, 2.9),
    "promethee2": (0.55, 3.45),
    "wsm": (0.70, 3.05),
    "spotis": (0.55, 3.45),
    "consensus": (0.66, 3.05),
}
MIN_RANKED = 55  # deals the model ranks (the others have no known endowment in its data)


def test_agreement_stays_above_the_floor():
    v = validation.validate(DATA)
    for method, (top3, mean_rank) in FLOOR.items():
        s = v.summary(method)
        assert s.n >= MIN_RANKED, (method, s.n)
        assert s.top3_share >= top3, (method, s.top3_share)
        assert s.mean_rank <= mean_rank, (method, s.mean_rank)
        assert s.top3_share > validation.CHANCE["top3_share"]
