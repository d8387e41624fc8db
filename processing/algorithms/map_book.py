"""The visit map book's QGIS side: memory layers for one print run (split areas, risk bands, visits, roads),
styled; the print layout loaded from the shipped template (resources/visit_map_book.qpt, editable in the
layout designer) and filled; the atlas exported to PDF. The page plan itself is QGIS-free
(analysis/map_book.py)."""
import os

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...plugin.translation import tr, translatable
from ..analysis.messages import Cancelled
from .base import fail, python_value

RESOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources")
TEMPLATE = os.path.join(RESOURCES, "visit_map_book.qpt")
# The layers' names: the template's visit table finds its layer by this name (and the memory provider).
AREAS_LAYER, RISK_LAYER, VISITS_LAYER, ROADS_LAYER = ("map_book_areas", "map_book_risk", "map_book_visits",
                                                      "map_book_roads")
# Layout variables the template's labels show.
TITLE_VARIABLE, DATE_VARIABLE, ATTRIBUTION_VARIABLE = "map_book_title", "map_book_date", "map_book_attribution"
THIS_PAGE = "\"page\" = attribute(@atlas_feature, 'page')"
TIER_STYLE = (("P1", "#d7191c", 3.4), ("P2", "#f07c10", 2.6))  # as Priority postcodes' layer style
# The template's English headings, translated when the layout is filled.
TABLE_HEADINGS = (translatable("No."), translatable("Postcode"), translatable("Tier"), translatable("Why"),
                  translatable("Done"))


# --- layers ---------------------------------------------------------------------------------------

def memory_layer(geometry, name, crs, fields):
    layer = QgsVectorLayer(geometry, name, "memory")
    layer.setCrs(crs)
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    return layer


def add_rows(layer, rows):
    """rows: (QgsGeometry, [attributes]); with a spatial index, so each page draws only what it shows."""
    features = []
    multi = QgsWkbTypes.isMultiType(layer.wkbType())
    for geometry, attributes in rows:
        feature = QgsFeature(layer.fields())
        if multi and not geometry.isMultipart():
            geometry = QgsGeometry(geometry)
            geometry.convertToMultiType()
        feature.setGeometry(geometry)
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.dataProvider().createSpatialIndex()
    layer.updateExtents()
    return layer


def areas_layer(plan, geometries, crs, translate=tr):
    """The split areas, one feature per page, in page order: the atlas coverage."""
    layer = memory_layer("MultiPolygon", AREAS_LAYER, crs, [
        ("page", QVariant.Int), ("name", QVariant.String), ("stem", QVariant.String), ("note", QVariant.String),
        ("page_label", QVariant.String), ("p1", QVariant.Int), ("p2", QVariant.Int)])
    total = len(plan.pages)
    add_rows(layer, [(geometries[page.area], [
        page.number, page.name, page.stem, page.note(translate), page.page_label(total, translate),
        page.counts["P1"], page.counts["P2"]]) for page in plan.pages])
    style_areas(layer)
    return layer


def visits_layer(plan, points, postcodes, reasons, crs):
    """The P1 and P2 postcodes that lie in a split area, with their page and number in visit order."""
    from ..analysis.map_book import short_reason

    layer = memory_layer("Point", VISITS_LAYER, crs, [
        ("page", QVariant.Int), ("visit_no", QVariant.Int), ("listed", QVariant.Int), ("postcode", QVariant.String),
        ("tier", QVariant.String), ("why", QVariant.String)])
    rows = [(points[i], [int(plan.page_of_point[i]), int(plan.visit_number[i]), int(plan.listed[i]),
                         postcodes[i], plan.tier[i], short_reason(reasons[i])])
            for i in range(len(points)) if plan.page_of_point[i] > 0]
    add_rows(layer, rows)
    style_visits(layer)
    return layer


def copied_layer(checked, name, geometry_type, field_names, crs, context, extent, feedback):
    """A source's features inside `extent` (in crs), reprojected to crs, with the named fields only."""
    indices = [checked.field_index(n) for n in field_names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    request.setDestinationCrs(crs, context.transformContext()).setFilterRect(extent)
    kind = {QgsWkbTypes.PolygonGeometry: "MultiPolygon", QgsWkbTypes.LineGeometry: "MultiLineString"}[geometry_type]
    source_fields = checked.source.fields()
    layer = memory_layer(kind, name, crs, [(n, source_fields.at(i).type()) for n, i in zip(field_names, indices)])
    rows, total = [], max(checked.source.featureCount(), 1)
    for n, feature in enumerate(checked.source.getFeatures(request)):
        if n % 2000 == 0:
            if feedback.isCanceled():
                raise Cancelled()
            feedback.setProgress(100.0 * n / total)
        if feature.hasGeometry():
            rows.append((feature.geometry(), [python_value(feature.attribute(i)) for i in indices]))
    return add_rows(layer, rows)


def read_points(checked, field_names, crs, context, feedback):
    """The P1 and P2 postcodes of a priority postcode layer, in crs: their point geometries, x, y and columns
    [postcode, tier, rank, reason] (reason None when no field is given). The tier filter runs in the data
    provider (SQL for a GeoPackage), so of London's 180,000 postcodes only the P1/P2 are read."""
    import numpy as np

    from ..analysis.map_book import VISIT_TIERS, normal_tier
    from .layers import numbers

    indices = [checked.field_index(n) if n else -1 for n in field_names]
    request = QgsFeatureRequest().setFilterExpression("upper(trim({})) IN ('P1', 'P2')".format(
        QgsExpression.quotedColumnRef(field_names[1])))
    request.setSubsetOfAttributes([i for i in indices if i >= 0]).setDestinationCrs(crs, context.transformContext())
    points, columns = [], [[], [], [], []]
    for n, feature in enumerate(checked.source.getFeatures(request)):
        if n % 1000 == 0 and feedback.isCanceled():
            raise Cancelled()
        tier = normal_tier(python_value(feature.attribute(indices[1])))
        if tier not in VISIT_TIERS or not feature.hasGeometry():
            continue
        geometry = feature.geometry()
        points.append(geometry if geometry.type() == QgsWkbTypes.PointGeometry and not geometry.isMultipart()
                      else geometry.centroid())
        for column, index in zip(columns, indices):
            column.append(python_value(feature.attribute(index)) if index >= 0 else None)
    columns[1] = [normal_tier(t) for t in columns[1]]
    columns[2] = numbers(columns[2], field_names[2], checked.label)
    x = np.array([p.asPoint().x() for p in points], dtype=float)
    y = np.array([p.asPoint().y() for p in points], dtype=float)
    return points, x, y, columns


def page_extent(geometries):
    """The split areas' extent, widened so that a page's map (its area, fitted to the frame) is filled."""
    extent = QgsGeometry(geometries[0]).boundingBox()
    widest = 0.0
    for geometry in geometries:
        box = geometry.boundingBox()
        extent.combineExtentWith(box)
        widest = max(widest, box.width(), box.height())
    return extent.buffered(widest * 0.6)


def legend_band_labels(layer, band_field, label_field):
    from ..analysis.map_book import band_labels

    if not label_field:
        return band_labels([], [])
    pairs = [(python_value(f[band_field]), python_value(f[label_field])) for f in layer.getFeatures()]
    return band_labels([p[0] for p in pairs], [p[1] for p in pairs])


# --- styles -------------------------------------------------------------------------------------------

def style_areas(layer):
    """This page's area outlined in black; the others greyed out, so the page's area stands out."""
    root = QgsRuleBasedRenderer.Rule(None)
    here = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#111111", "outline_width": "0.8"})
    other = QgsFillSymbol.createSimple({"color": "255,255,255,150", "outline_color": "#777777",
                                        "outline_width": "0.3"})
    root.appendChild(QgsRuleBasedRenderer.Rule(here, 0, 0, "$id = @atlas_featureid", tr("This area")))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", tr("Other areas")))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def style_risk(layer, band_field, labels):
    from .styling import band_renderer

    renderer = band_renderer(QgsWkbTypes.PolygonGeometry, labels)
    renderer.setClassAttribute(band_field)
    for item in renderer.ranges():
        item.symbol().symbolLayer(0).setStrokeColor(QColor(255, 255, 255, 160))
        item.symbol().symbolLayer(0).setStrokeWidth(0.1)
    layer.setRenderer(renderer)


def style_roads(layer, name_field=None):
    """Thin grey lines; with a name field, the street names along them (where they fit)."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#5f5f5f", "width": "0.25"})))
    if not name_field:
        return
    settings = QgsPalLayerSettings()
    settings.fieldName = name_field
    settings.placement = QgsPalLayerSettings.Curved
    settings.repeatDistance = 60  # mm on the page: a long street is named more than once
    settings.setFormat(text_format(5.5, "#333333", buffer=0.6))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def text_format(size, colour, bold=False, buffer=0.0):
    text = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    if buffer:
        halo = QgsTextBufferSettings()
        halo.setEnabled(True)
        halo.setSize(buffer)
        halo.setColor(QColor("#ffffff"))
        text.setBuffer(halo)
    return text


def style_visits(layer):
    """P1 and P2 on this page as Priority postcodes draws them, each numbered as its row in the table."""
    root = QgsRuleBasedRenderer.Rule(None)
    labels = {"P1": tr("P1 postcode (visit first)"), "P2": tr("P2 postcode (visit next)")}
    for tier, colour, size in TIER_STYLE:
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": str(size),
                                               "outline_color": "#ffffff", "outline_width": "0.3"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"tier\" = '{}' AND {}".format(tier, THIS_PAGE),
                                                   labels[tier]))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = "CASE WHEN {} AND \"listed\" = 1 THEN \"visit_no\" END".format(THIS_PAGE)
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 0.4
    settings.displayAll = True  # every listed postcode keeps its number, even where points crowd
    settings.setFormat(text_format(7, "#111111", bold=True, buffer=0.8))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# --- the layout -----------------------------------------------------------------------------------------

def load_layout(project, template_path):
    """The print layout from a .qpt template; it must hold a map item with the id 'map'."""
    document = QDomDocument()
    try:
        with open(template_path, encoding="utf-8") as handle:
            ok = document.setContent(handle.read())
    except (OSError, UnicodeDecodeError) as error:
        fail(tr("The layout template '{}' cannot be read: {}.").format(template_path, error))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    if not ok or not layout.loadFromTemplate(document, QgsReadWriteContext())[1]:
        fail(tr("The layout template '{}' is not a QGIS print layout template (.qpt).").format(template_path))
    if not isinstance(layout.itemById("map"), QgsLayoutItemMap):
        fail(tr("The layout template '{}' has no map item with the id 'map' (Item Properties > Item ID).")
             .format(template_path))
    return layout


def fill_layout(layout, layers, texts):
    """Point the template's items at this run's layers: the atlas over the split areas, the map, the legend,
    the visit table; texts: title, date, attribution (layout variables the labels show)."""
    areas, risk, visits, roads = layers
    for name, value in zip((TITLE_VARIABLE, DATE_VARIABLE, ATTRIBUTION_VARIABLE), texts):
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    atlas = layout.atlas()
    atlas.setCoverageLayer(areas)
    atlas.setEnabled(True)
    atlas.setPageNameExpression("\"name\"")
    atlas.setFilenameExpression("\"stem\"")
    atlas.setSortFeatures(True)
    atlas.setSortExpression("\"page\"")
    atlas.setSortAscending(True)
    atlas.setHideCoverage(False)
    shown = [visits, areas] + ([roads] if roads is not None else []) + [risk]
    the_map = layout.itemById("map")
    the_map.setCrs(areas.crs())
    the_map.setLayers(shown)
    the_map.setKeepLayerSet(True)
    the_map.setAtlasDriven(True)
    # an extent in the frame's proportions: from a template's empty extent the atlas would resize the frame
    the_map.setExtent(in_proportion(areas.extent(), the_map.rect().width(), the_map.rect().height()))
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLegend):
            fill_legend(item, the_map, [risk, visits, areas] + ([roads] if roads is not None else []))
        elif isinstance(item, (QgsLayoutItemScaleBar, QgsLayoutItemPicture)) and item.id() in ("scalebar",
                                                                                           "north_arrow"):
            item.setLinkedMap(the_map)
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            fill_table(frame, visits)


def in_proportion(extent, width, height):
    """extent widened (about its centre) to the proportions width:height."""
    from qgis.core import QgsRectangle

    centre, ratio = extent.center(), width / height
    half_width, half_height = max(extent.width(), 1.0) / 2, max(extent.height(), 1.0) / 2
    if half_width / half_height < ratio:
        half_width = half_height * ratio
    else:
        half_height = half_width / ratio
    return QgsRectangle(centre.x() - half_width, centre.y() - half_height, centre.x() + half_width,
                        centre.y() + half_height)


def fill_legend(legend, the_map, layers):
    titles = {RISK_LAYER: tr("Fire risk band"), VISITS_LAYER: tr("Visits"), AREAS_LAYER: tr("Areas"),
              ROADS_LAYER: tr("Roads")}
    legend.setLinkedMap(the_map)
    legend.setAutoUpdateModel(False)
    root = QgsLayerTree()
    for layer in layers:
        node = root.addLayer(layer)
        node.setCustomProperty("legend/title-label", titles.get(layer.name(), layer.name()))
    legend.model().setRootGroup(root)
    legend.setLegendFilterByMapEnabled(False)
    legend.refresh()
    LEGEND_TREES.append(root)  # the legend model holds its root only weakly


LEGEND_TREES = []


def fill_table(table, visits):
    """The visit table lists this page's postcodes in visit order (its filter and sort are the template's
    unless it has none); headings in the user's language."""
    columns, sort = table.columns(), table.sortColumns()
    if table.vectorLayer() is None or table.vectorLayer().id() != visits.id():
        table.setVectorLayer(visits)  # resets the columns to the layer's fields: the template's come back below
        if columns:
            table.setSortColumns(sort)
        else:
            columns = table.columns()
    if not table.filterFeatures() or not table.featureFilter():
        table.setFilterFeatures(True)
        table.setFeatureFilter("{} AND \"listed\" = 1".format(THIS_PAGE))
    for column in columns:
        if column.heading() in TABLE_HEADINGS:
            column.setHeading(tr(column.heading()))
    table.setColumns(columns)
    table.setEmptyTableMessage(tr("No P1 or P2 postcodes in this area."))
    table.refreshAttributes()


def require_map_crs(checked):
    """The split areas draw the map: their CRS must be projected. A GeoPackage written without a CRS reads as
    'Undefined geographic SRS', valid and in degrees but not geographic: refused as having none."""
    checked.require_projected_crs()
    crs = checked.source.sourceCrs()
    if crs.mapUnits() == QgsUnitTypes.DistanceDegrees or crs.description().lower().startswith("undefined"):
        fail(tr("The {} layer '{}' has no coordinate reference system (it reads as '{}'). Set its CRS (Layer "
                "Properties > Source), e.g. British National Grid (EPSG:27700).").format(
            checked.role, checked.label, crs.description()))
    return checked


def new_project(crs, context):
    project = QgsProject()
    project.setCrs(crs)
    project.setTransformContext(context.transformContext())
    return project


def export_book(layout, pdf_path, folder, feedback):
    """Write the atlas: one PDF of every page, and with `folder` one PDF per page named by its stem.
    Raises Cancelled when the user cancels (the caller's output guard then removes what was written)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable, and smaller than outlines
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    settings.appendGeoreference = True
    jobs = [(QgsLayoutExporter.exportToPdf, pdf_path)]
    if folder:
        jobs.append((QgsLayoutExporter.exportToPdfs, os.path.join(folder, "page.pdf")))
    for export, path in jobs:
        result, error = export(layout.atlas(), path, settings, feedback)
        if result == QgsLayoutExporter.Canceled or feedback.isCanceled():
            raise Cancelled()
        if result != QgsLayoutExporter.Success:
            fail(tr("The map book could not be written to '{}': {}").format(path, error or result))
