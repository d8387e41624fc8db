"""Styles applied to output layers when Processing loads them into the project."""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationJenks,
    QgsRendererCategory,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererRange,
    QgsStyle,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor

from ...plugin.translation import tr



class GraduatedStyle(QgsProcessingLayerPostProcessorInterface):
    """A five-class natural-breaks graduated style on one numeric field, in a sequential red ramp."""

    def __init__(self, field_name, legend_title, classes=5, ramp="Reds"):
        super().__init__()
        self.field_name = field_name
        self.legend_title = legend_title
        self.classes = classes
        self.ramp = ramp

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_graduated_style(layer, self.field_name, self.classes, self.ramp)


def apply_graduated_style(layer, field_name, classes=5, ramp="Reds", values=None):
    """Natural breaks (Jenks) on one field. values: the field's values where the algorithm already holds them,
    classified exactly here (analysis.banding.natural_breaks) instead of QGIS reading the layer back and
    classifying a sample of it."""
    if values is None:
        renderer = QgsGraduatedSymbolRenderer(field_name)
        renderer.setClassificationMethod(QgsClassificationJenks())
        renderer.updateClasses(layer, classes)
    else:
        from ..analysis.banding import natural_breaks

        ranges = [QgsRendererRange(lower, upper, QgsSymbol.defaultSymbol(layer.geometryType()), "")
                  for lower, upper in natural_breaks(values, classes)]
        renderer = QgsGraduatedSymbolRenderer(field_name, ranges)
        renderer.setClassificationMethod(QgsClassificationJenks())  # what the dialog offers to classify again
        renderer.updateRangeLabels()
    color_ramp = QgsStyle.defaultStyle().colorRamp(ramp)
    if color_ramp is not None:
        renderer.updateColorRamp(color_ramp)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer


def band_renderer(geometry_type, labels=None, colours=None):
    """One class per band on the integer field `band` (1 = lowest), in the bands' colours, each labelled
    'number label'. labels: band labels, translated here if they are source strings (default: the risk band
    names); colours: one per band (default: the banding's green to red)."""
    from ..analysis import banding

    labels = [tr(label) for label in (labels or banding.NAMES)]
    colours = colours or banding.COLOURS
    ranges = []
    for band, (label, colour) in enumerate(zip(labels, colours), start=1):
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        symbol.setColor(QColor(colour))
        ranges.append(QgsRendererRange(band - 0.5, band + 0.5, symbol, "{} {}".format(band, label)))
    return QgsGraduatedSymbolRenderer("band", ranges)


def apply_band_style(layer, labels=None, colours=None):
    layer.setRenderer(band_renderer(layer.geometryType(), labels, colours))
    layer.triggerRepaint()


class IndexStyle(QgsProcessingLayerPostProcessorInterface):
    """An index around 100: blue below, red above, in five classes."""

    BREAKS = ((0, 70, "#2b83ba"), (70, 90, "#abdda4"), (90, 110, "#ffffbf"), (110, 150, "#fdae61"),
              (150, 1e9, "#d7191c"))

    def __init__(self, field_name):
        super().__init__()
        self.field_name = field_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        ranges = []
        for low, high, colour in self.BREAKS:
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(colour))
            label = "≥ {:g}".format(low) if high >= 1e9 else "{:g} – {:g}".format(low, high)
            ranges.append(QgsRendererRange(low, high, symbol, label))
        layer.setRenderer(QgsGraduatedSymbolRenderer(self.field_name, ranges))
        layer.triggerRepaint()


class TierStyle(QgsProcessingLayerPostProcessorInterface):
    """Priority tiers: P1 large red, P2 orange, P3 small grey."""

    TIERS = (("P1", "#d7191c", 3.2), ("P2", "#fdae61", 2.4), ("P3", "#bababa", 1.4))

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        categories = []
        for tier, colour, size in self.TIERS:
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            symbol.setColor(QColor(colour))
            if hasattr(symbol, "setSize"):
                symbol.setSize(size)
            categories.append(QgsRendererCategory(tier, symbol, tier))
        layer.setRenderer(QgsCategorizedSymbolRenderer("tier", categories))
        layer.triggerRepaint()
