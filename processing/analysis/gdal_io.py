"""Raster and table I/O through GDAL's own Python bindings (`osgeo`), the GDAL that QGIS itself loads.

rasterio's, pyogrio's and fiona's wheels each bundle a libgdal of their own: loaded into QGIS, that is two
GDALs in one process, a crash waiting for a driver or a PROJ database to disagree. `osgeo` ships with every
QGIS (Debian's python3-gdal, OSGeo4W's gdal), and it is GDAL, not QGIS, so this module stays QGIS-free.
"""
import math
from contextlib import contextmanager

import numpy as np


@contextmanager
def gdal_exceptions():
    """GDAL and OGR with Python exceptions, restoring the process's own setting after (QGIS's GDAL tools
    share these modules and expect theirs)."""
    from osgeo import gdal, ogr

    before = gdal.GetUseExceptions(), ogr.GetUseExceptions()
    gdal.UseExceptions()
    ogr.UseExceptions()
    try:
        yield gdal, ogr
    finally:
        # GDAL 3.6 keeps the two as a stack of error handlers: undone in reverse order
        if not before[1]:
            ogr.DontUseExceptions()
        if not before[0]:
            gdal.DontUseExceptions()


def north_up(origin, cell):
    """The GDAL geotransform of a grid whose top-left corner is `origin` with square cells of `cell`."""
    return (float(origin[0]), float(cell), 0.0, float(origin[1]), 0.0, -float(cell))


def burn_labels(geometries, geotransform, width, height):
    """An int32 grid: 1 + the index of the geometry whose interior holds each cell centre (the later one where
    they overlap), 0 elsewhere; missing geometries burn nothing. Geometries are in the grid's CRS."""
    import shapely
    from osgeo import osr

    # one and the same (local) CRS on both sides, or GDAL warns that it cannot tell whether they match
    same = osr.SpatialReference()
    same.SetLocalCS("grid")
    with gdal_exceptions() as (gdal, ogr):
        grid = gdal.GetDriverByName("MEM").Create("", int(width), int(height), 1, gdal.GDT_Int32)
        grid.SetGeoTransform(tuple(geotransform))
        grid.SetProjection(same.ExportToWkt())
        shapes = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = shapes.CreateLayer("shapes", srs=same, geom_type=ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
        definition = layer.GetLayerDefn()
        for k, wkb in enumerate(shapely.to_wkb(np.asarray(geometries, dtype=object))):
            if wkb is None:
                continue
            feature = ogr.Feature(definition)
            feature.SetField(0, k + 1)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            layer.CreateFeature(feature)
        gdal.RasterizeLayer(grid, [1], layer, options=["ATTRIBUTE=label"])
        return grid.GetRasterBand(1).ReadAsArray()


def pixel_window(geotransform, bounds, width, height):
    """(column, row, columns, rows) of the raster's cells that meet `bounds` (minx, miny, maxx, maxy), or None
    when they miss the raster or the bounds are undefined."""
    from osgeo import gdal

    if not np.all(np.isfinite(bounds)):
        return None
    inverse = gdal.InvGeoTransform(tuple(geotransform))
    corners = [gdal.ApplyGeoTransform(inverse, x, y) for x in bounds[0::2] for y in bounds[1::2]]
    columns, rows = [c[0] for c in corners], [c[1] for c in corners]
    left, top = max(0, math.floor(min(columns))), max(0, math.floor(min(rows)))
    right, bottom = min(width, math.ceil(max(columns))), min(height, math.ceil(max(rows)))
    if right <= left or bottom <= top:
        return None
    return left, top, right - left, bottom - top


def window_geotransform(geotransform, column, row):
    x0, dx, rx, y0, ry, dy = geotransform
    return (x0 + column * dx + row * rx, dx, rx, y0 + column * ry + row * dy, ry, dy)


def zonal_statistics(area_geometries, raster_path, band=1):
    """Mean and sum of a raster band's valid cells whose centres fall in each area (geometries in the
    raster's CRS). An area smaller than a cell takes the cell under its centroid. Valid: not nodata, not
    masked, finite."""
    import shapely

    areas = np.asarray(area_geometries, dtype=object)
    n = len(areas)
    sums, counts = np.zeros(n), np.zeros(n)
    present = ~shapely.is_missing(areas)
    with gdal_exceptions() as (gdal, _):
        dataset = gdal.Open(str(raster_path))
        values_band = dataset.GetRasterBand(band)
        geotransform = dataset.GetGeoTransform()
        width, height = dataset.RasterXSize, dataset.RasterYSize
        window = pixel_window(geotransform, shapely.total_bounds(areas[present]), width, height) \
            if present.any() else None
        if window is not None:
            values = values_band.ReadAsArray(*window).astype(float)
            valid = (values_band.GetMaskBand().ReadAsArray(*window) > 0) & np.isfinite(values)
            labels = burn_labels(areas, window_geotransform(geotransform, *window[:2]), *window[2:])
            keep = valid & (labels > 0)
            sums += np.bincount(labels[keep] - 1, weights=values[keep], minlength=n)
            counts += np.bincount(labels[keep] - 1, minlength=n)
        # areas that caught no cell centre: sample the cell under the centroid
        small = np.flatnonzero((counts == 0) & present)
        if len(small):
            inverse = gdal.InvGeoTransform(geotransform)
            for k, (x, y) in zip(small, shapely.get_coordinates(shapely.centroid(areas[small]))):
                value = cell_value(values_band, inverse, x, y, width, height)
                if value is not None:
                    sums[k], counts[k] = value, 1
    mean = np.divide(sums, counts, out=np.full(n, np.nan), where=counts > 0)
    return mean, np.where(counts > 0, sums, np.nan)


def cell_value(band, inverse_geotransform, x, y, width, height):
    """The band's valid value in the cell under (x, y), or None (outside the raster, nodata, masked, NaN)."""
    from osgeo import gdal

    column, row = (math.floor(p) for p in gdal.ApplyGeoTransform(inverse_geotransform, float(x), float(y)))
    if not (0 <= column < width and 0 <= row < height):
        return None
    if band.GetMaskBand().ReadAsArray(column, row, 1, 1)[0, 0] == 0:
        return None
    value = float(band.ReadAsArray(column, row, 1, 1)[0, 0])
    return value if math.isfinite(value) else None


def write_geotiff(path, grid, geotransform, crs_wkt, nodata, clip=None, description="", tags=None):
    """One float32 band, deflate-compressed. With `clip` (a geometry in the grid's CRS), cells whose centre is
    outside it take `nodata`."""
    grid = np.array(grid, dtype="float32")
    height, width = grid.shape
    if clip is not None:
        grid[burn_labels([clip], geotransform, width, height) == 0] = nodata
    with gdal_exceptions() as (gdal, _):
        dataset = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Float32,
                                                       options=["COMPRESS=DEFLATE"])
        dataset.SetGeoTransform(tuple(geotransform))
        dataset.SetProjection(crs_wkt)
        if tags:
            dataset.SetMetadata({str(k): str(v) for k, v in tags.items()})
        band = dataset.GetRasterBand(1)
        band.SetNoDataValue(float(nodata))
        band.SetDescription(description)
        band.WriteArray(grid)
        dataset.FlushCache()
        dataset = None  # closes the file: GDAL writes the header and the last blocks on close


def read_attribute_table(path):
    """The first layer of a vector file (GeoPackage, shapefile, …) as text, geometry left out: numbers as
    pandas would print them, dates in ISO form, empty values as ''."""
    import pandas as pd

    with gdal_exceptions() as (_, ogr):
        source = ogr.Open(str(path))
        layer = source.GetLayer(0)
        definition = layer.GetLayerDefn()
        fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
        text = [_field_text(ogr, field.GetType()) for field in fields]
        rows = [[text[i](feature, i) if feature.IsFieldSetAndNotNull(i) else "" for i in range(len(fields))]
                for feature in layer]
    return pd.DataFrame(rows, columns=[field.GetName() for field in fields], dtype=object)


def _field_text(ogr, field_type):
    if field_type in (ogr.OFTInteger, ogr.OFTInteger64):
        return lambda feature, i: str(feature.GetFieldAsInteger64(i))
    if field_type == ogr.OFTReal:
        return lambda feature, i: str(feature.GetFieldAsDouble(i))
    if field_type in (ogr.OFTDate, ogr.OFTDateTime, ogr.OFTTime):
        return lambda feature, i: _iso(field_type, ogr, feature.GetFieldAsDateTime(i))
    return lambda feature, i: feature.GetFieldAsString(i)


def _iso(field_type, ogr, parts):
    year, month, day, hour, minute, second = parts[:6]
    date = "{:04d}-{:02d}-{:02d}".format(year, month, day)
    time = "{:02d}:{:02d}:{:02d}".format(hour, minute, int(second))
    if field_type == ogr.OFTDate:
        return date
    return time if field_type == ogr.OFTTime else date + " " + time
