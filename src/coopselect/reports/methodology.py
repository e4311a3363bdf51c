"""Methodology notes in words (both languages): how the numbers were made, and which inputs are
analyst judgments rather than data."""

from __future__ import annotations

from coopselect.reports.context import Ctx

_EN = {
    "favourability": (
        "Indicators to favourability: each indicator is scaled to [0, 1] by min-max against its "
        "reference set (all countries in the bundled data, the case's candidates, or fixed "
        "bounds, as the criteria file says); cost indicators are reversed so that 1 is always the "
        "most favourable host. Gaps follow the case's missing-data rules (see 'Imputed and "
        "excluded data')."
    ),
    "aggregation": (
        "Aggregation: a sub-criterion is the mean of its indicators; a criterion is the sum of "
        "its sub-criteria weighted by their local AHP weights. The result is the country's "
        "criterion favourability x (0 to 1)."
    ),
    "ahp": (
        "Criterion weights ({preset}): AHP weights are the principal eigenvector of the pairwise "
        "judgment matrix (Saaty's 1-9 scale). Consistency ratio CR = CI / RI with "
        "CI = (lambda_max - n) / (n - 1) and Saaty's random index RI; CR <= 0.10 is acceptable."
    ),
    "pairs": (
        "Pairs (the pair model): every mode gains and loses with the host. Host features "
        "in [0, 1]: governance g, infrastructure i and ESG environment s (the criterion scores "
        "above), production and reserves endowment per mineral (world share on a fixed log scale "
        "from 0.1% to 100%), technology gap t (China's GDP per capita over the host's, log scale "
        "up to 20 times) and four policy barriers per mineral from dated, cited measures (export "
        "restriction, state participation, investment screening, fiscal instability). Each mode's "
        "profile (analyst judgment) sets what it captures, commits, relies on and serves, and how "
        "each barrier blocks it (+) or is its way in (-). Columns: value = capture + service + "
        "opening (capped at 1), where capture = the mode's share of production and reserves "
        "endowment, reduced per mineral by the barriers that block it; safety = 1 - commitment "
        "(1 - g); infrastructure = 1 - reliance (1 - i); ESG = 1 - reliance (1 - s). Each column "
        "carries the AHP weight of its criterion."
    ),
    "attributes": (
        "Mode attributes (capital intensity, time to supply, ease of exit; "
        "1-5) are extra columns, the same in every country. They receive a share s = {share:g} "
        "of the total weight, split by the case's attribute weights; the criterion weights are "
        "multiplied by 1 - s."
    ),
    "topsis": (
        "Ranking by TOPSIS ({norm} normalisation): each column is normalised (vector: value "
        "divided by the square root of the column's sum of squares) and multiplied by its "
        "weight. The ideal point takes the best weighted value of every column (the highest "
        "for benefit columns, the lowest for cost columns), the anti-ideal the worst. A pair's "
        "score is its closeness C = d- / (d+ + d-), where d+ and d- are its Euclidean distances "
        "to the ideal and the anti-ideal; higher is better."
    ),
    "wsm": (
        "Ranking by the weighted sum model ({norm} normalisation): each column is normalised "
        "(max: value divided by the column maximum; cost columns 1 - value / max) and the score "
        "is the weighted sum of the normalised values; higher is better."
    ),
    "other": "Ranking by {method} with parameters {params}.",
}

_ZH = {
    "favourability": (
        "指标到有利度：每个指标按其参照集（内置数据中的"
        "全部国家、案例候选国或准则文件给定的固定区间）"
        "作最小-最大归一化到 [0, 1]；成本型指标取反，使 1 总是最有利的东道国。缺失值按案例规则处理"
        "（见“缺失数据处理”）。"
    ),
    "aggregation": (
        "汇总：子准则为其指标的平均值；准则为各子准则按局部 AHP 权重的加权和，得到国家在该准则上的"
        "有利度 x（0 到 1）。"
    ),
    "ahp": (
        "准则权重（{preset}）：AHP 权重为成对比较判断"
        "矩阵（Saaty 1–9 标度）的主特征向量。一致性比率 "
        "CR = CI / RI，其中 CI = (λmax − n) / (n "
        "− 1)，RI 为 Saaty 随机一致性指标；CR ≤ 0.10 可接受。"
    ),
    "pairs": (
        "组合（组合模型第2版）：每种模式随东道国条件既有所得也有所失。东道国特征取值 0–1：治理 g、"
        "基础设施 i、ESG环境 s（即上文的准则得分），各矿种的产量与储量禀赋（世界份额按 0.1%–100% "
        "的固定对数标度），技术差距 t（中国人均GDP与东道国之比，对数标度，20倍为最大），以及来自"
        "有日期、有出处的政策措施的四类壁垒（出口限制、国家参股、投资审查、财税不稳定）。各模式的"
        "画像（分析师判断）规定其获取、投入、依赖与服务的程度，以及每类壁垒对其的阻碍（+）或带来的"
        "机会（−）。各列：价值 = 资源获取 + 服务需求 + 壁垒机会（上限为1），其中资源获取为该模式在"
        "产量与储量禀赋中的份额，并按矿种扣除阻碍它的壁垒；安全性 = 1 − 投入 × (1 − g)；基础设施 = "
        "1 − 依赖 × (1 − i)；ESG = 1 − 依赖 × (1 − s)。各列承载其所属准则的 AHP 权重。"
    ),
    "attributes": (
        "模式属性（资本密集度、首次供应时间、退出难易度；1–5 分）是额外的列，在各国相同。"
        "它们占总权重的 s = {share:g}，按案例给定的属性权重分配；准则权重乘以 1 − s。"
    ),
    "topsis": (
        "排序方法 TOPSIS（{norm} 归一化）：各列先归一化（向量归一化：数值除以该列平方和的平方根），"
        "再乘以权重。正理想解取各列最优加权值（效益型取最大，成本型取最小），负理想解取最差值。"
        "组合得分为贴近度 C = d− / (d+ + d−)，d+、d− 为到正、负理想解的欧氏距离；越高越好。"
    ),
    "wsm": (
        "排序方法：加权和模型（{norm} 归一化）。各列归一化（max：数值除以列最大值；成本型为 "
        "1 − 数值/最大值），得分为归一化值的加权和；越高越好。"
    ),
    "other": "排序方法 {method}，参数 {params}。",
}

_JUDGMENTS_EN = [
    "AHP pairwise judgments of the criteria and sub-criteria, with their reasons ({basis}).",
    "Mode profiles: what each mode captures, commits, relies on and serves, and its response to "
    "each policy barrier ({modes}).",
    "Mode attribute values (1-5) of each mode ({modes}).",
    "Mode-attribute weights and their share of the total weight ({attr}).",
    "The missing-data rule and the mineral weighting chosen in the case file ({minerals}).",
]
_JUDGMENTS_ZH = [
    "准则与子准则的 AHP 成对比较判断及其理由（{basis}）。",
    "模式画像：各模式的资源获取、投入、依赖与服务程度，以及对各类政策壁垒的反应（{modes}）。",
    "各模式的属性值（1–5 分）（{modes}）。",
    "模式属性权重及其占总权重的份额（{attr}）。",
    "案例文件选定的缺失数据规则与矿种加权方式（{minerals}）。",
]


def method_paragraphs(ctx: Ctx) -> list[str]:
    res = ctx.result
    text = _ZH if ctx.lang == "zh" else _EN
    out = [
        text["favourability"],
        text["aggregation"],
        text["ahp"].format(preset=res.weights.preset),
        text["pairs"],
    ]
    share = res.case.mode_attributes.share
    if share > 0:
        out.append(text["attributes"].format(share=share))
    norm = ctx.normalised[1] or "-"
    if res.method in ("topsis", "wsm"):
        out.append(text[res.method].format(norm=norm))
    else:
        params = ", ".join(f"{k}={v}" for k, v in sorted(res.method_params.items())) or "-"
        out.append(text["other"].format(method=res.method, params=params))
    return out


def analyst_judgments(ctx: Ctx) -> list[str]:
    from coopselect.paths import display_path

    case = ctx.result.case
    items = _JUDGMENTS_ZH if ctx.lang == "zh" else _JUDGMENTS_EN
    modes = display_path(case.catalog.path) if case.catalog.path else "modes"
    basis = case.judgments_basis_in(ctx.lang) or case.hierarchy.judgment_basis_in(ctx.lang) or "-"
    attr = (case.mode_attributes.basis_in(ctx.lang) or "-").rstrip(".")
    minerals = case.minerals.basis_in(ctx.lang) or case.minerals.weighting
    return [s.format(basis=basis, modes=modes, attr=attr, minerals=minerals) for s in items]
