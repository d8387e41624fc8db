"""communityrisk:hmoprevalence: estimated, licensed and unlicensed HMOs per ward or LSOA, with intervals."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs
from .layers import AreaRecords, check_unique_ids, numbers, read_incidents, write_with_columns
from .styling import apply_graduated_style

NUMERIC = QgsProcessingParameterField.Numeric


class HmoPrevalenceAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "hmoprevalence"
    DISPLAY_NAME = translatable("HMO prevalence")
    GROUP_ID = "housingstandards"
    REQUIRED_MODULES = ("numpy", "pandas", "scipy", "shapely")
    LAYER_ROLES = {"AREAS": translatable("area"), "PROPERTIES": translatable("property")}

    PROPERTIES = "PROPERTIES"
    PROBABILITY_FIELD = "PROBABILITY_FIELD"
    LICENSED_FLAG_FIELD = "LICENSED_FLAG_FIELD"
    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    FACTORS = "FACTORS"
    HMO_INCIDENT_FIELD = "HMO_INCIDENT_FIELD"
    YEARS = "YEARS"
    LICENSED_FIELD = "LICENSED_FIELD"
    FIRES_PER_1000_HMOS = "FIRES_PER_1000_HMOS"
    TOTAL_HMOS = "TOTAL_HMOS"
    LEVEL = "LEVEL"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    ESTIMATED = "ESTIMATED"

    def shortHelpString(self):
        return tr(
            "Estimates how many houses in multiple occupation (HMOs) each ward or LSOA holds, how many are "
            "licensed and the share that is not, with intervals: the evidence a council needs to consult on an "
            "additional licensing designation (Housing Act 2004, s56).\n\n"
            "Property mode: give Properties.\n"
            "- Properties: the output of Find unlicensed HMOs (points).\n"
            "- HMO probability field (default hmo_probability, 0-1) and Licensed flag field (default licensed, "
            "0/1).\n"
            "Each area's estimate is its licensed HMOs plus the sum of the other properties' probabilities; the "
            "interval is exact (Poisson-binomial).\n\n"
            "Area mode: leave Properties empty.\n"
            "- Households field: households per area, the exposure.\n"
            "- HMO incidents field: fires flagged as HMO per area (Count incidents with a filter).\n"
            "- Years the HMO incidents cover.\n"
            "- Factors: e.g. Census 2021 shares of private renting, of converted or shared houses and bedsits, of "
            "overcrowding.\n"
            "- Licensed HMOs field (optional): licensed HMOs per area, from your register.\n"
            "- Recorded HMO fires per 1,000 HMOs a year: an ASSUMPTION (default 1: London recorded about 145 HMO "
            "fires a year in 2013-16, against a stock of the order of 150,000 HMOs). Halve it and every estimate "
            "doubles; the ranking of areas does not change.\n"
            "- Total HMOs in the areas, if known: a stock estimate you already have (e.g. from a stock condition "
            "survey) is shared out between the areas instead.\n"
            "A negative binomial model of HMO fires on the factors, pulled toward each area's own fires (empirical "
            "Bayes), gives each area's expected HMO fires a year, which the assumption turns into HMOs.\n\n"
            "Both modes\n"
            "- Areas (wards or LSOAs) and Area id field (unique).\n"
            "- Interval: its coverage, default 95%.\n\n"
            "Output fields (the areas' own fields are kept): estimated_hmos, estimated_hmos_low, "
            "estimated_hmos_high (the interval), licensed_hmos (empty when unknown), unlicensed_share "
            "(1 - licensed / estimated) with unlicensed_share_low and unlicensed_share_high. Report: a one-page "
            "summary for the consultation, saying what the estimate means and what it does not show.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROPERTIES, tr("Properties (output of Find unlicensed HMOs)"), [QgsProcessing.TypeVectorPoint],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PROBABILITY_FIELD, tr("HMO probability field"), "hmo_probability", self.PROPERTIES, NUMERIC,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LICENSED_FLAG_FIELD, tr("Licensed flag field (0/1)"), "licensed", self.PROPERTIES, NUMERIC,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas (wards or LSOAs)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        for name, label in ((self.HOUSEHOLDS_FIELD, tr("Households field (area mode)")),
                            (self.HMO_INCIDENT_FIELD, tr("HMO incidents field (area mode)")),
                            (self.LICENSED_FIELD, tr("Licensed HMOs field (area mode, optional)"))):
            self.addParameter(QgsProcessingParameterField(name, label, None, self.AREAS, NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FACTORS, tr("Factors (area mode)"), None, self.AREAS, NUMERIC, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEARS, tr("Years the HMO incidents cover (area mode)"), QgsProcessingParameterNumber.Double,
            optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.FIRES_PER_1000_HMOS, tr("Recorded HMO fires per 1,000 HMOs a year (assumed)"),
            QgsProcessingParameterNumber.Double, defaultValue=1.0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOTAL_HMOS, tr("Total HMOs in the areas, if known (0: use the fire rate)"),
            QgsProcessingParameterNumber.Double, defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LEVEL, tr("Interval (%)"), QgsProcessingParameterNumber.Double, defaultValue=95, minValue=50,
            maxValue=99.9))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("HMO prevalence"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Report"), tr("HTML files (*.html)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.ESTIMATED, tr("Estimated HMOs in all areas")))

    def perform(self, run):
        from ..analysis.hmo_prevalence import report_html

        areas_source = run.source(self.AREAS, QgsWkbTypes.PolygonGeometry)
        property_mode = run.given(self.PROPERTIES)
        if not property_mode:
            self.check_area_mode(run)
        level = self.parameterAsDouble(run.parameters, self.LEVEL, run.context) / 100.0
        run.steps(4)
        run.step(tr("Reading areas from '{}'").format(areas_source.label))
        areas = AreaRecords(areas_source, run.feedback, progress_share=100)
        ids = areas.column(run.string(self.AREA_ID))
        check_unique_ids(ids, run.string(self.AREA_ID), areas_source.label)
        if property_mode:
            prevalence = self.from_properties(run, areas, areas_source, level)
        else:
            prevalence = self.from_areas(run, areas, level)
        run.notes(prevalence.notes)
        run.step(tr("Writing"))
        columns = [(name, QVariant.Double, prevalence.table[name].to_numpy()) for name in prevalence.table.columns]
        dest = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, areas, columns, 0)
        run.style(dest, lambda layer: apply_graduated_style(layer, "estimated_hmos"))
        outputs = {self.OUTPUT: dest, self.ESTIMATED: prevalence.total[0]}
        report = run.write_text(self.REPORT, report_html(prevalence, ids, tr))
        if report:
            outputs[self.REPORT] = report
        return outputs

    def check_area_mode(self, run):
        """Area mode needs households, HMO incidents and years: said before anything is read."""
        missing = [label for name, label in ((self.HOUSEHOLDS_FIELD, tr("Households field")),
                                             (self.HMO_INCIDENT_FIELD, tr("HMO incidents field")),
                                             (self.YEARS, tr("Years")))
                   if not run.given(name)]
        if missing:
            fail(tr("Give either Properties (the output of Find unlicensed HMOs) or, for area mode, {} on the "
                    "areas.").format(", ".join(missing)))

    def from_properties(self, run, areas, areas_source, level):
        from ..analysis.counting import assign_points_to_areas
        from ..analysis.hmo_prevalence import property_prevalence

        properties = run.source(self.PROPERTIES, QgsWkbTypes.PointGeometry)
        require_same_kind_of_crs(areas_source, properties)
        names = [run.string(self.PROBABILITY_FIELD) or "hmo_probability", run.string(self.LICENSED_FLAG_FIELD) or "licensed"]
        for name in names:
            properties.field_index(name)
        run.step(tr("Reading properties from '{}'").format(properties.label))
        xs, ys, _ = read_incidents(self, run.parameters, run.context, run.feedback, properties,
                                   areas_source.source.sourceCrs(), progress_share=50)
        records = AreaRecords(properties, run.feedback, progress_share=50)
        probability, licensed = (self.numeric(records, name, properties.label) for name in names)
        # Find unlicensed HMOs writes the probabilities at either end of its interval beside them
        ends = [names[0] + "_low", names[0] + "_high"]
        present = [f.name() for f in properties.source.fields()]
        low, high = ((self.numeric(records, name, properties.label) for name in ends)
                     if all(name in present for name in ends) else (None, None))
        run.step(tr("Summing HMO probabilities per area"))
        area_of = assign_points_to_areas(areas.shapely_geometries(), xs, ys)
        return property_prevalence(area_of, probability, licensed, len(areas), level, run.progress, low, high)

    def from_areas(self, run, areas, level):
        from ..analysis.hmo_prevalence import area_prevalence

        label = areas.label
        households, fires = (self.numeric(areas, run.string(name), label)
                             for name in (self.HOUSEHOLDS_FIELD, self.HMO_INCIDENT_FIELD))
        factor_names = self.parameterAsFields(run.parameters, self.FACTORS, run.context)
        if not factor_names:
            run.warn(tr("No factors were given: each area's HMO fire rate is shrunk toward the average of all areas."))
        factors = {name: self.numeric(areas, name, label) for name in factor_names}
        licensed = self.numeric(areas, run.string(self.LICENSED_FIELD), label) if run.given(self.LICENSED_FIELD) else None
        total = self.parameterAsDouble(run.parameters, self.TOTAL_HMOS, run.context)
        run.step(tr("Modelling HMO incidents on the factors"))
        return area_prevalence(
            fires, households, factors, self.parameterAsDouble(run.parameters, self.YEARS, run.context), licensed,
            self.parameterAsDouble(run.parameters, self.FIRES_PER_1000_HMOS, run.context), total or None, level,
            run.progress)

    @staticmethod
    def numeric(records, name, label):
        import numpy as np

        return np.array([np.nan if v is None else v for v in numbers(records.column(name), name, label)], dtype=float)
