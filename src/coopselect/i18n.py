"""Bilingual texts. Every user-facing text exists in Chinese and English, by one mechanism.

- A fixed text is a :class:`Label` (zh, en). Modules keep their label tables beside the output
  that shows them, ``{key: Label(zh, en)}``, and call ``label(lang)``.
- A sentence the core says at run time (a ranking's notes, the detail of a filled gap) is a
  :class:`coopselect.messages.Message`: an id of the one catalog, ``coopselect.messages.CATALOG``
  (id -> ``Label(zh, en)`` with ``{param}`` placeholders), with its parameters. The core returns
  it unrendered; the outputs (CLI, app, reports, web, JSON) call
  :func:`coopselect.messages.render` with their language. Nothing is registered at run time.
- Texts of the bundled and the user's files (``reason`` and ``reason_zh``, names of criteria,
  modes and countries) are data: they stay in the files and are read with :func:`pick`.

Why labels stay in their tables rather than in the catalog: they are already (zh, en) pairs with
no parameters, read next to the one output that uses them, and there are hundreds of them; the
catalog's entries are Labels too, so a message is a label with an id and placeholders, rendered
by the same ``label(lang)``. The catalog holds what travels: sentences made in the core and shown
by every output, where a rendered English string would otherwise need a second lookup to find its
Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[str, ...] = ("zh", "en")


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def text(label: Label, lang: str) -> str:
    return label(lang)


def pick(en: str, zh: str, lang: str) -> str:
    """The text of ``lang`` from a file's English and Chinese texts (``reason`` and
    ``reason_zh``): the Chinese one in Chinese output where the file gives it, else the English
    one (a user's file may be English only). The one place a file's text picks its language."""
    return zh if lang == "zh" and zh else en


# Labels shared by several outputs (column headers and common words).
COMMON: dict[str, Label] = {
    "rank": Label("排名", "Rank"),
    "country": Label("国家", "Country"),
    "mode": Label("合作模式", "Mode"),
    "score": Label("得分", "Score"),
    "criterion": Label("准则", "Criterion"),
    "weight": Label("权重", "Weight"),
    "best_mode": Label("最佳模式", "Best mode"),
    "best_country": Label("最佳国家", "Best country"),
    "method": Label("方法", "Method"),
    "imputed": Label("缺失值处理", "Imputed / missing values"),
    "source": Label("来源", "Source"),
    "publisher": Label("发布机构", "Publisher"),
    "year": Label("年份", "Year"),
    "licence": Label("许可", "Licence"),
    "file": Label("文件", "File"),
    "description": Label("说明", "Description"),
    "consistency_ratio": Label("一致性比率 CR", "Consistency ratio CR"),
    "alternative": Label("备选方案", "Alternative"),
}


def common(key: str, lang: str) -> str:
    return COMMON[key](lang)


# The Yale EPI's licence notice: the ranking's run-time note and the report's sources paragraph.
EPI_LICENCE = Label(
    "本排名使用了耶鲁环境绩效指数（EPI），其许可为 CC BY-NC-SA 4.0：仅限非商业用途，商业使用须取得"
    "耶鲁大学许可。可商用开放数据准则集（commercial）不使用该指数。",
    "This ranking uses the Yale Environmental Performance Index (EPI), licensed CC BY-NC-SA 4.0: "
    "non-commercial use only; commercial use needs Yale's permission. The open-data criteria set "
    "(commercial) does not use it.",
)
