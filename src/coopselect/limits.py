"""Work limits: one memory budget for every allocation that grows faster than the input file.

The input gate (:mod:`coopselect.io.files`) caps a file at 20 MB, which bounds everything linear
in the data. What can still grow without bound is checked here, *before* anything is allocated,
against one budget:

* ``DEFAULT_MEMORY_MB`` = 1536 MB, so that with the interpreter, numpy and the data the process
  stays within 2 GB; the environment variable ``COOPSELECT_MEMORY_MB`` raises (or lowers) it;
* PROMETHEE II: an m x m preference matrix and its temporaries, ``PROMETHEE_BYTES_PER_PAIR`` (64)
  bytes per pair of alternatives (measured: 48 to 56): about 4,900 alternatives at the default;
* rank correlations (``rankcorr``, ``compare``: Kendall's tau and the mid-ranks compare every
  pair of items): ``RANKCORR_BYTES_PER_PAIR`` (32) bytes per pair (measured: 28): about 7,000
  items at the default;
* SMAA (``sensitivity --samples``, ``mcda --smaa``, ``report --samples``, the app): the weight
  samples, ``SMAA_BYTES_PER_WEIGHT`` (16) bytes per sample and criterion (measured: 10 to 16), plus
  one chunk of scores, ``SMAA_BYTES_PER_SCORE`` (48) bytes per alternative and sample of a chunk;
* AHP: a pairwise matrix of at most ``AHP_MAX_ITEMS`` (500) items. Its memory is small (n x n), but
  the eigenvector and the search for the most inconsistent judgment grow as n^3 (600 items take
  about 8 s, 2,000 about a minute), and Saaty's method is meant for about 9 items per matrix; the
  limit scales with the budget (``COOPSELECT_MEMORY_MB`` = 3072 allows 1,000 items).

A refusal is one :class:`CoopselectError` line with the need, the budget and how to raise it.
"""

from __future__ import annotations

import math
import os

from coopselect.errors import CoopselectError

DEFAULT_MEMORY_MB = 1536
MEMORY_ENV = "COOPSELECT_MEMORY_MB"
PROMETHEE_BYTES_PER_PAIR = 64
RANKCORR_BYTES_PER_PAIR = 32
SMAA_BYTES_PER_WEIGHT = 16
SMAA_BYTES_PER_SCORE = 48
AHP_MAX_ITEMS = 500  # at the default budget; proportional to it


def env_megabytes(name: str, default_mb: float, example: str) -> int:
    """Bytes from the environment variable ``name`` (megabytes), ``default_mb`` when unset."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return int(default_mb * 1024 * 1024)
    try:
        mb = float(raw)
    except ValueError:
        mb = math.nan
    if not math.isfinite(mb) or mb <= 0:
        raise CoopselectError(
            f"{name} = {raw!r} is not a positive number of megabytes.",
            place=name,
            fix=f"set it to e.g. {example}, or unset it for the default {default_mb:g} MB.",
        )
    return int(mb * 1024 * 1024)


def memory_budget_bytes() -> int:
    """The budget in bytes: ``COOPSELECT_MEMORY_MB`` megabytes, default 1536."""
    return env_megabytes(MEMORY_ENV, DEFAULT_MEMORY_MB, "4096")


_TB = 1024**4


def _amount(n: float) -> str:
    if n > _TB:
        return "more than 1 TB"
    if n >= 1024**3:
        return f"{n / 1024**3:,.1f} GB"
    return f"{n / 1024**2:,.0f} MB"


def _raise_hint(need: float) -> str:
    mb = math.ceil(need / 1024 / 1024)
    return (
        f"or raise the memory budget with {MEMORY_ENV}={mb} (megabytes; default "
        f"{DEFAULT_MEMORY_MB})"
    )


def require_memory(need_bytes: float, what: str, *, place: str | None, fix: str) -> None:
    """Refuse ``what`` before allocating when it needs more than the budget. ``fix`` names the
    smaller request; the way to raise the budget is added."""
    budget = memory_budget_bytes()
    if need_bytes > budget:
        about = "" if need_bytes > _TB else "about "
        raise CoopselectError(
            f"{what} needs {about}{_amount(need_bytes)} of memory, above the budget of "
            f"{_amount(budget)}.",
            place=place,
            fix=f"{fix}." if need_bytes > _TB else f"{fix}, {_raise_hint(need_bytes)}.",
        )


def promethee_pairs(m: int) -> None:
    require_memory(
        float(PROMETHEE_BYTES_PER_PAIR) * m * m,
        f"PROMETHEE II on {m:,} alternatives (an m x m preference matrix)",
        place="matrix",
        fix="rank fewer alternatives (screen them first), use a method without pairwise "
        "matrices (topsis, vikor, spotis, ...)",
    )


def rankcorr_pairs(n: int) -> None:
    require_memory(
        float(RANKCORR_BYTES_PER_PAIR) * n * n,
        f"rank correlation of rankings of {n:,} items (every pair of items)",
        place="rankings",
        fix="compare fewer items (e.g. the top ones)",
    )


def smaa_samples(samples: int, n_alternatives: int, n_criteria: int, chunk: int) -> None:
    need = float(SMAA_BYTES_PER_WEIGHT) * samples * n_criteria
    need += float(SMAA_BYTES_PER_SCORE) * n_alternatives * min(chunk, samples)
    require_memory(
        need,
        f"SMAA with {samples:,} weight samples of {n_criteria} criteria for {n_alternatives:,} "
        "alternatives",
        place="samples",
        fix="use fewer samples (10,000 give acceptabilities to about +-1%)",
    )


def ahp_max_items() -> int:
    """``AHP_MAX_ITEMS`` at the default budget, proportional to the budget."""
    return max(2, int(AHP_MAX_ITEMS * memory_budget_bytes() / (DEFAULT_MEMORY_MB * 1024 * 1024)))


def ahp_items(n: int, *, file: str | None, place: str) -> None:
    limit = ahp_max_items()
    if n > limit:
        raise CoopselectError(
            f"a pairwise matrix of {n:,} items is above the limit of {limit:,} (the work grows "
            "as n^3).",
            file=file,
            place=place,
            fix="split the items into a hierarchy (Saaty: about 9 per matrix), "
            f"{_raise_hint(memory_budget_bytes() * n / limit)}.",
        )
