"""The package's one message catalog (coopselect.messages): complete, used, rendered at the edge."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from coopselect import i18n, messages
from coopselect.i18n import Label
from coopselect.messages import CATALOG, Message, message, message_ids, render

SRC = Path(__file__).resolve().parents[1] / "src" / "coopselect"
# Chinese characters, and the full-width punctuation Chinese text is set in
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")


def fields(template: str) -> set[tuple[str, str]]:
    """The placeholders of a template with their format specs: {("share", ".4%"), ...}."""
    return {(f, spec or "") for _, f, spec, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("msg_id", sorted(CATALOG))
def test_every_message_has_both_languages_with_the_same_placeholders(msg_id):
    label = CATALOG[msg_id]
    assert label.en.strip() and label.zh.strip()
    assert label.zh != label.en
    assert CHINESE.search(label.zh), label.zh
    assert not IDEOGRAPH.search(label.en), label.en
    assert fields(label.zh) == fields(label.en)


def ids_used_in_src() -> tuple[set[str], list[str]]:
    """The ids of every ``message(...)`` call in the package, and the calls whose id is not
    written as a literal (or a choice between literals), which this test could not read."""
    used: set[str] = set()
    unreadable: list[str] = []
    for path in SRC.rglob("*.py"):
        if path.name == "messages.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name != "message":
                continue
            arg = node.args[0]
            choices = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for c in choices:
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    used.add(c.value)
                else:
                    unreadable.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return used, unreadable


def test_every_message_is_used_and_every_used_message_is_defined():
    used, unreadable = ids_used_in_src()
    assert unreadable == [], "write message ids as literals so that they can be checked"
    assert used - set(CATALOG) == set(), "used but not in coopselect.messages.CATALOG"
    # the EPI licence note's text is i18n.EPI_LICENCE, which the reports' labels also show
    assert set(CATALOG) - used == set(), "in the catalog but used nowhere"


def test_render_fills_parameters_in_each_language():
    msg = message(
        "endowment.supplementary",
        mineral=Label("铜", "Copper"),
        measure=message("measure.production"),
        what=message("usgs.not_listed"),
        share=0.012345,
        source="Kumtor Gold Company, 2023",
    )
    assert render(msg, "en") == (
        "Copper production: not listed by USGS MCS; cited supplementary figure 1.2345% of world "
        "(Kumtor Gold Company, 2023)"
    )
    assert render(msg, "zh") == (
        "铜产量：USGS MCS 未列出；取所引补充数据，占世界 1.2345%（来源：Kumtor Gold Company, 2023）"
    )
    # a number keeps its placeholder's format in both languages
    est = message("endowment.estimated", fraction=0.1, smallest=0.0004, share=0.00004, source="X")
    assert "0.1 x the smallest listed share (0.0400% of world) = 0.0040%" in render(est, "en")
    assert "（占世界 0.0400%）的 0.1 倍计，为 0.0040%" in render(est, "zh")


def test_a_label_parameter_without_chinese_shows_its_english():
    basis = "group judgments of 2 experts (a (0.50, CR 0.000), b (0.50, CR 0.000)), aggregated"
    msg = message("ahp.group", basis=Label("", basis))
    assert render(msg, "zh") == f"AHP 准则：生效中的判断为 {basis}。"
    assert render(Label("等权", "equal weights"), "zh") == "等权"
    assert render("a method's note", "zh") == "a method's note"


def test_a_message_is_a_value_checked_when_made():
    a = message("favourability.equal_reference", indicator="wgi_rl")
    assert a == message("favourability.equal_reference", indicator="wgi_rl")
    assert len({a, message("favourability.equal_reference", indicator="wgi_rl")}) == 1
    with pytest.raises(AttributeError):
        a.id = "other"  # type: ignore[misc]
    with pytest.raises(KeyError):
        message("no.such.message")
    with pytest.raises(TypeError, match="indicator"):
        message("favourability.equal_reference", country="KAZ")
    assert str(a) == "<message favourability.equal_reference>"  # never passes for a rendering
    nested = message("missing.imputed", rule=message("missing.rule.worst"))
    assert message_ids(nested) == {"missing.imputed", "missing.rule.worst"}


def test_no_registry_at_run_time():
    """A message renders the same in a process that never made it: nothing global is consulted
    but the constant catalog (the registry of notes made at run time is gone)."""
    assert not hasattr(i18n, "note") and not hasattr(i18n, "in_lang")
    made = Message("missing.imputed", (("rule", Message("missing.rule.median")),))
    assert render(made, "zh") == "来源无数据，取有数据候选国的中位数"
    assert render(made, "en") == "no value in the source; median of candidates with a value"


def test_a_rankings_notes_are_messages_with_chinese():
    """Every note of a ranking, the ranking method's own included, is a message or a label, and
    has Chinese (a plain text, pymcdm's own warnings, comes only from a peer method, which no
    case uses)."""
    from coopselect.citations import criteria_note, localise_note
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.paths import cases_dir
    from coopselect.pipeline import rank

    cases = [path.stem for path in sorted(cases_dir().glob("*.toml"))]
    for case in [*cases, adhoc_case("PAN,GIN,BRA", "copper")]:
        res = rank(case)
        for note in res.notes:
            assert isinstance(note, (Message, Label)), note
            assert IDEOGRAPH.search(render(note, "zh")), note
            assert localise_note(note, "en") != ""
        for lang in ("en", "zh"):  # the criteria set and its data licences, in each language
            assert criteria_note(res.case.hierarchy, lang) in [render(n, lang) for n in res.notes]
        for gap in (*res.scores.imputed, *res.scores.excluded):
            assert isinstance(gap.detail, (Message, Label)), gap
            assert IDEOGRAPH.search(render(gap.detail, "zh"))
            assert gap.as_dict()["detail"] == render(gap.detail, "en")
        assert res.to_dict()["notes"] == [render(n, "en") for n in res.notes]


def test_the_catalog_is_the_module_constant():
    assert messages.CATALOG["note.epi_licence"] is i18n.EPI_LICENCE


# A matrix on which the methods have something to say: criterion 2 is constant, criterion 3 has
# weight 0, criterion 4 is all zeros (a benefit); all values >= 0, the cost column's > 0.
NOTED_X = [[3.0, 5.0, 1.0, 0.0, 2.0], [1.0, 5.0, 4.0, 0.0, 6.0], [2.0, 5.0, 2.0, 0.0, 3.0]]
NOTED_W = [0.4, 0.2, 0.0, 0.1, 0.3]
NOTED_T = [1, 1, 1, 1, -1]


def _method_notes(name: str, **params) -> tuple:
    """``name``'s notes on NOTED_X, or, for a method that needs every value > 0, on NOTED_X
    without its all-zero column."""
    import numpy as np

    from coopselect.errors import CoopselectError
    from coopselect.methods import run_method

    x, w, t = np.array(NOTED_X), np.array(NOTED_W), np.array(NOTED_T)
    try:
        return run_method(name, x, w, t, **params).notes
    except CoopselectError:
        keep = [0, 1, 2, 4]
        return run_method(name, x[:, keep], w[keep] / w[keep].sum(), t[keep], **params).notes


def test_every_ranking_methods_notes_are_messages_with_chinese():
    """coopselect's own methods say what they did with a constant column, a zero weight, an
    all-zero column and bounds from the data in catalog messages, Chinese included, whatever
    the options (TOPSIS and WSM's normalisations, VIKOR and SPOTIS bounds, PROMETHEE II's
    thresholds, the consensus's members)."""
    from coopselect.methods import available_methods

    runs = [(name, {}) for name in available_methods()]
    runs += [(m, {"normalization": n}) for m in ("topsis", "wsm") for n in ("minmax", "sum")]
    runs += [("vikor", {"bounds": [[0, 5], None, None, None, [0, 10]]})]
    runs += [("promethee2", {"preference": "ushape", "q": [0.5, 0.5, 9, 0.5, 0.5]})]
    seen: set[str] = set()
    for name, params in runs:
        notes = _method_notes(name, **params)
        assert notes, (name, params)  # each has a note on this matrix
        for note in notes:
            assert isinstance(note, Message), (name, note)
            zh, en = render(note, "zh"), render(note, "en")
            assert IDEOGRAPH.search(zh) and not IDEOGRAPH.search(en), (name, zh, en)
            seen |= message_ids(note)
    # what the matrix triggers, each in at least one method
    assert {
        "method.constant",
        "method.zero_weight",
        "method.zeros_contribute",
        "method.zeros_set",
        "method.column_zeros",
        "method.column_constant",
        "method.constant_in",
        "method.member_note",
        "promethee.within_threshold",
        "bounds.from_data",
        "bounds.partly_from_data",
        "method.effect.same_s",
        "method.effect.factor_one",
    } <= seen
    partly = message("bounds.partly_from_data", criteria=Label("2、3", "2, 3"), method="VIKOR")
    assert render(partly, "zh") == (
        "准则 2、3 的边界（部分）取自数据：VIKOR 只有在边界固定时才不会发生排名逆转。"
    )


def test_a_constant_columns_note_names_its_effect_in_each_language():
    notes = _method_notes("aras")
    assert render(notes[0], "en") == (
        "criterion 2 is constant: it adds the same amount to every S (no effect on the ranking)."
    )
    assert render(notes[0], "zh") == "准则 2 为常数：它给每个 S 加上相同的量（不影响排名）。"
    member = next(n for n in _method_notes("consensus") if "VIKOR" in render(n, "en"))
    assert render(member, "en") == "vikor: criterion 2 is constant: it carries no weight in VIKOR."
    assert render(member, "zh") == "vikor：准则 2 为常数：在 VIKOR 中不起作用。"


def test_a_peer_methods_only_plain_texts_are_pymcdms_own_warnings():
    notes = _method_notes("pymcdm:cocoso")
    first, *warnings = notes
    assert isinstance(first, Message) and first.id == "peer.scores_by"
    assert "pymcdm" in render(first, "zh") and IDEOGRAPH.search(render(first, "zh"))
    for w in warnings:
        assert isinstance(w, str) and w.startswith("pymcdm: "), w
