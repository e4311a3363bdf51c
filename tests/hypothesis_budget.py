"""How many examples a hypothesis invariant tries, by test lane.

The full suite (the README's test command, CI) runs each invariant at the budget its test states.
The development loop (``pytest -m "not slow"``) loads the "dev" profile (tests/conftest.py), which
tries a quarter of each budget (at least 10 examples; derandomised like the full suite, so both
lanes give the same verdict on every run and machine): the loop stays under a minute, and the full
budgets still run before anything lands. ``HYPOTHESIS_PROFILE=ci pytest -m "not slow"`` runs the
loop at the full budgets.
"""

from __future__ import annotations

from hypothesis import settings

FULL = 100  # the "ci" profile's max_examples: a test's stated budget runs unchanged


def examples(budget: int) -> int:
    """``budget`` in the full suite; the same share of it as the loaded profile's max_examples is
    of the full profile's (a quarter in the development loop), never fewer than 10."""
    share = settings.default.max_examples / FULL
    return budget if share >= 1 else max(10, round(budget * share))
