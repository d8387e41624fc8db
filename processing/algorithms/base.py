"""What every Community Risk algorithm shares: translation, groups, icon, dependency checks,
and the input checks that turn bad layers into messages naming the layer or field at fault."""
import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterField,
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
    "housingstandards": translatable("Housing standards"),
    "reports": translatable("Reports"),
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
    # Layer parameter -> the role messages call it by ("area", "incident"); others use their label.
    LAYER_ROLES = {}

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
        """The toolbox and the locator ask this before opening the dialog; the plugin's menu too."""
        from ...plugin.dependencies import check

        return check(self.REQUIRED_MODULES)

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """qgis_process, processing.run and models never call canExecute: the same package check, here."""
        ok, message = self.canExecute()
        if not ok:
            raise QgsProcessingException(message)
        return True

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's own checks; a layer file that exists but cannot be opened (empty, truncated, not what
        its name says) is named with the reason instead of Processing's 'not found'."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            message = damaged_input_message(self, parameters) or message
        return ok, message

    # --- the template: every algorithm's processAlgorithm is this one --------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Check fields and outputs, run, then move the outputs into place; on cancel or error nothing is
        written and earlier results stay as they were."""
        from ..analysis.messages import AnalysisError, Cancelled
        from .outputs import OutputGuard

        guard = OutputGuard(self, parameters, context)
        try:
            run = Run(self, guard, context, feedback)
            check_field_parameters(self, guard.parameters, context)
            results = self.perform(run) or {}
            run.check_cancel()
            run.finish()
        except Cancelled:
            guard.discard()
            raise QgsProcessingException(tr("Cancelled: nothing was written, and earlier results are as "
                                            "they were."))
        except AnalysisError as error:
            guard.discard()
            raise QgsProcessingException(error.render(tr))
        except BaseException:
            guard.discard()
            raise
        return guard.commit(results)

    def perform(self, run):
        """The algorithm's own work: read through `run`, call the analysis, write through `run`."""
        raise NotImplementedError


class Run:
    """One run of an algorithm: its parameters (outputs already pointing at temporary files), progress
    in named steps, cancel as an exception, notes, styled outputs and safe CSV/text writing."""

    def __init__(self, algorithm, guard, context, feedback):
        self.algorithm = algorithm
        self.guard = guard
        self.parameters = guard.parameters
        self.context = context
        self.base_feedback = feedback
        self.feedback = feedback
        self._steps = None
        self._styles = []

    # parameters, read the way Processing reads them
    def string(self, name):
        return self.algorithm.parameterAsString(self.parameters, name, self.context)

    def given(self, name):
        return self.parameters.get(name) not in (None, "")

    def source(self, name, geometry=None, features=True):
        """A layer parameter opened and checked (geometry type, not empty), named by its role in messages."""
        roles = self.algorithm.LAYER_ROLES
        role = tr(roles[name]) if name in roles else self.algorithm.parameterDefinition(name).description()
        checked = require_source(self.algorithm, self.parameters, self.context, name, role)
        if geometry is not None:
            checked.require_geometry(geometry)
        if features:
            checked.require_features()
        return checked

    # progress and cancel
    def steps(self, count):
        """Split the progress bar into `count` steps; readers then report progress within the step."""
        from qgis.core import QgsProcessingMultiStepFeedback

        self._steps = QgsProcessingMultiStepFeedback(count, self.base_feedback)
        self._step = -1
        self.feedback = self._steps

    def step(self, message=None):
        """Start the next step (and say what it does)."""
        self.check_cancel()
        if self._steps is not None:
            self._step += 1
            self._steps.setCurrentStep(self._step)
        if message:
            self.feedback.pushInfo(message)

    def check_cancel(self):
        from ..analysis.messages import Cancelled

        if self.base_feedback.isCanceled():
            raise Cancelled()

    def progress(self, fraction):
        """The analysis code's callback: progress within the current step (0-1); raises Cancelled."""
        self.check_cancel()
        self.feedback.setProgress(100.0 * max(0.0, min(1.0, fraction)))

    def info(self, text):
        self.feedback.pushInfo(text)

    def warn(self, text):
        self.feedback.pushWarning(text)

    def notes(self, notes):
        """Forward the analysis code's notes, translated: warnings as warnings."""
        for note in notes:
            (self.feedback.pushWarning if note.warning else self.feedback.pushInfo)(note.render(tr))

    # outputs
    def file_output(self, name):
        """The (temporary) path a file destination writes to, or '' when the output is skipped."""
        return self.algorithm.parameterAsFileOutput(self.parameters, name, self.context)

    def write_text(self, name, text):
        path = self.file_output(name)
        if path:
            write_text(path, text)
        return path

    def style(self, dest_id, apply_style):
        """Style an output layer: `apply_style(layer)` sets its renderer. Applied when the layer is loaded,
        and saved as the file's default style (a .qml beside it) so it opens styled from disk too."""
        if dest_id and self.context.willLoadLayerOnCompletion(dest_id):
            post_processor = LayerStyler(apply_style)
            self._styles.append(post_processor)  # Processing holds post-processors only weakly
            self.context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post_processor)
        self._styles.append((dest_id, apply_style))

    def finish(self):
        """After the algorithm's sinks are closed: save each styled file output's default style."""
        for item in self._styles:
            if isinstance(item, tuple):
                save_default_style(*item, feedback=self.feedback)


class LayerStyler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, apply_style):
        super().__init__()
        self.apply_style = apply_style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        self.apply_style(layer)
        layer.triggerRepaint()


def save_default_style(dest_id, apply_style, feedback=None):
    """Write `<file>.qml` beside a file output (vector or raster): QGIS loads it as the default style."""
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    if not isinstance(dest_id, str) or not os.path.exists(dest_id.split("|")[0]):
        return False
    path = dest_id.split("|")[0]
    if path.lower().endswith((".tif", ".tiff", ".asc", ".img", ".vrt")):
        layer = QgsRasterLayer(path, "output")
    else:
        layer = QgsVectorLayer(dest_id, "output", "ogr")
    if not layer.isValid():
        return False
    apply_style(layer)
    qml = os.path.splitext(path)[0] + ".qml"
    _, saved = layer.saveNamedStyle(qml)
    if not saved and feedback is not None:
        feedback.pushWarning(tr("The style could not be saved beside {}.").format(path))
    return saved


def check_field_parameters(algorithm, parameters, context):
    """Every field parameter names fields its layer has: checked before anything is read or written."""
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField):
            continue
        names = algorithm.parameterAsFields(parameters, definition.name(), context)
        names = [n for n in names if n]
        parent = definition.parentLayerParameterName()
        if not names or not parent or parameters.get(parent) in (None, ""):
            continue
        roles = getattr(algorithm, "LAYER_ROLES", {})
        role = tr(roles[parent]) if parent in roles else algorithm.parameterDefinition(parent).description()
        checked = require_source(algorithm, parameters, context, parent, role)
        fields = checked.source.fields()
        missing = [n for n in names if fields.lookupField(n) < 0]
        if missing:
            fail(tr("The {} layer '{}' has no field {} (for '{}'). Its fields are: {}.").format(
                role, checked.label, ", ".join("'{}'".format(n) for n in missing), definition.description(),
                ", ".join(fields.names())))


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

    def require_projected_crs(self):
        """Distances and areas need metres: refuse a layer with no CRS or a geographic one."""
        crs = self.source.sourceCrs()
        if not crs_is_defined(crs):
            fail(tr("The {} layer '{}' has no coordinate reference system. Set its CRS (Layer Properties > "
                    "Source), e.g. British National Grid (EPSG:27700).").format(self.role, self.label))
        if crs.isGeographic():
            fail(tr("The {} layer '{}' is in a geographic CRS ({}), in degrees; this algorithm measures in "
                    "metres. Reproject it first (e.g. to EPSG:27700 with Vector > Data Management Tools > "
                    "Reproject Layer).").format(self.role, self.label, crs.authid() or crs.description()))
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


def crs_is_defined(crs):
    """A CRS that says where things are: not missing, and not the 'Undefined SRS' (a local system in unknown
    units) that QGIS reports for a GeoPackage written without one (e.g. by GeoPandas with crs=None)."""
    from qgis.core import QgsUnitTypes

    if not crs.isValid() or crs.mapUnits() == QgsUnitTypes.DistanceUnknownUnit:
        return False
    # GDAL 3.6 (Debian 12's, QGIS's own) writes none as srs_id 0, which QGIS reads as 'Undefined geographic SRS'
    return bool(crs.authid()) or not crs.description().lower().startswith("undefined")


def require_same_kind_of_crs(first, second):
    """Two layers that must meet: each has a CRS (the second is reprojected to the first), or neither has
    one (their coordinates are taken as they are)."""
    first_defined, second_defined = crs_is_defined(first.source.sourceCrs()), crs_is_defined(second.source.sourceCrs())
    if first_defined != second_defined:
        without = first if not first_defined else second
        fail(tr("The {} layer '{}' has no coordinate reference system, so it cannot be matched with the other "
                "layer. Set its CRS (Layer Properties > Source).").format(without.role, without.label))


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


def damaged_input_message(algorithm, parameters):
    """Why an input file that exists cannot be read (zero bytes, a truncated or foreign GeoPackage), or None."""
    from .outputs import file_of_source

    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        values = parameters.get(definition.name())
        for value in values if isinstance(values, (list, tuple)) else [values]:
            path = file_of_source(value) if isinstance(value, str) else None
            reason = damaged_file_reason(path) if path and os.path.isfile(path) else None
            if reason:
                return tr("The input '{}' cannot be read: the file '{}' {}").format(
                    definition.description(), path, reason)
    return None


def damaged_file_reason(path):
    """'is empty (0 bytes)…', 'is truncated…' or 'is not a GeoPackage…' for a damaged layer file; else None."""
    size = os.path.getsize(path)
    if size == 0:
        return tr("is empty (0 bytes). Was it copied or downloaded in full?")
    if not path.lower().endswith(".gpkg"):
        return None
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(b"SQLite format 3\x00"):
        return tr("is not a GeoPackage: it does not begin as one does. It may be damaged, or another kind of file "
                  "renamed.")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if len(header) == 100 and header[24:28] == header[92:96] and pages and size < page_size * pages:
        return tr("is truncated: it holds {:,} of its {:,} bytes. Copy or download it again.").format(
            size, page_size * pages)
    return None
