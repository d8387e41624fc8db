"""Spatial helpers: contiguity neighbours of area polygons and Moran's I with a permutation test."""
import numpy as np


def contiguity_weights(geometries):
    """Row-standardised queen contiguity (areas sharing any boundary point) as a scipy CSR matrix.

    A small tolerance (0.5 m for projected CRS units) joins areas whose generalised boundaries
    almost touch, as published small-area boundaries often do.
    """
    import shapely
    from scipy import sparse

    geometries = np.asarray(geometries, dtype=object)
    n = len(geometries)
    present = ~shapely.is_missing(geometries)
    tree = shapely.STRtree(np.where(present, geometries, None))
    left, right = tree.query(np.where(present, geometries, None), predicate="dwithin", distance=0.5)
    keep = left != right
    left, right = left[keep], right[keep]
    weights = sparse.csr_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    degree = np.asarray(weights.sum(axis=1)).ravel()
    scale = np.divide(1.0, degree, out=np.zeros(n), where=degree > 0)
    return sparse.diags(scale) @ weights


def morans_i(values, weights, permutations=999, seed=12345):
    """Moran's I of values under row-standardised weights, with a one-sided permutation p-value
    (the share of random relabellings with I at least as large). Areas without neighbours are left out."""
    values = np.asarray(values, dtype=float)
    has_neighbours = np.asarray(weights.sum(axis=1)).ravel() > 0
    index = np.flatnonzero(has_neighbours)
    w = weights[index][:, index]
    z = values[index] - values[index].mean()
    denominator = z @ z
    if len(index) < 3 or denominator == 0:
        return float("nan"), float("nan")
    n, s0 = len(index), w.sum()
    statistic = n / s0 * (z @ (w @ z)) / denominator
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(z) for _ in range(permutations)]).T  # n x permutations
    simulated = n / s0 * np.einsum("ij,ij->j", shuffled, w @ shuffled) / denominator
    p_value = (1 + np.sum(simulated >= statistic)) / (permutations + 1)
    return float(statistic), float(p_value)
