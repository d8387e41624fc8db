"""Moving area layers between QGIS and the analysis code: read features once, write them back with new
columns. Shared by the algorithms so each stays a thin adapter."""
import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr
from ..analysis.messages import Cancelled
from .base import fail, python_value

NUMERIC_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong, QVariant.Double)


class AreaRecords:
    """Every feature of a source: its QGIS geometry and attributes, in layer order.

    With `file_layer` (a FileLayer: the source is a whole GeoPackage layer as the file holds it), the columns and
    the geometries' WKB are read in bulk instead, and QGIS objects are made only if asked for; when the file
    cannot be read that way the features are read one by one as usual."""

    def __init__(self, checked_source, feedback, progress_share=10.0, file_layer=None):
        self.source = checked_source.source
        self.label = checked_source.label
        self.fields = self.source.fields()
        self._geometries = self._attributes = self.wkb = self._columns = self._shapes = None
        if feedback.isCanceled():
            raise Cancelled()
        bulk = file_layer.read(self.fields, self.source.featureCount()) if file_layer is not None else None
        if bulk is not None:
            self._columns, self.wkb = bulk
            self._length = len(self.wkb)
            feedback.setProgress(progress_share)
            return
        self._geometries, self._attributes = [], []
        total = max(self.source.featureCount(), 1)
        for n, feature in enumerate(self.source.getFeatures()):
            if n % 1000 == 0:
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(progress_share * n / total)
            self._geometries.append(feature.geometry())
            self._attributes.append(feature.attributes())
        self._length = len(self._attributes)

    def __len__(self):
        return self._length

    @property
    def read_in_bulk(self):
        return self._columns is not None

    @property
    def geometries(self):
        """QGIS geometries (made from the WKB on first use when read in bulk)."""
        if self._geometries is None:
            self._geometries = [_qgis_geometry(wkb) for wkb in self.wkb]
        return self._geometries

    @property
    def attributes(self):
        """Attribute lists in field order (plain Python values when read in bulk)."""
        if self._attributes is None:
            self._attributes = [list(row) for row in zip(*(self._columns[f.name()] for f in self.fields))]
        return self._attributes

    def bulk_column(self, name):
        """The values of one field read in bulk (not a copy)."""
        return self._columns[name]

    def column(self, name):
        """Plain Python values of one field (NULL -> None)."""
        index = self.fields.lookupField(name)
        if self._columns is not None:
            return list(self._columns[self.fields.at(index).name()])
        if self.fields.at(index).type() in NUMERIC_TYPES:
            # numbers arrive as Python numbers; only NULL needs converting (the fast path for factors)
            return [None if isinstance(row[index], QVariant) else row[index] for row in self._attributes]
        return [python_value(row[index]) for row in self._attributes]

    def frame(self, names):
        import pandas as pd

        return pd.DataFrame({name: self.column(name) for name in names})

    def shapely_geometries(self, target_crs=None, transform_context=None):
        """The geometries as shapely objects (None where missing), reprojected to target_crs if given."""
        import shapely

        transform = None
        if target_crs is not None and target_crs != self.source.sourceCrs():
            transform = QgsCoordinateTransform(self.source.sourceCrs(), target_crs, transform_context)
        if self.wkb is not None and transform is None:
            if self._shapes is None:
                self._shapes = shapely.from_wkb(self.wkb)  # read in bulk: never curved (FileLayer refuses curves)
            return self._shapes.copy()  # made once (writing in bulk takes their envelopes too); the caller's own
        wkb = []
        for geometry in self.geometries:
            if geometry.isNull():
                wkb.append(None)
                continue
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())  # shapely reads no curves
            if transform is not None:
                geometry = QgsGeometry(geometry)  # transform a copy: the records stay as read
                geometry.transform(transform)
            wkb.append(bytes(geometry.asWkb()))
        return shapely.from_wkb(wkb)

    def numeric_field_names(self):
        return [f.name() for f in self.fields if f.type() in NUMERIC_TYPES]

    def point_coordinates(self):
        """x and y of a layer of single points read in bulk (NaN where missing or empty), else None."""
        kind = self.source.wkbType()
        if self.wkb is None or QgsWkbTypes.geometryType(kind) != QgsWkbTypes.PointGeometry \
                or QgsWkbTypes.isMultiType(kind):
            return None
        from ..analysis.counting import wkb_point_coordinates  # numpy, shapely: only when run

        return wkb_point_coordinates(self.wkb)

    def rows(self, kept):
        """(QGIS geometry, the attributes at the indexes `kept`) of each feature, for writing."""
        if self._columns is None:
            return ((geometry, [attributes[k] for k in kept])
                    for geometry, attributes in zip(self._geometries, self._attributes))
        names = [self.fields.at(k).name() for k in kept]
        geometries = self._geometries if self._geometries is not None else map(_qgis_geometry, self.wkb)
        return zip(geometries, map(list, zip(*(self._columns[name] for name in names))) if names
                   else ([] for _ in range(self._length)))


def _qgis_geometry(wkb):
    geometry = QgsGeometry()
    if wkb is not None:
        geometry.fromWkb(wkb)
    return geometry


def write_with_columns(algorithm, parameters, context, feedback, output_name, records, columns,
                       progress_start=90.0):
    """Write records' features with new columns; columns: list of (name, QVariant type, values).

    Input fields with the same names are replaced. Returns the destination id; raises Cancelled.
    """
    new_names = {name.lower() for name, _, _ in columns}
    fields = QgsFields()
    kept = []
    for index, field in enumerate(records.fields):
        if field.name().lower() in new_names:
            feedback.pushWarning(tr("The input field '{}' is replaced by the new one.").format(field.name()))
            continue
        fields.append(field)
        kept.append(index)
    for name, kind, _ in columns:
        fields.append(QgsField(name, kind))
    ensure_parent_folder(parameters, output_name)
    sink, dest_id = algorithm.parameterAsSink(parameters, output_name, context, fields,
                                              records.source.wkbType(), records.source.sourceCrs())
    if sink is None:
        fail(tr("The output could not be created ({}).").format(parameters.get(output_name)))
    converted = [attribute_values(kind, values) for _, kind, values in columns]
    if bulk_fillable(dest_id, records):
        del sink  # closes the file: SQLite fills the layer QGIS made
        if _fill(dest_id, records, kept, fields, converted, feedback, progress_start):
            return dest_id
        output = QgsVectorLayer(dest_id, "output", "ogr")  # the layer is not as expected: QGIS writes it
        sink = output.dataProvider()
    new_rows = zip(*converted) if converted else (() for _ in range(len(records)))
    total = max(len(records), 1)
    batch = []
    for i, ((geometry, attributes), new) in enumerate(zip(records.rows(kept), new_rows)):
        if i % 5000 == 0:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(progress_start + (100 - progress_start) * i / total)
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
            batch = []
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        attributes.extend(new)
        feature.setAttributes(attributes)
        batch.append(feature)
    sink.addFeatures(batch, QgsFeatureSink.FastInsert)
    feedback.setProgress(100)
    return dest_id


def bulk_fillable(dest_id, records):
    """Whether SQLite can fill the output layer QGIS made (analysis.geopackage_rows): a GeoPackage file, the records
    read in bulk, every geometry a plain 2D one of the layer's type."""
    import os

    from ..analysis.geopackage_rows import fillable_geometries

    path = dest_id.split("|")[0] if isinstance(dest_id, str) else ""
    return (records.read_in_bulk and path.lower().endswith(".gpkg") and os.path.isfile(path)
            and fillable_geometries(records.wkb, int(records.source.wkbType())))


def _fill(dest_id, records, kept, fields, converted, feedback, progress_start):
    from ..analysis.geopackage_rows import fill_layer

    path, _, options = dest_id.partition("|")
    table = dict(part.split("=", 1) for part in options.split("|") if "=" in part).get("layername")
    columns = [records.bulk_column(records.fields.at(k).name()) for k in kept] + converted
    kind = int(records.source.wkbType())
    return fill_layer(path, table, records.wkb, kind, fields.names(), columns, feedback.isCanceled,
                      lambda fraction: feedback.setProgress(progress_start + (100 - progress_start) * fraction),
                      shapes=None if kind == 1 else records.shapely_geometries())


def attribute_values(kind, values):
    """A new column's values as QGIS attributes take them: Python int, float or str, None for a missing value,
    NaN or infinity. Whole numpy arrays are converted at once; other sequences value by value."""
    import numpy as np

    if isinstance(values, np.ndarray) and kind in (QVariant.Int, QVariant.Double) and values.dtype.kind in "iub":
        return (values.astype(np.int64) if kind == QVariant.Int else values.astype(float)).tolist()
    if isinstance(values, np.ndarray) and kind in (QVariant.Int, QVariant.Double) and values.dtype.kind == "f" \
            and not (kind == QVariant.Int and (np.abs(values[np.isfinite(values)]) >= 2.0 ** 62).any()):
        finite = np.isfinite(values)
        out = (np.where(finite, values, 0).astype(np.int64) if kind == QVariant.Int else values.astype(float)).tolist()
        for i in np.flatnonzero(~finite).tolist():
            out[i] = None
        return out
    convert = _converter(kind)
    return [convert(v) for v in values]


def _converter(kind):
    """Numpy values to what a QGIS attribute takes; NaN and infinity become NULL."""
    if kind == QVariant.Int:
        return lambda v: None if v is None or (isinstance(v, float) and not math.isfinite(v)) else int(v)
    if kind == QVariant.Double:
        return lambda v: None if v is None or not math.isfinite(float(v)) else float(v)
    return lambda v: None if v is None or v == "" else str(v)


# OGR field types read in bulk, and the QGIS type each arrives as; any other type (dates, lists, booleans...) is
# left to QGIS's own reading.
BULK_TYPES = {"Integer": QVariant.Int, "Integer64": QVariant.LongLong, "Real": QVariant.Double,
              "String": QVariant.String}


class FileLayer:
    """A source that is a whole GeoPackage layer as the file holds it (see plain_geopackage_layer): its columns
    and geometries can be read in bulk through GDAL's Arrow stream, a hundred times fewer Python calls than a
    feature at a time."""

    def __init__(self, path, layer_name, check_validity):
        self.path = path
        self.layer_name = layer_name
        self.check_validity = check_validity  # Processing would skip or refuse invalid geometries

    def _open(self):
        from osgeo import ogr

        try:
            dataset = ogr.Open(self.path, 0)
        except RuntimeError:
            return None, None
        if dataset is None:
            return None, None
        if self.layer_name:
            layer = dataset.GetLayerByName(self.layer_name)
        else:
            layer = dataset.GetLayer(0) if dataset.GetLayerCount() == 1 else None
        if layer is None or layer.GetLayerDefn().GetGeomFieldCount() != 1 or not hasattr(layer, "GetArrowStream"):
            return None, None
        return dataset, layer

    def read(self, fields, feature_count):
        """({field name: plain Python values}, [WKB or None per feature]) in QGIS's order, or None when the file
        does not hold exactly the fields QGIS shows, with types read in bulk, or when a geometry is invalid and
        Processing checks them (QGIS then reads the features and skips or refuses them as set)."""
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:  # GDAL's stream is imported into pyarrow
            return None
        dataset, layer = self._open()
        if layer is None:
            return None
        definition = layer.GetLayerDefn()
        fid = [layer.GetFIDColumn()] if layer.GetFIDColumn() else []
        ogr_fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
        expected = [(name, QVariant.LongLong) for name in fid] + [
            (f.GetName(), BULK_TYPES.get(f.GetTypeName()) if f.GetSubType() == 0 else None) for f in ogr_fields]
        if [(f.name(), f.type()) for f in fields] != expected:
            return None
        table = _arrow_table(layer, [])
        if table is None or table.num_rows != feature_count or table.num_columns != len(expected) + 1:
            return None
        columns = {name: _python_values(table.column(name)) for name, _ in expected}
        wkb = _wkb_values(table.column(table.num_columns - 1))
        del table, layer, dataset  # copied into Python values: Arrow's buffers go before the file is closed
        if wkb is None or self.check_validity and not _all_valid(wkb):
            return None
        return columns, wkb

    def point_coordinates(self, feature_count):
        """x and y of every feature of a point layer (NaN where a point is missing or empty), reading only the
        geometries; None where read() would refuse the layer or a feature is not a single point."""
        dataset, layer = self._open()
        if layer is None or layer.GetGeomType() not in (1, 0x80000001, 1001, 2001, 3001):  # Point, 25D, Z, M, ZM
            return None
        definition = layer.GetLayerDefn()
        table = _arrow_table(layer, [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())])
        if table is None or table.num_rows != feature_count:
            return None
        wkb = _wkb_values(table.column(table.num_columns - 1))
        del table, layer, dataset
        if wkb is None or self.check_validity and not _all_valid(wkb):
            return None
        from ..analysis.counting import wkb_point_coordinates

        return wkb_point_coordinates(wkb)


def _arrow_table(layer, ignored):
    """The layer read through GDAL's Arrow stream into one pyarrow table (geometry last, as WKB), or None."""
    import pyarrow as pa

    try:
        layer.SetIgnoredFields(ignored)
        # with the FID: GDAL 3.6 gives empty geometries when every other column is ignored too
        stream = layer.GetArrowStream(["GEOMETRY_ENCODING=WKB", "INCLUDE_FID=YES"])
        gdal_schema = stream.GetSchema()  # kept alive: pyarrow imports from it
        schema = pa.Schema._import_from_c(gdal_schema._getPtr())
        batches = []
        while True:
            array = stream.GetNextRecordBatch()
            if array is None:
                break
            batches.append(pa.RecordBatch._import_from_c(array._getPtr(), schema))
        table = pa.Table.from_batches(batches, schema)
    except (RuntimeError, pa.ArrowException):
        return None
    finally:
        layer.SetIgnoredFields([])
    if not pa.types.is_binary(table.schema.field(table.num_columns - 1).type):
        return None
    return table


def _python_values(column):
    """A pyarrow column as the plain Python values QGIS gives: int, float or str, None for NULL."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        return column.to_numpy(zero_copy_only=False).tolist()  # None where NULL
    values = pc.fill_null(column, 0).to_numpy(zero_copy_only=False).tolist() if column.null_count else \
        column.to_numpy(zero_copy_only=False).tolist()
    if column.null_count:
        import numpy as np

        for i in np.flatnonzero(column.is_null().to_numpy(zero_copy_only=False)).tolist():
            values[i] = None
    return values


def _wkb_values(column):
    """WKB bytes (None for a NULL geometry) of a pyarrow binary column, fixed-size ones (points) in one slice; None
    if a geometry that is not NULL came as no bytes at all (GDAL 3.6 does that when every field is ignored)."""
    import numpy as np

    out = []
    for chunk in column.chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset:chunk.offset + len(chunk) + 1]
        sizes = np.diff(offsets)
        if (sizes[~chunk.is_null().to_numpy(zero_copy_only=False)] == 0).any():
            return None
        if chunk.null_count == 0 and len(sizes) and (sizes == sizes[0]).all():
            data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
            out.extend(data.view("V{}".format(sizes[0])).tolist())
        else:
            out.extend(chunk.to_numpy(zero_copy_only=False).tolist())
    return out


def _all_valid(wkb):
    """As QGIS's invalid-geometry check sees them: a missing geometry passes, any other must be GEOS-valid."""
    import shapely

    geometries = shapely.from_wkb(wkb)
    return bool((shapely.is_missing(geometries) | shapely.is_valid(geometries)).all())


def plain_geopackage_layer(algorithm, parameters, context, name):
    """A FileLayer when the parameter is a whole GeoPackage layer, read by QGIS's OGR provider exactly as the file
    holds it: given by path or layer id (not a selection or a feature limit), with no subset filter, no unsaved
    edits and no curved geometries. Else None, and QGIS reads the features one by one."""
    import os

    from qgis.core import QgsProviderRegistry

    value = parameters.get(name)
    if not isinstance(value, (str, QgsVectorLayer)):
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if (layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable()
            or QgsWkbTypes.isCurvedType(layer.wkbType())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    extra = [key for key, value in parts.items() if value and key not in ("path", "layerName")]
    if extra or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    check = context.invalidGeometryCheck() != QgsFeatureRequest.GeometryNoCheck
    return FileLayer(path, parts.get("layerName") or None, check)


def check_filter(expression, layer_label):
    if expression:
        parsed = QgsExpression(expression)
        if parsed.hasParserError():
            fail(tr("The filter expression on the incident layer '{}' is not valid: {}").format(
                layer_label, parsed.parserErrorString().strip()))


def read_incidents(algorithm, parameters, context, feedback, checked_incidents, target_crs, date_name="",
                   expression="", progress_share=80.0):
    """Incident coordinates in target_crs and, with a date field, their dates (datetime64[D], NaT where
    missing). Returns (x, y, dates or None); raises Cancelled when cancelled. A date that does not parse is an
    error naming the field and a few of the values."""
    from ..analysis.dates import DateParseError, parse_dates

    source, label = checked_incidents.source, checked_incidents.label
    date_index = checked_incidents.field_index(date_name) if date_name else -1
    request = QgsFeatureRequest()
    if source.sourceCrs() != target_crs:
        feedback.pushInfo(tr("Reprojecting incidents from {} to {}").format(
            source.sourceCrs().authid(), target_crs.authid()))
        request.setDestinationCrs(target_crs, context.transformContext())
    if expression:
        request.setFilterExpression(expression)
        request.setExpressionContext(algorithm.createExpressionContext(parameters, context, source))
    else:
        request.setSubsetOfAttributes([date_index] if date_index >= 0 else [])
    feedback.pushInfo(tr("Reading incidents from '{}'").format(label))
    xs, ys, raw_dates = _read_points(source, request, date_index, feedback, progress_share)
    if date_index < 0:
        return xs, ys, None
    try:
        dates = parse_dates(raw_dates)
    except DateParseError as error:
        fail(tr("The date field '{}' of the incident layer '{}' has {} value(s) that are not "
                "dates, e.g. {}. Use ISO dates (2016-03-31) or day-first dates (31/03/2016).")
             .format(date_name, label, error.n_bad, ", ".join(repr(v) for v in error.bad_values)))
    return xs, ys, dates


def _read_points(source, request, date_index, feedback, progress_share):
    """x, y (NaN where a feature has no geometry) and raw date values of every feature the request
    gives; raises Cancelled when cancelled. The loop is the hot path for large incident layers: keep it lean."""
    import numpy as np

    single = not QgsWkbTypes.isMultiType(source.wkbType())
    total = max(source.featureCount(), 1)
    step = 5000
    xs, ys, raw_dates = [], [], []
    add_x, add_y, add_date = xs.append, ys.append, raw_dates.append
    nan = float("nan")
    for n, feature in enumerate(source.getFeatures(request)):
        if n % step == 0:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(progress_share * n / total)
        if not feature.hasGeometry():
            add_x(nan)
            add_y(nan)
        elif single:
            point = feature.geometry().asPoint()
            add_x(point.x())
            add_y(point.y())
        else:  # a multipoint: every part is an incident
            parts = feature.geometry().asMultiPoint()
            for point in parts:
                add_x(point.x())
                add_y(point.y())
            if date_index >= 0 and len(parts) > 1:
                raw_dates.extend([python_value(feature.attribute(date_index))] * (len(parts) - 1))
            if not parts:
                add_x(nan)
                add_y(nan)
        if date_index >= 0:
            add_date(python_value(feature.attribute(date_index)))
    return np.array(xs, dtype=float), np.array(ys, dtype=float), raw_dates


def check_unique_ids(ids, id_name, layer_name):
    from collections import Counter

    empty = sum(1 for v in ids if v is None or (isinstance(v, str) and not v.strip()))
    if empty:
        fail(tr("The id field '{}' of the area layer '{}' is empty for {} area(s); every area needs an id.")
             .format(id_name, layer_name, empty))
    repeated = [value for value, n in Counter(ids).items() if n > 1]
    if repeated:
        fail(tr("The id field '{}' of the area layer '{}' has duplicate ids: {}. Each area needs a "
                "unique id.").format(id_name, layer_name, ", ".join(str(v) for v in repeated[:5])
                                     + (" …" if len(repeated) > 5 else "")))


def numbers(values, field_name, layer_label):
    """Numbers from a field that may be text (a CSV read by OGR): None stays None, anything else that is not
    a number is an error naming the field and the layer."""
    out = []
    for value in values:
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(None)
            continue
        try:
            out.append(float(value))
        except (TypeError, ValueError):
            fail(tr("The field '{}' of the layer '{}' should hold numbers but has '{}'.").format(
                field_name, layer_label, value))
    return out


def ensure_parent_folder(parameters, name):
    """Create the folder of a file output if it is missing (OGR will not)."""
    import os

    value = parameters.get(name)
    if hasattr(value, "sink"):  # QgsProcessingOutputLayerDefinition from the dialog
        value = value.sink.staticValue()
    if isinstance(value, str) and value and not value.startswith(("memory:", "postgres", "ogr:", "TEMPORARY")):
        folder = os.path.dirname(os.path.abspath(value.split("|")[0]))
        os.makedirs(folder, exist_ok=True)


def write_table(algorithm, parameters, context, name, frame):
    """A pandas table as a layer without geometry (numbers stay numbers; NaN becomes NULL). A CSV or XLSX
    destination is written by the one table writer (formulas neutralised, a .csvt beside the CSV)."""
    from ..analysis.tables import write_table_file

    path = _file_destination(parameters, name)
    if path and path.lower().endswith((".csv", ".xlsx")):
        ensure_parent_folder(parameters, name)
        write_table_file(path, frame)
        definition = parameters.get(name)
        if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject:
            # named as the dialog names the output ('Clerical review'), as QGIS names the layers it writes itself
            label = definition.destinationName or algorithm.parameterDefinition(name).description()
            context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(
                label, definition.destinationProject, name))
        return path
    import pandas as pd

    fields = QgsFields()
    kinds = []
    for column in frame.columns:
        dtype = frame[column].dtype  # pandas' checks, which know its nullable Int64 too
        kind = QVariant.Int if (pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)) else (
            QVariant.Double if pd.api.types.is_float_dtype(dtype) else QVariant.String)
        fields.append(QgsField(column, kind))
        kinds.append(kind)
    ensure_parent_folder(parameters, name)
    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.NoGeometry,
                                              QgsCoordinateReferenceSystem())
    if sink is None:
        fail(tr("The output could not be created ({}).").format(parameters.get(name)))
    features = []
    for row in frame.itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes([_plain(v, k) for v, k in zip(row, kinds)])
        features.append(feature)
    sink.addFeatures(features, QgsFeatureSink.FastInsert)
    return dest_id


def _file_destination(parameters, name):
    """The file path an output parameter names, or None (memory layer, temporary output, database)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if isinstance(value, str) and value and not value.startswith(("memory:", "postgres", "ogr:", "TEMPORARY")):
        return value.split("|")[0]
    return None


def _plain(value, kind):
    import math

    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == QVariant.Int:
        return int(value)
    if kind == QVariant.Double:
        return float(value)
    return str(value)
