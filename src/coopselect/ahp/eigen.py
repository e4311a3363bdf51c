"""Re-export of :mod:`coopselect.pairwise.eigen`, where the pairwise-comparison numerics live
(below ``coopselect.io``; see :mod:`coopselect.pairwise`); kept so existing imports work."""

from coopselect.pairwise.eigen import *  # noqa: F403
