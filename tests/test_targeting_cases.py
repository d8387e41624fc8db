"""Issue 8 cases for Lifestyle profile and Priority postcodes, each a regression test: split areas whose names
give the same file name, formula-like text in the CSVs, polygon homes matched by containment (on London's
LSOAs too), homes or incidents without a CRS or in degrees, cancel and output safety; and the scoring,
reasons and visit lists of analysis/priority.py without QGIS."""
import csv
import hashlib
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis import priority
from community_risk.processing.analysis.lifestyle import segments_of_incidents
from helpers import cancelling_feedback, london_file, memory_layer, run_algorithm

FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def no_cell_is_a_formula(rows):
    return not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# --- Priority postcodes: analysis without QGIS ------------------------------------------------------------

def test_file_stems_are_unique_whatever_the_punctuation_or_case():
    stems = priority.file_stems(["North East", "North/East", "north east", "index", "Ward: St Mary's", "", "***"])
    assert stems["North East"] == "North_East" and stems["North/East"] == "North_East_2"
    assert stems["north east"] == "north_east_3"  # case-insensitive file systems would merge it with North_East
    assert stems["index"] == "index_2"  # index.csv is the list of lists
    assert stems["Ward: St Mary's"] == "Ward_St_Mary_s"
    assert len({s.lower() for s in stems.values()}) == len(stems)
    assert priority.file_stems(["North/East", "North East"]) == {"North East": "North_East", "North/East": "North_East_2"}


def test_prioritise_scores_ranks_and_explains_each_postcode():
    table = priority.prioritise(["A1 1AA", "A1 1AB", "A1 1AD", "A1 1AE"],
                                {"area": [10.0, 40.0, 20.0, np.nan], "households": [0, 7, 3, 0]},
                                p1_count=1, p2_count=2)
    assert table["rank"].tolist() == [4, 1, 2, 3]
    assert table["tier"].tolist() == ["P3", "P1", "P2", "P2"]
    # households: ranks 16.7 (two tied zeros), 100, 66.7, 16.7 (weight 2); area: 0, 100, 50, missing (weight 1)
    assert table["priority_score"].tolist() == pytest.approx([100 / 9, 100, (2 * 200 / 3 + 50) / 3, 50 / 3])
    assert table["households_at_risk"].tolist()[:2] == [0, 7] and pd.isna(table["households_at_risk"][2])
    assert table["reason"][1] == "Rank 1 of 4: 7 households at risk (top 1%); area risk 40 (top 1%)"
    # a suppressed count gets no share either: its rank would tell 1 household from 4
    assert table["reason"][2] == "Rank 2 of 4: fewer than 5 households at risk; area risk 20 (top 50%)"
    assert "3 households" not in " ".join(table["reason"])  # suppressed counts are never stated
    assert "no area risk (in no area)" in table["reason"][3]


def test_visit_lists_hold_p1_and_p2_per_split_highest_first():
    table = priority.prioritise(["A", "B", "C", "D", "E"], {"area": [5.0, 4, 3, 2, 1]},
                                ["North East", "North/East", "North East", "North/East", "North East"], 2, 2)
    lists = priority.visit_lists(table)
    assert [(v.split_area, v.stem) for v in lists] == [("North East", "North_East"), ("North/East", "North_East_2")]
    assert lists[0].rows["postcode"].tolist() == ["A", "C"] and lists[0].counts == {"P1": 1, "P2": 1, "P3": 1}
    assert lists[1].rows["postcode"].tolist() == ["B", "D"]
    index = priority.visit_list_index(lists)
    assert index[["split_area", "visit_list"]].values.tolist() == [["North East", "North_East.csv"],
                                                                   ["North/East", "North_East_2.csv"]]


def test_households_at_risk_count_per_postcode_and_report_the_rest():
    counts, notes = priority.households_at_risk(["A1 1AA", None, "B2 2BB"], ["A1 1AA", "A1 1AA", None, "C3 3CC"],
                                                [2, 1, 3, 4], min_factors=2)
    assert counts.tolist() == [1, 0, 0]
    text = " ".join(str(n) for n in notes)
    assert "1 household(s) have no valid postcode" in text and "C3 3CC" in text


def test_lifestyle_values_come_from_the_polygon_a_postcode_lies_in():
    import shapely

    # a long thin polygon whose centroid is far from the postcode, beside a small one whose centroid is near
    long_one = shapely.box(0, 0, 1000, 10)
    small = shapely.box(0, 10, 20, 30)
    found = priority.values_of_homes([long_one, small], [150.0, 60.0], np.array([5.0, 500.0]), np.array([9.0, 5.0]))
    assert found.tolist() == [150.0, 150.0]


# --- Priority postcodes through Processing ---------------------------------------------------------------

def square(x0, y0, size=100):
    return "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x0, y0, x0 + size, y0 + size)


def priority_inputs(split_names=("North East", "North/East"), postcode_texts=None):
    texts = postcode_texts or ["N1 1AA", "N1 1AB", "N1 1AD", "N1 1AE"]
    coordinates = [(10, 10), (60, 60), (110, 10), (160, 60)]
    postcodes = memory_layer("Point", "postcodes", [("postcode", QVariant.String)],
                             [("POINT({} {})".format(x, y), [t]) for (x, y), t in zip(coordinates, texts)])
    areas = memory_layer("Polygon", "areas", [("rate_10k", QVariant.Double)],
                         [(square(0, 0), [30.0]), (square(100, 0), [10.0])])
    splits = memory_layer("Polygon", "stations", [("station", QVariant.String)],
                          [(square(0, 0), [split_names[0]]), (square(100, 0), [split_names[1]])])
    households = memory_layer("None", "households", [("postcode", QVariant.String), ("n_factors", QVariant.Int)],
                              [(None, ["N1 1AB", 3])] * 6 + [(None, ["N1 1AE", 2])] * 2)
    return {"POSTCODES": postcodes, "POSTCODE_FIELD": "postcode", "AREAS": areas, "AREA_RISK_FIELD": "rate_10k",
            "HOUSEHOLD_RISK": households, "HOUSEHOLD_POSTCODE_FIELD": "postcode",
            "HOUSEHOLD_FACTORS_FIELD": "n_factors", "SPLIT_AREAS": splits, "SPLIT_FIELD": "station",
            "P1_COUNT": 2, "P2_COUNT": 2}


def test_split_areas_whose_names_give_one_file_name_each_keep_their_visit_list(tmp_path):
    run_algorithm("communityrisk:prioritypostcodes", dict(priority_inputs(), OUTPUT=str(tmp_path / "p.gpkg"),
                                                          VISIT_LISTS=str(tmp_path / "visits")))
    index = {row["split_area"]: row for row in csv.DictReader(open(tmp_path / "visits" / "index.csv", encoding="utf-8"))}
    assert index["North East"]["visit_list"] == "North_East.csv"
    assert index["North/East"]["visit_list"] == "North_East_2.csv"
    east = csv_rows(tmp_path / "visits" / "North_East.csv")
    slash = csv_rows(tmp_path / "visits" / "North_East_2.csv")
    assert {r[1] for r in east[1:]} == {"N1 1AA", "N1 1AB"} and {r[1] for r in slash[1:]} == {"N1 1AD", "N1 1AE"}
    assert "North/East" in (tmp_path / "visits" / "North_East_2.html").read_text(encoding="utf-8")


def test_visit_lists_give_a_reason_and_numbers_as_numbers(tmp_path):
    run_algorithm("communityrisk:prioritypostcodes", dict(priority_inputs(), OUTPUT=str(tmp_path / "p.gpkg"),
                                                          VISIT_LISTS=str(tmp_path / "visits")))
    rows = list(csv.DictReader(open(tmp_path / "visits" / "North_East.csv", encoding="utf-8")))
    assert rows[0]["postcode"] == "N1 1AB" and rows[0]["reason"].startswith("Rank 1 of 4: 6 households at risk")
    layer = QgsVectorLayer(str(tmp_path / "visits" / "North_East.csv"), "visits", "ogr")
    kinds = {f.name(): f.typeName().lower() for f in layer.fields()}
    assert kinds["rank"].startswith("integer") and kinds["priority_score"] == "real" and kinds["reason"] == "string"
    output = gpd.read_file(tmp_path / "p.gpkg").set_index("postcode")
    assert output.loc["N1 1AB", "reason"] == rows[0]["reason"] and output.loc["N1 1AB", "rank"] == 1
    assert pd.isna(output.loc["N1 1AE", "households_at_risk"])  # 2 households: suppressed


def test_formula_like_postcodes_and_split_names_are_neutralised_in_visit_lists(tmp_path):
    parameters = priority_inputs(split_names=(FORMULA, "+cmd|' /C calc'!A0"),
                                 postcode_texts=["N1 1AA", "@SUM(1+1)", "N1 1AD", "-2+3"])
    run_algorithm("communityrisk:prioritypostcodes", dict(parameters, OUTPUT=str(tmp_path / "p.gpkg"),
                                                          VISIT_LISTS=str(tmp_path / "visits")))
    files = sorted(os.listdir(tmp_path / "visits"))
    assert not any(name.startswith(("=", "+", "-", "@")) for name in files)
    every = [row for name in files if name.endswith(".csv") for row in csv_rows(tmp_path / "visits" / name)]
    assert no_cell_is_a_formula(every)
    cells = {cell for row in every for cell in row}
    assert "'@SUM(1+1)" in cells and "'-2+3" in cells and "'" + FORMULA in cells
    html = "".join((tmp_path / "visits" / n).read_text(encoding="utf-8") for n in files if n.endswith(".html"))
    assert "HYPERLINK(&quot;http" in html and FORMULA not in html


def test_priority_postcodes_cancelled_at_half_keeps_the_earlier_result(tmp_path):
    out = tmp_path / "p.gpkg"
    parameters = dict(priority_inputs(), OUTPUT=str(out), VISIT_LISTS=str(tmp_path / "visits"))
    run_algorithm("communityrisk:prioritypostcodes", parameters)
    before = digest(out), digest(tmp_path / "visits" / "North_East.csv")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:prioritypostcodes", parameters, feedback=cancelling_feedback(50))
    assert (digest(out), digest(tmp_path / "visits" / "North_East.csv")) == before
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".community-risk-partial")]


def test_priority_postcodes_opens_styled_from_disk(tmp_path):
    run_algorithm("communityrisk:prioritypostcodes", dict(priority_inputs(), OUTPUT=str(tmp_path / "p.gpkg")))
    layer = QgsVectorLayer(str(tmp_path / "p.gpkg"), "p", "ogr")
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "tier"
    assert [c.value() for c in renderer.categories()] == ["P1", "P2", "P3"]


# --- Lifestyle profile ----------------------------------------------------------------------------------

def polygon_homes(crs="EPSG:27700", segments=("A", FORMULA)):
    # a long thin polygon A and a small square B whose centroid is the nearest to most of A's incidents
    return memory_layer("Polygon", "lsoas", [("segment", QVariant.String), ("homes", QVariant.Int)], [
        ("POLYGON((0 0, 1000 0, 1000 10, 0 10, 0 0))", [segments[0], 100]),
        ("POLYGON((0 10, 20 10, 20 30, 0 30, 0 10))", [segments[1], 100])], crs=crs)


def incident_points(crs="EPSG:27700", points=((5, 5), (15, 8), (500, 5), (10, 20), (10, 10), (50, 40))):
    return memory_layer("Point", "fires", [("hurt", QVariant.Int)],
                        [("POINT({} {})".format(x, y), [1]) for x, y in points], crs=crs)


def test_polygon_homes_take_incidents_by_containment_not_nearest_centroid():
    import shapely

    homes = [shapely.box(0, 0, 1000, 10), shapely.box(0, 10, 20, 30)]
    points = shapely.points([5, 15, 500, 10, 10, 50], [5, 8, 5, 20, 10, 40])
    found, distances, notes = segments_of_incidents(homes, ["A", "B"], points, max_distance=0)
    # (10, 10) is on the shared edge: the first polygon; (50, 40) is outside both: left out at distance 0
    assert found.tolist() == ["A", "A", "A", "B", "A", None]
    assert np.isnan(distances[-1]) and "1 incident(s) lie outside every home polygon" in " ".join(map(str, notes))
    found, distances, _ = segments_of_incidents(homes, ["A", "B"], points, max_distance=20)
    assert found[-1] is None  # 30 m from A, 31.6 m from B
    found, distances, _ = segments_of_incidents(homes, ["A", "B"], points, max_distance=35)
    assert found.tolist() == ["A", "A", "A", "B", "A", "A"] and distances[-1] == pytest.approx(30)


def test_lifestyle_profile_counts_polygon_homes_by_containment_with_max_distance_zero(tmp_path):
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": polygon_homes(), "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes", "INCIDENTS": incident_points(),
        "CASUALTIES_FIELD": "hurt", "MAX_DISTANCE": 0, "OUTPUT": str(tmp_path / "profile.csv"),
        "REPORT": str(tmp_path / "profile.html")})
    rows = {r["segment"]: r for r in csv.DictReader(open(tmp_path / "profile.csv", encoding="utf-8"))}
    assert rows["A"]["incidents"] == "4" and rows["'" + FORMULA]["incidents"] == "1"
    assert rows["A"]["casualties"] in ("4", "4.0")
    assert no_cell_is_a_formula(csv_rows(tmp_path / "profile.csv"))
    report = (tmp_path / "profile.html").read_text(encoding="utf-8")
    assert "<style>" in report and "Casualty index" in report and FORMULA not in report


def test_segment_names_like_formulas_are_neutralised_in_the_profile_csv(tmp_path):
    homes = memory_layer("Point", "homes", [("segment", QVariant.String)],
                         [("POINT(0 0)", ["+SUM(A1:A9)"]), ("POINT(100 0)", ["@cmd"]), ("POINT(200 0)", ["-1"])])
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": homes, "SEGMENT_FIELD": "segment", "INCIDENTS": incident_points(points=((1, 1), (99, 0), (201, 0))),
        "OUTPUT": str(tmp_path / "profile.csv")})
    rows = csv_rows(tmp_path / "profile.csv")
    assert no_cell_is_a_formula(rows)
    assert {r[0] for r in rows[1:]} == {"'+SUM(A1:A9)", "'@cmd", "'-1"}


@pytest.mark.parametrize("homes_crs, incidents_crs, words", [
    ("", "EPSG:27700", ["homes", "no coordinate reference system"]),
    ("EPSG:27700", "", ["incident", "no coordinate reference system"]),
    ("", "", ["no coordinate reference system"]),
    ("EPSG:4326", "EPSG:4326", ["geographic", "EPSG:4326"]),
])
def test_lifestyle_profile_refuses_layers_it_cannot_measure(tmp_path, homes_crs, incidents_crs, words):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:lifestyleprofile", {
            "HOMES": polygon_homes(crs=homes_crs), "SEGMENT_FIELD": "segment",
            "INCIDENTS": incident_points(crs=incidents_crs), "OUTPUT": str(tmp_path / "p.csv")})
    for word in words:
        assert word in str(raised.value)
    assert not (tmp_path / "p.csv").exists()


def test_lifestyle_profile_reprojects_homes_in_degrees_onto_projected_incidents(tmp_path):
    import pyproj

    to_degrees = pyproj.Transformer.from_crs(27700, 4326, always_xy=True).transform
    origin = (530000, 180000)

    def shifted(x, y):
        return "{:.9f} {:.9f}".format(*to_degrees(origin[0] + x, origin[1] + y))

    rows = [("POLYGON(({}))".format(", ".join(shifted(x, y) for x, y in ring)), [name, 100]) for name, ring in (
        ("A", [(0, 0), (1000, 0), (1000, 10), (0, 10), (0, 0)]), ("B", [(0, 10), (20, 10), (20, 30), (0, 30), (0, 10)]))]
    homes = memory_layer("Polygon", "lsoas", [("segment", QVariant.String), ("homes", QVariant.Int)], rows,
                         crs="EPSG:4326")
    fires = incident_points(points=[(origin[0] + x, origin[1] + y) for x, y in ((5, 5), (500, 5), (10, 20))])
    run_algorithm("communityrisk:lifestyleprofile", {"HOMES": homes, "SEGMENT_FIELD": "segment",
                                                     "INCIDENTS": fires, "MAX_DISTANCE": 0,
                                                     "OUTPUT": str(tmp_path / "p.csv")})
    counts = {r["segment"]: r["incidents"] for r in csv.DictReader(open(tmp_path / "p.csv", encoding="utf-8"))}
    assert counts == {"A": "2", "B": "1"}


def test_lifestyle_profile_cancelled_at_half_keeps_the_earlier_result(sample_path, tmp_path):
    parameters = {"HOMES": sample_path + "|layername=postcodes", "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
                  "INCIDENTS": sample_path + "|layername=incidents", "OUTPUT": str(tmp_path / "profile.csv"),
                  "OUTPUT_HOMES": str(tmp_path / "homes.gpkg")}
    run_algorithm("communityrisk:lifestyleprofile", parameters)
    before = digest(tmp_path / "profile.csv"), digest(tmp_path / "homes.gpkg")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:lifestyleprofile", parameters, feedback=cancelling_feedback(50))
    assert (digest(tmp_path / "profile.csv"), digest(tmp_path / "homes.gpkg")) == before
    layer = QgsVectorLayer(str(tmp_path / "homes.gpkg"), "homes", "ogr")
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "segment_index"


@pytest.mark.london
def test_lifestyle_profile_on_london_lsoas_with_the_2021_oac(tmp_path):
    """Every LFB dwelling fire inside a London LSOA takes that LSOA's OAC supergroup, even with
    MAX_DISTANCE=0 (which dropped all 50,838 when incidents were matched to the nearest centroid)."""
    lsoas = gpd.read_file(london_file("lsoa_2011.gpkg"))[["LSOA11CD", "HHOLDS", "geometry"]]
    oac = pd.read_csv(london_file("oac2021_lsoa21_dominant.csv.gz"))
    lsoas = lsoas.merge(oac[["LSOA21CD", "supergroup_name"]], left_on="LSOA11CD", right_on="LSOA21CD", how="left")
    lsoas = lsoas.drop(columns="LSOA21CD")
    lsoas.to_file(tmp_path / "lsoa_oac.gpkg", layer="lsoa_oac")
    fires = pd.read_csv(london_file("lfb_dwelling_fires_2009_2016.csv.gz"))
    fires = gpd.GeoDataFrame(fires[["date"]], crs=27700,
                             geometry=gpd.points_from_xy(fires["easting_rounded"], fires["northing_rounded"]))
    fires.to_file(tmp_path / "fires.gpkg", layer="fires")
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": str(tmp_path / "lsoa_oac.gpkg"), "SEGMENT_FIELD": "supergroup_name", "HOMES_FIELD": "HHOLDS",
        "INCIDENTS": str(tmp_path / "fires.gpkg"), "MAX_DISTANCE": 0, "OUTPUT": str(tmp_path / "profile.csv"),
        "REPORT": str(tmp_path / "profile.html")})
    table = pd.read_csv(tmp_path / "profile.csv").set_index("segment")
    inside = gpd.sjoin(fires, lsoas, predicate="intersects", how="inner")
    inside = inside[~inside.index.duplicated()]
    assert len(fires) == 50838 and table["incidents"].sum() == len(inside) >= 50838 - 77
    expected = inside["supergroup_name"].fillna("(none)").value_counts()
    assert table["incidents"].to_dict() == expected.to_dict()
    assert table["homes"].sum() == lsoas["HHOLDS"].sum()
    # inner-city segments have more dwelling fires than their households suggest; suburban ones fewer
    assert table.loc["Multicultural & Educated Urbanites", "index_low"] > 105
    assert table.loc["Ethnically Diverse Suburban Professionals", "index_high"] < 70
    assert table.loc["(none)", "homes"] == lsoas.loc[lsoas["supergroup_name"].isna(), "HHOLDS"].sum()


# --- Issue 9: outputs that chain -----------------------------------------------------------------------------

def test_households_csv_chains_into_priority_postcodes_as_a_gis_officer_loads_it(sample_path, tmp_path, monkeypatch):
    """findpeopleatrisk's CSV dropped onto QGIS (ogr, no type detection options) keeps its numbers as numbers
    (the .csvt), so prioritypostcodes can count households at risk from it."""
    from community_risk.synthetic import council_extracts

    monkeypatch.setenv("COMMUNITY_RISK_SECRET", "chain test secret, long enough")
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    # the generator puts about 12 households on each postcode it picks: many hold 5 or more at risk
    paths = council_extracts.write(str(tmp_path / "extracts"), postcodes, n_households=800)
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": list(paths.values()), "ROLES": ",".join("register" if n == "council_tax" else n for n in paths),
        "OUTPUT": str(tmp_path / "households.csv"), "RECORD": str(tmp_path / "record.json")})
    households = QgsVectorLayer(str(tmp_path / "households.csv"), "households", "ogr")
    assert households.isValid()
    kinds = {f.name(): f.typeName().lower() for f in households.fields()}
    assert kinds["n_factors"].startswith("integer") and kinds["older"].startswith("integer")
    assert kinds["score"] == "real" and kinds["household_key"] == "string"
    numeric = [f.name() for f in households.fields() if f.isNumeric()]
    assert {"n_factors", "score", "older", "care", "datasets"} <= set(numeric)
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
        "HOUSEHOLD_RISK": households, "HOUSEHOLD_POSTCODE_FIELD": "postcode", "HOUSEHOLD_FACTORS_FIELD": "n_factors",
        "MIN_FACTORS": 1, "P1_COUNT": 20, "P2_COUNT": 40, "OUTPUT": str(tmp_path / "priority.gpkg"),
        "VISIT_LISTS": str(tmp_path / "visits")})
    table = gpd.read_file(tmp_path / "priority.gpkg")
    written = pd.read_csv(tmp_path / "households.csv")
    expected = written[written["n_factors"] >= 1].groupby("postcode").size()
    counts = table.set_index("postcode")["households_at_risk"]
    shown = counts[counts > 0]
    assert len(shown) >= 10 and (shown >= 5).all()  # counts under 5 are left empty
    assert (shown == expected.reindex(shown.index)).all()
    hidden = expected[expected < 5].index
    assert counts.reindex(hidden).isna().all()
    assert set(table.loc[table["tier"] == "P1", "postcode"]) <= set(expected.index)
    assert table["reason"].str.contains("households at risk").all()
