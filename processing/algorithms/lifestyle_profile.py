"""communityrisk:lifestyleprofile: share of homes against share of incidents per lifestyle segment."""
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
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs
from .layers import AreaRecords, numbers, write_table, write_with_columns
from .styling import IndexStyle

NO_SEGMENT = "(none)"  # the segment of homes whose segment field is empty

class LifestyleProfileAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "lifestyleprofile"
    DISPLAY_NAME = translatable("Lifestyle profile")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")
    LAYER_ROLES = {"HOMES": translatable("homes"), "INCIDENTS": translatable("incident")}

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
            "- Incidents: points or a table with an Incident postcode field. A point takes the segment of the home "
            "polygon it lies in (e.g. LSOAs with an Output Area Classification segment), or of the nearest home "
            "point. Casualties field (optional): casualties per incident.\n"
            "- Maximum distance (optional, in metres): point homes farther than this from an incident are not "
            "matched; an incident outside every home polygon takes the nearest polygon within this distance "
            "(without it, such incidents are left out and counted in the log).\n"
            "Matching by location measures in metres: in the homes' CRS when it is projected, else in the "
            "incidents' CRS (the homes are reprojected). Layers without a CRS, or both in degrees, are refused.\n\n"
            "Output fields (one row per segment, highest index first)\n"
            "- segment, homes, pct_homes: the segment's homes and share of all homes.\n"
            "- incidents, pct_incidents, casualties, pct_casualties: its incidents and casualties and their shares.\n"
            "- index: share of incidents ÷ share of homes × 100 (100 = as many as its homes suggest); "
            "index_low, index_high: 95% interval; casualty_index: share of casualties ÷ share of homes × 100.\n"
            "Homes with segment index: the homes layer with segment_index, styled from blue (below 100) to red.\n"
            "Report: the profile in plain words, with charts of the incident and casualty indexes.")

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
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=False))

    def perform(self, run):
        from ..analysis.lifestyle import profile_report, segment_profile

        homes_checked = run.source(self.HOMES)
        incidents_checked = run.source(self.INCIDENTS)
        by_postcode = bool(run.string(self.INCIDENT_POSTCODE_FIELD))
        if by_postcode and not run.string(self.HOMES_POSTCODE_FIELD):
            fail(tr("Incidents matched by postcode need the Homes postcode field of the homes layer '{}'.")
                 .format(homes_checked.label))
        if not by_postcode and QgsWkbTypes.geometryType(incidents_checked.source.wkbType()) != QgsWkbTypes.PointGeometry:
            fail(tr("The incident layer '{}' has no points: give its Incident postcode field.").format(incidents_checked.label))
        target_crs = None if by_postcode else self.working_crs(homes_checked, incidents_checked)
        run.steps(4)
        run.step(tr("Reading homes from '{}'").format(homes_checked.label))
        homes = AreaRecords(homes_checked, run.feedback, progress_share=100)
        segments = [NO_SEGMENT if v is None or str(v).strip() == "" else v for v in homes.column(run.string(self.SEGMENT_FIELD))]
        homes_name = run.string(self.HOMES_FIELD)
        weights = numbers(homes.column(homes_name), homes_name, homes_checked.label) if homes_name else [1] * len(homes)
        run.step(tr("Reading incidents from '{}'").format(incidents_checked.label))
        if by_postcode:
            incident_segments, casualties = self.segments_by_postcode(run, homes, segments, incidents_checked)
        else:
            incident_segments, casualties = self.segments_by_location(run, homes, segments, incidents_checked, target_crs)
        run.step(tr("Profiling"))
        table = segment_profile(segments, weights, incident_segments, casualties)
        run.step(tr("Writing"))
        outputs = {self.OUTPUT: write_table(self, run.parameters, run.context, self.OUTPUT, table)}
        if run.given(self.OUTPUT_HOMES):
            outputs[self.OUTPUT_HOMES] = self.write_homes(run, homes, segments, table)
        if run.given(self.REPORT):
            outputs[self.REPORT] = run.write_text(self.REPORT, profile_report(
                table, tr("Lifestyle profile: {}").format(homes_checked.label), casualties is not None, tr))
        top = table.iloc[0]
        run.info(tr("Highest index: '{}' with {:.0f} ({:.1f}% of homes, {:.1f}% of incidents).").format(
            top["segment"], top["index"], top["pct_homes"], top["pct_incidents"]))
        return outputs

    @staticmethod
    def working_crs(homes, incidents):
        """Matching by location measures distances: in the homes' CRS when it is projected, else in the
        incidents' (the homes are then reprojected); refused when neither is projected or one has no CRS."""
        require_same_kind_of_crs(homes, incidents)
        if homes.source.sourceCrs().isValid() and not homes.source.sourceCrs().isGeographic():
            return homes.source.sourceCrs()
        if incidents.source.sourceCrs().isValid() and not incidents.source.sourceCrs().isGeographic():
            return incidents.source.sourceCrs()
        homes.require_projected_crs()

    def casualties_of(self, run, records, checked):
        name = run.string(self.CASUALTIES_FIELD)
        return numbers(records.column(name), name, checked.label) if name else None

    def segments_by_postcode(self, run, homes, segments, incidents_checked):
        from ..analysis.postcodes import normalise_postcodes

        lookup = {}
        for code, segment in zip(normalise_postcodes(homes.column(run.string(self.HOMES_POSTCODE_FIELD))), segments):
            if code and code not in lookup:
                lookup[code] = segment
        incidents = AreaRecords(incidents_checked, run.feedback, progress_share=100)
        codes = normalise_postcodes(incidents.column(run.string(self.INCIDENT_POSTCODE_FIELD)))
        incident_segments = [lookup.get(code) for code in codes]
        unmatched = sum(1 for s in incident_segments if s is None)
        if unmatched:
            run.warn(tr("{} incident(s) have a postcode not found among the homes and were left out.").format(unmatched))
        return incident_segments, self.casualties_of(run, incidents, incidents_checked)

    def segments_by_location(self, run, homes, segments, incidents_checked, target_crs):
        """Polygon homes: the polygon holding the incident; point homes: the nearest home. Every part of a
        multipoint is an incident; its casualties count once."""
        import numpy as np
        import shapely

        from ..analysis.lifestyle import segments_of_incidents

        incidents = AreaRecords(incidents_checked, run.feedback, progress_share=100)
        casualties = self.casualties_of(run, incidents, incidents_checked)
        parts, owner = shapely.get_parts(incidents.shapely_geometries(target_crs, run.context.transformContext()),
                                         return_index=True)
        missing = len(incidents) - len(np.unique(owner))
        if missing:
            run.warn(tr("{} incident(s) have no geometry and were left out.").format(missing))
        max_distance = self.parameterAsDouble(run.parameters, self.MAX_DISTANCE, run.context) \
            if run.given(self.MAX_DISTANCE) else None
        geometries = homes.shapely_geometries(target_crs, run.context.transformContext())
        found, _, notes = segments_of_incidents(geometries, segments, parts, max_distance)
        run.notes(notes)
        if casualties is not None:
            first_part = np.r_[True, owner[1:] != owner[:-1]]
            casualties = np.where(first_part, np.asarray(casualties, dtype=float)[owner], 0.0)
        return found, casualties

    def write_homes(self, run, homes, segments, table):
        index_of = dict(zip(table["segment"], table["index"]))
        values = [index_of.get(str(s), float("nan")) for s in segments]
        dest_id = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT_HOMES, homes,
                                     [("segment_index", QVariant.Double, values)], progress_start=0)
        run.style(dest_id, lambda layer: IndexStyle("segment_index").postProcessLayer(layer, None, None))
        return dest_id
