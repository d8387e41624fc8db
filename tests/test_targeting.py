"""Targeting on the sample borough: lifestyle profile and priority postcodes."""
import csv
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis.lifestyle import poisson_interval, segment_profile
from community_risk.processing.analysis.postcodes import normalise_postcode
from community_risk.processing.analysis.priority import (
    assign_tiers,
    percentile_rank,
    priority_scores,
    suppress_small,
    tiers_by_score,
)
from helpers import memory_layer, run_algorithm, sample_fire_risk


def test_postcodes_are_normalised_and_checked():
    assert normalise_postcode("n1 9gu") == "N1 9GU"
    assert normalise_postcode(" sw1a1aa ") == "SW1A 1AA"
    assert normalise_postcode("EC1A-1BB") == "EC1A 1BB"
    for bad in ("N1", "123 456", "", None, "QQQ QQQ", "N1 9GUU"):
        assert normalise_postcode(bad) is None, bad


def test_profile_index_and_interval_by_hand():
    table = segment_profile(["A", "A", "B", "C"], [100, 100, 100, 200], ["A"] * 10 + ["B"] * 2 + ["C"] * 8,
                            casualties=[1] * 10 + [0] * 10)
    rows = table.set_index("segment")
    assert rows.loc["A", "index"] == pytest.approx(100 * (10 / 20) / (200 / 500))
    assert rows.loc["C", "pct_homes"] == pytest.approx(40.0)
    assert rows.loc["A", "pct_casualties"] == pytest.approx(100.0)
    low, high = poisson_interval([10])
    assert rows.loc["A", "index_low"] == pytest.approx(100 * low[0] / 20 / 0.4)
    assert low[0] == pytest.approx(4.795, abs=1e-3) and high[0] == pytest.approx(18.39, abs=1e-2)  # Garwood, 10 events
    assert list(table["segment"]) == ["A", "C", "B"]  # highest index first


def test_lifestyle_profile_on_the_sample(sample_path, tmp_path):
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": sample_path + "|layername=postcodes", "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
        "INCIDENTS": sample_path + "|layername=incidents", "CASUALTIES_FIELD": "casualties",
        "OUTPUT": str(tmp_path / "profile.gpkg"), "OUTPUT_HOMES": str(tmp_path / "homes.gpkg"),
        "REPORT": str(tmp_path / "profile.html")})
    table = gpd.read_file(tmp_path / "profile.gpkg").set_index("segment")
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    incidents = gpd.read_file(sample_path, layer="incidents")
    assert len(table) == 8 and table["homes"].sum() == postcodes["homes"].sum()
    nearest = gpd.sjoin_nearest(incidents, postcodes[["segment", "geometry"]], how="left")
    nearest = nearest[~nearest.index.duplicated()]
    assert table["incidents"].to_dict() == nearest.groupby("segment").size().to_dict()
    assert table["casualties"].sum() == incidents["casualties"].sum()
    # the sample's deprived, older, denser segment has more fires than its homes suggest; the affluent, younger,
    # sparser one fewer, and its interval excludes 100
    assert table.loc["Constrained City Dwellers", "index_low"] > 100
    assert table.loc["Rural Residents", "index_high"] < 100
    homes = gpd.read_file(tmp_path / "homes.gpkg")
    assert np.allclose(homes["segment_index"], homes["segment"].map(table["index"]))
    assert "<svg" in (tmp_path / "profile.html").read_text()


def test_lifestyle_profile_by_postcode_table(sample_path, tmp_path):
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    rows = [(None, [code.lower().replace(" ", ""), 1]) for code in postcodes["postcode"].head(30)] + [(None, ["ZZ99 9ZZ", 0])]
    incidents = memory_layer("None", "calls", [("pc", QVariant.String), ("hurt", QVariant.Int)], rows)
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": sample_path + "|layername=postcodes", "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
        "HOMES_POSTCODE_FIELD": "postcode", "INCIDENTS": incidents, "INCIDENT_POSTCODE_FIELD": "pc",
        "CASUALTIES_FIELD": "hurt", "OUTPUT": str(tmp_path / "p.gpkg")})
    table = gpd.read_file(tmp_path / "p.gpkg")
    assert table["incidents"].sum() == 30
    assert table.set_index("segment")["incidents"].to_dict() == {
        k: v for k, v in postcodes.head(30).groupby("segment").size().to_dict().items()} | {
        s: 0 for s in set(postcodes["segment"]) - set(postcodes.head(30)["segment"])}


def test_lifestyle_profile_refuses_a_table_without_postcodes(sample_path, tmp_path):
    incidents = memory_layer("None", "calls", [("pc", QVariant.String)], [(None, ["N1 9GU"])])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:lifestyleprofile", {
            "HOMES": sample_path + "|layername=postcodes", "SEGMENT_FIELD": "segment", "INCIDENTS": incidents,
            "OUTPUT": str(tmp_path / "p.gpkg")})
    assert "calls" in str(raised.value) and "postcode" in str(raised.value)


def test_scores_tiers_and_suppression():
    assert percentile_rank([1, 2, 3, np.nan]).tolist()[:3] == [0, 50, 100]
    scores = priority_scores({"a": np.array([1.0, 2, 3, 4]), "b": np.array([4.0, 3, 2, np.nan])}, {"a": 1, "b": 1})
    assert np.allclose(scores, [50, 125 / 3, 100 / 3, 100])  # a: 0, 33, 67, 100; b (three values): 100, 50, 0
    tiers = assign_tiers([5, 9, 7, 1, 8], 1, 2)
    assert tiers.tolist() == ["P3", "P1", "P2", "P3", "P2"]
    assert suppress_small([0, 1, 4, 5, 12, None]) == [0, None, None, 5, 12, None]
    assert tiers_by_score([95, 80, 50, np.nan], 90, 75).tolist() == ["P1", "P2", "P3", "P3"]
    with pytest.raises(Exception):
        tiers_by_score([1.0], 50, 60)


def test_priority_tiers_by_score_thresholds(sample_path, fire_risk, tmp_path):
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode", "AREAS": fire_risk,
        "P1_MIN_SCORE": 95, "P2_MIN_SCORE": 80, "OUTPUT": str(tmp_path / "p.gpkg")})
    table = gpd.read_file(tmp_path / "p.gpkg")
    assert (table.loc[table["tier"] == "P1", "priority_score"] >= 95).all()
    assert table.loc[table["tier"] == "P2", "priority_score"].between(80, 95).all()
    assert (table.loc[table["tier"] == "P3", "priority_score"] < 80).all()


@pytest.fixture(scope="module")
def fire_risk(tmp_path_factory, sample_path):
    return sample_fire_risk(sample_path, tmp_path_factory.mktemp("prio"))


def test_priority_postcodes_on_the_sample(sample_path, fire_risk, tmp_path):
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    households = pd.DataFrame({"postcode": [postcodes["postcode"].iloc[0].lower()] * 6 + [postcodes["postcode"].iloc[1]] * 3,
                               "n_factors": [3, 2, 2, 4, 2, 1, 5, 5, 5]})
    households.to_csv(tmp_path / "households.csv", index=False)
    result = run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode", "AREAS": fire_risk,
        "AREA_RISK_FIELD": "rate_10k", "HOUSEHOLD_RISK": str(tmp_path / "households.csv"),
        "HOUSEHOLD_POSTCODE_FIELD": "postcode", "HOUSEHOLD_FACTORS_FIELD": "n_factors", "P1_COUNT": 50, "P2_COUNT": 150,
        "SPLIT_AREAS": sample_path + "|layername=station_grounds", "SPLIT_FIELD": "station",
        "OUTPUT": str(tmp_path / "priority.gpkg"), "VISIT_LISTS": str(tmp_path / "visits")})
    table = gpd.read_file(tmp_path / "priority.gpkg")
    assert result["P1"] == 50 and (table["tier"] == "P1").sum() == 50 and (table["tier"] == "P2").sum() == 150
    assert table.loc[table["tier"] == "P1", "priority_score"].min() >= table.loc[table["tier"] == "P2", "priority_score"].max()
    # households at risk: 5 in the first postcode (counts >= 2 factors), 3 in the second -> suppressed
    assert table["households_at_risk"].iloc[0] == 5
    assert pd.isna(table["households_at_risk"].iloc[1])
    assert set(table["split_area"]) == {"Northwest", "Northeast", "Southwest", "Southeast"}
    risk = gpd.read_file(fire_risk)
    joined = gpd.sjoin(postcodes, risk[["rate_10k", "geometry"]], predicate="within")
    assert np.allclose(table.set_index("postcode").loc[joined["postcode"], "area_risk"], joined["rate_10k"])
    lists = sorted(os.listdir(tmp_path / "visits"))
    assert lists == sorted(["index.csv", "index.csvt"] + [s + ext for s in ("Northeast", "Northwest", "Southeast", "Southwest")
                                                          for ext in (".csv", ".csvt", ".html")])
    with open(tmp_path / "visits" / "Northwest.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["tier"] for r in rows} <= {"P1", "P2"}
    assert [float(r["priority_score"]) for r in rows] == sorted((float(r["priority_score"]) for r in rows), reverse=True)
    assert "visit first" in (tmp_path / "visits" / "Northwest.html").read_text()


def test_priority_postcodes_needs_something_to_score(sample_path, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:prioritypostcodes", {"POSTCODES": sample_path + "|layername=postcodes",
                                                          "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "at least one" in str(raised.value)
    assert not (tmp_path / "o.gpkg").exists()
