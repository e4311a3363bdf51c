"""Re-export of :mod:`coopselect.pairwise.completion`, where the pairwise-comparison numerics live
(below ``coopselect.io``; see :mod:`coopselect.pairwise`); kept so existing imports work."""

from coopselect.pairwise.completion import *  # noqa: F403
