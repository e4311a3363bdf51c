"""CONTRIBUTING.md: every "Adding ..." checklist names at most 3 files to touch (issue 20), each in
a folder that exists (a file without the NAME placeholder exists), and the method, report section
and app page checklists name the files these really live in. The completeness tests that prove
the claims for a section and a page are tests/reports/test_sections.py and
tests/app/test_page_registry.py."""

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
    assert {"Adding a method", "Adding a report section", "Adding an app page"} <= set(lists)
    for title, paths in lists.items():
        assert 1 <= len(paths) <= 3, (title, paths)
        for path in paths:
            assert (ROOT / path).parent.is_dir(), (title, path)
            if "NAME" not in path:
                assert (ROOT / path).is_file(), (title, path)


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
    from coopselect.io.data.sources import INDICATOR, registry

    paths = _checklists()["Adding a dataset"]
    assert paths == ["data/NAME.csv", "data/sources.toml", "data/citations.toml"]
    assert (ROOT / paths[1]).is_file() and (ROOT / paths[2]).is_file()
    # the claim "needs no code" holds for every keyed indicator table the registry describes
    keyed = [d for d in registry() if d.read == INDICATOR and d.keys]
    assert keyed and all(d.value and d.period and d.latest for d in keyed)


# A renderer choosing what to do by a part's key ("if sec.key == ...") is a second home of that
# part: renderers read only the format-neutral model.
PART_KEY_TEST = re.compile(r"\b(?:sec|s|section|part)\.key\s*(?:==|!=|in\b|not in\b)")
RENDERERS = ("html", "markdown", "xlsx", "sheets", "pdf", "csvout", "jsonout", "xlsx_charts")


def test_the_report_section_checklist_matches_where_parts_live():
    from coopselect.reports.sections import SECTIONS

    paths = _checklists()["Adding a report section"]
    assert paths == [
        "src/coopselect/reports/NAME_part.py",
        "src/coopselect/reports/sections.py",
        "tests/reports/test_NAME_part.py",
    ]
    for s in SECTIONS:  # every builder is a function of a module of the reports package
        module = s.build.partition(":")[0]
        assert module.startswith("coopselect.reports."), s.key
        assert (ROOT / "src" / (module.replace(".", "/") + ".py")).is_file(), s.key
    for name in RENDERERS:
        text = (ROOT / "src/coopselect/reports" / f"{name}.py").read_text(encoding="utf-8")
        assert not PART_KEY_TEST.search(text), name
    assert (ROOT / "tests/reports/test_sections.py").is_file()


def test_the_app_page_checklist_matches_where_pages_live():
    from coopselect.app.labels import L
    from coopselect.app.pages import pages

    paths = _checklists()["Adding an app page"]
    assert paths == [
        "src/coopselect/app/pages/NAME.py",
        "src/coopselect/app/labels.py",
        "tests/app/test_NAME.py",
    ]
    for p in pages():  # one module per page, its tab's name in the labels
        module = p.__module__.rsplit(".", 1)[1]
        assert (ROOT / "src/coopselect/app/pages" / f"{module}.py").is_file(), p.ID
        assert L[f"tab_{p.ID}"] is p.TAB, p.ID
    tui = (ROOT / "src/coopselect/app/tui.py").read_text(encoding="utf-8")
    assert not re.search(r"\bPAGES\b", tui)  # the app reads pages() when it starts
    assert (ROOT / "tests/app/test_page_registry.py").is_file()
