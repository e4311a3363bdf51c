"""The global case as whole processes: every covered economy x 7 modes (about 1,500 pairs).

``--countries all --minerals copper`` builds the ad-hoc global case (coopselect.io.loaders.adhoc).
One run times, each command interleaved with its reference, median of ``--repeat`` (wall, and
CPU = user + sys of the process):

* ``coopselect rank --countries all --minerals copper`` (table of every pair; also ``--by
  country`` and ``--format json``) against the bundled-case ``coopselect rank`` (35 pairs) in the
  same form. Target (issue 12): <= 1.5x the bundled case.
* ``coopselect sensitivity --countries all --minerals copper --samples 10000`` (table; and
  ``--format json``, whose document holds the acceptability of every pair for the first 100
  ranks), and with ``-m promethee2``, ``vikor``, ``wsm`` (their SMAA kernels, sweeps and
  critical weights). Target: <= 3 s. In process, the SMAA part alone (``run_smaa``, the batched
  TOPSIS kernel, 100 ranks) is timed too.
* ``coopselect report --countries all --minerals copper -o DIR`` (every format, 10,000 SMAA
  samples), and the same without the charts. Target: <= 20 s.

    .venv/bin/python benchmarks/global_case.py [--repeat 5] [--report-repeat 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bench

GLOBAL = ["--countries", "all", "--minerals", "copper"]
NO_CHARTS = "xlsx,html,md,csv,json"
OTHER_METHODS = ("promethee2", "vikor", "wsm")


def _line(label: str, wall_cpu: tuple[float, float], note: str = "") -> None:
    print(f"  {label:58s} wall {wall_cpu[0]:6.2f} s   cpu {wall_cpu[1]:6.2f} s   {note}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--report-repeat", type=int, default=2)
    args = ap.parse_args()
    print(_bench.machine())
    cli = _bench.coopselect_cli()

    rank = _bench.interleaved(
        {
            "bundled": [cli, "rank"],
            "global": [cli, "rank", *GLOBAL],
            "bundled by": [cli, "rank", "--by", "country"],
            "global by": [cli, "rank", *GLOBAL, "--by", "country"],
            "bundled json": [cli, "rank", "--format", "json"],
            "global json": [cli, "rank", *GLOBAL, "--format", "json"],
        },
        args.repeat,
    )
    sens_cmd = [cli, "sensitivity", *GLOBAL, "--samples", "10000", "--seed", "1"]
    sens = _bench.interleaved(
        {
            "table": sens_cmd,
            "json": [*sens_cmd, "--format", "json"],
            **{m: [*sens_cmd, "-m", m] for m in OTHER_METHODS},
        },
        max(1, args.repeat // 2),
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rep_cmd = [cli, "report", *GLOBAL, "--force", "--seed", "1"]
        report = _bench.interleaved(
            {
                "all": [*rep_cmd, "-o", str(out / "all")],
                "no charts": [*rep_cmd, "-o", str(out / "nc"), "--formats", NO_CHARTS],
            },
            args.report_repeat,
        )
    smaa_alone = _smaa_seconds(args.repeat)

    print(
        f"Global case ({' '.join(GLOBAL)}); medians of {args.repeat} "
        f"(sensitivity: {max(1, args.repeat // 2)}, report: {args.report_repeat})"
    )
    for kind, suffix in (("table", ""), ("--by country", " by"), ("json", " json")):
        ratio = rank[f"global{suffix}"][0] / rank[f"bundled{suffix}"][0]
        ratio_cpu = rank[f"global{suffix}"][1] / rank[f"bundled{suffix}"][1]
        _line(f"rank, bundled case ({kind})", rank[f"bundled{suffix}"])
        _line(
            f"rank, global case ({kind})",
            rank[f"global{suffix}"],
            f"ratio wall {ratio:.2f}, cpu {ratio_cpu:.2f} (target <= 1.5)",
        )
    _line("sensitivity --samples 10000 (table)", sens["table"], "(target <= 3 s)")
    _line("sensitivity --samples 10000 --format json", sens["json"], "(target <= 3 s)")
    for m in OTHER_METHODS:
        _line(f"sensitivity --samples 10000 -m {m} (table)", sens[m], "(target <= 3 s)")
    label = "  of which run_smaa in process (TOPSIS kernel, 100 ranks)"
    print(f"  {label:58s} wall {smaa_alone:6.2f} s")
    _line("report, every format", report["all"], "(target <= 20 s)")
    _line("report without charts (xlsx,html,md,csv,json)", report["no charts"])


def _smaa_seconds(repeat: int) -> float:
    """run_smaa on the global case as `sensitivity` calls it (median wall seconds)."""
    from coopselect.cli.common import case_arg
    from coopselect.pipeline import prepare
    from coopselect.sensitivity.smaa import run_smaa

    c, _, _, problem = prepare(case_arg(None, "all", "copper", None, None))
    dm = problem.dm
    times = []
    for _ in range(max(1, repeat // 2)):
        t0 = time.perf_counter()
        run_smaa(
            dm,
            method=c.method,
            samples=10000,
            seed=1,
            ranks=min(dm.shape[0], 100),
            weight_sampler="dirichlet",
            concentration=20.0,
            **dict(c.method_params),
        )
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


if __name__ == "__main__":
    main()
