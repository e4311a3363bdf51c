"""What every part of a report needs: the result, the language and the display names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from coopselect.pipeline import RankResult


@dataclass
class Ctx:
    result: RankResult
    lang: str

    @cached_property
    def names(self) -> dict[str, str]:
        from coopselect.narrative import column_names

        return column_names(self.result.case, self.lang)

    @cached_property
    def countries(self):
        from coopselect.io.data import reference

        return reference.countries()

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    def country(self, iso3: str) -> str:
        c = self.countries.get(iso3)
        return c.name(self.lang) if c else iso3

    def pair(self, country: str, mode: str) -> str:
        return f"{self.country(country)} × {self.name(mode)}"

    def alt(self, alt_id: str) -> str:
        """Label of a decision-matrix alternative 'ISO3:mode_id'."""
        iso, _, mode = alt_id.partition(":")
        return self.pair(iso, mode)

    @cached_property
    def normalised(self) -> tuple[np.ndarray, str]:
        """The method's normalised decision matrix and the normalisation's name."""
        res = self.result
        dm = res.problem.dm
        extras = res.method_result.extras
        how = str(extras.get("normalization", res.method_params.get("normalization", "")))
        if extras.get("normalized") is not None:
            return np.asarray(extras["normalized"], float), how
        if how:
            try:
                from coopselect.methods.topsis import normalise

                return normalise(dm.matrix, dm.types, how)[0], how
            except Exception:  # an unknown normalisation name: fall back below
                pass
        if extras.get("weighted") is not None:
            w = np.asarray(dm.weights, float)
            v = np.asarray(extras["weighted"], float)
            return np.divide(v, w, out=np.zeros_like(v), where=w > 0), how or "?"
        return np.asarray(dm.matrix, float), "none"
