"""What the scoring layer filled in, and how: one record per gap, reported by every output."""

from __future__ import annotations

from dataclasses import dataclass

from coopselect.messages import Text, render


@dataclass(frozen=True)
class Imputation:
    country: str
    indicator: str  # an indicator id, or a host feature (e.g. "technology_gap")
    rule: str
    value: float | None  # the favourability (or share) used; None when the country was excluded
    detail: Text  # rendered by each output in its language
    mineral: str | None = None  # USGS gaps only
    measure: str | None = None

    def as_dict(self) -> dict:
        out = {
            "country": self.country,
            "indicator": self.indicator,
            "rule": self.rule,
            "favourability": self.value,
            "detail": render(self.detail, "en"),
        }
        if self.mineral:
            out["mineral"] = self.mineral
        return out
