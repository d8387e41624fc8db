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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr
from ..analysis.messages import Cancelled
from .base import fail, python_value

NUMERIC_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong, QVariant.Double)


class AreaRecords:
    """Every feature of a source: its QGIS geometry and attributes, in layer order."""

    def __init__(self, checked_source, feedback, progress_share=10.0):
        self.source = checked_source.source
        self.label = checked_source.label
        self.fields = self.source.fields()
        self.geometries, self.attributes = [], []
        total = max(self.source.featureCount(), 1)
        for n, feature in enumerate(self.source.getFeatures()):
            if n % 1000 == 0:
                if feedback.isCanceled():
                    raise Cancelled()
                feedback.setProgress(progress_share * n / total)
            self.geometries.append(feature.geometry())
            self.attributes.append(feature.attributes())
        self.cancelled = False

    def __len__(self):
        return len(self.attributes)

    def column(self, name):
        """Plain Python values of one field (NULL -> None)."""
        index = self.fields.lookupField(name)
        if self.fields.at(index).type() in NUMERIC_TYPES:
            # numbers arrive as Python numbers; only NULL needs converting (the fast path for factors)
            return [None if isinstance(row[index], QVariant) else row[index] for row in self.attributes]
        return [python_value(row[index]) for row in self.attributes]

    def frame(self, names):
        import pandas as pd

        return pd.DataFrame({name: self.column(name) for name in names})

    def shapely_geometries(self, target_crs=None, transform_context=None):
        """The geometries as shapely objects (None where missing), reprojected to target_crs if given."""
        import shapely

        transform = None
        if target_crs is not None and target_crs != self.source.sourceCrs():
            transform = QgsCoordinateTransform(self.source.sourceCrs(), target_crs, transform_context)
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
    converters = [_converter(kind) for _, kind, _ in columns]
    converted = [[convert(v) for v in values] for convert, (_, _, values) in zip(converters, columns)]
    new_rows = list(zip(*converted)) if converted else [()] * len(records)
    total = max(len(records), 1)
    batch = []
    for i, (geometry, attributes) in enumerate(zip(records.geometries, records.attributes)):
        if i % 5000 == 0:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(progress_start + (100 - progress_start) * i / total)
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
            batch = []
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([attributes[k] for k in kept] + list(new_rows[i]))
        batch.append(feature)
    sink.addFeatures(batch, QgsFeatureSink.FastInsert)
    feedback.setProgress(100)
    return dest_id


def _converter(kind):
    """Numpy values to what a QGIS attribute takes; NaN and infinity become NULL."""
    if kind == QVariant.Int:
        return lambda v: None if v is None or (isinstance(v, float) and not math.isfinite(v)) else int(v)
    if kind == QVariant.Double:
        return lambda v: None if v is None or not math.isfinite(float(v)) else float(v)
    return lambda v: None if v is None or v == "" else str(v)


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
    import numpy as np

    from ..analysis.tables import write_table_file

    path = _file_destination(parameters, name)
    if path and path.lower().endswith((".csv", ".xlsx")):
        ensure_parent_folder(parameters, name)
        write_table_file(path, frame)
        definition = parameters.get(name)
        if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject:
            context.addLayerToLoadOnCompletion(path, QgsProcessingContext.LayerDetails(
                definition.destinationName or name, definition.destinationProject, name))
        return path
    fields = QgsFields()
    kinds = []
    for column in frame.columns:
        dtype = frame[column].dtype
        kind = QVariant.Int if (np.issubdtype(dtype, np.integer) or np.issubdtype(dtype, np.bool_)) else (
            QVariant.Double if np.issubdtype(dtype, np.floating) else QVariant.String)
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

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == QVariant.Int:
        return int(value)
    if kind == QVariant.Double:
        return float(value)
    return str(value)
