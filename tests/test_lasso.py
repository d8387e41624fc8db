"""LASSO selection: the penalised fit is the penalised likelihood optimum, and CV picks the true factors."""
import numpy as np
import statsmodels.api as sm

from community_risk.processing.analysis import firemodel
from community_risk.synthetic import sample_borough as sample_data
from community_risk.processing.analysis.lasso import lasso_select, penalised_path


def sample_design():
    areas, _, _, truth = sample_data.generate()
    counts = np.array([sum(truth["counts"][c].values()) for c in areas["area_code"]], dtype=float)
    factors = areas[list(sample_data.TRUE_COEFFICIENTS)].to_numpy(float)
    z = (factors - factors.mean(axis=0)) / factors.std(axis=0)
    offset = np.log(areas["households"].to_numpy() * 8.0)
    return counts, z, offset, truth


def test_penalised_fit_is_the_penalised_likelihood_optimum():
    """The Karush-Kuhn-Tucker conditions of min -loglik/n + penalty * |b|_1 hold, and the objective is no
    worse than statsmodels' own elastic-net solver at the same penalty."""
    from community_risk.processing.analysis.glm import log_likelihood

    counts, z, offset, _ = sample_design()
    n, penalty = len(counts), 0.05
    (b0, b), = penalised_path(counts, z, offset, 0.0, [penalty], tol=1e-10)
    mu = np.exp(b0 + z @ b + offset)
    gradient = z.T @ (counts - mu) / n  # minus the gradient of -loglik/n
    active = b != 0
    assert active.any() and not active.all()
    np.testing.assert_allclose(gradient[active], penalty * np.sign(b[active]), atol=1e-6)
    assert np.all(np.abs(gradient[~active]) <= penalty + 1e-6)
    assert abs(np.sum(counts - mu)) < 1e-6 * np.sum(counts)  # the unpenalised intercept's own condition

    design = sm.add_constant(z)
    reference = sm.GLM(counts, design, family=sm.families.Poisson(), offset=offset).fit_regularized(
        method="elastic_net", alpha=np.r_[0.0, np.full(z.shape[1], penalty)], L1_wt=1.0)

    def objective(params):
        fitted = np.exp(design @ params + offset)
        return -log_likelihood(counts, fitted, 0.0) / n + penalty * np.abs(params[1:]).sum()

    assert objective(np.r_[b0, b]) <= objective(reference.params) + 1e-9


def test_cross_validated_lasso_keeps_the_strong_true_factors_and_is_deterministic():
    counts, z, offset, truth = sample_design()
    names = list(truth["coefficients"])
    first = lasso_select(counts, z, offset, 0.11)
    again = lasso_select(counts, z, offset, 0.11)
    assert first.chosen == again.chosen
    chosen = {names[j] for j in first.chosen}
    assert {"pct_bad_health", "pct_social_rent", "pct_living_alone"} <= chosen
    assert not chosen & {k for k, v in truth["coefficients"].items() if v == 0}
    best = int(np.argmin(first.cv_deviance))
    assert first.penalty >= first.penalties[best]  # the one-standard-error rule never picks a smaller penalty
    capped = lasso_select(counts, z, offset, 0.11, max_factors=1)
    assert len(capped.chosen) == 1 and capped.chosen[0] == first.chosen[0]


def test_fire_model_with_lasso_refits_the_chosen_factors_unpenalised():
    areas, _, _, truth = sample_data.generate()
    counts = np.array([sum(truth["counts"][c].values()) for c in areas["area_code"]])
    result = firemodel.fit_fire_model(areas["area_code"], counts, areas["households"],
                                      areas[list(sample_data.TRUE_COEFFICIENTS)],
                                      firemodel.FireModelOptions(years=8, selection="lasso"))
    X = sm.add_constant(areas[result.chosen].to_numpy(float))
    reference = sm.GLM(counts, X, family=sm.families.NegativeBinomial(alpha=result.fit.alpha),
                       offset=np.log(areas["households"].to_numpy() * 8.0)).fit(tol=1e-12)
    np.testing.assert_allclose(result.fit.params, reference.params, rtol=1e-6)
