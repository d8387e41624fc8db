"""Styles applied to output layers when Processing loads them into the project."""
from qgis.core import (
    QgsClassificationJenks,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsStyle,
)


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


def apply_graduated_style(layer, field_name, classes=5, ramp="Reds"):
    renderer = QgsGraduatedSymbolRenderer(field_name)
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(layer, classes)
    color_ramp = QgsStyle.defaultStyle().colorRamp(ramp)
    if color_ramp is not None:
        renderer.updateColorRamp(color_ramp)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer
