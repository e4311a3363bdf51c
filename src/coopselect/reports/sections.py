"""The parts of a report, each declared once: its key, its title and sheet name in Chinese and
English, the function that builds it, and whether it is for the client or for the auditor.

    for spec in SECTIONS: ...            # in the report's order
    selectable_keys()                   # what --sections may name (the summary is always there)

Every reader takes the parts from here: the report model (:mod:`coopselect.reports.content`
builds each part by calling its builder, in this order), every renderer (they lay out the
format-neutral :class:`~coopselect.reports.model.Section` and need no per-part code), the
titles (:mod:`coopselect.reports.labels` derives ``sec_KEY`` and ``sh_KEY`` from here),
``report --sections`` (its choices and help), and the client-clean scan (a part with
``audit=True`` goes to provenance.md and keeps the project's own names; every other part is
rewritten for the client).

A builder is named as ``"module:function"`` and imported only when a report is built, so that
this table stays cheap to import (the CLI reads it for ``--sections``). It is called with the
:class:`~coopselect.reports.content.Parts` of the report (the result, the options and what the
parts share, each computed once) and returns a ``Section`` (or ``None``: the part is left out of
this report, e.g. the method comparison when it was not asked for).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coopselect.i18n import Label


@dataclass(frozen=True)
class SectionSpec:
    key: str  # stable id: the --sections name, the HTML anchor, the Section's key
    title: Label  # the heading
    sheet: Label  # the XLSX sheet name (<= 31 characters)
    build: str | Callable  # "module:function" (or the function), called with the Parts
    audit: bool = False  # True: provenance.md (the auditor's); False: the client's documents
    always: bool = False  # True: in every report (not chosen with --sections)
    # True: built after the other client parts, from them (the references cite what they cite).
    from_others: bool = False


_CONTENT = "coopselect.reports.content"

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "summary",
        Label("结论与建议", "Summary and recommendation"),
        Label("结论", "Summary"),
        f"{_CONTENT}:summary_part",
        always=True,
    ),
    SectionSpec(
        "pairs",
        Label("组合排名", "Ranked pairs"),
        Label("组合排名", "Pairs"),
        f"{_CONTENT}:pairs_part",
    ),
    SectionSpec(
        "best",
        Label("最佳组合", "Best pairs"),
        Label("最佳组合", "Best"),
        f"{_CONTENT}:best_part",
    ),
    SectionSpec(
        "hosts",
        Label("各东道国的理由", "Each host in words"),
        Label("各国理由", "Hosts in words"),
        f"{_CONTENT}:hosts_part",
    ),
    SectionSpec(
        "countries",
        Label("国家准则得分", "Country criterion scores"),
        Label("国家得分", "Countries"),
        f"{_CONTENT}:countries_part",
    ),
    SectionSpec(
        "weights",
        Label("权重与AHP判断", "Weights and AHP judgments"),
        Label("权重", "Weights"),
        f"{_CONTENT}:weights_part",
    ),
    SectionSpec(
        "matrix",
        Label("决策矩阵", "Decision matrix"),
        Label("决策矩阵", "Matrix"),
        f"{_CONTENT}:matrix_part",
    ),
    SectionSpec(
        "explain",
        Label("领先组合解析", "Why the leading pairs lead"),
        Label("解析", "Explanation"),
        f"{_CONTENT}:explain_part",
    ),
    SectionSpec(
        "robust",
        Label("稳健性：敏感性与SMAA", "Robustness: sensitivity and SMAA"),
        Label("稳健性", "Robustness"),
        f"{_CONTENT}:robust_part",
    ),
    SectionSpec(
        "methods",
        Label("方法比较", "Method comparison"),
        Label("方法比较", "Methods"),
        f"{_CONTENT}:methods_part",
    ),
    SectionSpec(
        "sources",
        Label("参考文献、数据与许可", "References, data and licences"),
        Label("参考文献", "References"),
        f"{_CONTENT}:sources_part",
        from_others=True,
    ),
    SectionSpec(
        "missing",
        Label("缺失数据处理", "Imputed and excluded data"),
        Label("缺失数据", "Missing data"),
        f"{_CONTENT}:missing_part",
    ),
    SectionSpec(
        "method_notes",
        Label("方法说明", "Methodology"),
        Label("方法说明", "Methodology"),
        f"{_CONTENT}:method_notes_part",
    ),
    SectionSpec(
        "provenance",
        Label("附录：内置数据文件的来源记录", "Appendix: provenance of the data files"),
        Label("数据来源记录", "Provenance"),
        f"{_CONTENT}:provenance_part",
        audit=True,
        always=True,
    ),
    SectionSpec(
        "stamp",
        Label("可复现性信息", "Reproducibility stamp"),
        Label("可复现性", "Stamp"),
        f"{_CONTENT}:stamp_part",
        audit=True,
        always=True,
    ),
)


def specs() -> tuple[SectionSpec, ...]:
    """Every part, in the report's order (read at call time, so a part registered later counts)."""
    return SECTIONS


def spec(key: str) -> SectionSpec:
    return next(s for s in specs() if s.key == key)


def client_keys() -> tuple[str, ...]:
    """Keys of the client's parts, in order (the full report's sections)."""
    return tuple(s.key for s in specs() if not s.audit)


def audit_keys() -> tuple[str, ...]:
    """Keys of the auditor's parts (provenance.md), which keep the project's own names."""
    return tuple(s.key for s in specs() if s.audit)


def selectable_keys() -> tuple[str, ...]:
    """What ``report --sections`` may name, in order."""
    return tuple(s.key for s in specs() if not s.audit and not s.always)


def builder(s: SectionSpec) -> Callable:
    """The builder function of ``s`` (imported now)."""
    import importlib

    if callable(s.build):
        return s.build
    module, _, name = s.build.partition(":")
    return getattr(importlib.import_module(module), name)
