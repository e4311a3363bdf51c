"""The dataset descriptors (data/sources.toml -> coopselect.io.data.sources.Dataset) are complete
and are the one home of what a dataset is: every file a ranking opens has a descriptor with
publisher, licence and release; every descriptor's file exists with its columns; which datasets a
ranking rests on is one answer, equal to the files it really opens (issue 20)."""

from __future__ import annotations

import ast
import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coopselect.io.data.sources import (
    ALWAYS,
    INDICATOR,
    MINERAL_WEIGHTING,
    NOT_READ,
    by_file,
    registry,
    used_datasets,
)
from coopselect.paths import bundled_cases, criteria_dir, data_dir

SRC = Path(__file__).resolve().parents[3] / "src" / "coopselect"
# Modules that read the descriptors instead of spelling a data file of their own.
READERS = (
    "io/data/datasets.py",
    "io/data/vintages.py",
    "io/data/snapshot.py",
    "io/data/data_used.py",
    "io/data/endowment_data.py",
    "catalog.py",
    "citations.py",
    "reports/provenance.py",
    "cli/cmd_data.py",
    "cli/cmd_catalog.py",
)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


def test_every_descriptor_names_an_existing_file_with_its_columns():
    ds = registry()
    assert len(ds) == len({d.id for d in ds}) == len({d.file for d in ds})
    for d in ds:
        path = data_dir() / d.file
        assert path.is_file(), d.id
        header = _header(path)
        missing = [c for c in d.columns if c not in header]
        assert not missing, (d.id, missing)
        for c in (*d.keys, d.value, d.period):
            assert c == "" or c in d.columns, (d.id, c)
        assert d.read in (ALWAYS, INDICATOR, MINERAL_WEIGHTING, NOT_READ)
        if d.read == INDICATOR and d.keys:  # read by key: the default period is in the file
            with path.open(encoding="utf-8", newline="") as fh:
                periods = {r[d.period] for r in csv.DictReader(fh)}
            assert d.period in d.keys and d.latest in periods, (d.id, d.latest)


def test_every_dataset_the_model_reads_has_publisher_licence_release_and_citation():
    from coopselect.citations import citations

    cited = citations()["datasets"]
    for d in registry():
        if not d.read_by_model:
            continue
        assert d.publisher.strip() and d.licence.strip() and d.year.strip(), d.id
        assert any(ch.isdigit() for ch in d.year), (d.id, d.year)
        assert d.citation in cited, d.id
        c = cited[d.citation]
        assert c.get("licence"), d.id
        assert c.get("article") or (c.get("publisher_en") and c.get("publisher_zh")), d.id


def test_every_csv_under_data_has_a_descriptor():
    files = {p.relative_to(data_dir()).as_posix() for p in data_dir().rglob("*.csv")}
    assert files == {d.file for d in registry()}


def test_the_readers_columns_are_the_descriptors():
    from coopselect import validation
    from coopselect.io.data import endowment_data, policy

    pairs = [
        ("policy", policy.COLUMNS),
        ("eu_members", policy.EU_MEMBER_COLUMNS),
        ("supplementary_production", endowment_data.SUPPLEMENTARY_COLUMNS),
        ("exploration_potential", endowment_data.POTENTIAL_COLUMNS),
        ("deals", validation.COLUMNS),
    ]
    by_id = {d.id: d for d in registry()}
    for ds, columns in pairs:
        assert by_id[ds].columns == tuple(columns), ds


def _literals(path: Path) -> set[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                docs.add(doc)
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value not in docs
    }


def test_no_reader_spells_a_data_file_and_no_module_a_vintaged_one():
    names = {d.file for d in registry()}
    for rel in READERS:
        spelled = {s for s in _literals(SRC / rel) if any(n in s for n in names)}
        assert not spelled, (rel, spelled)
    vintaged = {d.file for d in registry() if d.vintages}
    for path in SRC.rglob("*.py"):
        spelled = {s for s in _literals(path) if any(n in s for n in vintaged)}
        assert not spelled, (path, spelled)


def test_the_vintages_are_the_descriptors_with_vintages():
    from coopselect.io.data.vintages import dataset_files

    files = dataset_files()
    assert files == {d.id: d.file for d in registry() if d.vintages}
    assert {"wgi", "usgs", "gdp_per_capita"} <= set(files)
    assert by_file(files["wgi"]).id == "wgi"


# ---- which datasets a ranking rests on: one answer, the files it opens ------------------------


def _opened_by(case: str, criteria: str) -> tuple[set[str], list[str]]:
    """The data files a fresh process opens to rank ``case`` (every cache empty), and
    ``used_by`` of that ranking."""
    script = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        from coopselect.paths import data_dir
        root = data_dir().resolve()
        seen = set()
        def hook(event, args):
            if event == "open" and isinstance(args[0], (str, Path)):
                p = Path(args[0]).resolve()
                if p.suffix == ".csv" and root in p.parents:
                    seen.add(p.relative_to(root).as_posix())
        sys.addaudithook(hook)
        from coopselect.pipeline import rank
        from coopselect.io.data.sources import used_by
        result = rank(sys.argv[1], criteria=sys.argv[2] or None)
        result.to_dict()
        print(json.dumps({"opened": sorted(seen), "used": used_by(result)}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, case, criteria],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    doc = json.loads(out.stdout.strip().splitlines()[-1])
    return set(doc["opened"]), doc["used"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "criteria"),
    [(p.stem, "") for p in bundled_cases()] + [("central_asia", "commercial")],
)
def test_a_ranking_rests_on_exactly_the_files_it_opens(case, criteria):
    opened, used = _opened_by(case, criteria)
    by_id = {d.id: d for d in registry()}
    assert opened == {by_id[d].file for d in used}
    for d in registry():
        if d.read == ALWAYS:
            assert d.id in used, d.id
        if d.read == NOT_READ:
            assert d.id not in used, d.id


def test_used_datasets_follow_the_hierarchy_and_the_mineral_weighting():
    from coopselect.io.loaders.hierarchy_loader import load_hierarchy

    default = load_hierarchy(criteria_dir() / "default.toml")
    commercial = load_hierarchy(criteria_dir() / "commercial.toml")
    a = used_datasets(default)
    b = used_datasets(commercial)
    assert "epi" in a and "epi" not in b  # the commercial set leaves the EPI out
    assert "import_dependence" not in a
    assert "import_dependence" in used_datasets(default, mineral_weighting="import_dependence")
    some = next(iter(default.indicators))
    only = used_datasets(default, indicators=[some])
    assert set(only) <= set(a)
    assert default.indicators[some].dataset in only


def test_the_client_facing_licence_agrees_with_the_registry():
    """citations.toml says the licence to clients (short, in both languages); the descriptor is
    where it is recorded. A published dataset's licence there is the descriptor's (or its head);
    facts quoted from an article are cited as the article's facts."""
    from coopselect.citations import citations

    cited = citations()["datasets"]
    for d in registry():
        c = cited.get(d.citation)
        if c is None:
            assert not d.read_by_model, d.id
            continue
        if c.get("article"):
            assert d.licence.startswith("facts quoted from"), (d.id, d.licence)
        else:
            assert d.licence.startswith(c["licence"]), (d.id, d.licence, c["licence"])
