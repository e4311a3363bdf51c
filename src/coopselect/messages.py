"""The package's own run-time sentences: one catalog, and messages rendered at the edge.

The core (scoring, pipeline, loaders) never writes a note in one language. Where it has something
to say, it returns a :class:`Message`, an id from :data:`CATALOG` with its parameters, and the
outputs (CLI, app, reports, web, JSON) call :func:`render` with their language. Nothing is
registered anywhere at run time: a message carries all it needs, so equal runs give equal notes
whatever ran before them in the process.

A parameter is a number or a string (put in as is, with the placeholder's format spec), a
:class:`~coopselect.i18n.Label` (a name the data gives in both languages: a mineral's name, a
case file's basis text; its Chinese if it has one, else its English), or another message
(rendered in the same language).

:data:`Text` is what an output may be handed, and :func:`render` takes all three kinds: a
message; a :class:`~coopselect.i18n.Label` (a pair both of whose texts come from a file or a
table, e.g. a case default's sentence, the criteria-set note or a preset's description); a
``str``, a text with no translation: the warnings of the peer library pymcdm, repeated as it
words them (:mod:`coopselect.methods.peer`). ``tests/test_messages.py`` checks that every other
note of a ranking, the ranking methods' own included, is a message or a label with Chinese, and
``tests/test_zh_everywhere.py`` that no Chinese output carries an English-only sentence.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass

from coopselect.i18n import EPI_LICENCE, Label, pick


@dataclass(frozen=True)
class Message:
    """One sentence of :data:`CATALOG` with its parameters, to be rendered in a language.
    Build it with :func:`message`, which checks the id and the parameters."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def __str__(self) -> str:  # an unrendered message printed by mistake says so
        return f"<message {self.id}>"


# A parameter: a number, a string, a bilingual name, or a message.
Param = str | int | float | Label | Message

# What an output may be handed: a message, a label, or a text with no translation.
Text = Message | Label | str


def message(msg_id: str, **params: Param) -> Message:
    """The message ``msg_id`` with ``params``: every placeholder of its texts, and no other."""
    if msg_id not in CATALOG:
        raise KeyError(f"no message {msg_id!r} in coopselect.messages.CATALOG")
    want = placeholders(CATALOG[msg_id].en)
    if set(params) != want:
        raise TypeError(f"message {msg_id!r} takes {sorted(want)}, got {sorted(params)}")
    return Message(msg_id, tuple(sorted(params.items())))


def render(text: Text, lang: str) -> str:
    """``text`` in ``lang``: a message from the catalog, a label in its language, a plain text
    as it is."""
    if isinstance(text, Message):
        template = CATALOG[text.id](lang)
        return template.format_map(_values(text.params, lang))
    if isinstance(text, Label):
        return pick(text.en, text.zh, lang)
    return text


def _values(params: tuple[tuple[str, Param], ...], lang: str) -> Mapping[str, object]:
    return {k: render(v, lang) if isinstance(v, (Message, Label)) else v for k, v in params}


def placeholders(template: str) -> set[str]:
    """The parameter names of a catalog text (``{name}`` or ``{name:format}``)."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def message_ids(text: Text) -> set[str]:
    """The ids of ``text`` and of every message among its parameters."""
    if not isinstance(text, Message):
        return set()
    out = {text.id}
    for _, v in text.params:
        out |= message_ids(v) if isinstance(v, Message) else set()
    return out


# ---- the catalog: id -> Label(zh, en), the same placeholders in both ---------------------------
CATALOG: dict[str, Label] = {
    # pipeline notes (coopselect.pipeline.RankResult.notes)
    "note.default": Label("默认：{what}", "Default: {what}"),
    "note.epi_licence": EPI_LICENCE,
    # USGS endowment shares (coopselect.scoring.endowment); measure: reserves or production
    "measure.reserves": Label("储量", "reserves"),
    "measure.production": Label("产量", "production"),
    "endowment.no_figures": Label(
        "{mineral}：USGS 未给出任何{measure}数据，{measure}禀赋中不计该矿种。",
        "{mineral}: USGS gives no {measure} figures; left out of {measure}.",
    ),
    "endowment.no_world_total": Label(
        "{mineral}：USGS 未给出世界{measure}总量，以所列国家之和为分母（份额为占所列总量之比）。",
        "{mineral}: USGS gives no world {measure} total; the sum of the listed countries' "
        "figures is the denominator (shares are of the listed total).",
    ),
    "endowment.product_only": Label(
        "{mineral}：USGS 仅对 {product} 给出{measure}，按其计算。",
        "{mineral}: USGS gives {measure} only for {product}; those are used.",
    ),
    "usgs.withheld": Label("USGS 保密未公布（W）", "withheld by USGS (W)"),
    "usgs.not_listed": Label("USGS MCS 未列出", "not listed by USGS MCS"),
    "usgs.no_figure": Label("USGS 列出但无数据", "listed by USGS without a figure"),
    "endowment.supplementary": Label(
        "{mineral}{measure}：{what}；取所引补充数据，占世界 {share:.4%}（来源：{source}）",
        "{mineral} {measure}: {what}; cited supplementary figure {share:.4%} of world ({source})",
    ),
    "endowment.withheld": Label(
        "{mineral}{measure}：USGS 为避免披露企业数据而保密（W）：该东道国有生产，但数量未公布；"
        "不计数量",
        "{mineral} {measure}: withheld by USGS (W) to avoid disclosing company data: the host "
        "produces, the volume is not published; no volume counted",
    ),
    "endowment.unlisted": Label(
        "{mineral}{measure}：{why}；{how}",
        "{mineral} {measure}: {why}; {how}",
    ),
    "endowment.estimated": Label(
        "按最小列出份额（占世界 {smallest:.4%}）的 {fraction:g} 倍计，为 {share:.4%}"
        "（来源：{source}）",
        "taken as {fraction:g} x the smallest listed share ({smallest:.4%} of world) = "
        "{share:.4%}, as {source} names it",
    ),
    "endowment.none_known": Label(
        "无已知数据（USGS MCS、补充表）：不计",
        "no known figure (USGS MCS, supplementary table): none counted",
    ),
    # country favourability and the case's missing-value policy (coopselect.scoring.favourability)
    "favourability.equal_reference": Label(
        "{indicator}：参照值全部相同，各国均记 0.5。",
        "{indicator}: all reference values are equal; every country scored 0.5.",
    ),
    "missing.excluded": Label("无数据；剔除", "no value; excluded"),
    "missing.imputed": Label("来源无数据，取{rule}", "no value in the source; {rule}"),
    "missing.rule.worst": Label("候选国中最不利的值", "least favourable candidate value"),
    "missing.rule.median": Label("有数据候选国的中位数", "median of candidates with a value"),
    # imported data vintages (coopselect.io.data.data_used)
    "data.vintage": Label(
        "数据版本：{dataset} 导入版本 {id}（{release}，{on} 导入）取代随附文件。",
        "Data vintage: {dataset} imported {id} ({release}, imported {on}) replaces the bundled "
        "file.",
    ),
    "data.usgs_year": Label(
        "{indicator}：当前USGS数据版本没有{year}年产量，改用其最近年份{used}年。",
        "{indicator}: the active USGS vintage has no {year} production; its latest year, "
        "{used}, is used.",
    ),
    # the AHP judgments in force (coopselect.ahp.in_force)
    "ahp.group": Label(
        "AHP 准则：生效中的判断为 {basis}。",
        "AHP criteria: the judgments in force are the {basis}.",
    ),
    # the stated default policy of an ad-hoc case (coopselect.io.loaders.adhoc.adhoc_defaults)
    "adhoc.setup": Label(
        "临时案例（--countries/--minerals）：随附的可商用准则集（commercial，开放数据）与模式画像，"
        "全部七种模式，TOPSIS（向量归一化），AHP 权重。",
        "ad-hoc case (--countries/--minerals): the bundled commercial criteria (open data) and "
        "mode profiles, all seven modes, TOPSIS (vector normalisation), AHP weights.",
    ),
    "adhoc.missing": Label(
        "临时案例：指标缺口取有数据候选国有利度的中位数（每次使用均列出）。",
        'ad-hoc case: missing.policy "impute" with rule "median" (an indicator gap takes the '
        "median favourability of the candidates that have a value; every use is listed).",
    ),
    "adhoc.usgs_unlisted": Label(
        "临时案例：只计已知数据（USGS MCS 与所引补充表）：无数据的东道国记为没有，每个缺口均列出。",
        'ad-hoc case: missing.usgs_unlisted "zero" (only known figures count: USGS MCS and the '
        "cited supplementary tables; a host with none holds none, and every gap is listed).",
    ),
    "adhoc.minerals": Label("临时案例：各矿种等权。", "ad-hoc case: minerals weighted equally."),
    "adhoc.home": Label(
        "临时案例：all 与地区选择不含中国（含台湾地区、香港特别行政区和澳门特别行政区），"
        "它是投资方所在地，不是海外东道国。",
        "ad-hoc case: 'all' and regions leave out China, Taiwan, Hong Kong and Macao (the "
        "investor's home economy, not overseas hosts).",
    ),
    "adhoc.attributes": Label(
        "临时案例：模式属性占权重的 {share:g}，按默认案例的比例划分（{split}）。",
        "ad-hoc case: mode attributes get {share:g} of the weight, split as in the default "
        "case ({split}).",
    ),
    # a ranking method's own notes (coopselect.methods: MethodResult.notes); j: the criterion's
    # 1-based number, as in the methods' errors
    "method.constant": Label("准则 {j} 为常数：{effect}", "criterion {j} is constant: {effect}"),
    "method.zero_weight": Label(
        "准则 {j} 权重为 0：不影响排名。",
        "criterion {j} has weight 0: it does not affect the ranking.",
    ),
    "method.effect.same_s": Label(
        "它给每个 S 加上相同的量（不影响排名）。",
        "it adds the same amount to every S (no effect on the ranking).",
    ),
    "method.effect.same_s_pm": Label(
        "它给每个 S+ 或 S- 加上相同的量（w / m）。",
        "it adds the same amount to every S+ or S- (w / m).",
    ),
    "method.effect.same_score": Label(
        "它给每个得分加上相同的量（无影响）。",
        "it adds the same amount to every score (no effect).",
    ),
    "method.effect.average_distance": Label(
        "它与平均解的距离均为 0（无影响）。", "its distances from the average are 0 (no effect)."
    ),
    "method.effect.border_distance": Label(
        "它与边界近似区域的距离均为 0（无影响）。",
        "its distances from the border are 0 (no effect).",
    ),
    "method.effect.r_one": Label(
        "每个备选方案的 r 均为 1（不影响排名）。",
        "r = 1 for every alternative (no effect on the ranking).",
    ),
    "method.effect.factor_one": Label(
        "它对每个备选方案的因子均为 1（无影响）。",
        "its factor is 1 for every alternative (no effect).",
    ),
    "method.zeros_contribute": Label(
        "准则 {j} 全为零：贡献为 0。", "criterion {j} is all zeros: it contributes 0."
    ),
    "method.zeros_set": Label(
        "准则 {j} 全为零：其值记为 0。", "criterion {j} is all zeros: it is set to 0."
    ),
    "method.column_zeros": Label(
        "第 {j} 列全为零：在排名中不起作用。",
        "column {j} is all zeros: it carries no weight in the ranking.",
    ),
    "method.column_constant": Label(
        "第 {j} 列为常数：在排名中不起作用。",
        "column {j} is constant: it carries no weight in the ranking.",
    ),
    "method.constant_in": Label(
        "准则 {j} 为常数：在 {method} 中不起作用。",
        "criterion {j} is constant: it carries no weight in {method}.",
    ),
    "method.member_note": Label("{member}：{note}", "{member}: {note}"),
    "compare.undefined_correlation": Label(
        "{a} 或 {b} 使所有备选方案并列：二者的相关系数无定义。",
        "{a} or {b} ties every alternative; their correlation is undefined.",
    ),
    "compare.input_order_ties": Label(
        "{method}：得分并列者（{names}）按输入顺序排列。",
        "{method}: tied scores ({names}) are ordered by input order.",
    ),
    "weights.all_zeros": Label(
        "准则 {j} 全为 0：不含信息，权重为 0。",
        "criterion {j} is all zeros: it carries no information and gets weight 0.",
    ),
    "weights.constant": Label(
        "准则 {j} 对所有备选方案取值相同：不含信息，权重为 0。",
        "criterion {j} has the same value for every alternative: it carries no information and "
        "gets weight 0.",
    ),
    "weights.constant_entropy": Label(
        "准则 {j} 对所有备选方案取值相同（熵为 1）：不含信息，权重为 0。",
        "criterion {j} has the same value for every alternative (entropy 1): it carries no "
        "information and gets weight 0.",
    ),
    "weights.only_varying": Label(
        "准则 {j} 是唯一取值有差异的准则：获得全部权重。",
        "criterion {j} is the only criterion whose values differ: it gets all the weight.",
    ),
    "problem.weights_rescaled": Label(
        "权重之和为 {total}：已重新缩放为和为 1。",
        "weights summed to {total}; rescaled to sum 1.",
    ),
    "problem.equal_weights": Label(
        "未给出 --weight-values：问题自身的权重按相等处理。",
        "no --weight-values given: the problem's own weights are taken as equal.",
    ),
    "problem.params_other_method": Label(
        "文件中 [method] 的参数是为 {file_method} 设定的；{method} 不使用它们。",
        "the file's [method] parameters are for {file_method}; not used for {method}.",
    ),
    "consensus.one_alternative": Label(
        "只有一个备选方案：排第一，未运行各方法。",
        "one alternative: ranked first, the methods were not run.",
    ),
    "aras.s0_zero": Label("S_0 为 0：每个效用度均为 1。", "S_0 is 0: every utility degree is 1."),
    "copras.no_cost": Label(
        "没有权重大于 0 的成本型准则：Q = S+。", "no cost criterion with a weight > 0: Q = S+."
    ),
    "copras.q_zero": Label(
        "所有 Q 均为 0：每个效用度均为 100。", "every Q is 0: every utility degree is 100."
    ),
    "edas.no_difference": Label(
        "在有权重的准则上没有备选方案偏离平均解：所有方案 NSP = 0、NSN = 1，评价得分均为 0.5。",
        "no alternative differs from the average on a weighted criterion: NSP = 0 and NSN = 1 "
        "for all, every appraisal score is 0.5.",
    ),
    "vikor.equal_part": Label(
        "所有 {part} 值相等：每个备选方案 Q 中的 {part} 部分为 0。",
        "all {part} values are equal: the {part} part of Q is 0 for every alternative.",
    ),
    "promethee.within_threshold": Label(
        "准则 {j}：所有差值均在其无差异阈值之内，因此在 PROMETHEE II 中不起作用。",
        "criterion {j}: every difference is within its indifference threshold, so it carries "
        "no weight in PROMETHEE II.",
    ),
    "spotis.constant": Label(
        "准则 {j} 为常数且其边界取自数据：在 SPOTIS 中不起作用。",
        "criterion {j} is constant and its bounds come from the data: it carries no weight in "
        "SPOTIS.",
    ),
    "bounds.from_data": Label(
        "所有准则的边界均取自数据：{method} 只有在边界固定时才不会发生排名逆转，"
        "因此增减备选方案可能改变此排名。",
        "bounds taken from the data for every criterion: {method} is free of rank reversal "
        "only with fixed bounds, so adding or removing alternatives may change this ranking.",
    ),
    "bounds.partly_from_data": Label(
        "准则 {criteria} 的边界（部分）取自数据：{method} 只有在边界固定时才不会发生排名逆转。",
        "bounds of criterion {criteria} taken (partly) from the data: {method} is free of rank "
        "reversal only with fixed bounds.",
    ),
    "peer.scores_by": Label(
        "得分由 pymcdm {version} 的 {cls} 计算（对照库的实现）。",
        "Scores by pymcdm {version}'s {cls} (the peer's implementation).",
    ),
    "ahp.origin": Label("{preset}，{count} 位专家，{rule}", "{preset}, {count} experts, {rule}"),
    "ahp.matrix.criteria": Label("准则", "criteria"),
    "ahp.matrix.sub": Label("{criterion} 的子准则", "sub-criteria of {criterion}"),
    "ahp.completed": Label(
        "{a} 对 {b}：未给出；补全为 {value}（Harker 1987 特征向量补全）",
        "{a} vs {b}: not given; completed as {value} (Harker 1987 eigenvector completion)",
    ),
    "ahp.completed_note": Label("AHP {matrix}：{completed}。", "AHP {matrix}: {completed}."),
    "ahp.worst": Label(
        "AHP {matrix}：CR {cr:.3f} > 0.10；最不一致的判断为 {a} 对 {b} = {given}；与权重一致的值为 "
        "{suggested:.3f}，萨蒂标度最接近值 {saaty}（coopselect ahp CASE --fix）。",
        "AHP {matrix}: CR {cr:.3f} > 0.10; the worst judgment is {a} vs {b} = {given}; the "
        "value agreeing with the weights is {suggested:.3f}, nearest on Saaty's scale {saaty} "
        "(coopselect ahp CASE --fix).",
    ),
}
