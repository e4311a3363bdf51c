"""No dead code in the package: vulture finds nothing at 80 % confidence (unused imports,
variables, unreachable code and the like), apart from the names listed below with the reason each
is needed though nothing in the package reads it.

Lower confidences (60 %: functions, classes, attributes) also list the public API, the methods
reached through ``methods/spec.py`` by name and the parts tests call; they are not checked here.
"""

from __future__ import annotations

from pathlib import Path

import vulture

SRC = Path(__file__).resolve().parents[1] / "src" / "coopselect"
MIN_CONFIDENCE = 80

# (file below src/coopselect, name): why the name stays although nothing reads it.
NEEDED: dict[tuple[str, str], str] = {
    ("app/safe.py", "background"): "textual calls LineFilter.apply(segments, background)",
    ("web/shinyapp.py", "session"): "Shiny calls server(input, output, session)",
    ("reports/provenance.py", "mtime_ns"): (
        "part of the functools.cache key: a file changed since it was hashed is hashed again"
    ),
}


def unused() -> list[str]:
    v = vulture.Vulture()
    v.scavenge([str(SRC)])
    out = []
    for item in v.get_unused_code(min_confidence=MIN_CONFIDENCE):
        rel = Path(item.filename).resolve().relative_to(SRC).as_posix()
        if (rel, item.name) not in NEEDED:
            out.append(f"{rel}:{item.first_lineno}: {item.message} ({item.confidence} %)")
    return out


def test_vulture_finds_no_dead_code_at_80_percent():
    found = unused()
    assert not found, "dead code (remove it, or list it in NEEDED with the reason):\n" + "\n".join(
        found
    )


def test_the_check_finds_an_unused_import_and_unreachable_code(tmp_path):
    (tmp_path / "m.py").write_text(
        "import os\n\n\ndef f():\n    return 1\n    print('never')\n", encoding="utf-8"
    )
    v = vulture.Vulture()
    v.scavenge([str(tmp_path)])
    messages = [i.message for i in v.get_unused_code(min_confidence=MIN_CONFIDENCE)]
    assert any("unused import 'os'" in m for m in messages), messages
    assert any("unreachable code" in m for m in messages), messages
