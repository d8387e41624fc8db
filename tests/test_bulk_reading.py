"""Issue 13: a whole GeoPackage layer is read in bulk (GDAL's Arrow stream) instead of a feature at a time, and new
columns are converted a column at a time. The bulk path must give exactly what QGIS's own reading gives, and every
source it does not fit (memory layers, other formats, subsets, selections, unsaved edits, odd field types, invalid
geometries under Processing's geometry check) must fall back to QGIS's reading."""
import math
import os

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from helpers import london_file, run_algorithm, sample_fire_risk, two_squares

LONG_TEXT = "é" * 5000 + "\u2603"


def geopackage(path, layer_name, geometry_type, fields, rows, epsg=27700):
    """A GeoPackage layer written with QGIS's own GDAL: fields [(name, OGR type)], rows (wkt or None or 'empty',
    {field: value})."""
    from osgeo import ogr, osr

    dataset = (ogr.Open(str(path), 1) if os.path.exists(path)
               else ogr.GetDriverByName("GPKG").CreateDataSource(str(path)))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = dataset.CreateLayer(layer_name, srs, geometry_type)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in values.items():
            feature[name] = value
        if wkt == "empty":
            feature.SetGeometry(ogr.Geometry(geometry_type))
        elif wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    return "{}|layername={}".format(path, layer_name)


def mixed_points(path):
    from osgeo import ogr

    return geopackage(path, "mixed", ogr.wkbPoint, [
        ("name", ogr.OFTString), ("small", ogr.OFTInteger), ("big", ogr.OFTInteger64), ("rate", ogr.OFTReal)], [
        ("POINT (1.5 2.25)", {"name": "Flat 1, Hardy Lodge", "small": 1, "big": 2 ** 40, "rate": 1.5}),
        (None, {"name": "", "small": -7}),
        ("empty", {"big": -3, "rate": -0.0}),
        ("POINT (530000 180000)", {"name": LONG_TEXT, "rate": 1e300}),
        ("POINT (-1 -1)", {"name": "=HYPERLINK(\"x\")", "small": 0, "big": 0, "rate": 0.125}),
    ])


def bulk_and_general(uri, check_validity=False):
    """AreaRecords of a layer read in bulk, and read by QGIS feature by feature."""
    from community_risk.processing.algorithms.base import CheckedSource
    from community_risk.processing.algorithms.layers import AreaRecords, FileLayer

    layer = QgsVectorLayer(uri, "layer", "ogr")
    assert layer.isValid()
    path, _, name = uri.partition("|layername=")
    checked = CheckedSource(layer, "test", "layer")
    bulk = AreaRecords(checked, QgsProcessingFeedback(), file_layer=FileLayer(path, name or None, check_validity))
    general = AreaRecords(checked, QgsProcessingFeedback())
    return bulk, general


def same_wkb(first, second):
    return [None if g is None else shapely.to_wkb(g) for g in first] == [
        None if g is None else shapely.to_wkb(g) for g in second]


def test_bulk_reading_gives_the_values_and_geometries_qgis_gives(tmp_path):
    from community_risk.processing.algorithms.base import python_value

    bulk, general = bulk_and_general(mixed_points(tmp_path / "mixed.gpkg"))
    assert bulk.read_in_bulk and not general.read_in_bulk
    assert len(bulk) == len(general) == 5
    for field in general.fields:
        assert bulk.column(field.name()) == general.column(field.name()), field.name()
    assert bulk.column("name")[:2] == ["Flat 1, Hardy Lodge", ""] and bulk.column("name")[2] is None
    assert bulk.column("name")[3] == LONG_TEXT and bulk.column("big")[0] == 2 ** 40
    assert bulk.attributes == [[python_value(v) for v in row] for row in general.attributes]
    assert same_wkb(bulk.shapely_geometries(), general.shapely_geometries())
    assert [g.isNull() for g in bulk.geometries] == [True if i == 1 else False for i in range(5)]
    assert [bytes(g.asWkb()) for g in bulk.geometries] == [bytes(g.asWkb()) for g in general.geometries]
    x, y = bulk.point_coordinates()
    assert np.array_equal(x, [1.5, np.nan, np.nan, 530000, -1], equal_nan=True)
    assert np.array_equal(y, [2.25, np.nan, np.nan, 180000, -1], equal_nan=True)
    assert general.point_coordinates() is None  # QGIS's reading: the caller takes shapely's way


def test_bulk_reading_of_real_polygons_equals_qgis_reading(sample_path):
    bulk, general = bulk_and_general(sample_path + "|layername=areas")
    assert bulk.read_in_bulk and len(bulk) == len(general) > 100
    assert bulk.attributes == [[v for v in row] for row in general.attributes]
    assert same_wkb(bulk.shapely_geometries(), general.shapely_geometries())
    # reprojected, the bulk geometries go through QGIS's transform exactly as QGIS's reading does
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    assert same_wkb(bulk.shapely_geometries(wgs84, QgsCoordinateTransformContext()),
                    general.shapely_geometries(wgs84, QgsCoordinateTransformContext()))


def test_fields_or_geometries_it_cannot_read_in_bulk_are_left_to_qgis(tmp_path):
    from osgeo import ogr

    from community_risk.processing.algorithms.layers import FileLayer

    dated = geopackage(tmp_path / "odd.gpkg", "dated", ogr.wkbPoint, [("when", ogr.OFTDate)],
                       [("POINT (1 1)", {"when": "2016-03-31"})])
    bulk, general = bulk_and_general(dated)
    assert not bulk.read_in_bulk and bulk.attributes == general.attributes
    bow_tie = geopackage(tmp_path / "odd.gpkg", "bow_tie", ogr.wkbPolygon, [("code", ogr.OFTString)], [
        ("POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))", {"code": "X"}), ("POLYGON ((0 0, 1 0, 1 1, 0 0))", {})])
    assert bulk_and_general(bow_tie)[0].read_in_bulk  # no geometry check: read as it is, repaired by the caller
    assert not bulk_and_general(bow_tie, check_validity=True)[0].read_in_bulk  # QGIS skips or refuses it
    path = str(tmp_path / "odd.gpkg")
    layer = QgsVectorLayer(bow_tie, "layer", "ogr")
    assert FileLayer(path, "bow_tie", False).read(layer.fields(), layer.featureCount() + 1) is None
    assert FileLayer(path, "dated", False).read(layer.fields(), layer.featureCount()) is None  # other fields
    assert FileLayer(path, None, False).read(layer.fields(), layer.featureCount()) is None  # which layer?
    assert FileLayer(str(tmp_path / "missing.gpkg"), None, False).read(layer.fields(), 2) is None


def plain_layer(value, context=None):
    from community_risk.processing.algorithms.layers import plain_geopackage_layer

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:countincidents")
    return plain_geopackage_layer(algorithm, {"AREAS": value}, context or QgsProcessingContext(), "AREAS")


def test_only_a_whole_geopackage_layer_as_the_file_holds_it_is_read_in_bulk(sample_path, tmp_path):
    import shutil

    copy = str(tmp_path / "sample.gpkg")  # a copy: this test opens the file for editing
    shutil.copyfile(sample_path, copy)
    areas = copy + "|layername=areas"
    found = plain_layer(areas)
    assert (found.path, found.layer_name, found.check_validity) == (copy, "areas", False)
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
    assert plain_layer(areas, context).check_validity
    assert plain_layer(QgsVectorLayer(areas, "areas", "ogr")).layer_name == "areas"
    assert plain_layer(areas + "|subset=\"households\" > 100") is None
    filtered = QgsVectorLayer(areas, "areas", "ogr")
    filtered.setSubsetString("\"households\" > 100")
    assert plain_layer(filtered) is None
    editing = QgsVectorLayer(areas, "areas", "ogr")
    editing.startEditing()
    assert plain_layer(editing) is None
    editing.rollBack()
    assert plain_layer(QgsProcessingFeatureSourceDefinition(areas, True)) is None  # selected features only
    assert plain_layer(two_squares()) is None  # a memory layer
    from qgis.core import QgsVectorFileWriter

    shapefile = str(tmp_path / "areas.shp")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    QgsVectorFileWriter.writeAsVectorFormatV3(QgsVectorLayer(areas, "a", "ogr"), shapefile,
                                              QgsProcessingContext().transformContext(), options)
    assert plain_layer(shapefile) is None


def test_new_columns_are_converted_a_column_at_a_time_with_nan_and_infinity_as_null():
    import pandas as pd

    from community_risk.processing.algorithms.layers import _converter, attribute_values

    floats = np.array([1.5, np.nan, np.inf, -np.inf, -2.75, 0.0])
    assert attribute_values(QVariant.Double, floats) == [1.5, None, None, None, -2.75, 0.0]
    assert attribute_values(QVariant.Int, floats) == [1, None, None, None, -2, 0]
    assert attribute_values(QVariant.Int, np.array([3, -4], dtype=np.int64)) == [3, -4]
    assert attribute_values(QVariant.Double, np.array([True, False])) == [1.0, 0.0]
    counts = pd.array([5, None, 7], dtype="Int64").to_numpy(dtype=float, na_value=np.nan)
    assert attribute_values(QVariant.Int, counts) == [5, None, 7]
    assert attribute_values(QVariant.Int, np.array([2.0 ** 70])) == [2 ** 70]  # as the value-by-value way
    assert attribute_values(QVariant.String, ["P1", "", None, 3]) == ["P1", None, None, "3"]
    for kind, values in ((QVariant.Int, floats), (QVariant.Double, floats), (QVariant.Int, [1, None, 2.9])):
        convert = _converter(kind)
        assert attribute_values(kind, values) == [convert(v) for v in values]
    assert all(type(v) is int for v in attribute_values(QVariant.Int, floats) if v is not None)
    assert not any(isinstance(v, float) and math.isnan(v) for v in attribute_values(QVariant.Double, floats))


def layer_contents(uri):
    """Everything a user sees of an output layer: CRS, geometry type, fields with their types, and every feature's
    attributes and geometry."""
    layer = QgsVectorLayer(uri, "output", "ogr")
    assert layer.isValid(), uri
    fields = [(f.name(), f.type(), f.typeName(), f.length(), f.precision()) for f in layer.fields()]
    features = [(f.attributes(), bytes(f.geometry().asWkb())) for f in layer.getFeatures()]
    return layer.crs().authid(), QgsWkbTypes.displayString(layer.wkbType()), fields, features


@pytest.fixture
def general_reading(monkeypatch):
    """Make every layer read by QGIS feature by feature, as before the bulk path."""
    from community_risk.processing.algorithms.layers import FileLayer

    def switch():
        monkeypatch.setattr(FileLayer, "read", lambda *args: None)
        monkeypatch.setattr(FileLayer, "point_coordinates", lambda *args: None)
    return switch


def test_priority_postcodes_read_in_bulk_writes_what_qgis_reading_writes(provider, sample_path, tmp_path,
                                                                         general_reading, monkeypatch):
    from community_risk.processing.algorithms.layers import FileLayer

    fire_risk = sample_fire_risk(sample_path, tmp_path)
    read = []
    original = FileLayer.read
    monkeypatch.setattr(FileLayer, "read", lambda *args: read.append(args[0].layer_name) or original(*args))
    outputs = []
    for run in ("bulk", "general"):
        if run == "general":
            general_reading()
        outputs.append((str(tmp_path / "{}.gpkg".format(run)), tmp_path / "visits_{}".format(run)))
        result = run_algorithm("communityrisk:prioritypostcodes", {
            "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode", "AREAS": fire_risk,
            "AREA_RISK_FIELD": "rate_10k", "P1_COUNT": 50, "P2_COUNT": 150,
            "SPLIT_AREAS": sample_path + "|layername=station_grounds", "SPLIT_FIELD": "station",
            "OUTPUT": outputs[-1][0], "VISIT_LISTS": str(outputs[-1][1])})
        assert result["P1"] == 50
    assert sorted(read, key=str) == sorted(["postcodes", None, "station_grounds"], key=str)
    (bulk, bulk_visits), (general, general_visits) = outputs
    assert layer_contents(bulk) == layer_contents(general)
    assert os.path.exists(bulk[:-5] + ".qml") and os.path.exists(general[:-5] + ".qml")
    names = sorted(os.listdir(bulk_visits))
    assert names == sorted(os.listdir(general_visits)) and "index.csv" in names and len(names) == 14
    for name in names:
        assert (bulk_visits / name).read_bytes() == (general_visits / name).read_bytes(), name


def bow_tie_areas(tmp_path):
    from osgeo import ogr

    return geopackage(tmp_path / "areas.gpkg", "areas", ogr.wkbPolygon, [("code", ogr.OFTString)], [
        ("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", {"code": "A"}),
        ("POLYGON ((100 0, 200 100, 200 0, 100 100, 100 0))", {"code": "bow-tie"}),
        (None, {"code": "no geometry"})])


def fires(tmp_path):
    from osgeo import ogr

    return geopackage(tmp_path / "fires.gpkg", "fires", ogr.wkbPoint, [("kind", ogr.OFTString)], [
        ("POINT ({} {})".format(x, y), {"kind": "dwelling"})
        for x, y in ((10, 10), (100, 50), (120, 50), (180, 50), (150, 90), (500, 500))] + [(None, {})])


def test_count_incidents_read_in_bulk_writes_what_qgis_reading_writes(provider, tmp_path, general_reading):
    areas, incidents = bow_tie_areas(tmp_path), fires(tmp_path)
    for run in ("bulk", "general"):
        if run == "general":
            general_reading()
        result = run_algorithm("communityrisk:countincidents", {
            "AREAS": areas, "AREA_ID": "code", "INCIDENTS": incidents, "OUTPUT": str(tmp_path / (run + ".gpkg"))})
        assert (result["COUNTED"], result["OUTSIDE"]) == (4, 2)
    assert layer_contents(str(tmp_path / "bulk.gpkg")) == layer_contents(str(tmp_path / "general.gpkg"))
    counts = [f.attributes()[-1] for f in QgsVectorLayer(str(tmp_path / "bulk.gpkg"), "o", "ogr").getFeatures()]
    assert counts == [2, 2, 0]  # the bow-tie repaired: (120, 50) and (180, 50) in its two triangles


def test_processing_geometry_check_still_skips_invalid_areas(provider, tmp_path, general_reading):
    import processing

    areas, incidents = bow_tie_areas(tmp_path), fires(tmp_path)
    for run in ("bulk", "general"):
        if run == "general":
            general_reading()
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
        processing.run("communityrisk:countincidents", {
            "AREAS": areas, "AREA_ID": "code", "INCIDENTS": incidents, "OUTPUT": str(tmp_path / (run + ".gpkg"))},
            context=context, feedback=QgsProcessingFeedback())
    bulk = layer_contents(str(tmp_path / "bulk.gpkg"))
    assert bulk == layer_contents(str(tmp_path / "general.gpkg"))
    assert [row[0][1] for row in bulk[3]] == ["A", "no geometry"]  # QGIS skipped the bow-tie


def test_cancel_while_reading_in_bulk_writes_nothing(provider, sample_path, tmp_path):
    from qgis.core import QgsProcessingException

    from helpers import cancelling_feedback

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:prioritypostcodes", {
            "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
            "AREAS": sample_path + "|layername=areas", "AREA_RISK_FIELD": "households",
            "OUTPUT": str(tmp_path / "p.gpkg")}, feedback=cancelling_feedback(1))
    assert os.listdir(tmp_path) == []


@pytest.mark.london
def test_london_counts_read_in_bulk_equal_qgis_reading(provider, tmp_path, general_reading):
    import geopandas as gpd
    import pandas as pd

    table = pd.read_csv(london_file("lfb_dwelling_fires_2009_2016.csv.gz"))
    points = str(tmp_path / "fires.gpkg")
    gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table["easting_rounded"], table["northing_rounded"]),
                     crs=27700).to_file(points, layer="fires")
    for run in ("bulk", "general"):
        if run == "general":
            general_reading()
        run_algorithm("communityrisk:countincidents", {"AREAS": london_file("lsoa_2011.gpkg"), "AREA_ID": "LSOA11CD",
                                                       "INCIDENTS": points, "OUTPUT": str(tmp_path / (run + ".gpkg"))})
    bulk = layer_contents(str(tmp_path / "bulk.gpkg"))
    assert bulk == layer_contents(str(tmp_path / "general.gpkg"))
    assert len(bulk[3]) == 4835 and sum(row[0][-1] for row in bulk[3]) > 50000


# --- the output GeoPackage filled by SQLite in bulk (analysis/geopackage_rows.py) ----------------------------------

def geopackage_state(path):
    """What GDAL and QGIS read of a one-layer GeoPackage, at the SQLite level: rows, spatial index, contents,
    triggers, and whether SQLite finds the R-tree sound."""
    import sqlite3

    database = sqlite3.connect(path)
    table, geometry = database.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchone()
    rtree = "rtree_{}_{}".format(table, geometry)
    state = {
        "rows": database.execute('SELECT * FROM "{}" ORDER BY 1'.format(table)).fetchall(),
        "index": database.execute('SELECT * FROM "{}" ORDER BY id'.format(rtree)).fetchall(),
        "extent": database.execute("SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents").fetchall(),
        "count": database.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchall(),
        "triggers": sorted(database.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                                            "tbl_name = ?", (table,)).fetchall()),
        "columns": database.execute('PRAGMA table_info("{}")'.format(table)).fetchall(),
        "check": database.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0]}
    database.close()
    return state


def same_but_index(bulk, qgis):
    """Everything equal, except that points are indexed packed (geopackage_fill.PackedRtree), their float32 boxes
    rounded outwards by one step where GDAL's inserts through SQLite's R-tree round by a few: each box still holds
    its point, and QGIS finds the same features through either. The extent, as GDAL writes it, within 1e-9 m."""
    assert {k: v for k, v in bulk.items() if k not in ("index", "extent")} == {
        k: v for k, v in qgis.items() if k not in ("index", "extent")}
    assert [row[0] for row in bulk["index"]] == [row[0] for row in qgis["index"]]
    ours, theirs = np.array(bulk["index"])[:, 1:], np.array(qgis["index"])[:, 1:]
    assert (ours[:, [0, 2]] >= theirs[:, [0, 2]]).all() and (ours[:, [1, 3]] <= theirs[:, [1, 3]]).all()
    assert np.allclose(np.array(bulk["extent"], dtype=float), np.array(qgis["extent"], dtype=float), rtol=0, atol=1e-9)


@pytest.fixture
def counted_fills(monkeypatch):
    from community_risk.processing.analysis import geopackage_rows

    filled = []
    original = geopackage_rows.fill_layer
    monkeypatch.setattr(geopackage_rows, "fill_layer", lambda *args, **kw: filled.append(original(*args, **kw))
                        or filled[-1])
    return filled


def qgis_writer(monkeypatch):
    from community_risk.processing.algorithms import layers

    monkeypatch.setattr(layers, "bulk_fillable", lambda *args: False)


def test_priority_postcodes_filled_in_bulk_equal_qgis_writing(provider, sample_path, tmp_path, monkeypatch,
                                                                counted_fills):
    for run in ("bulk", "qgis"):
        if run == "qgis":
            qgis_writer(monkeypatch)
        run_algorithm("communityrisk:prioritypostcodes", {
            "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
            "AREAS": sample_path + "|layername=areas", "AREA_RISK_FIELD": "households", "P1_COUNT": 50,
            "P2_COUNT": 150, "OUTPUT": str(tmp_path / run / "out.gpkg")})  # one name: triggers are named by it
    assert counted_fills == [True]
    bulk = geopackage_state(str(tmp_path / "bulk" / "out.gpkg"))
    qgis = geopackage_state(str(tmp_path / "qgis" / "out.gpkg"))
    assert bulk["check"] == "ok" and len(bulk["rows"]) > 5000 and len(bulk["index"]) == len(bulk["rows"])
    same_but_index(bulk, qgis)
    assert layer_contents(str(tmp_path / "bulk" / "out.gpkg")) == layer_contents(
        str(tmp_path / "qgis" / "out.gpkg"))
    # QGIS finds the features through the spatial index, and can edit the file afterwards (triggers restored)
    layer = QgsVectorLayer(str(tmp_path / "bulk" / "out.gpkg"), "bulk", "ogr")
    x, y = [float(v) for v in bulk["extent"][0][:2]]
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle

    box = QgsRectangle(x, y, x + 500, y + 500)
    inside = [f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(box))]
    assert inside and sorted(inside) == sorted(
        f.id() for f in layer.getFeatures() if box.contains(f.geometry().asPoint()))
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x - 1000, y - 1000)))
    assert layer.dataProvider().addFeatures([feature])[0]
    del layer
    state = geopackage_state(str(tmp_path / "bulk" / "out.gpkg"))
    assert state["count"] == [(len(bulk["rows"]) + 1,)] and state["check"] == "ok"
    assert state["extent"][0][0] == x - 1000


@pytest.mark.london
def test_london_counts_filled_in_bulk_equal_qgis_writing(provider, tmp_path, monkeypatch, counted_fills):
    points = fires(tmp_path)
    for run in ("bulk", "qgis"):
        if run == "qgis":
            qgis_writer(monkeypatch)
        run_algorithm("communityrisk:countincidents", {"AREAS": london_file("lsoa_2011.gpkg"), "AREA_ID": "LSOA11CD",
                                                       "INCIDENTS": points, "OUTPUT": str(tmp_path / run / "out.gpkg")})
    assert counted_fills == [True]
    bulk = geopackage_state(str(tmp_path / "bulk" / "out.gpkg"))
    qgis = geopackage_state(str(tmp_path / "qgis" / "out.gpkg"))
    assert bulk["check"] == "ok" and len(bulk["rows"]) == len(bulk["index"]) == 4835
    assert bulk["index"] == qgis["index"]  # areas' boxes go through SQLite's R-tree, as GDAL's do
    same_but_index(bulk, qgis)


def test_a_missing_geometry_or_another_type_is_written_by_qgis(provider, tmp_path, counted_fills):
    from community_risk.processing.analysis.geopackage_rows import fillable_geometries

    point = shapely.to_wkb(shapely.Point(1, 2))
    square = shapely.to_wkb(shapely.box(0, 0, 1, 1))
    assert fillable_geometries([point, point], 1) and fillable_geometries([square], 3)
    assert not fillable_geometries([point, None], 1)  # QGIS writes an empty geometry for none
    assert not fillable_geometries([shapely.to_wkb(shapely.Point())], 1)
    assert not fillable_geometries([square], 6)  # QGIS would make it a multipolygon
    assert not fillable_geometries([shapely.to_wkb(shapely.Point(1, 2, 3))], 1)
    assert not fillable_geometries([shapely.to_wkb(shapely.Polygon())], 3)
    run_algorithm("communityrisk:countincidents", {"AREAS": bow_tie_areas(tmp_path), "AREA_ID": "code",
                                                   "INCIDENTS": fires(tmp_path), "OUTPUT": str(tmp_path / "o.gpkg")})
    assert counted_fills == []  # an area without geometry: QGIS wrote the layer


def test_a_cancelled_fill_leaves_the_layer_as_qgis_made_it(tmp_path):
    from community_risk.processing.analysis.geopackage_rows import fill_layer
    from community_risk.processing.analysis.messages import Cancelled
    from qgis.core import QgsFields, QgsVectorFileWriter, QgsCoordinateReferenceSystem, QgsField

    fields = QgsFields()
    fields.append(QgsField("code", QVariant.String))
    path = str(tmp_path / "empty.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(path, fields, QgsWkbTypes.Point, QgsCoordinateReferenceSystem("EPSG:27700"),
                                        QgsProcessingContext().transformContext(), options)
    del writer
    before = geopackage_state(path)
    wkb = [shapely.to_wkb(shapely.Point(i, i)) for i in range(10)]
    with pytest.raises(Cancelled):
        fill_layer(path, None, wkb, 1, ["code"], [["x"] * 10], cancelled=lambda: True)
    assert geopackage_state(path) == before
    assert not fill_layer(path, None, wkb, 1, ["other"], [["x"] * 10])  # not the layer's columns: nothing written
    assert fill_layer(path, None, wkb, 1, ["code"], [[str(i) for i in range(10)]])
    assert [f["code"] for f in QgsVectorLayer(path, "x", "ogr").getFeatures()] == [str(i) for i in range(10)]


def test_a_layer_sqlite_cannot_fill_is_written_through_qgis_into_it(provider, sample_path, tmp_path, monkeypatch):
    from community_risk.processing.analysis import geopackage_rows

    parameters = {"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
                  "INCIDENTS": sample_path + "|layername=incidents"}
    run_algorithm("communityrisk:countincidents", dict(parameters, OUTPUT=str(tmp_path / "bulk" / "out.gpkg")))
    monkeypatch.setattr(geopackage_rows, "fill_layer", lambda *args, **kw: False)  # e.g. columns QGIS renamed
    run_algorithm("communityrisk:countincidents", dict(parameters, OUTPUT=str(tmp_path / "qgis" / "out.gpkg")))
    bulk = layer_contents(str(tmp_path / "bulk" / "out.gpkg"))
    assert bulk == layer_contents(str(tmp_path / "qgis" / "out.gpkg")) and len(bulk[3]) > 100
    assert os.path.exists(str(tmp_path / "qgis" / "out.qml"))
