"""Count regression for incident data, in numpy: Poisson and negative binomial (NB2) GLMs with a log
link and an exposure offset, fitted by IRLS; the NB dispersion by maximum likelihood; the
Cameron-Trivedi overdispersion test; and forward stepwise selection by AIC or BIC.

Stepwise selection is made fast in two ways: candidates are ranked by a score (Rao) test computed
from the current fit in one matrix product, so only the few promising ones are refitted, and every
refit starts from the current coefficients (a warm start) so IRLS converges in a few steps.
"""
from dataclasses import dataclass, field

import numpy as np
# scipy.special only: scipy.stats takes seconds to import and the fit needs one t tail (special.stdtr);
# scipy.optimize is imported where the dispersion is estimated.
from scipy import special

POISSON = "poisson"
MAX_ITERATIONS = 200  # IRLS steps before a fit is declared not converged
NEGATIVE_BINOMIAL = "negative binomial"


@dataclass
class GLMFit:
    params: np.ndarray
    cov: np.ndarray
    llf: float
    deviance: float
    mu: np.ndarray
    alpha: float  # 0 for Poisson
    n_iter: int
    converged: bool

    @property
    def bse(self):
        return np.sqrt(np.diag(self.cov))

    @property
    def family(self):
        return POISSON if self.alpha == 0 else NEGATIVE_BINOMIAL

    def criterion(self, name, n_obs):
        """AIC or BIC from the log-likelihood, counting the coefficients (a fixed alpha is not counted)."""
        k = len(self.params)
        penalty = 2.0 * k if name == "aic" else k * np.log(n_obs)
        return -2.0 * self.llf + penalty


def log_likelihood(y, mu, alpha):
    """Sum of Poisson (alpha = 0) or NB2 log-likelihoods."""
    if alpha == 0:
        return float(np.sum(special.xlogy(y, mu) - mu - special.gammaln(y + 1)))
    inv = 1.0 / alpha
    return float(np.sum(
        special.xlogy(y, alpha * mu / (1 + alpha * mu)) - inv * np.log1p(alpha * mu)
        + special.gammaln(y + inv) - special.gammaln(y + 1) - special.gammaln(inv)))


def deviance(y, mu, alpha):
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(y > 0, special.xlogy(y, y / mu), 0.0)
    if alpha == 0:
        return float(2 * np.sum(ratio - (y - mu)))
    inv = 1.0 / alpha
    return float(2 * np.sum(ratio - (y + inv) * np.log((1 + alpha * y) / (1 + alpha * mu))))


def fit_glm(y, X, offset, alpha=0.0, start=None, tol=1e-12, max_iter=None):
    """Maximum-likelihood coefficients of log E[y] = X b + offset, by iteratively reweighted least squares.

    alpha = 0 gives Poisson; alpha > 0 the NB2 GLM with that dispersion held fixed. The covariance is
    the inverse Fisher information (scale 1), as statsmodels' GLM reports for these families.
    """
    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float)
    offset = np.asarray(offset, dtype=float)
    if start is None:
        mu = (y + y.mean()) / 2.0
        eta = np.log(mu)
    else:
        eta = X @ start + offset
        mu = np.exp(eta)
    previous = np.inf
    converged = False
    beta = start
    for n_iter in range(1, (max_iter or MAX_ITERATIONS) + 1):
        weights = mu / (1 + alpha * mu)
        working = eta - offset + (y - mu) / mu
        weighted = X * weights[:, None]
        information = X.T @ weighted
        beta = _solve(information, weighted.T @ working)
        eta = X @ beta + offset
        mu = np.exp(eta)
        current = deviance(y, mu, alpha)
        if abs(current - previous) <= tol * (abs(current) + 0.1):
            converged = True
            break
        previous = current
    weights = mu / (1 + alpha * mu)
    cov = _inverse(X.T @ (X * weights[:, None]))
    return GLMFit(beta, cov, log_likelihood(y, mu, alpha), current, mu, alpha, n_iter, converged)


def _solve(matrix, vector):
    try:
        factor = np.linalg.cholesky(matrix)
        return np.linalg.solve(factor.T, np.linalg.solve(factor, vector))
    except np.linalg.LinAlgError:
        return np.linalg.lstsq(matrix, vector, rcond=None)[0]


def _inverse(matrix):
    try:
        return np.linalg.inv(matrix)
    except np.linalg.LinAlgError:
        return np.linalg.pinv(matrix)


def estimate_alpha(y, X, offset, start=None):
    """Joint maximum-likelihood NB2 fit: the coefficients' profile log-likelihood maximised over alpha
    (each evaluation a warm-started IRLS fit). Returns the GLMFit at the ML alpha (its `alpha` field)."""
    from scipy import optimize

    state = {"params": fit_glm(y, X, offset, 0.0, start=start).params}

    def negative_profile(log_alpha):
        fit = fit_glm(y, X, offset, float(np.exp(log_alpha)), start=state["params"])
        state["params"] = fit.params
        return -fit.llf

    result = optimize.minimize_scalar(negative_profile, bounds=(np.log(1e-8), np.log(1e3)), method="bounded",
                                      options={"xatol": 1e-9})
    return fit_glm(y, X, offset, float(np.exp(result.x)), start=state["params"])


def alpha_given_means(y, mu):
    """The NB2 alpha that maximises the likelihood with the means held fixed."""
    from scipy import optimize

    result = optimize.minimize_scalar(lambda log_a: -log_likelihood(y, mu, np.exp(log_a)),
                                      bounds=(np.log(1e-8), np.log(1e3)), method="bounded", options={"xatol": 1e-9})
    return float(np.exp(result.x))


def moment_alpha(y, mu):
    """A method-of-moments NB2 dispersion: mean of ((y - mu)^2 - y) / mu^2, floored at 0."""
    return float(max(np.sum((y - mu) ** 2 - y) / np.sum(mu**2), 0.0))


@dataclass
class OverdispersionTest:
    statistic: float  # t statistic of the auxiliary regression
    p_value: float  # one-sided, against variance = mu + a * mu^2 with a > 0
    pearson_dispersion: float  # Pearson chi-square / residual degrees of freedom


def overdispersion_test(y, poisson_fit, n_params):
    """Cameron and Trivedi's regression test of Poisson equidispersion."""
    mu = poisson_fit.mu
    response = ((y - mu) ** 2 - y) / mu
    slope = np.sum(mu * response) / np.sum(mu * mu)
    residual = response - slope * mu
    dof = max(len(y) - 1, 1)
    se = np.sqrt(np.sum(residual**2) / dof / np.sum(mu * mu))
    t = slope / se if se > 0 else 0.0
    pearson = np.sum((y - mu) ** 2 / mu) / max(len(y) - n_params, 1)
    return OverdispersionTest(float(t), float(special.stdtr(dof, -t)), float(pearson))


def score_statistics(y, X, fit, candidates):
    """Rao score statistic (chi-square, 1 df) for adding each column of `candidates` to the fit."""
    mu, alpha = fit.mu, fit.alpha
    weights = mu / (1 + alpha * mu)
    residual = (y - mu) / (1 + alpha * mu)
    score = candidates.T @ residual
    weighted_candidates = candidates * weights[:, None]
    cross = X.T @ weighted_candidates  # p x m
    own = np.einsum("ij,ij->j", candidates, weighted_candidates)
    information_xx = X.T @ (X * weights[:, None])
    adjusted = own - np.einsum("ij,ij->j", cross, _solve(information_xx, cross))
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = np.where(adjusted > 1e-12 * np.maximum(own, 1e-300), score**2 / adjusted, 0.0)
    return statistic


@dataclass
class SelectionStep:
    added: str
    criterion: float
    score: float
    refits: int


@dataclass
class Selection:
    chosen: list
    steps: list = field(default_factory=list)
    start_criterion: float = 0.0
    fits: int = 0
    capped: bool = False  # stopped at max_factors while other candidates remained


def forward_stepwise(y, factors, names, offset, alpha=0.0, criterion="aic", max_factors=None,
                     min_refits=3, refit_share=0.25, progress=None):
    """Forward selection from the intercept-only model, adding at each step the factor that lowers the
    criterion most, until none lowers it or max_factors are in.

    Only candidates whose score statistic is at least `refit_share` of the best (and at least the
    `min_refits` best) are refitted; ties go to the earlier factor, so the result is deterministic.
    progress(fraction), if given, is called after every refit (it may raise to cancel).
    """
    y = np.asarray(y, dtype=float)
    factors = np.asarray(factors, dtype=float)
    n, m = factors.shape
    max_factors = m if max_factors is None else min(max_factors, m)
    X = np.ones((n, 1))
    fit = fit_glm(y, X, offset, alpha)
    current = fit.criterion(criterion, n)
    selection = Selection(chosen=[], start_criterion=current, fits=1)
    remaining = list(range(m))
    while remaining and len(selection.chosen) < max_factors:
        scores = score_statistics(y, X, fit, factors[:, remaining])
        order = np.argsort(-scores, kind="stable")
        threshold = refit_share * scores[order[0]]
        shortlist = [k for rank, k in enumerate(order) if rank < min_refits or scores[k] >= threshold]
        best = None
        for done, k in enumerate(sorted(shortlist)):  # in factor order, so ties keep the earlier factor
            if progress is not None:
                progress((len(selection.chosen) + done / len(shortlist)) / max(max_factors, 1))
            column = remaining[k]
            trial_X = np.column_stack([X, factors[:, column]])
            trial = fit_glm(y, trial_X, offset, alpha, start=np.append(fit.params, 0.0))
            value = trial.criterion(criterion, n)
            if best is None or value < best[0]:
                best = (value, k, trial, trial_X)
        selection.fits += len(shortlist)
        value, k, trial, trial_X = best
        if not value < current:
            break
        column = remaining.pop(k)
        selection.chosen.append(column)
        selection.steps.append(SelectionStep(names[column], float(value), float(scores[k]), len(shortlist)))
        X, fit, current = trial_X, trial, value
    selection.capped = bool(remaining) and len(selection.chosen) >= max_factors
    return selection


def forward_stepwise_reference(y, factors, names, offset, alpha=0.0, criterion="aic", max_factors=None):
    """The plain method, for tests and benchmarks: refit every candidate with statsmodels at every step."""
    import statsmodels.api as sm

    y = np.asarray(y, dtype=float)
    factors = np.asarray(factors, dtype=float)
    n, m = factors.shape
    max_factors = m if max_factors is None else min(max_factors, m)
    family = sm.families.Poisson() if alpha == 0 else sm.families.NegativeBinomial(alpha=alpha)

    def score(design):
        result = sm.GLM(y, design, family=family, offset=offset).fit()
        return result.aic if criterion == "aic" else -2 * result.llf + design.shape[1] * np.log(n)

    X = np.ones((n, 1))
    current = score(X)
    chosen, remaining = [], list(range(m))
    while remaining and len(chosen) < max_factors:
        values = [score(np.column_stack([X, factors[:, c]])) for c in remaining]
        k = int(np.argmin(values))
        if not values[k] < current:
            break
        current = values[k]
        column = remaining.pop(k)
        chosen.append(column)
        X = np.column_stack([X, factors[:, column]])
    return chosen
