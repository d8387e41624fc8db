"""communityrisk:buildfactors: one modelling layer with every candidate factor as a numeric field."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail
from .factor_sources import FACTOR_SOURCES, Areas, TableSource, input_stem
from .layers import AreaRecords, check_unique_ids, numbers, write_with_columns
from .styling import apply_graduated_style

FILL_CHOICES = ("median", "zero", "none")
FILL_LABELS = (translatable("Median of the other areas"), translatable("Zero"), translatable("Leave empty"))

HELP_START = translatable(
    "Assembles one modelling layer: the areas with every candidate factor as a numeric field, ready for "
    "Fit fire risk model.\n\n"
    "Inputs\n"
    "- Areas: polygons in a projected CRS (areas are measured in it); Area id field: a unique code.\n"
    "- Households field (optional): gives household density and rates per 1,000 households. Every area "
    "must have more than zero households; areas with none are refused with their ids.\n")
HELP_MIDDLE = translatable(
    "- Fill missing values: the median of the other areas (default), zero, or leave empty.\n\n"
    "Output fields (the areas' own fields are kept)\n"
    "- area_km2: area in square kilometres; hh_per_km2: households per square kilometre.\n")
HELP_END = translatable(
    "The log (and the optional log file) lists every join: areas matched, codes with no match, missing "
    "values and how they were filled, and where each field came from (its table and full heading).")


class BuildFactorsAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "buildfactors"
    DISPLAY_NAME = translatable("Build factors")
    GROUP_ID = "datapreparation"
    REQUIRED_MODULES = ("numpy", "pandas", "shapely", "osgeo")
    LAYER_ROLES = {"AREAS": translatable("area")}

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    TABLES = TableSource.PARAMETER
    TABLE_KEYS = TableSource.KEYS
    FILL = "FILL"
    OUTPUT = "OUTPUT"
    LOG = "LOG"

    def shortHelpString(self):
        return (tr(HELP_START) + "".join(tr(s.HELP_INPUT) for s in FACTOR_SOURCES) + tr(HELP_MIDDLE)
                + "".join(tr(s.HELP_OUTPUT) for s in FACTOR_SOURCES) + tr(HELP_END))

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"),
                                                      parentLayerParameterName=self.AREAS, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        for source in FACTOR_SOURCES:
            self.addParameter(source.parameter())
            if isinstance(source, TableSource):
                self.addParameter(QgsProcessingParameterString(self.TABLE_KEYS, tr("Table key fields"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FILL, tr("Fill missing values"), [tr(x) for x in FILL_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Factors")))
        self.addParameter(QgsProcessingParameterFileDestination(self.LOG, tr("Join log"), tr("Text files (*.txt)"),
                                                                optional=True, createByDefault=False))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Text tables QGIS cannot open as layers (UTF-16, Windows-1252) are read by the algorithm itself."""
        from ..analysis.textfiles import is_text_table

        values = parameters.get(self.TABLES)
        if isinstance(values, (list, tuple)) and any(is_text_table(v) for v in values):
            parameters = dict(parameters)
            parameters[self.TABLES] = [v for v in values if not is_text_table(v)] or None
        return super().checkParameterValues(parameters, context)

    def perform(self, run):
        from ..analysis.factors import fill_missing

        areas_source = run.source(self.AREAS, QgsWkbTypes.PolygonGeometry).require_projected_crs()
        inputs = [(source, source.inputs(self, run)) for source in FACTOR_SOURCES]
        for source, values in inputs:
            source.check(run, values)
        run.steps(3 + sum(len(values) for _, values in inputs))
        run.step(tr("Reading areas from '{}'").format(areas_source.label))
        areas = self.read_areas(run, areas_source)
        columns, origins, labels, notes = self.base_columns(areas)
        for source, values in inputs:
            for position, value in enumerate(values):
                run.step(tr("Factors from '{}'").format(input_stem(value)))
                found = source.factors(run, areas, value, position, len(values))
                columns.update(found.columns)
                origins.update(found.origins)
                labels.update(found.labels)
                notes += found.notes
        run.step(tr("Filling missing values"))
        columns, fill_notes = fill_missing(columns, FILL_CHOICES[self.parameterAsEnum(run.parameters, self.FILL,
                                                                                      run.context)])
        run.notes(notes + fill_notes)
        run.info(tr("{} factor fields for {} areas.").format(len(columns), len(areas)))
        run.step(tr("Writing"))
        dest_id = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, areas.records,
                                     [(name, QVariant.Double, values) for name, values in columns.items()], 0)
        run.style(dest_id, lambda layer: style_factors(layer, "hh_per_km2" if "hh_per_km2" in columns else "area_km2",
                                                       labels))
        log = run.write_text(self.LOG, join_log(notes + fill_notes, columns, origins))
        return {self.OUTPUT: dest_id, **({self.LOG: log} if log else {})}

    def read_areas(self, run, areas_source):
        records = AreaRecords(areas_source, run.feedback, progress_share=100)
        id_name = run.string(self.AREA_ID)
        ids = records.column(id_name)
        check_unique_ids(ids, id_name, areas_source.label)
        households_name = run.string(self.HOUSEHOLDS_FIELD)
        households = None
        if households_name:
            households = self.households(records.column(households_name), ids, households_name, areas_source.label)
        return Areas(areas_source, records, ids, households, households_name)

    @staticmethod
    def households(values, ids, name, label):
        """Households per area as floats; none, zero or negative is refused, naming the areas."""
        import numpy as np

        households = np.array([np.nan if v is None else v for v in numbers(values, name, label)], dtype=float)
        bad = np.flatnonzero(~(households > 0))
        if len(bad):
            shown = ", ".join("{} ({})".format(ids[k], "empty" if np.isnan(households[k]) else "{:g}".format(
                households[k])) for k in bad[:5])
            fail(tr("The households field '{}' of the area layer '{}' must be above zero in every area; {} area(s) "
                    "are not: {}{}. Correct them (households are the denominator of every rate), or leave the "
                    "households field empty.").format(name, label, len(bad), shown, " …" if len(bad) > 5 else ""))
        return households

    @staticmethod
    def base_columns(areas):
        columns = {"area_km2": areas.area_km2}
        origins = {"area_km2": tr("area of the polygon")}
        labels = {"area_km2": tr("Area (km²)")}
        if areas.households is not None:
            columns["hh_per_km2"] = areas.per(areas.households, areas.area_km2)
            origins["hh_per_km2"] = tr("'{}' per square kilometre").format(areas.households_name)
            labels["hh_per_km2"] = tr("Households per km²")
        return columns, origins, labels, []


def style_factors(layer, field, labels):
    """Graduated on density, and each factor field's readable label as its alias (saved in the .qml beside the
    output, so the attribute table and later reports show 'Private rented (%)', not a cut field name)."""
    apply_graduated_style(layer, field)
    for name, label in labels.items():
        index = layer.fields().lookupField(name)
        if index >= 0:
            layer.setFieldAlias(index, label)


def join_log(notes, columns, origins):
    """The log file: every note, then every field written with where it came from."""
    lines = [note.render(tr) if hasattr(note, "render") else str(note) for note in notes]
    lines += ["", tr("Fields written:")]
    lines += ["  {}: {}".format(name, origins.get(name, "")) for name in columns]
    return "\n".join(lines) + "\n"
