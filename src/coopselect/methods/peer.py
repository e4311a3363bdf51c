"""The peer's methods: pymcdm's implementations of the methods coopselect does not implement.

``run_method("pymcdm:cocoso", matrix, weights, types)`` (``--method pymcdm:cocoso`` on the command
line) runs pymcdm's class on the checked matrix and the weights rescaled to sum 1, and returns a
:class:`~coopselect.methods.result.MethodResult` like every other method: the scores pymcdm
computes, ranks by coopselect's tie rule (:func:`~coopselect.methods.result.rank_scores`), and
``higher_is_better`` from pymcdm's ranking direction. The formulas, their normalisations and their
limits are pymcdm's, not coopselect's: they are not cross-checked against published examples here
and do not follow coopselect's rules for constant columns (an infinite or NaN score is an error
naming the method). pymcdm's warnings (e.g. dominated alternatives) become notes.

pymcdm is imported inside :func:`run_peer` only: importing it costs about a second and pulls in
matplotlib, which the default ``coopselect rank`` path must avoid. Listing the names
(:data:`PEER_METHODS`) imports nothing.

Left out: pymcdm's own versions of the twelve methods coopselect implements (see the registry),
and ERVD, RAFSI and Balanced SPOTIS, which need a reference point, an ideal and anti-ideal, or an
expected solution point with no neutral default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import Text, message
from coopselect.methods.result import MethodResult, rank_scores

PREFIX = "pymcdm:"

COMET_MAX_CRITERIA = 9
"""COMET rates 3**n characteristic objects for n criteria (3**9 = 19,683); more are refused."""


@dataclass(frozen=True)
class PeerMethod:
    """One pymcdm class offered through the registry."""

    cls: str  # the class in pymcdm.methods
    summary: str  # one line: what it computes
    reference: str
    params: tuple[str, ...] = ()  # keyword parameters, passed to the class's constructor
    higher_is_better: bool | None = None  # None: pymcdm's ``_reverse_ranking``


PEER_METHODS: dict[str, PeerMethod] = {
    "aroman": PeerMethod(
        "AROMAN",
        "two-step normalisation (min-max and vector), benefits and costs",
        "Bošković et al. 2023, IEEE Access 11:39496-39507",
        ("beta", "lam"),
    ),
    "cocoso": PeerMethod(
        "COCOSO",
        "combined compromise of weighted sum and weighted product",
        "Yazdani, Zarate, Zavadskas & Turskis 2019, Management Decision 57(9)",
        ("l",),
    ),
    "codas": PeerMethod(
        "CODAS",
        "Euclidean and taxicab distances from the negative ideal",
        "Keshavarz Ghorabaee et al. 2016, Econ. Comput. Econ. Cybern. Stud. Res. 50(3)",
    ),
    "comet": PeerMethod(
        "COMET",
        "characteristic objects (min, middle, max) rated by TOPSIS",
        "Sałabun 2015, J. Multi-Criteria Decision Analysis 22(1-2):37-50",
    ),
    "lmaw": PeerMethod(
        "LMAW",
        "logarithmic methodology of additive weights",
        "Pamučar, Žižović, Biswas & Božanić 2021, Facta Universitatis ME 19(3):361-380",
    ),
    "lopm": PeerMethod(
        "LoPM",
        "weighted ratios to each criterion's best value, lower is better",
        "Farag 2020, Materials and process selection for engineering design, CRC Press",
        # pymcdm 1.4 sets ``reverse_ranking = False`` (no underscore), so its own ``rank()``
        # orders LoPM backwards; the merit is a sum of ratios >= 1 to the best values: lower wins.
        higher_is_better=False,
    ),
    "mairca": PeerMethod(
        "MAIRCA",
        "gap between theoretical and real ratings, lower is better",
        "Pamučar, Vasin & Lukovac 2014, XVI Int. Scientific-Expert Conference on Railways",
    ),
    "marcos": PeerMethod(
        "MARCOS",
        "utility against the ideal and anti-ideal alternatives",
        "Stević, Pamučar, Puška & Chatterjee 2020, Computers & Industrial Engineering 140",
    ),
    "ocra": PeerMethod(
        "OCRA",
        "operational competitiveness rating of benefits and costs",
        "Madić, Petković & Radovanović 2015, Serbian J. Management 10(1):61-73",
    ),
    "probid": PeerMethod(
        "PROBID",
        "distances from ideals of every order and the average",
        "Wang, Rangaiah & Wang 2021, Ind. Eng. Chem. Res. 60(30):11216-11230",
    ),
    "ram": PeerMethod(
        "RAM",
        "root assessment of sum-normalised benefits and costs",
        "Sotoudeh-Anvari 2023, J. Cleaner Production 138695",
    ),
    "rim": PeerMethod(
        "RIM",
        "distance to a reference ideal within bounds (data range)",
        "Cables, Lamata & Verdegay 2016, Information Sciences 337:1-10",
        ("bounds", "ref_ideal"),
    ),
    "sprobid": PeerMethod(
        "SPROBID",
        "PROBID on the best and the worst quarter of the ideals",
        "Wang, Rangaiah & Wang 2021, Ind. Eng. Chem. Res. 60(30):11216-11230",
    ),
}


def peer_names() -> list[str]:
    """``pymcdm:<name>`` for every peer method, sorted. Imports nothing."""
    return [PREFIX + k for k in sorted(PEER_METHODS)]


def peer_parameters(name: str) -> list[str]:
    """The keyword parameters ``pymcdm:<name>`` takes."""
    return list(PEER_METHODS[name].params)


def _build(spec: PeerMethod, pm: Any, x: np.ndarray, w: np.ndarray, t: np.ndarray, params):
    """The pymcdm object for ``spec``: constructor parameters, and the data-derived ones pymcdm
    needs but coopselect's uniform call does not carry (RIM's bounds, COMET's objects)."""
    cls = getattr(pm, spec.cls)
    if spec.cls == "RIM":
        bounds = params.get("bounds")
        if bounds is None:
            bounds = np.column_stack([x.min(axis=0), x.max(axis=0)])
        return cls(np.asarray(bounds, dtype=float), params.get("ref_ideal")), {
            "bounds": np.asarray(bounds, dtype=float)
        }
    if spec.cls == "COMET":
        n = x.shape[1]
        if n > COMET_MAX_CRITERIA:
            raise CoopselectError(
                f"COMET would rate 3^{n} = {3**n:,} characteristic objects for {n} criteria.",
                place=PREFIX + "comet",
                fix=f"use COMET with at most {COMET_MAX_CRITERIA} criteria, or another method.",
            )
        from pymcdm.methods.comet_tools import MethodExpert

        return cls(cls.make_cvalues(x), MethodExpert(pm.TOPSIS(), w, t)), {}
    return cls(**params), {}


def run_peer(name: str, matrix: np.ndarray, weights: np.ndarray, types: np.ndarray, **params):
    """Run pymcdm's ``name`` (a key of :data:`PEER_METHODS`) on checked arrays (the registry
    checks them and rescales the weights to sum 1).

    Parameters
    ----------
    name : str
        The method, without the ``pymcdm:`` prefix.
    matrix, weights, types : numpy.ndarray
        The decision matrix (alternatives x criteria), the weights (sum 1), +1/-1 per criterion.
    **params
        The method's constructor parameters (:func:`peer_parameters`).

    Returns
    -------
    MethodResult
        ``method`` is ``"pymcdm:<name>"``; ``scores`` are pymcdm's preferences, ``ranks`` follow
        coopselect's tie rule, ``notes`` name the implementation and repeat pymcdm's warnings.
    """
    import warnings
    from importlib.metadata import version

    from pymcdm import methods as pm

    spec = PEER_METHODS[name]
    label = PREFIX + name

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            body, extras = _build(spec, pm, matrix, weights, types, params)
            scores = np.asarray(body(matrix, weights, types), dtype=float)
        except CoopselectError:
            raise
        except (ValueError, TypeError, ZeroDivisionError, IndexError) as exc:
            raise CoopselectError(
                f"pymcdm's {spec.cls} refused the problem: {exc}",
                place=label,
                fix="check the method's parameters and the data, or use another method.",
            ) from None
    if scores.shape != (matrix.shape[0],) or not np.all(np.isfinite(scores)):
        raise CoopselectError(
            f"pymcdm's {spec.cls} gave a score that is not a finite number "
            "(e.g. a constant column, a zero, or an alternative worst on every criterion).",
            place=label,
            fix="use one of coopselect's own methods, which have a rule for each such case.",
        )
    higher = spec.higher_is_better
    if higher is None:
        higher = bool(getattr(body, "_reverse_ranking", True))
    ranks, ties = rank_scores(scores, higher)
    # pymcdm's warnings stay as it words them (plain str: a text with no translation)
    notes: list[Text] = [message("peer.scores_by", version=version("pymcdm"), cls=spec.cls)]
    for w in caught:
        text = f"pymcdm: {w.message}"
        if issubclass(w.category, UserWarning) and text not in notes:
            notes.append(text)
    return MethodResult(label, scores, ranks, higher, extras, ties, tuple(notes))


def listing() -> list[tuple[str, str]]:
    """(``pymcdm:<name>``, one line) for every peer method."""
    return [(PREFIX + k, f"pymcdm's {v.cls}: {v.summary}") for k, v in sorted(PEER_METHODS.items())]
