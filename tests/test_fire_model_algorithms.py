"""The fire-risk Processing algorithms on the sample borough: build factors, fit, apply, validate."""
import json
import os

import geopandas as gpd
import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from helpers import REPO, memory_layer, run_algorithm

SAMPLE_DIR = os.path.join(REPO, "resources", "sample")


@pytest.fixture(scope="module")
def counts_layer(tmp_path_factory, sample_path):
    from helpers import count_sample_incidents

    return count_sample_incidents(sample_path, tmp_path_factory.mktemp("fire"))


@pytest.fixture(scope="module")
def fitted(counts_layer, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    result = run_algorithm("communityrisk:fitfireriskmodel", {
        "INPUT": counts_layer, "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households", "YEARS": 8,
        "OUTPUT": str(folder / "risk.gpkg"), "REPORT": str(folder / "report.html"),
        "MODEL": str(folder / "model.json")})
    return result, folder


def test_fit_with_only_the_required_inputs_gives_a_sound_banded_model(fitted, sample_truth):
    result, folder = fitted
    table = gpd.read_file(folder / "risk.gpkg")
    for name in ("observed", "predicted", "rate_10k", "one_in_x", "band", "band_label", "excess", "pearson_resid"):
        assert name in table.columns, name
    assert table["band"].between(1, 5).all()
    labels = ["Up to 10 per 10,000 households", "10–15 per 10,000 households", "15–20 per 10,000 households",
              "20–25 per 10,000 households", "Over 25 per 10,000 households"]
    assert set(table["band_label"]) <= set(labels)  # labels by rate: the default for LFB's fixed thresholds
    assert (table["band_label"] == [labels[b - 1] for b in table["band"]]).all()
    assert np.allclose(table["rate_10k"], 1e4 * table["predicted"] / table["households"])
    assert ((table["rate_10k"] > 25) == (table["band"] == 5)).all()
    assert table["observed"].sum() == sum(sum(v.values()) for v in sample_truth["counts"].values())
    model = json.loads((folder / "model.json").read_text())
    assert {"pct_bad_health", "pct_living_alone", "pct_social_rent"} <= set(model["coefficients"])
    assert not any(name.startswith("incidents_") for name in model["coefficients"])  # no leakage from yearly counts
    assert result["FACTORS_CHOSEN"] == len(model["coefficients"])


def test_report_explains_the_model(fitted):
    _, folder = fitted
    html = (folder / "report.html").read_text()
    for words in ("In plain words", "negative binomial", "Rate ratio per standard deviation", "95% interval", "Moran",
                  "Deviance explained", "pct_bad_health", "<svg", "Over 25 per 10,000 households"):
        assert words in html, words


def test_output_geopackage_opens_styled_from_disk_without_a_layer_choice(fitted):
    _, folder = fitted
    assert (folder / "risk.qml").exists()  # the default style beside the file, not a layer_styles table
    layer = QgsVectorLayer(str(folder / "risk.gpkg"), "risk", "ogr")
    assert len(layer.dataProvider().subLayers()) == 1  # so QGIS opens it without "Select items to add"
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "band"
    assert [r.label() for r in renderer.ranges()] == [
        "1 Up to 10 per 10,000 households", "2 10–15 per 10,000 households", "3 15–20 per 10,000 households",
        "4 20–25 per 10,000 households", "5 Over 25 per 10,000 households"]
    assert [r.symbol().color().name() for r in renderer.ranges()][::4] == ["#1a9641", "#d7191c"]


def test_apply_reproduces_the_fit_and_forecasts_without_history(fitted, counts_layer, tmp_path):
    _, folder = fitted
    fitted_table = gpd.read_file(folder / "risk.gpkg").set_index("area_code")
    run_algorithm("communityrisk:applyfireriskmodel", {
        "INPUT": counts_layer, "MODEL": str(folder / "model.json"), "COUNT_FIELD": "incidents", "YEARS": 8,
        "OUTPUT": str(tmp_path / "applied.gpkg")})
    applied = gpd.read_file(tmp_path / "applied.gpkg").set_index("area_code")
    assert np.allclose(applied["predicted"], fitted_table["predicted"], rtol=1e-9)
    assert (applied["band"] == fitted_table["band"]).all()
    run_algorithm("communityrisk:applyfireriskmodel", {
        "INPUT": counts_layer, "MODEL": str(folder / "model.json"), "OUTPUT": str(tmp_path / "forward.gpkg")})
    forward = gpd.read_file(tmp_path / "forward.gpkg")
    assert forward["observed"].isna().all() and forward["predicted"].gt(0).all()


def test_apply_refuses_a_layer_without_the_model_factors_and_a_bad_model_file(fitted, tmp_path, sample_path):
    _, folder = fitted
    squares = memory_layer("Polygon", "bare_areas", [("households", QVariant.Int)],
                           [("POLYGON((0 0, 1 0, 1 1, 0 0))", [500])])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:applyfireriskmodel", {
            "INPUT": squares, "MODEL": str(folder / "model.json"), "OUTPUT": str(tmp_path / "a.gpkg")})
    assert "bare_areas" in str(raised.value) and "pct_bad_health" in str(raised.value)
    not_a_model = tmp_path / "other.json"
    not_a_model.write_text('{"type": "FeatureCollection"}')
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:applyfireriskmodel", {
            "INPUT": sample_path + "|layername=areas", "MODEL": str(not_a_model), "OUTPUT": str(tmp_path / "b.gpkg")})
    assert "not a Community Risk fire model" in str(raised.value)
    assert not (tmp_path / "a.gpkg").exists() and not (tmp_path / "b.gpkg").exists()


@pytest.mark.parametrize("change, words", [
    ({"COUNT_FIELD": "fires"}, ["no field 'fires'", "incident_counts"]),
    ({"HOUSEHOLDS_FIELD": "homes"}, ["no field 'homes'"]),
    ({"FACTORS": ["imd_score", "nope"]}, ["no field 'nope'"]),
    ({"THRESHOLDS": "10,15,20", "BANDING": 1}, ["must be 4 numbers"]),
    ({"THRESHOLDS": "nan,inf,15,10", "BANDING": 1}, ["finite numbers"]),
    ({"THRESHOLDS": "25,20,15,10", "BANDING": 1}, ["strictly increasing"]),
])
def test_fit_refuses_bad_parameters_and_writes_nothing(counts_layer, tmp_path, change, words):
    layer = QgsVectorLayer(counts_layer, "incident_counts", "ogr")
    params = {"INPUT": layer, "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households", "YEARS": 8,
              "OUTPUT": str(tmp_path / "o.gpkg"), "REPORT": str(tmp_path / "r.html"), "MODEL": str(tmp_path / "m.json")}
    params.update(change)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:fitfireriskmodel", params)
    for word in words:
        assert word in str(raised.value)
    assert os.listdir(tmp_path) == []


def test_fit_refuses_negative_counts_naming_the_areas(tmp_path):
    rows = [("POLYGON(({0} 0, {1} 0, {1} 1, {0} 0))".format(i, i + 1), ["Z{}".format(i), c, 500, i % 3])
            for i, c in enumerate([3, 1, -2, 4, 0, 2, 5, 1])]
    layer = memory_layer("Polygon", "bad_counts", [("code", QVariant.String), ("fires", QVariant.Int),
                                                    ("homes", QVariant.Int), ("x", QVariant.Int)], rows)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:fitfireriskmodel", {
            "INPUT": layer, "AREA_ID": "code", "COUNT_FIELD": "fires", "HOUSEHOLDS_FIELD": "homes", "YEARS": 1,
            "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "negative" in str(raised.value) and "Z2" in str(raised.value)
    assert os.listdir(tmp_path) == []


def test_validation_on_the_sample(sample_path, tmp_path):
    result = run_algorithm("communityrisk:validatefireriskmodel", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
        "INCIDENTS": sample_path + "|layername=incidents", "DATE_FIELD": "date",
        "TRAIN_START": "2009-01-01", "TRAIN_END": "2013-12-31", "TEST_START": "2014-01-01", "TEST_END": "2016-12-31",
        "REPORT": str(tmp_path / "v.html"), "OUTPUT": str(tmp_path / "v.gpkg")})
    for share in ("05", "10", "20"):
        assert 0 < result["TOP{}_FORECAST".format(share)] <= result["TOP{}_BEST".format(share)] <= 1
    assert result["TOP10_FORECAST"] > result["TOP10_PAST"]  # the sample's truth is a stable model: it should look forward
    assert 0.3 < result["SPEARMAN"] < 1
    table = gpd.read_file(tmp_path / "v.gpkg")
    assert set(table["forecast_rank"]) == set(range(1, 481))
    html = (tmp_path / "v.html").read_text()
    assert "Capture curve" in html and "Hindsight best" in html


def test_validation_windows_must_be_in_order(sample_path, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:validatefireriskmodel", {
            "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
            "INCIDENTS": sample_path + "|layername=incidents", "DATE_FIELD": "date",
            "TRAIN_START": "2012-01-01", "TRAIN_END": "2014-12-31", "TEST_START": "2014-01-01",
            "TEST_END": "2016-12-31", "REPORT": str(tmp_path / "v.html")})
    assert "in order" in str(raised.value)
    assert not (tmp_path / "v.html").exists()


@pytest.fixture(scope="module")
def built(counts_layer, sample_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("factors")
    run_algorithm("communityrisk:buildfactors", {
        "AREAS": counts_layer, "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
        "TABLES": [os.path.join(SAMPLE_DIR, "sample_census_extra.csv")],
        "POINTS": [sample_path + "|layername=fire_safety_inspections"],
        "LINES": [sample_path + "|layername=roads"], "RASTERS": [os.path.join(SAMPLE_DIR, "sample_impervious.tif")],
        "OUTPUT": str(folder / "factors.gpkg"), "LOG": str(folder / "log.txt")})
    return gpd.read_file(folder / "factors.gpkg"), folder


def test_build_factors_area_and_density(built, sample_truth):
    table, _ = built
    assert table["area_km2"].sum() == pytest.approx(9 * 8, rel=1e-6)
    assert np.allclose(table["hh_per_km2"], table["households"] / table["area_km2"])
    assert np.allclose(table["area_km2"], table.geometry.area / 1e6)


def test_build_factors_joins_the_table_and_fills_its_gaps(built):
    import pandas as pd

    table, folder = built
    census = pd.read_csv(os.path.join(SAMPLE_DIR, "sample_census_extra.csv"))
    joined = table.set_index("area_code")["sample_census_extra_private_rented"]
    assert np.allclose(joined.loc[census["LSOA code"]].to_numpy(), census["Private rented (%)"].to_numpy())
    students = pd.to_numeric(census["Full-time students (%)"], errors="coerce")
    filled = table.set_index("area_code")["sample_census_extra_full_time_students"].loc[census["LSOA code"]]
    assert np.allclose(filled[students.isna().to_numpy()], students.median())
    log = (folder / "log.txt").read_text()
    assert "480 of 480 areas matched" in log and "3 missing value(s) filled with median" in log
    assert "sample_census_extra_private_rented: sample_census_extra » Private rented (%)" in log


def test_build_factors_counts_points_and_measures_lines_and_rasters(built, sample_path):
    import rasterio
    from rasterio.mask import mask

    table, _ = built
    inspections = gpd.read_file(sample_path, layer="fire_safety_inspections")
    assert table["fire_safety_inspections_count"].sum() == len(inspections)
    assert np.allclose(table["fire_safety_inspections_per_1k_hh"],
                       1000 * table["fire_safety_inspections_count"] / table["households"])
    roads = gpd.read_file(sample_path, layer="roads")
    borough = shapely.box(526000, 178000, 535000, 186000)
    assert table["roads_length_m"].sum() == pytest.approx(roads.intersection(borough).length.sum(), rel=1e-9)
    with rasterio.open(os.path.join(SAMPLE_DIR, "sample_impervious.tif")) as dataset:
        for k in (0, 123, 400):
            cells, _ = mask(dataset, [table.geometry.iloc[k]], crop=True, filled=False)
            assert table["sample_impervious_mean"].iloc[k] == pytest.approx(float(cells.mean()), rel=1e-5)


def test_build_factors_refuses_geographic_crs_and_duplicate_table_codes(sample_path, tmp_path):
    import pandas as pd

    areas = gpd.read_file(sample_path, layer="areas").head(20)
    areas.to_crs(4326).to_file(tmp_path / "wgs84.gpkg")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:buildfactors", {"AREAS": str(tmp_path / "wgs84.gpkg"), "AREA_ID": "area_code",
                                                     "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "geographic CRS" in str(raised.value) and "EPSG:4326" in str(raised.value)
    table = pd.DataFrame({"code": list(areas["area_code"]) + [areas["area_code"].iloc[0]], "v": range(21)})
    table.to_csv(tmp_path / "dupes.csv", index=False)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:buildfactors", {"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
                                                     "TABLES": [str(tmp_path / "dupes.csv")], "TABLE_KEYS": "code",
                                                     "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "duplicate codes" in str(raised.value) and "dupes" in str(raised.value)
    assert not (tmp_path / "o.gpkg").exists()


def test_report_names_factors_by_their_aliases_from_the_default_style(counts_layer, tmp_path):
    """A field's alias (its readable name, kept in the .qml beside the file) names it in the report."""
    import shutil

    source = tmp_path / "factors.gpkg"
    shutil.copy(counts_layer, source)
    layer = QgsVectorLayer(str(source), "factors", "ogr")
    layer.setFieldAlias(layer.fields().lookupField("pct_bad_health"), "People in bad or very bad health (%)")
    assert layer.saveNamedStyle(str(tmp_path / "factors.qml"))[1]
    run_algorithm("communityrisk:fitfireriskmodel", {
        "INPUT": str(source), "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households", "YEARS": 8,
        "OUTPUT": str(tmp_path / "risk.gpkg"), "REPORT": str(tmp_path / "report.html")})
    html = (tmp_path / "report.html").read_text()
    assert "People in bad or very bad health (%)" in html and "pct_bad_health" in html
