"""One line per ranking method for the app's method picker, in both languages: each method's
spec holds it (:class:`coopselect.methods.spec.MethodSpec`, ``description``)."""

from __future__ import annotations

from coopselect.i18n import Label
from coopselect.methods.spec import SPECS, has_spec, method_spec

DESCRIPTIONS: dict[str, Label] = {s.id: s.description for s in SPECS}


def describe(method: str, lang: str) -> str:
    """The method's one line in ``lang``; "" for a method without a spec (a peer method)."""
    return method_spec(method).description(lang) if has_spec(method) else ""


def method_choices(lang: str) -> list[tuple[str, str]]:
    """(method id, "id — one-line description") for every registered method."""
    from coopselect.methods import available_methods

    out = []
    for m in (str(x) for x in available_methods()):
        text = describe(m, lang)
        out.append((m, f"{m:<11} {text}" if text else m))
    return out
