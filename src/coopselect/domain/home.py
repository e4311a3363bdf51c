"""The investor's home economy: China, with Taiwan, Hong Kong and Macao.

coopselect ranks overseas hosts for a Chinese investor. Under the one-China principle that the
People's Republic of China and its publication rules apply, Taiwan is a province of China, and
Hong Kong and Macao are special administrative regions of China. None of them is an overseas host
of a Chinese investor, so:

- ``--countries all`` and regions leave them out, with a note (:func:`overseas_hosts`,
  :func:`left_out_note`); a case may still name one explicitly, for a comparison the analyst
  states;
- a map draws them as one home economy: Taiwan with the same fill as the mainland (Hong Kong and
  Macao are too small to draw at 1:110m), in a fill and legend of its own, never a host colour.

    HOME_ECONOMY                  {"CHN", "TWN", "HKG", "MAC"}
    is_home("TWN") -> True
    overseas_hosts(isos) -> (kept, left_out)
"""

from __future__ import annotations

from collections.abc import Iterable

from coopselect.i18n import Label

HOME = "CHN"
HOME_ECONOMY: frozenset[str] = frozenset({"CHN", "TWN", "HKG", "MAC"})

_NOTE = Label(
    "中国（含台湾地区、香港特别行政区和澳门特别行政区）是投资方所在地，"
    "不作为海外东道国：已排除 {names}。",
    "China, with Taiwan, Hong Kong and Macao, is the investor's home economy, not an overseas "
    "host: left out {names}.",
)


def is_home(iso3: str) -> bool:
    """True for China and its parts (Taiwan, Hong Kong, Macao)."""
    return str(iso3).upper() in HOME_ECONOMY


def overseas_hosts(isos: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(hosts kept, home economies left out), order kept."""
    items = list(isos)
    kept = tuple(i for i in items if not is_home(i))
    left = tuple(i for i in items if is_home(i))
    return kept, left


def left_out_note(left_out: Iterable[str], lang: str = "en") -> str:
    """The note that says which home economies a country list left out ("" when none)."""
    items = list(left_out)
    if not items:
        return ""
    sep = "、" if lang == "zh" else ", "
    return _NOTE(lang).format(names=sep.join(items))
