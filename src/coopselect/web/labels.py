"""Every label of the web app, in Chinese and English (one table)."""

from __future__ import annotations

from coopselect.i18n import Label

W: dict[str, Label] = {
    "title": Label("coopselect：海外矿产合作的东道国与合作模式", "coopselect: host and mode"),
    "lang": Label("语言", "Language"),
    "preset": Label("权重方案", "Weights"),
    "preset_ahp": Label("层次分析法（判断矩阵）", "AHP (judgments)"),
    "preset_fraser": Label("Fraser 权重", "Fraser"),
    "preset_equal": Label("等权重", "Equal"),
    "preset_custom": Label("自定义（滑块）", "Custom (sliders)"),
    "weights": Label("准则的相对重要性", "Relative importance of the criteria"),
    "weights_note": Label(
        "移动滑块即改为自定义权重：各准则权重为其重要性占总和的比例（下方为生效权重）。",
        "Moving a slider switches to custom weights: each weight is the criterion's share of the "
        "total importance (the weights in force are below).",
    ),
    "method": Label("排序方法", "Ranking method"),
    "downloads": Label("下载报告", "Download the report"),
    "tab_ranking": Label("排名", "Ranking"),
    "tab_map": Label("地图", "Map"),
    "tab_hosts": Label("东道国解释", "Hosts"),
    "tab_judgments": Label("判断矩阵", "Judgments"),
    "tab_whatif": Label("情景与假设", "What-ifs"),
    "tab_robust": Label("稳健性", "Robustness"),
    "view": Label("视图", "View"),
    "view_pairs": Label("全部组合", "All pairs"),
    "view_country": Label("各国最佳模式", "Best mode per country"),
    "view_mode": Label("各模式最佳国家", "Best country per mode"),
    "filter": Label("筛选（国家或模式）", "Filter (country or mode)"),
    "col_rank": Label("排名", "Rank"),
    "col_country": Label("国家", "Country"),
    "col_iso3": Label("ISO3", "ISO3"),
    "col_mode": Label("合作模式", "Mode"),
    "col_score": Label("得分", "Score"),
    "col_change": Label("变化", "Change"),
    "showing": Label("显示 {n} / {total} 个组合", "showing {n} of {total} pairs"),
    "first_rows": Label(
        "（仅显示前 {n} 行；可筛选，或下载 CSV 查看全部）",
        "(the first {n} shown; filter, or download the CSV for all)",
    ),
    "lower_better": Label("（该方法得分越低越好）", "(lower score is better under this method)"),
    "host": Label("东道国", "Host"),
    "host_modes": Label("该国各模式", "This host's modes"),
    "why_best": Label("为何是该模式", "Why this mode"),
    "cr": Label("一致性比率 CR", "Consistency ratio CR"),
    "cr_ok": Label("可接受（≤ 0.10）", "acceptable (<= 0.10)"),
    "cr_bad": Label("不一致（> 0.10）：请修改判断", "inconsistent (> 0.10): revise the judgments"),
    "worst": Label(
        "最不一致的判断：{a} 对 {b} = {v}；与权重一致的值约为 {s}（萨蒂标度最近值 {n}）。",
        "Most inconsistent judgment: {a} vs {b} = {v}; the value agreeing with the weights is "
        "about {s} (nearest on Saaty's scale: {n}).",
    ),
    "judgment_pair": Label("判断", "Judgment"),
    "judgment_value": Label("前者比后者重要的倍数（萨蒂 1-9）", "times more important (Saaty 1-9)"),
    "apply": Label("应用", "Apply"),
    "not_in_use": Label(
        "当前权重方案不是层次分析法：修改判断会改变层次分析法权重，但不改变排名。",
        "The weights in force are not AHP: editing a judgment changes the AHP weights, not the "
        "ranking.",
    ),
    "scenario": Label("案例情景", "Case scenario"),
    "no_scenario": Label("（无）", "(none)"),
    "setting": Label("假设（ISO3.特征=值）", "What-if (ISO3.feature=value)"),
    "add": Label("添加", "Add"),
    "clear": Label("清除假设", "Clear what-ifs"),
    "base": Label("基准最佳模式", "Best mode, base"),
    "with_whatif": Label("假设下最佳模式", "Best mode, what-if"),
    "smaa_run": Label("运行权重抽样（SMAA）", "Run weight sampling (SMAA)"),
    "smaa_first": Label("首位接受度", "First-rank acceptability"),
    "agreement": Label("各方法下每国最佳模式", "Best mode per host under each method"),
    "agree_count": Label("一致方法数", "Methods agreeing"),
    "weight_share": Label("权重抽样中仍为最佳", "Stays best under weights"),
    "verdict": Label("结论", "Verdict"),
    "brief": Label("简报（HTML）", "Brief (HTML)"),
    "loo_run": Label("逐一去掉东道国检验", "Leave one host out"),
    "col_pair": Label("组合", "Pair"),
    "error": Label("无法应用", "Could not apply"),
    "case_file": Label("案例文件", "Case file"),
    "download_case": Label("下载修改后的案例", "Download the edited case"),
    "save": Label("保存到案例文件", "Save to the case file"),
    "saved": Label("已保存：", "Saved:"),
    "save_failed": Label("未保存", "Not saved"),
    "map_none": Label("没有可绘制的东道国。", "No host to draw."),
}


def w(key: str, lang: str) -> str:
    return W[key](lang)
