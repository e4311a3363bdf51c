"""The pair model's vocabulary (version 2, docs/model.md): host features, mode profile keys,
barrier types, and which criterion each pair column belongs to.

Host features are in [0, 1]. For governance, infrastructure and esg, 1 is the most favourable host;
production and reserves are endowment scores (1 = all of world output or reserves); technology_gap
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
PER_MINERAL: tuple[str, ...] = ("production", "reserves", *BARRIERS)

HOST_FEATURES: tuple[str, ...] = (
    "governance",
    "infrastructure",
    "esg",
    "production",
    "reserves",
    "technology_gap",
    *BARRIERS,
)

PROFILE_KEYS: tuple[str, ...] = (
    "capture_production",
    "capture_reserves",
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
    "technology_gap": Label("技术差距", "Technology gap"),
    "export_restriction": Label("出口限制", "Export restriction"),
    "state_participation": Label("国家参股", "State participation"),
    "investment_screening": Label("投资审查", "Investment screening"),
    "fiscal_instability": Label("财税不稳定", "Fiscal instability"),
}

PROFILE_LABELS: dict[str, Label] = {
    "capture_production": Label("产量获取", "Capture of production"),
    "capture_reserves": Label("储量获取", "Capture of reserves"),
    "commitment": Label("投入与锁定", "Commitment"),
    "reliance_infrastructure": Label("对基础设施的依赖", "Reliance on infrastructure"),
    "reliance_esg": Label("对ESG环境的依赖", "Reliance on ESG environment"),
    "serves_technology": Label("服务技术差距", "Serves the technology gap"),
    "serves_infrastructure": Label("服务基础设施缺口", "Serves the infrastructure gap"),
}

TERM_LABELS: dict[str, Label] = {
    "capture": Label("资源获取", "capture"),
    "service": Label("服务需求", "service"),
    "opening": Label("壁垒带来的机会", "opening"),
    "allowed": Label("未受阻比例", "allowed"),
}


def feature_label(name: str, lang: str) -> str:
    label = FEATURE_LABELS.get(name)
    return label(lang) if label else name
