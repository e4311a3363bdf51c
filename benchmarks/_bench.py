"""Shared helpers of the whole-process benchmarks: the machine, the problem file, timing.

Timing runs each command as a subprocess and records its wall time and its CPU time (user + sys
of the child, from ``os.wait4``). Commands are interleaved (a, b, c, a, b, c, ...) so that load
from other processes hits them alike; the medians are reported. On a shared 2-core machine the
wall times follow the load; the CPU times much less so.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

N_ALT, N_CRIT = 1400, 12


def coopselect_cli() -> str:
    exe = Path(sys.executable)
    return shutil.which("coopselect", path=str(exe.parent)) or str(exe.parent / "coopselect")


def machine() -> str:
    """CPU model, cores, load, Python and numpy versions (one line each)."""
    import numpy as np

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    blas = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    return (
        f"machine: {model}, {os.cpu_count()} cores, load average {load}\n"
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"OPENBLAS_NUM_THREADS={blas}"
    )


def write_problem(folder: Path, seed: int = 2026) -> tuple[Path, str, str]:
    """The benchmark problem as a CSV file (1,400 alternatives x 12 criteria, uniform 1..100;
    every third criterion a cost), with the ``--types`` and ``--weights`` arguments."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 100, size=(N_ALT, N_CRIT))
    types = ["cost" if j % 3 == 0 else "benefit" for j in range(N_CRIT)]
    path = folder / "problem.csv"
    lines = ["name," + ",".join(f"c{j}" for j in range(N_CRIT))]
    lines += [f"a{i}," + ",".join(repr(float(v)) for v in x[i]) for i in range(N_ALT)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, ",".join(types), ",".join(["1"] * N_CRIT)


def run_once(cmd: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of ``cmd``; stdout to ``stdout`` or discarded."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    finally:
        if stdout:
            out.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def interleaved(cmds: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, cpu) of every command, run ``repeat`` times each, interleaved, after one
    warm-up run each (file cache)."""
    for cmd in cmds.values():
        run_once(cmd)
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeat):
        for key, cmd in cmds.items():
            wall, cpu = run_once(cmd)
            walls[key].append(wall)
            cpus[key].append(cpu)
    return {k: (statistics.median(walls[k]), statistics.median(cpus[k])) for k in cmds}
