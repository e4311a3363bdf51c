"""Every covered economy is bundled, and covering them moved no score.

``bundled_rankings_46.json`` (beside this file) holds the pairs (rank, country, mode, score) of the
three bundled cases as ranked with the 46-country data (before the global extracts were bundled).
Scores are on fixed publisher scales, so adding economies must reproduce them exactly. If the pair
model or the bundled data change on purpose, refresh the file with COOPSELECT_UPDATE_BASELINE=1 and
say why in the commit.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from coopselect.io.data import datasets, reference
from coopselect.paths import data_dir

BASELINE = Path(__file__).with_name("bundled_rankings_46.json")
CASES = ("central_asia", "critical_minerals_alliances", "northeast_asia_precious")
WB_REGIONS = {
    "East Asia & Pacific": "东亚与太平洋",
    "Europe & Central Asia": "欧洲与中亚",
    "Latin America & Caribbean": "拉丁美洲与加勒比",
    "Middle East & North Africa": "中东与北非",
    "North America": "北美",
    "South Asia": "南亚",
    "Sub-Saharan Africa": "撒哈拉以南非洲",
}


@pytest.mark.parametrize("case", CASES)
def test_bundled_cases_rank_exactly_as_with_46_countries(case):
    from coopselect.pipeline import rank

    doc = json.loads(BASELINE.read_text(encoding="utf-8"))
    now = [[p.rank, p.country, p.mode, p.score] for p in rank(case).pairs]
    if os.environ.get("COOPSELECT_UPDATE_BASELINE"):
        doc[case] = now
        BASELINE.write_text(json.dumps(doc, indent=0) + "\n", encoding="utf-8")
    before = doc[case]
    assert [r[:3] for r in now] == [r[:3] for r in before]
    assert max(abs(a[3] - b[3]) for a, b in zip(now, before, strict=True)) <= 1e-12


def _iso(name: str, column: str = "iso3") -> set[str]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as fh:
        return {r[column] for r in csv.DictReader(fh)}


def test_every_economy_of_the_extracts_is_in_the_country_table():
    table = set(reference.countries())
    assert len(table) == 225
    for name, n in (
        ("wgi_2019_2023.csv", 213),
        ("lpi_2023_2018.csv", 165),
        ("epi_2022_2024.csv", 180),
        ("electricity_access_wdi.csv", 215),
    ):
        covered = _iso(name)
        assert len(covered) == n, name
        assert covered <= table, name
    usgs = _iso("usgs_mcs2024_world_production_reserves.csv") - {"", "WORLD", "OTHER"}
    assert usgs <= table


def test_one_region_scheme_and_prc_names():
    cty = reference.countries()
    for c in cty.values():
        assert WB_REGIONS[c.region_en] == c.region_zh, c
    assert cty["TWN"].name_zh == "中国台湾" and cty["TWN"].name_en == "Taiwan, China"
    assert cty["HKG"].name_zh == "中国香港" and cty["MAC"].name_zh == "中国澳门"
    assert cty["TWN"].region_en == "East Asia & Pacific"
    assert cty["KAZ"].name_zh == "哈萨克斯坦"


def test_the_project_never_reads_the_shared_folder():
    root = Path(__file__).resolve().parents[3]
    for path in (root / "src").rglob("*.py"):
        assert "../shared" not in path.read_text(encoding="utf-8"), path
        assert "/work/shared" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("case", CASES)
def test_scores_do_not_depend_on_which_economies_are_covered(case, monkeypatch):
    """Every indicator of the default criteria uses a fixed scale, so ranking against the 46
    economies bundled before the global data gives the same pairs and scores as against all."""
    from coopselect.pipeline import rank

    everyone = rank(case)
    first_46 = tuple(json.loads(BASELINE.read_text(encoding="utf-8"))["_universe_46"])
    monkeypatch.setattr(datasets, "universe", lambda: first_46)
    only_46 = rank(case)
    assert [(p.country, p.mode) for p in only_46.pairs] == [
        (p.country, p.mode) for p in everyone.pairs
    ]
    gaps = [abs(a.score - b.score) for a, b in zip(only_46.pairs, everyone.pairs, strict=True)]
    assert max(gaps) <= 1e-12
