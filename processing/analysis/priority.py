"""Priority postcodes: combine area risk, lifestyle index and households at risk into one score per
postcode, and tier postcodes P1 / P2 / P3 by the visits that can be made."""
import numpy as np

from .messages import AnalysisError, translatable

SUPPRESS_BELOW = 5


def percentile_rank(values):
    """0-100 rank of each value among the finite ones (ties share their mean rank); NaN stays NaN."""
    from scipy import stats

    values = np.asarray(values, dtype=float)
    out = np.full(len(values), np.nan)
    finite = np.isfinite(values)
    if finite.sum() == 1:
        out[finite] = 100.0
    elif finite.any():
        out[finite] = 100 * (stats.rankdata(values[finite]) - 1) / (finite.sum() - 1)
    return out


def priority_scores(components, weights):
    """Weighted mean of the components' percentile ranks (0-100); a missing component is left out of
    a postcode's mean rather than counted as zero."""
    if not components:
        raise AnalysisError(translatable("Nothing to score: give area risk, a lifestyle layer or household risk."))
    ranks = np.column_stack([percentile_rank(values) for values in components.values()])
    w = np.array([weights[name] for name in components], dtype=float)
    present = np.isfinite(ranks)
    total = (np.where(present, ranks, 0) * w).sum(axis=1)
    weight = (present * w).sum(axis=1)
    return np.divide(total, weight, out=np.full(len(ranks), np.nan), where=weight > 0)


def assign_tiers(scores, p1_count, p2_count):
    """'P1' for the p1_count highest scores, 'P2' for the next p2_count, 'P3' for the rest (ties by order)."""
    if p1_count < 0 or p2_count < 0:
        raise AnalysisError(translatable("Tier quotas cannot be negative."))
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-np.nan_to_num(scores, nan=-1.0), kind="stable")
    tiers = np.full(len(scores), "P3", dtype=object)
    tiers[order[:p1_count]] = "P1"
    tiers[order[p1_count:p1_count + p2_count]] = "P2"
    return tiers


def suppress_small(counts, below=SUPPRESS_BELOW):
    """Counts under `below` (but above zero) become None, so no output singles out a few households."""
    return [None if c is not None and 0 < c < below else c for c in counts]


def tiers_by_score(scores, p1_min, p2_min):
    """'P1' for scores of at least p1_min, 'P2' for at least p2_min, 'P3' for the rest."""
    if p2_min > p1_min:
        raise AnalysisError(translatable("The P2 minimum score ({}) cannot be above the P1 minimum score ({})."),
                            p2_min, p1_min)
    scores = np.nan_to_num(np.asarray(scores, dtype=float), nan=-1.0)
    return np.where(scores >= p1_min, "P1", np.where(scores >= p2_min, "P2", "P3")).astype(object)
