"""Filling the empty GeoPackage layer QGIS created for an output with features in bulk, with SQLite itself.

QGIS's writer takes ~15 µs a feature (each converted to an OGR feature, the R-tree updated by trigger); here the
rows go in by multi-row INSERTs in one transaction, with the geometries as the GeoPackage blobs GDAL writes (its
header, the envelope for anything but a point, then the WKB as read), and the spatial index filled through SQLite's
own R-tree module. The layer, its columns, triggers and metadata are the ones QGIS made: the triggers (whose ST_*
functions only GDAL defines) are set aside during the fill and restored, and the feature count and extent are
recorded as GDAL records them. Only plain 2D geometries of the layer's own type are written this way
(`fillable_geometries`); the caller writes anything else through QGIS.
"""
import sqlite3
import struct

import numpy as np

from .geopackage_fill import RowWriter, filling, quoted, record_contents
from .messages import Cancelled

# WKB type codes of the plain 2D geometries written here: point, line, polygon and their multi forms
PLAIN_TYPES = (1, 2, 3, 4, 5, 6)
BATCH = 5000


def fillable_geometries(wkb, wkb_type):
    """Whether every geometry (WKB bytes, or None for none) is a non-empty little-endian 2D geometry of exactly
    the layer's WKB type, as QGIS would write it unchanged (it makes single parts multi, for one, and writes a
    missing geometry as an empty one)."""
    if wkb_type not in PLAIN_TYPES:
        return False
    header = struct.pack("<BI", 1, wkb_type)
    for blob in wkb:
        if blob is None:  # QGIS's writer gives a feature without geometry an empty one of the layer's type
            return False
        if blob[:5] != header or len(blob) < 9:
            return False
        if wkb_type == 1:
            if len(blob) != 21 or _nan_point(blob):  # NaN, NaN: an empty point
                return False
        elif blob[5:9] == b"\0\0\0\0":  # no points, rings or parts: an empty geometry
            return False
    return True


def _nan_point(blob):
    x, y = struct.unpack("<2d", blob[5:21])
    return x != x or y != y


def geometry_blobs(wkb, wkb_type, srs_id, shapes=None):
    """GeoPackage blobs as GDAL writes them (None stays None), and each geometry's (minx, maxx, miny, maxy).
    shapes: the same geometries as shapely objects, when the caller has them already."""
    import shapely

    present = [w is not None for w in wkb]
    boxes = np.full((len(wkb), 4), np.nan)
    if wkb_type == 1:
        head = b"GP\x00\x01" + struct.pack("<i", srs_id)
        blobs = [None if w is None else head + w for w in wkb]
        points = np.frombuffer(b"".join(w for w in wkb if w is not None), dtype=[("head", "V5"), ("x", "<f8"), ("y", "<f8")])
        boxes[present] = np.column_stack([points["x"], points["x"], points["y"], points["y"]])
        return blobs, boxes
    bounds = shapely.bounds(shapely.from_wkb(wkb) if shapes is None else shapes)  # minx, miny, maxx, maxy
    boxes[:] = bounds[:, [0, 2, 1, 3]]
    head = b"GP\x00\x03" + struct.pack("<i", srs_id)
    blobs = [None if w is None else head + struct.pack("<4d", *box) + w for w, box in zip(wkb, boxes.tolist())]
    return blobs, boxes


class OutputLayer:
    """The empty layer QGIS made: its table, FID and geometry columns, other columns, SRS and R-tree."""

    def __init__(self, database, table):
        found = database.execute("SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE ? IS NULL "
                                 "OR lower(table_name) = lower(?)", (table, table)).fetchall()
        if len(found) != 1:
            raise LookupError("not one geometry layer")
        self.table, self.geometry, self.srs_id = found[0][0], found[0][1], int(found[0][2])
        columns = database.execute("PRAGMA table_info({})".format(quoted(self.table))).fetchall()
        self.fid = [c[1] for c in columns if c[5]]  # the primary key
        self.columns = [c[1] for c in columns if not c[5] and c[1] != self.geometry]
        rtree = "rtree_{}_{}".format(self.table, self.geometry)
        self.rtree = rtree if database.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone() \
            else None
        self.empty = not database.execute("SELECT EXISTS (SELECT 1 FROM {})".format(quoted(self.table))).fetchone()[0]


def fill_layer(path, table, wkb, wkb_type, names, columns, cancelled=lambda: False, progress=lambda fraction: None,
               shapes=None):
    """Write every feature into the empty layer `table` (None: the file's only one) of the GeoPackage at `path`, in
    one transaction: all of them, or none if anything fails or `cancelled()` turns true (then Cancelled is raised).

    wkb: the features' geometries (None for none); names and columns: the fields' names, in the table's order, and
    one list of plain values per field (shapes: the geometries as shapely objects, if made already). A field named as the table's FID column gives the features' ids, as QGIS's
    writer takes them; without one they are numbered 1, 2, ... Returns False, writing nothing, when the table's
    columns are not those fields or an id is missing (the caller then writes through QGIS)."""
    database = sqlite3.connect(path, isolation_level=None)
    try:
        layer = OutputLayer(database, table)
        lowered = [n.lower() for n in names]
        if not layer.empty or len(layer.fid) != 1:
            return False
        fids = list(range(1, len(wkb) + 1))
        if layer.fid[0].lower() in lowered:
            at = lowered.index(layer.fid[0].lower())
            fids, names, columns = columns[at], names[:at] + names[at + 1:], columns[:at] + columns[at + 1:]
            if any(not isinstance(fid, int) for fid in fids) or len(set(fids)) != len(fids):
                return False
        if [n.lower() for n in layer.columns] != [n.lower() for n in names]:
            return False
        blobs, boxes = geometry_blobs(wkb, wkb_type, layer.srs_id, shapes)
        with filling(database, layer.table):
            _insert(database, layer, fids, blobs, boxes, names, columns, cancelled, progress)
            _record(database, layer, len(fids), boxes)
    finally:
        database.close()
    return True


def _insert(database, layer, fids, blobs, boxes, names, columns, cancelled, progress):
    rows = RowWriter(database, layer.table, layer.fid + [layer.geometry] + layer.columns)
    for start in range(0, len(fids), BATCH):
        if cancelled():
            raise Cancelled()
        progress(0.8 * start / max(len(fids), 1))
        stop = start + BATCH
        rows.write([fids[start:stop], blobs[start:stop]] + [values[start:stop] for values in columns])
    if layer.rtree:
        _index(database, layer.rtree, np.asarray(fids, dtype=np.int64), boxes)
    progress(1.0)


def _index(database, rtree, fids, boxes):
    """The spatial index: points written packed, node by node (geopackage_fill.PackedRtree: SQLite's R-tree
    module takes ~15 µs an insert), other geometries' boxes inserted through the module itself."""
    from .geopackage_fill import PackedRtree

    if (boxes[:, 0] == boxes[:, 1]).all() and (boxes[:, 2] == boxes[:, 3]).all():
        index = PackedRtree(database, rtree)
        for start in range(0, len(fids), BATCH):
            index.add(fids[start:start + BATCH], boxes[start:start + BATCH, 0], boxes[start:start + BATCH, 2])
        index.finish()
        return
    database.executemany("INSERT INTO {} (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)".format(quoted(rtree)),
                         zip(fids.tolist(), *boxes.T.tolist()))


def _record(database, layer, count, boxes):
    """The feature count and extent GDAL keeps in the GeoPackage's own tables."""
    placed = boxes[~np.isnan(boxes[:, 0])]
    extent = (None,) * 4 if not len(placed) else (
        float(placed[:, 0].min()), float(placed[:, 2].min()), float(placed[:, 1].max()), float(placed[:, 3].max()))
    record_contents(database, layer.table, count, extent)
