"""Client-clean text: the one place where client-facing output rewrites internal words.

Every output that shows text from the files (reports, ``explain``, the terminal and web apps)
passes it through :func:`client_clean`, in both languages.

Client-facing report text names articles by authors, title, journal and year, and data by
publisher, dataset, release and year. Text that comes from data files and other modules (case and
criteria files, the mode catalogue, the scoring notes) may still carry the project's internal
names: seed numbers ("seed 000"), file paths ("criteria/modes.toml"), option values
("usgs_unlisted=below_smallest"), module names ("(coopselect.io.loaders.adhoc)"), repository copies
("via owner/repo @1a2b3c4"), the model's version number or "coopselect maintainers".
:func:`client_clean` rewrites them; :data:`INTERNAL_TOKENS` are the patterns a client file must
not contain (tests/reports/test_report_clean.py scans every format in both languages with them).
The audit file (provenance.md) keeps the project's own names.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Patterns that must not appear in any client-facing file (HTML, Markdown, XLSX, CSV, JSON).
INTERNAL_TOKENS: dict[str, re.Pattern[str]] = {
    "seed number": re.compile(r"\b[Ss]eeds? \d{3}\b|种子(?:文献|文章)?\s*\d{3}"),
    "option value": re.compile(
        r"usgs_unlisted|\bimpute:[a-z]|\b(?:policy|rule) = [a-z_]+\b|\bmissing\.[a-z_]+"
        r"|[(（]--[a-z]"
    ),
    "maintainers": re.compile(r"coopselect maintainers", re.I),
    "model version": re.compile(r"\b[Vv]ersion [0-9]+\b(?![.\d])|版本\s*[12]\b(?![.\d])"),
    "file path": re.compile(
        r"\b(?:criteria|cases|data|src)/[\w./-]*\.(?:toml|csv|json|md|py)\b|\.toml\b"
    ),
    "module name": re.compile(r"\bcoopselect\.[a-z_]+"),
    "repository": re.compile(r"github\.com|\bvia [\w-]+/[\w.-]+|\b[\w-]+/[\w.-]+ ?@[0-9a-f]{7,}"),
    "toml table": re.compile(r"\[model\.[a-z_]+\]"),
    "absolute path": re.compile(r"(?<![\w.])/(?:home|work|tmp|usr|var|Users|root|opt|srv)/"),
}

_CJK = re.compile(r"[\u3400-\u9fff]")
_ANALYSTS = {"en": "the analysts", "zh": "分析人员"}
_EARLIER = {"en": "in an earlier model", "zh": "在早期模型中"}

_PATH = r"(?:criteria|cases|data|src)/[\w./-]*\.(?:toml|csv|json|md|py)(?:\s*\\?\[[^\]]*\\?\])?"
_RULES: list[tuple[re.Pattern[str], Any]] = [
    # "(criteria/commercial.toml)" -> ""; "...; criteria/modes.toml [model.x])" -> "...)"
    (re.compile(r"\s*[(（]\s*" + _PATH + r"\s*[)）]"), ""),
    (re.compile(r"\s*[;；,，]\s*" + _PATH), ""),
    (re.compile(r"\s*" + _PATH), ""),
    (re.compile(r"\s*[(（]coopselect\.[\w.]+[)）]"), ""),
    (re.compile(r",?\s*built by coopselect\.[\w.]+"), ""),
    (re.compile(r"\s*\bvia [\w-]+/[\w.-]+(?:\s*@\s*[0-9a-f]{7,40})?"), ""),
    (re.compile(r"\s*\bhttps?://github\.com/\S+"), ""),
    (re.compile(r"coopselect maintainers,\s*"), ""),
    (re.compile(r"\s*[(（]--[a-z-]+(?:/--[a-z-]+)*[)）]"), ""),
    (re.compile(r"\bpair model,? version \d+\b"), "pair model"),
    (re.compile(r"\b(model) \(?version \d+\)?(?![.\d])"), r"\1"),
]


def _rule_label(value: str, lang: str) -> str:
    from coopselect.narrative import L

    key = f"usgs_unlisted={value}"
    return L[key](lang) if key in L else value.replace("_", " ")


def _impute_label(rule: str, lang: str) -> str:
    from coopselect.narrative import L

    key = f"impute:{rule}"
    return L[key](lang) if key in L else f"missing data imputed ({rule})"


def client_clean(text: str, lang: str) -> str:
    """``text`` without internal words: seed numbers become short citations (authors, year),
    file paths, module names and repository copies are dropped, option values become words."""
    if not isinstance(text, str) or not text:
        return text
    return _cleaned(text, lang)


@functools.lru_cache(maxsize=8192)
def _cleaned(text: str, lang: str) -> str:
    """client_clean's work: a pure function of the text and the language (the citation and label
    tables are fixed), remembered because a report passes the same reasons and labels through it
    for every host, pair and format (tens of thousands of calls, each about 20 regular
    expressions)."""
    from coopselect.citations import client_text

    out = client_text(text, lang)
    # Words put into an English sentence of a Chinese report (a reason not yet translated at its
    # source) stay English, so the sentence does not switch language in the middle.
    if lang == "zh" and len(text) > 40 and not _CJK.search(text):
        lang = "en"
    for rx, repl in _RULES:
        out = rx.sub(repl, out)
    out = re.sub(r"coopselect maintainers", _ANALYSTS.get(lang, _ANALYSTS["en"]), out)
    out = re.sub(r"\bin version \d+\b", _EARLIER.get(lang, _EARLIER["en"]), out)
    out = re.sub(
        r"(?:missing\.)?usgs_unlisted\s*=?\s*\"?([a-z_]+)\"?",
        lambda m: _rule_label(m.group(1), lang),
        out,
    )
    out = re.sub(r"\bimpute:([a-z_]+)", lambda m: _impute_label(m.group(1), lang), out)
    out = re.sub(
        r"missing\.policy \"impute\" with rule \"([a-z_]+)\"",
        lambda m: _impute_label(m.group(1), lang),
        out,
    )
    return out


def clean_value(value: Any, lang: str) -> Any:
    """:func:`client_clean` applied to every string inside ``value`` (lists, tuples, dicts)."""
    if isinstance(value, str):
        return client_clean(value, lang)
    if isinstance(value, list):
        return [clean_value(v, lang) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_value(v, lang) for v in value)
    if isinstance(value, dict):
        return {k: clean_value(v, lang) for k, v in value.items()}
    return value


def internal_tokens(text: str) -> list[tuple[str, str]]:
    """(kind, match) of every internal token in ``text``."""
    found = []
    for kind, rx in INTERNAL_TOKENS.items():
        found += [(kind, m.group(0)) for m in rx.finditer(text)]
    return found
