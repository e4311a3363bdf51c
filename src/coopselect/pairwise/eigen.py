"""The principal (Perron) eigenvector of a positive matrix: AHP's eigenvector priorities.

Its own module because both the priorities and the completion of incomplete matrices (Harker's
method) need it, and neither should import the other.
"""

from __future__ import annotations

import numpy as np


def principal_eigen(matrix: np.ndarray) -> tuple[np.ndarray, float]:
    """Perron eigenvector (normalised to sum 1) and eigenvalue of a positive matrix."""
    vals, vecs = np.linalg.eig(np.asarray(matrix, dtype=float))
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    return w / w.sum(), float(vals[k].real)
