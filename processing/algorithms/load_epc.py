"""communityrisk:loadepc: the EPC register's certificates as one point per home, latest certificate kept."""
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, fail, require_source
from .layers import AreaRecords, ensure_parent_folder, read_incidents

FIELDS = (("uprn", QVariant.String), ("address", QVariant.String), ("postcode", QVariant.String), ("rating", QVariant.String),
          ("efficiency", QVariant.Double), ("band_fg", QVariant.Int), ("private_rented", QVariant.Int),
          ("no_mains_gas", QVariant.Int), ("heating", QVariant.String), ("cert_age_years", QVariant.Double),
          ("lodged", QVariant.String), ("placed_by", QVariant.String))


class LoadEpcAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "loadepc"
    DISPLAY_NAME = translatable("Load EPC certificates")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas")

    INPUT = "INPUT"
    POSTCODES = "POSTCODES"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    UPRNS = "UPRNS"
    UPRN_FIELD = "UPRN_FIELD"
    AS_AT = "AS_AT"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return tr(
            "Reads the domestic Energy Performance Certificates export (certificates.csv, with the bulk download's "
            "column names or the API's lower-case hyphenated ones) in chunks, keeps the latest certificate of each "
            "home (by building reference number, UPRN, else address), and places each home on its UPRN point, else "
            "on its postcode's point.\n\n"
            "Inputs\n"
            "- EPC certificates: the CSV.\n"
            "- Postcodes: postcode points; Postcode field.\n"
            "- UPRN points (optional): e.g. OS Open UPRN; UPRN field.\n"
            "- As at (optional): the date certificate ages are measured to (default: the newest certificate).\n\n"
            "Output fields (one point per home; homes that cannot be placed are kept without a point and counted "
            "in the log)\n"
            "- uprn, address (as the register publishes it), postcode; rating (A-G; empty when the file's rating is not one); efficiency (1-100).\n"
            "- band_fg: 1 for F or G, the excess-cold risk; private_rented: 1 for a private tenancy; "
            "no_mains_gas: 1 without mains gas; heating: gas, electric, other or none.\n"
            "- cert_age_years: the certificate's age; lodged: its date; placed_by: uprn or postcode.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("EPC certificates"), extension="csv"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.POSTCODES, tr("Postcodes"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"),
                                                      parentLayerParameterName=self.POSTCODES, defaultValue="postcode"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.UPRNS, tr("UPRN points"), [QgsProcessing.TypeVectorPoint],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(self.UPRN_FIELD, tr("UPRN field"), parentLayerParameterName=self.UPRNS,
                                                      optional=True, defaultValue="UPRN"))
        self.addParameter(QgsProcessingParameterDateTime(self.AS_AT, tr("As at"), type=QgsProcessingParameterDateTime.Date,
                                                         optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("EPC homes"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("UNPLACED", tr("Homes that could not be placed")))

    def processAlgorithm(self, parameters, context, feedback):
        import math

        from ..analysis.epc import load_certificates, place, read_certificates
        from ..analysis.messages import AnalysisError
        from ..analysis.postcodes import normalise_postcodes

        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.exists(path):
            fail(tr("The EPC file '{}' does not exist.").format(path))
        postcodes = require_source(self, parameters, context, self.POSTCODES, tr("postcode"))
        postcodes.require_features()
        postcode_field = self.parameterAsString(parameters, self.POSTCODE_FIELD, context)
        postcodes.field_index(postcode_field)
        crs = postcodes.source.sourceCrs()
        uprn_points = None
        if parameters.get(self.UPRNS):
            uprns = require_source(self, parameters, context, self.UPRNS, tr("UPRN"))
            uprn_field = self.parameterAsString(parameters, self.UPRN_FIELD, context)
            uprns.field_index(uprn_field)
            xs, ys, _ = read_incidents(self, parameters, context, feedback, uprns, crs, progress_share=10)
            keys = [None if v is None else str(v).split(".")[0] for v in AreaRecords(uprns, feedback, 0).column(uprn_field)]
            uprn_points = {k: (x, y) for k, x, y in zip(keys, xs, ys) if k and math.isfinite(x)}
        as_at = self.parameterAsDateTime(parameters, self.AS_AT, context).date().toString("yyyy-MM-dd") \
            if parameters.get(self.AS_AT) not in (None, "") else None

        records = AreaRecords(postcodes, feedback, progress_share=20)
        if records.cancelled:
            return {}
        codes = normalise_postcodes(records.column(postcode_field))
        points = {}
        for code, geometry in zip(codes, records.geometries):
            if code and code not in points and not geometry.isNull():
                point = geometry.asPoint()
                points[code] = (point.x(), point.y())
        try:
            homes, notes = load_certificates(read_certificates(path), as_at=as_at)
        except AnalysisError as error:
            raise analysis_error(error)
        except (ValueError, OSError) as error:
            fail(tr("The EPC file '{}' could not be read: {}").format(os.path.basename(path), error))
        for note in notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        feedback.setProgress(70)
        x, y, placed_by = place(homes, uprn_points, points)
        unplaced = int(sum(1 for p in placed_by if p is None))
        if unplaced:
            feedback.pushWarning(tr("{} home(s) could not be placed (no known UPRN or postcode); they are kept without "
                                    "a point.").format(unplaced))

        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(QgsField(name, kind))
        ensure_parent_folder(parameters, self.OUTPUT)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            fail(tr("The output could not be created ({}).").format(parameters.get(self.OUTPUT)))
        columns = [homes["uprn"].tolist(), homes["address"].tolist(), homes["postcode"].tolist(), homes["rating"].tolist(),
                   homes["efficiency"].tolist(), homes["band_fg"].tolist(), homes["private_rented"].tolist(),
                   homes["no_mains_gas"].tolist(), homes["heating"].tolist(), homes["cert_age_years"].tolist(),
                   [d.strftime("%Y-%m-%d") if d == d and d is not None else None for d in homes["date"]]]
        batch = []
        for i in range(len(homes)):
            feature = QgsFeature(fields)
            if placed_by[i] is not None:
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x[i], y[i])))
            values = [_value(column[i]) for column in columns]
            values[5] = None if values[5] is None else int(values[5])  # band_fg
            feature.setAttributes(values + [placed_by[i]])
            batch.append(feature)
            if len(batch) == 5000:
                if feedback.isCanceled():
                    return {}
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
                feedback.setProgress(70 + 30.0 * i / len(homes))
        sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        return {self.OUTPUT: dest_id, "UNPLACED": unplaced}


def _value(value):
    import math

    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):
        return value.item()
    return value

