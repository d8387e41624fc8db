"""Point-in-polygon counting with shapely's STRtree: every point counted in at most one area."""
import numpy as np
import shapely


class PointIndex:
    """Points binned into a regular grid (about two to a cell, in a numpy sort), made once for several
    assignments of the same points (e.g. to risk areas, then to station grounds). No GEOS point is made: that and
    an STRtree of them cost more than the whole grid for London's 180,000 postcodes."""

    POINTS_PER_CELL = 2  # smaller cells: fewer points outside the boxes to drop (fastest on London's points)

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        self.valid_index = np.flatnonzero(np.isfinite(self.x) & np.isfinite(self.y))
        vx, vy = self.x[self.valid_index], self.y[self.valid_index]
        self.side = max(1, int(np.sqrt(len(vx) / self.POINTS_PER_CELL)))
        self.x0, self.y0 = (vx.min(), vy.min()) if len(vx) else (0.0, 0.0)
        span = max(vx.max() - self.x0, vy.max() - self.y0) if len(vx) else 0.0
        self.size = span / self.side if span > 0 else 1.0
        cells = self._cells(vx, self.x0) * self.side + self._cells(vy, self.y0)
        self.order = np.argsort(cells, kind="stable")  # positions among the valid points, cell by cell
        self.starts = np.searchsorted(cells[self.order], np.arange(self.side * self.side + 1))

    def _cells(self, values, origin):
        """Grid column (or row) of each coordinate; monotonic, so a point in a box is in one of the box's cells."""
        return np.clip(np.floor((values - origin) / self.size), 0, self.side - 1).astype(np.int64)

    def in_boxes(self, bounds):
        """(box, valid point) pairs: each point inside each box (minx, miny, maxx, maxy; edges included), as
        positions in `bounds` and among the valid points. Boxes with NaN bounds hold none."""
        bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
        boxes = np.flatnonzero(np.isfinite(bounds).all(axis=1))
        if len(self.valid_index) == 0 or len(boxes) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        low_x, low_y = self._cells(bounds[boxes, 0], self.x0), self._cells(bounds[boxes, 1], self.y0)
        wide, high = self._cells(bounds[boxes, 2], self.x0) - low_x + 1, self._cells(bounds[boxes, 3], self.y0) - low_y + 1
        box, k = _expand(wide * high)  # every cell of every box's range
        cells = (low_x[box] + k // high[box]) * self.side + low_y[box] + k % high[box]
        box = boxes[box]
        first, count = self.starts[cells], self.starts[cells + 1] - self.starts[cells]
        pair, k = _expand(count)  # every point of those cells
        box, point = box[pair], self.order[first[pair] + k]
        px, py = self.x[self.valid_index[point]], self.y[self.valid_index[point]]
        inside = (px >= bounds[box, 0]) & (px <= bounds[box, 2]) & (py >= bounds[box, 1]) & (py <= bounds[box, 3])
        return box[inside], point[inside]


def _expand(counts):
    """For counts [2, 0, 3]: the owner of each of the 5 items, [0, 0, 2, 2, 2], and its place in its owner's
    run, [0, 1, 0, 1, 2]."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return owner, np.arange(len(owner)) - starts[owner]


def assign_points_to_areas(area_geometries, x, y, index=None):
    """Index of the area holding each point, or -1 for a point outside every area.

    area_geometries: sequence of shapely polygons (None for a missing geometry).
    x, y: point coordinates in the areas' CRS (NaN for a missing point).
    A point on a boundary shared by several areas belongs to the first of them in layer order, so
    each point is counted exactly once. `index`: a PointIndex of the same x and y, to reuse.
    """
    x = np.asarray(x, dtype=float)
    result = np.full(len(x), -1, dtype=np.int64)
    if len(area_geometries) == 0:
        return result
    index = index if index is not None else PointIndex(x, y)
    valid_index = index.valid_index
    if len(valid_index) == 0:
        return result
    areas = np.empty(len(area_geometries), dtype=object)
    areas[:] = list(area_geometries)
    # The points in each area's envelope (the grid), then those pairs tested against the prepared areas with bare
    # coordinates.
    area_hits, point_hits = index.in_boxes(shapely.bounds(areas))
    if len(point_hits) == 0:
        return result
    prepared_before = shapely.is_prepared(areas)
    shapely.prepare(areas)
    points = valid_index[point_hits]
    inside = shapely.intersects_xy(areas[area_hits], index.x[points], index.y[points])
    shapely.destroy_prepared(areas[~prepared_before])
    area_hits, point_hits = area_hits[inside], point_hits[inside]
    if len(point_hits) == 0:
        return result
    # Several hits for one point only on shared boundaries: keep the lowest area index.
    order = np.lexsort((area_hits, point_hits))
    point_hits, area_hits = point_hits[order], area_hits[order]
    first = np.ones(len(point_hits), dtype=bool)
    first[1:] = point_hits[1:] != point_hits[:-1]
    result[valid_index[point_hits[first]]] = area_hits[first]
    return result


def count_per_area(assignment, n_areas, groups=None):
    """Counts per area from assign_points_to_areas' result.

    Without groups: an array of n_areas counts. With groups (one label per point, e.g. the year):
    a dict label -> array of n_areas counts, for every label present among the assigned points.
    """
    assignment = np.asarray(assignment)
    inside = assignment >= 0
    if groups is None:
        return np.bincount(assignment[inside], minlength=n_areas)
    groups = np.asarray(groups)
    return {
        label: np.bincount(assignment[inside & (groups == label)], minlength=n_areas)
        for label in np.unique(groups[inside])
    }


def repair_polygons(geometries):
    """Invalid polygons (bow-ties, self-intersections) made valid, as QGIS's Fix geometries would;
    returns (geometries, how many were repaired). Missing geometries stay None."""
    geometries = list(geometries)
    array = np.empty(len(geometries), dtype=object)
    array[:] = geometries
    present = np.array([g is not None for g in geometries], dtype=bool)
    broken = np.flatnonzero(present & ~shapely.is_valid(array) & ~shapely.is_empty(array))  # one call, not one per area
    for i in broken:
        geometries[i] = shapely.make_valid(geometries[i])
    return geometries, len(broken)


# GeoPackage geometry header: 8 bytes, then an envelope whose size the flags' bits 1-3 give.
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
# a 2D point's WKB as GDAL writes it: byte order 1 (little-endian), type 1, x, y
POINT_RECORD = np.dtype([("order", "u1"), ("kind", "<u4"), ("x", "<f8"), ("y", "<f8")])


def geopackage_points(path, table=None, columns=()):
    """x and y (NaN where a point is missing or empty) of every feature of a GeoPackage point table, read with
    SQLite and shapely: one query and one vectorised parse instead of a feature at a time; with `columns`,
    also those fields' values, in the same order (x, y, [values of each column]). None when the file is not
    a plain GeoPackage point table (then the caller reads it its usual way)."""
    import sqlite3

    try:
        with sqlite3.connect("file:{}?mode=ro".format(path), uri=True) as database:
            rows = database.execute("SELECT table_name, column_name, geometry_type_name FROM gpkg_geometry_columns"
                                    ).fetchall()
            found = [r for r in rows if table is None or r[0].lower() == table.lower()]
            if len(found) != 1 if table else len(rows) != 1:
                return None
            table, column, kind = found[0]
            if kind.upper() != "POINT":
                return None
            names = ", ".join('"{}"'.format(c.replace('"', '""')) for c in (column,) + tuple(columns))
            rows = database.execute('SELECT {} FROM "{}"'.format(names, table.replace('"', '""'))).fetchall()
    except sqlite3.Error:
        return None
    blobs = [r[0] for r in rows]
    values = [[r[k] for r in rows] for k in range(1, len(columns) + 1)]
    points = _blob_points(blobs)
    if points is None:
        return None
    return points + (values,) if columns else points


# a 2D point's blob as GDAL writes it: the GeoPackage header without an envelope, then the point's WKB
POINT_BLOB = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"), ("order", "u1"),
                       ("kind", "<u4"), ("x", "<f8"), ("y", "<f8")])


def _blob_points(blobs):
    """x and y of GeoPackage point blobs, or None if one is not the standard binary or not a single point."""
    points = _plain_point_blobs(blobs)
    if points is not None:
        return points
    if any(b is not None and (len(b) < 8 or b[:2] != b"GP" or b[3] & 0x20) for b in blobs):
        return None  # not the standard binary (e.g. an extension's geometry): let the caller read it
    return wkb_point_coordinates(
        [None if b is None or b[3] & 0x10 else b[8 + ENVELOPE_BYTES.get((b[3] >> 1) & 7, 0):] for b in blobs])


def _plain_point_blobs(blobs):
    """x and y when every blob is a 2D point as GDAL writes it (NaN for an empty one), read from the bytes of all
    of them at once; else None (some other blob: _blob_points reads them one by one)."""
    try:
        raw = b"".join(blobs)
    except TypeError:  # a missing geometry
        return None
    size = POINT_BLOB.itemsize
    if len(raw) != size * len(blobs) or not (np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs)) == size).all():
        return None
    record = np.frombuffer(raw, dtype=POINT_BLOB)
    flags = record["flags"]
    if not ((record["magic"] == b"GP") & (flags & 0x2E == 0) & (record["order"] == 1) & (record["kind"] == 1)).all():
        return None  # an extension's geometry, an envelope, big-endian WKB or not a point
    empty = flags & 0x10 != 0
    return np.where(empty, np.nan, record["x"]), np.where(empty, np.nan, record["y"])


def wkb_point_coordinates(wkb):
    """x and y of single points' WKB (NaN for a missing or empty point), or None if one is not a single point."""
    solid = [w for w in wkb if w is not None]
    present = np.ones(len(wkb), dtype=bool) if len(solid) == len(wkb) else \
        np.array([w is not None for w in wkb], dtype=bool)
    x, y = np.full(len(wkb), np.nan), np.full(len(wkb), np.nan)
    if (np.fromiter(map(len, solid), dtype=np.int64, count=len(solid)) == 21).all():
        # 2D points as GDAL and QGIS write them: the coordinates straight from the bytes (an empty point is NaN, NaN
        # there too)
        record = np.frombuffer(b"".join(solid), dtype=POINT_RECORD)
        if ((record["order"] == 1) & (record["kind"] == 1)).all():
            x[present], y[present] = record["x"], record["y"]
            return x, y
    geometries = shapely.from_wkb(np.array(wkb, dtype=object))
    if (shapely.get_type_id(geometries[present]) != 0).any():
        return None
    solid = present & ~shapely.is_empty(geometries)
    x[solid], y[solid] = shapely.get_x(geometries[solid]), shapely.get_y(geometries[solid])
    return x, y


class CountResult:
    def __init__(self, counts, per_year, counted, outside, notes):
        self.counts = counts
        self.per_year = per_year
        self.counted = counted
        self.outside = outside
        self.notes = notes


def count_incidents(area_geometries, x, y, dates=None, start=None, end=None, per_year=False):
    """Incidents per area, within an optional date window [start, end] (datetime.date), and per calendar
    year. Every incident read is accounted for in the notes: counted, outside the window, undated,
    without a location, or outside every area."""
    from .dates import years_of
    from .messages import Note, translatable

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n_read = len(x)
    keep = np.ones(n_read, dtype=bool)
    notes = []
    windowed = dates is not None and (start or end or per_year)
    if windowed:
        undated = np.isnat(dates)
        if undated.any():
            notes.append(Note(translatable("{} incident(s) have no date and were not counted."),
                              int(undated.sum()), warning=True))
        keep &= ~undated
        in_window = np.ones(n_read, dtype=bool)
        if start:
            in_window &= dates >= np.datetime64(start)
        if end:
            in_window &= dates <= np.datetime64(end)
        outside_window = int((keep & ~in_window).sum())
        if outside_window:
            notes.append(Note(translatable("{} incident(s) fell outside the date window and were not counted."),
                              outside_window))
        keep &= in_window
    no_location = ~(np.isfinite(x) & np.isfinite(y))
    if no_location.any():
        notes.append(Note(translatable("{} incident(s) have no geometry and were not counted."),
                          int(no_location.sum()), warning=True))
    assignment = assign_points_to_areas(area_geometries, x[keep], y[keep])
    n_areas = len(area_geometries)
    counts = count_per_area(assignment, n_areas)
    outside = int(((assignment < 0) & np.isfinite(x[keep]) & np.isfinite(y[keep])).sum())
    counted = int(counts.sum())
    year_counts = {}
    if per_year:
        found = count_per_area(assignment, n_areas, years_of(dates)[keep])
        years = sorted(int(year) for year in found if year >= 0)
        first = start.year if start else (years[0] if years else None)
        last = end.year if end else (years[-1] if years else None)
        if first is not None and last is not None:
            year_counts = {year: found.get(year, np.zeros(n_areas, dtype=np.int64)) for year in range(first, last + 1)}
    notes.insert(0, Note(translatable("{} incident(s) read, {} counted in {} areas."), n_read, counted, n_areas))
    if outside:
        notes.append(Note(translatable("{} incident(s) lie outside every area and were not counted."), outside,
                          warning=True))
    return CountResult(counts, year_counts, counted, outside, notes)
