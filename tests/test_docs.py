"""The docs are current: every command is documented with its help, every transcript still matches.

When a test here fails after a change to a command or its output, run
``.venv/bin/python scripts/build_docs.py`` and review the diff it makes.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_docs", ROOT / "scripts" / "build_docs.py")
build_docs = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("build_docs", build_docs)  # dataclasses look their module up there
_spec.loader.exec_module(build_docs)

FIX = "run .venv/bin/python scripts/build_docs.py"
TRANSCRIPTS = [t for path in build_docs.doc_files() for t in build_docs.transcripts(path)]


def _id(t) -> str:
    return f"{t.file.relative_to(ROOT)}:{t.line}"


def test_every_command_is_in_the_reference_with_its_current_help():
    text = build_docs.COMMANDS_MD.read_text(encoding="utf-8")
    for path, cmd in build_docs.walk():
        name = " ".join(path)
        assert f"## `{name}`" in text, f"`{name}` is missing from docs/commands.md: {FIX}"
        assert build_docs.help_text(cmd) in text, f"the help of `{name}` changed: {FIX}"
    assert text == build_docs.command_reference(), f"docs/commands.md is stale: {FIX}"


def test_generated_sections_are_current():
    for path in build_docs.doc_files():
        text = path.read_text(encoding="utf-8")
        assert build_docs.refresh_generated(text) == text, f"{path.name} is stale: {FIX}"


def test_the_docs_have_transcripts():
    files = {t.file.name for t in TRANSCRIPTS if t.skip_reason is None}
    assert "README.md" in files and len(files) > 2


@pytest.mark.parametrize("transcript", [t for t in TRANSCRIPTS if t.skip_reason is None], ids=_id)
def test_transcript_matches_what_the_command_prints(transcript):
    have = build_docs.normalise(transcript.body)
    want = build_docs.normalise(build_docs.expected_body(transcript))  # runs the commands
    if transcript.varies_reason is not None:
        return  # it ran without an exception; its output is not expected to repeat
    if have != want:
        diff = "\n".join(
            difflib.unified_diff(
                have.split("\n"), want.split("\n"), "in the docs", "printed now", lineterm=""
            )
        )
        pytest.fail(f"{_id(transcript)}: the transcript is stale ({FIX}):\n{diff}")


def test_every_transcript_left_unrun_says_why():
    for t in TRANSCRIPTS:
        if t.skip_reason is not None:
            assert len(t.skip_reason) > 10, f"{_id(t)}: say why it is not run"
        if t.varies_reason is not None:
            assert len(t.varies_reason) > 10, f"{_id(t)}: say why its output varies"


def test_python_blocks_in_docs_run():
    for path in sorted(build_docs.DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for code in re.findall(r"```python\n(.*?)```", text, flags=re.S):
            with build_docs.scratch_dir():
                exec(compile(code, str(path), "exec"), {})


def test_relative_links_point_to_files():
    for path in build_docs.doc_files():
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (path.parent / target).exists(), f"{path.name}: broken link {target}"


def test_every_case_key_has_a_meaning():
    text = (build_docs.DOCS / "cases.md").read_text(encoding="utf-8")
    assert build_docs.UNDOCUMENTED not in text, f"docs/cases.md has a key without meaning: {FIX}"
    assert build_docs.UNDOCUMENTED not in build_docs.case_keys_table(), (
        "a case-file key has no meaning: add it to CASE_KEYS in scripts/build_docs.py"
    )


def test_complete_case_examples_in_the_docs_load(tmp_path):
    from coopselect import load_case

    text = (build_docs.DOCS / "cases.md").read_text(encoding="utf-8")
    examples = [b for b in re.findall(r"```toml\n(.*?)```", text, flags=re.S) if "[case]" in b]
    assert examples
    for k, body in enumerate(examples):
        path = tmp_path / f"example{k}.toml"
        path.write_text(body, encoding="utf-8")
        load_case(path)


def test_every_ranking_method_is_in_the_methods_page():
    from coopselect.methods import available_methods

    text = (build_docs.DOCS / "methods.md").read_text(encoding="utf-8")
    for name in available_methods():
        assert f"`{name.split(':')[0]}" in text, f"method {name} is not in docs/methods.md"
