"""Every reason of the bundled files has its Chinese text (issue 21), and the loaders carry it.

A user's file may be English only: a missing Chinese text is no error, and Chinese output then
shows the English reason (``i18n.pick``).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.hierarchy_loader import load_hierarchy
from coopselect.io.loaders.modes_loader import load_modes
from coopselect.paths import cases_dir, criteria_dir

CJK = re.compile(r"[\u3400-\u9fff]")
# Keys whose text a user reads: each needs "<key>_zh" beside it in a bundled file.
TEXT_KEYS = {
    "reason",
    "judgment_reason",
    "basis",
    "judgment_basis",
    "judgments_basis",
    "custom_weights_basis",
    "tiers_reason",
    "scale",  # an attribute's scale in words (an indicator's scale is a keyword or bounds)
    "source",
}
BUNDLED = sorted([*criteria_dir().glob("*.toml"), *cases_dir().glob("*.toml")])


def missing_zh(node, where: str = "") -> list[str]:
    """Places in a parsed TOML file where a user-facing English text has no Chinese text."""
    out: list[str] = []
    if isinstance(node, list):
        for k, item in enumerate(node):
            out += missing_zh(item, f"{where}[{k}]")
        return out
    if not isinstance(node, dict):
        return out
    for key, value in node.items():
        place = f"{where}.{key}" if where else key
        words = key != "scale" or where.startswith("attributes.")  # else a keyword or bounds
        if key in TEXT_KEYS and words and isinstance(value, str) and value.strip():
            zh = node.get(f"{key}_zh", "")
            if not (isinstance(zh, str) and CJK.search(zh)):
                out.append(place)
        elif key in ("intrinsic_reasons", "citations"):
            zh = node.get(f"{key}_zh", {} if key == "intrinsic_reasons" else [])
            pairs = (
                zip(value, zh, strict=False)
                if key == "citations"
                else ((value[k], zh.get(k, "")) for k in value)
            )
            if len(zh) != len(value) or not all(CJK.search(z) for _, z in pairs):
                out.append(place)
        else:
            out += missing_zh(value, place)
    return out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_reason_has_a_chinese_text(path: Path):
    assert missing_zh(tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_the_scan_finds_a_reason_without_chinese():
    doc = {
        "judgments": [{"a": "x", "b": "y", "value": 2, "reason": "Because."}],
        "modes": [{"intrinsic_reasons": {"e": "Quick."}, "intrinsic_reasons_zh": {}}],
        "m": {"p": {"value": 1, "reason": "R.", "reason_zh": "English again."}},
    }
    assert missing_zh(doc) == ["judgments[0].reason", "modes[0].intrinsic_reasons", "m.p.reason"]


def test_the_loaders_carry_the_chinese_texts():
    case = load_case("central_asia")
    catalog, h = case.catalog, case.hierarchy
    texts = [j.reason_in("zh") for j in h.judgments]
    texts += [j.reason_in("zh") for js in h.subjudgments.values() for j in js]
    for m in catalog.modes:
        texts += [j.reason_in("zh") for j in (*m.profile.values(), *m.barrier_response.values())]
        texts += [m.intrinsic_reason(a, "zh") for a in m.intrinsic] + [m.source_in("zh")]
    texts += [a.scale_in("zh") for a in catalog.attributes.values()]
    model = catalog.model
    names = ["floor", "cap", "unlisted", "tech", "alliance"]
    texts += [model.reason(n, "zh") for n in names + [f"tech.{k}" for k in model.tech_judgments]]
    texts += [case.minerals.basis_in("zh"), case.mode_attributes.basis_in("zh")]
    texts += [s.reason_in("zh") for s in case.scenarios.values()] + list(case.citations_in("zh"))
    texts += [case.judgments_basis_in("zh")]
    assert texts and all(CJK.search(t) for t in texts)
    # and English output keeps the English text
    j = h.judgments[0]
    assert j.reason_in("en") == j.reason and not CJK.search(j.reason)


def test_a_users_english_only_files_load_and_fall_back_to_english(tmp_path):
    def english_only(name: str) -> Path:
        text = (criteria_dir() / name).read_text(encoding="utf-8")
        text = re.sub(r', reason_zh = "[^"]*"', "", text)  # inline tables
        text = re.sub(r'(?m)^(?:\w*reason|\w*basis|scale|source)_zh = "[^"]*"\n', "", text)
        text = re.sub(r"(?ms)^\[modes\.intrinsic_reasons_zh\]\n.*?(?:\n\n|\Z)", "", text)
        assert "reason_zh =" not in text and "intrinsic_reasons_zh]" not in text
        out = tmp_path / name
        out.write_text(text, encoding="utf-8")
        return out

    catalog = load_modes(english_only("modes.toml"))
    mode = catalog.get("trade")
    assert mode.profile["commitment"].reason_in("zh") == mode.profile["commitment"].reason
    assert mode.intrinsic_reason("ease_of_exit", "zh") == mode.intrinsic_reasons["ease_of_exit"]
    assert catalog.model.reason("tech", "zh") == catalog.model.tech_reason
    h = load_hierarchy(english_only("commercial.toml"))
    assert all(j.reason_in("zh") == j.reason for j in h.judgments)


def test_a_case_written_by_case_new_keeps_the_chinese_reasons(tmp_path):
    from typer.testing import CliRunner

    from coopselect.cli.main import app

    path = tmp_path / "new.toml"
    r = CliRunner().invoke(app, ["case", "new", str(path), "--countries", "KAZ,UZB"])
    assert r.exit_code == 0, r.output
    judgments = load_case(path).hierarchy.judgments
    assert judgments and all(CJK.search(j.reason_in("zh")) for j in judgments)
