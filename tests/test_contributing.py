"""CONTRIBUTING.md: every "Adding ..." checklist names at most 3 files to touch (issue 20), each in
a folder that exists, and the method checklist names the files a method really lives in."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
STEP = re.compile(r"^\d+\. \*\*`(?P<path>[^`]+)`\*\*", re.M)


def _checklists() -> dict[str, list[str]]:
    parts = re.split(r"^## ", TEXT, flags=re.M)
    return {p.splitlines()[0]: STEP.findall(p) for p in parts if p.startswith("Adding ")}


def test_each_checklist_names_at_most_three_files_in_existing_folders():
    lists = _checklists()
    assert "Adding a method" in lists
    for title, paths in lists.items():
        assert 1 <= len(paths) <= 3, (title, paths)
        for path in paths:
            assert (ROOT / path).parent.is_dir(), (title, path)


def test_the_method_checklist_matches_where_methods_live():
    from coopselect.methods.spec import SPECS

    paths = _checklists()["Adding a method"]
    assert paths == [
        "src/coopselect/methods/NAME.py",
        "src/coopselect/methods/spec.py",
        "tests/methods/test_NAME.py",
    ]
    for s in SPECS:  # every method is one module under methods/
        assert (ROOT / "src/coopselect/methods" / f"{s.module}.py").is_file(), s.id
    assert (ROOT / paths[1]).is_file()


def test_the_dataset_checklist_names_the_descriptor_files():
    from coopselect.io.sources import INDICATOR, registry

    paths = _checklists()["Adding a dataset"]
    assert paths == ["data/NAME.csv", "data/sources.toml", "data/citations.toml"]
    assert (ROOT / paths[1]).is_file() and (ROOT / paths[2]).is_file()
    # the claim "needs no code" holds for every keyed indicator table the registry describes
    keyed = [d for d in registry() if d.read == INDICATOR and d.keys]
    assert keyed and all(d.value and d.period and d.latest for d in keyed)
