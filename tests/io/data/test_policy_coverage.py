"""Coverage of the policy-barrier table (issue 19, "barriers wherever they bind"): every MSP
partner and EU member state, the US, UK and India, every host of the bundled cases and every
USGS-listed producer of the six headline minerals have a dated measure or a dated review row;
every row is cited and dated; ids are unique; EU bloc rows expand with the right dates."""

from __future__ import annotations

import csv
import tomllib
from datetime import date
from pathlib import Path

import pytest
from test_policy import write

from coopselect.errors import CoopselectError
from coopselect.io.data import policy, reference
from coopselect.io.data.policy import EUMember, read_eu_members, read_table
from coopselect.paths import data_dir

ROOT = Path(__file__).resolve().parents[3]
REVIEW_DATE = date(2026, 12, 6)

# Accession dates of the EU member states, typed here from the European Parliament's "40 years of
# EU enlargements" page (the founding six: Treaty of Rome in effect 1 Jan 1958), as an independent
# check of data/policy/eu_members.csv.
ACCESSION = {
    **dict.fromkeys(("BEL", "DEU", "FRA", "ITA", "LUX", "NLD"), date(1958, 1, 1)),
    **dict.fromkeys(("DNK", "IRL", "GBR"), date(1973, 1, 1)),
    "GRC": date(1981, 1, 1),
    **dict.fromkeys(("ESP", "PRT"), date(1986, 1, 1)),
    **dict.fromkeys(("AUT", "FIN", "SWE"), date(1995, 1, 1)),
    **dict.fromkeys(
        ("CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"), date(2004, 5, 1)
    ),
    **dict.fromkeys(("BGR", "ROU"), date(2007, 1, 1)),
    "HRV": date(2013, 7, 1),
}
EU27 = sorted(k for k in ACCESSION if k != "GBR")


def raw_rows() -> list[dict]:
    path = data_dir() / policy.POLICY_FILE
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def coverage_by_iso() -> dict[str, policy.Coverage]:
    return {c.iso3: c for c in policy.coverage()}


def covered(c: policy.Coverage | None) -> bool:
    return c is not None and c.status in ("measures", "reviewed_none") and c.last_reviewed


def msp_partners() -> set[str]:
    """MSP partners from the seed tables: table 1 rows 4 (MSP) and 10 (MSP Finance Network,
    which names Estonia), the EU expanded to its member states."""
    path = data_dir() / "seeds" / "western_mineral_pacts.csv"
    rows = {r["id"]: r for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines())}
    codes = set(rows["M4"]["members_iso3"].split(";")) | set(rows["M10"]["members_iso3"].split(";"))
    assert "EU" in codes
    return (codes - {"EU"}) | set(EU27)


def case_hosts() -> set[str]:
    hosts: set[str] = set()
    for f in sorted((ROOT / "cases").glob("*.toml")):
        doc = tomllib.loads(f.read_text(encoding="utf-8"))
        found = doc.get("countries") or doc.get("candidates", {}).get("countries")
        assert found, f"no countries in {f.name}"
        hosts |= set(found)
    return hosts


def usgs_producers() -> set[str]:
    """Every economy USGS MCS 2024 lists as a 2023 mine producer of copper, lithium, cobalt,
    nickel, gold or rare earths (each list is shorter than 30)."""
    path = data_dir() / "usgs_mcs2024_world_production_reserves.csv"
    wanted = {"copper", "lithium", "cobalt", "nickel", "gold", "rare earths"}
    out: dict[str, set[str]] = {}
    for r in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
        if (
            r["commodity"] in wanted
            and r["stage"] == "mine"
            and r["measure"] == "mine/refinery production"
            and r["year"] == "2023"
            and len(r["iso3"]) == 3
        ):
            out.setdefault(r["commodity"], set()).add(r["iso3"])
    assert set(out) == wanted and all(len(v) <= 30 for v in out.values())
    return set().union(*out.values())


# ---- the must-show coverage -------------------------------------------------------------------


def test_every_msp_partner_and_eu_member_state_is_covered():
    cov = coverage_by_iso()
    partners = msp_partners()
    assert {"USA", "AUS", "CAN", "JPN", "KOR", "GBR", "IND", "NOR", "EST", "POL", "PRT"} <= partners
    missing = sorted(k for k in partners if not covered(cov.get(k)))
    assert not missing, missing
    for k in EU27:
        assert cov[k].eu_member and cov[k].from_eu >= 1, k
        assert "investment_screening" in cov[k].barrier_types, k


@pytest.mark.parametrize("iso3", ["USA", "GBR", "IND"])
def test_us_uk_and_india_have_a_screening_measure(iso3):
    c = coverage_by_iso()[iso3]
    assert c.status == "measures" and "investment_screening" in c.barrier_types


def test_every_bundled_case_host_is_covered():
    cov = coverage_by_iso()
    hosts = case_hosts()
    assert {"KAZ", "COD", "PRK", "JPN"} <= hosts
    missing = sorted(k for k in hosts if not covered(cov.get(k)))
    assert not missing, missing


def test_every_usgs_listed_producer_of_the_six_minerals_is_covered():
    cov = coverage_by_iso()
    producers = usgs_producers()
    assert len(producers) >= 30
    missing = sorted(k for k in producers if not covered(cov.get(k)))
    assert not missing, missing


def test_review_rows_carry_the_review_date_and_what_was_searched():
    reviews = policy.reviews()
    assert len(reviews) >= 5
    for r in reviews:
        assert r.on == REVIEW_DATE
        assert r.url.startswith(("http://", "https://")) and r.citation
        assert "2026-12-06" in r.description_en and "2026年12月6日" in r.description_zh
    # a review row means nothing was found: no measure of the same economy
    measured = {m.country for m in policy.measures()}
    assert not measured & {r.country for r in reviews}


def test_the_named_resource_nationalism_measures_are_there():
    ids = {r["id"] for r in raw_rows()}
    for needed in (
        "COD-2013-concentrate-export-ban",
        "ZWE-2022-lithium-ore-ban",
        "ZWE-2011-mining-indigenisation-51pct",
        "MYS-2024-rare-earth-raw-export-ban",
        "CHL-1979-lithium-reserved-to-state",
        "CHL-2023-national-lithium-strategy",
        "GIN-2011-mining-code-free-carry",
        "GHA-2006-free-carried-interest",
        "NAM-2023-critical-mineral-ore-ban",
        "AUS-2009-03-oz-minerals-prominent-hill",
        "EU-2020-fdi-screening-regulation",
        "GBR-2022-nsia",
        "IND-2020-press-note-3",
        "JPN-2021-fefta-critical-minerals",
        "KOR-2024-fipa-security-review",
        "USA-2025-feoc-30d-critical-minerals",
    ):
        assert needed in ids, needed


# ---- every row cited and dated, ids unique ------------------------------------------------------


def test_every_row_is_cited_dated_and_has_a_unique_id():
    rows = raw_rows()
    assert len(rows) >= 90
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["citation"].strip() and r["description_en"].strip(), r["id"]
        assert r["description_zh"].strip(), r["id"]
        start = date.fromisoformat(r["in_force_from"])
        if r["in_force_to"]:
            assert date.fromisoformat(r["in_force_to"]) > start, r["id"]
        if r["source_type"] == "seed":
            assert r["citation"].startswith("seed 00"), r["id"]
        else:
            assert r["url"].startswith(("http://", "https://")), r["id"]
    expanded = [m.id for m in policy.measures()]
    assert len(expanded) == len(set(expanded))


def test_every_alliance_floor_has_a_seed_source():
    for c in policy.coverage():
        if c.alliance_tier != "none":
            assert c.floor_source.startswith("seed 004"), c.iso3


def test_peru_forum_floor_rests_on_seed_004_section_2_3():
    c = coverage_by_iso()["PER"]
    assert c.alliance_tier == "forum" and "section 2.3" in c.floor_source


# ---- EU expansion -------------------------------------------------------------------------------


def test_the_bundled_eu_member_list_matches_the_accession_dates():
    members = policy.bundled_eu_members()
    assert {s.iso3: s.joined for s in members} == ACCESSION
    assert {s.iso3: s.left for s in members if s.left} == {"GBR": date(2020, 2, 1)}


def test_bundled_eu_copies_start_at_the_later_of_measure_and_accession():
    bloc = [r for r in raw_rows() if r["country"] == policy.EU]
    assert bloc
    copies = [m for m in policy.measures() if m.bloc == policy.EU]
    for r in bloc:
        start = date.fromisoformat(r["in_force_from"])
        mine = {m.country: m for m in copies if m.id.startswith(r["id"] + ":")}
        expected = set(EU27) | ({"GBR"} if start < date(2020, 2, 1) else set())
        assert set(mine) == expected, r["id"]
        for k, m in mine.items():
            assert m.start == max(start, ACCESSION[k]), (r["id"], k)
            assert m.id == f"{r['id']}:{k}"


def _table(tmp_path, rows, members):
    path = write(tmp_path, rows)  # the policy tests' table writer (tests/io/test_policy.py)
    return read_table(path, set(reference.countries()), set(reference.minerals()), members)


BLOC = {
    "id": "EU-X",
    "country": "EU",
    "barrier": "investment_screening",
    "minerals": "all",
    "in_force_from": "2005-06-01",
    "in_force_to": "2021-01-01",
    "intensity": "0.25",
    "intensity_rule": "screening_framework",
    "description_en": "A bloc measure.",
    "description_zh": "集团措施。",
    "citation": "Publisher, Title, 2005",
    "url": "https://example.org/eu",
    "source_type": "public_document",
}
MEMBERS = (
    EUMember("FRA", date(1958, 1, 1), None),
    EUMember("BGR", date(2007, 1, 1), None),
    EUMember("GBR", date(1973, 1, 1), date(2020, 2, 1)),
    EUMember("HRV", date(2013, 7, 1), None),
)


def test_a_bloc_row_is_dated_from_accession_and_ends_at_exit(tmp_path):
    tab = _table(tmp_path, [BLOC], MEMBERS)
    got = {m.country: (m.start, m.end) for m in tab.measures}
    assert got == {
        "FRA": (date(2005, 6, 1), date(2021, 1, 1)),
        "BGR": (date(2007, 1, 1), date(2021, 1, 1)),
        "GBR": (date(2005, 6, 1), date(2020, 2, 1)),
        "HRV": (date(2013, 7, 1), date(2021, 1, 1)),
    }
    assert all(m.bloc == "EU" and m.id == f"EU-X:{m.country}" for m in tab.measures)


def test_a_bloc_row_after_a_state_left_has_no_copy_for_it(tmp_path):
    row = {**BLOC, "in_force_from": "2020-10-11", "in_force_to": ""}
    tab = _table(tmp_path, [row], MEMBERS)
    assert {m.country for m in tab.measures} == {"FRA", "BGR", "HRV"}
    assert all(m.end is None for m in tab.measures)


def test_a_bloc_row_ending_before_an_accession_has_no_copy_for_the_later_member(tmp_path):
    row = {**BLOC, "in_force_from": "2005-06-01", "in_force_to": "2010-01-01"}
    tab = _table(tmp_path, [row], MEMBERS)
    assert {m.country for m in tab.measures} == {"FRA", "BGR", "GBR"}


def test_a_bad_member_list_is_refused_with_its_place(tmp_path):
    path = tmp_path / "eu_members.csv"
    path.write_text(
        "iso3,joined,left,citation,url\nFRA,1958-01-01,,Src,https://x.org\n"
        "GBR,1973-01-01,1970-01-01,Src,https://x.org\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError, match="left is not after joined") as info:
        read_eu_members(path, set(reference.countries()))
    assert "row 3" in str(info.value) and str(path) in str(info.value)


# ---- coverage of a hand-made table --------------------------------------------------------------


def test_coverage_of_a_small_table_counts_measures_reviews_and_gaps(tmp_path):
    measure = {**BLOC, "id": "IDN-1", "country": "IDN", "in_force_to": ""}
    review = {
        **BLOC,
        "id": "PER-R",
        "country": "PER",
        "barrier": "none_found",
        "in_force_from": "2026-12-06",
        "in_force_to": "",
        "intensity": "",
        "intensity_rule": "none_found",
        "citation": "Review of a guide",
        "source_type": "review",
    }
    tab = _table(tmp_path, [measure, review, BLOC], MEMBERS)
    cov = {c.iso3: c for c in policy.coverage(tab, date(2026, 11, 27), MEMBERS)}
    assert cov["IDN"].status == "measures" and cov["IDN"].measures == 1
    assert cov["IDN"].latest_measure == date(2005, 6, 1)
    assert cov["IDN"].last_reviewed == date(2026, 11, 27)
    assert cov["PER"].status == "reviewed_none" and cov["PER"].measures == 0
    assert cov["PER"].last_reviewed == date(2026, 12, 6) and cov["PER"].searched
    assert cov["FRA"].from_eu == 1 and cov["FRA"].eu_member
    assert not cov["GBR"].eu_member  # left before the review date
    # an economy with only an alliance floor is listed as a gap
    gaps = [c for c in cov.values() if c.status == "not_reviewed"]
    assert gaps and all(c.alliance_tier != "none" and c.last_reviewed is None for c in gaps)


def test_every_economy_with_an_alliance_floor_has_a_measure_or_a_review():
    holders = [c for c in policy.coverage() if c.alliance_tier != "none"]
    assert len(holders) >= 20
    assert [c.iso3 for c in holders if not covered(c)] == []


def test_eu_member_states_on_a_date():
    assert policy.eu_member_states(date(2026, 12, 6)) == tuple(EU27)
    on_2010 = policy.eu_member_states(date(2010, 1, 1))
    assert "GBR" in on_2010 and "HRV" not in on_2010 and len(on_2010) == 27
    assert policy.eu_member_states(date(2020, 2, 1), MEMBERS) == ("BGR", "FRA", "HRV")
