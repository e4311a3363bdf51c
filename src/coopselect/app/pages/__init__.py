"""The app's pages, one module each; :class:`~coopselect.app.pages.base.Page` is what they share."""

from __future__ import annotations

from coopselect.app.pages.ahp import AhpPage
from coopselect.app.pages.detail import DetailPage
from coopselect.app.pages.ranking import RankingPage
from coopselect.app.pages.robust import RobustPage
from coopselect.app.pages.weights import WeightsPage

PAGES = (RankingPage, WeightsPage, AhpPage, DetailPage, RobustPage)

__all__ = ["PAGES", "AhpPage", "DetailPage", "RankingPage", "RobustPage", "WeightsPage"]
