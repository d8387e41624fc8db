"""communityrisk:prioritypostcodes: "tell us where to go" — a score and a tier for every postcode."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs, write_text
from .layers import AreaRecords, numbers, plain_geopackage_layer, write_with_columns
from .styling import TierStyle

LAYER_COLUMNS = (("area_risk", QVariant.Double), ("lifestyle_index", QVariant.Double),
                 ("households_at_risk", QVariant.Int), ("priority_score", QVariant.Double),
                 ("rank", QVariant.Int), ("tier", QVariant.String), ("split_area", QVariant.String),
                 ("reason", QVariant.String))


def column_values(series):
    """A column of the priority table as write_with_columns takes it: numbers as a numpy array (NaN, or pandas'
    missing value, for none), anything else as a list with None where missing."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan) if series.hasnans else series.to_numpy()
    return series.astype(object).where(series.notna(), None).tolist()


class PriorityPostcodesAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "prioritypostcodes"
    DISPLAY_NAME = translatable("Priority postcodes")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")
    LAYER_ROLES = {"POSTCODES": translatable("postcode"), "AREAS": translatable("area"),
                   "LIFESTYLE": translatable("lifestyle"), "HOUSEHOLD_RISK": translatable("household risk"),
                   "SPLIT_AREAS": translatable("split area")}

    POSTCODES = "POSTCODES"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    AREAS = "AREAS"
    AREA_RISK_FIELD = "AREA_RISK_FIELD"
    LIFESTYLE = "LIFESTYLE"
    LIFESTYLE_FIELD = "LIFESTYLE_FIELD"
    HOUSEHOLD_RISK = "HOUSEHOLD_RISK"
    HOUSEHOLD_POSTCODE_FIELD = "HOUSEHOLD_POSTCODE_FIELD"
    HOUSEHOLD_FACTORS_FIELD = "HOUSEHOLD_FACTORS_FIELD"
    MIN_FACTORS = "MIN_FACTORS"
    P1_COUNT = "P1_COUNT"
    P2_COUNT = "P2_COUNT"
    P1_MIN_SCORE = "P1_MIN_SCORE"
    P2_MIN_SCORE = "P2_MIN_SCORE"
    SPLIT_AREAS = "SPLIT_AREAS"
    SPLIT_FIELD = "SPLIT_FIELD"
    OUTPUT = "OUTPUT"
    VISIT_LISTS = "VISIT_LISTS"

    def shortHelpString(self):
        return tr(
            "Tells crews where to go: every postcode gets a priority score from the risk of its area, the "
            "lifestyle index of its homes and the households at risk in it, and a tier: P1 (visit first), P2, P3.\n\n"
            "Inputs\n"
            "- Postcodes: postcode points; Postcode field: the postcode.\n"
            "- Areas: the fire risk model's output or any area layer; Area risk field: its risk (default rate_10k).\n"
            "- Lifestyle layer (optional): the homes layer from Lifestyle profile; Lifestyle index field "
            "(default segment_index). A postcode takes the index of the home polygon it lies in, or of the nearest "
            "home point.\n"
            "- Household risk (optional): the output of Find people at risk, or any table with a postcode and a "
            "number of risk factors per household (Household postcode field, Household risk factors field); "
            "a household counts as at risk with at least Minimum risk factors.\n"
            "- P1 postcodes, P2 postcodes: how many postcodes each tier holds, e.g. the visits stations can make "
            "this quarter (defaults 100 and 400). Or tier by thresholds instead: P1 minimum score and P2 minimum "
            "score (0-100); when given they replace the quotas.\n"
            "- Split areas (optional): wards, boroughs or station grounds, with a Split area name field: one visit "
            "list and one summary per split area.\n\n"
            "The score is the weighted mean of the postcode's percentile ranks (0-100) on each input given: area risk "
            "(weight 1), lifestyle index (1) and households at risk (2).\n\n"
            "Output fields (the postcodes' own fields are kept)\n"
            "- area_risk, lifestyle_index: the values the postcode took.\n"
            "- households_at_risk: households with at least the minimum risk factors; counts under 5 are left "
            "empty so no output singles out a few households.\n"
            "- priority_score: 0-100; rank: 1 for the highest score; tier: P1, P2 or P3; split_area: its split area.\n"
            "- reason: why the postcode ranks where it does, e.g. 'Rank 3 of 4000: 7 households at risk (top 1%); "
            "area risk 41.2 (top 5%)'; household counts under 5 appear only as 'fewer than 5', with no share.\n"
            "Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first, with the reason "
            "for each) and one HTML summary page per split area. File names keep letters, digits, - and _ only; "
            "two areas whose names would give the same file name get _2, _3 … and index.csv says which file is "
            "which area's.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.POSTCODES, tr("Postcodes"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"),
                                                      parentLayerParameterName=self.POSTCODES, defaultValue="postcode"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(self.AREA_RISK_FIELD, tr("Area risk field"),
                                                      parentLayerParameterName=self.AREAS, optional=True,
                                                      type=QgsProcessingParameterField.Numeric, defaultValue="rate_10k"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LIFESTYLE, tr("Lifestyle layer"),
                                                              [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterField(self.LIFESTYLE_FIELD, tr("Lifestyle index field"),
                                                      parentLayerParameterName=self.LIFESTYLE, optional=True,
                                                      type=QgsProcessingParameterField.Numeric, defaultValue="segment_index"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.HOUSEHOLD_RISK, tr("Household risk"),
                                                              [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLD_POSTCODE_FIELD, tr("Household postcode field"),
                                                      parentLayerParameterName=self.HOUSEHOLD_RISK, optional=True,
                                                      defaultValue="postcode"))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLD_FACTORS_FIELD, tr("Household risk factors field"),
                                                      parentLayerParameterName=self.HOUSEHOLD_RISK, optional=True,
                                                      type=QgsProcessingParameterField.Numeric, defaultValue="n_factors"))
        self.addParameter(QgsProcessingParameterNumber(self.MIN_FACTORS, tr("Minimum risk factors"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=2, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(self.P1_COUNT, tr("P1 postcodes"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=100, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.P2_COUNT, tr("P2 postcodes"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=400, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.P1_MIN_SCORE, tr("P1 minimum score"),
                                                       QgsProcessingParameterNumber.Double, optional=True,
                                                       minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(self.P2_MIN_SCORE, tr("P2 minimum score"),
                                                       QgsProcessingParameterNumber.Double, optional=True,
                                                       minValue=0, maxValue=100))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SPLIT_AREAS, tr("Split areas"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.SPLIT_FIELD, tr("Split area name field"),
                                                      parentLayerParameterName=self.SPLIT_AREAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Priority postcodes"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFolderDestination(self.VISIT_LISTS, tr("Visit lists"), optional=True,
                                                                  createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("P1", tr("P1 postcodes")))

    def perform(self, run):
        from ..analysis.counting import PointIndex
        from ..analysis.postcodes import normalise_postcodes
        from ..analysis.priority import prioritise

        postcodes = run.source(self.POSTCODES)
        if not any(run.given(name) for name in (self.AREAS, self.LIFESTYLE, self.HOUSEHOLD_RISK)):
            fail(tr("Give at least one of: areas with a risk field, a lifestyle layer, household risk."))
        run.steps(6)
        run.step(tr("Reading postcodes from '{}'").format(postcodes.label))
        records = self.records(run, postcodes, self.POSTCODES)
        raw_codes = records.column(run.string(self.POSTCODE_FIELD))
        codes = normalise_postcodes(raw_codes)
        bad = [raw for raw, code in zip(raw_codes, codes) if code is None]
        if bad:
            run.warn(tr("{} postcode(s) of '{}' are not in postcode form and score only by location, e.g. {}.")
                     .format(len(bad), postcodes.label, ", ".join(repr(b) for b in bad[:3])))
        x, y = self.postcode_points(records)
        points = PointIndex(x, y)  # made once: the areas and the split areas both look the postcodes up
        components = self.components(run, postcodes, codes, x, y, points)
        run.step(tr("Scoring"))
        thresholds = [self.parameterAsDouble(run.parameters, name, run.context) if run.given(name) else None
                      for name in (self.P1_MIN_SCORE, self.P2_MIN_SCORE)]
        table = prioritise([c or r for c, r in zip(codes, raw_codes)], components,
                           self.split_names(run, postcodes, x, y, points),
                           self.parameterAsInt(run.parameters, self.P1_COUNT, run.context),
                           self.parameterAsInt(run.parameters, self.P2_COUNT, run.context), *thresholds, translate=tr)
        run.step(tr("Writing"))
        columns = [(name, kind, column_values(table[name])) for name, kind in LAYER_COLUMNS if name in table.columns]
        dest_id = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, records, columns,
                                     progress_start=0)
        run.style(dest_id, lambda layer: TierStyle().postProcessLayer(layer, None, None))
        outputs = {self.OUTPUT: dest_id, "P1": int((table["tier"] == "P1").sum())}
        if run.given(self.VISIT_LISTS):
            outputs[self.VISIT_LISTS] = self.write_visit_lists(run, table)
        run.info(tr("P1: {}, P2: {}, P3: {} postcodes.").format(*((table["tier"] == t).sum() for t in ("P1", "P2", "P3"))))
        return outputs

    def records(self, run, checked, name, progress_share=100):
        """A layer parameter's features, read in bulk when it is a whole GeoPackage layer."""
        return AreaRecords(checked, run.feedback, progress_share,
                           file_layer=plain_geopackage_layer(self, run.parameters, run.context, name))

    @staticmethod
    def postcode_points(records):
        import shapely

        points = records.point_coordinates()
        if points is not None:
            return points
        geometries = records.shapely_geometries()
        kind = records.source.wkbType()
        if QgsWkbTypes.geometryType(kind) != QgsWkbTypes.PointGeometry or QgsWkbTypes.isMultiType(kind):
            geometries = shapely.centroid(geometries)  # a point is its own centroid: only other shapes need one
        return shapely.get_x(geometries), shapely.get_y(geometries)

    def layer_values(self, run, postcodes, layer_name, field_name):
        """An optional layer's geometries (in the postcodes' CRS) and the numbers of one of its fields."""
        checked = run.source(layer_name)
        require_same_kind_of_crs(postcodes, checked)
        name = run.string(field_name)
        if not name:
            fail(tr("Choose the '{}' of the {} layer '{}'.").format(
                self.parameterDefinition(field_name).description(), checked.role, checked.label))
        run.info(tr("Reading '{}'").format(checked.label))
        records = self.records(run, checked, layer_name)
        values = numbers(records.column(name), name, checked.label)
        return records.shapely_geometries(postcodes.source.sourceCrs(), run.context.transformContext()), values

    def components(self, run, postcodes, codes, x, y, points):
        """Each score component given: area risk, lifestyle index, households at risk per postcode."""
        from ..analysis.priority import households_at_risk, values_in_areas, values_of_homes

        components = {}
        run.step()
        if run.given(self.AREAS):
            geometries, risk = self.layer_values(run, postcodes, self.AREAS, self.AREA_RISK_FIELD)
            components["area"], outside = values_in_areas(geometries, risk, x, y, points)
            if outside:
                run.warn(tr("{} postcode(s) lie in no area and score without area risk.").format(outside))
        run.step()
        if run.given(self.LIFESTYLE):
            geometries, index = self.layer_values(run, postcodes, self.LIFESTYLE, self.LIFESTYLE_FIELD)
            components["lifestyle"] = values_of_homes(geometries, index, x, y)
        run.step()
        if run.given(self.HOUSEHOLD_RISK):
            components["households"] = self.households(run, codes, households_at_risk)
        return components

    def households(self, run, codes, households_at_risk):
        from ..analysis.postcodes import normalise_postcodes

        checked = run.source(self.HOUSEHOLD_RISK)
        records = self.records(run, checked, self.HOUSEHOLD_RISK)
        factors_name = run.string(self.HOUSEHOLD_FACTORS_FIELD)
        factors = [float("nan") if v is None else v
                   for v in numbers(records.column(factors_name), factors_name, checked.label)]
        counts, notes = households_at_risk(codes, normalise_postcodes(records.column(
            run.string(self.HOUSEHOLD_POSTCODE_FIELD))), factors,
            self.parameterAsInt(run.parameters, self.MIN_FACTORS, run.context))
        run.notes(notes)
        return counts

    def split_names(self, run, postcodes, x, y, points):
        from ..analysis.priority import OUTSIDE_SPLITS, names_in_areas

        if not run.given(self.SPLIT_AREAS):
            return None
        checked = run.source(self.SPLIT_AREAS)
        require_same_kind_of_crs(postcodes, checked)
        records = self.records(run, checked, self.SPLIT_AREAS, progress_share=0)
        geometries = records.shapely_geometries(postcodes.source.sourceCrs(), run.context.transformContext())
        return names_in_areas(geometries, records.column(run.string(self.SPLIT_FIELD)), x, y, tr(OUTSIDE_SPLITS),
                              points)

    def write_visit_lists(self, run, table):
        """One CSV and one HTML summary per split area, and index.csv saying which file is which area's."""
        from ..analysis.priority import INDEX_FILE, summary_html, visit_list_index, visit_lists
        from ..analysis.tables import write_table_file

        folder = run.string(self.VISIT_LISTS)
        os.makedirs(folder, exist_ok=True)
        lists = visit_lists(table)
        for visit in lists:
            run.check_cancel()
            write_table_file(os.path.join(folder, visit.stem + ".csv"), visit.rows)
            write_text(os.path.join(folder, visit.stem + ".html"), summary_html(visit, tr))
            run.info(tr("Visit list of '{}': {}.csv and {}.html").format(visit.split_area, visit.stem, visit.stem))
        write_table_file(os.path.join(folder, INDEX_FILE), visit_list_index(lists))
        return folder
