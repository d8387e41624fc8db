"""What every Community Risk algorithm shares: translation, groups, icon, dependency checks,
and the input checks that turn bad layers into messages naming the layer or field at fault."""
import importlib.util
import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant
from qgis.PyQt.QtGui import QIcon

from ...plugin.translation import tr, translatable

ICON_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "icons", "community_risk.svg"
)

# Group id -> untranslated group name. Translated through tr() where shown.
GROUPS = {
    "datapreparation": translatable("Data preparation"),
    "firerisk": translatable("Fire risk"),
    "targeting": translatable("Targeting"),
    "healthhousing": translatable("Health and housing"),
}

GEOMETRY_NAMES = {
    QgsWkbTypes.PointGeometry: translatable("points"),
    QgsWkbTypes.LineGeometry: translatable("lines"),
    QgsWkbTypes.PolygonGeometry: translatable("polygons"),
    QgsWkbTypes.NullGeometry: translatable("no geometry"),
    QgsWkbTypes.UnknownGeometry: translatable("unknown geometry"),
}


class CommunityRiskAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ALGORITHM_ID, DISPLAY_NAME, GROUP_ID and REQUIRED_MODULES."""

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "datapreparation"
    # Python packages the algorithm imports when it runs; a user's own QGIS may lack them.
    REQUIRED_MODULES = ("numpy",)

    def tr(self, text):
        return tr(text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):
        return tr(self.DISPLAY_NAME)

    def groupId(self):
        return self.GROUP_ID

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):
        return ICON_PATH

    def canExecute(self):
        missing = [name for name in self.REQUIRED_MODULES if importlib.util.find_spec(name) is None]
        if missing:
            return False, tr(
                "This algorithm needs the Python packages {} which this QGIS cannot import. "
                "Install them for the Python that QGIS uses (see the plugin's README, "
                "'Using the plugin in your own QGIS')."
            ).format(", ".join(missing))
        return True, ""


def fail(message):
    """Raise the exception Processing shows to the user, with nothing written yet."""
    raise QgsProcessingException(message)


class CheckedSource:
    """A feature source with the role and name the user knows it by, for messages about it."""

    def __init__(self, source, role, label):
        self.source = source
        self.role = role
        self.label = label

    def require_geometry(self, expected):
        actual = QgsWkbTypes.geometryType(self.source.wkbType())
        if actual != expected:
            fail(tr("The {} layer '{}' has {}; it must have {}.").format(
                self.role, self.label, tr(GEOMETRY_NAMES.get(actual, "unknown geometry")),
                tr(GEOMETRY_NAMES[expected])))
        return self

    def require_features(self):
        if self.source.featureCount() == 0:
            fail(tr("The {} layer '{}' is empty: it has no features.").format(self.role, self.label))
        return self

    def field_index(self, field_name):
        """Index of field_name, or a message naming the layer, the field and the fields there are."""
        if not field_name:
            fail(tr("No field was chosen on the {} layer '{}'.").format(self.role, self.label))
        index = self.source.fields().lookupField(field_name)
        if index < 0:
            fail(tr("The {} layer '{}' has no field '{}'. Its fields are: {}.").format(
                self.role, self.label, field_name, ", ".join(self.source.fields().names())))
        return index


def require_source(algorithm, parameters, context, name, role):
    """The parameter's feature source, checked open, with a label such as 'borough.gpkg (areas)'."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        fail(tr("The {} layer could not be opened ({}).").format(role, parameters.get(name)))
    label = source.sourceName()
    value = parameters.get(name)
    if isinstance(value, str) and "layername=" in value:
        label = "{} ({})".format(label, value.split("layername=", 1)[1].split("|")[0])
    return CheckedSource(source, role, label)


def python_value(value):
    """A QGIS attribute as a plain Python value: NULL -> None, QDate/QDateTime -> date/datetime."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


def analysis_error(error):
    """An AnalysisError from the QGIS-free code as the exception Processing shows, translated."""
    return QgsProcessingException(error.render(tr))


def write_text(path, text):
    """Write whole or not at all: a temporary file renamed into place."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    partial = path + ".part"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)
