"""Output safety for every algorithm: no output may overwrite an input, every file output is written
into a hidden folder beside its destination and moved into place only when the run succeeds, and a
folder that cannot be written is refused before any work is done.

A cancelled or failed run therefore leaves inputs and earlier results exactly as they were.
"""
import collections
import os
import re
import shutil
import tempfile

from qgis.core import (
    QgsMapLayer,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFolderDestination,
    QgsProperty,
)

from ...plugin.translation import tr
from .base import fail

MAX_PATH = 4096
MAX_NAME = 255
TEMP_PREFIX = ".community-risk-partial-"
# Values that are not files: Processing's temporary outputs, memory layers, databases.
NOT_FILES = ("memory:", "postgres:", "postgis:", "spatialite:", "ogr:", "TEMPORARY_OUTPUT", "oracle:", "mssql:")


def _static_value(value):
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    return value


def file_of_source(text):
    """The file behind a layer source string ('a.gpkg|layername=x', 'GPKG:a.gpkg:x', 'file:///a.csv?...'),
    or None when it is not a file."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    if text.startswith("file://"):
        text = text[len("file://"):].split("?")[0]
    if text.upper().startswith(("GPKG:", "NETCDF:", "HDF5:")):
        parts = text.split(":")
        text = parts[1] if len(parts) > 2 else text
    text = text.split("|")[0]
    if text.startswith(NOT_FILES) or "=" in text.split("/")[0]:
        return None
    return os.path.realpath(text)


def _input_sources(algorithm, parameters, context):
    """The layer source string of every value an input parameter reads (layers, tables, files, lists of them)."""
    project = context.project()
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        values = parameters.get(definition.name())
        for value in values if isinstance(values, (list, tuple)) else [values]:
            value = _static_value(value)
            if isinstance(value, QgsMapLayer):
                value = value.source()
            elif isinstance(value, str) and project is not None and project.mapLayer(value) is not None:
                value = project.mapLayer(value).source()
            elif isinstance(value, str) and context.temporaryLayerStore().mapLayer(value) is not None:
                value = context.temporaryLayerStore().mapLayer(value).source()
            if isinstance(value, str):
                yield value


def _existing_files(sources):
    """Real paths of the files the layer sources are."""
    return {path for path in map(file_of_source, sources) if path and os.path.exists(path)}


def table_in_file(text):
    """(real path of the database file, table name or '') of a layer source or destination naming a table inside a
    file ('a.gpkg|layername=x', "ogr:dbname='a.gpkg' table=\"x\" (geom)"), or of a plain file path (''); None
    when it is no file."""
    if not isinstance(text, str):
        return None
    match = re.match(r"^ogr:dbname='?([^']*?)'?\s+table=\"?([^\"\s]*)\"?", text.strip())
    if match:
        return os.path.realpath(match.group(1)), match.group(2)
    path = file_of_source(text)
    if path is None:
        return None
    table = re.search(r"\|layername=([^|]*)", text)
    return path, table.group(1) if table else ""


def _writes_over_an_input_table(value, inputs):
    """The input table a destination written in place inside a database file would replace: the same table of the
    same file, or a file read as a whole (its one or first layer) that the destination writes a table into."""
    target = table_in_file(_static_value(value))
    if target is None or not target[1]:
        return None
    for path, table in inputs:
        if path == target[0] and table in (target[1], ""):
            return "{} ({})".format(path, target[1])
    return None


class _Destination:
    def __init__(self, name, final_path, temp_dir, temp_path, is_folder):
        self.name = name
        self.final_path = final_path
        self.temp_dir = temp_dir
        self.temp_path = temp_path
        self.is_folder = is_folder


class OutputGuard:
    """Checks every destination parameter and points it at a private temporary path.

    `parameters` is the copy the algorithm must use; `commit(results)` moves the files into place and
    maps the results (and the layers to load) back to the real paths; `discard()` removes them."""

    def __init__(self, algorithm, parameters, context):
        self.context = context
        self.parameters = dict(parameters)
        self.destinations = []
        sources = list(_input_sources(algorithm, parameters, context))
        inputs = _existing_files(sources)
        tables = {table_in_file(v) for v in sources} - {None}
        chosen = {}
        try:
            for definition in algorithm.destinationParameterDefinitions():
                value = parameters.get(definition.name())
                label = definition.description()
                # a table written in place inside a database file ('ogr:dbname=... table=...'): by its provider
                overwritten = _writes_over_an_input_table(value, tables)
                if overwritten:
                    fail(tr("The output '{}' would be written over an input ({}). Choose another table or file: "
                            "nothing was written.").format(label, overwritten))
                path = self._path_of(definition, value)
                if path is None:
                    continue
                if path in inputs:
                    fail(tr("The output '{}' would be written over an input ({}). Choose another file: "
                            "nothing was written.").format(label, path))
                if path in chosen:
                    fail(tr("The outputs '{}' and '{}' are the same file ({}). Give each its own file.")
                         .format(chosen[path], label, path))
                chosen[path] = label
                is_folder = isinstance(definition, QgsProcessingParameterFolderDestination)
                self._redirect(definition.name(), value, path, label, is_folder)
        except BaseException:
            self.discard()
            raise

    @staticmethod
    def _path_of(definition, value):
        value = _static_value(value)
        if not isinstance(value, str) or not value.strip() or value.startswith(NOT_FILES):
            return None
        if "|" in value:
            return None  # a layer inside an existing database file: written in place by its provider
        path = os.path.abspath(os.path.expanduser(value.strip()))
        extension = getattr(definition, "defaultFileExtension", lambda: "")()
        if not isinstance(definition, QgsProcessingParameterFolderDestination) and extension \
                and not os.path.splitext(path)[1]:
            path += "." + extension  # as Processing does for a path without an extension
        return os.path.realpath(path) if os.path.exists(path) else path

    def _redirect(self, name, value, path, label, is_folder):
        if len(path) > MAX_PATH or any(len(part) > MAX_NAME for part in path.split(os.sep)):
            fail(tr("The output '{}' has a path of {} characters; file names may have at most {} characters "
                    "and whole paths at most {}. Choose a shorter name.").format(label, len(path), MAX_NAME,
                                                                              MAX_PATH))
        folder = path if is_folder else os.path.dirname(path)
        if not is_folder and os.path.isdir(path):
            fail(tr("The output '{}' is a folder ({}); give a file name.").format(label, path))
        try:
            os.makedirs(folder, exist_ok=True)
        except FileExistsError:
            fail(tr("The output '{}' cannot be written: '{}' is a file, not a folder.").format(label, folder))
        except OSError as error:
            fail(tr("The folder for the output '{}' cannot be created ({}): {}.").format(
                label, folder, error.strerror or error))
        try:
            temp_dir = tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=folder)
        except OSError as error:
            fail(tr("The output '{}' cannot be written in the folder '{}': {}. Choose a folder you can "
                    "write to.").format(label, folder, error.strerror or error))
        temp_path = temp_dir if is_folder else os.path.join(temp_dir, os.path.basename(path))
        self.destinations.append(_Destination(name, path, temp_dir, temp_path, is_folder))
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            redirected = QgsProcessingOutputLayerDefinition(QgsProperty.fromValue(temp_path),
                                                            value.destinationProject)
            redirected.destinationName = value.destinationName
            redirected.createOptions = value.createOptions
            self.parameters[name] = redirected
        else:
            self.parameters[name] = temp_path

    def temp_path(self, name):
        """The temporary path the output parameter `name` writes to now (None when not a file)."""
        for destination in self.destinations:
            if destination.name == name:
                return destination.temp_path
        return None

    def final(self, value):
        """A path, or a layer source inside a temporary folder, mapped to where it lands."""
        if isinstance(value, str):
            for destination in self.destinations:
                if value.startswith(destination.temp_path):
                    return destination.final_path + value[len(destination.temp_path):]
                if value.startswith(destination.temp_dir + os.sep):
                    return os.path.join(os.path.dirname(destination.final_path) if not destination.is_folder
                                        else destination.final_path, value[len(destination.temp_dir) + 1:])
        if isinstance(value, list):
            return [self.final(v) for v in value]
        return value

    def commit(self, results):
        """Move every written file into place; results and layers to load now name the real paths."""
        for destination in self.destinations:
            target = destination.final_path if destination.is_folder else os.path.dirname(destination.final_path)
            for entry in sorted(os.listdir(destination.temp_dir)):
                source = os.path.join(destination.temp_dir, entry)
                final = os.path.join(target, entry)
                if os.path.isdir(final) and not os.path.islink(final):
                    shutil.rmtree(final)
                os.replace(source, final)
            os.rmdir(destination.temp_dir)
        layers = self.context.layersToLoadOnCompletion()
        if any(self.final(key) != key for key in layers):
            self.context.setLayersToLoadOnCompletion({self.final(key): renewed(details)
                                                      for key, details in layers.items()})
        results = {key: self.final(value) for key, value in (results or {}).items()}
        self.destinations = []
        return results

    def discard(self):
        for destination in self.destinations:
            shutil.rmtree(destination.temp_dir, ignore_errors=True)
        self.destinations = []


def renewed(details):
    """A copy of a layer's load details with its own post-processor. setLayersToLoadOnCompletion deletes the
    post-processors of the entries it replaces, and a plain copy would keep pointing at the deleted one:
    the dialog, which styles the layers it loads after the run, then crashes QGIS."""
    from qgis.core import QgsProcessingContext

    copy = QgsProcessingContext.LayerDetails(details.name, details.project, details.outputName)
    for attribute in ("forceName", "layerTypeHint", "layerSortKey"):  # the last two are newer than QGIS 3.22
        if hasattr(details, attribute):
            setattr(copy, attribute, getattr(details, attribute))
    processor = details.postProcessor()
    apply_style = getattr(processor, "apply_style", None)
    if apply_style is not None:
        from .base import LayerStyler

        styler = LayerStyler(apply_style)
        RENEWED_STYLERS.append(styler)  # its Python side must outlive the run, until the dialog loads the layer
        copy.setPostProcessor(styler)
    return copy


RENEWED_STYLERS = collections.deque(maxlen=256)
