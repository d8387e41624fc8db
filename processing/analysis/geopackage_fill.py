"""Filling an empty GeoPackage point layer in bulk with SQLite itself, the file's own engine.

GDAL's per-feature writing and its R-tree, built one insert at a time, took ~10 s for 460,000 homes. Here the
rows go in by multi-row INSERT statements in one transaction, and the spatial index is written packed, node by
node, into the R-tree's own tables (the layout SQLite's rtree module reads: a node is a big-endian cell count
and cells of an id and four float32 bounds rounded outwards; `rtreecheck()` verifies it). The layer, its
triggers and metadata are the ones QGIS's GDAL created: the triggers (whose ST_* functions only GDAL defines)
are set aside during the fill and restored, and the feature count and extent are written as GDAL would.
Nothing here loads a GDAL, so the process keeps the one QGIS runs.
"""
import sqlite3
from contextlib import contextmanager

import numpy as np

from .messages import AnalysisError, translatable

STATEMENT_ROWS = 64  # rows per INSERT: within SQLite's oldest limit of 999 parameters for up to 15 columns
CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
POINT = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"), ("order", "u1"),
                  ("kind", "<u4"), ("x", "<f8"), ("y", "<f8")])  # GeoPackage header (no envelope) + WKB point


def quoted(name):
    return '"' + str(name).replace('"', '""') + '"'


def point_blobs(x, y, srs_id):
    """GeoPackage geometry blobs of points (little-endian, no envelope); None where x or y is not finite."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    placed = np.isfinite(x) & np.isfinite(y)
    points = np.zeros(int(placed.sum()), dtype=POINT)
    points["magic"], points["flags"], points["srs_id"], points["order"], points["kind"] = b"GP", 1, srs_id, 1, 1
    points["x"], points["y"] = x[placed], y[placed]
    raw, size = points.tobytes(), POINT.itemsize
    # bytearrays: Python's sqlite3 binds one directly, while a bytes object first goes through its adapter look-up
    # (~250 ns a value against ~90 ns)
    blobs = [bytearray(raw[i:i + size]) for i in range(0, len(raw), size)]
    if len(blobs) == len(x):
        return blobs
    blob = iter(blobs)
    return [next(blob) if is_placed else None for is_placed in placed.tolist()]


class CodedColumns:
    """Columns of a few known values each (NULL aside), sent to SQLite as one small integer a row, their code,
    and turned back into the values by SQLite as it inserts the row. Python's sqlite3 binds each value it is
    given (~80 ns a text), so six columns' values cost about six times one code.

    columns: (name, values) pairs; a row's code is the sum over its columns of the value's place in `values`
    (1, 2, ...; 0 for NULL) times the product of the earlier columns' number of places."""

    def __init__(self, columns):
        self.columns = tuple((name, tuple(values)) for name, values in columns)
        self.names = [name for name, _ in self.columns]
        for _, values in self.columns:
            for value in values:
                _literal(value)  # raises unless a text or an integer
        self.bases, base = [], 1
        for _, values in self.columns:
            self.bases.append(base)
            base *= len(values) + 1

    def code_sql(self, expressions):
        """SQL (DuckDB's or SQLite's) for a row's code, from the SQL of each column's value; NULL when a value is
        not among its column's values."""
        return " + ".join("(CASE WHEN ({0}) IS NULL THEN 0 ELSE CASE {0} {1} END END) * {2}".format(
            expression, " ".join("WHEN {} THEN {}".format(_literal(value), k + 1) for k, value in enumerate(values)),
            base) for expression, (_, values), base in zip(expressions, self.columns, self.bases))

    def value_sql(self, code):
        """SQLite's SQL for each column's value, from the SQL of the row's (integer) code."""
        return ["CASE ({} / {}) % {} {} END".format(code, base, len(values) + 1, " ".join(
            "WHEN {} THEN {}".format(k + 1, _literal(value)) for k, value in enumerate(values)))
            for (_, values), base in zip(self.columns, self.bases)]


def _literal(value):
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a coded column's values are texts or integers")
    return str(value)


def fill_point_layer(path, table, columns, batches, coded=None):
    """Write the rows of `batches` into the empty point layer `table` (None: the file's only layer) of the
    GeoPackage at `path`, in one transaction: all of them or, if anything fails or the batches raise (a cancel),
    none. Each batch is (values, x, y): one list per column of `columns` (then, with `coded`, a CodedColumns,
    one list of the rows' codes), and the points' coordinates (NaN: no point). Features are numbered 1, 2, ...
    in the batches' order. Returns the number of features written."""
    database = sqlite3.connect(path, isolation_level=None)
    try:
        layer = PointLayer(database, table)
        table = layer.table
        with filling(database, table):
            rows = _row_writer(database, layer, columns, coded)
            index = PackedRtree(database, layer.rtree) if layer.rtree else None
            extent, count = Extent(), 0
            for values, x, y in batches:
                x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
                if coded is not None and None in values[-1]:
                    raise ValueError("a value of a coded column is not among its values")
                fids = np.arange(count + 1, count + len(x) + 1)
                rows.write([fids.tolist(), point_blobs(x, y, layer.srs_id)] + list(values))
                placed = np.isfinite(x) & np.isfinite(y)
                if index is not None:
                    index.add(fids[placed], x[placed], y[placed])
                extent.add(x[placed], y[placed])
                count += len(x)
            if index is not None:
                index.finish()
            layer.record(count, extent)
    finally:
        database.close()
    return count


def _row_writer(database, layer, columns, coded):
    names = ["fid", layer.geometry] + list(columns)
    if coded is None:
        return RowWriter(database, layer.table, names)
    given = ["column{}".format(k + 1) for k in range(len(names) + 1)]  # how SQLite names the VALUES' columns
    return RowWriter(database, layer.table, names + coded.names, given[:-1] + coded.value_sql(given[-1]), len(given))


@contextmanager
def filling(database, table):
    """One transaction for filling `table`: its triggers (feature count, R-tree upkeep) are set aside while the
    rows go in and restored before the commit; if anything fails or is cancelled, nothing of it is kept."""
    database.execute("BEGIN IMMEDIATE")
    try:
        triggers = database.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND lower(tbl_name) = lower(?)", (table,)).fetchall()
        for name, _ in triggers:
            database.execute("DROP TRIGGER {}".format(quoted(name)))
        yield
        for _, sql in triggers:
            database.execute(sql)
        database.execute("COMMIT")
    except BaseException:
        if database.in_transaction:  # SQLite may have rolled back itself (a full disk, an I/O error)
            database.execute("ROLLBACK")
        raise


class PointLayer:
    """A GeoPackage point layer that must be empty: its geometry column, SRS and R-tree (if any)."""

    def __init__(self, database, table=None):
        layers = database.execute("SELECT table_name, column_name, srs_id, geometry_type_name FROM gpkg_geometry_columns "
                                  "WHERE ? IS NULL OR lower(table_name) = lower(?)", (table, table)).fetchall()
        if len(layers) != 1 or layers[0][3].upper() != "POINT":
            raise AnalysisError(translatable("'{}' is not a point layer of the GeoPackage."), table or "")
        self.database, self.table = database, layers[0][0]
        self.geometry, self.srs_id = layers[0][1], int(layers[0][2])
        if database.execute("SELECT EXISTS (SELECT 1 FROM {})".format(quoted(self.table))).fetchone()[0]:
            raise AnalysisError(translatable("The layer '{}' is not empty; it is only ever filled once."), self.table)
        rtree = "rtree_{}_{}".format(self.table, self.geometry)
        indexed = database.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                   (rtree,)).fetchone()
        self.rtree = rtree if indexed else None

    def record(self, count, extent):
        record_contents(self.database, self.table, count, extent.bounds())


def record_contents(database, table, count, bounds):
    """The feature count and extent (min_x, min_y, max_x, max_y; NULLs for none) GDAL keeps in the GeoPackage's own
    tables."""
    database.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                     (count, table))
    database.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                     "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?)",
                     tuple(bounds) + (table,))


class Extent:
    def __init__(self):
        self.low, self.high = np.array([np.inf, np.inf]), np.array([-np.inf, -np.inf])

    def add(self, x, y):
        if len(x):
            self.low = np.minimum(self.low, [x.min(), y.min()])
            self.high = np.maximum(self.high, [x.max(), y.max()])

    def bounds(self):
        """(min_x, min_y, max_x, max_y), or NULLs when there was no point."""
        if not np.isfinite(self.low).all():
            return (None, None, None, None)
        return (float(self.low[0]), float(self.low[1]), float(self.high[0]), float(self.high[1]))


class RowWriter:
    """Rows inserted STATEMENT_ROWS at a time by one multi-row INSERT (a statement per row costs most of the
    time in Python's sqlite3). With `expressions`, the values given are not the columns' own: each column is
    the SQL of its expression over a row's `width` values (column1, column2, ...)."""

    def __init__(self, database, table, columns, expressions=None, width=None):
        self.database = database
        target = "INSERT INTO {} ({}) ".format(quoted(table), ", ".join(quoted(c) for c in columns))
        if expressions is None:
            self.width, self.head, self.tail = len(columns), target + "VALUES ", ""
        else:
            self.width = width
            self.head, self.tail = target + "SELECT {} FROM (VALUES ".format(", ".join(expressions)), ")"
        self.full = self.statement(STATEMENT_ROWS)

    def statement(self, rows):
        return self.head + ", ".join(["(" + ", ".join("?" * self.width) + ")"] * rows) + self.tail

    def write(self, columns):
        """One list per column, all of one length."""
        n, width = len(columns[0]), self.width
        flat = [None] * (n * width)
        for j, values in enumerate(columns):
            flat[j::width] = values
        step, whole = STATEMENT_ROWS * width, n // STATEMENT_ROWS * STATEMENT_ROWS * width
        self.database.executemany(self.full, (flat[i:i + step] for i in range(0, whole, step)))
        if whole < len(flat):
            self.database.execute(self.statement(n - whole // width), flat[whole:])


def _rounded_down(values):
    single = values.astype(np.float32)
    over = single.astype(float) > values
    single[over] = np.nextafter(single[over], np.float32(-np.inf))
    return single


def _rounded_up(values):
    single = values.astype(np.float32)
    under = single.astype(float) < values
    single[under] = np.nextafter(single[under], np.float32(np.inf))
    return single


class PackedRtree:
    """The R-tree of an empty layer, written packed: leaves of `fanout` consecutive points (the rows' order:
    homes are written by postcode, so neighbours share leaves), then each level above them the same way, up
    to the root (node 1). Written as the points come, so only one box per leaf is held in memory."""

    def __init__(self, database, name):
        self.database, self.name = database, name
        if database.execute("SELECT EXISTS (SELECT 1 FROM {})".format(quoted(name + "_rowid"))).fetchone()[0]:
            raise AnalysisError(translatable("The spatial index '{}' is not empty."), name)
        node_bytes = database.execute("SELECT length(data) FROM {} WHERE nodeno = 1".format(
            quoted(name + "_node"))).fetchone()[0]
        self.node_bytes, self.fanout = node_bytes, (node_bytes - 4) // CELL.itemsize
        self.pending = np.zeros(0, dtype=CELL)
        self.leaves, self.leaf_boxes = [], []
        self.next_node = 2

    def add(self, fids, x, y):
        cells = np.zeros(len(fids), dtype=CELL)
        cells["id"] = fids
        cells["minx"], cells["maxx"] = _rounded_down(x), _rounded_up(x)
        cells["miny"], cells["maxy"] = _rounded_down(y), _rounded_up(y)
        self.pending = np.concatenate([self.pending, cells]).astype(CELL)  # concatenate returns native byte order
        whole = max(len(self.pending) - 1, 0) // self.fanout * self.fanout  # one cell at least kept for the last leaf
        if whole:
            self._leaves(self.pending[:whole])
            self.pending = self.pending[whole:]

    def _leaves(self, cells):
        nodes = self._write_level(cells, depth=None)
        self.leaves.append(nodes[0])
        self.leaf_boxes.append(nodes[1])
        positions = np.repeat(nodes[0], self.fanout)[:len(cells)]
        self._insert_pairs(self.name + "_rowid", "rowid", "nodeno", cells["id"], positions)

    def finish(self):
        if not self.leaves:  # everything fits in the root, itself a leaf (or there is nothing)
            if len(self.pending):
                self.database.execute("UPDATE {} SET data = ? WHERE nodeno = 1".format(quoted(self.name + "_node")),
                                      (self._blobs(self.pending[None, :], [len(self.pending)], depth=0)[0],))
                self._insert_pairs(self.name + "_rowid", "rowid", "nodeno", self.pending["id"],
                                   np.ones(len(self.pending), dtype=np.int64))
            return
        self._leaves(self.pending)
        children, boxes, depth = np.concatenate(self.leaves), np.concatenate(self.leaf_boxes), 1
        while len(children) > self.fanout:
            cells = self._cells(children, boxes)
            parents, boxes = self._write_level(cells, depth=None)
            self._insert_pairs(self.name + "_parent", "nodeno", "parentnode", children,
                               np.repeat(parents, self.fanout)[:len(children)])
            children, depth = parents, depth + 1
        root = self._cells(children, boxes)
        self.database.execute("UPDATE {} SET data = ? WHERE nodeno = 1".format(quoted(self.name + "_node")),
                              (self._blobs(root[None, :], [len(root)], depth=depth)[0],))
        self._insert_pairs(self.name + "_parent", "nodeno", "parentnode", children,
                           np.ones(len(children), dtype=np.int64))

    @staticmethod
    def _cells(children, boxes):
        cells = np.zeros(len(children), dtype=CELL)
        cells["id"] = children
        for k, name in enumerate(("minx", "maxx", "miny", "maxy")):
            cells[name] = boxes[:, k]
        return cells

    def _write_level(self, cells, depth):
        """Cells packed into new nodes, `fanout` to a node; returns the nodes' numbers and bounding boxes."""
        count = -(-len(cells) // self.fanout)
        padded = np.zeros(count * self.fanout, dtype=CELL)
        padded[:len(cells)] = cells
        grid = padded.reshape(count, self.fanout)
        sizes = np.full(count, self.fanout)
        sizes[-1] = len(cells) - (count - 1) * self.fanout
        numbers = np.arange(self.next_node, self.next_node + count, dtype=np.int64)
        self.next_node += count
        self.database.executemany("INSERT INTO {} (nodeno, data) VALUES (?, ?)".format(quoted(self.name + "_node")),
                                  zip(numbers.tolist(), self._blobs(grid, sizes, depth)))
        used = np.arange(self.fanout)[None, :] < sizes[:, None]
        low = [np.where(used, grid[name], np.inf).min(axis=1) for name in ("minx", "miny")]
        high = [np.where(used, grid[name], -np.inf).max(axis=1) for name in ("maxx", "maxy")]
        boxes = np.stack([low[0], high[0], low[1], high[1]], axis=1).astype(np.float32)
        return numbers, boxes

    def _blobs(self, grid, sizes, depth):
        """Node blobs: 2 bytes of depth (the root's; 0 elsewhere), 2 of cell count, the cells, zero padding."""
        nodes = np.zeros((len(grid), self.node_bytes), dtype=np.uint8)
        nodes[:, 0:2] = np.frombuffer(np.array([depth or 0], dtype=">u2").tobytes(), dtype=np.uint8)
        nodes[:, 2:4] = np.asarray(sizes, dtype=">u2").view(np.uint8).reshape(-1, 2)
        body = np.ascontiguousarray(grid.astype(CELL)).view(np.uint8).reshape(len(grid), -1)  # big-endian, whatever came
        nodes[:, 4:4 + body.shape[1]] = body
        return [row.tobytes() for row in nodes]

    def _insert_pairs(self, table, first, second, keys, values):
        writer = RowWriter(self.database, table, [first, second])
        writer.write([np.asarray(keys, dtype=np.int64).tolist(), np.asarray(values, dtype=np.int64).tolist()])
