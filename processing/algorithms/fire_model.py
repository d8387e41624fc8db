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
from ..analysis.banding import thresholds_text
from .base import CommunityRiskAlgorithm, fail
from .layers import AreaRecords, write_with_columns
from .styling import apply_band_style

FAMILY_CHOICES = ("auto", "poisson", "negative binomial")
FAMILY_LABELS = (translatable("Automatic (overdispersion test)"), translatable("Poisson"),
                 translatable("Negative binomial"))
SELECTION_CHOICES = ("aic", "bic", "lasso", "none")
SELECTION_LABELS = (translatable("Forward stepwise by AIC"), translatable("Forward stepwise by BIC"),
                    translatable("LASSO with cross-validation"), translatable("None: use every factor"))
BANDING_CHOICES = ("lfb", "thresholds", "quantiles", "natural breaks")
BANDING_LABELS = (translatable("London Fire Brigade ({} per 10,000 households)"),
                  translatable("My thresholds"), translatable("Quintiles"), translatable("Natural breaks (Fisher-Jenks)"))
LABEL_CHOICES = ("auto", "rate", "name")
LABEL_LABELS = (translatable("Automatic: rates for fixed thresholds, names for quintiles and natural breaks"),
                translatable("Rates (e.g. 20–25 per 10,000 households)"),
                translatable("Names (Well below average … Well above average)"))
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


def model_columns(table, banding):
    """The output fields written beside the input's own, from the analysis' per-area table."""
    labels = banding.labels(tr)
    return [
        ("observed", QVariant.Double, table["observed"]),
        ("predicted", QVariant.Double, table["predicted"]),
        ("rate_10k", QVariant.Double, table["rate_10k"]),
        ("one_in_x", QVariant.Double, table["one_in_x"]),
        ("band", QVariant.Int, [b if b > 0 else None for b in table["band"]]),
        ("band_label", QVariant.String, [labels[b - 1] if b > 0 else None for b in table["band"]]),
        ("excess", QVariant.Double, table["excess"]),
        ("pearson_resid", QVariant.Double, table["pearson_resid"]),
    ]


def write_banded_output(algorithm, run, records, table, banding):
    """Write the areas with the model's fields, styled by band (on load and as the file's default style)."""
    dest_id = write_with_columns(algorithm, run.parameters, run.context, run.feedback, algorithm.OUTPUT, records,
                                 model_columns(table, banding), progress_start=0)
    labels, colours = banding.labels(tr), banding.colours
    run.style(dest_id, lambda layer: apply_band_style(layer, labels, colours))
    return dest_id


class FitFireRiskModelAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "fitfireriskmodel"
    DISPLAY_NAME = translatable("Fit fire risk model")
    GROUP_ID = "firerisk"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")
    LAYER_ROLES = {"INPUT": translatable("area")}

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
    BAND_LABELS = "BAND_LABELS"
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
            "- Years the counts cover: e.g. 5 for counts from 2012 to 2016 (at least 1; there is no default). Where "
            "the layer has the count's per-year fields (incidents_2012 … from Count incidents with Count per year), "
            "the years are checked against them.\n"
            "- Factors: candidate explanatory fields; by default every numeric field except the count, the "
            "households and other counts of the same incidents (fields starting with the count field's name).\n"
            "- Family: Poisson, negative binomial, or automatic (negative binomial when the counts vary more "
            "than Poisson allows).\n"
            "- Selection: forward stepwise by AIC (default) or BIC, LASSO with cross-validation, or none.\n"
            "- Maximum factors: the most factors stepwise or LASSO may choose.\n"
            "- Use each area's own history: shrink the area's observed rate towards the modelled rate "
            "(empirical Bayes), so persistent hot spots are kept without chasing one bad year.\n"
            "- Banding: London Fire Brigade's thresholds ({lfb} incidents per 10,000 households a year), your own "
            "four thresholds (My thresholds, e.g. {example}), quintiles or natural breaks. LFB's thresholds compare "
            "areas with London's rates: where the local average is not in the middle band, the log and report say so.\n"
            "- Band labels: by rate ('20–25 per 10,000 households'; the default for fixed thresholds) or by name "
            "('Well below average' … 'Well above average'; the default for quintiles and natural breaks).\n\n").format(
            lfb=thresholds_text(), example=thresholds_text(separator=",")) + tr(OUTPUT_HELP) + tr(
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
        # No default: a number shown unasked (once 0.01) is a silent wrong answer; the span is checked when run.
        self.addParameter(QgsProcessingParameterNumber(self.YEARS, tr("Years the counts cover"),
                                                       QgsProcessingParameterNumber.Double, minValue=1))
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
        banding_labels = [tr(BANDING_LABELS[0]).format(thresholds_text())] + [tr(x) for x in BANDING_LABELS[1:]]
        self.addParameter(QgsProcessingParameterEnum(self.BANDING, tr("Banding"), banding_labels, defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.THRESHOLDS, tr("My thresholds (four, per 10,000 households)"),
                                                       defaultValue=thresholds_text(separator=","), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.BAND_LABELS, tr("Band labels"), [tr(x) for x in LABEL_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Fire risk")))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.MODEL, tr("Model file"), tr("JSON files (*.json)"),
                                                                optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("FACTORS_CHOSEN", tr("Factors chosen")))

    def perform(self, run):
        from ..analysis.firemodel import fit_fire_model

        areas = run.source(self.INPUT)
        count_name, households_name, id_name = (run.string(name) for name in (
            self.COUNT_FIELD, self.HOUSEHOLDS_FIELD, self.AREA_ID))
        options = self.options(run)
        run.steps(3)
        run.step(tr("Reading areas from '{}'").format(areas.label))
        records = AreaRecords(areas, run.feedback, progress_share=100)
        run.notes(check_years_covered(records, count_name, options.years))
        factors = self.parameterAsFields(run.parameters, self.FACTORS, run.context) or \
            default_factors(records, count_name, households_name, id_name, run)
        ids = records.column(id_name) if id_name else ["#{}".format(i + 1) for i in range(len(records))]
        polygons = QgsWkbTypes.geometryType(areas.source.wkbType()) == QgsWkbTypes.PolygonGeometry
        run.step(tr("Fitting the model on {} areas with {} candidate factors").format(len(records), len(factors)))
        result = fit_fire_model(ids, records.column(count_name), records.column(households_name),
                                records.frame(factors), options, count_name, households_name,
                                records.shapely_geometries() if polygons else None, progress=run.progress)
        run.notes(result.notes)
        run.info(tr("Factors chosen: {}").format(", ".join(result.chosen) or tr("none")))
        run.info(tr("Deviance explained: {:.1%}").format(result.model["fit"]["deviance_explained"]))
        run.step(tr("Writing the outputs"))
        outputs = {self.OUTPUT: write_banded_output(self, run, records, result.table, result.banding), "FACTORS_CHOSEN": len(result.chosen)}
        outputs.update(self.write_report_and_model(run, result, areas.label, field_labels(run, records, self.INPUT)))
        return outputs

    def options(self, run):
        from ..analysis.firemodel import FireModelOptions

        return FireModelOptions(
            years=self.parameterAsDouble(run.parameters, self.YEARS, run.context),
            family=FAMILY_CHOICES[self.parameterAsEnum(run.parameters, self.FAMILY, run.context)],
            selection=SELECTION_CHOICES[self.parameterAsEnum(run.parameters, self.SELECTION, run.context)],
            max_factors=self.parameterAsInt(run.parameters, self.MAX_FACTORS, run.context),
            use_history=self.parameterAsBoolean(run.parameters, self.USE_HISTORY, run.context),
            banding=self.banding(run))

    def banding(self, run):
        from ..analysis.banding import Banding, parse_thresholds

        method = BANDING_CHOICES[self.parameterAsEnum(run.parameters, self.BANDING, run.context)]
        thresholds = parse_thresholds(run.string(self.THRESHOLDS)) if method == "thresholds" else None
        return Banding.of(method, thresholds, LABEL_CHOICES[self.parameterAsEnum(run.parameters, self.BAND_LABELS,
                                                                                  run.context)])

    def write_report_and_model(self, run, result, source_label, field_labels):

        from ..analysis.report import fire_model_report

        labels = result.banding.labels(tr)
        run.info(tr("Areas per band: {}").format(", ".join("{} {}: {}".format(band, label, int(count)) for band, (
            label, count) in enumerate(zip(labels, result.banding.counts(result.table["band"])), start=1))))
        written = {}
        report = fire_model_report(result, tr("Fire risk model: {}").format(source_label), tr, field_labels)
        for name, text in ((self.REPORT, report), (self.MODEL, json.dumps(dict(result.model, source=source_label),
                                                                        indent=1))):
            path = run.write_text(name, text)
            if path:
                written[name] = path
        return written


def field_labels(run, records, name):
    """Readable labels of the layer's fields: their aliases, from the layer or from the default style (.qml)
    beside its file, where Build factors or the user gave them."""
    from ..analysis.field_labels import qml_aliases
    from .outputs import file_of_source

    value = run.parameters.get(name)
    value = value.source() if hasattr(value, "source") and callable(value.source) else value
    labels = qml_aliases(file_of_source(value) if isinstance(value, str) else None)
    labels.update({field.name(): field.alias() for field in records.fields if field.alias()})
    return labels


def check_years_covered(records, count_name, years):
    """'Years the counts cover' against the count's per-year fields, where the layer has them."""
    from ..analysis.firemodel import check_years, year_fields

    yearly = {year: records.column(name) for year, name in year_fields(count_name, records.fields.names()).items()}
    return check_years(years, count_name, records.column(count_name), yearly)


def default_factors(records, count_name, households_name, id_name, run):
    """Every numeric field that may explain the count (see firemodel.default_factor_names); the other counts
    of the same incidents it leaves out are said, as they would leak the count into the factors."""
    from ..analysis.firemodel import default_factor_names

    chosen, family = default_factor_names(records.numeric_field_names(), count_name, households_name, id_name)
    if family:
        run.warn(tr("Not used as factors: {}. They are other counts of the same incidents as '{}' (a total that "
                    "contains it, or other years), and would leak what the model forecasts into its factors. "
                    "List them under Factors to use them anyway.").format(", ".join(family), count_name))
    if not chosen:
        fail(tr("The area layer '{}' has no numeric fields to use as factors besides the count and households.")
             .format(records.label))
    return chosen


class ApplyFireRiskModelAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "applyfireriskmodel"
    DISPLAY_NAME = translatable("Apply fire risk model")
    GROUP_ID = "firerisk"
    REQUIRED_MODULES = ("numpy", "pandas")
    LAYER_ROLES = {"INPUT": translatable("area")}

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
                                                       minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Fire risk")))

    def perform(self, run):
        from ..analysis.firemodel import apply_model

        model = self.read_model(run)
        areas = run.source(self.INPUT)
        households_name = run.string(self.HOUSEHOLDS_FIELD) or model.get("households_field", "")
        areas.field_index(households_name)
        count_name = run.string(self.COUNT_FIELD)
        years = self.parameterAsDouble(run.parameters, self.YEARS, run.context) if run.given(self.YEARS) else None
        if count_name and not years:
            fail(tr("Give the years the incident count field '{}' covers.").format(count_name))
        run.steps(3)
        run.step(tr("Reading areas from '{}'").format(areas.label))
        records = AreaRecords(areas, run.feedback, progress_share=100)
        if count_name:
            run.notes(check_years_covered(records, count_name, years))
        missing = [name for name in model["coefficients"] if records.fields.lookupField(name) < 0]
        if missing:
            fail(tr("The area layer '{}' lacks the model's factor field(s): {}.").format(areas.label, ", ".join(missing)))
        run.step(tr("Applying the model"))
        table, notes, banding = apply_model(model, records.column(households_name),
                                            records.frame(list(model["coefficients"])),
                                            observed=records.column(count_name) if count_name else None, years=years)
        run.notes(notes)
        run.step(tr("Writing the output"))
        return {self.OUTPUT: write_banded_output(self, run, records, table, banding)}

    def read_model(self, run):
        from ..analysis.firemodel import load_model

        path = self.parameterAsFile(run.parameters, self.MODEL, run.context)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            fail(tr("The model file '{}' could not be read: {}").format(path, error))
        return load_model(text, path)
