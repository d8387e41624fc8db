"""Moving area layers between QGIS and the analysis code: read features once, write them back with new
columns. Shared by the algorithms so each stays a thin adapter."""
import math

from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr
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
                    self.cancelled = True
                    return
                feedback.setProgress(progress_share * n / total)
            self.geometries.append(feature.geometry())
            self.attributes.append(feature.attributes())
        self.cancelled = False

    def __len__(self):
        return len(self.attributes)

    def column(self, name):
        """Plain Python values of one field (NULL -> None)."""
        index = self.fields.lookupField(name)
        return [python_value(row[index]) for row in self.attributes]

    def frame(self, names):
        import pandas as pd

        return pd.DataFrame({name: self.column(name) for name in names})

    def shapely_geometries(self):
        import shapely

        wkb = []
        for geometry in self.geometries:
            if geometry.isNull():
                wkb.append(None)
                continue
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())  # shapely reads no curves
            wkb.append(bytes(geometry.asWkb()))
        return shapely.from_wkb(wkb)

    def numeric_field_names(self):
        return [f.name() for f in self.fields if f.type() in NUMERIC_TYPES]


def write_with_columns(algorithm, parameters, context, feedback, output_name, records, columns,
                       progress_start=90.0):
    """Write records' features with new columns; columns: list of (name, QVariant type, values).

    Input fields with the same names are replaced. Returns the destination id, or None if cancelled.
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
    sink, dest_id = algorithm.parameterAsSink(parameters, output_name, context, fields,
                                              records.source.wkbType(), records.source.sourceCrs())
    if sink is None:
        fail(tr("The output could not be created ({}).").format(parameters.get(output_name)))
    converters = [_converter(kind) for _, kind, _ in columns]
    total = max(len(records), 1)
    for i, (geometry, attributes) in enumerate(zip(records.geometries, records.attributes)):
        if i % 500 == 0:
            if feedback.isCanceled():
                return None
            feedback.setProgress(progress_start + (100 - progress_start) * i / total)
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([attributes[k] for k in kept]
                              + [convert(values[i]) for convert, (_, _, values) in zip(converters, columns)])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    feedback.setProgress(100)
    return dest_id


def _converter(kind):
    """Numpy values to what a QGIS attribute takes; NaN and infinity become NULL."""
    if kind == QVariant.Int:
        return lambda v: None if v is None or (isinstance(v, float) and not math.isfinite(v)) else int(v)
    if kind == QVariant.Double:
        return lambda v: None if v is None or not math.isfinite(float(v)) else float(v)
    return lambda v: None if v is None or v == "" else str(v)
