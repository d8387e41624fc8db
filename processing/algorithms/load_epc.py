"""communityrisk:loadepc: the EPC register's certificates as one point per home, latest certificate kept."""
import os
import shutil
import tempfile

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFeatureRequest,
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
    QgsProviderRegistry,
    QgsRendererCategory,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, python_value
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
        from ..analysis import epc

        path = self.parameterAsFile(run.parameters, self.INPUT, run.context)
        if not path or not os.path.isfile(path):
            fail(tr("The EPC file '{}' does not exist.").format(path))
        postcodes = run.source(self.POSTCODES, QgsWkbTypes.PointGeometry)
        crs = postcodes.source.sourceCrs()
        as_at = self.parameterAsDateTime(run.parameters, self.AS_AT, run.context).date().toString("yyyy-MM-dd") \
            if run.given(self.AS_AT) else None
        self.check_point_fields(run, postcodes)
        certificates = epc.read_certificates(path, progress=run.progress)
        run.steps(5)
        work = tempfile.mkdtemp(prefix="community-risk-epc-")
        connection = epc.connect(work)
        try:
            # DuckDB reads the certificates on threads of its own while the points are read here
            reading = epc.start_reading(certificates, connection)
            try:
                uprn_points, postcode_points = self.read_points(run, postcodes, crs)
                run.step(tr("Reading certificates from '{}'").format(os.path.basename(path)))
                run.notes(epc.latest_homes(certificates, connection, work, as_at, reading))
            except BaseException:
                if reading is not None:
                    reading.stop()  # before the connection closes
                raise
            run.step(tr("Placing homes"))
            unplaced = epc.place_homes(connection, uprn_points, postcode_points)
            if unplaced:
                run.warn(tr("{} home(s) could not be placed (no known UPRN or postcode); they are kept without a "
                            "point.").format(unplaced))
            run.step(tr("Writing"))
            dest_id = self.write(run, connection, crs)
        finally:
            connection.close()
            shutil.rmtree(work, ignore_errors=True)
        if not dest_id.lower().endswith(TABLE_EXTENSIONS):
            run.style(dest_id, apply_rating_style)
        return {self.OUTPUT: dest_id, "UNPLACED": unplaced}

    def check_point_fields(self, run, postcodes):
        """The postcode and UPRN fields exist (a clear message before any reading starts)."""
        postcodes.field_index(run.string(self.POSTCODE_FIELD))
        if run.given(self.UPRNS):
            run.source(self.UPRNS, QgsWkbTypes.PointGeometry).field_index(run.string(self.UPRN_FIELD))

    def read_points(self, run, postcodes, crs):
        run.step(tr("Reading UPRN points"))
        uprn_points = self.uprn_points(run, crs) if run.given(self.UPRNS) else None
        run.step(tr("Reading postcode points from '{}'").format(postcodes.label))
        return uprn_points, self.postcode_points(run, postcodes)

    def uprn_points(self, run, crs):
        """UPRN -> point in `crs` (a UPRN given twice: its last point)."""
        import math

        import pandas as pd

        uprns = run.source(self.UPRNS, QgsWkbTypes.PointGeometry)
        uprn_field = run.string(self.UPRN_FIELD)
        uprns.field_index(uprn_field)
        xs, ys, _ = read_incidents(self, run.parameters, run.context, run.feedback, uprns, crs, progress_share=50)
        keys = [None if v is None else str(v).split(".")[0]
                for v in AreaRecords(uprns, run.feedback, 50).column(uprn_field)]
        rows = [(k, x, y) for k, x, y in zip(keys, xs, ys) if k and math.isfinite(x)]
        frame = pd.DataFrame(rows, columns=["uprn", "x", "y"])
        return frame.drop_duplicates("uprn", keep="last")

    def postcode_points(self, run, postcodes):
        """Postcodes as written and their points, in layer order. Only the postcode field is read: from a plain
        GeoPackage file in one query, else feature by feature."""
        import pandas as pd

        field = run.string(self.POSTCODE_FIELD)
        index = postcodes.field_index(field)
        direct = self.geopackage_postcodes(run, postcodes, field)
        if direct is not None:
            return direct
        request = QgsFeatureRequest().setSubsetOfAttributes([index])
        total = max(postcodes.source.featureCount(), 1)
        codes, xs, ys = [], [], []
        for n, feature in enumerate(postcodes.source.getFeatures(request)):
            if n % 5000 == 0:
                run.progress(n / total)
            if feature.hasGeometry():
                point = _first_point(feature.geometry())
                if point is not None:
                    codes.append(feature.attribute(index))
                    xs.append(point.x())
                    ys.append(point.y())
        return pd.DataFrame({"postcode": [python_value(c) for c in codes], "x": xs, "y": ys})

    def geopackage_postcodes(self, run, postcodes, field):
        """The postcodes and points of a plain GeoPackage point layer (no filter, single points), read with
        SQLite (analysis.counting.geopackage_points); else None."""
        import pandas as pd

        from ..analysis.counting import geopackage_points

        layer = self.parameterAsVectorLayer(run.parameters, self.POSTCODES, run.context)
        if (not isinstance(run.parameters.get(self.POSTCODES), str) or layer is None or layer.providerType() != "ogr"
                or layer.subsetString() or QgsWkbTypes.isMultiType(layer.wkbType())):
            return None
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if parts.get("subset") or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
            return None
        found = geopackage_points(path, parts.get("layerName") or None, (field,))
        if found is None or len(found[0]) != postcodes.source.featureCount():
            return None
        return pd.DataFrame({"postcode": found[2][0], "x": found[0], "y": found[1]})

    def write(self, run, connection, crs):
        """A point layer: a GeoPackage file is filled in bulk by SQLite, any other sink feature by feature. A
        CSV/XLSX destination gets a table with x and y (numbers unquoted, formulas in addresses neutralised)."""
        destination = self.parameterAsOutputLayer(run.parameters, self.OUTPUT, run.context)
        if destination.lower().endswith(TABLE_EXTENSIONS):
            table = connection.execute("SELECT {}, x, y FROM placed".format(OUTPUT_COLUMNS)).fetchdf()
            table["band_fg"] = table["band_fg"].astype("Int64")
            return write_table(self, run.parameters, run.context, self.OUTPUT, table)
        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(run.parameters, self.OUTPUT, run.context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            fail(tr("The output could not be created ({}).").format(destination))
        if bulk_fillable(dest_id):
            del sink  # closes the file: SQLite fills the layer QGIS made
            fill_geopackage(run, connection, dest_id)
        else:
            add_features(run, connection, sink, fields)
        return dest_id


OUTPUT_COLUMNS = ", ".join("CAST({0} AS INTEGER) AS {0}".format(name) if kind == QVariant.Int else name
                           for name, kind in FIELDS)


def geopackage_column(name, kind):
    """The SQL of a field for the GeoPackage: an empty text kept as NULL, as GDAL's CSV import did
    (EMPTY_STRING_AS_NULL) before the bulk fill."""
    return "CAST({} AS INTEGER)".format(name) if kind == QVariant.Int else \
        "nullif({}, '')".format(name) if kind == QVariant.String else name


def _first_point(geometry):
    if not QgsWkbTypes.isMultiType(geometry.wkbType()):
        return geometry.asPoint()
    parts = geometry.asMultiPoint()
    return parts[0] if parts else None


def add_features(run, connection, sink, fields):
    """Homes into any sink (memory layer, shapefile, database), a batch at a time."""
    from ..analysis import epc

    for values, xs, ys in epc.placed_batches(connection, OUTPUT_COLUMNS, run.progress):
        batch = []
        for row, x, y in zip(zip(*values), xs.tolist(), ys.tolist()):
            feature = QgsFeature(fields)
            if x == x:  # NaN: a home without a point
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes(list(row))
            batch.append(feature)
        sink.addFeatures(batch, QgsFeatureSink.FastInsert)


def bulk_fillable(dest_id):
    """Whether the layer QGIS created is in a GeoPackage file, which SQLite fills in bulk."""
    path = dest_id.split("|")[0]
    return path.lower().endswith(".gpkg") and os.path.isfile(path)


def fill_geopackage(run, connection, dest_id):
    """Fill the (empty) GeoPackage layer QGIS created, in bulk and in one transaction, with SQLite itself
    (analysis.geopackage_fill: rows by multi-row INSERT, the spatial index written packed), the homes streamed
    from DuckDB in batches. No second GDAL is loaded: QGIS's made the layer."""
    from ..analysis import epc
    from ..analysis.geopackage_fill import CodedColumns, fill_point_layer

    path, _, options = dest_id.partition("|")
    table = dict(part.split("=", 1) for part in options.split("|") if "=" in part).get("layername")
    coded = CodedColumns(epc.FEW_VALUED_FIELDS)  # rating, heating, flags...: one code a home
    kinds = dict(FIELDS)
    plain = [name for name, _ in FIELDS if name not in coded.names]
    columns = ", ".join(["{} AS {}".format(geopackage_column(name, kinds[name]), name) for name in plain] + [
        "{} AS code".format(coded.code_sql([geopackage_column(name, kinds[name]) for name in coded.names]))])
    fill_point_layer(path, table, plain, epc.placed_batches(connection, columns, run.progress), coded)
