"""The application layer: what the CLI, the app, the web page and the reports all call.

A :class:`~coopselect.services.request.CaseRequest` is built once at the edge (the CLI's case
option group, the app); the services turn it into plain results:

* :mod:`~coopselect.services.ranking`: ``load``, ``prepare``, ``rank``, ``explain``;
* :mod:`~coopselect.services.robustness`: SMAA, critical weights, sweeps and leaving one host out,
  composed once for ``coopselect sensitivity``, the reports and the app's robustness page;
* :mod:`~coopselect.services.compare`: several methods on one case or problem, and a case under
  several scenarios.

Services never print and never import an output (cli, app, reports, web).
"""

from __future__ import annotations

from coopselect.services.request import CaseRequest

__all__ = ["CaseRequest"]
