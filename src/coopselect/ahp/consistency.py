"""Re-export of :mod:`coopselect.pairwise.consistency`, where the pairwise-comparison numerics live
(below ``coopselect.io``; see :mod:`coopselect.pairwise`); kept so existing imports work."""

from coopselect.pairwise.consistency import *  # noqa: F403
