"""communityrisk:lifestyleprofile: share of homes against share of incidents per lifestyle segment."""
from html import escape

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_source
from .base import analysis_error, write_text
from .layers import AreaRecords, numbers, read_incidents, write_table, write_with_columns
from .styling import IndexStyle

class LifestyleProfileAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "lifestyleprofile"
    DISPLAY_NAME = translatable("Lifestyle profile")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")

    HOMES = "HOMES"
    SEGMENT_FIELD = "SEGMENT_FIELD"
    HOMES_FIELD = "HOMES_FIELD"
    HOMES_POSTCODE_FIELD = "HOMES_POSTCODE_FIELD"
    INCIDENTS = "INCIDENTS"
    INCIDENT_POSTCODE_FIELD = "INCIDENT_POSTCODE_FIELD"
    CASUALTIES_FIELD = "CASUALTIES_FIELD"
    MAX_DISTANCE = "MAX_DISTANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_HOMES = "OUTPUT_HOMES"
    REPORT = "REPORT"

    def shortHelpString(self):
        return tr(
            "Which lifestyle groups have more fires than their number of homes suggests? The layout of London "
            "Fire Brigade's Mosaic tables, with any segmentation (Mosaic, the open Output Area Classification).\n\n"
            "Inputs\n"
            "- Homes: a postcode or address layer; Segment field: its lifestyle group; Homes field (optional): "
            "homes per feature (default 1).\n"
            "- Homes postcode field (optional): to match incidents given by postcode.\n"
            "- Incidents: points (each takes the segment of the nearest home feature) or a table with an "
            "Incident postcode field. Casualties field (optional): casualties per incident.\n"
            "- Maximum distance (optional): incidents farther than this from every home get no segment.\n\n"
            "Output fields (one row per segment, highest index first)\n"
            "- segment, homes, pct_homes: the segment's homes and share of all homes.\n"
            "- incidents, pct_incidents, casualties, pct_casualties: its incidents and casualties and their shares.\n"
            "- index: share of incidents ÷ share of homes × 100 (100 = as many as its homes suggest); "
            "index_low, index_high: 95% interval.\n"
            "Homes with segment index: the homes layer with segment_index, styled from blue (below 100) to red.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.HOMES, tr("Homes"), [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterField(self.SEGMENT_FIELD, tr("Segment field"), parentLayerParameterName=self.HOMES))
        self.addParameter(QgsProcessingParameterField(self.HOMES_FIELD, tr("Homes field"), parentLayerParameterName=self.HOMES,
                                                      type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(self.HOMES_POSTCODE_FIELD, tr("Homes postcode field"),
                                                      parentLayerParameterName=self.HOMES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.INCIDENTS, tr("Incidents"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterField(self.INCIDENT_POSTCODE_FIELD, tr("Incident postcode field"),
                                                      parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CASUALTIES_FIELD, tr("Casualties field"),
                                                      parentLayerParameterName=self.INCIDENTS, optional=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterNumber(self.MAX_DISTANCE, tr("Maximum distance"),
                                                       QgsProcessingParameterNumber.Double, optional=True, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Lifestyle profile"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_HOMES, tr("Homes with segment index"),
                                                            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Chart"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd
        import shapely

        from ..analysis.lifestyle import nearest_segments, segment_profile
        from ..analysis.messages import AnalysisError
        from ..analysis.postcodes import normalise_postcodes

        homes_checked = require_source(self, parameters, context, self.HOMES, tr("homes"))
        homes_checked.require_features()
        segment_name = self.parameterAsString(parameters, self.SEGMENT_FIELD, context)
        homes_checked.field_index(segment_name)
        homes_name = self.parameterAsString(parameters, self.HOMES_FIELD, context)
        if homes_name:
            homes_checked.field_index(homes_name)
        home_postcode = self.parameterAsString(parameters, self.HOMES_POSTCODE_FIELD, context)
        if home_postcode:
            homes_checked.field_index(home_postcode)
        incidents_checked = require_source(self, parameters, context, self.INCIDENTS, tr("incident"))
        incidents_checked.require_features()
        incident_postcode = self.parameterAsString(parameters, self.INCIDENT_POSTCODE_FIELD, context)
        casualties_name = self.parameterAsString(parameters, self.CASUALTIES_FIELD, context)
        for name in (incident_postcode, casualties_name):
            if name:
                incidents_checked.field_index(name)
        by_postcode = bool(incident_postcode)
        if by_postcode and not home_postcode:
            fail(tr("Incidents matched by postcode need the Homes postcode field of the homes layer '{}'.")
                 .format(homes_checked.label))
        if not by_postcode and QgsWkbTypes.geometryType(incidents_checked.source.wkbType()) != QgsWkbTypes.PointGeometry:
            fail(tr("The incident layer '{}' has no points: give its Incident postcode field.").format(incidents_checked.label))
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) \
            if parameters.get(self.MAX_DISTANCE) not in (None, "") else None

        homes = AreaRecords(homes_checked, feedback, progress_share=20)
        if homes.cancelled:
            return {}
        segments = homes.column(segment_name)
        weights = numbers(homes.column(homes_name), homes_name, homes_checked.label) if homes_name else [1] * len(homes)
        incident_records = AreaRecords(incidents_checked, feedback, progress_share=20)
        casualties = numbers(incident_records.column(casualties_name), casualties_name, incidents_checked.label) \
            if casualties_name else None
        if by_postcode:
            lookup = {}
            for code, segment in zip(normalise_postcodes(homes.column(home_postcode)), segments):
                if code and code not in lookup:
                    lookup[code] = segment
            codes = normalise_postcodes(incident_records.column(incident_postcode))
            incident_segments = [lookup.get(code) for code in codes]
            unmatched = sum(1 for s in incident_segments if s is None)
            if unmatched:
                feedback.pushWarning(tr("{} incident(s) have a postcode not found among the homes and were left out.")
                                     .format(unmatched))
        else:
            xs, ys, _ = read_incidents(self, parameters, context, feedback, incidents_checked,
                                       homes_checked.source.sourceCrs(), progress_share=40)
            home_points = shapely.centroid(homes.shapely_geometries())
            present = ~shapely.is_empty(home_points) & ~shapely.is_missing(home_points)
            incident_points = shapely.points(xs, ys)
            ok = np.isfinite(xs)
            incident_segments = np.full(len(xs), None, dtype=object)
            found, distances = nearest_segments(home_points[present], np.asarray(segments, dtype=object)[present],
                                                incident_points[ok], max_distance)
            incident_segments[ok] = found
            far = int(np.sum(pd.isna(found)))
            if far:
                feedback.pushWarning(tr("{} incident(s) are farther than {} from every home and were left out.")
                                     .format(far, max_distance))
            feedback.pushInfo(tr("Incidents are on average {:.0f} map units from the nearest home feature.")
                              .format(float(np.nanmean(distances)) if len(distances) else 0.0))
        try:
            table = segment_profile(segments, weights, incident_segments, casualties)
        except AnalysisError as error:
            raise analysis_error(error)
        feedback.setProgress(80)

        dest_id = write_table(self, parameters, context, self.OUTPUT, table)
        outputs = {self.OUTPUT: dest_id}
        if parameters.get(self.OUTPUT_HOMES):
            index_of = dict(zip(table["segment"], table["index"]))
            values = [index_of.get("(none)" if s is None else str(s), float("nan")) for s in segments]
            homes_dest = write_with_columns(self, parameters, context, feedback, self.OUTPUT_HOMES, homes,
                                            [("segment_index", QVariant.Double, values)], progress_start=85)
            if homes_dest is None:
                return {}
            if context.willLoadLayerOnCompletion(homes_dest):
                self._style = IndexStyle("segment_index")
                context.layerToLoadOnCompletionDetails(homes_dest).setPostProcessor(self._style)
            outputs[self.OUTPUT_HOMES] = homes_dest
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            write_text(report, profile_chart_html(table, tr("Lifestyle profile: {}").format(homes_checked.label)))
            outputs[self.REPORT] = report
        top = table.iloc[0]
        feedback.pushInfo(tr("Highest index: '{}' with {:.0f} ({:.1f}% of homes, {:.1f}% of incidents).").format(
            top["segment"], top["index"], top["pct_homes"], top["pct_incidents"]))
        return outputs


def profile_chart_html(table, title):
    from ..analysis import charts

    colours = ["#d7191c" if v > 100 else "#2b83ba" for v in table["index"]]
    errors = list(zip(table["index_low"], table["index_high"]))
    rows = "".join("<tr><td>{}</td><td>{:.1f}%</td><td>{:.1f}%</td><td>{:.0f}</td><td>{:.0f}–{:.0f}</td></tr>".format(
        escape(str(r.segment)), r.pct_homes, r.pct_incidents, r.index, r.index_low, r.index_high)
        for r in table.itertuples())
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head>"
            "<body style=\"font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:900px;margin:24px auto\">"
            "<h1>{0}</h1>{1}<table border='1' cellpadding='4' style='border-collapse:collapse'>"
            "<tr><th>{2}</th><th>{3}</th><th>{4}</th><th>{5}</th><th>{6}</th></tr>{7}</table></body></html>").format(
        escape(title),
        charts.bar_chart(list(table["segment"]), list(table["index"]), tr("Index (100 = as many incidents as homes suggest)"),
                         colours=colours, errors=errors, zero_line=100.0),
        escape(tr("Segment")), escape(tr("Share of homes")), escape(tr("Share of incidents")), escape(tr("Index")),
        escape(tr("95% interval")), rows)
