"""LASSO selection of factors for a Poisson or NB2 (fixed alpha) log-linear model, with K-fold
cross-validation of the penalty, in numpy.

The penalised fit follows glmnet's scheme: an outer IRLS step builds a weighted least-squares problem,
solved on the weighted Gram matrix by accelerated proximal gradient (FISTA). The path runs
from the penalty that keeps every factor out down to 1/1000 of it, each fit warm-started from the last.
The penalty chosen is the largest within one standard error of the best cross-validated deviance (the
"one standard error" rule, which favours fewer factors). Factors are standardised by the caller.
"""
from dataclasses import dataclass, field

import numpy as np

from .glm import deviance, fit_glm


@dataclass
class LassoSelection:
    chosen: list
    penalty: float
    penalties: np.ndarray
    cv_deviance: np.ndarray
    cv_error: np.ndarray
    steps: list = field(default_factory=list)
    capped: bool = False  # more factors had entered than max_factors allows


def penalised_path(y, Z, offset, alpha, penalties, tol=1e-6, max_outer=50):
    """(intercept, coefficients) at each penalty, for standardised Z."""
    n, p = Z.shape
    null = fit_glm(y, np.ones((n, 1)), offset, alpha)
    b0, b = float(null.params[0]), np.zeros(p)
    path = []
    for penalty in penalties:
        for _ in range(max_outer):
            eta = b0 + Z @ b + offset
            mu = np.exp(eta)
            w = mu / (1 + alpha * mu) / n
            z = eta - offset + (y - mu) / mu
            # Weighted centring takes the (unpenalised) intercept out of the problem.
            z_mean = (w @ z) / w.sum()
            Z_mean = (w @ Z) / w.sum()
            centred = Z - Z_mean
            gram = centred.T @ (centred * w[:, None])
            cross = centred.T @ (w * (z - z_mean))
            previous = b.copy()
            b = _lasso_quadratic(gram, cross, penalty, b, tol)
            b0 = float(z_mean - Z_mean @ b)
            if np.max(np.abs(b - previous)) < tol:
                break
        path.append((b0, b.copy()))
    return path


def _lasso_quadratic(gram, cross, penalty, start, tol, max_iter=5000):
    """argmin 1/2 b'Gb - c'b + penalty |b|_1 by accelerated proximal gradient (FISTA): small
    matrix-vector products, fast in numpy even where factors are strongly correlated."""
    step = 1.0 / max(np.linalg.eigvalsh(gram)[-1], 1e-300)
    b = start.copy()
    momentum, t = b.copy(), 1.0
    for _ in range(max_iter):
        candidate = momentum - step * (gram @ momentum - cross)
        new = np.sign(candidate) * np.maximum(np.abs(candidate) - step * penalty, 0.0)
        t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
        momentum = new + (t - 1) / t_next * (new - b)
        change = np.max(np.abs(new - b)) if len(b) else 0.0
        b, t = new, t_next
        if change < tol:
            break
    return b


def lasso_select(y, Z, offset, alpha, max_factors=None, folds=5, n_penalties=25, seed=20161201, progress=None):
    """Cross-validated LASSO choice of factors; progress(fraction), if given, is called per fold (it may
    raise to cancel)."""
    y = np.asarray(y, dtype=float)
    n, p = Z.shape
    null = fit_glm(y, np.ones((n, 1)), offset, alpha)
    mu0 = null.mu
    gradient = Z.T @ ((y - mu0) / (1 + alpha * mu0)) / n
    largest = float(np.max(np.abs(gradient)))
    penalties = largest * np.logspace(0, -3, n_penalties)
    fold_of = np.random.default_rng(seed).permutation(n) % folds
    losses = np.zeros((folds, n_penalties))
    for k in range(folds):
        if progress is not None:
            progress(k / (folds + 1))
        train, test = fold_of != k, fold_of == k
        path = penalised_path(y[train], Z[train], offset[train], alpha, penalties)
        for i, (b0, b) in enumerate(path):
            mu = np.exp(b0 + Z[test] @ b + offset[test])
            losses[k, i] = deviance(y[test], mu, alpha)
    mean = losses.mean(axis=0)
    error = losses.std(axis=0, ddof=1) / np.sqrt(folds)
    best = int(np.argmin(mean))
    chosen_index = int(np.flatnonzero(mean <= mean[best] + error[best])[0])  # largest penalty within 1 SE
    full_path = penalised_path(y, Z, offset, alpha, penalties[: chosen_index + 1])
    coefficients = full_path[-1][1]
    entered = {}
    for i, (_, b) in enumerate(full_path):
        for j in np.flatnonzero(b):
            entered.setdefault(int(j), i)
    chosen = sorted((j for j in range(p) if coefficients[j] != 0), key=lambda j: (entered[j], j))
    capped = max_factors is not None and len(chosen) > max_factors
    if capped:
        chosen = chosen[:max_factors]
    return LassoSelection(chosen, float(penalties[chosen_index]), penalties, mean, error, capped=capped)
