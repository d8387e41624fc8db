"""The bulk GeoPackage fill (issue 13): loadepc's homes written by SQLite in one transaction, with a packed
spatial index. The file must read exactly as QGIS's own writer makes it, its index must pass SQLite's own check
and answer queries as a brute-force search does, GDAL must go on editing it, and a fill that fails or is
cancelled half-way must leave the layer as it was."""
import hashlib
import os
import sqlite3

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from community_risk.processing.algorithms import load_epc
from community_risk.processing.analysis.geopackage_fill import fill_point_layer
from community_risk.processing.analysis.messages import AnalysisError
from helpers import cancelling_feedback, run_algorithm


def empty_point_layer(path, name="homes", epsg=27700):
    """An empty point layer with a spatial index, made by the GDAL QGIS runs (as a Processing sink makes it)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer(name, srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    dataset = None
    return str(path)


def batches_of(labels, values, x, y, size):
    for start in range(0, len(x), size):
        part = slice(start, start + size)
        yield [list(labels[part]), list(values[part])], np.asarray(x[part], float), np.asarray(y[part], float)


def random_points(n, seed=1):
    generator = np.random.default_rng(seed)
    x = 530000 + generator.random(n) * 5000.123
    y = 180000 + generator.random(n) * 5000.321
    x[::7] = np.nan  # every seventh has no point
    return x, y


def fill(path, n, size=1000, seed=1):
    x, y = random_points(n, seed)
    labels = ["home {}".format(k) for k in range(n)]
    values = [float(k) if k % 5 else None for k in range(n)]
    written = fill_point_layer(path, "homes", ["label", "value"], batches_of(labels, values, x, y, size))
    return written, x, y


@pytest.mark.parametrize("n", [0, 1, 51, 52, 60, 2602, 20000])
def test_packed_index_passes_sqlites_check_and_answers_like_a_brute_force_search(tmp_path, n):
    path = empty_point_layer(tmp_path / "homes.gpkg")
    written, x, y = fill(path, n, size=997)
    database = sqlite3.connect(path)
    assert written == n == database.execute("SELECT count(*) FROM homes").fetchone()[0]
    assert database.execute("SELECT rtreecheck('rtree_homes_geom')").fetchone()[0] == "ok"
    placed = np.flatnonzero(np.isfinite(x))
    assert database.execute("SELECT count(*) FROM rtree_homes_geom").fetchone()[0] == len(placed)
    for box in ((531000, 181000, 532500, 183000), (529000, 179000, 540000, 190000), (534000, 184000, 534100, 184100)):
        found = {r[0] for r in database.execute("SELECT id FROM rtree_homes_geom WHERE maxx >= ? AND minx <= ? AND "
                                                "maxy >= ? AND miny <= ?", (box[0], box[2], box[1], box[3]))}
        inside = {int(k) + 1 for k in placed if box[0] <= x[k] <= box[2] and box[1] <= y[k] <= box[3]}
        assert inside <= found and len(found - inside) <= 2  # float32 bounds: only points on the edge may join


def test_rows_geometries_count_and_extent_read_back_through_gdal(tmp_path):
    from osgeo import ogr

    path = empty_point_layer(tmp_path / "homes.gpkg")
    _, x, y = fill(path, 300)
    dataset = ogr.Open(path)
    layer = dataset.GetLayer("homes")
    assert layer.GetFeatureCount() == 300
    placed = np.isfinite(x)
    assert layer.GetExtent() == pytest.approx((x[placed].min(), x[placed].max(), y[placed].min(), y[placed].max()))
    for feature in layer:
        k = feature.GetFID() - 1
        assert feature.GetField("label") == "home {}".format(k)
        assert feature.IsFieldNull("value") == (k % 5 == 0)
        geometry = feature.GetGeometryRef()
        assert (geometry is None) == (not placed[k])
        if geometry is not None:
            assert (geometry.GetX(), geometry.GetY()) == (x[k], y[k])  # exact: the doubles are written as they are
    layer.SetSpatialFilterRect(531000, 181000, 532000, 182000)
    inside = {k + 1 for k in np.flatnonzero(placed) if 531000 <= x[k] <= 532000 and 181000 <= y[k] <= 182000}
    assert {f.GetFID() for f in layer} == inside


def test_gdal_goes_on_editing_the_filled_layer_and_its_index(tmp_path):
    from osgeo import ogr

    path = empty_point_layer(tmp_path / "homes.gpkg")
    fill(path, 500)
    dataset = ogr.Open(path, 1)
    layer = dataset.GetLayer("homes")
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("label", "added")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (600000 100000)"))
    assert layer.CreateFeature(feature) == 0 and feature.GetFID() == 501
    assert layer.DeleteFeature(3) == 0
    dataset = None
    database = sqlite3.connect(path)
    assert database.execute("SELECT rtreecheck('rtree_homes_geom')").fetchone()[0] == "ok"
    assert database.execute("SELECT count(*) FROM rtree_homes_geom WHERE id = 501").fetchone()[0] == 1
    assert database.execute("SELECT count(*) FROM rtree_homes_geom WHERE id = 3").fetchone()[0] == 0
    assert database.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()[0] == 500


def test_a_fill_that_stops_half_way_leaves_the_layer_empty_and_whole(tmp_path):
    path = empty_point_layer(tmp_path / "homes.gpkg")
    database = sqlite3.connect(path)
    schema = database.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    database.close()
    x, y = random_points(5000)

    def cancelled_after_two_batches():
        for k, batch in enumerate(batches_of(["h"] * 5000, [1.0] * 5000, x, y, 1000)):
            if k == 2:
                raise RuntimeError("Cancelled")
            yield batch
    with pytest.raises(RuntimeError, match="Cancelled"):
        fill_point_layer(path, "homes", ["label", "value"], cancelled_after_two_batches())
    database = sqlite3.connect(path)
    assert database.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert database.execute("SELECT count(*) FROM homes").fetchone()[0] == 0
    assert database.execute("SELECT count(*) FROM rtree_homes_geom").fetchone()[0] == 0
    assert database.execute("SELECT rtreecheck('rtree_homes_geom')").fetchone()[0] == "ok"
    database.close()
    written, _, _ = fill(path, 100)  # and it can still be filled
    assert written == 100


def test_a_layer_that_is_not_empty_or_not_points_is_refused(tmp_path):
    path = empty_point_layer(tmp_path / "homes.gpkg")
    fill(path, 10)
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    with pytest.raises(AnalysisError, match="not empty"):
        fill(path, 10)
    with pytest.raises(AnalysisError, match="not a point layer"):
        fill_point_layer(path, "elsewhere", ["label"], iter([]))
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before


# --- through the algorithm -------------------------------------------------------------------------------------

def certificates_with_odd_cells(sample_path, tmp_path):
    import geopandas as gpd

    from community_risk.synthetic import epc_certificates

    postcodes = gpd.read_file(sample_path, layer="postcodes")
    frame = epc_certificates.generate_certificates(postcodes, None, n_homes=700).astype(str)
    frame.loc[frame.index[:4], ["POSTCODE", "UPRN"]] = ["ZZ9 9ZZ", ""]  # no such postcode: kept without a point
    frame.loc[frame.index[4:8], "CURRENT_ENERGY_RATING"] = "INVALID!"  # NULL rating and band_fg
    frame.loc[frame.index[8:10], "CURRENT_ENERGY_EFFICIENCY"] = ["", "nan"]  # NULL efficiency
    frame.loc[frame.index[10], "ADDRESS1"] = "=HYPERLINK(\"http://x\",\"click\")"
    frame.loc[frame.index[11], "ADDRESS1"] = "Flat 1, Café Row \u2013 \u00e5"
    path = tmp_path / "certificates.csv"
    frame.to_csv(path, index=False)
    return str(path)


def layer_contents(path):
    """Everything a reader sees: the rows (values and SQLite types), the layer's metadata and its index."""
    return layer_contents_of(path, sqlite3.connect(path).execute("SELECT table_name FROM gpkg_contents").fetchone()[0])


def layer_contents_of(path, table):
    database = sqlite3.connect(path)
    columns = [r[1] for r in database.execute('PRAGMA table_info("{}")'.format(table))]
    rows = database.execute('SELECT {} FROM "{}" ORDER BY fid'.format(
        ", ".join('"{0}", typeof("{0}")'.format(c) for c in columns), table)).fetchall()
    metadata = (columns, database.execute("SELECT data_type, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents "
                                          "WHERE table_name = ?", (table,)).fetchall(),
                database.execute("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns "
                                 "WHERE table_name = ?", (table,)).fetchall(),
                database.execute("SELECT extension_name FROM gpkg_extensions WHERE table_name = ?", (table,)).fetchall(),
                sorted(r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                                      "tbl_name = ?", (table,))))
    index = database.execute('SELECT id FROM "rtree_{}_geom" ORDER BY id'.format(table)).fetchall()
    check = database.execute("SELECT rtreecheck('rtree_{}_geom')".format(table)).fetchone()[0]
    return rows, metadata, index, check


def test_bulk_fill_writes_what_qgis_writes_feature_by_feature(sample_path, tmp_path, monkeypatch):
    path = certificates_with_odd_cells(sample_path, tmp_path)
    params = {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode"}
    bulk = run_algorithm("communityrisk:loadepc", dict(params, OUTPUT=str(tmp_path / "homes.gpkg")))
    filled = []
    original = load_epc.fill_geopackage
    monkeypatch.setattr(load_epc, "fill_geopackage", lambda *args: filled.append(1) or original(*args))
    monkeypatch.setattr(load_epc, "bulk_fillable", lambda dest_id: False)
    os.makedirs(tmp_path / "qgis")
    by_feature = run_algorithm("communityrisk:loadepc", dict(params, OUTPUT=str(tmp_path / "qgis" / "homes.gpkg")))
    assert not filled and bulk["UNPLACED"] == by_feature["UNPLACED"] >= 1
    rows, metadata, index, check = layer_contents(str(tmp_path / "homes.gpkg"))
    assert check == "ok" and len(rows) == 700
    qgis_rows, qgis_metadata, qgis_index, _ = layer_contents(str(tmp_path / "qgis" / "homes.gpkg"))
    # QGIS's writer gives a home without a point an empty point (header flag 0x10); the bulk fill, as GDAL's CSV
    # import did before it, leaves the geometry NULL
    empty = [row[0] for row in qgis_rows if row[2] is not None and row[2][3] & 0x10]
    assert len(empty) == bulk["UNPLACED"] == sum(row[2] is None for row in rows)
    qgis_rows = [row[:2] + (None, "null") + row[4:] if row[0] in empty else row for row in qgis_rows]
    assert rows == qgis_rows and index == qgis_index
    assert metadata[0] == qgis_metadata[0] and metadata[2:] == qgis_metadata[2:]
    assert metadata[1][0][:5] == pytest.approx(qgis_metadata[1][0][:5]) and metadata[1][0][5] == 27700
    assert os.path.exists(tmp_path / "homes.qml")


def test_cancel_while_writing_keeps_the_earlier_result(sample_path, tmp_path):
    path = certificates_with_odd_cells(sample_path, tmp_path)
    output = tmp_path / "homes.gpkg"
    params = {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
              "OUTPUT": str(output)}
    run_algorithm("communityrisk:loadepc", params)
    before = hashlib.sha256(output.read_bytes()).hexdigest()
    pd.read_csv(path, dtype=str).head(300).to_csv(path, index=False)  # a different result, were it to land
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:loadepc", params, feedback=cancelling_feedback(90))  # writing: the last 20%
    assert hashlib.sha256(output.read_bytes()).hexdigest() == before
    assert sorted(os.listdir(tmp_path)) == ["certificates.csv", "homes.gpkg", "homes.qml"]


def test_a_new_layer_in_an_existing_geopackage_leaves_its_other_layers_alone(sample_path, tmp_path, monkeypatch):
    import shutil

    filled = []
    original = load_epc.fill_geopackage
    monkeypatch.setattr(load_epc, "fill_geopackage", lambda *args: filled.append(args[-1]) or original(*args))

    path = certificates_with_odd_cells(sample_path, tmp_path)
    database_path = str(tmp_path / "borough.gpkg")
    shutil.copy(sample_path, database_path)

    def other_layers():
        database = sqlite3.connect(database_path)
        tables = [r[0] for r in database.execute("SELECT table_name FROM gpkg_contents WHERE table_name <> 'homes' "
                                                 "ORDER BY table_name")]
        contents = {t: hashlib.sha256(repr(database.execute('SELECT * FROM "{}"'.format(t)).fetchall()).encode())
                    .hexdigest() for t in tables}
        database.close()
        return contents
    before = other_layers()
    run_algorithm("communityrisk:loadepc", {
        "INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
        "OUTPUT": "ogr:dbname='{}' table=\"homes\" (geom)".format(database_path)})
    assert filled and filled[0].endswith("layername=homes")  # the bulk fill, into that layer only
    assert other_layers() == before and len(before) > 3
    rows, metadata, index, check = layer_contents_of(database_path, "homes")
    assert len(rows) == 700 and check == "ok" and len(index) == sum(row[2] is not None for row in rows)


# --- columns of a few values, sent as one code a row --------------------------------------------------------------

FEW = (("rating", tuple("ABCDEFG")), ("flag", (0, 1)), ("kind", ("gas", "it's other", "none")))


def every_combination():
    import itertools

    return list(itertools.product(*[(None,) + values for _, values in FEW]))


def test_codes_made_by_duckdb_or_sqlite_read_back_as_every_combination_of_values():
    import duckdb

    from community_risk.processing.analysis.geopackage_fill import CodedColumns

    coded = CodedColumns(FEW)
    rows = every_combination()
    assert len(rows) == 8 * 3 * 4
    database = sqlite3.connect(":memory:")
    from_sqlite = [database.execute("SELECT " + coded.code_sql(["?1", "?2", "?3"]), row).fetchone()[0] for row in rows]
    duck = duckdb.connect()
    from_duckdb = [duck.execute("SELECT " + coded.code_sql(["$1", "CAST($2 AS INTEGER)", "$3"]), list(row)
                                ).fetchone()[0] for row in rows]
    assert from_duckdb == from_sqlite and len(set(from_sqlite)) == len(rows)
    back = "SELECT {0}, typeof({1}) FROM (SELECT ? AS code)".format(", ".join(coded.value_sql("code")),
                                                                    coded.value_sql("code")[1])
    decoded = [database.execute(back, (code,)).fetchone() for code in from_sqlite]
    assert [row[:3] for row in decoded] == rows
    assert {row[3] for row in decoded} == {"integer", "null"}


def test_a_value_outside_its_columns_values_has_no_code():
    import duckdb

    from community_risk.processing.analysis.geopackage_fill import CodedColumns

    code = CodedColumns(FEW).code_sql(["rating", "flag", "kind"])
    assert duckdb.connect().execute("SELECT {} FROM (VALUES ('H', 0, 'gas')) AS t(rating, flag, kind)".format(
        code)).fetchone() == (None,)
    with pytest.raises(TypeError):
        CodedColumns((("ratio", (0.5, 1.0)),))


def test_coded_columns_are_written_as_the_values_themselves(tmp_path):
    from community_risk.processing.analysis.geopackage_fill import CodedColumns

    coded = CodedColumns(FEW)
    rows = every_combination() * 3
    n = len(rows)
    x, y = random_points(n)
    database = sqlite3.connect(":memory:")
    code = coded.code_sql(["?1", "?2", "?3"])
    codes = [database.execute("SELECT " + code, row).fetchone()[0] for row in rows]
    labels = ["home {}".format(k) for k in range(n)]
    path = empty_point_layer(tmp_path / "homes.gpkg")
    database = sqlite3.connect(path)
    for name, kind in (("rating", "TEXT"), ("flag", "INTEGER"), ("kind", "TEXT")):
        database.execute("ALTER TABLE homes ADD COLUMN {} {}".format(name, kind))
    database.commit()
    database.close()
    values = [None if k % 4 == 0 else k / 3 for k in range(n)]
    batches = ((columns[:2] + [columns[2]], x_part, y_part) for columns, x_part, y_part in
               batches_of_columns([labels, values, codes], x, y, 50))
    assert fill_point_layer(path, "homes", ["label", "value"], batches, coded) == n
    database = sqlite3.connect(path)
    assert database.execute("SELECT rating, flag, kind FROM homes ORDER BY fid").fetchall() == rows
    assert database.execute("SELECT label, value FROM homes ORDER BY fid").fetchall() == list(zip(labels, values))
    assert database.execute("SELECT count(*) FROM homes WHERE flag IS NOT NULL AND typeof(flag) <> 'integer'"
                            ).fetchone()[0] == 0
    assert database.execute("SELECT rtreecheck('rtree_homes_geom')").fetchone()[0] == "ok"


def batches_of_columns(columns, x, y, size):
    for start in range(0, len(x), size):
        part = slice(start, start + size)
        yield [list(c[part]) for c in columns], np.asarray(x[part], float), np.asarray(y[part], float)


def test_a_row_without_a_code_stops_the_fill_and_leaves_the_layer_empty(tmp_path):
    from community_risk.processing.analysis.geopackage_fill import CodedColumns

    path = empty_point_layer(tmp_path / "homes.gpkg")
    database = sqlite3.connect(path)
    database.execute("ALTER TABLE homes ADD COLUMN rating TEXT")
    database.commit()
    database.close()
    coded = CodedColumns(FEW[:1])
    x, y = random_points(100)
    codes = [k % 8 for k in range(100)]
    codes[70] = None
    with pytest.raises(ValueError, match="coded"):
        fill_point_layer(path, "homes", ["label"], batches_of_columns([["h"] * 100, codes], x, y, 30), coded)
    database = sqlite3.connect(path)
    assert database.execute("SELECT count(*) FROM homes").fetchone()[0] == 0
