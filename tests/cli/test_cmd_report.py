"""``coopselect report``: one case, several cases (globs, index), --force, and every bad input as
one readable line with exit code 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.cmd_report import folder_name
from coopselect.cli.main import app
from coopselect.paths import cases_dir

runner = CliRunner()
FAST = ["--samples", "0", "--date", "2026-01-01"]


def top_pair(lang: str) -> str:
    """The default case's leading pair as the pipeline ranks it, in words."""
    import coopselect
    from coopselect.io.data import reference

    res = coopselect.rank()
    top = res.pairs[0]
    mode = res.case.catalog.get(top.mode).name(lang)
    return f"{reference.countries()[top.country].name(lang)} × {mode}"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def one_error_line(res, fragment: str) -> None:
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.output
    assert fragment in lines[0]
    assert "Traceback" not in res.output


def test_default_case_report(tmp_path):
    out = tmp_path / "r"
    res = run(
        "report",
        "--out",
        out,
        "--formats",
        "md,csv,json",
        "--samples",
        "200",
        "--date",
        "2026-01-01",
    )
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == [
        "pairs.csv",
        "provenance.md",
        "report.json",
        "report.md",
    ]
    assert f"1. {top_pair('en')}" in res.stdout
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "stamp" not in doc  # the reproducibility stamp is for auditors: provenance.md
    stamp = (out / "provenance.md").read_text(encoding="utf-8")
    assert "| Date | 2026-01-01 |" in stamp
    assert "| Command line | coopselect report --out " in stamp
    assert "--samples 200 --seed 0" in stamp
    assert doc["robustness"]["smaa"]["samples"] == 200


def test_chinese_report(tmp_path):
    out = tmp_path / "zh"
    res = run("report", "central_asia", "--out", out, "--formats", "md", "--lang", "zh", *FAST)
    assert res.exit_code == 0, res.output
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.startswith("# 陕西省与中亚五国矿产资源合作")
    assert f"1. {top_pair('zh')}" in res.stdout


def test_several_cases_from_a_glob_with_index(tmp_path):
    out = tmp_path / "all"
    res = run("report", cases_dir() / "*.toml", "--out", out, "--formats", "json,md", *FAST)
    assert res.exit_code == 0, res.output
    ids = ["central_asia", "critical_minerals_alliances", "northeast_asia_precious"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*ids, "index.html", "index.md"])
    for cid in ids:
        assert (out / cid / "report.json").is_file() and (out / cid / "report.md").is_file()
    index = (out / "index.md").read_text(encoding="utf-8")
    assert all(f"]({cid}/report.md)" in index for cid in ids)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="central_asia/report.json"' in html and "http" not in html.split("<body>")[1]


def test_non_empty_folder_needs_force(tmp_path):
    out = tmp_path / "r"
    assert run("report", "--out", out, "--formats", "json", *FAST).exit_code == 0
    (out / "report.json").write_text("old", encoding="utf-8")
    res = run("report", "--out", out, "--formats", "json", *FAST)
    one_error_line(res, "folder is not empty")
    assert (out / "report.json").read_text(encoding="utf-8") == "old"
    res = run("report", "--out", out, "--formats", "json", "--force", *FAST)
    assert res.exit_code == 0, res.output
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["ranking"]["pairs"]


def test_hostile_case_id_stays_inside_the_folder(tmp_path, default_case_text):
    case = tmp_path / "evil.toml"
    case.write_text(default_case_text.replace('id = "central_asia"', 'id = "../evil"'), "utf-8")
    out = tmp_path / "out"
    res = run("report", case, "central_asia", "--out", out, "--formats", "json", *FAST)
    assert res.exit_code == 0, res.output
    assert (out / "_evil" / "report.json").is_file()
    assert not (tmp_path / "evil").exists()
    assert folder_name("..") == "case" and folder_name("a/b") == "a_b"


def test_same_case_twice_is_refused(tmp_path):
    res = run(
        "report",
        "central_asia",
        cases_dir() / "central_asia.toml",
        "--out",
        tmp_path / "x",
        "--formats",
        "json",
        *FAST,
    )
    one_error_line(res, "two cases have the folder name 'central_asia'")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--formats", "html,docx"], "unknown report format 'docx'"),
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--date", "yesterday"], "is not a date"),
        (["--samples", "-1"], "--samples must be >= 0"),
        (["no/such/case.toml"], "file not found"),
        (["cases/zzz*.toml"], "no case file matches this pattern"),
        (["--method", "nope"], "unknown method 'nope'"),
    ],
)
def test_bad_input_is_one_line(tmp_path, args, fragment):
    res = run("report", "--out", tmp_path / "o", *args)
    one_error_line(res, fragment)
    assert not (tmp_path / "o").exists()


def test_out_is_a_file(tmp_path):
    f = tmp_path / "taken"
    f.write_text("x", encoding="utf-8")
    one_error_line(run("report", "--out", f, *FAST), "exists and is not a folder")


def test_unwritable_out(tmp_path):
    f = tmp_path / "file"
    f.write_text("x", encoding="utf-8")
    one_error_line(run("report", "--out", f / "sub", "--formats", "json", *FAST), "cannot write")


def test_bad_case_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("countries = [", encoding="utf-8")
    one_error_line(run("report", bad, "--out", tmp_path / "o", *FAST), "invalid TOML")
