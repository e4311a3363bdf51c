"""Bilingual labels. Every user-facing label exists in Chinese and English.

Modules keep their own label tables as ``{key: Label(zh, en)}`` and call ``text(label, lang)``;
names of criteria, modes and countries come from the bundled files, which carry both languages.
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


# ---- notes made at run time --------------------------------------------------------------------
# The pipeline's notes are English strings (they travel through JSON and every output); where a
# note is made, its Chinese text is registered here, and outputs show a note with in_lang().
_NOTES_ZH: dict[str, str] = {}


def note(en: str, zh: str) -> str:
    """An English note whose Chinese text ``in_lang`` will find."""
    _NOTES_ZH[en] = zh
    return en


def in_lang(text: str, lang: str) -> str:
    """A note in ``lang`` (its registered Chinese text, or the English note itself)."""
    return _NOTES_ZH.get(text, text) if lang == "zh" else text
