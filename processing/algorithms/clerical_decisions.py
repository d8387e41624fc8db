"""The Clerical decisions input of Find people at risk and Housing benefit overlay: the clerical review an earlier run
wrote, with the officer's decisions filled in, as a file (CSV, XLSX, GeoPackage) or a layer of the project (the
temporary review layer, edited in the attribute table). Reading it is all this does; processing/analysis/
clerical_decisions.py matches and applies the decisions."""
import os

from qgis.core import QgsProcessing, QgsProcessingFeatureSourceDefinition, QgsProcessingParameterFeatureSource

from ...plugin.translation import tr, translatable
from .base import fail, python_value

DECISIONS = "DECISIONS"
DECISIONS_HELP = translatable(
    "Optional; leave it empty on a first run. Give the clerical review an earlier run wrote (the CSV or XLSX saved "
    "from a spreadsheet, the GeoPackage, or the review layer itself, edited in QGIS), with its decision column filled "
    "in where you have decided: same home or different homes (also same / different, yes / no, y / n, match / no "
    "match; case and spaces do not matter). Leave the pairs you have not decided empty. Sort or filter the rows as you "
    "like, but leave the dataset, row and check columns as written. A pair marked same is linked into one household; "
    "a pair marked different is never in one household, even where other links would join it. The pairs between the "
    "same two households stand one after another: one decision among them decides them all. Run on the same inputs "
    "and with the same secret: each row is checked against what it said, and a decision whose rows changed is "
    "skipped and listed in the log. Anything else written is listed as not understood, never guessed. The new review "
    "lists the decided pairs last, with their decision, so it holds every decision so far: fill in its new rows and "
    "give it next time. It must not be the file the new review is written to.")
# read as text tables whatever their encoding (analysis/readers.py); other files and layers are read through QGIS
TABLE_FILES = (".csv", ".txt", ".csv.gz", ".xlsx", ".xlsm")


def add_decisions_parameter(algorithm):
    parameter = QgsProcessingParameterFeatureSource(DECISIONS, tr("Clerical decisions (a review table you filled in)"),
                                                    [QgsProcessing.TypeVector], optional=True)
    parameter.setHelp(tr(DECISIONS_HELP))
    algorithm.addParameter(parameter)


def read_decisions(algorithm, run):
    """The officer's decisions (analysis.clerical_decisions.ClericalDecisions), or None when none are given."""
    from ..analysis.clerical_decisions import ClericalDecisions
    from ..analysis.messages import AnalysisError
    from ..analysis.readers import read_table_file
    from .outputs import file_of_source

    if not run.given(DECISIONS):
        return None
    source = algorithm.parameterAsSource(run.parameters, DECISIONS, run.context)
    if source is None:
        fail(tr("The clerical decisions '{}' cannot be opened as a table.").format(run.parameters.get(DECISIONS)))
    path = _file_of(algorithm, run, file_of_source)
    name = os.path.basename(path) if path else source.sourceName()
    if path and path.lower().endswith(TABLE_FILES) and not _part_of(run.parameters.get(DECISIONS)):
        try:  # the whole file, read whatever its encoding
            table = read_table_file(path, name)
        except AnalysisError as error:
            fail(tr("The clerical decisions cannot be used: {}").format(error.render(tr)))
    else:
        table = _source_table(source, run)
    run.info(tr("Reading clerical decisions from '{}'").format(name))
    return ClericalDecisions.read(table, name)


def _part_of(given):
    """The input is some of a layer's features: those selected, or a feature limit."""
    return isinstance(given, QgsProcessingFeatureSourceDefinition) and bool(
        given.selectedFeaturesOnly or given.featureLimit >= 0 or getattr(given, "filterExpression", ""))


def _file_of(algorithm, run, file_of_source):
    """The file the input layer is (None for a layer of no file, a memory layer)."""
    layer = algorithm.parameterAsVectorLayer(run.parameters, DECISIONS, run.context)
    if layer is None or layer.providerType() not in ("ogr", "delimitedtext"):
        return None
    path = file_of_source(layer.source())
    return path if path and os.path.isfile(path) else None


def _source_table(source, run):
    """The features Processing gives of the input (only those selected, where the user said so) as a table."""
    import pandas as pd

    names = [field.name() for field in source.fields()]
    rows = []
    for feature in source.getFeatures():
        if len(rows) % 1000 == 0:
            run.check_cancel()
        rows.append([python_value(value) for value in feature.attributes()])
    return pd.DataFrame(rows, columns=names)
