"""communityrisk:countincidents on the sample borough, on hand-made edge cases, and on bad input."""
import os

import numpy as np
import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from helpers import cancelling_feedback, london_file, memory_layer, points, run_algorithm, two_squares

ALG = "communityrisk:countincidents"


def read_table(path):
    import pyogrio

    return pyogrio.read_dataframe(path, read_geometry=False)


def sample_params(sample_path, output, **extra):
    params = {
        "AREAS": sample_path + "|layername=areas",
        "AREA_ID": "area_code",
        "INCIDENTS": sample_path + "|layername=incidents",
        "OUTPUT": str(output),
    }
    params.update(extra)
    return params


def truth_counts(truth, years=None):
    return {code: sum(n for y, n in per_year.items() if years is None or int(y) in years)
            for code, per_year in truth["counts"].items()}


def test_counts_per_area_and_year_equal_the_generators_truth(provider, sample_path, sample_truth, tmp_path):
    out = tmp_path / "counts.gpkg"
    result = run_algorithm(ALG, sample_params(sample_path, out, DATE_FIELD="date", PER_YEAR=True))
    table = read_table(str(out)).set_index("area_code")
    expected = truth_counts(sample_truth)
    assert table["incidents"].to_dict() == expected
    for year in sample_truth["years"]:
        column = "incidents_{}".format(year)
        assert table[column].to_dict() == {c: v[str(year)] for c, v in sample_truth["counts"].items()}
    assert result["COUNTED"] == sum(expected.values())
    assert result["OUTSIDE"] == sample_truth["incidents_outside_borough"] == 6
    # the areas' own fields travel with the counts
    assert {"area_name", "households", "imd_score"} <= set(table.columns)


def test_date_window_counts_only_the_window(provider, sample_path, sample_truth, tmp_path):
    out = tmp_path / "window.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out, DATE_FIELD="date", START_DATE="2012-01-01",
                                     END_DATE="2014-12-31", PER_YEAR=True))
    table = read_table(str(out)).set_index("area_code")
    assert table["incidents"].to_dict() == truth_counts(sample_truth, years={2012, 2013, 2014})
    assert [c for c in table.columns if c.startswith("incidents_")] == \
        ["incidents_2012", "incidents_2013", "incidents_2014"]


def test_filter_expression_matches_an_independent_geopandas_count(provider, sample_path, tmp_path):
    import geopandas as gpd

    out = tmp_path / "houses.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out, FILTER="\"property_type\" = 'House - single occupancy'"))
    ours = read_table(str(out)).set_index("area_code")["incidents"]
    areas = gpd.read_file(sample_path, layer="areas")
    fires = gpd.read_file(sample_path, layer="incidents")
    houses = fires[fires["property_type"] == "House - single occupancy"]
    joined = gpd.sjoin(houses, areas[["area_code", "geometry"]], predicate="within")
    expected = joined.groupby("area_code").size().reindex(areas["area_code"], fill_value=0)
    assert ours.sum() == len(joined) > 0
    assert (ours.reindex(expected.index) == expected).all()


def test_incidents_in_another_crs_are_reprojected(provider, sample_path, sample_truth, tmp_path):
    import geopandas as gpd

    wgs84 = tmp_path / "fires_wgs84.gpkg"
    gpd.read_file(sample_path, layer="incidents").to_crs(4326).to_file(wgs84, layer="fires")
    out = tmp_path / "counts.gpkg"
    result = run_algorithm(ALG, sample_params(sample_path, out, INCIDENTS=str(wgs84)))
    table = read_table(str(out)).set_index("area_code")
    assert table["incidents"].to_dict() == truth_counts(sample_truth)
    assert result["OUTSIDE"] == 6


def test_point_on_a_shared_boundary_is_counted_once_in_the_first_area(provider, tmp_path):
    fires = points([(100, 50, None), (50, 50, None), (150, 50, None), (100, 100, None), (500, 500, None)])
    out = tmp_path / "edge.gpkg"
    result = run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires,
                                 "OUTPUT": str(out)})
    table = read_table(str(out)).set_index("code")
    assert table["incidents"].to_dict() == {"A": 3, "B": 1}
    assert result["COUNTED"] == 4 and result["OUTSIDE"] == 1


def test_text_dates_in_iso_and_uk_form_and_missing_dates(provider, tmp_path):
    fires = points([(10, 10, "2015-03-01"), (20, 20, "31/12/2015"), (150, 50, "2016-01-01T08:30:00"),
                    (160, 50, None), (170, 50, "")])
    out = tmp_path / "dates.gpkg"
    run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires, "DATE_FIELD": "when",
                        "PER_YEAR": True, "OUTPUT": str(out)})
    table = read_table(str(out)).set_index("code")
    assert table.loc["A", ["incidents", "incidents_2015", "incidents_2016"]].tolist() == [2, 2, 0]
    assert table.loc["B", ["incidents", "incidents_2015", "incidents_2016"]].tolist() == [1, 0, 1]


def test_existing_incidents_field_is_replaced_not_duplicated(provider, tmp_path):
    areas = memory_layer("Polygon", "areas", [("code", QVariant.String), ("incidents", QVariant.Int)],
                         [("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["A", 99])])
    out = tmp_path / "again.gpkg"
    run_algorithm(ALG, {"AREAS": areas, "AREA_ID": "code", "INCIDENTS": points([(5, 5, None)]),
                        "OUTPUT": str(out)})
    table = read_table(str(out))
    assert list(table.columns) == ["code", "incidents"]
    assert table["incidents"].tolist() == [1]


def test_cancel_stops_before_anything_is_written(provider, sample_path, tmp_path):
    out = tmp_path / "cancelled.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled: nothing was written"):
        run_algorithm(ALG, sample_params(sample_path, out), feedback=cancelling_feedback(1))
    assert os.listdir(tmp_path) == []  # no output and no partial file left behind


def test_progress_reaches_100(provider, sample_path, tmp_path):
    seen = []

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(seen.append)  # the signal sees the steps' progress too
    run_algorithm(ALG, sample_params(sample_path, tmp_path / "p.gpkg"), feedback=feedback)
    assert seen[-1] == 100 and seen == sorted(seen)


# --- bad input: a clear message naming the layer or field, and no output file ---

def bad_input_cases():
    good_areas = two_squares
    return {
        "empty incident layer": (
            lambda: {"AREAS": good_areas(), "INCIDENTS": points([], name="no_fires")},
            ["incident layer", "no_fires", "empty"]),
        "empty area layer": (
            lambda: {"AREAS": memory_layer("Polygon", "no_areas", [("code", QVariant.String)], []),
                     "INCIDENTS": points([(5, 5, None)])},
            ["area layer", "no_areas", "empty"]),
        "areas that are points": (
            lambda: {"AREAS": memory_layer("Point", "area_points", [("code", QVariant.String)],
                                           [("POINT(1 1)", ["A"])]),
                     "INCIDENTS": points([(5, 5, None)])},
            ["area layer", "area_points", "points", "polygons"]),
        "missing id field": (
            lambda: {"AREAS": good_areas(), "AREA_ID": "LSOA11CD", "INCIDENTS": points([(5, 5, None)])},
            ["area layer", "squares", "LSOA11CD", "code"]),
        "duplicate area ids": (
            lambda: {"AREAS": two_squares(ids=("E01000001", "E01000001")), "INCIDENTS": points([(5, 5, None)])},
            ["squares", "code", "duplicate", "E01000001"]),
        "date field that does not parse": (
            lambda: {"AREAS": good_areas(), "INCIDENTS": points([(5, 5, "2015-01-01"), (6, 6, "last Tuesday")]),
                     "DATE_FIELD": "when"},
            ["date field", "when", "fires", "last Tuesday"]),
        "missing date field": (
            lambda: {"AREAS": good_areas(), "INCIDENTS": points([(5, 5, "2015-01-01")]), "DATE_FIELD": "date"},
            ["incident layer", "fires", "date"]),
        "per-year without a date field": (
            lambda: {"AREAS": good_areas(), "INCIDENTS": points([(5, 5, "2015-01-01")]), "PER_YEAR": True},
            ["date field", "fires"]),
        "invalid filter": (
            lambda: {"AREAS": good_areas(), "INCIDENTS": points([(5, 5, None)]), "FILTER": "\"when\" = ("},
            ["filter", "fires"]),
    }


@pytest.mark.parametrize("case", sorted(bad_input_cases()))
def test_bad_input_is_refused_with_a_message_naming_the_culprit(provider, tmp_path, case):
    make, words = bad_input_cases()[case]
    params = {"AREA_ID": "code", "OUTPUT": str(tmp_path / "out.gpkg")}
    params.update(make())
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, params)
    message = str(raised.value)
    for word in words:
        assert word in message, (word, message)
    assert not os.path.exists(tmp_path / "out.gpkg")


def test_output_is_styled_as_five_graduated_classes_when_loaded(provider, sample_path, tmp_path):
    from qgis.core import QgsGraduatedSymbolRenderer

    from community_risk.processing.algorithms.styling import GraduatedStyle

    out = tmp_path / "styled.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out))
    layer = QgsVectorLayer(str(out), "counts", "ogr")
    GraduatedStyle("incidents", "Incidents").postProcessLayer(layer, None, None)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "incidents"
    assert len(renderer.ranges()) == 5
    values = np.array([f["incidents"] for f in layer.getFeatures()])
    assert renderer.ranges()[0].lowerValue() == values.min()
    assert renderer.ranges()[-1].upperValue() == values.max()


# --- issue 13: a GeoPackage of points is read in one query ------------------------------------------------------

def geopackage_of_points(path, coordinates):
    """A GeoPackage point layer 'fires' written by QGIS's own GDAL: (x, y) per feature, None for no geometry,
    'empty' for an empty point."""
    from osgeo import ogr, osr

    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    layer = dataset.CreateLayer("fires", srs, ogr.wkbPoint)
    for value in coordinates:
        feature = ogr.Feature(layer.GetLayerDefn())
        if value == "empty":
            feature.SetGeometry(ogr.Geometry(ogr.wkbPoint))
        elif value is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(*value)))
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


def test_geopackage_points_are_read_with_missing_and_empty_points_as_nan(tmp_path):
    from community_risk.processing.analysis.counting import geopackage_points

    path = geopackage_of_points(tmp_path / "fires.gpkg", [(10.5, 20.25), None, "empty", (150, 50)])
    x, y = geopackage_points(path, "fires")
    assert np.array_equal(x, [10.5, np.nan, np.nan, 150], equal_nan=True)
    assert np.array_equal(y, [20.25, np.nan, np.nan, 50], equal_nan=True)
    assert geopackage_points(path, "no_such_layer") is None


def test_a_geopackage_read_directly_counts_as_qgis_reading_it_does(provider, tmp_path, monkeypatch):
    from community_risk.processing.algorithms.layers import FileLayer

    read = []
    original = FileLayer.point_coordinates
    monkeypatch.setattr(FileLayer, "point_coordinates", lambda *args: read.append(args) or original(*args))
    fires = geopackage_of_points(tmp_path / "fires.gpkg", [(10, 10), (100, 50), None, "empty", (150, 50), (500, 500)])
    direct, through_qgis = tmp_path / "direct.gpkg", tmp_path / "qgis.gpkg"
    run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires, "OUTPUT": str(direct)})
    run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires, "FILTER": "1 = 1",
                        "OUTPUT": str(through_qgis)})  # a filter makes QGIS read the features one by one
    assert len(read) == 1  # the direct read served the first run only
    assert read_table(str(direct)).set_index("code")["incidents"].to_dict() == {"A": 2, "B": 1}
    assert read_table(str(direct)).equals(read_table(str(through_qgis)))


def test_one_point_index_serves_several_assignments_with_the_same_answers():
    import shapely

    from community_risk.processing.analysis.counting import PointIndex, assign_points_to_areas

    x, y = np.array([10.0, 100.0, 150.0, np.nan, 500.0]), np.array([10.0, 50.0, 50.0, 5.0, 500.0])
    squares = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
    halves = [shapely.box(0, 0, 200, 40), None]
    index = PointIndex(x, y)
    for areas in (squares, halves):
        assert assign_points_to_areas(areas, x, y, index).tolist() == assign_points_to_areas(areas, x, y).tolist()
    assert assign_points_to_areas(squares, x, y, index).tolist() == [0, 0, 1, -1, -1]
    assert assign_points_to_areas(halves, x, y, index).tolist() == [0, -1, -1, -1, -1]


# --- issue 13: the point grid finds exactly what an STRtree predicate query finds -------------------------------

def tree_assignment(areas, x, y):
    """The reference: a GEOS STRtree of the points queried with every area ('intersects'), lowest area first."""
    import shapely

    valid = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    area, point = shapely.STRtree(shapely.points(x[valid], y[valid])).query(areas, predicate="intersects")
    result = np.full(len(x), -1)
    order = np.lexsort((area, point))
    area, point = area[order], point[order]
    first = np.ones(len(point), dtype=bool)
    first[1:] = point[1:] != point[:-1]
    result[valid[point[first]]] = area[first]
    return result


def test_the_point_grid_assigns_as_an_strtree_query_does_on_edges_holes_and_gaps():
    import shapely

    from community_risk.processing.analysis.counting import PointIndex, assign_points_to_areas

    rng = np.random.default_rng(13)
    squares = [shapely.box(x, y, x + 10, y + 10) for x in range(0, 100, 10) for y in range(0, 100, 10)]
    holed = shapely.Polygon([(0, 0), (300, 0), (300, 300), (0, 300)], [[(100, 100), (200, 100), (200, 200), (100, 200)]])
    areas = np.array(squares + [holed, None, shapely.Polygon(), shapely.box(-5, -5, 400, 5)], dtype=object)
    corners = shapely.get_coordinates(np.array(squares + [holed], dtype=object))
    x = np.concatenate([rng.uniform(-50, 350, 3000), corners[:, 0], [np.nan, 5, 5, 150, 1e6]])
    y = np.concatenate([rng.uniform(-50, 350, 3000), corners[:, 1], [5, np.nan, 5, 150, 1e6]])
    index = PointIndex(x, y)
    assert assign_points_to_areas(areas, x, y, index).tolist() == tree_assignment(areas, x, y).tolist()
    assert assign_points_to_areas(areas, x, y).tolist() == tree_assignment(areas, x, y).tolist()
    same = np.full(7, 55.0)  # every point at one place: a grid of one cell
    assert assign_points_to_areas(areas, same, same).tolist() == [55] * 7
    assert assign_points_to_areas(areas, [np.nan], [np.nan]).tolist() == [-1]


@pytest.mark.london
def test_the_point_grid_assigns_london_postcodes_as_an_strtree_query_does():
    import geopandas as gpd
    import pandas as pd
    import shapely

    from community_risk.processing.analysis.counting import PointIndex, assign_points_to_areas

    lsoas = gpd.read_file(london_file("lsoa_2011.gpkg"))
    areas = np.array(list(lsoas.geometry.array), dtype=object)
    boroughs = np.array(list(lsoas.dissolve("LAD11NM").geometry.array), dtype=object)
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"))
    x, y = postcodes["easting"].to_numpy(float), postcodes["northing"].to_numpy(float)
    vertices = shapely.get_coordinates(areas[:300])  # points on shared boundaries
    x, y = np.concatenate([x, vertices[:, 0]]), np.concatenate([y, vertices[:, 1]])
    index = PointIndex(x, y)
    for polygons in (areas, boroughs):
        found = assign_points_to_areas(polygons, x, y, index)
        assert found.tolist() == tree_assignment(polygons, x, y).tolist()
        assert (found >= 0).mean() > 0.98


def test_the_style_saved_beside_the_output_is_qgis_natural_breaks_of_the_counts(provider, sample_path, tmp_path):
    # the counts are classified from the values the algorithm holds (Fisher's exact method on distinct values), not
    # by QGIS reading the layer back: on the sample's areas (fewer than QGIS's sampling limit) both are exact Jenks
    from qgis.core import QgsClassificationJenks, QgsGraduatedSymbolRenderer

    out = tmp_path / "styled.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out))
    layer = QgsVectorLayer(str(out), "counts", "ogr")  # opens with the .qml saved beside it
    saved = layer.renderer()
    assert isinstance(saved, QgsGraduatedSymbolRenderer) and saved.classAttribute() == "incidents"
    assert os.path.exists(tmp_path / "styled.qml")
    qgis_own = QgsGraduatedSymbolRenderer("incidents")
    qgis_own.setClassificationMethod(QgsClassificationJenks())
    qgis_own.updateClasses(layer, 5)
    assert layer.featureCount() < 3000
    assert [(r.lowerValue(), r.upperValue()) for r in saved.ranges()] == \
        [(r.lowerValue(), r.upperValue()) for r in qgis_own.ranges()]
    assert [r.label() for r in saved.ranges()] == [r.label() for r in qgis_own.ranges()]
    colours = [r.symbol().color().name() for r in saved.ranges()]
    assert len(set(colours)) == len(colours)  # the ramp runs over the classes
