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

Fixed limits on requests whose work grows without bound (each refused before any work, in one
line with the accepted range):

* the megabyte variables (``COOPSELECT_MEMORY_MB``, ``COOPSELECT_MAX_FILE_MB``): a positive
  number up to ``MAX_ENV_MB`` (1 PB);
* SMAA: 1 to ``SMAA_MAX_SAMPLES`` (1,000,000) samples and a seed from 0 to 2**64 - 1
  (:func:`smaa_request`, at every command's gate and in ``run_smaa``);
* AHP files: the matrices of one file together at most the work of one matrix of the item limit
  (:func:`ahp_file_work`; a 17 MB hierarchy took 65 s);
* ``compare``: at most ``DEFAULT_MAX_VARIANTS`` (200) variants, cases x scenarios
  (``COOPSELECT_MAX_SCENARIOS`` changes it; 2,000 took 36 s).

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
# The largest accepted value of a megabyte variable (COOPSELECT_MEMORY_MB, COOPSELECT_MAX_FILE_MB):
# 1 PB. Beyond it a value is a typo (and 1e308 MB overflowed the conversion to bytes).
MAX_ENV_MB = 1024**3
# SMAA: at most a million weight samples (10,000 give acceptabilities to about +-1%, a million to
# about +-0.1%); the seed of numpy's generator is a whole number in [0, 2**64 - 1].
SMAA_MAX_SAMPLES = 1_000_000
SEED_MAX = 2**64 - 1
# compare: at most this many variants (cases x scenarios) side by side, each a full ranking
# (2,000 took 36 s); COOPSELECT_MAX_SCENARIOS changes it.
DEFAULT_MAX_VARIANTS = 200
MAX_VARIANTS_ENV = "COOPSELECT_MAX_SCENARIOS"
# AHP files: the work of every pairwise matrix of a file together (the sum of n^3 over its
# matrices), at most what one matrix of AHP_MAX_ITEMS items costs (a 17 MB hierarchy of many
# large matrices took 65 s); proportional to the budget like AHP_MAX_ITEMS.


def env_megabytes(name: str, default_mb: float, example: str) -> int:
    """Bytes from the environment variable ``name`` (megabytes), ``default_mb`` when unset."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return int(default_mb * 1024 * 1024)
    try:
        mb = float(raw)
    except ValueError:
        mb = math.nan
    if not math.isfinite(mb) or mb <= 0 or mb > MAX_ENV_MB:
        raise CoopselectError(
            f"{name} = {raw!r} is not a number of megabytes from 1 byte to {MAX_ENV_MB:,} (1 PB).",
            place=name,
            fix=f"set it to e.g. {example} (a number of megabytes in (0, {MAX_ENV_MB:,}]), or "
            f"unset it for the default {default_mb:g} MB.",
        )
    return max(1, int(mb * 1024 * 1024))


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


def ahp_file_work(sizes: list[int], *, file: str | None, place: str) -> None:
    """Refuse an AHP file whose matrices (``sizes``: items per matrix) take together more work
    than one matrix of :func:`ahp_max_items` items, before any of them is parsed."""
    limit = ahp_max_items()
    work = sum(float(n) ** 3 for n in sizes)
    if work > float(limit) ** 3:
        entries = sum(n * n for n in sizes)
        raise CoopselectError(
            f"{len(sizes):,} pairwise matrices of up to {max(sizes):,} items ({entries:,} "
            f"entries) are above the work limit of one {limit:,}-item matrix (the work grows as "
            "n^3 per matrix).",
            file=file,
            place=place,
            fix="compare fewer criteria or alternatives per file (Saaty: about 9 per matrix), "
            f"{_raise_hint(memory_budget_bytes() * (work ** (1 / 3)) / limit)}.",
        )


def smaa_request(samples: int, seed: int | None, *, what: str = "--samples") -> None:
    """Refuse a number of SMAA samples outside 1 .. ``SMAA_MAX_SAMPLES`` or a seed outside
    0 .. ``SEED_MAX`` before anything runs."""
    if isinstance(samples, bool) or not isinstance(samples, int) or samples <= 0:
        raise CoopselectError(
            f"{what} must be > 0 (got {samples!r}): the number of samples must be a positive "
            "whole number.",
            place=what,
            fix=f"use a whole number from 1 to {SMAA_MAX_SAMPLES:,}, e.g. 10000.",
        )
    if samples > SMAA_MAX_SAMPLES:
        raise CoopselectError(
            f"{samples:,} samples are above the limit of {SMAA_MAX_SAMPLES:,}.",
            place=what,
            fix=f"use a whole number from 1 to {SMAA_MAX_SAMPLES:,} (10,000 give "
            "acceptabilities to about +-1%).",
        )
    if seed is not None and (
        isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= SEED_MAX
    ):
        raise CoopselectError(
            f"seed {seed!r} is not a whole number from 0 to 2**64 - 1.",
            place="--seed",
            fix=f"use a seed from 0 to {SEED_MAX}, e.g. 0.",
        )


def max_variants() -> int:
    """How many variants ``compare`` ranks side by side: ``COOPSELECT_MAX_SCENARIOS``, default
    ``DEFAULT_MAX_VARIANTS``."""
    raw = os.environ.get(MAX_VARIANTS_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_MAX_VARIANTS
    text = raw.strip()
    if not text.isdigit() or not 2 <= int(text) <= 100_000:
        raise CoopselectError(
            f"{MAX_VARIANTS_ENV} = {raw!r} is not a whole number from 2 to 100,000.",
            place=MAX_VARIANTS_ENV,
            fix=f"set it to e.g. 500, or unset it for the default {DEFAULT_MAX_VARIANTS}.",
        )
    return int(text)


def variants(n: int, *, place: str) -> None:
    """Refuse a comparison of more than :func:`max_variants` variants before any is ranked."""
    limit = max_variants()
    if n > limit:
        raise CoopselectError(
            f"{n:,} variants (cases x scenarios) are above the limit of {limit:,}; each is a full "
            "ranking.",
            place=place,
            fix=f"compare at most {limit:,} at once, or raise the limit with "
            f"{MAX_VARIANTS_ENV}=<number>.",
        )
