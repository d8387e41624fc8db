"""communityrisk:healthhousingindex: where poor housing meets poor health, area by area."""
import os
from html import escape

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, require_source, write_text
from .layers import AreaRecords, check_unique_ids, numbers, read_incidents, write_table, write_with_columns
from .styling import BandStyle


class HealthHousingIndexAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "healthhousingindex"
    DISPLAY_NAME = translatable("Health and housing index")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas", "shapely")

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    EPC = "EPC"
    CLAIMANTS = "CLAIMANTS"
    IMD_HEALTH_FIELD = "IMD_HEALTH_FIELD"
    IMD_LIVING_FIELD = "IMD_LIVING_FIELD"
    EXTRA_FIELDS = "EXTRA_FIELDS"
    WEIGHTS = "WEIGHTS"
    CHARTS = "CHARTS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    SPINE_CHARTS = "SPINE_CHARTS"
    STREETS = "STREETS"

    def shortHelpString(self):
        return tr(
            "Combines housing and health indicators into one index per ward or LSOA, bands it, and draws a spine "
            "chart per area in the manner of Public Health England's local health profiles.\n\n"
            "Inputs\n"
            "- Areas: wards or LSOAs; Area id field.\n"
            "- EPC homes: the output of Load EPC certificates (points).\n"
            "- Claimant points (optional): housing benefit claimants placed on a map, for claimant density.\n"
            "- IMD health field, IMD living environment field (optional): the IMD domain scores on the areas; "
            "areas without them are indexed on the other indicators (a warning says so).\n"
            "- Other indicators (optional): any numeric fields, higher meaning worse.\n"
            "- Weights: name=number pairs; defaults pct_fg=2, pct_private_rented=1, claimants_per_1k=1, "
            "imd_health=1, imd_living_environment=1, others 1.\n"
            "- Spine charts for: how many of the highest-index areas get a chart (default 20).\n\n"
            "Output fields (the areas' own fields are kept)\n"
            "- epc_homes, pct_fg (F/G-rated homes, %), pct_private_rented (%), claimants_per_1k (per 1,000 EPC homes).\n"
            "- hh_index: the weighted mean of standardised indicators (0 = average, 1 = one standard deviation "
            "worse); band: 1 much better … 5 much worse (quintiles); band_label.\n"
            "Street list: street and postcode district ranked by F/G-rated private rentals, for street surveys.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EPC, tr("EPC homes"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.CLAIMANTS, tr("Claimant points"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        for name, label in ((self.IMD_HEALTH_FIELD, tr("IMD health field")),
                            (self.IMD_LIVING_FIELD, tr("IMD living environment field"))):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.AREAS, optional=True,
                                                          type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterField(self.EXTRA_FIELDS, tr("Other indicators"), parentLayerParameterName=self.AREAS,
                                                      allowMultiple=True, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterString(self.WEIGHTS, tr("Weights"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.CHARTS, tr("Spine charts for"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=20, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Health and housing index")))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.SPINE_CHARTS, tr("Spine charts (PNG)"), optional=True,
                                                                  createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(self.STREETS, tr("Street list"), QgsProcessing.TypeVector,
                                                            optional=True, createByDefault=True))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd

        from ..analysis.counting import assign_points_to_areas
        from ..analysis.health_index import BAND_LABELS, combine, parse_weights, spine_chart_svg, street_list
        from ..analysis.messages import AnalysisError

        areas_checked = require_source(self, parameters, context, self.AREAS, tr("area"))
        areas_checked.require_features()
        id_name = self.parameterAsString(parameters, self.AREA_ID, context)
        areas_checked.field_index(id_name)
        epc_checked = require_source(self, parameters, context, self.EPC, tr("EPC"))
        epc_checked.require_geometry(QgsWkbTypes.PointGeometry).require_features()
        for needed in ("band_fg", "private_rented"):
            epc_checked.field_index(needed)
        imd_fields = {}
        for label, param in (("imd_health", self.IMD_HEALTH_FIELD), ("imd_living_environment", self.IMD_LIVING_FIELD)):
            field = self.parameterAsString(parameters, param, context)
            if field:
                areas_checked.field_index(field)
                imd_fields[label] = field
            else:
                feedback.pushWarning(tr("No {} field on the area layer '{}': the index is built without it.")
                                     .format(label, areas_checked.label))
        extra = self.parameterAsFields(parameters, self.EXTRA_FIELDS, context)
        for field in extra:
            areas_checked.field_index(field)
        try:
            weights = parse_weights(self.parameterAsString(parameters, self.WEIGHTS, context))
        except AnalysisError as error:
            raise analysis_error(error)

        areas = AreaRecords(areas_checked, feedback, progress_share=10)
        ids = areas.column(id_name)
        check_unique_ids(ids, id_name, areas_checked.label)
        crs = areas_checked.source.sourceCrs()
        geometries = areas.shapely_geometries()
        xs, ys, _ = read_incidents(self, parameters, context, feedback, epc_checked, crs, progress_share=30)
        homes = AreaRecords(epc_checked, feedback, progress_share=0)
        where = assign_points_to_areas(geometries, xs, ys)
        fg = np.array([np.nan if v is None else v for v in numbers(homes.column("band_fg"), "band_fg", epc_checked.label)])
        private = np.array([np.nan if v is None else v for v in
                            numbers(homes.column("private_rented"), "private_rented", epc_checked.label)])
        frame = pd.DataFrame({"area": where, "fg": fg, "private": private})
        frame = frame[frame["area"] >= 0]
        n = len(areas)
        epc_homes = np.bincount(frame["area"], minlength=n).astype(float)
        rated = frame.dropna(subset=["fg"])
        fg_homes = np.bincount(rated["area"], weights=rated["fg"], minlength=n)
        rated_count = np.bincount(rated["area"], minlength=n)
        private_homes = np.bincount(frame["area"], weights=frame["private"].fillna(0), minlength=n)
        indicators = pd.DataFrame({
            "pct_fg": np.divide(100 * fg_homes, rated_count, out=np.full(n, np.nan), where=rated_count > 0),
            "pct_private_rented": np.divide(100 * private_homes, epc_homes, out=np.full(n, np.nan), where=epc_homes > 0)})
        if parameters.get(self.CLAIMANTS):
            claimants = require_source(self, parameters, context, self.CLAIMANTS, tr("claimant"))
            cx, cy, _ = read_incidents(self, parameters, context, feedback, claimants, crs, progress_share=0)
            inside = assign_points_to_areas(geometries, cx, cy)
            counts = np.bincount(inside[inside >= 0], minlength=n)
            indicators["claimants_per_1k"] = np.divide(1000 * counts, epc_homes, out=np.full(n, np.nan), where=epc_homes > 0)
        for label, field in imd_fields.items():
            indicators[label] = [np.nan if v is None else v for v in numbers(areas.column(field), field, areas_checked.label)]
        for field in extra:
            indicators[field] = [np.nan if v is None else v for v in numbers(areas.column(field), field, areas_checked.label)]
        no_homes = int((epc_homes == 0).sum())
        if no_homes:
            feedback.pushWarning(tr("{} area(s) have no EPC homes; their housing indicators count as average.").format(no_homes))
        try:
            index, z, band, notes = combine(indicators, weights)
        except AnalysisError as error:
            raise analysis_error(error)
        for note in notes:
            feedback.pushWarning(note.render(tr))
        feedback.setProgress(70)

        columns = [("epc_homes", QVariant.Int, epc_homes)] + [
            (name, QVariant.Double, indicators[name].to_numpy()) for name in indicators.columns
            if name in ("pct_fg", "pct_private_rented", "claimants_per_1k")] + [
            ("hh_index", QVariant.Double, index), ("band", QVariant.Int, band),
            ("band_label", QVariant.String, [tr(BAND_LABELS[b - 1]) for b in band])]
        dest = write_with_columns(self, parameters, context, feedback, self.OUTPUT, areas, columns, 75)
        if dest is None:
            return {}
        if context.willLoadLayerOnCompletion(dest):
            self._style = BandStyle(BAND_LABELS)
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(self._style)
        outputs = {self.OUTPUT: dest}

        top = np.argsort(-index, kind="stable")[: self.parameterAsInt(parameters, self.CHARTS, context)]
        charts = [(ids[k], spine_chart_svg("{} ({} {})".format(ids[k], tr("index"), "{:+.2f}".format(index[k])),
                                           indicators.iloc[k], indicators)) for k in top]
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            body = "".join("<div>{}</div>".format(svg) for _, svg in charts)
            write_text(report, "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head><body "
                               "style=\"font-family:Helvetica,Arial,sans-serif;max-width:820px;margin:24px auto\"><h1>{0}</h1>"
                               "<p>{1}</p>{2}</body></html>".format(
                                   escape(tr("Health and housing index")),
                                   escape(tr("Spine charts of the {} areas with the highest index. Each bar is the range of "
                                             "all areas (dark: middle half), the line their average; the dot is the area: "
                                             "red where worse than three areas in four, green where better.").format(len(charts))),
                                   body))
            outputs[self.REPORT] = report
        folder = self.parameterAsString(parameters, self.SPINE_CHARTS, context)
        if folder and parameters.get(self.SPINE_CHARTS):
            os.makedirs(folder, exist_ok=True)
            for area_id, svg in charts:
                _svg_to_png(svg, os.path.join(folder, "{}.png".format("".join(c if c.isalnum() else "_" for c in str(area_id)))))
            outputs[self.SPINE_CHARTS] = folder
        if parameters.get(self.STREETS):
            flagged = np.nan_to_num(fg) * np.nan_to_num(private)
            address = homes.column("address") if homes.fields.lookupField("address") >= 0 else [None] * len(homes)
            streets = street_list(address, homes.column("postcode"), flagged)
            outputs[self.STREETS] = write_table(self, parameters, context, self.STREETS, streets)
        return outputs


def _svg_to_png(svg, path):
    from qgis.PyQt.QtCore import QByteArray
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(size.width(), size.height(), QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(path)
