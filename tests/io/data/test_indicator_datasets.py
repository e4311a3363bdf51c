"""The criteria loader takes its dataset ids and the "needs a code" rule from the data registry
(data/sources.toml), so that adding a keyed indicator table touches no code (CONTRIBUTING.md,
"Adding a dataset")."""

from __future__ import annotations

import tomllib

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.data.sources import indicator_datasets, needs_code, registry
from coopselect.io.loaders.hierarchy_loader import load_hierarchy
from coopselect.paths import criteria_dir


def test_every_keyed_indicator_table_of_the_registry_may_be_named():
    keyed = {d.id for d in registry() if d.read == "indicator" and d.keys}
    assert keyed == {"wgi", "lpi", "electricity", "epi"}
    assert set(indicator_datasets()) == keyed | {"usgs", "pacts", "msp"}


def test_a_code_is_needed_exactly_where_the_table_has_a_key_besides_its_period():
    assert [d for d in indicator_datasets() if needs_code(d)] == ["wgi", "lpi", "epi"]


def _criteria_with(tmp_path, old: str, new: str):
    text = (criteria_dir() / "commercial.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "criteria.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_unknown_dataset_is_refused_with_the_known_ones(tmp_path):
    path = _criteria_with(tmp_path, 'dataset = "lpi"', 'dataset = "lpx"')
    with pytest.raises(CoopselectError, match="unknown dataset 'lpx'") as info:
        load_hierarchy(path)
    assert "wgi" in str(info.value) and "dataset" in str(info.value)


def test_a_keyed_table_without_a_code_is_refused(tmp_path):
    text = (criteria_dir() / "commercial.toml").read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    iid = next(k for k, v in doc["indicators"].items() if v["dataset"] == "wgi")
    code = doc["indicators"][iid]["code"]
    path = _criteria_with(tmp_path, f'code = "{code}"', 'code = ""')
    with pytest.raises(CoopselectError, match="needs a code"):
        load_hierarchy(path)
