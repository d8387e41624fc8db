"""The kinds of input *Build factors* turns into factor fields. Each kind is one class: its parameter, its
help, and how one input becomes columns. Adding a kind of source means adding a class to FACTOR_SOURCES."""
import os

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingUtils,
    QgsUnitTypes,
)

from ...plugin.translation import tr, translatable
from .base import CheckedSource, crs_is_defined, fail, python_value, require_same_kind_of_crs
from .layers import read_incidents


class Areas:
    """What every source needs to know about the areas: ids, shapely geometries in the areas' CRS, area in
    km², households (or None), and how to reach the QGIS records for reprojection."""

    def __init__(self, checked, records, ids, households=None, households_name=""):
        import shapely

        self.checked = checked
        self.records = records
        self.ids = ids
        self.crs = checked.source.sourceCrs()
        self.geometries = records.shapely_geometries()
        self.to_m = QgsUnitTypes.fromUnitToUnitFactor(self.crs.mapUnits(), QgsUnitTypes.DistanceMeters)
        self.area_km2 = shapely.area(self.geometries) * (self.to_m / 1000.0) ** 2
        self.households = households
        self.households_name = households_name

    def __len__(self):
        return len(self.ids)

    def per(self, numerator, denominator, scale=1.0):
        import numpy as np

        return np.divide(scale * np.asarray(numerator, float), denominator, out=np.full(len(self), np.nan),
                         where=np.asarray(denominator, float) > 0)


class Factors:
    """Columns one input adds: {field: values}, {field: where it came from}, {field: readable label} (the
    source's own heading where there is one; saved as the field's alias), and notes for the log."""

    def __init__(self):
        self.columns, self.origins, self.labels, self.notes = {}, {}, {}, []

    def add(self, name, values, origin, label=None):
        self.columns[name] = values
        self.origins[name] = origin
        self.labels[name] = label or origin[:1].upper() + origin[1:]


def input_stem(value):
    """An input's name without folders and file extensions ('imd_2019_lsoa.csv.gz' -> 'imd_2019_lsoa'), or
    the layer inside a GeoPackage ('borough.gpkg|layername=roads' -> 'roads')."""
    text = value.source() if hasattr(value, "source") else str(value)
    if "layername=" in text:
        return text.split("layername=", 1)[1].split("|")[0]
    name = value.name() if hasattr(value, "name") and value.name() else os.path.basename(text.split("|")[0])
    for extension in (".gz", ".csv", ".txt", ".tsv", ".gpkg", ".shp", ".xlsx", ".tif", ".tiff"):
        if name.lower().endswith(extension):
            name = name[: -len(extension)]
    return name


class FactorSource:
    """One kind of input: PARAMETER holds a list of them, LAYER_TYPE is the QGIS layer type accepted."""

    PARAMETER = ""
    LABEL = ""
    LAYER_TYPE = QgsProcessing.TypeVector
    HELP_INPUT = ""
    HELP_OUTPUT = ""

    def parameter(self):
        return QgsProcessingParameterMultipleLayers(self.PARAMETER, tr(self.LABEL), self.LAYER_TYPE, optional=True)

    def inputs(self, algorithm, run):
        return algorithm.parameterAsLayerList(run.parameters, self.PARAMETER, run.context)

    def check(self, run, inputs):
        """Refuse settings that cannot work, before anything is read."""

    def factors(self, run, areas, value, position, count):
        """Factors from one input (`position` of `count` in this parameter)."""
        raise NotImplementedError


class TableSource(FactorSource):
    """Attribute tables joined on the area code; text tables are read here, in any common encoding."""

    PARAMETER = "TABLES"
    LABEL = translatable("Attribute tables")
    HELP_INPUT = translatable("- Attribute tables (optional): census, deprivation, income, crime tables (CSV in "
                              "UTF-8, UTF-16 or Windows-1252, gzipped or not; a spreadsheet or a layer) joined on "
                              "the area code. Their numeric fields become factors.\n"
                              "- Table key fields (optional): the code field of each table, comma separated (one "
                              "for all tables, or one per table); empty: the field whose values match the area ids "
                              "is found.\n")
    HELP_OUTPUT = translatable("- <table>_<field>: each numeric table field, named from the table and field names; "
                               "the log gives each field's full heading.\n")
    KEYS = "TABLE_KEYS"

    def inputs(self, algorithm, run):
        """Text files as their paths (read by pandas, which knows UTF-16 and gzip), other tables as layers."""
        from ..analysis.textfiles import is_text_table

        values = run.parameters.get(self.PARAMETER) or []
        values = values if isinstance(values, (list, tuple)) else [values]
        found = []
        for value in values:
            if is_text_table(value) and os.path.isfile(value):
                found.append(value)
                continue
            layer = value if hasattr(value, "getFeatures") else QgsProcessingUtils.mapLayerFromString(
                str(value), run.context)
            if layer is None:
                fail(tr("The attribute table '{}' could not be opened.").format(value))
            found.append(layer)
        return found

    def check(self, run, inputs):
        self.keys(run, len(inputs))

    def keys(self, run, count):
        keys = [k.strip() for k in run.string(self.KEYS).split(",") if k.strip()]
        if keys and len(keys) not in (1, count):
            fail(tr("Give one table key field for all tables or one per table ({} tables, {} keys).")
                 .format(count, len(keys)))
        return keys

    def table(self, run, value):
        import pandas as pd

        from ..analysis.textfiles import read_text_table

        if isinstance(value, str):
            return read_text_table(value)
        rows = []
        for n, feature in enumerate(value.getFeatures()):
            if n % 5000 == 0:
                run.check_cancel()
            rows.append([python_value(v) for v in feature.attributes()])
        return pd.DataFrame(rows, columns=value.fields().names())

    def factors(self, run, areas, value, position, count):
        from ..analysis.factors import detect_key, join_table

        name = input_stem(value)
        table = self.table(run, value)
        keys = self.keys(run, count)
        key = keys[position] if len(keys) == count and len(keys) > 1 else (keys[0] if keys else None)
        if key is None:
            key = detect_key(areas.ids, table)
            if key is None:
                fail(tr("No field of the table '{}' matches the area ids (e.g. {}); give its key field.")
                     .format(name, areas.ids[0]))
            run.info(tr("Table '{}': its codes are in '{}'.").format(name, key))
        columns, notes, origins, headings = join_table(areas.ids, table, key, name)
        found = Factors()
        for field, values in columns.items():
            found.add(field, values, origins[field], headings[field])
        found.notes = notes
        return found


class PointCountSource(FactorSource):
    PARAMETER = "POINTS"
    LABEL = translatable("Point layers")
    LAYER_TYPE = QgsProcessing.TypeVectorPoint
    HELP_INPUT = translatable("- Point layers (optional): e.g. fire safety inspections, home fire safety visits, "
                              "previous incidents: counted per area.\n")
    HELP_OUTPUT = translatable("- <layer>_count and <layer>_per_1k_hh: points per area and per 1,000 households.\n")

    def factors(self, run, areas, layer, position, count):
        from ..analysis.counting import assign_points_to_areas, count_per_area
        from ..analysis.factors import field_name

        name = field_name(input_stem(layer), limit=40)
        source = CheckedSource(layer, tr("point"), layer.name())
        require_same_kind_of_crs(areas.checked, source)
        xs, ys, _ = read_incidents(run.algorithm, run.parameters, run.context, run.feedback, source, areas.crs,
                                   progress_share=100)
        counts = count_per_area(assign_points_to_areas(areas.geometries, xs, ys), len(areas)).astype(float)
        found = Factors()
        found.add(name + "_count", counts, tr("points of '{}' in the area").format(input_stem(layer)))
        if areas.households is not None:
            found.add(name + "_per_1k_hh", areas.per(counts, areas.households, 1000.0),
                      tr("points of '{}' per 1,000 households").format(input_stem(layer)))
        return found


class LineLengthSource(FactorSource):
    PARAMETER = "LINES"
    LABEL = translatable("Line layers")
    LAYER_TYPE = QgsProcessing.TypeVectorLine
    HELP_INPUT = translatable("- Line layers (optional): e.g. roads: length and density per area.\n")
    HELP_OUTPUT = translatable("- <layer>_length_m and <layer>_m_per_km2: line length per area and per square "
                               "kilometre.\n")

    def factors(self, run, areas, layer, position, count):
        import shapely

        from ..analysis.factors import field_name, lengths_in_areas

        name = field_name(input_stem(layer), limit=40)
        require_same_kind_of_crs(areas.checked, CheckedSource(layer, tr("line"), layer.name()))
        request = QgsFeatureRequest().setNoAttributes().setDestinationCrs(areas.crs, run.context.transformContext())
        wkb = []
        for n, feature in enumerate(layer.getFeatures(request)):
            if n % 5000 == 0:
                run.progress(n / max(layer.featureCount(), 1) / 2)
            if feature.hasGeometry():
                wkb.append(bytes(feature.geometry().asWkb()))
        length = lengths_in_areas(areas.geometries, shapely.from_wkb(wkb)) * areas.to_m
        found = Factors()
        found.add(name + "_length_m", length, tr("length of '{}' in the area, metres").format(input_stem(layer)))
        found.add(name + "_m_per_km2", areas.per(length, areas.area_km2),
                  tr("length of '{}' per square kilometre").format(input_stem(layer)))
        return found


class RasterZonalSource(FactorSource):
    PARAMETER = "RASTERS"
    LABEL = translatable("Rasters")
    LAYER_TYPE = QgsProcessing.TypeRaster
    HELP_INPUT = translatable("- Rasters (optional): zonal mean and sum of band 1 per area.\n")
    HELP_OUTPUT = translatable("- <raster>_mean and <raster>_sum: zonal statistics.\n")

    def factors(self, run, areas, layer, position, count):
        from ..analysis.factors import field_name
        from ..analysis.gdal_io import zonal_statistics

        name = field_name(input_stem(layer), limit=40)
        path = layer.source().split("|")[0]
        if crs_is_defined(layer.crs()) != crs_is_defined(areas.crs):
            fail(tr("The raster '{}' has no coordinate reference system, so it cannot be matched with the areas. Set "
                    "its CRS (Layer Properties > Source).").format(layer.name()))
        if not os.path.exists(path):
            fail(tr("The raster '{}' is not a local file that can be read ({}).").format(layer.name(), path))
        geometries = areas.records.shapely_geometries(layer.crs(), run.context.transformContext())
        mean, total = zonal_statistics(geometries, path)
        found = Factors()
        found.add(name + "_mean", mean, tr("mean of '{}' band 1 in the area").format(input_stem(layer)))
        found.add(name + "_sum", total, tr("sum of '{}' band 1 in the area").format(input_stem(layer)))
        return found


FACTOR_SOURCES = (TableSource(), PointCountSource(), LineLengthSource(), RasterZonalSource())

