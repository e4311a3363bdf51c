"""Saving an edited case: tomlkit round trip, .bak, stale-file refusal, bundled detection."""

from __future__ import annotations

import tomllib

import pytest

from coopselect.app.save import Fingerprint, StaleFileError, is_bundled, render, save_case
from coopselect.app.state import AppState
from coopselect.io.loaders.case_loader import load_case
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


# ---- issue 13: tidy reasons, no stale tables, no lost edits, mode and symlinks kept -----------
def _judgment(state, a, b):
    return state.judgment(a, b)


def test_one_app_note_replaces_the_last(opened):
    _path, _text, _fp, state = opened
    j0 = state.case.hierarchy.judgments[0]
    a, b = j0.a, j0.b
    analyst = j0.reason
    assert analyst and j0.value > 1  # the bundled judgment: a matters more than b
    for _ in range(3):  # three keystrokes up the scale
        state.set_judgment(a, b, float(state.judgment_value(a, b)) + 1)
    reason = _judgment(state, a, b).reason
    assert reason.count("set in the coopselect app") == 1
    assert reason.startswith(f"set in the coopselect app (was {j0.text}).")
    assert reason.endswith(analyst)  # same direction: the analyst's reason stays
    state.set_judgment(a, b, j0.value)  # back where the analyst put it: no note
    assert _judgment(state, a, b).reason == analyst


def test_reason_dropped_when_the_direction_flips_and_back_when_it_returns(opened):
    _path, _text, _fp, state = opened
    j0 = state.case.hierarchy.judgments[0]
    a, b = j0.a, j0.b
    state.set_judgment(a, b, 1 / 3)  # now b matters more: the reason argued the opposite
    assert _judgment(state, a, b).reason == f"set in the coopselect app (was {j0.text})."
    state.set_judgment(a, b, 1)  # equal: still not the analyst's direction
    assert j0.reason not in _judgment(state, a, b).reason
    state.set_judgment(a, b, j0.value)
    assert _judgment(state, a, b).reason == j0.reason


def test_judgment_edit_keeps_a_custom_preset(opened):
    _path, _text, _fp, state = opened
    state.set_preset("custom")
    before = state.current_weights()
    j0 = state.case.hierarchy.judgments[0]
    state.set_judgment(j0.a, j0.b, 9)
    assert state.case.weights_preset == "custom"
    assert state.current_weights() == pytest.approx(before)


def test_no_stale_custom_weights_while_ahp(opened):
    _path, text, _fp, state = opened
    state.set_weight("political_risk", 0.5)  # custom weights computed by the app
    state.set_preset("ahp")
    out = render(state.case, text, original=state.original)
    data = tomllib.loads(out)
    assert data["weights"] == "ahp" and "custom_weights" not in data


def test_two_app_saves_of_one_case_cannot_both_succeed(opened):
    path, text, fp, _state = opened
    one = AppState.open(load_case(path))
    two = AppState.open(load_case(path))
    one.set_preset("equal")
    two.set_preset("fraser")
    save_case(one.case, path, source_text=text, fingerprint=fp, original=one.original)
    with pytest.raises(StaleFileError):
        save_case(two.case, path, source_text=text, fingerprint=fp, original=two.original)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["weights"] == "equal"


def test_concurrent_saves_under_the_lock(opened):
    """Many threads save different edits from the same opened state: exactly one succeeds."""
    import threading

    path, text, fp, _state = opened
    presets = ["equal", "fraser", "custom", "equal", "fraser", "custom"]
    states = [AppState.open(load_case(path)) for _ in presets]
    for s, p in zip(states, presets, strict=True):
        s.set_preset(p)
    ok, stale = [], []
    barrier = threading.Barrier(len(states))

    def save(s):
        barrier.wait()
        try:
            save_case(s.case, path, source_text=text, fingerprint=fp, original=s.original)
            ok.append(s)
        except StaleFileError:
            stale.append(s)

    threads = [threading.Thread(target=save, args=(s,)) for s in states]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ok) == 1 and len(stale) == len(states) - 1
    assert tomllib.loads(path.read_text(encoding="utf-8"))["weights"] == ok[0].case.weights_preset


def test_save_keeps_the_mode_and_writes_through_a_symlink(tmp_path, default_case_text):
    import os
    import stat

    real = tmp_path / "real" / "case.toml"
    real.parent.mkdir()
    real.write_text(default_case_text, encoding="utf-8")
    os.chmod(real, 0o644)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    fp, text = Fingerprint.read(link)
    state = AppState.open(load_case(link))
    state.set_preset("equal")
    saved = save_case(state.case, link, source_text=text, fingerprint=fp, original=state.original)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert tomllib.loads(real.read_text(encoding="utf-8"))["weights"] == "equal"
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    assert saved.backup == real.with_name("case.toml.bak")
    assert not [p for p in real.parent.iterdir() if p.name.endswith(".tmp")]


def test_app_note_from_the_file_is_not_repeated(tmp_path, default_case_text):
    """A reason saved with a note keeps one note after the next session's edit."""
    path = tmp_path / "c.toml"
    path.write_text(default_case_text, encoding="utf-8")
    state = AppState.open(load_case(path))
    j0 = state.case.hierarchy.judgments[0]
    state.set_judgment(j0.a, j0.b, j0.value + 1)
    fp, text = Fingerprint.read(path)
    save_case(state.case, path, source_text=text, fingerprint=fp, original=state.original)
    again = AppState.open(load_case(path))
    again.set_judgment(j0.a, j0.b, j0.value + 2)
    reason = again.judgment(j0.a, j0.b).reason
    assert reason.count("set in the coopselect app") == 1
    assert f"(was {j0.text})" in reason and reason.endswith(j0.reason)


def test_safe_stem():
    from coopselect.app.save import safe_stem

    assert safe_stem("../../x") == "x"
    assert safe_stem("/etc/passwd") == "passwd"
    assert safe_stem("..") == "case"
    assert safe_stem("central_asia") == "central_asia"
    assert "\x1b" not in safe_stem("a\x1b[2Jb")


def test_attribute_edits_saved_with_one_note_and_reloaded(opened):
    path, text, fp, state = opened
    state.set_attribute_share(0.3)
    state.set_attribute_weight("ease_of_exit", 0.5)
    state.set_attribute_share(0.25)
    saved = save_case(state.case, path, source_text=text, fingerprint=fp, original=state.original)
    data = tomllib.loads(saved.text)["mode_attributes"]
    assert data["share"] == 0.25
    assert data["weights"]["ease_of_exit"] == pytest.approx(0.5)
    assert data["basis"].count("set in the coopselect app") == 1
    again = load_case(path)
    assert again.mode_attributes.share == 0.25
    assert order(rank(again)) == order(state.result)
