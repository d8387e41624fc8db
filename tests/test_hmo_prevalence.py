"""communityrisk:hmoprevalence: the Poisson-binomial interval, the area model's recovery of known HMO counts,
the validation measure, and the algorithm on the sample borough, on hand-made properties and on bad input."""
import itertools
import os

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis import hmo_prevalence as hp
from community_risk.processing.analysis.messages import AnalysisError
from helpers import cancelling_feedback, memory_layer, run_algorithm, two_squares

ALG = "communityrisk:hmoprevalence"


# --- the analysis ----------------------------------------------------------------------------------

def brute_force_distribution(p):
    """P(k successes) by enumerating every outcome: the definition, for a handful of trials."""
    distribution = np.zeros(len(p) + 1)
    for outcome in itertools.product((0, 1), repeat=len(p)):
        distribution[sum(outcome)] += np.prod([q if o else 1 - q for q, o in zip(p, outcome)])
    return distribution


def quantile(distribution, q):
    return int(np.searchsorted(np.cumsum(distribution), q - 1e-12))


@pytest.mark.parametrize("p", [[0.1, 0.5, 0.9, 0.3, 0.05, 0.7, 0.2], [0.02] * 9, [1.0, 0.4, 0.0, 0.6]])
def test_poisson_binomial_interval_is_the_exact_one(p):
    mean, low, high = hp.poisson_binomial_interval(p, 0.9)
    exact = brute_force_distribution(p)
    assert mean == pytest.approx(sum(p))
    assert (low, high) == (quantile(exact, 0.05), quantile(exact, 0.95))


def test_equal_probabilities_give_the_binomial_interval():
    from scipy import stats

    mean, low, high = hp.poisson_binomial_interval([0.3] * 200, 0.95)
    assert (low, high) == (stats.binom.ppf(0.025, 200, 0.3), stats.binom.ppf(0.975, 200, 0.3))
    assert mean == pytest.approx(60)


def test_property_mode_counts_licensed_as_known_and_adds_the_others_probabilities():
    area = np.array([0, 0, 0, 1, 1, -1])
    probability = np.array([1.0, 0.5, 0.5, 0.2, 0.9, 0.7])
    licensed = np.array([1, 0, 0, 0, 0, 0])
    result = hp.property_prevalence(area, probability, licensed, 3)
    table = result.table
    assert table["estimated_hmos"].tolist() == pytest.approx([2.0, 1.1, 0.0])
    assert table["licensed_hmos"].tolist() == [1, 0, 0]
    assert table["unlicensed_share"][0] == pytest.approx(0.5)  # 1 licensed of 2 estimated
    assert (table["estimated_hmos_low"][0], table["estimated_hmos_high"][0]) == (1, 3)
    assert table["unlicensed_share_low"][0] == 0 and table["unlicensed_share_high"][0] == pytest.approx(2 / 3)
    assert np.isnan(table["unlicensed_share"][2])  # no HMOs: no share
    assert any("outside every area" in str(note) for note in result.notes)


def test_property_mode_interval_spans_the_low_and_high_probabilities_when_given():
    area = np.zeros(40, dtype=int)
    probability, low, high = np.full(40, 0.5), np.full(40, 0.25), np.full(40, 0.75)
    licensed = np.zeros(40)
    plain = hp.property_prevalence(area, probability, licensed, 1).table.iloc[0]
    result = hp.property_prevalence(area, probability, licensed, 1, probability_low=low, probability_high=high)
    row = result.table.iloc[0]
    assert row["estimated_hmos"] == pytest.approx(20)  # the point estimate is the middle probabilities'
    assert row["estimated_hmos_low"] == hp.poisson_binomial_interval(low)[1] < plain["estimated_hmos_low"]
    assert row["estimated_hmos_high"] == hp.poisson_binomial_interval(high)[2] > plain["estimated_hmos_high"]
    assert result.total[1] < 10 < 30 < result.total[2]
    assert "share of HMOs that are on the register" in hp.report_html(result, ["all"])
    with pytest.raises(AnalysisError, match="not between 0 and 1"):
        hp.property_prevalence(area, probability, licensed, 1, probability_low=low, probability_high=high + 0.5)


@pytest.mark.parametrize("probability, licensed, said", [
    ([0.2, 1.4], [0, 0], "not between 0 and 1"), ([0.2, np.nan], [0, 0], "missing"),
    ([0.2, 0.3], [0, 2], "neither 0 nor 1")])
def test_property_mode_refuses_probabilities_and_flags_out_of_range(probability, licensed, said):
    with pytest.raises(AnalysisError, match=said):
        hp.property_prevalence([0, 0], probability, licensed, 1)


def synthetic_areas(n=400, seed=3, rate=2.0, years=4):
    """Areas whose HMO stock follows private renting and converted houses; fires ~ Poisson(HMOs x rate x
    years / 1000) with extra area-to-area noise, as in life."""
    rng = np.random.default_rng(seed)
    households = rng.integers(600, 2500, n).astype(float)
    rented = rng.beta(2, 5, n)
    converted = rng.beta(1.5, 8, n)
    share = 0.01 + 0.15 * rented + 0.4 * converted
    hmos = households * share * rng.gamma(8, 1 / 8, n)
    fires = rng.poisson(hmos * rate * years / 1000.0)
    return households, pd.DataFrame({"rented": rented, "converted": converted}), hmos, fires


def test_area_mode_recovers_known_hmo_counts_with_honest_intervals():
    households, factors, hmos, fires = synthetic_areas()
    result = hp.area_prevalence(fires, households, factors, 4, fires_per_1000_hmos=2.0)
    table = result.table
    estimate = table["estimated_hmos"].to_numpy()
    inside = (table["estimated_hmos_low"] <= hmos) & (hmos <= table["estimated_hmos_high"])
    assert np.corrcoef(estimate, hmos)[0, 1] > 0.8
    assert abs(estimate.sum() / hmos.sum() - 1) < 0.1
    assert inside.mean() > 0.85  # a 95% interval covering far fewer would be dishonest
    assert result.total[1] < hmos.sum() < result.total[2]
    # ranking by the model beats ranking by the fires alone at finding the areas with most HMOs
    assert hp.top_share(estimate, hmos) > hp.top_share(fires, hmos)


def test_area_mode_shares_out_a_known_total_and_caps_nothing_below_the_register():
    households, factors, _, fires = synthetic_areas(n=120, seed=5)
    licensed = np.full(120, 3.0)
    result = hp.area_prevalence(fires, households, factors, 4, licensed=licensed, total_hmos=5000)
    table = result.table
    assert table["estimated_hmos"].sum() == pytest.approx(5000, rel=0.02)
    assert (table["estimated_hmos"] >= 3).all() and (table["unlicensed_share"] >= 0).all()
    assert table["unlicensed_share"].to_numpy() == pytest.approx(1 - 3 / table["estimated_hmos"].to_numpy())


def test_area_mode_changes_with_the_assumed_fire_rate_in_inverse_proportion():
    households, factors, _, fires = synthetic_areas(n=100, seed=7)
    one = hp.area_prevalence(fires, households, factors, 4, fires_per_1000_hmos=1.0).table["estimated_hmos"]
    two = hp.area_prevalence(fires, households, factors, 4, fires_per_1000_hmos=2.0).table["estimated_hmos"]
    assert one.to_numpy() == pytest.approx(2 * two.to_numpy())


def test_area_mode_bad_inputs_get_clear_messages_or_notes():
    households, factors, _, fires = synthetic_areas(n=60, seed=9)
    with pytest.raises(AnalysisError, match="whole numbers of 0 or more"):
        hp.area_prevalence(np.where(np.arange(60) == 0, -1, fires), households, factors, 4)
    with pytest.raises(AnalysisError, match="infinite"):
        hp.area_prevalence(fires, households, factors.assign(rented=np.inf), 4)
    with pytest.raises(AnalysisError, match="years must be more than 0"):
        hp.area_prevalence(fires, households, factors, 0)
    with pytest.raises(AnalysisError, match="No area has any HMO incident"):
        hp.area_prevalence(np.zeros(60), households, factors, 4)
    gaps = households.copy()
    gaps[:3] = [0, np.nan, -5]
    result = hp.area_prevalence(fires, gaps, factors.assign(converted=np.where(np.arange(60) == 9, np.nan,
                                                                                 factors["converted"])), 4)
    assert result.table["estimated_hmos"][:3].isna().all() and result.table["estimated_hmos"][3:].notna().all()
    said = " ".join(str(note) for note in result.notes)
    assert "3 area(s) have no HMO incident count or no households" in said and "'converted' is missing in 1" in said


def test_top_share_shares_ties_at_the_cut_fairly():
    later = np.array([5, 0, 3, 1, 1, 0, 0, 0, 0, 0], dtype=float)
    assert hp.top_share(np.arange(10)[::-1], later) == pytest.approx(0.5)  # the first area: 5 of 10
    # everything tied: the top 10% takes a tenth of everything, whatever the order
    assert hp.top_share(np.zeros(10), later) == pytest.approx(0.1)
    # two areas tied first: half of each
    assert hp.top_share(np.array([2, 2, 1, 0, 0, 0, 0, 0, 0, 0]), later) == pytest.approx(0.25)


def test_census_factors_are_shares_of_households():
    census = pd.DataFrame({"households": [100.0, 0.0], "private_rented": [40, 0], "converted_or_shared_house": [10, 0],
                           "other_converted_building": [5, 0], "in_commercial_building": [1, 0],
                           "occ_bed_minus1": [8, 0], "occ_bed_minus2_or_less": [2, 0], "hh_size_1": [30, 0],
                           "hh_size_5": [4, 0], "hh_size_6": [2, 0], "hh_size_7": [1, 0], "hh_size_8_plus": [1, 0]})
    factors = hp.census_housing_factors(census)
    assert factors.iloc[0].to_dict() == pytest.approx({"pct_private_rented": 0.4, "pct_converted_or_shared": 0.16,
                                                       "pct_overcrowded": 0.1, "pct_large_households": 0.08,
                                                       "pct_one_person": 0.3})
    assert factors.iloc[1].isna().all()  # no households: unknown, not zero


# --- the algorithm ---------------------------------------------------------------------------------

def read_table(path):
    import pyogrio

    return pyogrio.read_dataframe(path, read_geometry=False)


@pytest.fixture(scope="module")
def hmo_counts(tmp_path_factory, sample_path):
    """The sample's areas with its HMO fires counted, as the demo does."""
    path = str(tmp_path_factory.mktemp("hmo") / "hmo_counts.gpkg")
    run_algorithm("communityrisk:countincidents", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
        "INCIDENTS": sample_path + "|layername=incidents",
        "FILTER": "\"property_type\" = 'House in multiple occupation'", "OUTPUT": path})
    return path


def area_params(counts, tmp_path, **extra):
    params = {"AREAS": counts, "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
              "HMO_INCIDENT_FIELD": "incidents", "FACTORS": ["pct_flats", "pct_social_rent", "imd_score"],
              "YEARS": 8, "OUTPUT": str(tmp_path / "hmo.gpkg"), "REPORT": str(tmp_path / "hmo.html")}
    params.update(extra)
    return params


def test_area_mode_on_the_sample_writes_a_styled_layer_and_the_consultation_summary(hmo_counts, tmp_path):
    result = run_algorithm(ALG, area_params(hmo_counts, tmp_path))
    table = read_table(result["OUTPUT"])
    assert len(table) == 480 and table["area_code"].is_unique
    assert (table["estimated_hmos_low"] <= table["estimated_hmos"]).all()
    assert (table["estimated_hmos"] <= table["estimated_hmos_high"]).all()
    assert table["licensed_hmos"].isna().all()  # no register given: unknown, never 0
    assert result["ESTIMATED"] == pytest.approx(table["estimated_hmos"].sum())
    # the sample's HMO fires: ~517 over 8 years at the assumed 1 per 1,000 HMOs a year is ~65,000 HMOs
    hmo_fires = read_table(hmo_counts)["incidents"].sum()
    assert table["estimated_hmos"].sum() == pytest.approx(hmo_fires / 8 * 1000, rel=0.15)
    assert os.path.exists(str(tmp_path / "hmo.qml"))
    report = open(result["REPORT"], encoding="utf-8").read()
    assert "s56" in report and "assumption" in report and "unlicensed share is not known" in report
    assert "95% interval" in report


def test_area_mode_with_a_register_count_gives_the_unlicensed_share(hmo_counts, tmp_path):
    import pyogrio

    frame = pyogrio.read_dataframe(hmo_counts)
    frame["licensed"] = 2
    with_register = str(tmp_path / "with_register.gpkg")
    pyogrio.write_dataframe(frame, with_register)
    result = run_algorithm(ALG, area_params(with_register, tmp_path, LICENSED_FIELD="licensed", TOTAL_HMOS=4800))
    table = read_table(result["OUTPUT"])
    assert table["estimated_hmos"].sum() == pytest.approx(4800, rel=0.05)
    assert (table["licensed_hmos"] == 2).all()
    assert "the stock total you gave" in open(result["REPORT"], encoding="utf-8").read()
    expected = 1 - 2 / table["estimated_hmos"]
    assert table["unlicensed_share"].to_numpy() == pytest.approx(expected.to_numpy())


def hand_properties(rows, probability_name="hmo_probability"):
    return memory_layer("Point", "properties", [(probability_name, QVariant.Double), ("licensed", QVariant.Int),
                                                ("rank", QVariant.Int)],
                        [("POINT({} {})".format(x, y), [p, lic, k]) for k, (x, y, p, lic) in enumerate(rows, 1)])


def test_property_mode_sums_probabilities_within_each_area(tmp_path):
    properties = hand_properties([(10, 10, 1.0, 1), (20, 20, 0.5, 0), (30, 30, 0.25, 0), (150, 50, 0.8, 0),
                                  (150, 60, 0.6, 1), (500, 500, 0.9, 0)])
    result = run_algorithm(ALG, {"PROPERTIES": properties, "AREAS": two_squares(), "AREA_ID": "code",
                                 "OUTPUT": str(tmp_path / "p.gpkg"), "REPORT": str(tmp_path / "p.html")})
    table = read_table(result["OUTPUT"]).set_index("code")
    assert table.loc["A", "estimated_hmos"] == pytest.approx(1.75)
    assert table.loc["B", "estimated_hmos"] == pytest.approx(1.8)  # the licensed one counts as 1, not 0.6
    assert table["licensed_hmos"].to_dict() == {"A": 1, "B": 1}
    assert (table.loc["A", "estimated_hmos_low"], table.loc["A", "estimated_hmos_high"]) == (1, 3)
    assert table.loc["B", "unlicensed_share"] == pytest.approx(1 - 1 / 1.8)
    assert "Poisson-binomial" in open(result["REPORT"], encoding="utf-8").read()


def test_property_mode_refuses_a_probability_out_of_range_and_writes_nothing(tmp_path):
    properties = hand_properties([(10, 10, 1.5, 0)])
    with pytest.raises(QgsProcessingException, match="not between 0 and 1"):
        run_algorithm(ALG, {"PROPERTIES": properties, "AREAS": two_squares(), "AREA_ID": "code",
                            "OUTPUT": str(tmp_path / "p.gpkg"), "REPORT": str(tmp_path / "p.html")})
    assert os.listdir(tmp_path) == []


def test_property_mode_names_a_missing_probability_field(tmp_path):
    properties = hand_properties([(10, 10, 0.5, 0)], probability_name="score")
    with pytest.raises(QgsProcessingException, match="hmo_probability"):
        run_algorithm(ALG, {"PROPERTIES": properties, "AREAS": two_squares(), "AREA_ID": "code",
                            "OUTPUT": str(tmp_path / "p.gpkg")})


def test_without_properties_area_mode_says_what_it_needs(hmo_counts, tmp_path):
    with pytest.raises(QgsProcessingException, match="Households field, HMO incidents field, Years"):
        run_algorithm(ALG, {"AREAS": hmo_counts, "AREA_ID": "area_code", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not os.path.exists(str(tmp_path / "x.gpkg"))


def test_text_counts_are_named(tmp_path):
    areas = memory_layer("Polygon", "areas", [("code", QVariant.String), ("households", QVariant.String),
                                              ("hmo", QVariant.String)],
                         [("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))", ["A", "100", "lots"])])
    with pytest.raises(QgsProcessingException, match="'hmo'.*'lots'"):
        run_algorithm(ALG, {"AREAS": areas, "AREA_ID": "code", "HOUSEHOLDS_FIELD": "households",
                            "HMO_INCIDENT_FIELD": "hmo", "YEARS": 1, "OUTPUT": str(tmp_path / "x.gpkg")})


def test_cancel_half_way_keeps_the_earlier_result(hmo_counts, tmp_path):
    params = area_params(hmo_counts, tmp_path)
    run_algorithm(ALG, params)
    before = open(params["OUTPUT"], "rb").read(), open(params["REPORT"], "rb").read()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm(ALG, params, feedback=cancelling_feedback(50))
    assert (open(params["OUTPUT"], "rb").read(), open(params["REPORT"], "rb").read()) == before


def test_factors_keyed_by_area_code_are_read_by_position_not_dropped():
    households, factors, _, fires = synthetic_areas(n=80, seed=11)
    keyed = factors.set_index(pd.Index(["E{:03d}".format(i) for i in range(80)]))
    plain = hp.area_prevalence(fires, households, factors, 4)
    by_code = hp.area_prevalence(fires, households, keyed, 4)
    assert by_code.model["coefficients"] == pytest.approx(plain.model["coefficients"])
    assert set(by_code.model["coefficients"]) == {"(intercept)", "rented", "converted"}


def test_an_assumed_rate_that_makes_too_many_hmos_is_said_and_the_report_gives_the_share():
    households, factors, _, fires = synthetic_areas(n=100, seed=13)
    fitting = hp.area_prevalence(fires, households, factors, 4, fires_per_1000_hmos=2.0)
    too_low = hp.area_prevalence(fires, households, factors, 4, fires_per_1000_hmos=0.1)
    assert not any("implausibly high" in str(note) for note in fitting.notes)
    assert any("implausibly high" in str(note) for note in too_low.notes)
    share = fitting.total[0] / households.sum()
    assert "{:.1%} of the areas' {:,.0f} households".format(share, households.sum()) in hp.report_html(
        fitting, range(100)).replace("&#x27;", "'")
