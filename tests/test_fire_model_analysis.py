"""The QGIS-free fire model: agreement with statsmodels, recovery of the sample's truth, selection,
forecast with history, bands, and every kind of bad input."""
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from community_risk.processing.analysis import firemodel, glm
from community_risk.processing.analysis.banding import Banding
from community_risk.synthetic import sample_borough as sample_data
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.processing.analysis.spatial import contiguity_weights, morans_i


@pytest.fixture(scope="module")
def sample():
    areas, _, _, truth = sample_data.generate()
    counts = np.array([sum(truth["counts"][c].values()) for c in areas["area_code"]])
    factors = areas[list(sample_data.TRUE_COEFFICIENTS)]
    return areas, counts, factors, truth


def fit(sample, **options):
    areas, counts, factors, truth = sample
    settings = dict(years=len(truth["years"]))
    settings.update(options)
    return firemodel.fit_fire_model(areas["area_code"], counts, areas["households"], factors,
                                    firemodel.FireModelOptions(**settings), "incidents", "households")


@pytest.mark.parametrize("family", ["poisson", "negative binomial"])
def test_coefficients_and_errors_equal_statsmodels_glm(sample, family):
    areas, counts, factors, truth = sample
    result = fit(sample, family=family, selection="none")
    X = sm.add_constant(factors[result.chosen].to_numpy(float))
    offset = np.log(areas["households"].to_numpy() * len(truth["years"]))
    sm_family = sm.families.Poisson() if family == "poisson" else sm.families.NegativeBinomial(alpha=result.fit.alpha)
    reference = sm.GLM(counts, X, family=sm_family, offset=offset).fit(tol=1e-12)
    np.testing.assert_allclose(result.fit.params, reference.params, rtol=1e-6)
    np.testing.assert_allclose(result.fit.bse, reference.bse, rtol=1e-6)
    assert result.model["fit"]["aic"] == pytest.approx(reference.aic, rel=1e-9)
    assert result.model["fit"]["deviance"] == pytest.approx(reference.deviance, rel=1e-6)


def test_negative_binomial_dispersion_is_the_maximum_likelihood_estimate(sample):
    areas, counts, factors, truth = sample
    result = fit(sample, family="negative binomial", selection="none")
    X = sm.add_constant(factors[result.chosen].to_numpy(float))
    offset = np.log(areas["households"].to_numpy() * len(truth["years"]))
    reference = sm.NegativeBinomial(counts, X, offset=offset).fit(disp=0, maxiter=200, method="newton", tol=1e-12)
    assert reference.mle_retvals["converged"]
    assert result.fit.alpha == pytest.approx(reference.params[-1], rel=1e-4)
    np.testing.assert_allclose(result.fit.params, reference.params[:-1], rtol=1e-4, atol=1e-6)


def test_default_fit_recovers_the_true_model(sample):
    """Run with only the required inputs, the fit is sound: NB chosen, true factors found, truth in the CIs."""
    _, _, _, truth = sample
    result = fit(sample)
    assert result.model["family"] == "negative binomial"
    true_effects = {k for k, v in truth["coefficients"].items() if v != 0}
    assert {"pct_bad_health", "pct_living_alone", "pct_social_rent", "pct_over_65"} <= set(result.chosen)
    assert set(result.chosen) <= true_effects
    for k, name in enumerate(result.chosen, start=1):
        z = (result.fit.params[k] - truth["coefficients"][name]) / result.fit.bse[k]
        assert abs(z) < 3, (name, z)
    assert result.fit.alpha == pytest.approx(truth["alpha"], rel=0.35)
    assert 0.3 < result.model["fit"]["deviance_explained"] < 0.9


def test_stepwise_is_deterministic_and_bic_is_sparser(sample):
    first, second = fit(sample), fit(sample)
    assert first.chosen == second.chosen
    bic = fit(sample, selection="bic")
    assert set(bic.chosen) <= set(first.chosen) and len(bic.chosen) <= len(first.chosen)
    capped = fit(sample, max_factors=2)
    assert capped.chosen == first.chosen[:2]


def test_fast_stepwise_matches_plain_refit_on_the_sample(sample):
    areas, counts, factors, truth = sample
    offset = np.log(areas["households"].to_numpy() * 8.0)
    z = ((factors - factors.mean()) / factors.std()).to_numpy()
    for criterion in ("aic", "bic"):
        ours = glm.forward_stepwise(counts, z, list(factors.columns), offset, 0.11, criterion)
        plain = glm.forward_stepwise_reference(counts, z, list(factors.columns), offset, 0.11, criterion)
        assert ours.chosen == plain
        assert ours.fits < len(factors.columns) * (len(plain) + 1)  # fewer fits than refitting everything


def test_history_shrinks_towards_the_area_record(sample):
    with_history = fit(sample)
    model_only = fit(sample, use_history=False)
    table, plain = with_history.table, model_only.table
    years = 8
    observed_rate = table["observed"] / years
    modelled = plain["predicted"]
    assert np.allclose(plain["predicted"], plain["expected"] / years)
    between = np.minimum(observed_rate, modelled) - 1e-9 <= table["predicted"]
    between &= table["predicted"] <= np.maximum(observed_rate, modelled) + 1e-9
    assert between.all()
    hot = np.argmax(table["excess"])
    assert table["predicted"][hot] > modelled[hot]


def test_history_improves_the_forecast_of_later_years(sample):
    """Fit on 2009-2012 of the sample, forecast 2013-2016: using history should not lose ranking power."""
    areas, _, factors, truth = sample
    codes = areas["area_code"]
    train = np.array([sum(truth["counts"][c][str(y)] for y in range(2009, 2013)) for c in codes])
    test = np.array([sum(truth["counts"][c][str(y)] for y in range(2013, 2017)) for c in codes])
    scores = {}
    for history in (True, False):
        result = firemodel.fit_fire_model(codes, train, areas["households"], factors,
                                          firemodel.FireModelOptions(years=4, use_history=history))
        scores[history] = -np.sum(test * np.log(result.table["predicted"]) - 4 * result.table["predicted"])
    assert scores[True] < scores[False]  # lower Poisson deviance-style loss with history


@pytest.mark.parametrize("label_style, first, last", [
    ("auto", "Up to 10 per 10,000 households", "Over 25 per 10,000 households"),
    ("name", "Well below average", "Well above average")])
def test_lfb_bands_follow_the_published_thresholds(label_style, first, last):
    model = {"years": 1.0, "history_alpha": 0.0, "use_history": False, "alpha": 0.0,
             "bands": Banding.of("lfb", label_style=label_style).to_dict()}
    rates = np.array([5, 10, 10.01, 15, 15.5, 20, 20.5, 25, 25.01, 60])
    households = np.full(len(rates), 10000.0)
    table = firemodel.forecast_table(model, np.ones(len(rates), bool), None, households, rates)
    assert table["band"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert table["band_label"][0] == first and table["band_label"][-1] == last
    assert table["band_label"][6] == ("20–25 per 10,000 households" if label_style == "auto" else "Above average")
    assert np.allclose(table["one_in_x"], 10000 / rates)


@pytest.mark.parametrize("method", ["quantiles", "natural breaks"])
def test_data_driven_bands(sample, method):
    result = fit(sample, banding=Banding.of(method))
    counts = result.banding.counts(result.table["band"])
    assert (counts > 0).all()
    if method == "quantiles":
        assert counts.max() - counts.min() <= 2
    assert len(result.model["bands"]["thresholds"]) == 4
    assert result.table["band_label"][result.table["band"] == 1][0] == "Well below average"  # names by default


def test_custom_thresholds(sample):
    result = fit(sample, banding=Banding.of("thresholds", (12, 16, 22, 30)))
    rate, band = result.table["rate_10k"], result.table["band"]
    assert (band[rate > 30] == 5).all() and (band[rate <= 12] == 1).all()


def test_saved_model_applied_to_the_same_areas_gives_the_same_forecast(sample):
    import json

    areas, counts, factors, _ = sample
    result = fit(sample)
    model = json.loads(json.dumps(result.model))
    table, notes, _ = firemodel.apply_model(model, areas["households"], factors, observed=counts, years=8)
    np.testing.assert_allclose(table["predicted"], result.table["predicted"], rtol=1e-9)
    assert (table["band"] == result.table["band"]).all()
    forward, _, _ = firemodel.apply_model(model, areas["households"], factors)
    np.testing.assert_allclose(forward["predicted"], result.table["expected"] / 8, rtol=1e-9)


# --- bad input ---

def frame(n=60, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    households = rng.integers(300, 900, n).astype(float)
    counts = rng.poisson(households * 0.01 * np.exp(0.4 * x))
    return (["A{}".format(i) for i in range(n)], counts, households,
            pd.DataFrame({"x": x, "y": rng.normal(size=n)}))


def test_areas_without_households_are_left_out_and_listed():
    ids, counts, households, factors = frame()
    households[[3, 7]] = [0, -5]
    households = households.astype(object)
    households[9] = None
    result = firemodel.fit_fire_model(ids, counts, households, factors, firemodel.FireModelOptions(years=1))
    notes = " ".join(str(n) for n in result.notes)
    assert "A3, A7, A9" in notes and "3 area(s)" in notes
    assert np.isnan(result.table["predicted"][[3, 7, 9]]).all()
    assert result.table["band"][3] == 0 and np.isfinite(result.table["predicted"][0])


@pytest.mark.parametrize("change, words", [
    (lambda c, h, f: (c, np.zeros(len(h)), f), ["households", "No area"]),
    (lambda c, h, f: (np.where(np.arange(len(c)) == 2, -1, c), h, f), ["negative", "A2"]),
    (lambda c, h, f: (np.where(np.arange(len(c)) == 4, 1.5, c), h, f), ["fractional", "A4", "1.5"]),
    (lambda c, h, f: (np.zeros(len(c)), h, f), ["zero in every area"]),
    (lambda c, h, f: (c.astype(object).tolist()[:-1] + [None], h, f), ["missing", "A59"]),
])
def test_bad_counts_and_households_are_refused(change, words):
    ids, counts, households, factors = frame()
    counts, households, factors = change(counts, households, factors)
    with pytest.raises(AnalysisError) as raised:
        firemodel.fit_fire_model(ids, counts, households, factors, firemodel.FireModelOptions(years=1),
                                 "incidents", "households")
    for word in words:
        assert word in str(raised.value)


def test_unusable_factors_are_dropped_and_reported():
    ids, counts, households, factors = frame()
    factors["constant"] = 3.0
    factors["empty"] = np.nan
    factors["text"] = ["flat"] * len(ids)
    factors["x_copy"] = 2 * factors["x"] + 1
    factors["some_gaps"] = factors["y"].where(np.arange(len(ids)) % 10 != 0)
    result = firemodel.fit_fire_model(ids, counts, households, factors,
                                      firemodel.FireModelOptions(years=1, selection="none"))
    notes = "\n".join(str(n) for n in result.notes)
    assert "'constant' was dropped: it is the same in every area" in notes
    assert "'empty' was dropped: it has no values" in notes
    assert "'text' was dropped: it is not numeric" in notes
    assert "'x_copy' was dropped: it is perfectly collinear with x" in notes
    assert "'some_gaps': 6 missing" in notes
    assert result.chosen == ["x", "y", "some_gaps"]


def test_more_factors_than_the_data_support():
    ids, counts, households, factors = frame(n=30)
    for k in range(6):
        factors["extra{}".format(k)] = np.random.default_rng(k).normal(size=30)
    with pytest.raises(AnalysisError) as raised:
        firemodel.fit_fire_model(ids, counts, households, factors, firemodel.FireModelOptions(years=1, selection="none"))
    assert "more than 30 areas can support" in str(raised.value)
    result = firemodel.fit_fire_model(ids, counts, households, factors, firemodel.FireModelOptions(years=1))
    assert len(result.chosen) <= 3
    assert any("At most 3 factors" in str(n) for n in result.notes)


def test_areas_with_no_incidents_are_modelled():
    ids, counts, households, factors = frame()
    counts[:20] = 0
    result = firemodel.fit_fire_model(ids, counts, households, factors, firemodel.FireModelOptions(years=1))
    assert np.isfinite(result.table["predicted"]).all() and (result.table["predicted"] > 0).all()


def test_morans_i_detects_clustering_on_a_grid():
    import shapely

    cells = [shapely.box(i, j, i + 1, j + 1) for i in range(12) for j in range(12)]
    weights = contiguity_weights(cells)
    assert weights.shape == (144, 144) and np.allclose(weights.sum(axis=1), 1)
    smooth = np.array([i + j for i in range(12) for j in range(12)], dtype=float)
    statistic, p = morans_i(smooth, weights)
    assert statistic > 0.7 and p < 0.01
    noise = np.random.default_rng(3).normal(size=144)
    statistic, p = morans_i(noise, weights)
    assert abs(statistic) < 0.2 and p > 0.05


def test_lfb_bands_on_data_whose_average_is_not_in_the_middle_band_are_said(sample):
    from community_risk.processing.analysis.report import fire_model_report

    middle = fit(sample, selection="none", family="poisson")
    assert not any("middle band" in str(note) for note in middle.notes)  # the sample's 18.9 is in band 3
    high = fit(sample, selection="none", family="poisson", years=2)  # the same fires in 2 years: 75.7 a year
    said = [note for note in high.notes if "middle band" in str(note)]
    assert len(said) == 1 and said[0].warning and "75.7" in str(said[0]) and "band 5" in str(said[0])
    assert "middle band" in fire_model_report(high, "t")


def test_other_counts_of_the_same_incidents_are_not_default_factors():
    names = ["incidents", "incidents_2015", "incidents_2016", "households", "pct_old", "ward_id", "predicted",
             "incidentsx"]
    chosen, family = firemodel.default_factor_names(names, "incidents_2016", "households", "")
    assert chosen == ["pct_old", "incidentsx"] and family == ["incidents", "incidents_2015"]
    chosen, family = firemodel.default_factor_names(names, "incidents", "households", "")
    assert family == ["incidents_2015", "incidents_2016"]


def test_a_copy_of_the_count_among_given_factors_is_dropped():
    ids, counts, households, factors = frame()
    factors["copy"] = counts.astype(str)
    factors["double"] = 2.0 * counts
    result = firemodel.fit_fire_model(ids, counts, households, factors,
                                      firemodel.FireModelOptions(years=1, selection="none"))
    assert result.chosen == ["x", "y"]
    said = " ".join(str(note) for note in result.notes)
    assert "'copy' was dropped: it is a copy of the count" in said and "'double' was dropped: it is proportional" in said
