"""communityrisk:prioritypostcodes: "tell us where to go" — a score and a tier for every postcode."""
import csv
import os
from html import escape

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_source
from .base import analysis_error, write_text
from .layers import AreaRecords, numbers, write_with_columns
from .styling import TierStyle


class PriorityPostcodesAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "prioritypostcodes"
    DISPLAY_NAME = translatable("Priority postcodes")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "scipy", "pandas", "shapely")

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
            "(default segment_index). Each postcode takes the index of the nearest feature.\n"
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
            "- priority_score: 0-100; tier: P1, P2 or P3; split_area: its split area.\n"
            "Visit lists: a folder with one CSV per split area (P1 and P2 postcodes, highest first) and one HTML "
            "summary page per split area.")

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

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ..analysis.counting import assign_points_to_areas
        from ..analysis.messages import AnalysisError
        from ..analysis.postcodes import normalise_postcodes
        from ..analysis.priority import assign_tiers, priority_scores, suppress_small, tiers_by_score

        postcodes_checked = require_source(self, parameters, context, self.POSTCODES, tr("postcode"))
        postcodes_checked.require_features()
        postcode_name = self.parameterAsString(parameters, self.POSTCODE_FIELD, context)
        postcodes_checked.field_index(postcode_name)
        crs = postcodes_checked.source.sourceCrs()
        optional = {}
        for layer_name, field_param, role in ((self.AREAS, self.AREA_RISK_FIELD, tr("area")),
                                             (self.LIFESTYLE, self.LIFESTYLE_FIELD, tr("lifestyle")),
                                             (self.HOUSEHOLD_RISK, self.HOUSEHOLD_FACTORS_FIELD, tr("household risk")),
                                             (self.SPLIT_AREAS, self.SPLIT_FIELD, tr("split area"))):
            if not parameters.get(layer_name):
                continue
            checked = require_source(self, parameters, context, layer_name, role)
            checked.require_features()
            field = self.parameterAsString(parameters, field_param, context)
            checked.field_index(field)
            optional[layer_name] = (checked, field)
        if self.HOUSEHOLD_RISK in optional:
            household_postcode = self.parameterAsString(parameters, self.HOUSEHOLD_POSTCODE_FIELD, context)
            optional[self.HOUSEHOLD_RISK][0].field_index(household_postcode)
        if not any(k in optional for k in (self.AREAS, self.LIFESTYLE, self.HOUSEHOLD_RISK)):
            fail(tr("Give at least one of: areas with a risk field, a lifestyle layer, household risk."))
        p1 = self.parameterAsInt(parameters, self.P1_COUNT, context)
        p2 = self.parameterAsInt(parameters, self.P2_COUNT, context)
        min_factors = self.parameterAsInt(parameters, self.MIN_FACTORS, context)

        records = AreaRecords(postcodes_checked, feedback, progress_share=20)
        if records.cancelled:
            return {}
        raw_codes = records.column(postcode_name)
        codes = normalise_postcodes(raw_codes)
        bad = [raw for raw, code in zip(raw_codes, codes) if code is None]
        if bad:
            feedback.pushWarning(tr("{} postcode(s) of '{}' are not in postcode form and score only by location, e.g. {}.")
                                 .format(len(bad), postcodes_checked.label, ", ".join(repr(b) for b in bad[:3])))
        points = shapely.centroid(records.shapely_geometries())
        x, y = shapely.get_x(points), shapely.get_y(points)
        components, weights, columns = {}, {}, []

        def geometries_of(checked):
            their = AreaRecords(checked, feedback, progress_share=0)
            return their, their.shapely_geometries(crs, context.transformContext())

        if self.AREAS in optional:
            checked, field = optional[self.AREAS]
            areas, area_geometries = geometries_of(checked)
            risk = np.array([np.nan if v is None else v for v in numbers(areas.column(field), field, checked.label)])
            index = assign_points_to_areas(area_geometries, x, y)
            values = np.where(index >= 0, risk[np.maximum(index, 0)], np.nan)
            components["area"], weights["area"] = values, 1.0
            columns.append(("area_risk", QVariant.Double, values))
            outside = int((index < 0).sum())
            if outside:
                feedback.pushWarning(tr("{} postcode(s) lie in no area and score without area risk.").format(outside))
        if self.LIFESTYLE in optional:
            checked, field = optional[self.LIFESTYLE]
            homes, home_geometries = geometries_of(checked)
            index_values = np.array([np.nan if v is None else v for v in numbers(homes.column(field), field, checked.label)])
            centres = shapely.centroid(home_geometries)
            _, nearest = shapely.STRtree(centres).query_nearest(points, all_matches=False)
            values = index_values[nearest]
            components["lifestyle"], weights["lifestyle"] = values, 1.0
            columns.append(("lifestyle_index", QVariant.Double, values))
        if self.HOUSEHOLD_RISK in optional:
            checked, field = optional[self.HOUSEHOLD_RISK]
            households = AreaRecords(checked, feedback, progress_share=0)
            their_codes = normalise_postcodes(households.column(household_postcode))
            factors = numbers(households.column(field), field, checked.label)
            at_risk = {}
            unknown = 0
            for code, n in zip(their_codes, factors):
                if code is None:
                    unknown += 1
                    continue
                if n is not None and n >= min_factors:
                    at_risk[code] = at_risk.get(code, 0) + 1
            if unknown:
                feedback.pushWarning(tr("{} household(s) have no valid postcode and were left out.").format(unknown))
            counts = np.array([at_risk.get(code, 0) if code else 0 for code in codes], dtype=float)
            known = set(codes)
            missing = sorted(set(at_risk) - known)
            if missing:
                feedback.pushWarning(tr("{} household postcode(s) are not among the postcodes: {}.").format(
                    len(missing), ", ".join(missing[:5])))
            components["households"], weights["households"] = counts, 2.0
            columns.append(("households_at_risk", QVariant.Int, suppress_small([int(c) for c in counts])))
        split_names = np.full(len(records), "", dtype=object)
        if self.SPLIT_AREAS in optional:
            checked, field = optional[self.SPLIT_AREAS]
            splits, split_geometries = geometries_of(checked)
            names = np.array([str(v) if v is not None else "" for v in splits.column(field)], dtype=object)
            index = assign_points_to_areas(split_geometries, x, y)
            split_names = np.where(index >= 0, names[np.maximum(index, 0)], tr("(outside every split area)"))
        thresholds = [self.parameterAsDouble(parameters, name, context) if parameters.get(name) not in (None, "") else None
                      for name in (self.P1_MIN_SCORE, self.P2_MIN_SCORE)]
        try:
            scores = priority_scores(components, weights)
            if thresholds[0] is not None or thresholds[1] is not None:
                p1_min = thresholds[0] if thresholds[0] is not None else 101.0
                tiers = tiers_by_score(scores, p1_min, thresholds[1] if thresholds[1] is not None else p1_min)
            else:
                tiers = assign_tiers(scores, p1, p2)
        except AnalysisError as error:
            raise analysis_error(error)
        columns += [("priority_score", QVariant.Double, scores), ("tier", QVariant.String, tiers),
                    ("split_area", QVariant.String, split_names)]
        feedback.setProgress(80)
        dest_id = write_with_columns(self, parameters, context, feedback, self.OUTPUT, records, columns, 80)
        if dest_id is None:
            return {}
        if context.willLoadLayerOnCompletion(dest_id):
            self._style = TierStyle()
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(self._style)
        outputs = {self.OUTPUT: dest_id, "P1": int((tiers == "P1").sum())}
        folder = self.parameterAsString(parameters, self.VISIT_LISTS, context)
        if folder:
            write_visit_lists(folder, codes, raw_codes, columns, split_names, tiers, scores)
            outputs[self.VISIT_LISTS] = folder
        feedback.pushInfo(tr("P1: {}, P2: {}, P3: {} postcodes.").format(
            int((tiers == "P1").sum()), int((tiers == "P2").sum()), int((tiers == "P3").sum())))
        return outputs


def _safe_name(text):
    keep = "".join(c if c.isalnum() or c in "-_" else "_" for c in str(text)).strip("_")
    return keep or "all"


def write_visit_lists(folder, codes, raw_codes, columns, split_names, tiers, scores):
    """One CSV (P1 and P2 postcodes, highest first) and one HTML summary per split area."""
    import numpy as np

    os.makedirs(folder, exist_ok=True)
    names = [name for name, _, _ in columns]
    values = [list(v) for _, _, v in columns]
    order = np.argsort(-np.nan_to_num(np.asarray(scores, dtype=float), nan=-1.0), kind="stable")
    split_names = np.asarray(split_names, dtype=object)
    tiers = np.asarray(tiers, dtype=object)
    ordered_splits = split_names[order]
    visit = np.isin(tiers[order], ("P1", "P2"))
    for split in sorted(set(split_names)):
        rows = order[(ordered_splits == split) & visit]
        label = split or tr("All postcodes")
        stem = _safe_name(label)
        partial = os.path.join(folder, stem + ".csv.part")
        with open(partial, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["postcode"] + [n for n in names if n != "split_area"])
            for k in rows:
                writer.writerow([codes[k] or raw_codes[k]] + [_cell(values[i][k]) for i, n in enumerate(names)
                                                              if n != "split_area"])
        os.replace(partial, os.path.join(folder, stem + ".csv"))
        in_split = tiers[split_names == split]
        counts = {t: int((in_split == t).sum()) for t in ("P1", "P2", "P3")}
        top = "".join("<tr><td>{}</td><td>{}</td><td>{:.1f}</td></tr>".format(
            escape(str(codes[k] or raw_codes[k])), tiers[k], scores[k]) for k in rows[:25])
        html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head>"
                "<body style=\"font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:800px;margin:24px auto\">"
                "<h1>{0}</h1><p>{1}</p><h2>{2}</h2><table border='1' cellpadding='4' style='border-collapse:collapse'>"
                "<tr><th>{3}</th><th>{4}</th><th>{5}</th></tr>{6}</table><p style='color:#666'>{7}</p></body></html>").format(
            escape(tr("Priority postcodes: {}").format(label)),
            escape(tr("{} postcodes: {} P1 (visit first), {} P2, {} P3.").format(len(in_split), counts["P1"], counts["P2"],
                                                                                  counts["P3"])),
            escape(tr("The 25 highest priorities")), escape(tr("Postcode")), escape(tr("Tier")), escape(tr("Score")), top,
            escape(tr("Score: weighted mean of percentile ranks of area risk, lifestyle index and households at risk. "
                      "Household counts under 5 are not shown.")))
        write_text(os.path.join(folder, stem + ".html"), html)


def _cell(value):
    import math

    if value is None:
        return ""
    if isinstance(value, float):
        return "" if not math.isfinite(value) else round(value, 3)
    return value
