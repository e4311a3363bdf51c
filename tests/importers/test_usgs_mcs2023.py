"""MCS 2023 through the same importer: a valid table of the earlier vintage, unlike 2024."""

from __future__ import annotations

import pytest

from coopselect.importers import usgs_mcs


@pytest.fixture(scope="module")
def vintages(raw):
    old = usgs_mcs.import_mcs_world(raw / "usgs_mcs" / "2023").data
    new = usgs_mcs.import_mcs_world(raw / "usgs_mcs" / "2024").data
    return old, new


def test_valid_2023_table(raw):
    res = usgs_mcs.import_mcs_world(raw / "usgs_mcs" / "2023")
    df = res.data
    assert tuple(df.columns) == usgs_mcs.COLUMNS
    assert res.provenance.release == "MCS 2023"
    assert res.unmapped == ("United States and Canada",)
    assert set(df.year) == {"2021", "2022", ""}
    assert df.mcs_file.str.startswith("mcs2023-").all()
    assert df.mcs_file.nunique() == 77
    world = df[(df.iso3 == "WORLD") & (df.commodity == "copper") & (df["product"] == "copper")]
    assert world[world.measure == "reserves"].value_tonnes.tolist() == ["890000000"]


def test_2023_header_units_corrected(raw):
    res = usgs_mcs.import_mcs_world(raw / "usgs_mcs" / "2023")
    df = res.data
    chrome = df[(df.commodity == "chromium (chromite)") & (df.iso3 == "ZAF") & (df.year == "2022")]
    assert chrome.unit.tolist() == ["thousand metric tons"]
    assert chrome.value_tonnes.tolist() == ["18000000"]
    assert "mcs2023-vanad_world.csv: column 'Reserves_t' read in thousand metric tons." in (
        res.warnings
    )


def _key(df):
    return df.set_index(["commodity", "product", "iso3", "measure", "year"]).value_tonnes


def test_vintages_differ(vintages):
    old, new = vintages
    a, b = _key(old[old.iso3 != ""]), _key(new[new.iso3 != ""])
    a, b = a[~a.index.duplicated()], b[~b.index.duplicated()]
    both = a.index.intersection(b.index)
    changed = [k for k in both if a[k] != b[k]]
    # 2022 production: an estimate in MCS 2023, revised in MCS 2024 (e.g. Chile copper 5200 -> 5330)
    assert ("copper", "copper", "CHL", "mine/refinery production", "2022") in changed
    # reserves revised (copper world 890 -> 1000 million t)
    assert ("copper", "copper", "WORLD", "reserves", "") in changed
    assert len(changed) > 100
    assert set(old.year) - {""} == {"2021", "2022"}
    assert set(new.year) - {""} == {"2022", "2023"}
