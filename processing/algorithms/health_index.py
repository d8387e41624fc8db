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
from .base import CommunityRiskAlgorithm, require_same_kind_of_crs
from .layers import AreaRecords, check_unique_ids, numbers, read_incidents, write_table, write_with_columns
from .styling import apply_band_style

IMD_INDICATORS = (("imd_health", "IMD_HEALTH_FIELD"), ("imd_living_environment", "IMD_LIVING_FIELD"))


class HealthHousingIndexAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "healthhousingindex"
    DISPLAY_NAME = translatable("Health and housing index")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas", "shapely")
    LAYER_ROLES = {"AREAS": translatable("area"), "EPC": translatable("EPC"), "CLAIMANTS": translatable("claimant")}

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
            "- EPC homes: the output of Load EPC certificates (points with band_fg and private_rented; with a "
            "street list, also postcode and address).\n"
            "- Claimant points (optional): housing benefit claimants placed on a map, for claimant density.\n"
            "- IMD health field, IMD living environment field (optional): the IMD domain scores on the areas; "
            "areas without them are indexed on the other indicators (a warning says so).\n"
            "- Other indicators (optional): any numeric fields, higher meaning worse.\n"
            "- Weights: name=number pairs (zero or more); defaults pct_fg=2, pct_private_rented=1, "
            "claimants_per_1k=1, imd_health=1, imd_living_environment=1, others 1. A name that is not one of the "
            "run's indicators is refused, with the valid names.\n"
            "- Spine charts for: how many of the highest-index areas get a chart (default 20).\n\n"
            "Output fields (the areas' own fields are kept)\n"
            "- epc_homes, pct_fg (F/G-rated homes, %), pct_private_rented (%), claimants_per_1k (per 1,000 EPC homes).\n"
            "- hh_index: the weighted mean of standardised indicators (0 = average, 1 = one standard deviation "
            "worse); band: 1 much better … 5 much worse (quintiles); band_label.\n"
            "Spine charts name each indicator in words and give the area's value and the average.\n"
            "Street list: street and postcode district ranked by F/G-rated private rentals, for street surveys "
            "(as CSV: numbers unquoted, with a .csvt so QGIS sorts them as numbers).")

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

    def perform(self, run):
        from ..analysis.health_index import combine

        areas_source = run.source(self.AREAS)
        epc = run.source(self.EPC, QgsWkbTypes.PointGeometry)
        for points in [epc] + ([run.source(self.CLAIMANTS, QgsWkbTypes.PointGeometry)] if run.given(self.CLAIMANTS) else []):
            require_same_kind_of_crs(areas_source, points)
        for needed in ("band_fg", "private_rented") + (("postcode",) if run.given(self.STREETS) else ()):
            epc.field_index(needed)  # before anything is read or written
        area_fields = self.area_indicator_fields(run, areas_source)
        weights = self.weights(run, area_fields)
        run.steps(5)
        run.step(tr("Reading areas from '{}'").format(areas_source.label))
        areas = AreaRecords(areas_source, run.feedback, progress_share=100)
        ids = areas.column(run.string(self.AREA_ID))
        check_unique_ids(ids, run.string(self.AREA_ID), areas_source.label)
        run.step(tr("Reading EPC homes from '{}'").format(epc.label))
        indicators, epc_homes, homes, fg_private = self.housing_indicators(run, areas, epc)
        for label, field in area_fields.items():
            indicators[label] = self.area_numbers(areas, field, areas_source.label)
        run.step(tr("Combining the indicators"))
        index, _, band, notes = combine(indicators, weights)
        run.notes(notes)
        run.step(tr("Writing"))
        outputs = {self.OUTPUT: self.write_areas(run, areas, indicators, epc_homes, index, band)}
        outputs.update(self.write_charts(run, ids, index, indicators, self.field_labels(run, area_fields)))
        if run.given(self.STREETS):
            outputs[self.STREETS] = self.write_streets(run, homes, fg_private)
        return outputs

    def area_indicator_fields(self, run, areas_source):
        """{indicator name: area field} for the IMD scores given and the other indicators."""
        fields = {}
        for label, parameter in IMD_INDICATORS:
            if run.string(parameter):
                fields[label] = run.string(parameter)
            else:
                run.warn(tr("No {} field on the area layer '{}': the index is built without it.")
                         .format(label, areas_source.label))
        for field in self.parameterAsFields(run.parameters, self.EXTRA_FIELDS, run.context):
            fields[field] = field
        return fields

    def field_labels(self, run, indicator_fields):
        """Each area indicator's readable label: its field's alias in the project, or in the style saved beside
        the file (Build factors saves each source heading as one), else the field name."""
        from qgis.core import QgsVectorLayer

        layer = self.parameterAsVectorLayer(run.parameters, self.AREAS, run.context)
        candidates = [layer] if layer is not None else []
        if layer is not None:
            candidates.append(QgsVectorLayer(layer.source(), "labels", layer.providerType()))  # reads the .qml
        labels = {}
        for indicator, field in indicator_fields.items():
            aliases = [c.fields().field(field).alias() for c in candidates if c.fields().lookupField(field) >= 0]
            labels[indicator] = next((alias for alias in aliases if alias), field)
        return labels

    def weights(self, run, area_fields):
        from ..analysis.health_index import parse_weights

        names = ["pct_fg", "pct_private_rented"] + (["claimants_per_1k"] if run.given(self.CLAIMANTS) else [])
        return parse_weights(run.string(self.WEIGHTS), names + list(area_fields))

    def housing_indicators(self, run, areas, epc):
        """pct_fg, pct_private_rented (and claimants_per_1k) per area, homes per area, the EPC records, and per
        home 1 for an F/G-rated private rental (else 0)."""
        import numpy as np

        from ..analysis.counting import assign_points_to_areas
        from ..analysis.health_index import area_indicators

        crs, geometries = areas.source.sourceCrs(), areas.shapely_geometries()
        xs, ys, _ = read_incidents(self, run.parameters, run.context, run.feedback, epc, crs, progress_share=50)
        homes = AreaRecords(epc, run.feedback, progress_share=50)
        band_fg, private = (np.array([np.nan if v is None else v for v in numbers(homes.column(name), name, epc.label)],
                                     dtype=float) for name in ("band_fg", "private_rented"))
        claimant_area = None
        if run.given(self.CLAIMANTS):
            claimants = run.source(self.CLAIMANTS, QgsWkbTypes.PointGeometry)
            cx, cy, _ = read_incidents(self, run.parameters, run.context, run.feedback, claimants, crs, progress_share=0)
            claimant_area = assign_points_to_areas(geometries, cx, cy)
        indicators, epc_homes = area_indicators(assign_points_to_areas(geometries, xs, ys), band_fg, private,
                                                len(areas), claimant_area)
        no_homes = int((epc_homes == 0).sum())
        if no_homes:
            run.warn(tr("{} area(s) have no EPC homes; their housing indicators count as average.").format(no_homes))
        return indicators, epc_homes, homes, np.nan_to_num(band_fg) * np.nan_to_num(private)

    @staticmethod
    def area_numbers(areas, field, label):
        import numpy as np

        return np.array([np.nan if v is None else v for v in numbers(areas.column(field), field, label)], dtype=float)

    def write_areas(self, run, areas, indicators, epc_homes, index, band):
        from ..analysis.health_index import BAND_LABELS

        own = [name for name in indicators.columns if name in ("pct_fg", "pct_private_rented", "claimants_per_1k")]
        columns = [("epc_homes", QVariant.Int, epc_homes)] + [
            (name, QVariant.Double, indicators[name].to_numpy()) for name in own] + [
            ("hh_index", QVariant.Double, index), ("band", QVariant.Int, band),
            ("band_label", QVariant.String, [tr(BAND_LABELS[b - 1]) for b in band])]
        dest = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, areas, columns, 0)
        run.style(dest, style_index)
        return dest

    def write_charts(self, run, ids, index, indicators, own_labels):
        """The HTML report and the PNG spine charts of the highest-index areas."""
        import numpy as np

        from ..analysis.health_index import INDICATOR_LABELS, spine_chart_svg

        labels = {name: tr(INDICATOR_LABELS[name]) if name in INDICATOR_LABELS else own_labels.get(name, name)
                  for name in indicators.columns}
        top = np.argsort(-index, kind="stable")[: self.parameterAsInt(run.parameters, self.CHARTS, run.context)]
        charts = [(ids[k], spine_chart_svg("{} ({} {:+.2f})".format(ids[k], tr("index"), index[k]), indicators.iloc[k],
                                           indicators, labels, (tr("Area"), tr("Average")))) for k in top]
        outputs = {}
        report = run.write_text(self.REPORT, report_html(charts))
        if report:
            outputs[self.REPORT] = report
        folder = run.string(self.SPINE_CHARTS) if run.given(self.SPINE_CHARTS) else ""
        if folder:
            os.makedirs(folder, exist_ok=True)
            for area_id, svg in charts:
                run.check_cancel()
                _svg_to_png(svg, os.path.join(folder, "{}.png".format("".join(c if c.isalnum() else "_"
                                                                                for c in str(area_id)))))
            outputs[self.SPINE_CHARTS] = folder
        return outputs

    def write_streets(self, run, homes, flagged):
        from ..analysis.health_index import street_list

        address = homes.column("address") if homes.fields.lookupField("address") >= 0 else [None] * len(homes)
        streets = street_list(address, homes.column("postcode"), flagged)
        return write_table(self, run.parameters, run.context, self.STREETS, streets)


OUTPUT_LABELS = {"epc_homes": translatable("EPC homes"), "hh_index": translatable("Health and housing index"),
                 "band": translatable("Band (1 much better, 5 much worse)"), "band_label": translatable("Band")}


def style_index(layer):
    """Bands 1-5 in the shared band colours, and readable field labels (aliases) saved with the style."""
    from ..analysis.health_index import BAND_LABELS, INDICATOR_LABELS

    apply_band_style(layer, BAND_LABELS)
    for name, label in list(INDICATOR_LABELS.items()) + list(OUTPUT_LABELS.items()):
        index = layer.fields().lookupField(name)
        if index >= 0:
            layer.setFieldAlias(index, tr(label))


def report_html(charts):
    body = "".join("<div>{}</div>".format(svg) for _, svg in charts)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head><body "
            "style=\"font-family:Helvetica,Arial,sans-serif;max-width:900px;margin:24px auto\"><h1>{0}</h1>"
            "<p>{1}</p>{2}</body></html>").format(
        escape(tr("Health and housing index")),
        escape(tr("Spine charts of the {} areas with the highest index. Each row gives the indicator, the area's "
                  "value and the average of all areas; each bar is the range of all areas (dark: middle half), the "
                  "line their average; the dot is the area: red where worse than three areas in four, green where "
                  "better.").format(len(charts))),
        body)


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
