"""``coopselect data barriers``: which economies the policy-barrier table covers, and how.

Registered on the ``data`` group by ``register(data_app)``. The coverage itself is computed by
``coopselect.io.data.policy.coverage`` (plain data); this module only prints it.

JSON (``--format json``) is one object:

* ``reviewed`` — the table's review date (``data/sources.toml``), the default policy date;
* ``counts`` — economies per ``status``;
* ``economies`` — one object per economy, by ISO3, with ``iso3``, ``name_en``, ``name_zh``,
  ``status`` (``measures`` | ``reviewed_none`` | ``not_reviewed``), ``barrier_types`` (list),
  ``measures`` (number of dated measures, EU copies included), ``from_eu`` (how many of them are
  copies of an EU bloc row), ``latest_measure`` (latest ``in_force_from``, or null),
  ``last_reviewed`` (date or null), ``eu_member``, ``alliance_tier`` (core | forum | courted |
  none), ``floor_source`` (the seed passage behind the tier, '' for none), ``searched`` and
  ``searched_url`` (what a review row searched, '' if none).
"""

from __future__ import annotations

from enum import StrEnum

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    FunnelCommand,
    LangOpt,
    ViewFormat,
    console,
    emit_json,
)
from coopselect.i18n import Label

STATUSES = ("measures", "reviewed_none", "not_reviewed")

L = {
    "economy": Label("经济体", "Economy"),
    "status": Label("状态", "Status"),
    "types": Label("壁垒类型", "Barrier types"),
    "measures": Label("措施数", "Measures"),
    "latest": Label("最近措施日期", "Latest measure"),
    "reviewed": Label("最近复核", "Last reviewed"),
    "floor": Label("联盟底线来源", "Alliance floor source"),
    "measures_status": Label("有措施", "measures"),
    "reviewed_none_status": Label("已复核，未发现", "reviewed, nothing found"),
    "not_reviewed_status": Label("未复核（缺口）", "not reviewed (gap)"),
    "eu": Label("含欧盟措施 {n} 项", "{n} from the EU"),
    "tier_core": Label("核心伙伴", "core partner"),
    "tier_forum": Label("论坛成员", "forum member"),
    "tier_courted": Label("美国拉拢对象", "courted by the US"),
    "title": Label(
        "政策壁垒表覆盖情况（表复核日期 {d}）",
        "Coverage of the policy-barrier table (reviewed {d})",
    ),
    "caption": Label(
        "{m} 个经济体有措施，{r} 个已复核未发现，{n} 个仅有联盟底线而未复核。",
        "{m} economies with measures, {r} reviewed with nothing found, "
        "{n} with only an alliance floor and no review.",
    ),
}


class StatusOpt(StrEnum):
    measures = "measures"
    reviewed_none = "reviewed_none"
    not_reviewed = "not_reviewed"


def barriers_cmd(
    status: StatusOpt = typer.Option(
        None, "--status", help="Only economies with this status (default: all)."
    ),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Which economies the policy-barrier table covers: barrier types, number of measures,
    latest measure, last review, and the source of the host's alliance screening floor."""
    doc = coverage_doc(status.value if status else None)
    if fmt is ViewFormat.json:
        emit_json(doc)
        return
    _print(doc, lang.value)


def register(data_app: typer.Typer) -> None:
    data_app.command("barriers", cls=FunnelCommand)(barriers_cmd)


def coverage_doc(status: str | None = None) -> dict:
    """The JSON document (see the module docstring)."""
    from coopselect.io.data import policy, reference

    names = reference.countries()
    rows = policy.coverage()
    counts = {s: sum(1 for c in rows if c.status == s) for s in STATUSES}
    economies = []
    for c in rows:
        if status and c.status != status:
            continue
        country = names.get(c.iso3)
        economies.append(
            {
                "iso3": c.iso3,
                "name_en": country.name_en if country else c.iso3,
                "name_zh": country.name_zh if country else c.iso3,
                "status": c.status,
                "barrier_types": list(c.barrier_types),
                "measures": c.measures,
                "from_eu": c.from_eu,
                "latest_measure": c.latest_measure.isoformat() if c.latest_measure else None,
                "last_reviewed": c.last_reviewed.isoformat() if c.last_reviewed else None,
                "eu_member": c.eu_member,
                "alliance_tier": c.alliance_tier,
                "floor_source": c.floor_source,
                "searched": c.searched,
                "searched_url": c.searched_url,
            }
        )
    return {"reviewed": policy.reviewed().isoformat(), "counts": counts, "economies": economies}


def _print(doc: dict, lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from coopselect.domain.features import FEATURE_LABELS

    t = Table(title=escape(L["title"](lang).format(d=doc["reviewed"])), title_justify="left")
    for key in ("economy", "status", "types", "measures", "latest", "reviewed", "floor"):
        t.add_column(L[key](lang), justify="right" if key == "measures" else "left")
    for e in doc["economies"]:
        name = e["name_zh"] if lang == "zh" else e["name_en"]
        sep, colon = ("、", "：") if lang == "zh" else (", ", ": ")
        types = sep.join(FEATURE_LABELS[b](lang) for b in e["barrier_types"]) or "—"
        n = str(e["measures"])
        if e["from_eu"]:
            n += " (" + L["eu"](lang).format(n=e["from_eu"]) + ")"
        tier = e["alliance_tier"]
        floor = "—" if tier == "none" else f"{L['tier_' + tier](lang)}{colon}{e['floor_source']}"
        t.add_row(
            escape(f"{name} ({e['iso3']})"),
            L[e["status"] + "_status"](lang),
            escape(types),
            n,
            e["latest_measure"] or "—",
            e["last_reviewed"] or "—",
            escape(floor),
        )
    con = console()
    con.print(t)
    c = doc["counts"]
    con.print(L["caption"](lang).format(m=c["measures"], r=c["reviewed_none"], n=c["not_reviewed"]))
