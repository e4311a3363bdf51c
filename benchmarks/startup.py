"""Start-up cost of ``coopselect rank --format json`` as a whole process.

Times the full command against ``python -c "import numpy, pandas"`` (the floor any pandas-based
tool pays) in one run, and prints both medians and the ratio. Target (issue 2): ratio <= 1.5.

    .venv/bin/python benchmarks/startup.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _time(cmd: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    exe = Path(sys.executable)
    cli = shutil.which("coopselect", path=str(exe.parent)) or str(exe.parent / "coopselect")
    floor_cmd = [sys.executable, "-c", "import numpy, pandas"]
    ours_cmd = [cli, "rank", "--format", "json"]
    # warm the file cache once
    subprocess.run(ours_cmd, check=True, stdout=subprocess.DEVNULL)
    floor = _time(floor_cmd, args.repeat)
    ours = _time(ours_cmd, args.repeat)
    print(f"python -c 'import numpy, pandas'   median {floor * 1000:7.1f} ms")
    print(f"coopselect rank --format json      median {ours * 1000:7.1f} ms")
    print(f"ratio {ours / floor:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
