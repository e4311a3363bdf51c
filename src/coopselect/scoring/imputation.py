"""What the scoring layer filled in, and how: one record per gap, reported by every output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Imputation:
    country: str
    indicator: str  # an indicator id, or a host feature (e.g. "technology_gap")
    rule: str
    value: float | None  # the favourability (or share) used; None when the country was excluded
    detail: str
    mineral: str | None = None  # USGS gaps only
    measure: str | None = None

    def as_dict(self) -> dict:
        out = {
            "country": self.country,
            "indicator": self.indicator,
            "rule": self.rule,
            "favourability": self.value,
            "detail": self.detail,
        }
        if self.mineral:
            out["mineral"] = self.mineral
        return out
