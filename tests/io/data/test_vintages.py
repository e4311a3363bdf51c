"""The active vintages: one pointer file (active.json) switched atomically, under a lock."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

SWITCHES = 150


@pytest.mark.slow  # two child processes switching in a loop
@pytest.mark.skipif(sys.platform == "win32", reason="the lock is POSIX flock")
def test_two_processes_switching_different_datasets_keep_both_choices(tmp_path):
    """Each process switches its own dataset many times; without the lock, one would read the
    pointer, the other replace it, and the first write back the other's old choice."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from coopselect.io.data import vintages
        for i in range({SWITCHES}):
            vintages.activate({{sys.argv[2]: f"v{{i}}"}}, Path(sys.argv[1]))
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), ds])
        for ds in ("electricity", "usgs")
    ]
    for p in procs:
        assert p.wait(timeout=120) == 0
    doc = json.loads((tmp_path / "vintages" / "active.json").read_text(encoding="utf-8"))
    last = f"v{SWITCHES - 1}"
    assert doc == {"active": {"electricity": last, "usgs": last}}


def test_a_damaged_pointer_is_one_line_with_the_fix(tmp_path):
    from coopselect.errors import CoopselectError
    from coopselect.io.data import vintages

    (tmp_path / "vintages").mkdir()
    (tmp_path / "vintages" / "active.json").write_text('{"active": ["usgs"]}', encoding="utf-8")
    with pytest.raises(CoopselectError, match="damaged") as err:
        vintages.active_map(tmp_path)
    assert "delete the file" in str(err.value)
