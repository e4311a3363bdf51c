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


def test_a_rankings_own_notes_are_messages_with_chinese():
    """Every note the pipeline makes itself is a message or a label, and has Chinese; the only
    plain texts are the ranking method's own notes (the MCDA toolbox writes them in English)."""
    from coopselect.citations import criteria_note, localise_note
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.paths import cases_dir
    from coopselect.pipeline import rank

    cases = [path.stem for path in sorted(cases_dir().glob("*.toml"))]
    for case in [*cases, adhoc_case("PAN,GIN,BRA", "copper")]:
        res = rank(case)
        method_notes = set(getattr(res.method_result, "notes", ()))
        for note in res.notes:
            if isinstance(note, str):
                assert note in method_notes, note
            else:
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
