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
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs
from .layers import (
    AreaRecords,
    check_filter,
    check_unique_ids,
    plain_geopackage_layer,
    read_incidents,
    write_with_columns,
)
from .styling import apply_graduated_style


class CountIncidentsAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "countincidents"
    DISPLAY_NAME = translatable("Count incidents per area")
    GROUP_ID = "datapreparation"
    REQUIRED_MODULES = ("numpy", "shapely", "pandas")
    LAYER_ROLES = {"AREAS": translatable("area"), "INCIDENTS": translatable("incident")}

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

    def perform(self, run):
        from concurrent.futures import ThreadPoolExecutor

        from ..analysis.counting import count_incidents, repair_polygons  # numpy, shapely: only when run

        areas = run.source(self.AREAS, QgsWkbTypes.PolygonGeometry)
        incidents = run.source(self.INCIDENTS, QgsWkbTypes.PointGeometry)
        require_same_kind_of_crs(areas, incidents)
        date_name, start, end, per_year, expression = self._window(run, incidents)
        run.steps(4)
        run.step(tr("Reading areas from '{}'").format(areas.label))
        records, shapes = self._read_areas(run, areas)
        with ThreadPoolExecutor(1) as pool:  # GEOS checks the polygons without the GIL while the incidents are read
            repairing = pool.submit(repair_polygons, shapes)
            run.step()
            points = None if date_name or expression else self.file_points(run, incidents, areas.source.sourceCrs())
            xs, ys, dates = points + (None,) if points else read_incidents(
                self, run.parameters, run.context, run.feedback, incidents, areas.source.sourceCrs(), date_name,
                expression, progress_share=100)
            geometries = self._repaired(run, *repairing.result())
        run.step(tr("Counting"))
        counted = count_incidents(geometries, xs, ys, dates, start, end, per_year)
        run.notes(counted.notes)
        run.step(tr("Writing"))
        columns = [("incidents", QVariant.Int, counted.counts)] + [
            ("incidents_{}".format(year), QVariant.Int, values) for year, values in counted.per_year.items()]
        dest_id = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, records,
                                     columns, progress_start=0)
        run.style(dest_id, lambda layer: apply_graduated_style(layer, "incidents", values=counted.counts))
        return {self.OUTPUT: dest_id, self.COUNTED: counted.counted, self.OUTSIDE: counted.outside}

    def _window(self, run, incidents):
        """The date field, window, per-year switch and filter, checked before anything is read."""
        date_name = run.string(self.DATE_FIELD)
        start, end = (self.parameterAsDateTime(run.parameters, name, run.context).date().toPyDate()
                      if run.given(name) else None for name in (self.START_DATE, self.END_DATE))
        per_year = self.parameterAsBoolean(run.parameters, self.PER_YEAR, run.context)
        if (start or end or per_year) and not date_name:
            fail(tr("A date window or per-year counts need a date field on the incident layer '{}'.")
                 .format(incidents.label))
        if start and end and start > end:
            fail(tr("The start date {} is after the end date {}.").format(start, end))
        expression = run.string(self.FILTER).strip()
        check_filter(expression, incidents.label)
        return date_name, start, end, per_year, expression

    def file_points(self, run, incidents, crs):
        """x and y of every incident read in bulk from a GeoPackage file (layers.FileLayer), when the incidents are
        a whole GeoPackage layer of single points in the areas' CRS, unfiltered; else None and QGIS reads them
        feature by feature."""
        if incidents.source.sourceCrs() != crs:
            return None
        file_layer = plain_geopackage_layer(self, run.parameters, run.context, self.INCIDENTS)
        points = file_layer.point_coordinates(incidents.source.featureCount()) if file_layer else None
        if points is not None:
            run.progress(1.0)
        return points

    def _read_areas(self, run, areas):
        """The areas' records and shapely polygons, their ids checked unique."""
        records = AreaRecords(areas, run.feedback, progress_share=100,
                              file_layer=plain_geopackage_layer(self, run.parameters, run.context, self.AREAS))
        id_name = run.string(self.AREA_ID)
        check_unique_ids(records.column(id_name), id_name, areas.label)
        return records, records.shapely_geometries()

    @staticmethod
    def _repaired(run, geometries, repaired):
        """analysis.counting.repair_polygons' result, with what it did and the gaps said."""
        if repaired:
            run.warn(tr("{} area polygon(s) were invalid (e.g. a bow-tie) and were repaired before counting.")
                     .format(repaired))
        no_geometry = sum(1 for g in geometries if g is None)
        if no_geometry:
            run.warn(tr("{} area(s) have no geometry: they count no incidents.").format(no_geometry))
        return geometries
