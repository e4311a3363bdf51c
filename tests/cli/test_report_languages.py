"""``coopselect report --lang zh,en``: both languages from one ranking, one folder per language."""

from __future__ import annotations

from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()


def test_both_languages_in_one_run(tmp_path):
    out = tmp_path / "r"
    res = runner.invoke(
        app, ["report", "--out", str(out), "--lang", "zh,en", "--formats", "md,json", "-s", "0"]
    )
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["en", "zh"]
    for lg in ("zh", "en"):
        assert sorted(p.name for p in (out / lg).iterdir()) == [
            "provenance.md",
            "report.json",
            "report.md",
        ]
    assert (out / "zh" / "report.md").read_text(encoding="utf-8").startswith("# 陕西省")
    assert (out / "en" / "report.md").read_text(encoding="utf-8").startswith("# Shaanxi")
    assert "--lang zh,en" in (out / "en" / "provenance.md").read_text(encoding="utf-8")
    assert f"{out / 'zh'}/" in res.stdout and f"{out / 'en'}/" in res.stdout


def test_several_cases_and_languages_have_an_index_per_language(tmp_path):
    out = tmp_path / "r"
    res = runner.invoke(
        app,
        [
            "report",
            "central_asia",
            "northeast_asia_precious",
            "--out",
            str(out),
            "--lang",
            "en,zh",
            "--formats",
            "md",
            "-s",
            "0",
        ],
    )
    assert res.exit_code == 0, res.output
    for lg in ("en", "zh"):
        names = sorted(p.name for p in (out / lg).iterdir())
        assert names == ["central_asia", "index.html", "index.md", "northeast_asia_precious"]
        index = (out / lg / "index.md").read_text(encoding="utf-8")
        assert "central_asia/report.md" in index and f"{lg}/" not in index
