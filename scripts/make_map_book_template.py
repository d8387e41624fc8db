"""Writes resources/visit_map_book.qpt, the print layout of Visit map book: A4 landscape, the map on the left,
the visit table beside it, title, note, date, page number, legend, scale bar, north arrow and attributions.

The template is what users restyle in QGIS's layout designer (Project > Layout Manager > Create from
template); the algorithm fills it. Rerun this script only to start the design again from scratch:

    PYTHONPATH=.build/pkgroot QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_map_book_template.py

Item ids the algorithm looks for: 'map' (required), 'scalebar', 'north_arrow'; the legend and the attribute
table are found by type. Labels show the layout variables @map_book_title, @map_book_date and
@map_book_attribution, and the atlas page's fields 'name', 'note' and 'page_label'."""
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutFrame,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "resources", "visit_map_book.qpt")
FONT = "DejaVu Sans"
NORTH_ARROW = "/usr/share/qgis/svg/arrows/NorthArrow_02.svg"


def text_format(size, bold=False, colour="#1a1a1a"):
    font = QFont(FONT)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setSizeUnit(QgsUnitTypes.RenderPoints)
    text.setColor(QColor(colour))
    return text


def place(item, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))


def label(layout, item_id, text, rect, size, bold=False, align=Qt.AlignLeft, colour="#1a1a1a"):
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setFontColor(QColor(colour))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignTop)
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    place(item, *rect)
    return item


def build(layout):
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)
    label(layout, "title", "[% @map_book_title %]: [% attribute(@atlas_feature, 'name') %]", (8, 5.5, 220, 9), 16,
          bold=True)
    label(layout, "date", "[% @map_book_date %]", (230, 6, 59, 5), 8, align=Qt.AlignRight, colour="#444444")
    label(layout, "page", "[% attribute(@atlas_feature, 'page_label') %]", (230, 11, 59, 5), 8,
          align=Qt.AlignRight, colour="#444444")
    label(layout, "note", "[% attribute(@atlas_feature, 'note') %]", (8, 15.5, 281, 8.5), 8.5)
    the_map = QgsLayoutItemMap(layout)
    the_map.setId("map")
    the_map.setFrameEnabled(True)
    the_map.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    the_map.setBackgroundColor(QColor("#f4f4f0"))
    the_map.setAtlasDriven(True)
    the_map.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    the_map.setAtlasMargin(0.08)
    layout.addLayoutItem(the_map)
    place(the_map, 8, 25, 172, 148)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    arrow.setPicturePath(NORTH_ARROW)
    arrow.setLinkedMap(the_map)
    arrow.setBackgroundEnabled(False)
    layout.addLayoutItem(arrow)
    place(arrow, 167, 28, 10, 14)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setId("scalebar")
    scale.setLinkedMap(the_map)
    scale.setStyle("Single Box")
    scale.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scale.setUnits(QgsUnitTypes.DistanceKilometers)
    scale.setUnitLabel("km")
    scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scale.setMinimumBarWidth(8)
    scale.setMaximumBarWidth(30)
    scale.setNumberOfSegments(3)
    scale.setNumberOfSegmentsLeft(0)
    scale.setTextFormat(text_format(7))
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scale)
    scale.attemptMove(QgsLayoutPoint(11, 161, QgsUnitTypes.LayoutMillimeters))
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("")
    legend.setLinkedMap(the_map)
    legend.setAutoUpdateModel(False)
    legend.setColumnCount(4)
    legend.setSplitLayer(False)
    legend.setEqualColumnWidth(False)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(2.8)
    legend.setBoxSpace(0.8)
    for style, size, bold in ((QgsLegendStyle.Subgroup, 7, True), (QgsLegendStyle.SymbolLabel, 6.5, False)):
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        legend.setStyleFont(style, font)
    legend.setStyleMargin(QgsLegendStyle.Symbol, QgsLegendStyle.Top, 0.9)
    legend.setStyleMargin(QgsLegendStyle.Subgroup, QgsLegendStyle.Top, 0)
    legend.setStyleMargin(QgsLegendStyle.Subgroup, QgsLegendStyle.Bottom, 0.5)
    legend.setColumnSpace(6)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    place(legend, 8, 175, 172, 26)
    label(layout, "attribution", "[% @map_book_attribution %]", (8, 202.5, 281, 6), 6, colour="#555555")
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, expression, width in (("No.", "visit_no", 7), ("Postcode", "postcode", 16), ("Tier", "tier", 6.5),
                                       ("Why", "why", 58), ("Done", "''", 7.5)):
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(expression)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setSortColumns([sort_by("visit_no")])
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"page\" = attribute(@atlas_feature, 'page') AND \"listed\" = 1")
    table.setMaximumNumberOfFeatures(60)
    table.setWrapBehavior(QgsLayoutItemAttributeTable.WrapText)
    table.setHeaderTextFormat(text_format(7, bold=True))
    table.setContentTextFormat(text_format(6.5))
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#9a9a9a"))
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.ShowMessage)
    table.setEmptyTableMessage("No P1 or P2 postcodes in this area.")
    table.setHeaderHAlignment(QgsLayoutItemAttributeTable.HeaderLeft)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("visit_table")
    place(frame, 184, 25, 105, 176)
    table.addFrame(frame)


def sort_by(attribute):
    column = QgsLayoutTableColumn()
    column.setAttribute(attribute)
    column.setSortOrder(Qt.AscendingOrder)
    return column


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Visit map book")
    build(layout)
    if not layout.saveAsTemplate(OUT, QgsReadWriteContext()):
        sys.exit("could not write {}".format(OUT))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
