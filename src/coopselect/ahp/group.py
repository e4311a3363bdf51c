"""Re-export of :mod:`coopselect.pairwise.group`, where the pairwise-comparison numerics live
(below ``coopselect.io``; see :mod:`coopselect.pairwise`); kept so existing imports work."""

from coopselect.pairwise.group import *  # noqa: F403
