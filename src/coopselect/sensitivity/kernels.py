"""Batched scoring kernels for SMAA: one method's scores for a whole batch of weight vectors.

Every kernel splits its method into a weight-free part, computed once (``factors``), and the part
that depends on the weights (``scores``), which takes a batch of weight vectors (samples x
criteria) and returns scores (samples x alternatives), the same numbers (to rounding, about 1e-15)
as the method called once per sample through :func:`coopselect.methods.run_method`:

* linear in the weights after a weight-free normalisation, so a batch is one matrix product:
  WSM (``r @ w``), MOORA (``(r * type) @ w``), MABAC (distances from the border ``(t + 1) - g``,
  both scaled by ``w_j``), SPOTIS (``dist @ w``) and PROMETHEE II (net flow
  ``phi = sum_j w_j phi_j``, the per-criterion net flows ``phi_j`` computed once with each
  criterion's own preference function and thresholds);
* WPM in logs (``exp(log(r) @ w)``) and WASPAS (both parts);
* a product followed by a few array reductions: TOPSIS (squared distances are linear in the
  squared weights), VIKOR (``S = d @ w``, ``R`` a running maximum over the criteria, then ``Q``),
  EDAS (SP, SN and their per-sample maxima), ARAS (S / S0), COPRAS (S+ and the normalised S-).

``factors`` also takes a stack of matrices (draws x alternatives x criteria; SMAA's value
uncertainty draws one matrix per sample) and then ``scores`` pairs draw ``c`` with weight vector
``c``. PROMETHEE II (m x m pairs per draw) and SPOTIS (bounds checked per draw) have no stacked
form (``stacked = False``): with value uncertainty they run once per sample.

Degenerate cases follow the methods (constant columns, zero sums, ``REL_TOL`` snapping), so that
the same ties arise. The data are checked once, before the kernel is built, by calling the method
itself (same errors, same messages).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from coopselect.methods.tolerance import REL_TOL, noise_floor, snap


def _nearly_equal(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a - b) <= REL_TOL * np.maximum(np.abs(a), np.abs(b))


def _constant(x: np.ndarray) -> np.ndarray:
    """Per column (axis -2): all values equal within ``REL_TOL`` (``effectively_constant``)."""
    return _nearly_equal(x.min(axis=-2), x.max(axis=-2))


def _div(a: np.ndarray, b: np.ndarray, where: np.ndarray, fill: float = 0.0) -> np.ndarray:
    a, b = np.broadcast_arrays(a, b)
    return np.divide(a, b, out=np.full(a.shape, fill), where=np.broadcast_to(where, a.shape))


def normalise(x: np.ndarray, types: np.ndarray, how: str) -> np.ndarray:
    """:func:`coopselect.methods.topsis.normalise` on the columns (axis -2) of a matrix or of a
    stack of matrices (the method has already checked ``how``)."""
    benefit = types > 0
    if how == "vector":
        d = np.sqrt((x**2).sum(axis=-2, keepdims=True))
        return _div(x, d, d > 0)
    if how == "sum":
        d = x.sum(axis=-2, keepdims=True)
        return _div(x, d, d != 0)
    if how == "max":
        d = np.abs(x).max(axis=-2, keepdims=True)
        f = _div(x, d, d > 0)
        return np.where(benefit, f, np.where(d > 0, 1.0 - f, 0.0))
    lo = x.min(axis=-2, keepdims=True)
    hi = x.max(axis=-2, keepdims=True)
    live = ~_constant(x)[..., None, :]
    f = _div(x - lo, hi - lo, live)
    return np.where(benefit, f, np.where(live, 1.0 - f, 0.0))


def _linear_ratio(x: np.ndarray, types: np.ndarray) -> np.ndarray:
    """WPM's benefit ``x / max``, cost ``min / x`` (values > 0, checked by the method)."""
    return np.where(types > 0, x / x.max(axis=-2, keepdims=True), x.min(axis=-2, keepdims=True) / x)


def weighted_sum(f: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``f @ w`` for a batch: (samples x criteria) weights against one matrix (alternatives x
    criteria) or a stack of them (samples x alternatives x criteria); samples x alternatives."""
    if f.ndim == 2:
        return w @ f.T
    return np.matmul(f, w[:, :, None])[:, :, 0]


class Kernel:
    """One method's weight-free factors and batched scores (see the module docstring)."""

    higher_is_better = True
    stacked = True  # factors() also takes a stack of matrices

    def __init__(self, types: np.ndarray, **params: Any) -> None:
        self.types = np.asarray(types)
        self.params = params

    def factors(self, x: np.ndarray) -> Any:
        raise NotImplementedError

    def invalid(self, xs: np.ndarray) -> int | None:
        """The first draw of a stack the method would refuse (its own check then raises the
        error), or None."""
        return None

    def scores(self, f: Any, w: np.ndarray) -> np.ndarray:
        return weighted_sum(f, w)


class Topsis(Kernel):
    """d+^2 = P @ w^2, d-^2 = Q @ w^2 with P, Q the squared distances of the normalised values to
    the best and worst of each column (weights >= 0 keep the best value's place)."""

    def factors(self, x):
        how = self.params.get("normalization", "vector")
        r = normalise(x, self.types, how)
        benefit = self.types > 0 if how in ("vector", "sum") else np.ones(len(self.types), bool)
        hi, lo = r.max(axis=-2, keepdims=True), r.min(axis=-2, keepdims=True)
        best, worst = np.where(benefit, hi, lo), np.where(benefit, lo, hi)
        return (r - best) ** 2, (r - worst) ** 2

    def scores(self, f, w):
        p, q = f
        w2 = w**2
        # Sums of products of squares are >= 0 in floating point too: no clipping before sqrt.
        dp = weighted_sum(p, w2)
        np.sqrt(dp, out=dp)
        dm = weighted_sum(q, w2)
        np.sqrt(dm, out=dm)  # in place: one chunk of scores is the largest array here
        dp += dm  # the denominator
        live = dp > 0
        if live.all():
            dm /= dp
        else:
            np.divide(dm, dp, out=dm, where=live)
            dm[~live] = 0.5  # every alternative equal on every weighted column
        return dm


class Wsm(Kernel):
    def factors(self, x):
        how = self.params.get("normalization", "max")
        r = normalise(x, self.types, how)
        return r * self.types if how in ("vector", "sum") else r


class Moora(Kernel):
    def factors(self, x):
        peak = np.abs(x).max(axis=-2, keepdims=True)
        y = _div(x, peak, peak > 0)
        length = np.sqrt((y**2).sum(axis=-2, keepdims=True))
        return _div(y, length, length > 0) * np.sign(self.types)


class Wpm(Kernel):
    def factors(self, x):
        return np.log(_linear_ratio(x, self.types))

    def scores(self, f, w):
        return np.exp(weighted_sum(f, w))


class Waspas(Kernel):
    def factors(self, x):
        r = _linear_ratio(x, self.types)
        return r, np.log(r)

    def scores(self, f, w):
        lam = float(self.params.get("lam", 0.5))
        return lam * weighted_sum(f[0], w) + (1.0 - lam) * np.exp(weighted_sum(f[1], w))


class Mabac(Kernel):
    """``q_ij = w_j ((t_ij + 1) - g_j)`` with ``g_j`` the geometric mean of ``t + 1``; the snap of
    q to the border (relative to ``w_j (t + 1)`` and ``w_j g``) does not depend on ``w_j``."""

    def factors(self, x):
        lo, hi = x.min(axis=-2, keepdims=True), x.max(axis=-2, keepdims=True)
        span = np.where(_constant(x)[..., None, :], 0.0, hi - lo)
        ratio = _div(x - lo, span, span > 0, fill=1.0)
        norm = np.where(self.types > 0, ratio, 1.0 - ratio)
        norm = np.where(span == 0, 1.0, norm)
        v = norm + 1.0
        border = np.exp(np.log(v).mean(axis=-2, keepdims=True))
        return snap(v - border, noise_floor(v, border))


class Edas(Kernel):
    def invalid(self, xs):
        bad = (~_constant(xs) & (xs.mean(axis=-2) <= 0)).any(axis=-1)
        return int(np.argmax(bad)) if bad.any() else None

    def factors(self, x):
        av = x.mean(axis=-2, keepdims=True)
        constant = _constant(x)[..., None, :]
        safe_av = np.where(constant, 1.0, av)
        offset = snap(x - av, noise_floor(x, av, np.ptp(x, axis=-2, keepdims=True)))
        diff = np.where(constant, 0.0, offset * self.types / safe_av)
        return np.maximum(diff, 0.0), np.maximum(-diff, 0.0)

    def scores(self, f, w):
        sp, sn = weighted_sum(f[0], w), weighted_sum(f[1], w)
        sp_max, sn_max = sp.max(axis=1, keepdims=True), sn.max(axis=1, keepdims=True)
        nsp = _div(sp, sp_max, sp_max > 0)
        nsn = np.where(sn_max > 0, 1.0 - _div(sn, sn_max, sn_max > 0), 1.0)
        return (nsp + nsn) / 2.0


class Aras(Kernel):
    """Rows of the factors: the optimal alternative first, then the alternatives."""

    def factors(self, x):
        benefit = self.types > 0
        optimal = np.where(benefit, x.max(axis=-2, keepdims=True), x.min(axis=-2, keepdims=True))
        ext = np.concatenate([optimal, x], axis=-2)
        ext = np.where(benefit, ext, optimal / np.where(benefit, 1.0, ext))  # costs are > 0
        total = ext.sum(axis=-2, keepdims=True)
        return _div(ext, total, total > 0)

    def scores(self, f, w):
        s = weighted_sum(f, w)
        s0 = s[:, :1]
        return np.where(s0 > 0, _div(s[:, 1:], s0, s0 > 0), 1.0)


class Copras(Kernel):
    def factors(self, x):
        total = x.sum(axis=-2, keepdims=True)
        return _div(x, total, total > 0)

    def scores(self, f, w):
        benefit = self.types > 0
        s_plus = weighted_sum(f[..., benefit], w[:, benefit])
        w_minus = w[:, ~benefit].sum(axis=1, keepdims=True)
        if not np.any(w_minus > 0):
            return s_plus
        live = w_minus > 0
        u = weighted_sum(f[..., ~benefit], _div(w[:, ~benefit], w_minus, live))
        u_max = u.max(axis=1, keepdims=True)
        v = np.maximum(_div(u, u_max, live), 1e-300)
        v = np.where(live, v, 1.0)
        extra = (
            w_minus * u_max * v.sum(axis=1, keepdims=True) / (v * (1.0 / v).sum(axis=1)[:, None])
        )
        return np.where(live, s_plus + extra, s_plus)


class Vikor(Kernel):
    """``t_ij = w_j d_ij`` with ``d = (f* - x) / (f* - f-)`` (0 on a constant column):
    ``S = d @ w``, ``R = max_j w_j d_ij``, then Q from the per-sample ranges of S and R."""

    higher_is_better = False

    def factors(self, x):
        if self.params.get("bounds") is not None:
            # a fixed scale (methods.vikor): f* and f- are its ends, checked by the method
            from coopselect.methods.bounds import resolve_bounds

            b, _ = resolve_bounds(x.reshape(-1, x.shape[-1]), self.params["bounds"], "VIKOR")
            best = np.where(self.types > 0, b[:, 1], b[:, 0])
            span = best - np.where(self.types > 0, b[:, 0], b[:, 1])
            return _div(best - x, span, np.broadcast_to(span != 0, x.shape))
        hi, lo = x.max(axis=-2, keepdims=True), x.min(axis=-2, keepdims=True)
        best = np.where(self.types > 0, hi, lo)
        span = best - np.where(self.types > 0, lo, hi)
        return _div(best - x, span, ~_constant(x)[..., None, :])

    def scores(self, f, w):
        v = float(self.params.get("v", 0.5))
        s = weighted_sum(f, w)
        if f.ndim == 2:
            # R by a running maximum over the criteria, a few samples at a time (in the cache)
            r = np.empty_like(s)
            ft = np.ascontiguousarray(f.T)
            term = np.empty((_R_BLOCK, f.shape[0]))
            for c0 in range(0, len(w), _R_BLOCK):
                rb, wb = r[c0 : c0 + _R_BLOCK], w[c0 : c0 + _R_BLOCK]
                tb = term[: len(wb)]
                np.multiply(wb[:, :1], ft[0], out=rb)
                for j in range(1, f.shape[1]):
                    np.multiply(wb[:, j, None], ft[j], out=tb)
                    np.maximum(rb, tb, out=rb)
            del term
        else:
            r = (f * w[:, None, :]).max(axis=2)
        s = _part(s, v)
        s += _part(r, 1.0 - v)
        return s


_R_BLOCK = 64


def _part(values: np.ndarray, scale: float) -> np.ndarray:
    """``scale`` times VIKOR's ``(x - min) / (max - min)`` per row, in place; 0 where a row's
    values are all equal within ``REL_TOL``."""
    lo = values.min(axis=1, keepdims=True)
    hi = values.max(axis=1, keepdims=True)
    live = ~_nearly_equal(lo, hi)
    values -= lo
    values *= np.where(live, scale / np.where(live, hi - lo, 1.0), 0.0)
    return values


class Promethee2(Kernel):
    stacked = False

    def factors(self, x):
        from coopselect.methods.promethee import criterion_net_flows

        keys = ("preference", "q", "p", "s")
        flows, _ = criterion_net_flows(
            x, self.types, **{k: self.params[k] for k in keys if k in self.params}
        )
        return flows


class Spotis(Kernel):
    higher_is_better = False
    stacked = False

    def factors(self, x):
        from coopselect.methods.spotis import spotis
        from coopselect.methods.tolerance import nearly_equal

        w = np.full(x.shape[1], 1.0 / x.shape[1])
        res = spotis(x, w, self.types, **self.params)  # bounds and reference checked there
        b = res.extras["bounds"]
        ref = res.extras["reference"]
        span = b[:, 1] - b[:, 0]
        live = np.array([span[j] > 0 and not nearly_equal(b[j, 0], b[j, 1]) for j in range(len(b))])
        return _div(np.abs(x - ref), span, live)


def _kernels_named_by_specs() -> dict[str, type[Kernel]]:
    """Method id -> its kernel class, as the method's spec names it (``MethodSpec.kernel``): the
    spec is the one list of which methods have a kernel; the classes stay here."""
    from coopselect.methods.spec import SPECS

    return {s.id: globals()[s.kernel] for s in SPECS if s.kernel is not None}


_KERNELS: dict[str, type[Kernel]] = _kernels_named_by_specs()

# Methods with a kernel: those whose spec names one (tests/methods/test_spec.py checks each).
KERNEL_METHODS: tuple[str, ...] = tuple(sorted(_KERNELS))


def kernel_for(method: str, types: np.ndarray, **params: Any) -> Kernel | None:
    """The kernel of ``method`` (validated parameters), or None when it has none."""
    cls = _KERNELS.get(method.lower())
    return None if cls is None else cls(types, **params)
