"""The app's pages, one module each; :class:`~coopselect.app.pages.base.Page` is what they share.

A page is found here by itself: every module of this package (but ``base``) defines one
``Page`` subclass with an ``ID``, and :func:`pages` lists them in their tab order (``Page.ORDER``,
then ``ID``). The app reads only this list: its tabs, the number keys (1 is the first page), the
key bar's page count, the help's list of pages and the language switch. A page's own keys are
textual ``BINDINGS`` on its class, active while it has the focus.

    pages()          # (RankingPage, WeightsPage, ...)
    register(cls)    # add a page defined elsewhere (tests); returns cls
"""

from __future__ import annotations

import importlib
import pkgutil

from coopselect.app.pages.base import Page

_REGISTRY: dict[str, type[Page]] = {}


def register(cls: type[Page]) -> type[Page]:
    """Add a page (its ``ID`` must be new)."""
    if not cls.ID or _REGISTRY.get(cls.ID, cls) is not cls:
        raise ValueError(f"page {cls.__name__}: ID {cls.ID!r} is empty or taken")
    _REGISTRY[cls.ID] = cls
    return cls


def order(cls: type[Page]) -> int:
    """The page's place among the tabs (``Page.ORDER``)."""
    return cls.ORDER


def pages() -> tuple[type[Page], ...]:
    """Every page, in tab order (read at call time: a page registered later counts)."""
    return tuple(sorted(_REGISTRY.values(), key=lambda p: (order(p), p.ID)))


def _discover() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Page)
                and obj.__module__ == module.__name__
                and obj.ID
            ):
                register(obj)


_discover()
# The pages found at import, in tab order (the app itself reads pages() when it starts).
PAGES = pages()

__all__ = ["PAGES", "Page", "order", "pages", "register"]
