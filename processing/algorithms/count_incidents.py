"""communityrisk:countincidents: count incident points per area, optionally per calendar year."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_source
from .layers import AreaRecords, check_filter, check_unique_ids, read_incidents, write_with_columns
from .styling import GraduatedStyle


class CountIncidentsAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "countincidents"
    DISPLAY_NAME = translatable("Count incidents per area")
    GROUP_ID = "datapreparation"
    REQUIRED_MODULES = ("numpy", "shapely", "pandas")

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    INCIDENTS = "INCIDENTS"
    DATE_FIELD = "DATE_FIELD"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    FILTER = "FILTER"
    PER_YEAR = "PER_YEAR"
    OUTPUT = "OUTPUT"
    COUNTED = "COUNTED"
    OUTSIDE = "OUTSIDE"

    def shortHelpString(self):
        return tr(
            "Counts incident points (fires, calls, visits) in each area polygon, ready for the fire-risk "
            "model.\n\n"
            "Inputs\n"
            "- Areas: polygons such as wards or LSOAs.\n"
            "- Area id field: a unique code per area (e.g. LSOA11CD); duplicates are refused.\n"
            "- Incidents: points. A layer in another CRS is reprojected to the areas' CRS.\n"
            "- Date field (optional): the incident date, as a date field or as text "
            "(2016-03-31 or 31/03/2016). Needed for a date window or per-year counts.\n"
            "- Start date / End date (optional): count only incidents on or after the start and on or "
            "before the end. Incidents with no date are then left out and reported in the log.\n"
            "- Filter (optional): a QGIS expression choosing which incidents count, e.g. "
            "\"property_type\" = 'House - single occupancy'.\n"
            "- Count per year: add one column per calendar year.\n\n"
            "Output fields (the areas' own fields are kept)\n"
            "- incidents: incidents in the area.\n"
            "- incidents_YYYY: incidents in the area in calendar year YYYY (with Count per year).\n\n"
            "A point on a boundary shared by two areas is counted once, in the first of them in layer "
            "order. Incidents outside every area are counted in no area; the log says how many."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INCIDENTS, tr("Incidents"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            self.DATE_FIELD, tr("Date field"), parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.START_DATE, tr("Start date"), type=QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            self.END_DATE, tr("End date"), type=QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            self.FILTER, tr("Filter (expression)"), parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.PER_YEAR, tr("Count per year"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Incident counts"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.COUNTED, tr("Incidents counted")))
        self.addOutput(QgsProcessingOutputNumber(self.OUTSIDE, tr("Incidents outside every area")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..analysis.counting import assign_points_to_areas, count_per_area
        from ..analysis.dates import years_of

        # --- check every input before anything is read or written ---
        checked_areas = require_source(self, parameters, context, self.AREAS, tr("area"))
        checked_areas.require_geometry(QgsWkbTypes.PolygonGeometry).require_features()
        id_index = checked_areas.field_index(self.parameterAsString(parameters, self.AREA_ID, context))
        checked_incidents = require_source(self, parameters, context, self.INCIDENTS, tr("incident"))
        checked_incidents.require_geometry(QgsWkbTypes.PointGeometry).require_features()
        date_name = self.parameterAsString(parameters, self.DATE_FIELD, context)
        date_index = checked_incidents.field_index(date_name) if date_name else -1
        areas = checked_areas.source
        areas_label, incidents_label = checked_areas.label, checked_incidents.label
        start = self.parameterAsDateTime(parameters, self.START_DATE, context) \
            if parameters.get(self.START_DATE) not in (None, "") else None
        end = self.parameterAsDateTime(parameters, self.END_DATE, context) \
            if parameters.get(self.END_DATE) not in (None, "") else None
        per_year = self.parameterAsBoolean(parameters, self.PER_YEAR, context)
        if (start or end or per_year) and date_index < 0:
            fail(tr("A date window or per-year counts need a date field on the incident layer '{}'.")
                 .format(incidents_label))
        if start and end and start.date() > end.date():
            fail(tr("The start date {} is after the end date {}.").format(
                start.date().toString("yyyy-MM-dd"), end.date().toString("yyyy-MM-dd")))
        expression = self.parameterAsString(parameters, self.FILTER, context).strip()
        check_filter(expression, incidents_label)

        # --- areas: ids must be unique, geometries become shapely polygons ---
        feedback.pushInfo(tr("Reading areas from '{}'").format(areas_label))
        records = AreaRecords(checked_areas, feedback, progress_share=0)
        if records.cancelled:
            return {}
        area_ids = records.column(areas.fields().at(id_index).name())
        check_unique_ids(area_ids, areas.fields().at(id_index).name(), areas_label)
        area_geometries = records.shapely_geometries()

        # --- incidents: coordinates in the areas' CRS, dates when asked for ---
        read = read_incidents(self, parameters, context, feedback, checked_incidents, areas.sourceCrs(),
                              date_name, expression, progress_share=80.0)
        if read is None:
            return {}
        xs, ys, dates = read
        n_read = len(xs)
        keep = np.ones(n_read, dtype=bool)
        years = None
        if dates is not None:
            if start or end or per_year:
                no_date = np.isnat(dates)
                if no_date.any():
                    feedback.pushWarning(tr("{} incident(s) have no date and were not counted.")
                                         .format(int(no_date.sum())))
                keep &= ~no_date
                if start:
                    keep &= dates >= np.datetime64(start.date().toString("yyyy-MM-dd"))
                if end:
                    keep &= dates <= np.datetime64(end.date().toString("yyyy-MM-dd"))
            years = years_of(dates)

        missing_point = ~np.isfinite(np.asarray(xs, dtype=float))
        if missing_point.any():
            feedback.pushWarning(tr("{} incident(s) have no geometry and were not counted.")
                                 .format(int(missing_point.sum())))
        if feedback.isCanceled():
            return {}

        # --- count ---
        xs = np.asarray(xs, dtype=float)[keep]
        ys = np.asarray(ys, dtype=float)[keep]
        assignment = assign_points_to_areas(area_geometries, xs, ys)
        n_areas = len(records)
        counts = count_per_area(assignment, n_areas)
        outside = int(((assignment < 0) & np.isfinite(xs)).sum())
        counted = int(counts.sum())
        year_counts = {}
        if per_year:
            year_counts = count_per_area(assignment, n_areas, years[keep])
            year_range = _year_range(year_counts, start, end)
            year_counts = {y: year_counts.get(y, np.zeros(n_areas, dtype=np.int64)) for y in year_range}
        feedback.pushInfo(tr("{} incident(s) read, {} counted in {} areas.").format(n_read, counted, n_areas))
        if outside:
            feedback.pushWarning(tr("{} incident(s) lie outside every area and were not counted.")
                                 .format(outside))
        feedback.setProgress(85)

        # --- write: only now is the output created, so a failure above leaves nothing behind ---
        columns = [("incidents", QVariant.Int, counts)] + [
            ("incidents_{}".format(year), QVariant.Int, values) for year, values in year_counts.items()]
        dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records, columns,
                                     progress_start=85)
        if dest_id is None:
            return {}

        if context.willLoadLayerOnCompletion(dest_id):
            self._style = GraduatedStyle("incidents", tr("Incidents"))
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(self._style)
        return {self.OUTPUT: dest_id, self.COUNTED: counted, self.OUTSIDE: outside}


def _year_range(year_counts, start, end):
    """Every calendar year in the window (or between the first and last incident), so gaps show as 0."""
    years = sorted(int(y) for y in year_counts if y >= 0)
    first = start.date().year() if start else (years[0] if years else None)
    last = end.date().year() if end else (years[-1] if years else None)
    if first is None or last is None:
        return []
    return list(range(first, last + 1))
