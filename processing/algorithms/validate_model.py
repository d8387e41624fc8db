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
from qgis.PyQt.QtCore import QDate, QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, require_same_kind_of_crs
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
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")
    LAYER_ROLES = {"AREAS": translatable("area"), "INCIDENTS": translatable("incident")}

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
            "- Training start / Training end, Test start / Test end: the two windows (dates included). By default "
            "the last three whole years are the test window and the five years before them the training window; "
            "set them to your incidents' dates. A window with no incident is refused, and one reaching beyond "
            "the first or last dated incident is warned about.\n"
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
        self.add_window_parameters()
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

    def add_window_parameters(self):
        """The four dates, by default a valid pair of windows (a date without a default would show today):
        the last three whole years to test, the five before them to fit."""
        import datetime

        from ..analysis.validation import default_windows

        labels = (tr("Training start"), tr("Training end"), tr("Test start"), tr("Test end"))
        names = (self.TRAIN_START, self.TRAIN_END, self.TEST_START, self.TEST_END)
        for name, label, default in zip(names, labels, default_windows(datetime.date.today())):
            self.addParameter(QgsProcessingParameterDateTime(name, label, type=QgsProcessingParameterDateTime.Date,
                                                             defaultValue=QDate(default.year, default.month,
                                                                                default.day)))

    def perform(self, run):
        from ..analysis.validation import check_windows

        areas = run.source(self.AREAS, QgsWkbTypes.PolygonGeometry)
        incidents = run.source(self.INCIDENTS, QgsWkbTypes.PointGeometry)
        require_same_kind_of_crs(areas, incidents)
        expression = run.string(self.FILTER).strip()
        check_filter(expression, incidents.label)
        windows = [self.parameterAsDateTime(run.parameters, name, run.context).date().toPyDate()
                   for name in (self.TRAIN_START, self.TRAIN_END, self.TEST_START, self.TEST_END)]
        run.steps(5)
        run.step(tr("Reading areas from '{}'").format(areas.label))
        records = AreaRecords(areas, run.feedback, progress_share=100)
        id_name = run.string(self.AREA_ID)
        check_unique_ids(records.column(id_name), id_name, areas.label)
        run.step()
        xs, ys, dates = read_incidents(self, run.parameters, run.context, run.feedback, incidents,
                                       areas.source.sourceCrs(), run.string(self.DATE_FIELD), expression,
                                       progress_share=100)
        run.notes(check_windows(windows, dates))
        run.step(tr("Counting incidents in the two windows"))
        train, test = self.count_windows(records, xs, ys, dates, windows)
        run.info(tr("{} incidents in the training window, {} in the test window.").format(int(train.sum()),
                                                                                         int(test.sum())))
        run.step(tr("Fitting on the training window"))
        result = self.fit(run, records, train, windows)
        run.step(tr("Scoring the forecast on the test window"))
        return self.score_and_write(run, records, result, train, test, windows, areas.label)

    def count_windows(self, records, xs, ys, dates, windows):
        from ..analysis.counting import assign_points_to_areas
        from ..analysis.validation import window_counts

        assigned = assign_points_to_areas(records.shapely_geometries(), xs, ys)
        return window_counts(assigned, dates, windows, len(records))

    def fit(self, run, records, train, windows):
        from ..analysis.firemodel import FireModelOptions, fit_fire_model
        from ..analysis.validation import window_years

        id_name, households_name = run.string(self.AREA_ID), run.string(self.HOUSEHOLDS_FIELD)
        factors = self.parameterAsFields(run.parameters, self.FACTORS, run.context) or \
            default_factors(records, "incidents", households_name, id_name, run)
        options = FireModelOptions(
            years=window_years(*windows[:2]),
            family=FAMILY_CHOICES[self.parameterAsEnum(run.parameters, self.FAMILY, run.context)],
            selection=SELECTION_CHOICES[self.parameterAsEnum(run.parameters, self.SELECTION, run.context)],
            max_factors=self.parameterAsInt(run.parameters, self.MAX_FACTORS, run.context),
            use_history=self.parameterAsBoolean(run.parameters, self.USE_HISTORY, run.context))
        result = fit_fire_model(records.column(id_name), train, records.column(households_name),
                                records.frame(factors), options, "train_incidents", households_name,
                                progress=run.progress)
        run.notes(result.notes)
        return result

    def score_and_write(self, run, records, result, train, test, windows, label):
        import numpy as np

        from ..analysis.validation import forecast_ranks, headline_figures, validate, validation_report, window_years

        train_years, test_years = window_years(*windows[:2]), window_years(*windows[2:])
        used = np.isfinite(result.table["predicted"])
        scores = validate(result.table["predicted"][used], train[used], test[used], train_years, test_years,
                          result.table["expected"][used] / train_years)
        outputs = headline_figures(scores)
        html = validation_report(scores, tr("Fire risk model validation: {}").format(label),
                                 [d.isoformat() for d in windows], translate=tr)
        if run.write_text(self.REPORT, html):
            outputs[self.REPORT] = run.file_output(self.REPORT)
        if run.given(self.OUTPUT):
            columns = [("train_incidents", QVariant.Int, train), ("test_incidents", QVariant.Int, test),
                       ("forecast", QVariant.Double, result.table["predicted"]),
                       ("forecast_rank", QVariant.Int, forecast_ranks(result.table["predicted"]))]
            outputs[self.OUTPUT] = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT,
                                                      records, columns, progress_start=0)
        run.info(tr("Top 10% of areas: forecast {:.1%}, past incidents {:.1%}, hindsight best {:.1%} of "
                    "test-window incidents.").format(outputs["TOP10_FORECAST"], outputs["TOP10_PAST"],
                                                     outputs["TOP10_BEST"]))
        return outputs
