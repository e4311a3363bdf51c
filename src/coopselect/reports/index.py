"""The index of several reports (index.html and index.md): one line per case, with its
recommendation and links to its files."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from coopselect.i18n import Label
from coopselect.reports.html import CSS
from coopselect.reports.markdown import md_text
from coopselect.textsafety import markdown_table

L = {
    "title": Label("合作方案评估报告索引", "Cooperation assessment reports"),
    "case": Label("案例", "Case"),
    "best": Label("推荐组合", "Recommended pair"),
    "score": Label("得分", "Score"),
    "method": Label("方法", "Method"),
    "files": Label("文件", "Files"),
}


@dataclass(frozen=True)
class IndexEntry:
    case_id: str
    title: str
    best: str
    score: float
    method: str
    files: tuple[str, ...]  # paths relative to the index


def index_markdown(entries: list[IndexEntry], lang: str) -> str:
    out = [f"# {L['title'](lang)}", ""]
    heads = [L[k](lang) for k in ("case", "best", "score", "method", "files")]
    rows = [
        [
            f"{md_text(e.title)} ({md_text(e.case_id)})",
            md_text(e.best),
            f"{e.score:.4f}",
            md_text(e.method),
            ", ".join(f"[{f.split('/')[-1]}]({f})" for f in e.files),  # our own links
        ]
        for e in entries
    ]
    out += markdown_table(heads, rows, [False, False, True, False, False])
    return "\n".join(out) + "\n"


def index_html(entries: list[IndexEntry], lang: str) -> str:
    e_ = lambda s: escape(str(s), quote=True)  # noqa: E731
    rows = []
    for e in entries:
        links = " · ".join(f'<a href="{e_(f)}">{e_(f.split("/")[-1])}</a>' for f in e.files)
        rows.append(
            f'<tr><td>{e_(e.title)}<br><span class="note">{e_(e.case_id)}</span></td>'
            f'<td>{e_(e.best)}</td><td class="n">{e.score:.4f}</td><td>{e_(e.method)}</td>'
            f"<td>{links}</td></tr>"
        )
    num = ' class="n"'
    heads = "".join(
        f"<th{num if k == 'score' else ''}>{e_(L[k](lang))}</th>"
        for k in ("case", "best", "score", "method", "files")
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e_(L['title'](lang))}</title><style>{CSS}</style></head><body><main>"
        f'<h1>{e_(L["title"](lang))}</h1><div class="table-wrap"><table><thead><tr>{heads}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></main></body></html>\n"
    )
