"""Robustness: weight sampling, SMAA-2 acceptability, one-at-a-time sweeps, critical weights.

The SMAA defaults below are shared by ``coopselect sensitivity``, ``coopselect report``, the
Python report API and the app, so one case gives one robustness answer wherever it is asked.
This module stays free of imports so the CLI can read them without loading numpy.
"""

DEFAULT_SAMPLES = 10000  # weight draws
DEFAULT_CONCENTRATION = 20.0  # Dirichlet concentration around the case weights
# Holistic acceptability weights ranks 1..n linearly, so it depends on how many ranks are
# counted; every caller counts all ranks up to this many.
HOLISTIC_RANKS = 100
