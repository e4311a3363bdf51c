"""The app's export goes through the real reports package (the TUI test uses a stand-in)."""

from __future__ import annotations

import coopselect
from coopselect.app import export


def test_export_writes_a_real_markdown_report(tmp_path):
    assert export.available()
    target = tmp_path / "central_asia_report.md"
    written = export.write(coopselect.rank(), target, "zh")
    text = written.read_text(encoding="utf-8")
    assert written == target
    assert text.startswith("# ")
    assert "哈萨克斯坦" in text  # Chinese labels, as chosen in the app


def test_export_keeps_an_existing_file_as_backup(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("my notes", encoding="utf-8")
    export.write(coopselect.rank(), target, "en")
    assert (tmp_path / "r.md.bak").read_text(encoding="utf-8") == "my notes"
    assert "Kazakhstan" in target.read_text(encoding="utf-8")
