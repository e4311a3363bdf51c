"""Every label the app shows, in Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass

from coopselect.i18n import Label

L: dict[str, Label] = {
    # tabs
    "tab_rank": Label("排名", "Ranking"),
    "tab_weights": Label("权重", "Weights"),
    "tab_ahp": Label("判断矩阵", "AHP matrix"),
    "tab_detail": Label("组合详情", "Pair detail"),
    "tab_robust": Label("稳健性", "Robustness"),
    "tab_whatif": Label("情景假设", "What-ifs"),
    "tab_compare": Label("情景对比", "Compare"),
    # header
    "method": Label("方法", "method"),
    "preset": Label("权重", "weights"),
    "modified": Label("已修改", "modified"),
    "saved": Label("已保存", "saved"),
    "bundled": Label("内置案例", "bundled case"),
    "whatif": Label("情景假设", "what-if"),
    "n_settings": Label("{n} 项设置", "{n} setting(s)"),
    # ranking
    "rank": Label("排名", "Rank"),
    "change": Label("变化", "Δ"),
    "country": Label("国家", "Country"),
    "mode": Label("合作模式", "Mode"),
    "score": Label("得分", "Score"),
    "filter": Label("筛选（国家或模式）…", "filter by country or mode…"),
    "view_all": Label("全部组合", "all pairs"),
    "view_best": Label("各国最佳模式", "best mode per country"),
    "showing": Label(
        "显示 {n} / {total} 个组合（{view}）", "showing {n} of {total} pairs ({view})"
    ),
    "filtered": Label("筛选", "filter"),
    "lower_better": Label("得分越低越好", "lower score is better"),
    # weights
    "criterion": Label("准则", "Criterion"),
    "weight": Label("权重", "Weight"),
    "ahp_weight": Label("AHP权重", "AHP weight"),
    "attributes_share": Label("模式自身属性所占份额", "Share on the modes' own attributes"),
    "split": Label(
        "东道国准则占总权重 {crit:.0%}，模式自身属性占 {attr:.0%}",
        "host criteria carry {crit:.0%} of the total weight, the modes' own attributes {attr:.0%}",
    ),
    "attributes_off": Label(
        "份额为0：模式自身属性不参与排序（调高份额即启用）",
        "share 0: the modes' own attributes are not used (raise the share to use them)",
    ),
    "weights_help": Label(
        "+/- 调整所选行（同组其余按比例缩放），回车输入数值，p 切换预设",
        "+/- change the selected row (the others of its group rescale), Enter types a value, "
        "p switches preset",
    ),
    "new_weight": Label("新权重（0–1）", "New weight (0–1)"),
    "preset_ahp": Label("AHP判断矩阵特征向量", "AHP eigenvector of the judgments"),
    "preset_fraser": Label(
        "Fraser研究所：资源禀赋60%，其余40%均分",
        "Fraser Institute: 60% resource endowment, 40% spread over the rest",
    ),
    "preset_equal": Label("等权重", "equal weights"),
    "preset_custom": Label("自定义（分析师判断）", "custom (analyst judgment)"),
    # ahp
    "cr": Label("一致性比率 CR", "Consistency ratio CR"),
    "lambda_max": Label("最大特征值", "λmax"),
    "consistent": Label("可接受（≤0.10）", "acceptable (≤ 0.10)"),
    "inconsistent": Label("不一致（>0.10），请复核判断", "inconsistent (> 0.10): revisit"),
    "worst": Label("最不一致的判断", "Most inconsistent judgment"),
    "judgments_unused": Label(
        "权重预设为 {p}：这些判断目前不参与排序（改用 ahp 预设后才生效）。",
        "Weights preset is {p}: these judgments are not in use (they count under the ahp "
        "preset only).",
    ),
    "suggested": Label("一致值建议", "consistent value"),
    "nearest": Label("最接近的Saaty值", "nearest Saaty value"),
    "ahp_help": Label(
        "方向键选格，+/- 沿1/9..9调整，回车从列表选择，f 采用建议值；行比列重要的倍数",
        "arrows pick a cell, +/- step along 1/9..9, Enter picks from the list, f applies the "
        "suggestion; cell = how much the row matters more than the column",
    ),
    "unset": Label("未判断", "unset"),
    "matrix_top": Label("准则层判断矩阵（c 切换到子准则）", "Criteria matrix (c: sub-criteria)"),
    "matrix_sub": Label("“{c}”的子准则判断矩阵（c 切换）", "Sub-criteria of {c} (c: next matrix)"),
    "reason_one": Label("理由", "Reason"),
    "no_reason": Label("（无）", "(none)"),
    "reason_needs_value": Label("请先给出判断值", "Set a value for this judgment first"),
    "judgment_not_in_force": Label(
        "判断已修改，但当前权重预设为 {p}：排序不变（按 p 切换到 ahp）",
        "The judgment changed, but the weights preset is {p}: the ranking does not use it "
        "(p switches to ahp)",
    ),
    "choose_value": Label("选择判断值", "Choose a judgment"),
    "vs": Label("对", "vs"),
    # detail
    "detail_none": Label("在排名表中选择一行（回车）", "Select a row in the ranking (Enter)"),
    "contrib": Label(
        "各准则贡献（与第一名比较）", "Criterion contributions (against the top pair)"
    ),
    "perf": Label("组合表现", "Performance"),
    "top": Label("第一名", "Top pair"),
    "gap": Label("加权差距", "Weighted gap"),
    "host": Label("东道国特征", "Host feature"),
    "dep": Label("模式参数", "Mode parameter"),
    "reason": Label("理由", "Reasons"),
    "indicators": Label("东道国指标（来源与年份）", "Host indicators (source and year)"),
    "indicator": Label("指标", "Indicator"),
    "raw": Label("原始值", "Raw value"),
    "fav": Label("有利度", "Favourability"),
    "source": Label("数据来源", "Source"),
    "imputed": Label("缺失值处理", "Imputed or missing"),
    "none_imputed": Label("无", "none"),
    "no_value": Label("无数据", "no value"),
    # robustness
    "smaa_unavailable": Label(
        "稳健性分析模块（coopselect.sensitivity.smaa）尚不可用。",
        "The robustness module (coopselect.sensitivity.smaa) is not available.",
    ),
    "smaa_help": Label(
        "g 运行SMAA（权重随机抽样），x 取消",
        "g runs SMAA (random weights around the current ones), x cancels",
    ),
    "smaa_running": Label("SMAA运行中…", "SMAA running…"),
    "smaa_done": Label("SMAA完成", "SMAA finished"),
    "smaa_cancelled": Label("已取消", "cancelled"),
    "loo_stable": Label(
        "逐一去掉一个东道国：其余组合的次序都不变。",
        "Leaving one host out: no other two pairs change order.",
    ),
    "loo_unstable": Label(
        "逐一去掉一个东道国：{k} 个中有 {n} 个会改变其余组合的次序（秩逆转）。",
        "Leaving one host out: for {n} of the {k} hosts, removing it reorders other pairs "
        "(rank reversal).",
    ),
    "loo_best": Label(
        "  去掉{gone}后，{host}的最佳模式由{before}变为{after}",
        "  without {gone}, {host}'s best mode changes from {before} to {after}",
    ),
    "loo_few": Label(
        "东道国少于三个，未做逐一去掉东道国的检验。",
        "Fewer than three hosts: the leave-one-host-out check was not run.",
    ),
    "smaa_stale": Label("（结果基于修改前的权重）", "(for the weights before the last edit)"),
    "pair": Label("组合", "Pair"),
    "acceptability": Label("排名可接受度", "Rank acceptability"),
    "holistic": Label("综合可接受度", "Holistic acceptability"),
    "holistic_def": Label(
        "综合可接受度：各名次可接受度按线性元权重加总（全部名次，最多100），"
        "与 coopselect sensitivity 相同（10000个样本，狄利克雷集中度20，种子0）",
        "Holistic acceptability: rank acceptabilities over all ranks (up to 100) with linear "
        "meta-weights, as coopselect sensitivity (10,000 samples, Dirichlet concentration 20, "
        "seed 0)",
    ),
    "rank_n": Label("第{r}名", "Rank {r}"),
    "confidence": Label("置信度", "Confidence"),
    "samples": Label("样本", "samples"),
    # what-ifs
    "whatif_help": Label(
        "情景与特征设置（同 --scenario 与 --set）作用于所有页面，不写入案例文件。"
        "回车选择情景；在特征表中回车修改某国特征（0–1）；a 输入任意设置（如 KAZ.wgi_rl=-0.5）",
        "What-ifs (as --scenario and --set) apply to every page and are not saved into the case "
        "file. Enter picks a scenario; Enter on a host feature sets it (0–1); a types any "
        "setting (e.g. KAZ.wgi_rl=-0.5)",
    ),
    "scenario": Label("情景", "Scenario"),
    "description": Label("说明", "Description"),
    "no_scenario": Label("基准（无情景）", "baseline (no scenario)"),
    "current_whatif": Label("当前情景假设", "the current what-ifs"),
    "overrides": Label("已设置的假设", "Settings in force"),
    "no_overrides": Label("未设置任何特征", "No feature is set"),
    "was": Label("原值", "was"),
    "setting_prompt": Label(
        "设置 ISO3.特征=值（如 UZB.export_restriction=1）",
        "Setting ISO3.FEATURE=VALUE (e.g. UZB.export_restriction=1)",
    ),
    # compare
    "shift": Label("名次变化", "Shift"),
    "best_mode": Label("最佳模式", "Best mode"),
    "pairs_moved": Label(
        "B相对A：{n} / {total} 个组合名次变化", "B against A: {n} of {total} pairs change rank"
    ),
    "best_changed": Label(
        "B相对A：{n} / {total} 个东道国的最佳模式改变",
        "B against A: the best mode changes in {n} of {total} hosts",
    ),
    "pick_side": Label("选择情景 {side}", "Choose side {side}"),
    # saving
    "save_as": Label("另存为（路径）", "Save as (path)"),
    "bundled_copy": Label(
        "内置案例不能原地修改，请输入副本路径",
        "A bundled case is not changed in place: name a copy",
    ),
    "stale": Label(
        "文件自打开后已在磁盘上被修改。仍然覆盖？",
        "The file changed on disk since it was opened. Overwrite anyway?",
    ),
    "exists": Label(
        "文件已存在。覆盖？（保留 .bak）", "The file exists. Overwrite (a .bak is kept)?"
    ),
    "saved_to": Label("已保存到", "Saved to"),
    "backup": Label("备份", "backup"),
    "save_failed": Label("保存失败", "Save failed"),
    "quit_unsaved": Label("有未保存的修改。仍然退出？", "There are unsaved changes. Quit anyway?"),
    "yes": Label("是 (y)", "Yes (y)"),
    "no": Label("否 (n)", "No (n)"),
    "report_unavailable": Label(
        "报告模块（coopselect.reports）尚不可用。",
        "The reports package (coopselect.reports) is not available.",
    ),
    "report_path": Label("报告路径", "Report path"),
    "report_written": Label("报告已写入", "Report written to"),
    "report_writing": Label("正在写报告：", "Writing the report:"),
    "elapsed": Label("已用 {s:.1f} 秒", "{s:.1f} s elapsed"),
    "criteria_saved": Label("子准则判断写入", "sub-criteria judgments in"),
    # misc
    "undone": Label("已撤销", "Undone"),
    "redone": Label("已重做", "Redone"),
    "nothing_undo": Label("没有可撤销的修改", "Nothing to undo"),
    "nothing_redo": Label("没有可重做的修改", "Nothing to redo"),
    "choose_method": Label("选择排序方法", "Choose the ranking method"),
    "error_title": Label("无法打开案例", "The case cannot be opened"),
    "error_quit": Label("按 q 退出", "Press q to quit"),
    "edit_failed": Label("修改无效", "Edit rejected"),
    "help_title": Label("按键说明", "Keys"),
    "help_close": Label("按 Esc 或 ? 关闭", "Esc or ? closes"),
}

# The key bar's common part; the app puts "1-N" (N: the number of pages) and "pages" before it.
KEYBAR_PAGES = Label("页面", "pages")
KEYBAR_COMMON = Label(
    "m 方法  u/U 撤销/重做  s 保存  e 报告  l 语言  ? 帮助  q 退出",
    "m method  u/U undo/redo  s save  e report  l 中文  ? help  q quit",
)


@dataclass(frozen=True)
class PageList(Label):
    """The help's line on the number keys: the pages' tab names, numbered, read from the page
    registry (:func:`coopselect.app.pages.pages`) when the line is shown."""

    def __call__(self, lang: str) -> str:
        from coopselect.app.pages import pages

        sep = "、" if lang == "zh" else ", "
        names = sep.join(f"{i} {p.TAB(lang)}" for i, p in enumerate(pages(), start=1))
        return super().__call__(lang).format(pages=names)


# Every key the app binds, with what it does (the help screen lists these).
KEYS: tuple[tuple[str, Label], ...] = (
    ("1 2 3 …", PageList("切换页面：{pages}", "switch page: {pages}")),
    ("↑ ↓ ← →", Label("在表格中移动", "move in a table")),
    (
        "Enter",
        Label(
            "排名：查看组合详情；权重：输入数值；判断矩阵：选择判断值",
            "ranking: open the pair; weights: type a value; matrix: pick a judgment",
        ),
    ),
    ("/", Label("筛选国家或模式（Esc 返回表格）", "filter by country or mode (Esc back to table)")),
    ("b", Label("切换：全部组合 / 各国最佳模式", "toggle all pairs / best mode per country")),
    ("+ -", Label("调整所选权重或判断", "raise / lower the selected weight or judgment")),
    (
        "p",
        Label(
            "切换权重预设 ahp → fraser → equal → custom",
            "cycle weight preset ahp → fraser → equal → custom",
        ),
    ),
    ("f", Label("采用最不一致判断的建议值", "apply the suggested value of the worst judgment")),
    (
        "c",
        Label("判断矩阵：切换准则层/子准则", "matrix page: next matrix (criteria, sub-criteria)"),
    ),
    ("r", Label("判断矩阵：编辑所选判断的理由", "matrix page: edit the reason of the judgment")),
    ("m", Label("选择排序方法", "choose the ranking method")),
    (
        "a / d",
        Label(
            "情景假设页：输入设置 / 删除所选设置", "what-ifs page: type a setting / drop a setting"
        ),
    ),
    ("[ ]", Label("情景对比页：选择情景A / 情景B", "compare page: choose side A / side B")),
    (
        "g / x",
        Label("运行 / 取消稳健性分析（SMAA）", "run / cancel the robustness analysis (SMAA)"),
    ),
    ("u / U", Label("撤销 / 重做", "undo / redo")),
    ("s / S", Label("保存 / 另存为（原子写入，保留 .bak）", "save / save as (atomic, keeps .bak)")),
    ("e", Label("导出当前视图为报告", "export the current view as a report")),
    ("l", Label("切换语言 中文/English", "switch language 中文/English")),
    ("? F1", Label("帮助", "this help")),
    ("q", Label("退出", "quit")),
)
