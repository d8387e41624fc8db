"""Where Splink runs the household linkage: DuckDB in this process (the default), or Spark, for a national body that
links tens of millions of records on a cluster.

The same settings and the same trained parameters apply on both engines. What is not Splink's (the rows whose pairs
give u, the neighbour pairs, household formation) is drawn or computed in pandas and DuckDB on either engine, and the
predictions come back in one order, so both engines give the same households.

Spark is used when a run asks for it, or when it leaves the choice automatic and COMMUNITY_RISK_SPARK_MASTER is set
(a master URL: spark://host:7077, yarn, local[4]). pyspark is imported only then: the default path never needs it,
nor Java.
"""
import contextlib
import contextvars
import copy
import os
import re

import numpy as np

from .messages import AnalysisError, translatable

AUTOMATIC, DUCKDB, SPARK = "auto", "duckdb", "spark"
ENGINES = (AUTOMATIC, DUCKDB, SPARK)
MASTER_VARIABLE = "COMMUNITY_RISK_SPARK_MASTER"
# shared storage (hdfs://, s3a://, a mounted folder) for Splink's intermediate tables on a cluster; without it they
# are cached in the executors' memory and disks
CHECKPOINT_VARIABLE = "COMMUNITY_RISK_SPARK_CHECKPOINT_DIR"
INSTALL_HINT = ("install it with `pip install -r requirements-spark.txt` and Java 17 (Debian: `apt-get install "
                "openjdk-17-jre-headless`); see README, 'Linkage on Spark'")
LOCAL_SHUFFLE_PARTITIONS = 4  # Spark's 200 shuffle partitions cost more than they bring on a few local cores

_run_engine = contextvars.ContextVar("community_risk_linkage_engine", default=AUTOMATIC)


@contextlib.contextmanager
def engine_for_run(engine):
    """Every linkage made inside the block (however deep in the analysis) uses `engine` unless told otherwise."""
    token = _run_engine.set(engine or AUTOMATIC)
    try:
        yield
    finally:
        _run_engine.reset(token)


def choose_engine(requested=None):
    """'duckdb' or 'spark': the requested engine, else the run's, else Spark when COMMUNITY_RISK_SPARK_MASTER is
    set, else DuckDB."""
    engine = (requested or _run_engine.get() or AUTOMATIC).strip().lower()
    if engine not in ENGINES:
        raise AnalysisError(translatable("Unknown linkage engine '{}': use {}."), requested, ", ".join(ENGINES))
    if engine == AUTOMATIC:
        engine = SPARK if os.environ.get(MASTER_VARIABLE, "").strip() else DUCKDB
    return engine


def spark_available():
    """(True, '') when pyspark can be imported and Java found, else (False, what is missing). Imports nothing."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None:
        return False, "pyspark is not installed"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return False, "Java is not installed"
    return True, ""


def check_engine(requested=None):
    """The engine a run will use; refuses Spark, with the install step, when it cannot start here."""
    engine = choose_engine(requested)
    if engine == SPARK:
        ready, missing = spark_available()
        if not ready:
            raise AnalysisError(translatable("The Spark linkage engine was chosen ({}), but {}: {}."),
                                _why_spark(requested), missing, INSTALL_HINT)
    return engine


def _why_spark(requested):
    if (requested or _run_engine.get() or AUTOMATIC) != AUTOMATIC:
        return "asked for"
    return "{} is set".format(MASTER_VARIABLE)


def open_engine(requested=None):
    engine = check_engine(requested)
    return SparkEngine() if engine == SPARK else DuckDBEngine()


def rows_for_pairs(pairs):
    """Rows whose every pair makes `pairs` pairs (n(n-1)/2 = pairs), as Splink's sampling computes it."""
    return int(0.5 * ((8 * pairs + 1) ** 0.5 + 1))


def u_sample(frame, max_pairs, seed):
    """The rows whose every pair gives u: drawn here, seeded, because each engine's own sampling hashes the row ids
    its own way and so would pick other rows."""
    rows = rows_for_pairs(max_pairs)
    if len(frame) <= rows:
        return frame
    chosen = np.sort(np.random.default_rng(seed).choice(len(frame), size=rows, replace=False))
    return frame.iloc[chosen].reset_index(drop=True)


def u_from_random_pairs(engine, frame, settings, max_pairs, seed):
    """Settings with u from every pair of a seeded sample of the rows (about max_pairs pairs). The sample is small,
    so it is scored in DuckDB in this process whichever engine links: both engines get the same u."""
    import logging

    from splink import DuckDBAPI, Linker

    api = engine.api if engine.name == DUCKDB else DuckDBAPI(engine.local)
    linker = Linker(api.register(u_sample(frame, max_pairs, seed)), settings, log_level=logging.WARNING)
    # every pair of the sample, in one chunk: Splink's own sampling and early stop depend on the engine's hash
    linker.training.estimate_u_using_random_sampling(max_pairs=1e15, seed=seed, min_count_per_level=None,
                                                     num_chunks=1)
    return trained(linker, settings)


def trained(linker, settings):
    """The linker's trained values (m, u, the prior) put into a copy of `settings`, level by level: the settings stay
    as the project wrote them (DuckDB's SQL), whichever engine trained them."""
    saved = linker.misc.save_model_to_json()
    model = copy.deepcopy(settings)
    model["probability_two_random_records_match"] = saved["probability_two_random_records_match"]
    for comparison, learnt in zip(model["comparisons"], saved["comparisons"]):
        for level, values in zip(comparison["comparison_levels"], learnt["comparison_levels"]):
            for key in ("m_probability", "u_probability"):
                if key in values:
                    level[key] = values[key]
                else:
                    level.pop(key, None)
    return model


class DuckDBEngine:
    """Splink on DuckDB in this process, with bounded memory, spilling to disk."""
    name = DUCKDB

    def __init__(self):
        import tempfile

        import duckdb
        from splink import DuckDBAPI

        connection = duckdb.connect(":memory:")
        connection.execute("SET enable_progress_bar = false")  # its bars would flood the Processing log
        # Bound DuckDB's memory and let it spill to disk: a county's pairwise comparisons outgrow RAM.
        spill = os.path.join(tempfile.gettempdir(), "community_risk_duckdb")
        os.makedirs(spill, exist_ok=True)
        connection.execute("SET temp_directory = '{}'".format(spill.replace("'", "''")))
        connection.execute("SET memory_limit = '{}MB'".format(duckdb_memory_mb()))
        self.local = connection  # the DuckDB for what is not Splink's: here Splink's own connection
        self.api = DuckDBAPI(connection)

    def register(self, frame):
        return self.api.register(frame)

    def settings(self, settings):
        """Settings as this engine's SQL writes them (the project writes them in DuckDB's)."""
        return settings

    def predictions(self, predicted, columns, threshold, limit):
        """(links at or above threshold, the `limit` most likely pairs below it) as DataFrames, in one order."""
        relation = predicted.as_duckdbpyrelation()
        relation = relation.project(", ".join(c for c in columns if c in relation.columns))
        links = relation.filter("match_probability >= {}".format(float(threshold))).order(
            "unique_id_l, unique_id_r").df()
        review = relation.filter("match_probability < {}".format(float(threshold))).order(
            "match_probability DESC, unique_id_l, unique_id_r").limit(limit).df()
        return links, review

    def finish(self):
        pass


# DuckDB's functions that Spark lacks, by the name Spark knows them under: Jaro-Winkler exactly as DuckDB computes
# it (jaro_winkler.py), not Splink's Scala function, which scores many pairs differently
SPARK_JARO_WINKLER = "community_risk_jaro_winkler"
SPARK_FUNCTIONS = {"jaro_winkler_similarity": SPARK_JARO_WINKLER}
_SPARK_FUNCTION = re.compile(r"\b({})\s*\(".format("|".join(SPARK_FUNCTIONS)), re.IGNORECASE)


def spark_sql(sql):
    """A DuckDB SQL condition as Spark SQL."""
    return _SPARK_FUNCTION.sub(lambda m: SPARK_FUNCTIONS[m.group(1).lower()] + "(", sql)


class SparkEngine:
    """Splink on Spark: the session already running (spark-submit), else one on COMMUNITY_RISK_SPARK_MASTER, else
    on this machine's cores."""
    name = SPARK

    def __init__(self, master=None):
        import duckdb

        self.spark = spark_session(master)
        from pyspark import cloudpickle
        from pyspark.sql.types import DoubleType
        from splink.backends.spark import SparkAPI

        from . import jaro_winkler

        cloudpickle.register_pickle_by_value(jaro_winkler)  # the executors need nothing of this project
        self.spark.udf.register(SPARK_JARO_WINKLER, jaro_winkler.similarity, DoubleType())
        checkpoint = os.environ.get(CHECKPOINT_VARIABLE, "").strip()
        if checkpoint:
            self.spark.sparkContext.setCheckpointDir(checkpoint)
        self.api = SparkAPI(spark_session=self.spark, break_lineage_method="parquet" if checkpoint else "persist",
                            register_udfs_automatically=False)
        self.local = duckdb.connect(":memory:")  # what is not Splink's runs in DuckDB on both engines
        self.local.execute("SET enable_progress_bar = false")

    def register(self, frame):
        """The records as a Spark table, each column typed from pandas (integers, decimals, else text): a column
        with no value at all has no type Spark could infer."""
        import pandas as pd
        from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

        fields, data = [], {}
        for name in frame.columns:
            column = frame[name]
            if pd.api.types.is_integer_dtype(column) or pd.api.types.is_bool_dtype(column):
                kind, values = LongType(), column.astype("int64")
            elif pd.api.types.is_float_dtype(column):
                kind, values = DoubleType(), column.astype(object).where(column.notna(), None)
            else:
                kind = StringType()
                values = column.astype(object).where(column.notna(), None).map(lambda v: v if v is None else str(v))
            fields.append(StructField(name, kind, True))
            data[name] = values
        return self.api.register(self.spark.createDataFrame(pd.DataFrame(data), schema=StructType(fields)))

    def settings(self, settings):
        settings = copy.deepcopy(settings)
        settings.pop("sql_dialect", None)
        for comparison in settings.get("comparisons", []):
            for level in comparison["comparison_levels"]:
                level["sql_condition"] = spark_sql(level["sql_condition"])
        rules = []
        for rule in settings.get("blocking_rules_to_generate_predictions", []):
            if isinstance(rule, dict):
                rule = dict(rule, blocking_rule=spark_sql(rule["blocking_rule"]))
                rule.pop("sql_dialect", None)
            else:
                rule = spark_sql(rule)
            rules.append(rule)
        settings["blocking_rules_to_generate_predictions"] = rules
        return settings

    def predictions(self, predicted, columns, threshold, limit):
        frame = predicted.as_spark_dataframe()
        frame = frame.select(*[c for c in columns if c in frame.columns])
        links = frame.filter(frame.match_probability >= float(threshold)).orderBy("unique_id_l", "unique_id_r")
        review = frame.filter(frame.match_probability < float(threshold)).orderBy(
            frame.match_probability.desc(), "unique_id_l", "unique_id_r").limit(int(limit))
        return _to_pandas(links, columns), _to_pandas(review, columns)

    def finish(self):
        self.spark.catalog.clearCache()  # Splink's cached tables, so a long session does not fill its memory
        self.local.close()


def _to_pandas(frame, columns):
    table = frame.toPandas()
    for column in ("unique_id_l", "unique_id_r"):
        table[column] = table[column].astype("int64")
    return table


def spark_session(master=None):
    """The active Spark session, else a new one."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise AnalysisError(translatable("The Spark linkage engine needs pyspark ({}): {}."), error, INSTALL_HINT)
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    master = master or os.environ.get(MASTER_VARIABLE, "").strip() or None
    if not master and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit, which says the master
        master = "local[*]"
    builder = SparkSession.builder.appName("community-risk-linkage") \
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS)) \
            .config("spark.ui.enabled", "false").config("spark.pyspark.python", _local_python())
    try:
        session = builder.getOrCreate()
    except Exception as error:  # no Java, a master that does not answer: said in words, with the install step
        raise AnalysisError(translatable("Spark could not start ({}): {}."), str(error).strip()[:300], INSTALL_HINT)
    session.sparkContext.setLogLevel("ERROR")
    return session


def _local_python():
    """The Python for local Spark workers: this one, unless this process is not a Python (QGIS embeds one)."""
    import shutil
    import sys

    if os.environ.get("PYSPARK_PYTHON"):
        return os.environ["PYSPARK_PYTHON"]
    if os.path.basename(sys.executable or "").startswith("python"):
        return sys.executable
    return shutil.which("python3") or "python3"


def duckdb_memory_mb(share=0.4):
    """A share of the machine's memory for DuckDB (the rest stays for pandas and QGIS)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 8 * 1024**3
    return max(512, int(total * share / 1024**2))
