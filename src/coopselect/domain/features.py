"""The pair model's vocabulary (version 3, docs/model.md): host features, mode profile keys,
barrier types, and which criterion each pair column belongs to.

Host features are in [0, 1]. For governance, infrastructure and esg, 1 is the most favourable host;
production and reserves are known-endowment scores (1 = a major producer, 10 % of world or more);
exploration_potential is undiscovered or under-explored potential (1 = the highest); technology_gap
is 1 at the widest gap; a barrier is 1 when it is in force and binds every mineral of the case.
"""

from __future__ import annotations

from coopselect.i18n import Label

BARRIERS: tuple[str, ...] = (
    "export_restriction",
    "state_participation",
    "investment_screening",
    "fiscal_instability",
)

# Features computed per mineral (the rest are one number per host).
PER_MINERAL: tuple[str, ...] = ("production", "reserves", "exploration_potential", *BARRIERS)
# The per-mineral features that say what the host holds (a what-if sets them only for the minerals
# that have a figure at all).
ENDOWMENT_FEATURES: tuple[str, ...] = ("production", "reserves", "exploration_potential")

HOST_FEATURES: tuple[str, ...] = (
    "governance",
    "infrastructure",
    "esg",
    "production",
    "reserves",
    "exploration_potential",
    "technology_gap",
    *BARRIERS,
)

PROFILE_KEYS: tuple[str, ...] = (
    "capture_production",
    "capture_reserves",
    "capture_potential",
    "indirect_supply",
    "commitment",
    "reliance_infrastructure",
    "reliance_esg",
    "serves_technology",
    "serves_infrastructure",
)

# The four pair columns and the criterion of the hierarchy whose AHP weight each one carries.
COLUMN_CRITERION: dict[str, str] = {
    "value": "resource_endowment",
    "safety": "political_risk",
    "infrastructure": "infrastructure",
    "esg": "esg_pressure",
}
MODEL_CRITERIA: tuple[str, ...] = tuple(COLUMN_CRITERION.values())

# The host features read off the hierarchy's criterion scores (favourability, 1 = best).
CRITERION_FEATURE: dict[str, str] = {
    "governance": "political_risk",
    "infrastructure": "infrastructure",
    "esg": "esg_pressure",
}

FEATURE_LABELS: dict[str, Label] = {
    "governance": Label("治理", "Governance"),
    "infrastructure": Label("基础设施", "Infrastructure"),
    "esg": Label("ESG环境", "ESG environment"),
    "production": Label("产量禀赋", "Production endowment"),
    "reserves": Label("储量禀赋", "Reserves endowment"),
    "exploration_potential": Label("勘查潜力", "Exploration potential"),
    "technology_gap": Label("技术差距", "Technology gap"),
    "export_restriction": Label("出口限制", "Export restriction"),
    "state_participation": Label("国家参股", "State participation"),
    "investment_screening": Label("投资审查", "Investment screening"),
    "fiscal_instability": Label("财税不稳定", "Fiscal instability"),
}

PROFILE_LABELS: dict[str, Label] = {
    "capture_production": Label("产量获取", "Capture of production"),
    "capture_reserves": Label("储量获取", "Capture of reserves"),
    "capture_potential": Label("勘查潜力获取", "Capture of exploration potential"),
    "indirect_supply": Label("间接供应", "Indirect supply"),
    "commitment": Label("政治风险暴露", "Exposure to the host state"),
    "reliance_infrastructure": Label("对基础设施的依赖", "Reliance on infrastructure"),
    "reliance_esg": Label("对ESG环境的依赖", "Reliance on ESG environment"),
    "serves_technology": Label("技术差距带来的欢迎度", "Welcome from the technology gap"),
    "serves_infrastructure": Label(
        "基础设施缺口带来的欢迎度", "Welcome from the infrastructure gap"
    ),
}

TERM_LABELS: dict[str, Label] = {
    "capture": Label("资源获取", "capture"),
    "service": Label("间接供应", "indirect supply"),
    "opening": Label("壁垒带来的机会", "opening"),
    "allowed": Label("未受阻比例", "allowed"),
}


def feature_label(name: str, lang: str) -> str:
    label = FEATURE_LABELS.get(name)
    return label(lang) if label else name
