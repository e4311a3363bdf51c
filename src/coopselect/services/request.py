"""What a case command asks for, built once at the edge (the CLI's case options, the app).

A :class:`CaseRequest` holds everything the services need to rank a case: which case (a file, a
bundled id, an in-memory :class:`~coopselect.domain.model.Case`, or the ad-hoc selection of
``--countries/--minerals``), the criteria set, the method, the weights preset, the what-ifs
(``--scenario``, ``--set``) and the data folder. It is plain data: no output language (labels are
the outputs' business) and no I/O until a service resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coopselect.domain.model import Case, Override


@dataclass(frozen=True)
class CaseRequest:
    """One case to rank and how.

    ``case``: a case file, a bundled case id, a ``Case`` object, or None (the default case).
    ``countries``/``minerals``: an ad-hoc case instead of ``case`` (``io.loaders.adhoc``).
    ``criteria``: a bundled criteria id or file replacing the case's hierarchy.
    ``method``/``weights``: override the case's method and weights preset (None: the case's).
    ``settings``/``scenario``: what-ifs ``ISO3.FEATURE=VALUE`` applied after the scenario's.
    ``data_dir``: the folder of imported data vintages (None: environment or default).
    """

    case: str | Path | Case | None = None
    countries: str | None = None
    minerals: str | None = None
    criteria: str | Path | None = None
    method: str | None = None
    weights: str | None = None
    settings: tuple[str | Override, ...] = ()
    scenario: str | None = None
    data_dir: str | Path | None = None

    def __post_init__(self) -> None:
        # a list from the command line or a caller: frozen means a tuple
        object.__setattr__(self, "settings", tuple(self.settings or ()))
        weights = self.weights
        if weights is not None and not isinstance(weights, str):
            object.__setattr__(self, "weights", str(getattr(weights, "value", weights)))

    @property
    def adhoc(self) -> bool:
        """Whether the case is the ad-hoc selection of ``countries``/``minerals``."""
        return self.countries is not None or self.minerals is not None

    def with_case(self, case: str | Path | Case | None) -> CaseRequest:
        """The same request for another case (a command with several CASE arguments)."""
        return replace(self, case=case)

    def source(self):
        """What to load: the case reference (passed through) or the ad-hoc ``Case`` of
        ``countries``/``minerals`` (refused together with a case reference)."""
        if not self.adhoc:
            return self.case
        from coopselect.io.loaders.adhoc import case_or_adhoc

        return case_or_adhoc(self.case, self.countries, self.minerals, self.criteria)

    def resolved(self) -> CaseRequest:
        """The same request with the ad-hoc case built (once): ``case`` is the ``Case`` of
        ``countries``/``minerals``, which are then cleared. A request for a case reference is
        returned as it is."""
        if not self.adhoc:
            return self
        return replace(self, case=self.source(), countries=None, minerals=None)
