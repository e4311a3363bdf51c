"""Plain text everywhere in the terminal (issue 13): names and titles from input files print as
written, never as Rich markup, and no control character reaches the terminal raw.

A hostile case (title, mode and criterion names), decision matrix and AHP file (see
hostile_terminal.py) go through rank, explain, compare, sensitivity, mcda (and --smaa), weights,
ahp and report; the output holds the literal text, no escape byte, no hyperlink, no title change.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from coopselect.cli.main import app

sys.path.insert(0, str(Path(__file__).parent))
import hostile_terminal as h

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
STYLED = {"COLUMNS": "400", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
MODES = (h.LINK, h.BOLD, f"Equity{h.CLEAR}", f"Tech{h.OSC}")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {
        "case": str(h.write_case(folder)),
        "problem": str(h.write_problem(folder)),
        "ahp": str(h.write_ahp(folder)),
        "folder": folder,
    }


def _run(args, env=WIDE):
    res = runner.invoke(app, args, env=env)
    assert res.exit_code == 0, res.output
    return res.output


CASE_COMMANDS = {
    "rank": (["rank", "{case}"], (*MODES, h.LINK, h.BOLD, h.CLEAR, h.OSC)),
    "rank-by-country": (["rank", "{case}", "--by", "country"], ()),
    "explain": (["explain", "{case}", "KAZ", "joint_development"], (h.LINK,)),
    "explain-host": (["explain", "{case}", "KAZ"], (h.BOLD,)),
    "compare": (["compare", "{case}", "--methods", "topsis,wsm"], MODES),
    "sensitivity": (["sensitivity", "{case}", "--samples", "300", "--top", "40"], ()),
}


@pytest.mark.parametrize("env", [WIDE, STYLED], ids=["plain", "styled"])
@pytest.mark.parametrize("name", list(CASE_COMMANDS))
def test_case_commands_print_names_as_text(files, name, env):
    args, names = CASE_COMMANDS[name]
    out = _run([a.format(**files) for a in args], env)
    h.check_output(out, styled=env is STYLED, names=names)


@pytest.mark.parametrize("env", [WIDE, STYLED], ids=["plain", "styled"])
@pytest.mark.parametrize(
    "args",
    [
        ["mcda", "{problem}"],
        ["mcda", "{problem}", "--smaa", "300", "--seed", "1"],
        ["weights", "{problem}"],
        ["compare", "{problem}", "--methods", "topsis,wsm"],
    ],
    ids=["mcda", "smaa", "weights", "compare"],
)
def test_problem_commands_print_names_as_text(files, args, env):
    out = _run([a.format(**files) for a in args], env)
    names = h.ALTERNATIVES if args[0] != "weights" else ()
    h.check_output(out, styled=env is STYLED, names=names)


@pytest.mark.parametrize("env", [WIDE, STYLED], ids=["plain", "styled"])
def test_ahp_prints_labels_as_text(files, env):
    out = _run(["ahp", files["ahp"]], env)
    h.check_output(out, styled=env is STYLED, names=(h.LINK, h.BOLD, f"C{h.CLEAR}{h.OSC}"))


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_other_formats_carry_no_control_characters(files, fmt):
    for args in (["rank", files["case"]], ["mcda", files["problem"]]):
        out = _run([*args, "-f", fmt])
        assert "\x1b" not in out and "\x07" not in out
        if fmt == "md":  # inert: no link can form from a name
            assert "](" not in out.replace("\\]", "")
            assert "\\[link=http://evil.example\\]Safe\\[/link\\]" in out


def test_report_summary_and_markdown(files, tmp_path):
    out = tmp_path / "rep"
    text = _run(["report", files["case"], "--out", str(out), "--formats", "md,html", "-s", "0"])
    h.check_output(text, names=())
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "\x1b" not in md and "\x07" not in md
    assert "\\[link=http://evil.example\\]Safe\\[/link\\]" in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "\x1b" not in html and "\x07" not in html
    assert "[link=http://evil.example]Safe[/link]" in html


def test_error_message_with_escape_in_path_is_escaped(tmp_path):
    bad = tmp_path / f"case{h.OSC}{h.CLEAR}.toml"
    res = runner.invoke(app, ["rank", str(bad)])
    assert res.exit_code == 2
    assert "\x1b" not in res.output and "\x07" not in res.output
    assert f"case{h.OSC_SHOWN}{h.CLEAR_SHOWN}.toml" in res.output


def test_report_csv_and_json_carry_no_control_characters(files, tmp_path):
    """Issue 23: the report's CSV and JSON show the hostile names escaped, as the terminal does."""
    import json

    out = tmp_path / "rep"
    _run(["report", files["case"], "--out", str(out), "--formats", "csv,json", "-s", "0"])
    pairs = (out / "pairs.csv").read_text(encoding="utf-8-sig")
    doc = (out / "report.json").read_text(encoding="utf-8")
    for text in (pairs, doc, json.dumps(json.loads(doc), ensure_ascii=False)):
        assert "\x1b" not in text and "\x07" not in text
    assert f"Tech{h.OSC_SHOWN}" in pairs and f"Equity{h.CLEAR_SHOWN}" in pairs
    assert json.loads(doc)["title"] == f"Case {h.LINK} {h.BOLD} {h.CLEAR_SHOWN} {h.OSC_SHOWN}"


# ---- the neutraliser itself (coopselect.textsafety) -------------------------------------------

# What must never reach a terminal raw: C0 but tab and newline, DEL, C1, bidi marks, embeddings,
# overrides and isolates, and the Unicode line and paragraph separators.
ACTING = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\t", "\n"}
ACTING |= {"\u061c", "\u200e", "\u200f", "\u2028", "\u2029"}
ACTING |= {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


@given(st.text(alphabet=st.sampled_from(sorted(ACTING) + list("ab[]\\x\t\n=é中"))))
def test_visible_leaves_nothing_that_acts_on_a_terminal(text):
    from coopselect.textsafety import csv_cell, one_line, visible

    assert not ACTING & set(visible(text))
    assert not (ACTING | {"\t", "\n"}) & set(one_line(text))
    # the escapes are readable and say which character it was
    for ch in ACTING & set(text):
        code = ord(ch)
        assert (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") in visible(text)
    cell = csv_cell(text)
    assert not ACTING & set(cell) and not cell.startswith(("=", "+", "-", "@", "\r"))


@given(st.text())
def test_strip_controls_keeps_the_width_of_a_drawn_line(text):
    """The app's last line filter drops control characters from lines already laid out: the line
    must keep its width in terminal cells."""
    from rich.cells import cell_len

    from coopselect.textsafety import has_controls, strip_controls

    kept = strip_controls(text)
    assert not has_controls(kept) and not ACTING & set(kept)
    assert cell_len(kept) == cell_len(text)
