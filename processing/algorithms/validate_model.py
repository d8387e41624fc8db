"""communityrisk:validatefireriskmodel: out-of-time validation from dated incident points."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, fail, require_source, write_text
from .fire_model import (
    FAMILY_CHOICES,
    FAMILY_LABELS,
    SELECTION_CHOICES,
    SELECTION_LABELS,
    default_factors,
)
from .layers import AreaRecords, check_filter, check_unique_ids, read_incidents, write_with_columns


class ValidateFireRiskModelAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "validatefireriskmodel"
    DISPLAY_NAME = translatable("Validate fire risk model (out of time)")
    GROUP_ID = "firerisk"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely", "mapclassify")

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    INCIDENTS = "INCIDENTS"
    DATE_FIELD = "DATE_FIELD"
    FILTER = "FILTER"
    TRAIN_START = "TRAIN_START"
    TRAIN_END = "TRAIN_END"
    TEST_START = "TEST_START"
    TEST_END = "TEST_END"
    FACTORS = "FACTORS"
    FAMILY = "FAMILY"
    SELECTION = "SELECTION"
    MAX_FACTORS = "MAX_FACTORS"
    USE_HISTORY = "USE_HISTORY"
    REPORT = "REPORT"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return tr(
            "Proves whether the fire risk model looks forward: it counts incidents in a training window and a "
            "later test window, fits the model on the first, and scores its forecast on the second, which it "
            "never saw.\n\n"
            "Inputs\n"
            "- Areas: polygons with households and factor fields; Area id field: a unique code.\n"
            "- Households field: households per area.\n"
            "- Incidents: dated points; Date field: their date. Filter (optional): which incidents count.\n"
            "- Training start / Training end, Test start / Test end: the two windows (dates included).\n"
            "- Factors, Family, Selection, Maximum factors, Use each area's own history: as in Fit fire risk "
            "model.\n\n"
            "Report: the share of test-window incidents in the top 5%, 10% and 20% of areas ranked by the "
            "forecast, against ranking by past incidents and the hindsight best; Spearman rank correlation; "
            "Poisson deviance; a capture curve.\n\n"
            "Output fields (optional layer; the areas' own fields are kept)\n"
            "- train_incidents, test_incidents: incidents in each window.\n"
            "- forecast: forecast incidents per year from the training window.\n"
            "- forecast_rank: 1 = the area ranked highest.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"),
                                                      parentLayerParameterName=self.AREAS,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterFeatureSource(self.INCIDENTS, tr("Incidents"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.DATE_FIELD, tr("Date field"), parentLayerParameterName=self.INCIDENTS))
        self.addParameter(QgsProcessingParameterExpression(self.FILTER, tr("Filter (expression)"),
                                                           parentLayerParameterName=self.INCIDENTS, optional=True))
        for name, label in ((self.TRAIN_START, tr("Training start")), (self.TRAIN_END, tr("Training end")),
                            (self.TEST_START, tr("Test start")), (self.TEST_END, tr("Test end"))):
            self.addParameter(QgsProcessingParameterDateTime(name, label, type=QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterField(self.FACTORS, tr("Factors"), parentLayerParameterName=self.AREAS,
                                                      allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FAMILY, tr("Family"), [tr(x) for x in FAMILY_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.SELECTION, tr("Selection"), [tr(x) for x in SELECTION_LABELS],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_FACTORS, tr("Maximum factors"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=15, minValue=1))
        self.addParameter(QgsProcessingParameterBoolean(self.USE_HISTORY, tr("Use each area's own history"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Validation report"), tr("HTML files (*.html)"),
                                                                createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Validation by area"), optional=True,
                                                            createByDefault=False))
        for share in ("05", "10", "20"):
            for ranking in ("FORECAST", "PAST", "BEST"):
                self.addOutput(QgsProcessingOutputNumber("TOP{}_{}".format(share, ranking),
                                                         tr("Share of test incidents in the top {}% of areas ({})")
                                                         .format(int(share), ranking.lower())))
        self.addOutput(QgsProcessingOutputNumber("SPEARMAN", tr("Spearman rank correlation of forecast and test counts")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..analysis.counting import assign_points_to_areas, count_per_area
        from ..analysis.firemodel import FireModelOptions, fit_fire_model
        from ..analysis.messages import AnalysisError
        from ..analysis.validation import validate, validation_report

        checked_areas = require_source(self, parameters, context, self.AREAS, tr("area"))
        checked_areas.require_geometry(QgsWkbTypes.PolygonGeometry).require_features()
        id_name = self.parameterAsString(parameters, self.AREA_ID, context)
        checked_areas.field_index(id_name)
        households_name = self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context)
        checked_areas.field_index(households_name)
        checked_incidents = require_source(self, parameters, context, self.INCIDENTS, tr("incident"))
        checked_incidents.require_geometry(QgsWkbTypes.PointGeometry).require_features()
        date_name = self.parameterAsString(parameters, self.DATE_FIELD, context)
        checked_incidents.field_index(date_name)
        expression = self.parameterAsString(parameters, self.FILTER, context).strip()
        check_filter(expression, checked_incidents.label)
        windows = [self.parameterAsDateTime(parameters, name, context).date()
                   for name in (self.TRAIN_START, self.TRAIN_END, self.TEST_START, self.TEST_END)]
        if not (windows[0] <= windows[1] < windows[2] <= windows[3]):
            fail(tr("The windows must be in order: training start ≤ training end < test start ≤ test end."))
        factors = self.parameterAsFields(parameters, self.FACTORS, context)
        for name in factors:
            checked_areas.field_index(name)

        records = AreaRecords(checked_areas, feedback, progress_share=10)
        if records.cancelled:
            return {}
        ids = records.column(id_name)
        check_unique_ids(ids, id_name, checked_areas.label)
        if not factors:
            factors = default_factors(records, "incidents", households_name, id_name, feedback)
        read = read_incidents(self, parameters, context, feedback, checked_incidents,
                              checked_areas.source.sourceCrs(), date_name, expression, progress_share=40)
        if read is None:
            return {}
        xs, ys, dates = read
        assigned = assign_points_to_areas(records.shapely_geometries(), xs, ys)
        iso = [np.datetime64(d.toString("yyyy-MM-dd")) for d in windows]
        in_train = (dates >= iso[0]) & (dates <= iso[1])
        in_test = (dates >= iso[2]) & (dates <= iso[3])
        train = count_per_area(np.where(in_train, assigned, -1), len(records))
        test = count_per_area(np.where(in_test, assigned, -1), len(records))
        train_years = ((iso[1] - iso[0]).astype(int) + 1) / 365.25
        test_years = ((iso[3] - iso[2]).astype(int) + 1) / 365.25
        feedback.pushInfo(tr("{} incidents in the training window, {} in the test window.").format(
            int(train.sum()), int(test.sum())))
        if test.sum() == 0:
            fail(tr("No incident of the layer '{}' falls in the test window.").format(checked_incidents.label))
        feedback.setProgress(50)
        options = FireModelOptions(
            years=train_years,
            family=FAMILY_CHOICES[self.parameterAsEnum(parameters, self.FAMILY, context)],
            selection=SELECTION_CHOICES[self.parameterAsEnum(parameters, self.SELECTION, context)],
            max_factors=self.parameterAsInt(parameters, self.MAX_FACTORS, context),
            use_history=self.parameterAsBoolean(parameters, self.USE_HISTORY, context))
        try:
            result = fit_fire_model(ids, train, records.column(households_name), records.frame(factors), options,
                                    "train_incidents", households_name)
        except AnalysisError as error:
            raise analysis_error(error)
        for note in result.notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        used = np.isfinite(result.table["predicted"])
        forecast = result.table["predicted"][used]
        model_only = result.table["expected"][used] / train_years
        scores = validate(forecast, train[used], test[used], train_years, test_years, model_only)
        feedback.setProgress(85)

        labels = [d.toString("yyyy-MM-dd") for d in windows]
        title = tr("Fire risk model validation: {}").format(checked_areas.label)
        html = validation_report(scores, title, labels, translate=tr)
        outputs = {}
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if parameters.get(self.OUTPUT):
            rank = np.full(len(records), np.nan)
            order = np.argsort(-np.nan_to_num(result.table["predicted"], nan=-1.0), kind="stable")
            rank[order] = np.arange(1, len(records) + 1)
            rank[~used] = np.nan
            columns = [("train_incidents", QVariant.Int, train), ("test_incidents", QVariant.Int, test),
                       ("forecast", QVariant.Double, result.table["predicted"]), ("forecast_rank", QVariant.Int, rank)]
            dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records, columns, 90)
            if dest_id is None:
                return {}
            outputs[self.OUTPUT] = dest_id
        if report_path:
            write_text(report_path, html)
            outputs[self.REPORT] = report_path
        for share, key in ((0.05, "05"), (0.10, "10"), (0.20, "20")):
            for ranking, name in (("forecast", "FORECAST"), ("past incidents", "PAST"), ("hindsight best", "BEST")):
                outputs["TOP{}_{}".format(key, name)] = scores.capture[ranking][share]
        outputs["SPEARMAN"] = scores.spearman["forecast"]
        feedback.pushInfo(tr("Top 10% of areas: forecast {:.1%}, past incidents {:.1%}, hindsight best {:.1%} of "
                             "test-window incidents.").format(outputs["TOP10_FORECAST"], outputs["TOP10_PAST"],
                                                              outputs["TOP10_BEST"]))
        return outputs
