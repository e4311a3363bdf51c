"""Fixtures of the report tests: the default ranking and the hostile case (once per session)."""

from __future__ import annotations

import pytest
from hostile_case import write_hostile_case


@pytest.fixture(scope="session")
def default_result():
    from coopselect.pipeline import rank

    return rank()


@pytest.fixture(scope="session")
def hostile_result(tmp_path_factory):
    from coopselect.pipeline import rank

    return rank(write_hostile_case(tmp_path_factory.mktemp("hostile"), hostile_modes=True))


@pytest.fixture(scope="session")
def default_report(default_result):
    """``default_report(lang)`` -> (report, {file name: bytes}): the default case's report built
    and rendered to HTML, Markdown, xlsx, CSV and JSON once per session and language. Rendering the
    charts takes seconds, and several test files read the same report."""
    import rp

    cache: dict = {}

    def get(lang: str):
        if lang not in cache:
            opts = rp.ReportOptions(lang=lang, samples=300, date="2026-01-01")
            report = rp.build_report(default_result, opts)
            cache[lang] = (
                report,
                rp.render_files(report, ("html", "md", "xlsx", "csv", "json")).files,
            )
        return cache[lang]

    return get
