"""Known endowment beyond USGS MCS and exploration potential (coopselect.io.data.endowment_data):
the tables are refused at the edge with the file, the row and the fix; USGS "W" is withheld, not
absent. Fixture files are written here; the bundled tables are not needed."""

from __future__ import annotations

import math

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.data import datasets
from coopselect.io.data import endowment_data as ed
from coopselect.io.data.snapshot import DataSnapshot

DATA = DataSnapshot.read(None)  # the tests' empty data folder: the bundled tables
USGS = datasets.usgs_path(DATA)  # the units of supplementary rows are checked against it

SUP_HEAD = ",".join(ed.SUPPLEMENTARY_COLUMNS)
POT_HEAD = ",".join(ed.POTENTIAL_COLUMNS)


def sup_row(iso="MNG", mineral="copper", prod="300", res="", unit="thousand metric tons"):
    return (
        f'{iso},{mineral},2023,{prod},{res},{unit},"National Statistics Office","Yearbook",'
        "table 1,https://example.org,CC BY 4.0,"
    )


def pot_row(iso="MNG", mineral="copper", v="0.8", basis="usgs_assessment", judgment="no"):
    return f'{iso},{mineral},{v},{basis},"USGS","Assessment",2010,table 3,https://x.org,{judgment}'


def write(tmp_path, name, head, *rows):
    p = tmp_path / name
    p.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return p


def test_supplementary_figures_in_the_mcs_unit_become_tonnes(tmp_path):
    p = write(tmp_path, "s.csv", SUP_HEAD, sup_row(), sup_row("SRB", "copper", "", "2000"))
    got = ed._supplementary(p, USGS)
    # USGS MCS gives copper in thousand metric tons: 300 kt -> 300,000 t
    assert got[("MNG", "copper")].production_t == 300_000
    assert math.isnan(got[("MNG", "copper")].reserves_t)
    assert got[("SRB", "copper")].reserves_t == 2_000_000
    assert "National Statistics Office" in got[("MNG", "copper")].source


def test_each_unit_converts_with_its_own_factor(tmp_path):
    """MCS gives iron ore production in thousand and reserves in million metric tons: a row in
    either unit becomes tonnes with that unit's factor (a single factor per mineral read the
    reserves a thousand times too small)."""
    p = write(
        tmp_path,
        "s.csv",
        SUP_HEAD,
        sup_row("GIN", "iron_ore", "", "1500", "million metric tons"),
        sup_row("CMR", "iron_ore", "2500", "", "thousand metric tons"),
    )
    got = ed._supplementary(p, USGS)
    assert got[("GIN", "iron_ore")].reserves_t == 1_500_000_000
    assert got[("CMR", "iron_ore")].production_t == 2_500_000


def test_production_and_reserves_may_come_from_two_rows_but_not_twice(tmp_path):
    p = write(tmp_path, "s.csv", SUP_HEAD, sup_row(), sup_row(prod="", res="5000"))
    both = ed._supplementary(p, USGS)[("MNG", "copper")]
    assert both.production_t == 300_000 and both.reserves_t == 5_000_000
    p = write(tmp_path, "d.csv", SUP_HEAD, sup_row(), sup_row(prod="310"))
    with pytest.raises(CoopselectError, match=r"d.csv: row 3: MNG copper: production .* twice"):
        ed._supplementary(p, USGS)


@pytest.mark.parametrize(
    ("row", "place", "message"),
    [
        (sup_row(iso="XXX"), "row 2", "unknown country code 'XXX'"),
        (sup_row(mineral="unobtainium"), "row 2", "unknown mineral 'unobtainium'"),
        (sup_row(prod="-5"), "row 2, production", "not a finite number"),
        (sup_row(prod="inf"), "row 2, production", "not a finite number"),
        (sup_row(prod="lots"), "row 2, production", "not a finite number"),
        (sup_row(prod=""), "row 2", "neither production nor reserves"),
        (sup_row(unit="metric tons"), "row 2, unit", "not the unit USGS MCS uses"),
    ],
)
def test_bad_supplementary_rows_are_refused_with_file_place_and_fix(tmp_path, row, place, message):
    p = write(tmp_path, "bad.csv", SUP_HEAD, row)
    with pytest.raises(CoopselectError) as info:
        ed._supplementary(p, USGS)
    text = str(info.value)
    assert "bad.csv" in text and place in text and message in text and "Fix:" in text


def test_a_missing_column_is_named(tmp_path):
    p = write(tmp_path, "h.csv", "iso3,mineral,year", "MNG,copper,2023")
    with pytest.raises(CoopselectError, match="missing column"):
        ed._supplementary(p, USGS)


def test_a_missing_table_is_no_data(tmp_path):
    assert ed._supplementary(tmp_path / "absent.csv", USGS) == {}
    assert ed._potential(tmp_path / "absent.csv") == {}


def test_exploration_potential_in_range_with_basis_and_judgment_flag(tmp_path):
    p = write(tmp_path, "p.csv", POT_HEAD, pot_row(), pot_row("KGZ", "gold", "0.5", "seed", "yes"))
    got = ed._potential(p)
    assert got[("MNG", "copper")].potential == 0.8 and not got[("MNG", "copper")].judgment
    assert got[("KGZ", "gold")].judgment


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (pot_row(v="1.2"), "not a finite number from 0 to 1"),
        (pot_row(v="nan"), "not a finite number"),
        (pot_row(v=""), "has no potential"),
        (pot_row(basis=""), "has no basis"),
        (pot_row(judgment="maybe"), "neither yes nor no"),
    ],
)
def test_bad_potential_rows_are_refused(tmp_path, row, message):
    p = write(tmp_path, "pot.csv", POT_HEAD, row)
    with pytest.raises(CoopselectError) as info:
        ed._potential(p)
    assert "pot.csv" in str(info.value) and message in str(info.value)
    twice = write(tmp_path, "twice.csv", POT_HEAD, pot_row(), pot_row())
    with pytest.raises(CoopselectError, match="given twice"):
        ed._potential(twice)


def test_usgs_w_is_withheld_not_absent():
    # MCS 2024 withholds US lithium production ("W"): the US produces, the volume is unpublished
    figs = ed.usgs_figures("lithium", "production", 2023, DATA)
    assert "USA" in figs.withheld and "USA" not in figs.values
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import prepare
    from coopselect.scoring.endowment import WITHHELD

    *_x, problem = prepare(adhoc_case("USA,CHL,AUS", "lithium"))
    f = problem.features
    k = f.countries.index("USA")
    assert f.withheld[k].any() and "USA" not in f.no_known_endowment()
    scores = prepare(adhoc_case("USA,CHL,AUS", "lithium"))[2]
    assert scores.endowment["production"].origin[k][0] in (WITHHELD, "supplementary")
