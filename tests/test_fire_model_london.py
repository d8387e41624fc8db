"""The fire-risk model on real London data: LSOAs and wards, selection against the plain method, and the
forward-looking test (fit 2009-2013, forecast 2014-2016)."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import firemodel, glm, validation
from helpers import london_file, run_algorithm

pytestmark = pytest.mark.london


@pytest.fixture(scope="module")
def lsoas():
    london_file("lsoa_2011.gpkg")
    from london_data import factor_names, filled_factors, london_lsoa_table

    table = london_lsoa_table()
    return table, factor_names(table), filled_factors(table)[0]


def test_fast_stepwise_chooses_what_refitting_every_candidate_chooses(lsoas):
    table, names, filled = lsoas
    y = table[["fires_{}".format(y) for y in range(2009, 2014)]].sum(axis=1).to_numpy(float)
    offset = np.log(table["HHOLDS"].to_numpy() * 5.0)
    z = ((filled - filled.mean()) / filled.std()).to_numpy()
    assert z.shape[1] >= 50
    alpha = glm.estimate_alpha(y, np.column_stack([np.ones(len(y)), z]), offset).alpha
    for criterion in ("aic", "bic"):
        ours = glm.forward_stepwise(y, z, names, offset, alpha, criterion, max_factors=8)
        plain = glm.forward_stepwise_reference(y, z, names, offset, alpha, criterion, max_factors=8)
        assert ours.chosen == plain, criterion
        assert ours.fits < 0.5 * len(names) * 8


def test_forecast_looks_forward_on_london_lsoas(lsoas):
    """Ranking LSOAs by past fires puts 17.5% of 2014-2016 fires in the top 10%; the model does better."""
    table, names, _ = lsoas
    train = table[["fires_{}".format(y) for y in range(2009, 2014)]].sum(axis=1).to_numpy()
    test = table[["fires_{}".format(y) for y in range(2014, 2017)]].sum(axis=1).to_numpy()
    result = firemodel.fit_fire_model(table["LSOA11CD"], train, table["HHOLDS"], table[names],
                                      firemodel.FireModelOptions(years=5))
    scores = validation.validate(result.table["predicted"], train, test, 5, 3)
    assert scores.capture["past incidents"][0.10] == pytest.approx(0.175, abs=0.001)
    assert scores.capture["hindsight best"][0.10] == pytest.approx(0.249, abs=0.002)
    assert scores.capture["forecast"][0.10] > scores.capture["past incidents"][0.10] + 0.005
    assert scores.deviance["forecast"] < scores.deviance["past incidents (same rate)"]
    assert result.model["family"] == "negative binomial"
    assert len(result.chosen) == 15  # the default maximum: London's 4,835 LSOAs support many factors
    said = [str(note) for note in result.notes if note.warning]
    assert any("stopped at its maximum of 15 factors" in text for text in said)  # the cap is said
    # London's own average (20.4 a year in 2009-2013) is in LFB's band 4, which the report must say
    assert any("average here is 20.4" in text and "band 4" in text for text in said)


def test_wards_count_build_and_fit_through_processing(tmp_path):
    """The same chain on the 625 London wards: count fires per ward, join the GLA ward profiles, fit."""
    fires = pd.read_csv(london_file("lfb_dwelling_fires_2009_2016.csv.gz"))
    points = gpd.GeoDataFrame(fires, geometry=gpd.points_from_xy(fires["easting_rounded"], fires["northing_rounded"]),
                              crs=27700)
    points.to_file(tmp_path / "fires.gpkg", layer="fires")
    run_algorithm("communityrisk:countincidents", {
        "AREAS": london_file("wards_2013_citymerged.gpkg"), "AREA_ID": "GSS_CODE",
        "INCIDENTS": str(tmp_path / "fires.gpkg"), "DATE_FIELD": "date", "START_DATE": "2012-01-01",
        "END_DATE": "2016-12-31", "OUTPUT": str(tmp_path / "ward_counts.gpkg")})
    run_algorithm("communityrisk:buildfactors", {
        "AREAS": str(tmp_path / "ward_counts.gpkg"), "AREA_ID": "GSS_CODE",
        "TABLES": [london_file("ward_profiles_2015.csv.gz")], "TABLE_KEYS": "New code",
        "OUTPUT": str(tmp_path / "ward_factors.gpkg")})
    households = "ward_profiles_2015_number_of_household_spaces_2011"
    result = run_algorithm("communityrisk:fitfireriskmodel", {
        "INPUT": str(tmp_path / "ward_factors.gpkg"), "AREA_ID": "GSS_CODE", "COUNT_FIELD": "incidents",
        "HOUSEHOLDS_FIELD": households, "YEARS": 5, "OUTPUT": str(tmp_path / "ward_risk.gpkg"),
        "REPORT": str(tmp_path / "ward_report.html")})
    wards = gpd.read_file(tmp_path / "ward_risk.gpkg", layer="ward_risk")
    assert len(wards) == 625 and wards["band"].between(1, 5).all()
    assert 1 <= result["FACTORS_CHOSEN"] <= 15
    rate = 1e4 * wards["incidents"].sum() / wards[households].sum() / 5
    assert 12 < rate < 25  # London's dwelling-fire rate, about 19 per 10,000 households a year
    assert set(wards["band"]) == {1, 2, 3, 4, 5}
