"""Whole-process ``coopselect rank`` on a global ad-hoc case vs the bundled default case.

Times, interleaved in one run (so that machine load hits both alike), median of N:

* ``coopselect rank`` (the bundled default case, 5 hosts x 7 modes, table output);
* ``coopselect rank --countries all --minerals copper --by country`` (224 hosts x 7 modes =
  1,568 pairs, table of the 224 best modes);
* both with ``--format json``.

Target (issue 12): the global rank within 1.5x the bundled-case rank.

    .venv/bin/python benchmarks/global_rank.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

GLOBAL = ["--countries", "all", "--minerals", "copper", "--by", "country"]


def _once(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys) of one whole process."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args()
    exe = Path(sys.executable)
    cli = shutil.which("coopselect", path=str(exe.parent)) or str(exe.parent / "coopselect")
    cmds = {
        "bundled, table": [cli, "rank"],
        "global, table": [cli, "rank", *GLOBAL],
        "bundled, json": [cli, "rank", "--format", "json"],
        "global, json": [cli, "rank", *GLOBAL, "--format", "json"],
    }
    for cmd in cmds.values():  # warm the file cache
        _once(cmd)
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
    for _ in range(args.repeat):
        for k, cmd in cmds.items():
            samples[k].append(_once(cmd))
    wall = {k: statistics.median(w for w, _ in v) for k, v in samples.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in samples.items()}
    for k in cmds:
        print(f"{k:16s} wall median {wall[k] * 1000:7.1f} ms   CPU median {cpu[k] * 1000:7.1f} ms")
    for kind in ("table", "json"):
        a, b = f"global, {kind}", f"bundled, {kind}"
        print(
            f"ratio global/bundled ({kind}): wall {wall[a] / wall[b]:.2f}, "
            f"CPU {cpu[a] / cpu[b]:.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
