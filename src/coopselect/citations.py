"""Client-facing citations (data/citations.toml): articles by authors, title, journal and year;
data by publisher, dataset, release and year; which criteria set a ranking rests on.

    client_text("grounded in seeds 000, 002 and 004", "en")
      -> "grounded in the Belt and Road mineral-cooperation study (...), Sun (2025) and
          Zhang et al. (2024)"

Case, criteria and modes files cite the seed articles by their project names ("seed 004 sec.
2.2"); reports show the short citation instead and list the full references. Where a file came
from (repository mirrors) stays in data/SOURCES.md and the report's provenance appendix.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

# "seed 000", "seeds 000, 002 and 004", "seeds 000-004", "种子文献004", "种子文献 000、002"
_SEED_EN = re.compile(r"\b[Ss]eeds? (\d{3})((?:(?:,\s*|,?\s+and\s+|\s*[-–]\s*|\s*/\s*)\d{3}\b)*)")
_SEED_ZH = re.compile(r"种子(?:文献|文章)?\s*(\d{3})((?:\s*[、，,和与及至\-–]\s*\d{3})*)")
_NUM = re.compile(r"\d{3}")

if TYPE_CHECKING:
    from coopselect.messages import Text


@cache
def citations() -> dict[str, Any]:
    """data/citations.toml, read once."""
    from coopselect.io.files import read_toml
    from coopselect.paths import data_dir

    return read_toml(data_dir() / "citations.toml")


def article(seed: str) -> dict[str, Any] | None:
    return citations().get("articles", {}).get(seed)


def dataset(ds: str) -> dict[str, Any] | None:
    """The citation of dataset ``ds``: its descriptor's citation key (data/sources.toml) in
    data/citations.toml [datasets]."""
    from coopselect.io.data.sources import registry

    key = next((d.citation for d in registry() if d.id == ds), ds)
    return citations().get("datasets", {}).get(key)


def short(seed: str, lang: str) -> str:
    """The in-text citation of a seed article (its project name when it is not in the file)."""
    a = article(seed)
    if a is None:
        return f"seed {seed}" if lang != "zh" else f"种子文献{seed}"
    return a["short_zh"] if lang == "zh" else a["short_en"]


def _seeds(first: str, rest: str) -> list[str]:
    nums = [first, *_NUM.findall(rest)]
    # "000-004": every article between the two that the file knows.
    if len(nums) == 2 and re.search(r"[-–至]", rest):
        lo, hi = int(nums[0]), int(nums[1])
        known = sorted(citations().get("articles", {}))
        nums = [s for s in known if lo <= int(s) <= hi] or nums
    return list(dict.fromkeys(nums))


def _join(items: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def client_text(text: str, lang: str) -> str:
    """``text`` with every seed-article mention replaced by its short citation."""
    if not text or ("eed" not in text and "种子" not in text):
        return text

    def repl(m: re.Match) -> str:
        return _join([short(s, lang) for s in _seeds(m.group(1), m.group(2))], lang)

    out = _SEED_EN.sub(repl, text)
    return _SEED_ZH.sub(repl, out)


def cited_seeds(text: str) -> list[str]:
    """Seed ids mentioned in ``text``, in order."""
    found: list[str] = []
    for rx in (_SEED_EN, _SEED_ZH):
        for m in rx.finditer(text or ""):
            found += _seeds(m.group(1), m.group(2))
    return list(dict.fromkeys(found))


def article_reference(seed: str, lang: str) -> str:
    """The full reference: authors, year, title, journal volume(issue): pages, DOI."""
    a = article(seed)
    if a is None:
        return short(seed, lang)
    if lang == "zh":
        authors = "，".join(a["authors_zh"])
        title = a["title_zh"] or a["title_en"]
        parts = [p for p in (authors, a["year"]) if p]
        head = "，".join(parts)
        ref = (head + "。" if head else "") + (f"{title}。" if title else "")
        journal = a["journal_zh"]
    else:
        authors = ", ".join(a["authors_en"])
        title = a["title_zh"]
        if a["title_en"]:
            mark = "; project's translation" if a.get("title_en_is_translation") else ""
            title = f"{title} [{a['title_en']}{mark}]" if title else a["title_en"]
        parts = [p for p in (authors, f"({a['year']})" if a["year"] else "") if p]
        head = " ".join(parts)
        ref = (head + ". " if head else "") + (f"{title}. " if title else "")
        journal = a["journal_en"] or a["journal_zh"]
        if a["journal_en"] and a["journal_zh"]:
            journal = f"{a['journal_en']} ({a['journal_zh']})"
    where = journal
    if a["volume"]:
        where += f" {a['volume']}"
    if a["issue"] and where:
        if a["volume"]:
            where += f"({a['issue']})"
        else:
            where += f"，第{a['issue']}期" if lang == "zh" else f", no. {a['issue']}"
    if a["pages"]:
        where += f": {a['pages']}"
    if where.strip():
        ref += where.strip() + ("。" if lang == "zh" else ". ")
    if a["doi"]:
        ref += f"DOI {a['doi']}" + ("。" if lang == "zh" else ". ")
    missing = a["missing_zh"] if lang == "zh" else a["missing_en"]
    if missing:
        ref += f"（{missing}）" if lang == "zh" else f"({missing[0].upper()}{missing[1:]}.)"
    return ref.strip()


def dataset_reference(ds: str, lang: str, fallback: dict[str, Any] | None = None) -> str:
    """Publisher, dataset, release, year (and data years), licence; or the article it is from."""
    d = dataset(ds)
    zh = lang == "zh"
    if d is None:
        f = fallback or {}
        bits = [f.get("publisher", ""), f.get("title", ds), str(f.get("year", ""))]
        lic = f.get("licence", "")
        text = ", ".join(b for b in bits if b)
        return f"{text}. {'许可' if zh else 'Licence'}: {lic}." if lic else f"{text}."
    if d.get("article"):
        name = d["dataset_zh"] if zh else d["dataset_en"]
        where = d.get("where_zh" if zh else "where_en", "")
        arts = [d["article"], *d.get("also", [])]
        cite = _join([short(s, lang) for s in arts], lang)
        if zh:
            return f"{name}：{cite}{('，' + where) if where else ''}（所引论文报告的事实）。"
        return f"{name}: {cite}{(', ' + where) if where else ''} (facts reported by the article)."
    pub = d["publisher_zh"] if zh else d["publisher_en"]
    name = d["dataset_zh"] if zh else d["dataset_en"]
    bits = [b for b in (pub, name, _field(d, "release", lang), d.get("year", "")) if b]
    sep = "，" if zh else ", "
    text = sep.join(bits)
    years = _field(d, "data_years", lang)
    if years:
        text += f"（数据年份：{years}）" if zh else f" (data: {years})"
    if d.get("url"):
        text += f"{sep}{d['url']}"
    lic = licence_of(ds, lang)
    return text + (f"。许可：{lic}。" if zh else f". Licence: {lic}.")


def _field(d: dict[str, Any], key: str, lang: str) -> str:
    if lang == "zh" and d.get(f"{key}_zh"):
        return d[f"{key}_zh"]
    return d.get(key, "")


def licence_of(ds: str, lang: str = "en", fallback: str = "") -> str:
    d = dataset(ds)
    return _field(d, "licence", lang) if d else fallback


def dataset_name(ds: str, lang: str) -> str:
    """A short name (e.g. 'World Bank WGI')."""
    d = dataset(ds)
    if d is None:
        return ds
    if lang == "zh":
        return d.get("short_zh") or d["dataset_zh"]
    return d.get("short_en") or d["dataset_en"]


# ---- which criteria set, and the licences it rests on -------------------------------------------


def criteria_set(hierarchy) -> dict[str, Any]:
    return citations().get("criteria", {}).get(hierarchy.id, {})


def licence_groups(datasets: list[str], lang: str) -> list[str]:
    """'CC BY 4.0: World Bank WGI, ...' per licence, for the datasets given."""
    groups: dict[str, list[str]] = {}
    for ds in datasets:
        d = dataset(ds)
        if d is None or d.get("licence") == "project labels":  # names only, no figures
            continue
        if d.get("article"):
            lic = "事实（引自所列论文）" if lang == "zh" else "facts from the cited articles"
            name = f"{dataset_name(ds, lang)} ({short(d['article'], lang)})"
            if lang == "zh":
                name = f"{dataset_name(ds, lang)}（{short(d['article'], lang)}）"
        else:
            lic = licence_of(ds, lang)
            name = dataset_name(ds, lang)
        groups.setdefault(lic, [])
        if name not in groups[lic]:
            groups[lic].append(name)
    if lang == "zh":
        return [f"{lic}：{'、'.join(names)}" for lic, names in groups.items()]
    return [f"{lic}: {', '.join(names)}" for lic, names in groups.items()]


def criteria_note(hierarchy, lang: str = "en", datasets: list[str] | None = None) -> str:
    """One line: the criteria set (name, file) and the licences of the data the ranking rests on
    (coopselect.io.data.sources.used_datasets of the hierarchy, unless ``datasets`` is given)."""
    from coopselect.paths import display_path

    if datasets is None:
        from coopselect.io.data.sources import used_datasets

        datasets = used_datasets(hierarchy)

    cs = criteria_set(hierarchy)
    where = display_path(hierarchy.path) if getattr(hierarchy, "path", None) else hierarchy.id
    zh = lang == "zh"
    if cs:
        name = cs["name_zh"] if zh else cs["name_en"]
    else:
        name = (
            f"准则集 {hierarchy.id}（{where}）" if zh else f"criteria set {hierarchy.id} ({where})"
        )
    groups = licence_groups(datasets, lang)
    if zh:
        text = f"本排序所用{name}；数据许可：" + " | ".join(groups) + "。"
        if cs.get("why_zh"):
            text += cs["why_zh"] + "。"
        return text
    text = f"Criteria: {name}; data licences: " + " | ".join(groups) + "."
    if cs.get("why_en"):
        text += f" {cs['why_en'][0].upper()}{cs['why_en'][1:]}."
    return text


def localise_note(note: Text, lang: str) -> str:
    """A pipeline note in ``lang``, with client-facing citations."""
    from coopselect.messages import render

    return client_text(render(note, lang), lang)
