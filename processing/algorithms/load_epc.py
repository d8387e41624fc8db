"""communityrisk:loadepc: the EPC register's certificates as one point per home, latest certificate kept."""
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
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
    QgsRendererCategory,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail
from .layers import AreaRecords, read_incidents, write_table

FIELDS = (("uprn", QVariant.String), ("address", QVariant.String), ("postcode", QVariant.String),
          ("rating", QVariant.String), ("efficiency", QVariant.Double), ("band_fg", QVariant.Int),
          ("private_rented", QVariant.Int), ("no_mains_gas", QVariant.Int), ("heating", QVariant.String),
          ("cert_age_years", QVariant.Double), ("lodged", QVariant.String), ("placed_by", QVariant.String))
# The register's own rating colours, A (dark green) to G (red).
RATING_COLOURS = (("A", "#008054"), ("B", "#19b459"), ("C", "#8dce46"), ("D", "#ffd500"), ("E", "#fcaa65"),
                  ("F", "#ef8023"), ("G", "#e9153b"))
TABLE_EXTENSIONS = (".csv", ".xlsx")


FIELD_LABELS = {"rating": translatable("EPC rating"), "efficiency": translatable("Energy efficiency (1-100)"),
                "band_fg": translatable("Rated F or G (1 = yes)"), "private_rented": translatable("Privately rented (1 = yes)"),
                "no_mains_gas": translatable("No mains gas (1 = yes)"), "heating": translatable("Main heating"),
                "cert_age_years": translatable("Certificate age (years)"), "lodged": translatable("Certificate lodged"),
                "placed_by": translatable("Placed by")}


def apply_rating_style(layer):
    """Homes coloured by rating as the register colours them, with readable field labels (aliases)."""
    for name, label in FIELD_LABELS.items():
        index = layer.fields().lookupField(name)
        if index >= 0:
            layer.setFieldAlias(index, tr(label))
    categories = []
    for rating, colour in RATING_COLOURS:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        categories.append(QgsRendererCategory(rating, symbol, tr("EPC rating {}").format(rating)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("rating", categories))


class LoadEpcAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "loadepc"
    DISPLAY_NAME = translatable("Load EPC certificates")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas")
    LAYER_ROLES = {"POSTCODES": translatable("postcode"), "UPRNS": translatable("UPRN")}

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
            "- EPC certificates: the CSV, plain or gzipped (.csv.gz), in UTF-8, UTF-16 or Windows-1252. Dates may be "
            "ISO (2016-03-31), day first (31/03/2016), month first (03/31/2016) or Excel day numbers (42460); the "
            "file's own order is found from dates that can only be read one way, and dates that could be read "
            "either way are reported.\n"
            "- Postcodes: postcode points; Postcode field.\n"
            "- UPRN points (optional): e.g. OS Open UPRN; UPRN field.\n"
            "- As at (optional): the date certificate ages are measured to (default: the newest certificate).\n\n"
            "Output fields (one point per home; homes that cannot be placed are kept without a point and counted "
            "in the log; a CSV or XLSX output adds x and y columns instead)\n"
            "- uprn, address (as the register publishes it), postcode; rating (A-G; empty when the file's rating is "
            "not one); efficiency (1-100).\n"
            "- band_fg: 1 for F or G, the excess-cold risk; private_rented: 1 for a private tenancy; "
            "no_mains_gas: 1 without mains gas; heating: gas, electric, other or none.\n"
            "- cert_age_years: the certificate's age; lodged: its date; placed_by: uprn or postcode.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("EPC certificates"),
                                                     fileFilter=tr("CSV files (*.csv *.csv.gz *.txt)")))
        self.addParameter(QgsProcessingParameterFeatureSource(self.POSTCODES, tr("Postcodes"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"),
                                                      parentLayerParameterName=self.POSTCODES, defaultValue="postcode"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.UPRNS, tr("UPRN points"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(self.UPRN_FIELD, tr("UPRN field"),
                                                      parentLayerParameterName=self.UPRNS, optional=True,
                                                      defaultValue="UPRN"))
        self.addParameter(QgsProcessingParameterDateTime(self.AS_AT, tr("As at"),
                                                         type=QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("EPC homes"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("UNPLACED", tr("Homes that could not be placed")))

    def perform(self, run):
        from ..analysis.epc import load_certificates, place, read_certificates

        path = self.parameterAsFile(run.parameters, self.INPUT, run.context)
        if not path or not os.path.isfile(path):
            fail(tr("The EPC file '{}' does not exist.").format(path))
        postcodes = run.source(self.POSTCODES, QgsWkbTypes.PointGeometry)
        crs = postcodes.source.sourceCrs()
        as_at = self.parameterAsDateTime(run.parameters, self.AS_AT, run.context).date().toString("yyyy-MM-dd") \
            if run.given(self.AS_AT) else None
        run.steps(5)
        run.step(tr("Reading UPRN points"))
        uprn_points = self.uprn_points(run, crs) if run.given(self.UPRNS) else None
        run.step(tr("Reading postcode points from '{}'").format(postcodes.label))
        postcode_points = self.postcode_points(run, postcodes)
        run.step(tr("Reading certificates from '{}'").format(os.path.basename(path)))
        homes, notes = load_certificates(read_certificates(path, progress=run.progress), as_at=as_at)
        run.notes(notes)
        run.step(tr("Placing homes"))
        x, y, placed_by = place(homes, uprn_points, postcode_points)
        unplaced = int(sum(1 for p in placed_by if p is None))
        if unplaced:
            run.warn(tr("{} home(s) could not be placed (no known UPRN or postcode); they are kept without a point.")
                     .format(unplaced))
        run.step(tr("Writing"))
        dest_id = self.write(run, homes_table(homes, placed_by, x, y), crs)
        if not dest_id.lower().endswith(TABLE_EXTENSIONS):
            run.style(dest_id, apply_rating_style)
        return {self.OUTPUT: dest_id, "UNPLACED": unplaced}

    def uprn_points(self, run, crs):
        import math

        uprns = run.source(self.UPRNS, QgsWkbTypes.PointGeometry)
        uprn_field = run.string(self.UPRN_FIELD)
        uprns.field_index(uprn_field)
        xs, ys, _ = read_incidents(self, run.parameters, run.context, run.feedback, uprns, crs, progress_share=50)
        keys = [None if v is None else str(v).split(".")[0]
                for v in AreaRecords(uprns, run.feedback, 50).column(uprn_field)]
        return {k: (x, y) for k, x, y in zip(keys, xs, ys) if k and math.isfinite(x)}

    def postcode_points(self, run, postcodes):
        from ..analysis.postcodes import normalise_postcodes

        records = AreaRecords(postcodes, run.feedback, progress_share=100)
        points = {}
        for code, geometry in zip(normalise_postcodes(records.column(run.string(self.POSTCODE_FIELD))),
                                  records.geometries):
            if code and code not in points and not geometry.isNull():
                point = geometry.asPoint()
                points[code] = (point.x(), point.y())
        return points

    def write(self, run, table, crs):
        """A point layer, or for a CSV/XLSX destination a table with x and y (numbers unquoted, formulas
        in addresses neutralised)."""
        destination = self.parameterAsOutputLayer(run.parameters, self.OUTPUT, run.context)
        if destination.lower().endswith(TABLE_EXTENSIONS):
            return write_table(self, run.parameters, run.context, self.OUTPUT, table)
        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(run.parameters, self.OUTPUT, run.context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            fail(tr("The output could not be created ({}).").format(destination))
        columns = [table[name].astype(object).tolist() for name, _ in FIELDS]
        xs, ys, placed = table["x"].tolist(), table["y"].tolist(), table["placed_by"].tolist()
        batch = []
        for i in range(len(table)):
            feature = QgsFeature(fields)
            if placed[i] is not None:
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i])))
            feature.setAttributes([_value(column[i]) for column in columns])
            batch.append(feature)
            if len(batch) == 5000:
                run.progress(i / len(table))
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
        sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        return dest_id


def homes_table(homes, placed_by, x, y):
    """The output's columns in order, with x and y of each placed home."""
    import numpy as np
    import pandas as pd

    table = homes[["uprn", "address", "postcode", "rating", "efficiency", "band_fg", "private_rented",
                   "no_mains_gas", "heating", "cert_age_years"]].copy()
    table["band_fg"] = table["band_fg"].astype("Int64")
    table["lodged"] = homes["date"].dt.strftime("%Y-%m-%d")
    table["placed_by"] = placed_by
    placed = np.array([p is not None for p in placed_by])
    table["x"] = pd.Series(np.where(placed, x, np.nan), index=table.index)
    table["y"] = pd.Series(np.where(placed, y, np.nan), index=table.index)
    return table.reset_index(drop=True)


def _value(value):
    import math

    import pandas as pd

    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):
        return value.item()
    return value
