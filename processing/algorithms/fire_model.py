"""communityrisk:fitfireriskmodel and communityrisk:applyfireriskmodel."""
import json

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, fail, require_source, write_text
from .layers import AreaRecords, write_with_columns
from .styling import BandStyle, save_band_style_in_geopackage

FAMILY_CHOICES = ("auto", "poisson", "negative binomial")
FAMILY_LABELS = (translatable("Automatic (overdispersion test)"), translatable("Poisson"),
                 translatable("Negative binomial"))
SELECTION_CHOICES = ("aic", "bic", "lasso", "none")
SELECTION_LABELS = (translatable("Forward stepwise by AIC"), translatable("Forward stepwise by BIC"),
                    translatable("LASSO with cross-validation"), translatable("None: use every factor"))
BANDING_CHOICES = ("lfb", "thresholds", "quantiles", "natural breaks")
BANDING_LABELS = (translatable("London Fire Brigade (10, 15, 20, 25 per 10,000 households)"),
                  translatable("My thresholds"), translatable("Quintiles"), translatable("Natural breaks (Fisher-Jenks)"))
OUTPUT_FIELDS = ("observed", "predicted", "rate_10k", "one_in_x", "band", "band_label", "excess", "pearson_resid")
OUTPUT_HELP = translatable(
    "Output fields (the input's own fields are kept)\n"
    "- observed: incidents in the count field (over the years it covers).\n"
    "- predicted: forecast incidents per year.\n"
    "- rate_10k: forecast incidents per 10,000 households per year.\n"
    "- one_in_x: one incident a year per this many households.\n"
    "- band: 1 = well below average … 5 = well above average; band_label: its name.\n"
    "- excess: observed minus the model's expected incidents over the same years.\n"
    "- pearson_resid: the excess divided by its standard deviation; beyond ±2 is unusual.\n"
    "Areas with no households are kept with empty model fields.")


def _model_columns(table):
    return [
        ("observed", QVariant.Double, table["observed"]),
        ("predicted", QVariant.Double, table["predicted"]),
        ("rate_10k", QVariant.Double, table["rate_10k"]),
        ("one_in_x", QVariant.Double, table["one_in_x"]),
        ("band", QVariant.Int, [b if b > 0 else None for b in table["band"]]),
        ("band_label", QVariant.String, [tr(label) if label else None for label in table["band_label"]]),
        ("excess", QVariant.Double, table["excess"]),
        ("pearson_resid", QVariant.Double, table["pearson_resid"]),
    ]


class _StyledOutput:
    """Style the banded output: in the project when loaded, and inside a GeoPackage as its default."""

    def style_output(self, context, dest_id):
        if context.willLoadLayerOnCompletion(dest_id):
            self._style = BandStyle()  # kept: Processing holds the post-processor only weakly
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(self._style)
        self._styled_output = dest_id

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        dest = getattr(self, "_styled_output", None)
        if dest and isinstance(dest, str) and dest.split("|")[0].lower().endswith(".gpkg"):
            if not save_band_style_in_geopackage(dest):
                feedback.pushWarning(tr("The band style could not be saved in {}.").format(dest))
        return {}


class FitFireRiskModelAlgorithm(_StyledOutput, CommunityRiskAlgorithm):
    ALGORITHM_ID = "fitfireriskmodel"
    DISPLAY_NAME = translatable("Fit fire risk model")
    GROUP_ID = "firerisk"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely", "statsmodels", "mapclassify")

    INPUT = "INPUT"
    AREA_ID = "AREA_ID"
    COUNT_FIELD = "COUNT_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    YEARS = "YEARS"
    FACTORS = "FACTORS"
    FAMILY = "FAMILY"
    SELECTION = "SELECTION"
    MAX_FACTORS = "MAX_FACTORS"
    USE_HISTORY = "USE_HISTORY"
    BANDING = "BANDING"
    THRESHOLDS = "THRESHOLDS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    MODEL = "MODEL"

    def shortHelpString(self):
        return tr(
            "Finds the combination of factors that best explains incident counts per area (London Fire "
            "Brigade's method), forecasts incidents per household for every area, and puts each area in one of "
            "five risk bands.\n\n"
            "Inputs\n"
            "- Areas: a layer with one feature per area (wards, LSOAs), e.g. the output of Count incidents "
            "per area and Build factors.\n"
            "- Area id field (optional): names areas in messages and the report.\n"
            "- Incident count field: incidents per area over the years counted.\n"
            "- Households field: households per area; the model forecasts incidents per household.\n"
            "- Years the counts cover: e.g. 5 for counts from 2012 to 2016.\n"
            "- Factors: candidate explanatory fields; by default every numeric field except the count, the "
            "households and other counts of the same incidents (fields starting with the count field's name).\n"
            "- Family: Poisson, negative binomial, or automatic (negative binomial when the counts vary more "
            "than Poisson allows).\n"
            "- Selection: forward stepwise by AIC (default) or BIC, LASSO with cross-validation, or none.\n"
            "- Maximum factors: the most factors stepwise or LASSO may choose.\n"
            "- Use each area's own history: shrink the area's observed rate towards the modelled rate "
            "(empirical Bayes), so persistent hot spots are kept without chasing one bad year.\n"
            "- Banding: London Fire Brigade's thresholds (>25 well above average, >20–25 above, >15–20 average, "
            ">10–15 below, ≤10 well below, per 10,000 households a year), your own four thresholds (My thresholds, "
            "e.g. 10,15,20,25), quintiles or natural breaks.\n\n") + tr(OUTPUT_HELP) + tr(
            "\n\nThe report (HTML) explains the model in plain words: family and why, chosen factors as "
            "incidence-rate ratios with 95% intervals, fit, spatial clustering of errors (Moran's I), charts. "
            "The model file (JSON) holds everything Apply fire risk model needs.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Areas"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"),
                                                      parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(self.COUNT_FIELD, tr("Incident count field"),
                                                      parentLayerParameterName=self.INPUT,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"),
                                                      parentLayerParameterName=self.INPUT,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterNumber(self.YEARS, tr("Years the counts cover"),
                                                       QgsProcessingParameterNumber.Double, minValue=0.01))
        self.addParameter(QgsProcessingParameterField(self.FACTORS, tr("Factors"), parentLayerParameterName=self.INPUT,
                                                      allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FAMILY, tr("Family"), [tr(x) for x in FAMILY_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.SELECTION, tr("Selection"),
                                                     [tr(x) for x in SELECTION_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_FACTORS, tr("Maximum factors"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=15,
                                                       minValue=1))
        self.addParameter(QgsProcessingParameterBoolean(self.USE_HISTORY, tr("Use each area's own history"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(self.BANDING, tr("Banding"), [tr(x) for x in BANDING_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.THRESHOLDS, tr("My thresholds (four, per 10,000 households)"),
                                                       defaultValue="10,15,20,25", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Fire risk")))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.MODEL, tr("Model file"), tr("JSON files (*.json)"),
                                                                optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("FACTORS_CHOSEN", tr("Factors chosen")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..analysis.firemodel import FireModelOptions, fit_fire_model
        from ..analysis.messages import AnalysisError
        from ..analysis.report import fire_model_report

        checked = require_source(self, parameters, context, self.INPUT, tr("area"))
        checked.require_features()
        count_name = self.parameterAsString(parameters, self.COUNT_FIELD, context)
        households_name = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        checked.field_index(count_name)
        checked.field_index(households_name)
        id_name = self.parameterAsString(parameters, self.AREA_ID, context)
        if id_name:
            checked.field_index(id_name)
        factors = self.parameterAsFields(parameters, self.FACTORS, context)
        for name in factors:
            checked.field_index(name)
        options = FireModelOptions(
            years=self.parameterAsDouble(parameters, self.YEARS, context),
            family=FAMILY_CHOICES[self.parameterAsEnum(parameters, self.FAMILY, context)],
            selection=SELECTION_CHOICES[self.parameterAsEnum(parameters, self.SELECTION, context)],
            max_factors=self.parameterAsInt(parameters, self.MAX_FACTORS, context),
            use_history=self.parameterAsBoolean(parameters, self.USE_HISTORY, context),
            band_method=BANDING_CHOICES[self.parameterAsEnum(parameters, self.BANDING, context)],
            thresholds=_parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context)),
        )

        records = AreaRecords(checked, feedback, progress_share=10)
        if records.cancelled:
            return {}
        if not factors:
            factors = default_factors(records, count_name, households_name, id_name, feedback)
        ids = records.column(id_name) if id_name else ["#{}".format(i + 1) for i in range(len(records))]
        geometries = None
        if QgsWkbTypes.geometryType(checked.source.wkbType()) == QgsWkbTypes.PolygonGeometry:
            geometries = records.shapely_geometries()
        feedback.pushInfo(tr("Fitting the model on {} areas with {} candidate factors").format(len(records), len(factors)))
        feedback.setProgress(15)
        try:
            result = fit_fire_model(ids, records.column(count_name), records.column(households_name),
                                    records.frame(factors), options, count_name, households_name, geometries)
        except AnalysisError as error:
            raise analysis_error(error)
        for note in result.notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        feedback.pushInfo(tr("Factors chosen: {}").format(", ".join(result.chosen) or tr("none")))
        feedback.pushInfo(tr("Deviance explained: {:.1%}").format(result.model["fit"]["deviance_explained"]))
        if feedback.isCanceled():
            return {}
        feedback.setProgress(80)

        title = tr("Fire risk model: {}").format(checked.label)
        report_html = fire_model_report(result, title, translate=tr)
        model_json = json.dumps(dict(result.model, source=checked.label), indent=1)
        dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records,
                                     _model_columns(result.table), progress_start=85)
        if dest_id is None:
            return {}
        outputs = {self.OUTPUT: dest_id, "FACTORS_CHOSEN": len(result.chosen)}
        for name, text in ((self.REPORT, report_html), (self.MODEL, model_json)):
            path = self.parameterAsFileOutput(parameters, name, context)
            if path:
                write_text(path, text)
                outputs[name] = path
        self.style_output(context, dest_id)
        band_counts = np.bincount(result.table["band"], minlength=6)[1:]
        feedback.pushInfo(tr("Areas per band (1 = well below … 5 = well above average): {}").format(
            ", ".join(str(int(c)) for c in band_counts)))
        return outputs


def default_factors(records, count_name, households_name, id_name, feedback):
    """Every numeric field except the count, households, the id, identifier fields (id, *_id), other counts
    of the same incidents (e.g. incidents_2016 beside incidents) and a previous model's outputs."""
    excluded = {count_name.lower(), households_name.lower(), (id_name or "").lower(), "fid"}
    excluded |= set(OUTPUT_FIELDS) | {"expected"}
    prefix = count_name.lower() + "_"
    chosen, skipped = [], []
    for name in records.numeric_field_names():
        lower = name.lower()
        if lower in excluded:
            continue
        if lower.startswith(prefix):
            skipped.append(name)
            continue
        if lower in ("id", "objectid", "ogc_fid") or lower.endswith("_id"):
            continue  # identifiers are not factors
        chosen.append(name)
    if skipped:
        feedback.pushInfo(tr("Not used as factors (other counts of the same incidents): {}").format(", ".join(skipped)))
    if not chosen:
        fail(tr("The area layer '{}' has no numeric fields to use as factors besides the count and households.")
             .format(records.label))
    return chosen


def _parse_thresholds(text):
    if not text or not text.strip():
        return (10.0, 15.0, 20.0, 25.0)
    try:
        values = tuple(float(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        fail(tr("My thresholds must be four numbers separated by commas, e.g. 10,15,20,25; not '{}'.").format(text))
    if len(values) != 4:
        fail(tr("My thresholds must be four numbers separated by commas, e.g. 10,15,20,25; not '{}'.").format(text))
    return values


class ApplyFireRiskModelAlgorithm(_StyledOutput, CommunityRiskAlgorithm):
    ALGORITHM_ID = "applyfireriskmodel"
    DISPLAY_NAME = translatable("Apply fire risk model")
    GROUP_ID = "firerisk"
    REQUIRED_MODULES = ("numpy", "pandas", "mapclassify")

    INPUT = "INPUT"
    MODEL = "MODEL"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    COUNT_FIELD = "COUNT_FIELD"
    YEARS = "YEARS"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return tr(
            "Applies a model saved by Fit fire risk model to a layer with the same factor fields: new census "
            "figures, another year, another borough. Same outputs and style as the fit.\n\n"
            "Inputs\n"
            "- Areas: a layer with the model's factor fields.\n"
            "- Model file: the JSON written by Fit fire risk model.\n"
            "- Households field: households per area (default: the field the model was fitted with).\n"
            "- Incident count field (optional): recent incidents per area; with a model that uses history, "
            "each forecast is shrunk towards the area's own record.\n"
            "- Years the counts cover: needed with an incident count field.\n\n") + tr(OUTPUT_HELP)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Areas"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterFile(self.MODEL, tr("Model file"), extension="json"))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"),
                                                      parentLayerParameterName=self.INPUT, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterField(self.COUNT_FIELD, tr("Incident count field"),
                                                      parentLayerParameterName=self.INPUT, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterNumber(self.YEARS, tr("Years the counts cover"),
                                                       QgsProcessingParameterNumber.Double, optional=True,
                                                       minValue=0.01))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Fire risk")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..analysis.firemodel import apply_model, check_model
        from ..analysis.messages import AnalysisError

        path = self.parameterAsFile(parameters, self.MODEL, context)
        try:
            with open(path, encoding="utf-8") as handle:
                model = json.load(handle)
        except (OSError, ValueError) as error:
            fail(tr("The model file '{}' could not be read: {}").format(path, error))
        try:
            check_model(model)
        except AnalysisError as error:
            raise analysis_error(error)
        checked = require_source(self, parameters, context, self.INPUT, tr("area"))
        checked.require_features()
        households_name = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context) or \
            model.get("households_field", "")
        checked.field_index(households_name)
        count_name = self.parameterAsString(parameters, self.COUNT_FIELD, context)
        years = self.parameterAsDouble(parameters, self.YEARS, context) if parameters.get(self.YEARS) not in (None, "") else None
        if count_name:
            checked.field_index(count_name)
            if not years:
                fail(tr("Give the years the incident count field '{}' covers.").format(count_name))
        records = AreaRecords(checked, feedback, progress_share=30)
        if records.cancelled:
            return {}
        try:
            missing = [n for n in model.get("coefficients", {}) if records.fields.lookupField(n) < 0]
            if missing:
                fail(tr("The area layer '{}' lacks the model's factor field(s): {}.").format(checked.label, ", ".join(missing)))
            table, notes = apply_model(model, records.column(households_name),
                                       records.frame(list(model.get("coefficients", {}))),
                                       observed=records.column(count_name) if count_name else None, years=years)
        except AnalysisError as error:
            raise analysis_error(error)
        for note in notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records,
                                     _model_columns(table), progress_start=60)
        if dest_id is None:
            return {}
        self.style_output(context, dest_id)
        return {self.OUTPUT: dest_id}
