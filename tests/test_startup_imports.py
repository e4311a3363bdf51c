"""The default path stays light: ``coopselect rank`` must not import pymcdm or matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys

CODE = """
import json, sys, io, contextlib
from coopselect.cli.main import app
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    try:
        app(["rank", "--format", "json"], standalone_mode=False)
    except SystemExit:
        pass
top = {m.split(".")[0] for m in sys.modules}
heavy = sorted(top & {"pymcdm", "matplotlib", "scipy", "textual"})
print(json.dumps(heavy))
"""


def test_rank_imports_no_heavy_package():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
