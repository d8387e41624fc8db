"""The advanced parameter 'Linkage engine' of the algorithms that link records (Find people at risk, Housing benefit
overlay, Find unlicensed HMOs): automatic, DuckDB or Spark. The choice itself is processing/analysis/linkage_engines.py;
this only reads it from the dialog and applies it to every linkage of the run."""
import contextlib

from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum

from ...plugin.translation import tr, translatable

LINKAGE_ENGINE = "LINKAGE_ENGINE"
ENGINE_VALUES = ("auto", "duckdb", "spark")
ENGINE_LABELS = (translatable("Automatic: Spark when COMMUNITY_RISK_SPARK_MASTER is set, else DuckDB"),
                 translatable("DuckDB, on this computer"), translatable("Spark"))
ENGINE_HELP = translatable(
    "Where the probabilistic address matching runs. DuckDB, on this computer, suits a borough or a county. Spark "
    "(a cluster, or this computer's cores) suits tens of millions of records: it needs pyspark and Java (README, "
    "'Linkage on Spark'). The same model and the same trained parameters apply on both, and both give the same "
    "households. Automatic uses Spark when the COMMUNITY_RISK_SPARK_MASTER environment variable names a Spark "
    "master, else DuckDB.")


def add_engine_parameter(algorithm):
    """The 'Linkage engine' parameter, advanced; the Spark option says when Spark cannot run here, and why."""
    from ..analysis.linkage_engines import spark_available

    labels = [tr(label) for label in ENGINE_LABELS]
    ready, missing = spark_available()
    if not ready:
        labels[2] = tr("Spark (cannot run here: {}; see README, 'Linkage on Spark')").format(missing)
    parameter = QgsProcessingParameterEnum(LINKAGE_ENGINE, tr("Linkage engine"), labels, defaultValue=0,
                                           optional=True)
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    parameter.setHelp(tr(ENGINE_HELP))
    algorithm.addParameter(parameter)


@contextlib.contextmanager
def linkage_engine(algorithm, run):
    """Every linkage of the run inside the block uses the chosen engine; Spark that cannot start is refused first,
    with the install step, before any work is done."""
    from ..analysis.linkage_engines import check_engine, engine_for_run

    index = algorithm.parameterAsEnum(run.parameters, LINKAGE_ENGINE, run.context) \
        if run.parameters.get(LINKAGE_ENGINE) is not None else 0
    requested = ENGINE_VALUES[index] if 0 <= index < len(ENGINE_VALUES) else ENGINE_VALUES[0]
    run.info(tr("Linkage engine: {}").format(check_engine(requested)))
    with engine_for_run(requested):
        yield
