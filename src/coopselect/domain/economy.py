"""The economies and minerals a case can name: plain records, read from the reference tables
(data/countries.csv, data/minerals.csv) by :mod:`coopselect.io.data.reference`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    name_zh: str
    region_en: str
    region_zh: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Mineral:
    id: str
    name_en: str
    name_zh: str
    usgs_commodity: str
    usgs_product: str
    measure_note: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en
