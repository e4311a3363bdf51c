"""Built-in validation: does the model rank first the modes Chinese companies actually chose?

``data/validation/deals.csv`` holds real Chinese overseas mining deals, each coded to its
*revealed* mode (the coding rule is in ``data/validation/README.md``). For each deal the model
ranks the seven modes of the deal's host for the deal's mineral, and the validation records where
the revealed mode lands, under each method of ``METHODS``:

* **Comparison set: the host alone.** The seven (host, mode) pairs of the deal's host are ranked
  by themselves, so the question is the one the company faced, *which mode in this country*. The
  pairs come from the ad-hoc case (:mod:`coopselect.io.loaders.adhoc`, the stated default policy:
  the bundled commercial criteria and mode profiles, AHP weights) of every economy for the deal's
  mineral. Every pair column is on a fixed scale, so the host's rows are those of a case of the
  host alone (``tests/test_validation.py`` checks it), with one difference, on purpose: an
  indicator gap of the host takes the median of every economy (the ad-hoc rule), where a case of
  one host would have no other candidate to impute from.
* **Policy barriers as of the deal.** The barrier table is read on 1 July of the deal year when the
  table covers that date (on or after its earliest recorded measure); an earlier deal reads the
  table on its first date, and the deal says so (``policy_note``): the table cannot speak for
  years before its first measure. Everything else (governance, production, reserves...) is the
  bundled data as of now, not of the deal year.
* **Ties count at their expected value.** A revealed mode tied with others (scores equal within the
  registry's ``REL_TOL``) takes the mean of the tied positions, and counts as "best" or "top three"
  with the probability a random order of the tie would give: a tie is never read as a hit.
* **Chance.** Picking one of seven modes at random puts the revealed one first with probability
  1/7, in the top three with 3/7, at mean rank 4.0 (``CHANCE``).
* **No known endowment.** A host with no known production, reserves or potential of the mineral
  has no best mode in the model; its deal is listed as not ranked, with the reason, and left out
  of the shares (``Summary.unranked``).

Case builds are cached per (mineral, policy date): the deals of one mineral and year share one
build, the six methods rank the same rows, and a second run in the same process reuses the
builds. Nothing here prints; ``coopselect validate`` (``cli/cmd_validate.py``) renders the
result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    from coopselect.io.data.snapshot import DataSnapshot

DEALS_FILE = "validation/deals.csv"
COLUMNS = (
    "id",
    "host",
    "mineral",
    "mode",
    "year",
    "company",
    "project",
    "source_publisher",
    "source_title",
    "source_date",
    "url",
    "note",
)
METHODS = ("topsis", "vikor", "promethee2", "wsm", "spotis", "consensus")
"""The methods the validation reports: the five main methods and their consensus."""
N_MODES = 7
CHANCE = {"best_share": 1 / N_MODES, "top3_share": 3 / N_MODES, "mean_rank": (N_MODES + 1) / 2}
"""What picking one of the seven modes at random gives."""
FIRST_YEAR = 1978  # China's opening: no earlier "Chinese overseas deal" belongs in the table
COMPARISON_SET = "host_alone"
UNRANKED_REASONS = {
    "excluded": "the host was excluded from the case for missing data",
    "no_known_endowment": "no known production, reserves or potential of the mineral in the host: "
    "the model gives it no best mode",
    "mode_absent": "the revealed mode is not among the case's modes",
}
"""Why a deal is not ranked (``Outcome.reason``)."""
POLICY_RULE = "deal_year_july_1_within_table"


@dataclass(frozen=True)
class Deal:
    id: str
    host: str
    mineral: str
    mode: str
    year: int
    company: str
    project: str
    source_publisher: str
    source_title: str
    source_date: str
    url: str
    note: str


@dataclass(frozen=True)
class Outcome:
    """Where one deal's revealed mode lands under one method.

    ``rank`` is the revealed mode's position among the host's modes (1 = best; a tie takes the
    mean of its positions), ``best`` and ``top3`` the probability that it is first and in the top
    three (0 or 1 without ties). ``order`` lists the host's modes best first. ``rank`` is None when
    the deal is not ranked; ``reason`` is then a key of ``UNRANKED_REASONS``."""

    deal: str
    method: str
    rank: float | None
    best: float
    top3: float
    order: tuple[str, ...]
    policy_date: str
    policy_note: str = ""
    reason: str = ""


@dataclass(frozen=True)
class Summary:
    """Agreement over a group of deals (all, or those of one revealed mode) under one method.

    ``n`` counts the ranked deals the shares are over; ``unranked`` the deals left out."""

    method: str
    mode: str  # "" for all deals
    n: int
    unranked: int
    best_share: float | None
    top3_share: float | None
    mean_rank: float | None


@dataclass(frozen=True)
class Validation:
    deals: tuple[Deal, ...]
    methods: tuple[str, ...]
    outcomes: dict[str, tuple[Outcome, ...]]  # method -> one outcome per deal, in deal order
    by_method: tuple[Summary, ...]
    by_mode: tuple[Summary, ...]  # per method, per revealed mode (modes in catalog order)
    notes: tuple[str, ...] = field(default=())
    # host ISO3 -> what the barrier table says of it (coopselect.io.data.policy.coverage: measures,
    # reviewed_none, not_reviewed); a host it has no row for reads as having no barrier.
    barrier_coverage: dict[str, str] = field(default_factory=dict)

    def unreviewed(self) -> tuple[str, ...]:
        """Ids of the deals whose host the barrier table has not reviewed (a gap, not a zero)."""
        return tuple(
            d.id for d in self.deals if self.barrier_coverage.get(d.host) == "not_reviewed"
        )

    def summary(self, method: str) -> Summary:
        return next(s for s in self.by_method if s.method == method)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``coopselect validate --format json`` (keys in docs/model.md)."""

        def summ(s: Summary) -> dict[str, Any]:
            return {
                "method": s.method,
                **({"mode": s.mode} if s.mode else {}),
                "n": s.n,
                "unranked": s.unranked,
                "best_share": s.best_share,
                "top3_share": s.top3_share,
                "mean_rank": s.mean_rank,
            }

        return {
            "deals_file": f"data/{DEALS_FILE}",
            "deal_count": len(self.deals),
            "comparison_set": COMPARISON_SET,
            "policy_rule": POLICY_RULE,
            "methods": list(self.methods),
            "chance": dict(CHANCE),
            "by_method": [summ(s) for s in self.by_method],
            "by_mode": [summ(s) for s in self.by_mode],
            "deals": [
                {
                    "id": d.id,
                    "host": d.host,
                    "mineral": d.mineral,
                    "mode": d.mode,
                    "year": d.year,
                    "company": d.company,
                    "project": d.project,
                    "source": {
                        "publisher": d.source_publisher,
                        "title": d.source_title,
                        "date": d.source_date,
                        "url": d.url,
                    },
                    "barrier_coverage": self.barrier_coverage.get(d.host, "not_reviewed"),
                    "outcomes": {
                        m: {
                            "rank": o.rank,
                            "best": o.best,
                            "top3": o.top3,
                            "order": list(o.order),
                            "policy_date": o.policy_date,
                            "policy_note": o.policy_note,
                            "reason": o.reason,
                        }
                        for m in self.methods
                        for o in (self.outcomes[m][i],)
                    },
                }
                for i, d in enumerate(self.deals)
            ],
            "unranked_reasons": dict(UNRANKED_REASONS),
            "notes": list(self.notes),
        }


# ---- the deals table ----------------------------------------------------------------------------


def deals_path() -> Path:
    from coopselect.paths import data_dir

    return data_dir() / DEALS_FILE


def mode_ids() -> tuple[str, ...]:
    """The seven mode ids of the bundled profiles (criteria/modes.toml), in catalog order."""
    from coopselect.io.loaders.modes_loader import load_modes
    from coopselect.paths import criteria_dir

    return tuple(m.id for m in load_modes(criteria_dir() / "modes.toml").modes)


def load_deals(path: str | Path | None = None) -> tuple[Deal, ...]:
    """The deals table, every row checked: the columns, a unique id, a known host other than China,
    a known mineral and mode, a year from 1978 to now, and a source (publisher, title, date and an
    http(s) URL)."""
    from coopselect.domain.home import HOME
    from coopselect.io.data import reference
    from coopselect.io.files import read_csv_rows

    file = Path(path) if path is not None else deals_path()
    rows = read_csv_rows(file)
    if not rows or tuple(rows[0]) != COLUMNS:
        raise CoopselectError(
            "the header is not the deals table's.",
            file=file,
            place="line 1",
            fix="use the columns " + ",".join(COLUMNS) + ".",
        )
    countries, minerals, modes = reference.countries(), reference.minerals(), mode_ids()
    seen: set[str] = set()
    out: list[Deal] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise CoopselectError(
                f"{len(row)} fields, the table has {len(COLUMNS)}.",
                file=file,
                place=f"line {line}",
                fix="quote fields that contain commas.",
            )
        rec = dict(zip(COLUMNS, (c.strip() for c in row), strict=True))

        def bad(column: str, message: str, fix: str, _line: int = line, _id: str = rec["id"]):
            return CoopselectError(
                message, file=file, place=f"line {_line} ({_id or 'no id'}), {column}", fix=fix
            )

        for column in COLUMNS:
            if not rec[column]:
                raise bad(column, "empty.", "every deal needs all its fields, its source included.")
        if rec["id"] in seen:
            raise bad("id", f"{rec['id']!r} is used twice.", "give each deal its own id.")
        seen.add(rec["id"])
        if rec["host"] not in countries:
            raise bad("host", f"unknown country {rec['host']!r}.", "use an ISO3 code.")
        if rec["host"] == HOME:
            raise bad("host", "China is the investor's home, not a host.", "give the host country.")
        if rec["mineral"] not in minerals:
            raise bad(
                "mineral", f"unknown mineral {rec['mineral']!r}.", "use an id of data/minerals.csv."
            )
        if rec["mode"] not in modes:
            raise bad("mode", f"unknown mode {rec['mode']!r}.", f"use one of {', '.join(modes)}.")
        if not rec["year"].isdigit() or not FIRST_YEAR <= int(rec["year"]) <= date.today().year:
            raise bad(
                "year", f"{rec['year']!r} is not a year.", f"a year from {FIRST_YEAR} to now."
            )
        if not rec["url"].startswith(("http://", "https://")):
            raise bad("url", f"{rec['url']!r} is not a web address.", "give the source's URL.")
        fields = {k: v for k, v in rec.items() if k != "year"}
        out.append(Deal(**fields, year=int(rec["year"])))
    return tuple(out)


# ---- ranking one deal ---------------------------------------------------------------------------


def policy_date_for(year: int) -> tuple[date, str]:
    """The policy date a deal of ``year`` is ranked at, and a note when the barrier table does not
    reach back that far."""
    from coopselect.io.data import policy

    first = min(m.start for m in policy.measures())
    wanted = date(year, 7, 1)
    if wanted >= first:
        return wanted, ""
    return first, (
        f"the barrier table starts {first.isoformat()}: barriers read on that date, not in {year}"
    )


_BUILDS: dict[tuple, Any] = {}


def _data_token(data: DataSnapshot) -> tuple:
    """What the builds depend on beyond (mineral, date): the data folder and its active imported
    vintages (``coopselect data use`` changes what a case reads)."""
    return (str(data.folder), tuple(sorted(data.active.items())))


def clear_cache() -> None:
    """Forget the case builds (the data changed under a running process)."""
    _BUILDS.clear()


def universe_problem(mineral: str, on: date, data: DataSnapshot):
    """The prepared pair problem of every economy for ``mineral``, barriers as of ``on``, read
    from the data snapshot ``data`` (cached per data folder and active vintages)."""
    key = (mineral, on, _data_token(data))
    if key not in _BUILDS:
        _BUILDS[key] = host_problem("all", mineral, on, data)
    return _BUILDS[key]


def host_problem(countries: str, mineral: str, on: date, data: DataSnapshot):
    """The prepared pair problem of the ad-hoc case of ``countries`` (the --countries syntax) and
    ``mineral``, barriers as of ``on``, read from the data snapshot ``data``."""
    from coopselect.io.loaders.adhoc import adhoc_case
    from coopselect.pipeline import prepare

    case = replace(adhoc_case(countries, mineral), policy_date=on.isoformat())
    return prepare(case, data=data)[3]


def method_params(problem, method: str) -> dict[str, Any]:
    """The parameters ``rank`` gives ``method`` on this problem; each member of the consensus
    gets what the model gives that method alone (PROMETHEE II's V-shape, SPOTIS's fixed bounds)."""
    params = problem.method_params(method, {})
    if method == "consensus" and "member_params" not in params:
        from coopselect.methods.consensus import MEMBERS

        params["member_params"] = {m: problem.method_params(m, {}) for m in MEMBERS}
    return params


def place(result, index: int) -> tuple[float, float, float]:
    """(expected position, P(first), P(top three)) of alternative ``index`` in ``result``, a tie
    group's order taken as random."""
    ranks = np.asarray(result.ranks)
    group = next((list(g) for g in result.ties if index in g), [index])
    positions = np.sort(ranks[group])
    return (
        float(positions.mean()),
        float(np.mean(positions == 1)),
        float(np.mean(positions <= 3)),
    )


def outcome(deal: Deal, method: str, data: DataSnapshot) -> Outcome:
    """Rank the deal's host's modes with ``method`` (data read from the snapshot ``data``) and
    place the revealed mode."""
    from coopselect.methods import run_method

    on, note = policy_date_for(deal.year)
    problem = universe_problem(deal.mineral, on, data)
    rows = [i for i, (k, _m) in enumerate(problem.pairs) if k == deal.host]
    modes = [problem.pairs[i][1] for i in rows]
    none_known = getattr(problem.features, "no_known_endowment", lambda: ())()
    reason = ""
    if not modes:
        reason = "excluded"
    elif deal.host in none_known:
        reason = "no_known_endowment"
    elif deal.mode not in modes:
        reason = "mode_absent"
    if reason:
        return Outcome(deal.id, method, None, 0.0, 0.0, (), on.isoformat(), note, reason)
    dm = problem.dm
    x = np.asarray(dm.matrix, dtype=float)[rows]
    res = run_method(method, x, dm.weights, dm.types, **method_params(problem, method))
    order = tuple(modes[i] for i in np.argsort(np.asarray(res.ranks), kind="stable"))
    rank, best, top3 = place(res, modes.index(deal.mode))
    return Outcome(deal.id, method, rank, best, top3, order, on.isoformat(), note)


def summarise(outcomes: Sequence[Outcome], method: str, mode: str = "") -> Summary:
    ranked = [o for o in outcomes if o.rank is not None]
    n = len(ranked)
    if n == 0:
        return Summary(method, mode, 0, len(outcomes), None, None, None)
    return Summary(
        method,
        mode,
        n,
        len(outcomes) - n,
        sum(o.best for o in ranked) / n,
        sum(o.top3 for o in ranked) / n,
        sum(o.rank for o in ranked) / n,  # type: ignore[misc]
    )


def validate(
    data: DataSnapshot, methods: Sequence[str] = METHODS, deals: Sequence[Deal] | None = None
) -> Validation:
    """Rank every deal's host under each of ``methods``, on the data snapshot ``data`` (the
    active vintages of the data folder), and summarise (module docstring)."""
    from coopselect.methods import known_method

    for m in methods:
        if not known_method(m):
            raise CoopselectError(
                f"unknown method {m!r}.",
                place="--method",
                fix=f"use one of {', '.join(METHODS)} (or any registered method).",
            )
    deals = tuple(load_deals() if deals is None else deals)
    outcomes = {m: tuple(outcome(d, m, data) for d in deals) for m in methods}
    by_method = tuple(summarise(outcomes[m], m) for m in methods)
    catalog = mode_ids()
    by_mode = tuple(
        summarise([o for o, d in zip(outcomes[m], deals, strict=True) if d.mode == mode], m, mode)
        for m in methods
        for mode in catalog
        if any(d.mode == mode for d in deals)
    )
    notes = []
    early = sorted({d.id for d in deals if policy_date_for(d.year)[1]})
    if early:
        notes.append(
            f"{len(early)} deal(s) predate the barrier table and read it on its first date: "
            + ", ".join(early)
            + "."
        )
    unranked = sorted({o.deal for m in methods for o in outcomes[m] if o.rank is None})
    if unranked:
        notes.append("not ranked (left out of the shares): " + ", ".join(unranked) + ".")
    result = Validation(
        deals,
        tuple(methods),
        outcomes,
        by_method,
        by_mode,
        tuple(notes),
        barrier_coverage(sorted({d.host for d in deals})),
    )
    gaps = result.unreviewed()
    if gaps:
        note = (
            f"{len(gaps)} deal(s) in hosts the barrier table has not reviewed (their barriers "
            "read as none, a gap): " + ", ".join(gaps) + "."
        )
        result = replace(result, notes=(*result.notes, note))
    return result


def barrier_coverage(hosts: Sequence[str]) -> dict[str, str]:
    """What the barrier table says of each host: ``measures``, ``reviewed_none`` or
    ``not_reviewed`` (no row: a gap)."""
    from coopselect.io.data import policy

    status = {c.iso3: c.status for c in policy.coverage()}
    return {h: status.get(h, "not_reviewed") for h in hosts}
