"""communityrisk:visitmapbook: a printed map book for crews, one A4 page per split area (station ground, ward,
borough): the fire-risk bands, the P1/P2 postcodes numbered in visit order, roads, and the visit list beside
the map. The layout is resources/visit_map_book.qpt, which users can restyle in the layout designer."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, python_value, require_same_kind_of_crs
from .layers import AreaRecords


class VisitMapBookAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "visitmapbook"
    DISPLAY_NAME = translatable("Visit map book")
    GROUP_ID = "reports"
    REQUIRED_MODULES = ("numpy", "shapely")
    LAYER_ROLES = {"SPLIT_AREAS": translatable("split area"), "RISK": translatable("fire risk"),
                   "POSTCODES": translatable("priority postcode"), "ROADS": translatable("road")}

    SPLIT_AREAS = "SPLIT_AREAS"
    SPLIT_FIELD = "SPLIT_FIELD"
    RISK = "RISK"
    BAND_FIELD = "BAND_FIELD"
    POSTCODES = "POSTCODES"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    TIER_FIELD = "TIER_FIELD"
    RANK_FIELD = "RANK_FIELD"
    REASON_FIELD = "REASON_FIELD"
    ROADS = "ROADS"
    ROAD_NAME_FIELD = "ROAD_NAME_FIELD"
    TITLE = "TITLE"
    ROWS = "ROWS"
    ATTRIBUTION = "ATTRIBUTION"
    TEMPLATE = "TEMPLATE"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"
    PAGE_COUNT = "PAGE_COUNT"

    def flags(self):
        # Print layouts are drawn on the main thread, as QGIS's own layout export algorithms are.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self):
        return tr(
            "Prints a map book for crews: one A4 page per split area (station ground, ward, borough), in name "
            "order. Each page shows the fire-risk bands, the P1 and P2 postcodes of the area numbered in visit "
            "order, roads if given, a legend, scale bar, north arrow, title, date and data attributions; beside the "
            "map, the visit list: the postcodes in visit order (P1 first, then P2, each by priority rank) with the "
            "reason for each and a box to tick. The numbers on the map are the rows of the table.\n\n"
            "Inputs\n"
            "- Split areas, with a Split area name field: one page each. Its CRS is the map's: it must be projected "
            "(metres), e.g. British National Grid. The other layers are reprojected to it.\n"
            "- Fire risk areas: the output of Fit or Apply fire risk model; Band field: its band, 1 (lowest) to 5 "
            "(default band). Its band_label field, when present, labels the legend.\n"
            "- Priority postcodes: the output of Priority postcodes, with its Postcode field, Tier field (P1, P2, P3), "
            "Rank field (1 first) and Reason field (optional: the table's 'Why'). A postcode goes on the page of the "
            "split area it lies in; P3 postcodes are not shown.\n"
            "- Roads (optional): a line layer drawn over the bands; Road name field (optional): street names to print "
            "along them.\n"
            "- Title and Attribution: printed on every page.\n"
            "- Rows per page: the table's length (1-60). An area with more P1/P2 postcodes says how many more there "
            "are in its visit list.\n"
            "- Layout template (optional): a .qpt saved from the layout designer; by default the toolkit's "
            "resources/visit_map_book.qpt. It needs a map item with the id 'map'.\n\n"
            "Outputs\n"
            "- Map book: one PDF, one page per split area.\n"
            "- Pages (optional): a folder with one PDF per split area, named by the area (letters, digits, - and _).\n"
            "A split area with no P1 postcodes says so on its page. Nothing is written when the run fails or is "
            "cancelled.")

    def initAlgorithm(self, config=None):
        from ..analysis.map_book import ATTRIBUTION, DEFAULT_ROWS, DEFAULT_TITLE, MAX_ROWS

        self.addParameter(QgsProcessingParameterFeatureSource(self.SPLIT_AREAS, tr("Split areas"),
                                                              [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.SPLIT_FIELD, tr("Split area name field"),
                                                      parentLayerParameterName=self.SPLIT_AREAS))
        self.addParameter(QgsProcessingParameterFeatureSource(self.RISK, tr("Fire risk areas"),
                                                              [QgsProcessing.TypeVectorPolygon]))
        # Field parameters are optional with their defaults, so qgis_process and models may leave them out.
        self.addParameter(QgsProcessingParameterField(self.BAND_FIELD, tr("Band field"), parentLayerParameterName=self.RISK,
                                                      type=QgsProcessingParameterField.Numeric, defaultValue="band",
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.POSTCODES, tr("Priority postcodes"),
                                                              [QgsProcessing.TypeVectorPoint]))
        for name, label, default, kind in (
                (self.POSTCODE_FIELD, tr("Postcode field"), "postcode", QgsProcessingParameterField.Any),
                (self.TIER_FIELD, tr("Tier field"), "tier", QgsProcessingParameterField.Any),
                (self.RANK_FIELD, tr("Rank field"), "rank", QgsProcessingParameterField.Numeric),
                (self.REASON_FIELD, tr("Reason field"), "reason", QgsProcessingParameterField.Any)):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.POSTCODES,
                                                          type=kind, defaultValue=default, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ROADS, tr("Roads"), [QgsProcessing.TypeVectorLine],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(self.ROAD_NAME_FIELD, tr("Road name field"),
                                                      parentLayerParameterName=self.ROADS, optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), defaultValue=tr(DEFAULT_TITLE)))
        self.addParameter(QgsProcessingParameterNumber(self.ROWS, tr("Rows per page"), QgsProcessingParameterNumber.Integer,
                                                       defaultValue=DEFAULT_ROWS, minValue=1, maxValue=MAX_ROWS))
        self.addParameter(QgsProcessingParameterString(self.ATTRIBUTION, tr("Attribution"), multiLine=True,
                                                       defaultValue=tr(ATTRIBUTION)))
        self.addParameter(QgsProcessingParameterFile(self.TEMPLATE, tr("Layout template"), extension="qpt",
                                                     optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Map book"), tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(self.PAGES, tr("Pages (one PDF per area)"),
                                                                  optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr("Pages")))

    def perform(self, run):
        from . import map_book

        areas = map_book.require_map_crs(run.source(self.SPLIT_AREAS, QgsWkbTypes.PolygonGeometry))
        risk = run.source(self.RISK, QgsWkbTypes.PolygonGeometry)
        postcodes = run.source(self.POSTCODES, QgsWkbTypes.PointGeometry, features=False)
        roads = run.source(self.ROADS, QgsWkbTypes.LineGeometry, features=False) if run.given(self.ROADS) else None
        for other in (risk, postcodes, roads):
            if other is not None:
                require_same_kind_of_crs(areas, other)
        layout_path = run.string(self.TEMPLATE) if run.given(self.TEMPLATE) else map_book.TEMPLATE
        crs = areas.source.sourceCrs()
        project = map_book.new_project(crs, run.context)
        layout = map_book.load_layout(project, layout_path)
        run.steps(5)
        run.step(tr("Reading split areas from '{}'").format(areas.label))
        names, geometries, shapes = self.read_areas(run, areas)
        run.step(tr("Reading priority postcodes from '{}'").format(postcodes.label))
        plan, visits = self.plan(run, postcodes, shapes, names, crs)
        run.step(tr("Reading fire risk bands from '{}'").format(risk.label))
        extent = map_book.page_extent(geometries)
        layers = [map_book.areas_layer(plan, geometries, crs), self.risk_layer(run, risk, crs, extent), visits]
        run.step()
        layers.append(self.roads_layer(run, roads, crs, extent))
        project.addMapLayers([layer for layer in layers if layer is not None])
        run.step(tr("Printing {} pages").format(len(plan.pages)))
        map_book.fill_layout(layout, layers, self.texts(run))
        pdf, folder = run.file_output(self.OUTPUT), run.string(self.PAGES) if run.given(self.PAGES) else ""
        map_book.export_book(layout, pdf, folder, run.feedback)
        self.report(run, plan)
        return {self.OUTPUT: pdf, self.PAGES: folder or None, self.PAGE_COUNT: len(plan.pages)}

    def read_areas(self, run, areas):
        """Names, QGIS geometries and shapely shapes of the split areas that have a geometry."""
        records = AreaRecords(areas, run.feedback, progress_share=100)
        names = records.column(run.string(self.SPLIT_FIELD))
        keep = [i for i, g in enumerate(records.geometries) if not g.isNull() and not g.isEmpty()]
        if len(keep) < len(records):
            run.warn(tr("{} split area(s) of '{}' have no geometry and get no page.").format(
                len(records) - len(keep), areas.label))
        if not keep:
            fail(tr("No split area of '{}' has a geometry: there is nothing to print.").format(areas.label))
        shapes = records.shapely_geometries()
        return [names[i] for i in keep], [records.geometries[i] for i in keep], [shapes[i] for i in keep]

    def plan(self, run, postcodes, shapes, names, crs):
        """Which postcodes go on which page, in what order; and the visits layer for the map and table."""
        from ..analysis.counting import assign_points_to_areas
        from ..analysis.map_book import plan_map_book
        from . import map_book

        fields = [self.field_name(run, name, postcodes) for name in (self.POSTCODE_FIELD, self.TIER_FIELD,
                                                                      self.RANK_FIELD)]
        fields.append(run.string(self.REASON_FIELD) or None)  # no reason field: the table's 'Why' stays empty
        points, x, y, columns = map_book.read_points(postcodes, fields, crs, run.context, run.feedback)
        if not points:
            run.warn(tr("The priority postcode layer '{}' has no P1 or P2 postcodes: every page says so.")
                     .format(postcodes.label))
        rows = self.parameterAsInt(run.parameters, self.ROWS, run.context)
        plan = plan_map_book(names, assign_points_to_areas(shapes, x, y), columns[1], columns[2], rows)
        if plan.outside:
            run.warn(tr("{} P1/P2 postcode(s) lie in no split area and are on no page.").format(plan.outside))
        return plan, map_book.visits_layer(plan, points, columns[0], columns[3], crs)

    def risk_layer(self, run, risk, crs, extent):
        from . import map_book

        band = self.field_name(run, self.BAND_FIELD, risk)
        label_field = "band_label" if risk.source.fields().lookupField("band_label") >= 0 else None
        layer = map_book.copied_layer(risk, map_book.RISK_LAYER, QgsWkbTypes.PolygonGeometry,
                                      [band] + ([label_field] if label_field else []), crs, run.context, extent,
                                      run.feedback)
        self.check_bands(run, risk, layer, band)
        map_book.style_risk(layer, band, map_book.legend_band_labels(layer, band, label_field))
        return layer

    def check_bands(self, run, risk, layer, band):
        """Areas without a band 1-5 are left uncoloured: said, and refused when no area has one."""
        from ..analysis.map_book import banded

        values = [python_value(feature[band]) for feature in layer.getFeatures()]
        if not values:
            run.warn(tr("No area of the {} layer '{}' lies on or near the split areas: the maps show no bands. Are "
                        "they the same place?").format(risk.role, risk.label))
        good = banded(values)
        if values and not good.any():
            fail(tr("The band field '{}' of the {} layer '{}' holds no band from 1 to 5 (e.g. {}). Choose the band "
                    "field of the fire model's output.").format(band, risk.role, risk.label, values[0]))
        if not good.all():
            run.warn(tr("{} area(s) of '{}' have no band from 1 to 5 and are left uncoloured.").format(
                int((~good).sum()), risk.label))

    def field_name(self, run, name, checked):
        chosen = run.string(name)
        if not chosen:
            fail(tr("Choose the '{}' of the {} layer '{}'.").format(
                self.parameterDefinition(name).description(), checked.role, checked.label))
        return chosen

    def roads_layer(self, run, roads, crs, extent):
        from . import map_book

        if roads is None:
            return None
        name = run.string(self.ROAD_NAME_FIELD) or None
        layer = map_book.copied_layer(roads, map_book.ROADS_LAYER, QgsWkbTypes.LineGeometry, [name] if name else [],
                                      crs, run.context, extent, run.feedback)
        map_book.style_roads(layer, name)
        return layer

    def texts(self, run):
        from ...plugin.translation import qgis_locale
        from qgis.PyQt.QtCore import QDate, QLocale

        printed = QLocale(qgis_locale()).toString(QDate.currentDate(), "d MMMM yyyy")
        return run.string(self.TITLE).strip(), tr("Printed {}").format(printed), run.string(self.ATTRIBUTION).strip()

    def report(self, run, plan):
        without = [page.name for page in plan.pages if page.counts["P1"] == 0]
        run.info(tr("{} pages: {} P1 and {} P2 postcodes.").format(
            len(plan.pages), sum(p.counts["P1"] for p in plan.pages), sum(p.counts["P2"] for p in plan.pages)))
        if without:
            run.info(tr("No P1 postcodes in: {}.").format(", ".join(without[:10]) + (" …" if len(without) > 10 else "")))
