"""communityrisk:buildfactors: one modelling layer with every candidate factor as a numeric field."""
import os

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, CheckedSource, fail, python_value, require_source
from .base import analysis_error, write_text
from .layers import AreaRecords, check_unique_ids, read_incidents, write_with_columns

FILL_CHOICES = ("median", "zero", "none")
FILL_LABELS = (translatable("Median of the other areas"), translatable("Zero"), translatable("Leave empty"))


def layer_stem(layer):
    """A layer's name without file extensions ('imd_2019_lsoa.csv.gz' -> 'imd_2019_lsoa'), or the layer
    inside a GeoPackage ('borough.gpkg|layername=roads' -> 'roads')."""
    if "layername=" in layer.source():
        return layer.source().split("layername=", 1)[1].split("|")[0]
    name = layer.name()
    for extension in (".gz", ".csv", ".gpkg", ".shp", ".xlsx", ".tif", ".tiff"):
        if name.lower().endswith(extension):
            name = name[: -len(extension)]
    return name


class BuildFactorsAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "buildfactors"
    DISPLAY_NAME = translatable("Build factors")
    GROUP_ID = "datapreparation"
    REQUIRED_MODULES = ("numpy", "pandas", "shapely", "rasterio")

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    TABLES = "TABLES"
    TABLE_KEYS = "TABLE_KEYS"
    POINTS = "POINTS"
    LINES = "LINES"
    RASTERS = "RASTERS"
    FILL = "FILL"
    OUTPUT = "OUTPUT"
    LOG = "LOG"

    def shortHelpString(self):
        return tr(
            "Assembles one modelling layer: the areas with every candidate factor as a numeric field, ready for "
            "Fit fire risk model.\n\n"
            "Inputs\n"
            "- Areas: polygons in a projected CRS (areas are measured in it); Area id field: a unique code.\n"
            "- Households field (optional): gives household density and rates per 1,000 households.\n"
            "- Attribute tables (optional): census, deprivation, income, crime tables (CSV, spreadsheet or layer) "
            "joined on the area code. Their numeric fields become factors.\n"
            "- Table key fields (optional): the code field of each table, comma separated (one for all tables, "
            "or one per table); empty: the field whose values match the area ids is found.\n"
            "- Point layers (optional): e.g. fire safety inspections, home fire safety visits, previous incidents: "
            "counted per area.\n"
            "- Line layers (optional): e.g. roads: length and density per area.\n"
            "- Rasters (optional): zonal mean and sum of band 1 per area.\n"
            "- Fill missing values: the median of the other areas (default), zero, or leave empty.\n\n"
            "Output fields (the areas' own fields are kept)\n"
            "- area_km2: area in square kilometres; hh_per_km2: households per square kilometre.\n"
            "- <table>_<field>: each numeric table field, named from the table and field names.\n"
            "- <layer>_count and <layer>_per_1k_hh: points per area and per 1,000 households.\n"
            "- <layer>_length_m and <layer>_m_per_km2: line length per area and per square kilometre.\n"
            "- <raster>_mean and <raster>_sum: zonal statistics.\n"
            "The log (and the optional log file) lists every join: areas matched, codes with no match, missing "
            "values and how they were filled, and where each field came from.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"),
                                                      parentLayerParameterName=self.AREAS, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.TABLES, tr("Attribute tables"),
                                                               QgsProcessing.TypeVector, optional=True))
        self.addParameter(QgsProcessingParameterString(self.TABLE_KEYS, tr("Table key fields"), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.POINTS, tr("Point layers"),
                                                               QgsProcessing.TypeVectorPoint, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.LINES, tr("Line layers"),
                                                               QgsProcessing.TypeVectorLine, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.RASTERS, tr("Rasters"), QgsProcessing.TypeRaster,
                                                               optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FILL, tr("Fill missing values"), [tr(x) for x in FILL_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Factors")))
        self.addParameter(QgsProcessingParameterFileDestination(self.LOG, tr("Join log"), tr("Text files (*.txt)"),
                                                                optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd
        import shapely

        from ..analysis.counting import assign_points_to_areas, count_per_area
        from ..analysis.factors import detect_key, field_name, fill_missing, join_table, lengths_in_areas, zonal_statistics
        from ..analysis.messages import AnalysisError, Note

        checked = require_source(self, parameters, context, self.AREAS, tr("area"))
        checked.require_geometry(QgsWkbTypes.PolygonGeometry).require_features()
        crs = checked.source.sourceCrs()
        if crs.isGeographic():
            fail(tr("The area layer '{}' is in a geographic CRS ({}): areas and lengths must be measured in a "
                    "projected CRS. Reproject it first, e.g. to British National Grid (EPSG:27700).")
                 .format(checked.label, crs.authid()))
        id_name = self.parameterAsString(parameters, self.AREA_ID, context)
        checked.field_index(id_name)
        households_name = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        if households_name:
            checked.field_index(households_name)
        tables = self.parameterAsLayerList(parameters, self.TABLES, context)
        keys = [k.strip() for k in self.parameterAsString(parameters, self.TABLE_KEYS, context).split(",") if k.strip()]
        if keys and len(keys) not in (1, len(tables)):
            fail(tr("Give one table key field for all tables or one per table ({} tables, {} keys).")
                 .format(len(tables), len(keys)))
        point_layers = self.parameterAsLayerList(parameters, self.POINTS, context)
        line_layers = self.parameterAsLayerList(parameters, self.LINES, context)
        rasters = self.parameterAsLayerList(parameters, self.RASTERS, context)
        fill = FILL_CHOICES[self.parameterAsEnum(parameters, self.FILL, context)]

        records = AreaRecords(checked, feedback, progress_share=10)
        if records.cancelled:
            return {}
        ids = records.column(id_name)
        check_unique_ids(ids, id_name, checked.label)
        geometries = records.shapely_geometries()

        to_km2 = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceKilometers) ** 2
        to_m = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceMeters)
        area_km2 = shapely.area(geometries) * to_km2
        households = None
        if households_name:
            households = pd.to_numeric(pd.Series(records.column(households_name), dtype=object),
                                       errors="coerce").to_numpy(dtype=float)
        columns = {"area_km2": area_km2}
        origins = {"area_km2": tr("area of the polygon")}
        if households is not None:
            columns["hh_per_km2"] = np.divide(households, area_km2, out=np.full(len(ids), np.nan), where=area_km2 > 0)
            origins["hh_per_km2"] = tr("'{}' per square kilometre").format(households_name)
        notes = []
        steps = max(len(tables) + len(point_layers) + len(line_layers) + len(rasters), 1)
        done = 0

        def progress():
            feedback.setProgress(10 + 75.0 * done / steps)
            return not feedback.isCanceled()

        try:
            for k, layer in enumerate(tables):
                name = layer_stem(layer)
                table = pd.DataFrame([[python_value(v) for v in f.attributes()] for f in layer.getFeatures()],
                                     columns=layer.fields().names())
                key = keys[k] if len(keys) == len(tables) and len(keys) > 1 else (keys[0] if keys else None)
                if key is None:
                    key = detect_key(ids, table)
                    if key is None:
                        fail(tr("No field of the table '{}' matches the area ids of '{}' (e.g. {}); give its key "
                                "field.").format(name, id_name, ids[0]))
                    feedback.pushInfo(tr("Table '{}': its codes are in '{}'.").format(name, key))
                joined, join_notes, join_origins = join_table(ids, table, key, name)
                columns.update(joined)
                origins.update(join_origins)
                notes += join_notes
                done += 1
                if not progress():
                    return {}
            for layer in point_layers:
                name = field_name(layer_stem(layer), limit=40)
                source = CheckedSource(layer, tr("point"), layer.name())
                xs, ys, _ = read_incidents(self, parameters, context, feedback, source, crs, progress_share=0)
                counts = count_per_area(assign_points_to_areas(geometries, xs, ys), len(ids)).astype(float)
                columns[name + "_count"] = counts
                origins[name + "_count"] = tr("points of '{}' in the area").format(layer.name())
                if households is not None:
                    columns[name + "_per_1k_hh"] = np.divide(1000 * counts, households, out=np.full(len(ids), np.nan),
                                                             where=households > 0)
                    origins[name + "_per_1k_hh"] = tr("points of '{}' per 1,000 households").format(layer.name())
                done += 1
                if not progress():
                    return {}
            for layer in line_layers:
                name = field_name(layer_stem(layer), limit=40)
                request = QgsFeatureRequest().setNoAttributes().setDestinationCrs(crs, context.transformContext())
                lines = shapely.from_wkb([bytes(f.geometry().asWkb()) for f in layer.getFeatures(request)
                                          if f.hasGeometry()])
                length = lengths_in_areas(geometries, lines) * to_m
                columns[name + "_length_m"] = length
                columns[name + "_m_per_km2"] = np.divide(length, area_km2, out=np.full(len(ids), np.nan),
                                                         where=area_km2 > 0)
                origins[name + "_length_m"] = tr("length of '{}' in the area, metres").format(layer.name())
                origins[name + "_m_per_km2"] = tr("length of '{}' per square kilometre").format(layer.name())
                done += 1
                if not progress():
                    return {}
            for layer in rasters:
                name = field_name(layer_stem(layer), limit=40)
                path = layer.source().split("|")[0]
                if not os.path.exists(path):
                    fail(tr("The raster '{}' is not a local file that can be read ({}).").format(layer.name(), path))
                mean, total = zonal_statistics(records.shapely_geometries(layer.crs(), context.transformContext()), path)
                columns[name + "_mean"], columns[name + "_sum"] = mean, total
                origins[name + "_mean"] = tr("mean of '{}' band 1 in the area").format(layer.name())
                origins[name + "_sum"] = tr("sum of '{}' band 1 in the area").format(layer.name())
                done += 1
                if not progress():
                    return {}
            columns, fill_notes = fill_missing(columns, fill)
            notes += fill_notes
        except AnalysisError as error:
            raise analysis_error(error)

        lines = []
        for note in notes:
            text = note.render(tr) if isinstance(note, Note) else str(note)
            (feedback.pushWarning if getattr(note, "warning", False) else feedback.pushInfo)(text)
            lines.append(text)
        lines.append("")
        lines.append(tr("Fields written:"))
        for name in columns:
            lines.append("  {}: {}".format(name, origins.get(name, "")))
        feedback.pushInfo(tr("{} factor fields for {} areas.").format(len(columns), len(ids)))
        dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records,
                                     [(name, QVariant.Double, values) for name, values in columns.items()], 85)
        if dest_id is None:
            return {}
        outputs = {self.OUTPUT: dest_id}
        log_path = self.parameterAsFileOutput(parameters, self.LOG, context)
        if log_path:
            write_text(log_path, "\n".join(lines) + "\n")
            outputs[self.LOG] = log_path
        return outputs
