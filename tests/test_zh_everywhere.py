"""Chinese output carries no English-only sentence (issue 21, "Chinese everywhere").

An ENGLISH-ONLY SENTENCE is a run of at least four consecutive English words (ASCII letters,
joined only by spaces, commas or apostrophes) in a stretch of text that holds no Chinese
character: the text is cut at every line break, HTML tag, table cell bar (ASCII or box-drawing)
and Chinese character, and each piece is searched. Before searching, the tokens that are not
English prose are taken out:

- URLs and e-mail addresses;
- words in capitals or with digits (ISO3 codes such as KAZ, acronyms and method names: USGS, MCS,
  WGI, LPI, EPI, ESG, MSP, EPC, AHP, SMAA, TOPSIS, VIKOR, PROMETHEE II, SPOTIS, WSM, CC BY-NC-SA,
  codes like NY.GDP.PCAP.CD): none is an English sentence, and a Chinese reader sees them in
  Chinese text too;
- a cited source after "来源：" up to its closing bracket: the publisher and title of an
  English-language document (a news item, an annual report), printed as published so that a
  reader can find it; the Chinese sentence around it says what was taken from it.

Numbers and units break a run (they are not letters). A Chinese sentence that quotes a name
keeps its Chinese characters and passes; an English reason, note or caption does not.
"""

from __future__ import annotations

import html
import re

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.paths import cases_dir

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = r"[A-Za-z]+(?:'[A-Za-z]+)?"
RUN = re.compile(rf"{WORD}(?:[ ,]+{WORD}){{3,}}")
NOT_PROSE = re.compile(
    r"https?://\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"  # URLs, e-mail addresses
    r"|\b[\w.'-]*(?:[A-Z]{2,}|\d)[\w.'-]*"  # ISO3 codes, acronyms, method names, codes
)
CITED_SOURCE = re.compile(r"来源：(?:[^（）]|（[^（）]*）)*）")


def english_only(text: str) -> list[str]:
    """The English-only sentences of ``text`` (plain text, Markdown or HTML)."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    text = CITED_SOURCE.sub("）", text)
    found = []
    for line in text.splitlines():
        for piece in re.split(r"[\u3400-\u9fff]+|[|\u2500-\u257f]", line):
            m = RUN.search(NOT_PROSE.sub(" ", piece))
            if m:
                found.append(piece.strip())
    return found


def test_the_definition_catches_english_and_passes_chinese():
    assert english_only("理由: Exposure: co-owned capital locked into a mine.") != []
    assert english_only("| 2 | Complementary resources are why the project exists |") != []
    assert english_only("<td>A deposit cannot be moved</td>") != []
    assert english_only("哈萨克斯坦 × 合作开发 在 35 个组合中排第 1 位（得分 0.870）。") == []
    assert english_only("方法：TOPSIS，VIKOR，PROMETHEE II，SPOTIS；KAZ UZB TJK KGZ") == []
    assert english_only("见 https://example.org/a/b/c/d 与 USGS MCS 2024") == []
    assert english_only("Ministry of Energy") == []  # three words: a name, not a sentence
    assert (
        english_only(
            "金产量：取所引补充数据（来源：Kumtor Gold Company (reported by TASS), "
            "Revenues from gold sales reached $1.8 billion, news item, 2023）"
        )
        == []
    )
    assert english_only("来源：A B（C D E F G H）之后 the words come here again") != []


runner = CliRunner()
CASES = sorted(p.stem for p in cases_dir().glob("*.toml"))


def _run(*args: str) -> str:
    r = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    return r.output


def _hosts_and_pair(case: str) -> tuple[str, str, str]:
    from coopselect.pipeline import rank

    res = rank(case)
    top, last = res.pairs[0], res.pairs[-1]
    return top.country, last.country, last.mode


@pytest.mark.parametrize("case", CASES)
def test_explain_in_chinese_has_no_english_sentence(case):
    host, other, mode = _hosts_and_pair(case)
    out = _run("explain", case, host, "--lang", "zh")
    out += _run("explain", case, other, mode, "--lang", "zh")
    assert english_only(out) == []


def test_rank_and_ahp_in_chinese_have_no_english_sentence():
    case = str(cases_dir() / "central_asia.toml")
    out = _run("rank", "--lang", "zh") + _run("ahp", case, "--lang", "zh")
    assert english_only(out) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_in_chinese_has_no_english_sentence(tmp_path, fmt):
    _run("report", "-o", str(tmp_path), "--formats", fmt, "--lang", "zh", "-s", "200")
    text = (tmp_path / f"report.{fmt}").read_text(encoding="utf-8")
    assert english_only(text) == []


def _plain(renderable) -> str:
    import io

    from rich.console import Console

    con = Console(width=250, record=True, file=io.StringIO())
    con.print(renderable)
    return con.export_text()


@pytest.mark.parametrize("case", CASES)
def test_terminal_and_web_apps_in_chinese_have_no_english_sentence(case):
    from coopselect.app.detail import render_detail
    from coopselect.app.state import AppState
    from coopselect.io.loaders.case_loader import load_case
    from coopselect.web import views

    state = AppState.open(load_case(case))
    res = state.result
    top, last = res.pairs[0], res.pairs[-1]
    out = [_plain(render_detail(res, p.country, p.mode, "zh")) for p in (top, last)]
    for iso in views.hosts(state):
        lines, rows = views.host_reason(state, "zh", iso)
        out += lines + [str(cell) for row in rows for cell in row]
    assert english_only("\n".join(out)) == []


GROUP = """
[[experts]]
name = "Geologist"
weight = 2

[[experts.judgments]]
a = "resource_endowment"
b = "political_risk"
value = 3

[[experts.judgments]]
a = "resource_endowment"
b = "infrastructure"
value = 4

[[experts]]
name = "Risk analyst"
weight = 1

[[experts.judgments]]
a = "political_risk"
b = "esg_pressure"
value = "1/3"
"""


def test_a_group_cases_notes_in_chinese_have_no_english_sentence(
    write_case, default_case_text, tmp_path
):
    """The experts' basis and the judgments completed for them: made at run time, rendered in
    Chinese where they are shown (the notes of rank, ahp and the report)."""
    path = str(write_case(default_case_text + GROUP))
    out = _run("rank", path, "--lang", "zh") + _run("ahp", path, "--lang", "zh")
    assert "2 位专家" in out and "补全为" in out
    _run("report", path, "-o", str(tmp_path / "r"), "--formats", "md", "--lang", "zh")
    out += (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    assert english_only(out) == []


def test_an_ad_hoc_rank_in_chinese_states_its_defaults_in_chinese():
    out = _run("rank", "--countries", "PAN,GIN,BRA", "--minerals", "copper", "--lang", "zh")
    assert out.count("默认：临时案例") == 6
    assert english_only(out) == []
