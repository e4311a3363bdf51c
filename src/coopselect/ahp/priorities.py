"""Re-export of :mod:`coopselect.pairwise.priorities`, where the pairwise-comparison numerics live
(below ``coopselect.io``; see :mod:`coopselect.pairwise`); kept so existing imports work."""

from coopselect.pairwise.priorities import *  # noqa: F403
