"""Saving an edited case: tomlkit round trip, .bak, stale-file refusal, bundled detection."""

from __future__ import annotations

import tomllib

import pytest

from coopselect.app.save import Fingerprint, StaleFileError, is_bundled, render, save_case
from coopselect.app.state import AppState
from coopselect.io.case_loader import load_case
from coopselect.paths import cases_dir
from coopselect.pipeline import rank


@pytest.fixture
def opened(tmp_path, default_case_text):
    text = "# my own comment\n" + default_case_text + "\n# trailing comment\n"
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    fp = Fingerprint.of(path)
    state = AppState.open(load_case(path))
    return path, text, fp, state


def order(result):
    return [(p.country, p.mode) for p in result.pairs]


def test_save_round_trip_keeps_comments_and_reloads(opened):
    path, text, fp, state = opened
    state.set_judgment("infrastructure", "esg_pressure", 5)
    state.set_weight("political_risk", 0.4)
    saved = save_case(state.case, path, source_text=text, fingerprint=fp, original=state.original)
    bak = saved.backup
    assert bak is not None and bak.read_text(encoding="utf-8") == text
    assert saved.text == path.read_text(encoding="utf-8")
    new = path.read_text(encoding="utf-8")
    assert "# my own comment" in new and "# trailing comment" in new
    assert "# Turkmenistan has no LPI 2023 score" in new
    data = tomllib.loads(new)
    assert data["weights"] == "custom"
    assert data["custom_weights"]["political_risk"] == pytest.approx(0.4)
    assert data["custom_weights_basis"]
    assert data["method_params"] == {"normalization": "vector"}
    assert data["mode_attributes"]["share"] == 0.15
    assert {(j["a"], j["b"]): j["value"] for j in data["judgments"]}[
        ("infrastructure", "esg_pressure")
    ] == 5
    again = load_case(path)
    assert order(rank(again)) == order(state.result)


def test_untouched_judgments_are_not_added(opened):
    _path, text, _fp, state = opened
    state.set_preset("equal")
    out = render(state.case, text, original=state.original)
    assert "[[judgments]]" not in out
    assert tomllib.loads(out)["weights"] == "equal"
    # everything else is byte-identical apart from the changed line
    changed = [(a, b) for a, b in zip(text.splitlines(), out.splitlines(), strict=True) if a != b]
    assert changed == [('weights = "ahp"', 'weights = "equal"')]


def test_fraction_judgments_written_as_strings(opened):
    _path, text, _fp, state = opened
    state.set_judgment("political_risk", "resource_endowment", 1 / 3)
    data = tomllib.loads(render(state.case, text, original=state.original))
    values = {(j["a"], j["b"]): j["value"] for j in data["judgments"]}
    # the judgment keeps its orientation in the file: resource endowment vs political risk = 3
    assert (
        values.get(("political_risk", "resource_endowment")) == "1/3"
        or values.get(("resource_endowment", "political_risk")) == 3
    )
    state.set_judgment("political_risk", "resource_endowment", 1 / 5)
    data = tomllib.loads(render(state.case, text, original=state.original))
    values = {(j["a"], j["b"]): j["value"] for j in data["judgments"]}
    assert (
        values.get(("political_risk", "resource_endowment")) == "1/5"
        or values.get(("resource_endowment", "political_risk")) == 5
    )


def test_stale_file_is_refused_unless_forced(opened):
    path, text, fp, state = opened
    state.set_preset("equal")
    path.write_text(text + "\n# someone else edited this\n", encoding="utf-8")
    with pytest.raises(StaleFileError):
        save_case(state.case, path, source_text=text, fingerprint=fp)
    assert "someone else" in path.read_text(encoding="utf-8")
    save_case(state.case, path, source_text=text, fingerprint=fp, force=True)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["weights"] == "equal"
    assert "someone else" in path.with_name("case.toml.bak").read_text(encoding="utf-8")


def test_touch_without_change_is_not_stale(opened):
    import os

    path, _text, fp, _state = opened
    os.utime(path, (1, 1))
    assert not fp.changed()


def test_method_change_drops_the_other_methods_params(opened):
    from coopselect.methods import available_methods

    _path, text, _fp, state = opened
    others = [m for m in available_methods() if m != state.case.method]
    if not others:
        pytest.skip("only one method registered")
    state.set_method(others[0])
    data = tomllib.loads(render(state.case, text, original=state.original))
    assert data["method"] == others[0] and "method_params" not in data


def test_bundled_detection(tmp_path):
    assert is_bundled(cases_dir() / "central_asia.toml")
    assert is_bundled(None)
    assert not is_bundled(tmp_path / "x.toml")


def test_existing_custom_table_is_updated_in_place(tmp_path, default_case_text):
    text = default_case_text.replace('weights = "ahp"', 'weights = "custom"')
    text = text.replace(
        'weights = "custom"\n',
        'weights = "custom"\ncustom_weights_basis = "our board, 2026"\n',
    )
    text += (
        "\n[custom_weights]\n# set by the board\npolitical_risk = 0.4\ninfrastructure = 0.2\n"
        "resource_endowment = 0.3\nesg_pressure = 0.1\n\n# end of file\n"
    )
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    state = AppState.open(load_case(path))
    assert render(state.case, text, original=state.original) == text  # nothing changed
    state.set_weight("esg_pressure", 0.2)
    out = render(state.case, text, original=state.original)
    assert "# set by the board" in out and out.rstrip().endswith("# end of file")
    data = tomllib.loads(out)
    assert data["custom_weights"]["esg_pressure"] == pytest.approx(0.2)
    assert data["custom_weights_basis"] == "our board, 2026"
