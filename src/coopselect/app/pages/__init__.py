"""The app's pages, one module each; :class:`~coopselect.app.pages.base.Page` is what they share."""

from __future__ import annotations

from coopselect.app.pages.ahp import AhpPage
from coopselect.app.pages.compare import ComparePage
from coopselect.app.pages.detail import DetailPage
from coopselect.app.pages.ranking import RankingPage
from coopselect.app.pages.robust import RobustPage
from coopselect.app.pages.weights import WeightsPage
from coopselect.app.pages.whatif import WhatIfPage

PAGES = (RankingPage, WeightsPage, AhpPage, DetailPage, RobustPage, WhatIfPage, ComparePage)

__all__ = [
    "PAGES",
    "AhpPage",
    "ComparePage",
    "DetailPage",
    "RankingPage",
    "RobustPage",
    "WeightsPage",
    "WhatIfPage",
]
