"""The policy-barrier table (data/policy/barriers.csv): every bundled row is dated and cited, and a
row without a citation, a date or a URL for its public document is refused with its place."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.data import reference
from coopselect.io.data.policy import COLUMNS, INTENSITIES, measures, read_measures, reviewed
from coopselect.paths import data_dir

GOOD = {
    "id": "XXX-1",
    "country": "IDN",
    "barrier": "export_restriction",
    "minerals": "nickel",
    "in_force_from": "2020-01-01",
    "in_force_to": "",
    "intensity": "1.0",
    "intensity_rule": "ban",
    "description_en": "A test measure.",
    "description_zh": "测试措施。",
    "citation": "Publisher, Title, 2019-08-28",
    "url": "https://example.org/doc",
    "source_type": "public_document",
}


def write(tmp_path, rows) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS)
    w.writeheader()
    w.writerows(rows)
    path = tmp_path / "barriers.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def read(path):
    return read_measures(path, set(reference.countries()), set(reference.minerals()))


def test_every_bundled_row_is_dated_cited_and_typed():
    rows = measures()
    assert len(rows) >= 25
    for m in rows:
        assert m.citation and m.description_en and m.description_zh
        assert m.intensity in INTENSITIES
        if m.source_type == "public_document":
            assert m.url.startswith("https://") or m.url.startswith("http://")
        else:
            assert m.citation.startswith("seed 00")
    # the measures the model issue names are there
    ids = {m.id for m in rows}
    for needed in (
        "IDN-2020-nickel-ore-ban",
        "ZWE-2022-lithium-ore-ban",
        "NAM-2023-critical-mineral-ore-ban",
        "TZA-2017-concentrate-export-ban",
        "TZA-2017-free-carried-16pct",
        "CHL-2023-national-lithium-strategy",
        "MEX-2022-lithium-nationalisation",
        "MLI-2023-mining-code-state-stake",
    ):
        assert needed in ids
    assert any(m.country == "CAN" and m.barrier == "investment_screening" for m in rows)
    assert any(m.country == "AUS" and m.barrier == "investment_screening" for m in rows)
    assert any(m.country == "COD" and m.start.year == 2018 for m in rows)
    assert reviewed() >= min(m.start for m in rows)


def test_a_good_row_reads(tmp_path):
    (m,) = read(write(tmp_path, [GOOD]))
    assert m.covers("nickel") and not m.covers("copper")
    assert m.in_force(date(2021, 1, 1)) and not m.in_force(date(2019, 12, 31))


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"citation": ""}, "citation is empty"),
        ({"in_force_from": ""}, "in_force_from is empty"),
        ({"in_force_from": "2020-02-30"}, "'2020-02-30' is not a date"),
        ({"in_force_to": "2019-01-01"}, "in_force_to is not after in_force_from"),
        ({"url": ""}, "a public document needs its URL"),
        ({"intensity": "0.6"}, "intensity '0.6' is not one of"),
        ({"barrier": "tariff"}, "unknown barrier 'tariff'"),
        ({"country": "XXX"}, "unknown country 'XXX'"),
        ({"minerals": "nickel;unobtainium"}, "unknown mineral 'unobtainium'"),
        ({"description_zh": ""}, "description_zh is empty"),
        ({"source_type": "blog"}, "source_type 'blog' is unknown"),
    ],
)
def test_a_bad_row_is_refused_with_its_place(tmp_path, change, fragment):
    path = write(tmp_path, [GOOD, {**GOOD, "id": "XXX-2", **change}])
    with pytest.raises(CoopselectError) as info:
        read(path)
    message = str(info.value)
    assert fragment in message and "row 3" in message and str(path) in message
    assert "Fix:" in message


def test_a_missing_column_is_refused(tmp_path):
    path = tmp_path / "barriers.csv"
    path.write_text("id,country\nA,IDN\n", encoding="utf-8")
    with pytest.raises(CoopselectError, match="column 'barrier' is missing"):
        read(path)


def test_the_table_is_registered_with_its_review_date():
    text = (data_dir() / "sources.toml").read_text(encoding="utf-8")
    assert 'file = "policy/barriers.csv"' in text and "reviewed = " in text


REVIEW = {
    **GOOD,
    "id": "XXX-R",
    "country": "PER",
    "barrier": "none_found",
    "minerals": "all",
    "in_force_from": "2026-12-06",
    "intensity": "",
    "intensity_rule": "none_found",
    "source_type": "review",
}


def test_a_review_row_is_read_as_a_review_not_a_measure(tmp_path):
    from coopselect.io.data.policy import read_table

    tab = read_table(
        write(tmp_path, [GOOD, REVIEW]), set(reference.countries()), set(reference.minerals())
    )
    assert [m.id for m in tab.measures] == ["XXX-1"]
    (r,) = tab.reviews
    assert r.country == "PER" and r.on == date(2026, 12, 6) and r.minerals is None
    # the measures-only reader (the model's view) leaves review rows out
    assert [m.id for m in read(write(tmp_path, [GOOD, REVIEW]))] == ["XXX-1"]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"intensity": "0.5"}, "a review row names one country, its review date only"),
        ({"in_force_to": "2027-01-01"}, "a review row names one country, its review date only"),
        ({"country": "EU"}, "a review row names one country, its review date only"),
        ({"source_type": "public_document"}, "barrier 'none_found' with source_type"),
        ({"intensity_rule": "ban"}, "intensity_rule of a review row is not 'none_found'"),
        ({"url": ""}, "a review needs the URL of what was searched"),
    ],
)
def test_a_bad_review_row_is_refused_with_its_place(tmp_path, change, fragment):
    path = write(tmp_path, [GOOD, {**REVIEW, **change}])
    with pytest.raises(CoopselectError) as info:
        read(path)
    message = str(info.value)
    assert fragment in message and "row 3" in message and str(path) in message


def test_a_measure_cannot_claim_to_be_a_review(tmp_path):
    path = write(tmp_path, [{**GOOD, "source_type": "review"}])
    with pytest.raises(CoopselectError, match="barrier 'export_restriction' with source_type"):
        read(path)


def test_an_unknown_country_message_names_the_eu_bloc(tmp_path):
    with pytest.raises(CoopselectError, match="or EU for a measure of the European Union"):
        read(write(tmp_path, [{**GOOD, "country": "XXX"}]))
