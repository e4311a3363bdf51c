"""Shared importer pieces: the alias table, provenance records, CSV text, and no shared paths."""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopselect.errors import CoopselectError
from coopselect.importers import common

SRC = Path(common.__file__).resolve().parent


def test_alias_table_is_well_formed(bundled):
    with (bundled / "country_names.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(rows[0]) == {"name", "iso3", "source"}
    keys = [common.name_key(r["name"]) for r in rows]
    assert len(keys) == len(set(keys)), "a spelling is listed twice"
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"]), r
        assert r["iso3"] not in {"CHI", "ZAR", "ROM", "ANT", "OTHER", "WORLD"}
        assert r["source"]
    with (bundled / "countries.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):  # every project country is reachable by its own name
            assert common.iso3_for_name(r["name_en"]) == r["iso3"]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Korea, Rep.", "KOR"),
        ("korea,  republic of", "KOR"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("TC<rkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Congo, Dem. Rep.", "COD"),
        ("Atlantis", None),
    ],
)
def test_iso3_for_name(name, iso3):
    assert common.iso3_for_name(name) == iso3


def test_recode():
    assert common.recode("zar") == "COD"
    assert common.recode("ROM") == "ROU"
    assert common.recode("CHL") == "CHL"


def test_provenance_record(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"x,y\n1,2\n")
    prov = common.provenance("t", "P", "R 1", [f], date(2026, 1, 1), ["n"])
    d = prov.as_dict()
    assert d["files"] == [
        {
            "name": "a.csv",
            "sha256": hashlib.sha256(b"x,y\n1,2\n").hexdigest(),
            "bytes": 8,
        }
    ]
    assert d["imported_on"] == "2026-01-01" and d["release"] == "R 1" and d["notes"] == ["n"]
    assert common.provenance("t", "P", "R", [f], None).imported_on == date.today()


def test_csv_text_quotes_minimally():
    df = common.frame([["a,b", 'say "x"', ""]], ["c1", "c2", "c3"])
    assert common.csv_text(df) == 'c1,c2,c3\n"a,b","say ""x""",\n'


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(CoopselectError, match="not found"):
        common.existing_file(tmp_path / "nope.csv", "the file")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(CoopselectError, match="is empty"):
        common.existing_file(tmp_path / "empty.csv", "the file")


def test_importers_never_read_the_shared_folder():
    for path in SRC.glob("*.py"):
        assert "/work/shared" not in path.read_text(encoding="utf-8"), path.name


_cell = st.text(alphabet=st.sampled_from(list('ab,"\n ')), max_size=6)


@given(st.lists(st.lists(_cell, min_size=1, max_size=4), min_size=1, max_size=12))
def test_csv_lines_give_the_rows_and_the_line_each_starts_on(rows):
    """Against csv.writer: the rows come back as written, and each row's line number is one
    more than the line breaks written before it (fields may hold line breaks)."""
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    starts = []
    for row in rows:
        starts.append(buf.getvalue().count("\n") + 1)
        writer.writerow(row)
    got = common.csv_lines(buf.getvalue(), Path("x.csv"), "the file")
    assert [r for _, r in got] == rows
    assert [n for n, _ in got] == starts


def test_csv_rows_stop_at_the_row_and_column_caps(monkeypatch):
    monkeypatch.setattr(common, "MAX_SOURCE_ROWS", 3)
    with pytest.raises(CoopselectError, match="more than 3 rows") as err:
        common.csv_rows("a\nb\nc\nd\n", Path("x.csv"), "the file")
    assert err.value.place == "line 4"
    assert len(common.csv_rows("a\nb\nc\n", Path("x.csv"), "the file")) == 3
    monkeypatch.setattr(common, "MAX_SOURCE_COLUMNS", 2)
    with pytest.raises(CoopselectError, match="row of 3 columns") as err:
        common.csv_rows("a,b\na,b,c\n", Path("x.csv"), "the file")
    assert err.value.place == "line 2"
