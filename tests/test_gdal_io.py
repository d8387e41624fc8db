"""Raster and table I/O through QGIS's own GDAL (processing/analysis/gdal_io.py), on small hand-made files whose
answers are known cell by cell."""
import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr, osr

from community_risk.processing.analysis.gdal_io import (
    gdal_exceptions, north_up, read_attribute_table, write_geotiff, zonal_statistics)
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.processing.analysis.readers import read_table_file

NODATA = -9999.0


def british_grid():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    return srs.ExportToWkt()


def four_by_four(path, values, nodata=NODATA):
    """A 4 x 4 raster of 10 m cells whose top-left corner is (1000, 2040)."""
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 4, 4, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform(north_up((1000, 2040), 10))
    dataset.SetProjection(british_grid())
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(np.asarray(values, dtype="float32"))
    dataset = None
    return str(path)


VALUES = [[1, 2, 3, 4],
          [5, 6, 7, 8],
          [9, 10, NODATA, 12],
          [13, 14, np.nan, 16]]


def test_zonal_mean_and_sum_take_the_cells_whose_centres_are_inside(tmp_path):
    raster = four_by_four(tmp_path / "r.tif", VALUES)
    areas = [
        shapely.box(1000, 2020, 1020, 2040),  # top-left 2 x 2: 1, 2, 5, 6
        shapely.box(1018, 2000, 1040, 2022),  # bottom-right 2 x 2: nodata and NaN left out -> 12, 16
        shapely.box(1031, 2031, 1034, 2034),  # smaller than a cell: the cell under its centroid (4)
        None,  # a missing geometry
        shapely.box(5000, 5000, 5010, 5010),  # outside the raster
        shapely.box(1022, 2002, 1028, 2008),  # smaller than a cell, over the NaN cell: nothing
    ]
    mean, total = zonal_statistics(np.array(areas, dtype=object), raster)
    np.testing.assert_allclose(mean, [3.5, 14, 4, np.nan, np.nan, np.nan])
    np.testing.assert_allclose(total, [14, 28, 4, np.nan, np.nan, np.nan])


def test_zonal_statistics_of_overlapping_areas_gives_a_shared_cell_to_the_later_one(tmp_path):
    raster = four_by_four(tmp_path / "r.tif", VALUES)
    first, second = shapely.box(1000, 2030, 1020, 2040), shapely.box(1010, 2030, 1030, 2040)
    mean, total = zonal_statistics(np.array([first, second], dtype=object), raster)
    np.testing.assert_allclose(total, [1, 2 + 3])


def test_zonal_statistics_without_any_geometry_is_all_empty(tmp_path):
    raster = four_by_four(tmp_path / "r.tif", VALUES)
    mean, total = zonal_statistics(np.array([None, None], dtype=object), raster)
    assert np.isnan(mean).all() and np.isnan(total).all()


def test_zonal_statistics_of_a_file_that_is_no_raster_raises(tmp_path):
    path = tmp_path / "not.tif"
    path.write_text("not a raster")
    with pytest.raises(RuntimeError):
        zonal_statistics(np.array([shapely.box(0, 0, 1, 1)], dtype=object), str(path))


def test_write_geotiff_clips_to_the_boundary_and_keeps_crs_units_and_tags(tmp_path):
    out = tmp_path / "heat.tif"
    grid = np.arange(16, dtype=float).reshape(4, 4)
    clip = shapely.box(1000, 2020, 1040, 2040)  # the top two rows' centres
    write_geotiff(out, grid, north_up((1000, 2040), 10), british_grid(), NODATA, clip=clip,
                  description="fires per km²", tags={"units": "points per square kilometre", "kernel": "quartic"})
    dataset = gdal.Open(str(out))
    band = dataset.GetRasterBand(1)
    written = band.ReadAsArray()
    np.testing.assert_array_equal(written[:2], grid[:2])
    assert (written[2:] == NODATA).all()
    assert band.GetNoDataValue() == NODATA and band.DataType == gdal.GDT_Float32
    assert band.GetDescription() == "fires per km²"
    assert dataset.GetMetadata()["units"] == "points per square kilometre"
    assert dataset.GetGeoTransform() == (1000.0, 10.0, 0.0, 2040.0, 0.0, -10.0)
    assert osr.SpatialReference(wkt=dataset.GetProjection()).GetAuthorityCode(None) == "27700"
    assert dataset.GetMetadata("IMAGE_STRUCTURE").get("COMPRESSION") == "DEFLATE"
    np.testing.assert_array_equal(grid, np.arange(16).reshape(4, 4))  # the caller's grid is left as it was


def test_gdal_exceptions_restore_the_process_setting_even_after_an_error():
    gdal.DontUseExceptions()
    ogr.DontUseExceptions()
    with pytest.raises(RuntimeError):
        with gdal_exceptions() as (inner_gdal, _):
            assert inner_gdal.GetUseExceptions()
            inner_gdal.Open("/no/such/file.tif")
    assert not gdal.GetUseExceptions() and not ogr.GetUseExceptions()
    with gdal_exceptions():
        with gdal_exceptions():
            pass
        assert gdal.GetUseExceptions() and ogr.GetUseExceptions()  # an inner use leaves the outer one's
    assert not gdal.GetUseExceptions()


def council_geopackage(path):
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("extract", geom_type=ogr.wkbPoint)
    for name, kind in (("UPRN", ogr.OFTInteger64), ("Address", ogr.OFTString), ("rooms", ogr.OFTInteger),
                       ("rent", ogr.OFTReal), ("since", ogr.OFTDate), ("seen", ogr.OFTDateTime)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    rows = [(100023336956, "Flat 2, 5 Milner Road", 3, 650.5, (2019, 4, 1), (2020, 1, 2, 13, 45, 7)),
            (None, "Tŷ Coch, Heol y Bont", None, None, None, None)]
    for uprn, address, rooms, rent, since, seen in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        if uprn is not None:
            feature.SetField("UPRN", uprn)
        feature.SetField("Address", address)
        if rooms is not None:
            feature.SetField("rooms", rooms)
            feature.SetField("rent", rent)
            feature.SetField("since", *since, 0, 0, 0, 0)
            feature.SetField("seen", *seen, 0)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (530000 180000)"))
        layer.CreateFeature(feature)
    source = None
    return str(path)


def test_a_vector_table_reads_as_text_with_empty_cells_empty(tmp_path):
    frame = read_attribute_table(council_geopackage(tmp_path / "extract.gpkg"))
    assert list(frame.columns) == ["UPRN", "Address", "rooms", "rent", "since", "seen"]
    assert frame.iloc[0].tolist() == ["100023336956", "Flat 2, 5 Milner Road", "3", "650.5", "2019-04-01",
                                      "2020-01-02 13:45:07"]
    assert frame.iloc[1].tolist() == ["", "Tŷ Coch, Heol y Bont", "", "", "", ""]


def test_council_exports_read_a_geopackage_by_its_content(tmp_path):
    path = council_geopackage(tmp_path / "extract.gpkg")
    misnamed = tmp_path / "extract.dat"
    misnamed.write_bytes(open(path, "rb").read())
    frame = read_table_file(str(misnamed))
    assert frame["UPRN"].tolist() == ["100023336956", ""]


def test_a_damaged_geopackage_is_named_in_the_message(tmp_path):
    path = tmp_path / "broken.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(AnalysisError, match="broken.gpkg"):
        read_table_file(str(path))
