"""The seeded sample borough: reproducible, plausible, and drawn from the model its truth file states."""
import numpy as np
import pytest

from community_risk.synthetic import sample_borough as sample_data


@pytest.fixture(scope="module")
def generated():
    return sample_data.generate()


def test_same_seed_same_sample_other_seed_other_sample(generated):
    areas, incidents, postcodes, truth = generated
    again = sample_data.generate()
    assert areas.equals(again[0]) and incidents.equals(again[1]) and postcodes.equals(again[2])
    assert truth == again[3]
    other = sample_data.generate(seed=7)
    assert not other[1]["date"].equals(incidents["date"])


def test_embedded_file_is_what_the_generator_makes(generated, sample_path, sample_truth):
    import geopandas as gpd

    areas, incidents, _, truth = generated
    assert sample_truth == truth
    stored = gpd.read_file(sample_path, layer="areas")
    assert stored["area_code"].tolist() == areas["area_code"].tolist()
    assert np.allclose(stored["imd_score"], areas["imd_score"])
    assert len(gpd.read_file(sample_path, layer="incidents")) == len(incidents)


def test_areas_tile_the_borough_in_british_national_grid(generated):
    areas, _, postcodes, _ = generated
    assert areas.crs.to_epsg() == 27700
    assert 300 <= len(areas) <= 600
    assert areas.is_valid.all() and areas["area_code"].is_unique
    width, height = sample_data.BOROUGH_SIZE
    assert areas.area.sum() == pytest.approx(width * height, rel=1e-6)
    assert areas.union_all().area == pytest.approx(width * height, rel=1e-6)  # no overlaps, no gaps
    assert postcodes["postcode"].is_unique
    assert postcodes["postcode"].str.fullmatch(r"XS\d \d[A-Z]{2}").all()
    assert (postcodes.groupby("area_code")["homes"].sum() == areas.set_index("area_code")["households"]).all()


def test_factors_are_plausible_and_correlated(generated):
    areas = generated[0]
    factors = list(sample_data.TRUE_COEFFICIENTS)
    assert len(factors) == 12 and set(factors) <= set(areas.columns)
    correlation = areas[factors].corr()
    assert correlation.loc["imd_score", "pct_social_rent"] > 0.5   # deprivation drives both
    assert correlation.loc["imd_score", "median_income_k"] < -0.5
    assert correlation.loc["pct_flats", "pop_density"] > 0.3        # urbanity drives both
    assert areas["pct_over_65"].between(0, 100).all() and areas["households"].min() > 0


def test_rate_is_near_londons_and_falls_over_the_years(generated):
    areas, _, _, truth = generated
    per_year = np.array([[truth["counts"][c][str(y)] for y in truth["years"]] for c in areas["area_code"]])
    rate_10k = per_year.sum() / areas["households"].sum() / len(truth["years"]) * 1e4
    assert 14 < rate_10k < 26  # London 2009-2016: 19.4 per 10,000 households a year
    totals = per_year.sum(axis=0)
    assert totals[:3].sum() > totals[-3:].sum()


def test_a_negative_binomial_fit_recovers_the_true_coefficients(generated):
    """Fitting the stated model to the sample gives back the truth, within sampling error."""
    import statsmodels.api as sm

    areas, _, _, truth = generated
    years = len(truth["years"])
    counts = np.array([sum(truth["counts"][c].values()) for c in areas["area_code"]])
    names = list(truth["coefficients"])
    design = sm.add_constant(areas[names].to_numpy(dtype=float))
    offset = np.log(areas["households"].to_numpy() * years)
    fit = sm.NegativeBinomial(counts, design, offset=offset).fit(disp=0, maxiter=200)
    estimates, errors = fit.params[1:-1], fit.bse[1:-1]
    true = np.array([truth["coefficients"][n] for n in names])
    z = (estimates - true) / errors
    assert np.all(np.abs(z) < 3.5), dict(zip(names, np.round(z, 2)))
    assert abs(fit.params[0] - truth["intercept"]) < 3.5 * fit.bse[0]
    alpha = fit.params[-1]
    assert 0.5 * truth["alpha"] < alpha < 1.6 * truth["alpha"]
    # the strong true effects are found, not just tolerated
    for name in ("pct_bad_health", "pct_living_alone", "pct_social_rent", "pct_over_65"):
        assert abs(z[names.index(name)] * errors[names.index(name)]) < abs(true[names.index(name)])
        assert fit.pvalues[1 + names.index(name)] < 0.01, name
