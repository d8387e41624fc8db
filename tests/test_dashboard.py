"""Risk dashboard analysis (issue 12): funnel limits against scipy's exact Poisson quantiles, the overdispersion
test, statistical neighbours against a brute-force search, lead indicators, the exact test of change, and the
pages (no external URL, one per group, what users feed it)."""
import re

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from community_risk.processing.analysis import dashboard as d
from community_risk.processing.analysis import dashboard_report as report
from community_risk.processing.analysis.messages import AnalysisError


def areas(n=300, seed=1, overdispersed=False, groups=5, rate=0.002, years=3):
    rng = np.random.default_rng(seed)
    households = rng.integers(300, 1500, n).astype(float)
    true_rate = rate * (rng.gamma(4, 1 / 4, n) if overdispersed else np.ones(n))
    counts = rng.poisson(true_rate * households * years).astype(float)
    factors = pd.DataFrame({"deprivation": rng.normal(0, 1, n)})
    factors["income"] = -factors["deprivation"] + rng.normal(0, 0.3, n)
    factors["flats"] = rng.normal(0, 1, n)
    factors["older"] = factors["flats"] * 0.8 + rng.normal(0, 0.4, n)
    group = ["Borough {}".format(k % groups) for k in range(n)]
    return ["A{:04d}".format(k) for k in range(n)], counts, households, factors, group


# --- funnel ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("expected", [0.3, 1.0, 2.5, 7.0, 20.0, 150.0])
@pytest.mark.parametrize("p", [0.001, 0.025, 0.975, 0.999])
def test_funnel_limits_are_scipys_exact_poisson_quantiles(expected, p):
    limit = float(d.poisson_limit(expected, p))
    quantile = stats.poisson.ppf(p, expected)
    # interpolated between whole counts: within the step that ends at the exact quantile
    assert quantile - 1 <= limit <= quantile
    assert np.ceil(limit - 1e-12) == quantile or limit == 0


def test_funnel_limits_in_rates_match_the_quantiles_at_each_exposure():
    funnel = d.Funnel(rate=0.002, method="poisson", phi=1.0, tau2=0.0, chi2_limit=0.0, areas=10)
    exposure = np.array([500.0, 1500.0, 4000.0, 20000.0])
    low, high = funnel.limits(exposure, 0.998)
    for e, lo, hi in zip(exposure, low, high):
        assert np.ceil(hi * e - 1e-9) == stats.poisson.ppf(0.999, 0.002 * e)
        assert np.ceil(lo * e - 1e-9) == stats.poisson.ppf(0.001, 0.002 * e) or lo == 0


def test_poisson_signals_are_exact_tail_probabilities_below_one_in_a_thousand():
    ids, counts, households, _, _ = areas(400, seed=3)
    counts[:5] = [40, 35, 0, 50, 30]  # some far above
    funnel = d.fit_funnel(counts, households * 3, method="poisson")
    expected, ratio, z, signal = d.funnel_scores(counts, households * 3, funnel)
    mu = funnel.rate * households * 3
    upper = stats.poisson.sf(counts - 1, mu)
    lower = stats.poisson.cdf(counts, mu)
    assert np.array_equal(signal == "above", upper < 0.001)
    assert np.array_equal(signal == "below", lower < 0.001)
    assert np.allclose(expected, mu) and np.allclose(ratio, counts / mu)
    assert (signal[:2] == "above").all() and (signal == "above").sum() >= 3


def test_overdispersion_is_detected_only_where_it_is():
    _, counts, households, _, _ = areas(600, seed=5)
    plain = d.fit_funnel(counts, households * 3)
    assert plain.method == "poisson" and plain.tau2 == 0
    _, counts, households, _, _ = areas(600, seed=5, overdispersed=True)
    wide = d.fit_funnel(counts, households * 3)
    assert wide.method == "overdispersed" and wide.tau2 > 0 and wide.alpha > 0
    # widened: the overdispersed limits lie outside the Poisson ones at every exposure
    poisson = d.Funnel(wide.rate, "poisson", 1.0, 0.0, 0.0, 600)
    exposure = np.array([1000.0, 3000.0, 9000.0])
    assert (wide.limits(exposure, 0.998)[1] > poisson.limits(exposure, 0.998)[1]).all()
    # the gamma's true dispersion is 1/4; the square-root method's estimate is of that size
    assert 0.1 < wide.alpha < 0.5


def test_an_area_with_no_incident_is_not_a_signal_by_a_normal_approximation():
    """Three years of an area of 1,800 households at London's rate expect 3.4 fires: none is a 3% event, though
    the square-root scale's normal approximation, 2(sqrt(0) - sqrt(3.4)) = -3.7, would call it a signal."""
    _, counts, households, _, _ = areas(600, seed=5, overdispersed=True)
    funnel = d.fit_funnel(counts, households * 3)
    exposure = np.array([3.4 / funnel.rate])
    _, _, z, signal = d.funnel_scores(np.array([0.0]), exposure, funnel)
    size = 1 / funnel.alpha
    exact = stats.nbinom.cdf(0, size, size / (size + 3.4))
    assert signal[0] == "within" and z[0] == pytest.approx(-stats.norm.isf(exact))
    assert exact > stats.poisson.cdf(0, 3.4) > 0.001


# --- change -------------------------------------------------------------------------------------------

def test_change_on_the_previous_period_is_the_exact_conditional_test():
    change = d.period_change(130, 100, 3, 3)
    assert change.ratio == pytest.approx(1.3)
    assert change.p_value == pytest.approx(stats.binomtest(130, 230, 0.5).pvalue)
    assert not change.significant  # p = 0.056
    assert d.period_change(160, 100, 3, 3).significant
    unequal = d.period_change(100, 100, 2, 3)  # two years against three: a higher rate
    assert unequal.ratio == pytest.approx(1.5) and unequal.p_value == pytest.approx(
        stats.binomtest(100, 200, 0.4).pvalue)
    assert d.period_change(0, 0, 3, 3).p_value == 1.0


# --- neighbours -------------------------------------------------------------------------------------------

def brute_force(matrix, k):
    distances = np.sqrt(((matrix[:, None, :] - matrix[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distances, np.inf)
    return np.sort(distances, axis=1)[:, :k] / np.sqrt(matrix.shape[1])


@pytest.mark.parametrize("n, width, k", [(200, 4, 5), (60, 12, 3), (7, 2, 10), (1200, 30, 8)])
def test_statistical_neighbours_are_the_brute_force_nearest(n, width, k):
    rng = np.random.default_rng(n)
    matrix = rng.normal(size=(n, width))
    matrix[1] = matrix[0]  # identical areas: each is the other's nearest, at 0
    indices, distances = d.statistical_neighbours(matrix, k, block=97)
    expected = brute_force(matrix, min(k, n - 1))
    assert np.allclose(distances, expected, atol=1e-9)
    assert not (indices == np.arange(n)[:, None]).any()
    assert indices[0, 0] == 1 and indices[1, 0] == 0 and distances[0, 0] == pytest.approx(0, abs=1e-6)
    # each neighbour's distance is the one the brute force gives for that pair
    pair = np.sqrt(((matrix[:, None, :] - matrix[indices]) ** 2).sum(axis=2)) / np.sqrt(width)
    assert np.allclose(pair, distances, atol=1e-9)


def test_factors_are_standardised_and_missing_values_count_as_the_mean():
    factors = pd.DataFrame({"a": [1.0, 2.0, 3.0, np.nan], "b": [10.0, 10.0, 10.0, 10.0], "c": [0, 1, 0, 1]})
    matrix, kept, notes = d.standardised(factors)
    assert kept == ["a", "c"]
    assert matrix[3, 0] == 0 and matrix[:3, 0] == pytest.approx(stats.zscore([1.0, 2.0, 3.0]))
    assert any("same value in every area" in str(n) and "b" in str(n) for n in notes)
    assert any("1 missing factor value" in str(n) for n in notes)


def test_rank_among_neighbours():
    rates = np.array([10.0, 30.0, 20.0, np.nan])
    neighbours = np.array([[1, 2], [0, 2], [0, 1], [0, 1]])
    assert d.rank_among_neighbours(rates, neighbours).tolist()[:3] == [3, 1, 2]
    assert np.isnan(d.rank_among_neighbours(rates, neighbours)[3])


# --- lead indicators --------------------------------------------------------------------------------

def test_lead_indicators_stand_for_clusters_of_correlated_factors():
    rng = np.random.default_rng(2)
    n = 500
    base_a, base_b = rng.normal(size=n), rng.normal(size=n)
    factors = pd.DataFrame({"a_core": base_a, "a_noisy": base_a + rng.normal(0, 0.8, n),
                            "a_other": base_a + rng.normal(0, 0.6, n), "b_core": base_b,
                            "b_copy": base_b + rng.normal(0, 0.3, n), "lone": rng.normal(size=n)})
    rates = np.exp(0.5 * base_a + 0.1 * base_b)
    leads = d.lead_indicators(factors, rates)
    assert [lead.name for lead in leads][:2] == ["a_core", "b_core"] or \
        [lead.name for lead in leads][:2] == ["a_core", "b_copy"]
    assert sorted(leads[0].members) == ["a_core", "a_noisy", "a_other"]
    assert len(leads) == 3 and leads[2].members == ["lone"]
    assert leads[0].rate_correlation > 0.5


# --- inputs users feed it ---------------------------------------------------------------------------

def test_negative_counts_are_refused_naming_the_areas():
    ids, counts, households, _, _ = areas(20)
    counts[3] = -2
    with pytest.raises(AnalysisError, match="negative or infinite for 1 area.*A0003"):
        d.build_dashboard(ids, counts, households, 3)
    counts[3] = 2.5
    with pytest.raises(AnalysisError, match="not a whole number.*A0003"):
        d.build_dashboard(ids, counts, households, 3)


def test_areas_with_zero_households_are_left_out_and_named():
    ids, counts, households, _, _ = areas(50)
    households[[4, 9, 11]] = [0, np.nan, -20]
    dashboard = d.build_dashboard(ids, counts, households, 3)
    table = dashboard.table
    assert table.loc[[4, 9, 11], "signal"].isna().all() and table.loc[[4, 9, 11], "expected"].isna().all()
    assert table["signal"].notna().sum() == 47
    assert any("3 area(s) have no households" in str(n) and "A0011" in str(n) for n in dashboard.notes)


def test_nothing_to_compare_is_said():
    with pytest.raises(AnalysisError, match="No area has an incident"):
        d.build_dashboard(["a", "b"], [0, 0], [100, 200], 3)
    with pytest.raises(AnalysisError, match="households above 0"):
        d.build_dashboard(["a", "b"], [1, 0], [0, 0], 3)
    with pytest.raises(AnalysisError, match="years"):
        d.build_dashboard(["a", "b"], [1, 0], [10, 10], 0)


def test_a_group_field_with_a_value_per_area_is_refused():
    ids, counts, households, _, _ = areas(600)
    with pytest.raises(AnalysisError, match="600 different values for 600 areas"):
        d.build_dashboard(ids, counts, households, 3, groups=ids)


EXTERNAL = re.compile(r"(?:https?:)?//(?!www\.w3\.org/2000/svg)|<script|@import|url\(|<link|<img|<iframe", re.I)


def all_pages(dashboard):
    return report.pages(dashboard, generated="Made today.")


def test_one_page_per_group_plus_all_areas_and_an_index_with_no_external_url():
    ids, counts, households, factors, group = areas(660, groups=33)
    group[0] = "Solo"  # a group with one area
    group[1] = None  # an area with no group
    yearly = pd.DataFrame(np.random.default_rng(4).poisson(2, (660, 6)), columns=range(2011, 2017))
    dashboard = d.build_dashboard(ids, counts, households, 3, groups=group, factors=factors, yearly=yearly,
                                  current_years=[2014, 2015, 2016], title="Dwelling fires")
    pages = all_pages(dashboard)
    assert len(pages) == 33 + 2 + 1 + 1  # 33 boroughs, Solo, no group, all areas, index
    stems = [p.stem for p in pages]
    assert len(set(stems)) == len(stems) and stems[0] == "all_areas" and stems[-1] == "index"
    for page in pages:
        assert not EXTERNAL.search(page.html), (page.stem, EXTERNAL.search(page.html).group(0))
        for svg in page.charts.values():
            assert not EXTERNAL.search(svg)
    solo = next(p for p in pages if p.stem == "Solo")
    assert "Dwelling fires: Solo" in solo.html and "funnel" in solo.charts
    index = pages[-1].html
    assert all("href='{}.html'".format(stem) in index for stem in stems[:-1])
    assert "@page{size:A4" in pages[0].html


def test_a_page_names_its_signals_and_says_what_to_do():
    ids, counts, households, factors, group = areas(300, groups=3)
    counts[7] = 60  # far above any chance
    dashboard = d.build_dashboard(ids, counts, households, 3, groups=group, factors=factors)
    assert dashboard.table.loc[7, "signal"] == "above"
    page = next(p for p in all_pages(dashboard) if p.stem == "Borough_1")  # area 7 is in Borough 1
    assert "Act first in 1 area(s)" in page.html and "A0007 (1)" in page.html
    assert "What to do" in page.html and set(page.charts) >= {"funnel", "lead"}
    calm = next(p for p in all_pages(dashboard) if p.stem == "Borough_0")
    assert "noise" in calm.html and "Act first" not in calm.html


def test_without_factors_neighbours_and_lead_indicators_are_skipped_and_the_page_says_so():
    ids, counts, households, _, group = areas(100, groups=2)
    dashboard = d.build_dashboard(ids, counts, households, 3, groups=group)
    assert dashboard.k == 0 and (dashboard.table["neighbours"] == "").all()
    assert dashboard.table["neighbour_rank"].isna().all()
    for page in all_pages(dashboard)[:-1]:
        assert "No factor fields were given, so there are no statistical neighbours and no lead indicators" \
            in page.html
        assert "lead" not in page.charts


def test_targets_schema_and_pages():
    ids, counts, households, _, group = areas(100, groups=2)
    targets = pd.DataFrame({"Group": ["Borough 0", "Borough 1", "Nowhere"], "Measure": ["Visits"] * 3,
                            "Planned": [100, 200, 5], "Made": [90, 150, 1]})
    dashboard = d.build_dashboard(ids, counts, households, 3, groups=group, targets=targets)
    assert any("Nowhere" in str(n) for n in dashboard.notes)
    assert d.targets_for(dashboard.targets, None, "All areas") == [("Visits", 300.0, 240.0)]
    assert d.targets_for(dashboard.targets, "Borough 1", "All areas") == [("Visits", 200.0, 150.0)]
    pages = all_pages(dashboard)
    assert "made 150 of 200 planned" in next(p for p in pages if p.stem == "Borough_1").html
    with pytest.raises(AnalysisError, match="no made"):
        d.build_dashboard(ids, counts, households, 3, targets=targets.drop(columns="Made"))
    bad = targets.copy()
    bad.loc[0, "Planned"] = -1
    with pytest.raises(AnalysisError, match="planned or made"):
        d.build_dashboard(ids, counts, households, 3, targets=bad)


def test_a_count_that_is_not_the_incidents_of_the_current_period_is_said():
    ids, counts, households, _, _ = areas(50)
    yearly = pd.DataFrame({2015: counts // 2, 2016: counts - counts // 2})
    agreed = d.build_dashboard(ids, counts, households, 2, yearly=yearly, current_years=[2015, 2016])
    assert not any("dated incidents of" in str(n) for n in agreed.notes)
    other = d.build_dashboard(ids, counts * 2, households, 2, yearly=yearly, current_years=[2015, 2016])
    assert any("dated incidents of 2015\u20132016" in str(n) and n.warning for n in other.notes)


def test_yearly_counts_and_the_current_period():
    table = d.yearly_counts([0, 0, 1, -1, 2], [2014, 2016, 2016, 2016, np.nan], 3)
    assert list(table.columns) == [2014, 2015, 2016]
    assert table.to_numpy().tolist() == [[1, 0, 1], [0, 0, 1], [0, 0, 0]]
    assert d.current_period([2011, 2012, 2013, 2014], 2.6) == [2012, 2013, 2014]
    assert d.periods_of([2011, 2012, 2013, 2014], [2013, 2014]) == ((2013, 2014), (2011, 2012))
    assert d.periods_of([2014], [2014]) == ((2014, 2014), None)


# --- does a signal mean something? London -------------------------------------------------------------

@pytest.mark.london
def test_london_areas_above_in_2012_14_stay_above_expectation_more_than_areas_within():
    from helpers import london_file

    london_file("lfb_dwelling_fires_2009_2016.csv.gz")
    from london_data import london_lsoa_table

    table = london_lsoa_table()
    before = table[["fires_2012", "fires_2013", "fires_2014"]].sum(axis=1)
    after = table[["fires_2015", "fires_2016"]].sum(axis=1)
    result, first, _ = d.signal_persistence(table["HHOLDS"], before, 3, after, 2)
    above, within = result["above"], result["within"]
    assert len(table) == 4835 and first.method == "overdispersed"
    assert above.areas + within.areas + result["below"].areas == 4835
    assert 10 <= above.areas <= 60
    # the figures the README reports
    assert above.share_above_expectation > within.share_above_expectation + 0.2
    assert above.share_above_expectation > 0.6 and within.share_above_expectation < 0.5
    assert above.later_ratio > 1.5 and 0.9 < within.later_ratio < 1.1
