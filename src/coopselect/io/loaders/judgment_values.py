"""A pairwise judgment's value as written in a file: a number, an exact fraction "a/b", or "?".

The one parser of judgment values, shared by the AHP matrix files (``coopselect.ahp``) and the
judgment lists of criteria and case files (``coopselect.io.loaders.judgments``).
"""

from __future__ import annotations

import math
from fractions import Fraction

from coopselect.errors import CoopselectError

SAATY_MIN, SAATY_MAX = 1.0 / 9.0, 9.0
# Accepted range of one judgment (outside Saaty's scale with a warning, beyond it refused): a
# ratio of importance of a million is already meaningless, and 1e308 entries overflow the
# eigenvector's products; a subnormal entry has no finite reciprocal.
JUDGMENT_MIN, JUDGMENT_MAX = 1e-6, 1e6
# A judgment written as text ("1/3", "0.25") longer than this is refused before it is parsed (a
# 400-digit fraction is a typo or an attack, and parsing huge integers is slow).
MAX_ENTRY_CHARS = 40


def parse_entry(raw: object, *, file: str | None, place: str) -> float:
    """One entry as written: a positive finite number, an exact fraction "a/b", or NaN for "?"."""
    if isinstance(raw, str):
        text = raw.strip()
        if text == "?":
            return math.nan
        if len(text) > MAX_ENTRY_CHARS:
            raise CoopselectError(
                f"a judgment of {len(text)} characters (at most {MAX_ENTRY_CHARS}).",
                file=file,
                place=place,
                fix='write a judgment such as 3, 0.5 or "1/3" (Saaty\'s scale 1/9 .. 9).',
            )
        try:
            value = float(Fraction(text))
        except OverflowError:
            value = math.inf  # a fraction beyond the range of a double: refused below
        except (ValueError, ZeroDivisionError):
            raise CoopselectError(
                f"{raw!r} is not a number, a fraction 'a/b' or '?'.",
                file=file,
                place=place,
                fix='write a judgment such as 3, 0.5 or "1/3", or "?" if unknown.',
            ) from None
    elif isinstance(raw, bool) or not isinstance(raw, int | float):
        raise CoopselectError(
            f"{raw!r} is not a number.",
            file=file,
            place=place,
            fix='write a number such as 3 or a fraction such as "1/3".',
        )
    else:
        value = float(raw)
    if not math.isfinite(value) or value <= 0:
        raise CoopselectError(
            f"judgment {raw!r} must be positive and finite.",
            file=file,
            place=place,
            fix="use Saaty's scale 1/9 .. 9 (1 = equal importance).",
        )
    return value


def judgment_entry(raw: object, *, file: str | None, place: str) -> float:
    """One judgment: :func:`parse_entry`, within ``JUDGMENT_MIN`` .. ``JUDGMENT_MAX``."""
    value = parse_entry(raw, file=file, place=place)
    if not math.isnan(value) and not JUDGMENT_MIN <= value <= JUDGMENT_MAX:
        raise CoopselectError(
            f"judgment {value:g} is outside the accepted range {JUDGMENT_MIN:g} .. "
            f"{JUDGMENT_MAX:g}.",
            file=file,
            place=place,
            fix="use Saaty's scale 1/9 .. 9 (1 = equal importance); values outside it are "
            f"accepted with a warning up to {JUDGMENT_MAX:g}.",
        )
    return value
