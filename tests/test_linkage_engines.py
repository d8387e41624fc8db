"""The linkage's engines (issue 13): DuckDB by default, Spark when asked or when COMMUNITY_RISK_SPARK_MASTER is set;
the same model, the same trained parameters and the same households on both. The default path never imports
pyspark, and Spark that cannot run says what is missing and where the install step is."""
import os
import shutil
import subprocess
import sys

import duckdb
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import linkage_engines
from community_risk.processing.analysis.jaro_winkler import similarity
from community_risk.processing.analysis.linkage import _settings, link_households, prepare_records
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.synthetic import council_extracts as council_data
from helpers import REPO, london_file

COLUMNS = {"uprn": "UPRN", "postcode": "Post Code", "address": ["Address Line 1", "Address Line 2"]}
JAVA_MISSING = ("Java is not installed and could not be installed here (scripts/setup.sh installs Debian's "
                "openjdk-17-jre-headless with apt-get): the Spark engine cannot start")


def test_duckdb_unless_spark_is_asked_for_or_its_master_set(monkeypatch):
    monkeypatch.delenv(linkage_engines.MASTER_VARIABLE, raising=False)
    assert linkage_engines.choose_engine() == "duckdb"
    assert linkage_engines.choose_engine("auto") == "duckdb"
    assert linkage_engines.choose_engine("Spark") == "spark"
    with linkage_engines.engine_for_run("spark"):  # the run's choice reaches linkages made deep in the analysis
        assert linkage_engines.choose_engine() == "spark"
        assert linkage_engines.choose_engine("duckdb") == "duckdb"
    assert linkage_engines.choose_engine() == "duckdb"
    monkeypatch.setenv(linkage_engines.MASTER_VARIABLE, "spark://cluster:7077")
    assert linkage_engines.choose_engine() == "spark"
    assert linkage_engines.choose_engine("duckdb") == "duckdb"
    with pytest.raises(AnalysisError, match="Unknown linkage engine 'hadoop'"):
        linkage_engines.choose_engine("hadoop")


def test_spark_that_cannot_run_says_what_is_missing_and_the_install_step(monkeypatch):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real_find_spec(name, *a))
    monkeypatch.setenv(linkage_engines.MASTER_VARIABLE, "local[2]")
    with pytest.raises(AnalysisError) as raised:
        link_households(_small_records())
    message = str(raised.value)
    assert "COMMUNITY_RISK_SPARK_MASTER is set" in message and "pyspark is not installed" in message
    assert "requirements-spark.txt" in message and "README, 'Linkage on Spark'" in message
    monkeypatch.setattr(importlib.util, "find_spec", real_find_spec)
    monkeypatch.setattr(shutil, "which", lambda name, *a: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(AnalysisError, match="asked for.*Java is not installed.*openjdk-17-jre-headless"):
        linkage_engines.check_engine("spark")
    monkeypatch.delenv(linkage_engines.MASTER_VARIABLE)
    assert linkage_engines.check_engine() == "duckdb"  # the default needs neither


def test_the_default_path_never_imports_pyspark():
    code = ("import sys\n"
            "from community_risk.processing.analysis.linkage import link_households\n"
            "from test_linkage_engines import _small_records\n"
            "result = link_households(_small_records())\n"
            "assert result.stats['households'] == 3, result.stats\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pyspark', 'py4j')))\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(REPO, ".build", "pkgroot"),
                                                       os.path.join(REPO, "tests")]))
    env.pop(linkage_engines.MASTER_VARIABLE, None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_sparks_jaro_winkler_is_duckdbs_to_the_bit():
    rng = np.random.default_rng(13)
    letters = list("ABCDEFGHIJKLMNOPRSTUVW ")
    left = ["".join(rng.choice(letters, rng.integers(1, 25))) for _ in range(20_000)]
    right = [t if rng.random() < 0.2 else "".join(c if rng.random() > 0.15 else str(rng.choice(letters)) for c in t)
             for t in left]
    edges = [("", ""), ("A", ""), ("A", "A"), ("AB", "BA"), ("MARTHA", "MARHTA"), ("CAFÉ ROAD", "CAFE ROAD"),
             ("éab", "eab"), ("JUNNCTION CLOSE", "JUNCTION GGR"), ("ARLINGTON GROVE", "ARLINGTOA AVENUE")]
    pairs = pd.DataFrame({"a": left + [a for a, _ in edges], "b": right + [b for _, b in edges]})
    pairs = pd.concat([pairs, pairs.rename(columns={"a": "b", "b": "a"})], ignore_index=True)
    connection = duckdb.connect()
    connection.register("pairs", pairs)
    duck = connection.execute("SELECT jaro_winkler_similarity(a, b) FROM pairs").fetchnumpy()
    duck = next(iter(duck.values()))
    ours = np.array([similarity(a, b) for a, b in zip(pairs["a"], pairs["b"])])
    assert (ours == duck).all(), pairs[ours != duck].head()
    assert similarity(None, "A") is None
    assert ((duck > 0.8) & (duck < 1)).sum() > 1000  # the pairs near the comparison levels' cut-offs are tested


def test_spark_settings_are_the_same_conditions_in_sparks_sql():
    engine = linkage_engines.SparkEngine.__new__(linkage_engines.SparkEngine)  # no session needed to translate
    settings = _settings(0.001)
    spark = engine.settings(settings)
    conditions = [lv["sql_condition"] for c in spark["comparisons"] for lv in c["comparison_levels"]]
    original = [lv["sql_condition"] for c in settings["comparisons"] for lv in c["comparison_levels"]]
    assert not any("jaro_winkler_similarity" in c for c in conditions)
    assert sum(linkage_engines.SPARK_JARO_WINKLER + "(" in c for c in conditions) == \
        sum("jaro_winkler_similarity(" in c for c in original) > 0
    assert [c.replace(linkage_engines.SPARK_JARO_WINKLER, "jaro_winkler_similarity") for c in conditions] == original
    assert spark["blocking_rules_to_generate_predictions"] == settings["blocking_rules_to_generate_predictions"]


def _small_records():
    frame = pd.DataFrame({"UPRN": [None, None, None, None, None],
                          "Post Code": ["N1 1AA", "N1 1AA", "N1 1AA", "N1 1AB", "N1 1AB"],
                          "Address Line 1": ["12 Essex Road", "12 Essex Rd", "7 Offord Road", "3 Milner Street",
                                             "3 MILNER ST"]})
    return prepare_records([("a", frame, {"postcode": "Post Code", "address": ["Address Line 1"]})])


@pytest.fixture(scope="module")
def both_engines():
    """10,000 generated households linked once on DuckDB and once on PySpark in local mode (local[2])."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip(JAVA_MISSING)
    table = pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    extracts, _ = council_data.generate(table[table["lad_code"] == "E09000019"], n_households=10_000)
    records = prepare_records([(name, frame, COLUMNS) for name, (_, frame) in extracts.items()])
    duck = link_households(records, engine="duckdb")
    previous = os.environ.get(linkage_engines.MASTER_VARIABLE)
    os.environ[linkage_engines.MASTER_VARIABLE] = "local[2]"
    try:
        spark = link_households(records, engine="spark")
    finally:
        if previous is None:
            os.environ.pop(linkage_engines.MASTER_VARIABLE)
        else:
            os.environ[linkage_engines.MASTER_VARIABLE] = previous
    yield records, duck, spark
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.stop()  # the rest of the suite runs without Spark's threads and executors


def _partition(household):
    """Each row's household as the set of rows it shares it with (household numbers themselves may differ)."""
    groups = pd.Series(np.arange(len(household))).groupby(np.asarray(household)).agg(frozenset)
    return set(groups)


@pytest.mark.london
@pytest.mark.spark
def test_spark_gives_duckdbs_households_model_and_review(both_engines):
    records, duck, spark = both_engines
    assert len(records) > 20_000 and duck.stats["households"] > 9_000
    assert _partition(spark.household) == _partition(duck.household)
    assert spark.stats["model"] == duck.stats["model"]  # the same trained parameters (to 4 significant figures)
    assert duck.stats["model"]["m_learnt_from"] == "pairs of rows sharing a UPRN"
    keys = ["unique_id_l", "unique_id_r"]
    assert len(duck.review) > 1000
    assert spark.review[keys].apply(tuple, axis=1).tolist() == duck.review[keys].apply(tuple, axis=1).tolist()
    assert np.allclose(spark.review["match_probability"], duck.review["match_probability"], rtol=0, atol=1e-9)
    assert (spark.review["street"] == duck.review["street"]).all()  # the Jaro-Winkler levels agree pair by pair


SCRIPT = os.path.join(REPO, "scripts", "link_on_spark.py")
NO_QGIS = ("import runpy, sys\n"
           "for name in ('qgis', 'qgis.core', 'PyQt5', 'PyQt5.QtCore'):\n"
           "    sys.modules[name] = None  # any import of QGIS or Qt fails\n"
           "sys.argv = sys.argv[1:]\n"
           "runpy.run_path(sys.argv[0], run_name='__main__')\n")


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """Generated council extracts (300 households on made-up postcodes) as CSV and Parquet, with names in them."""
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = pd.DataFrame({"postcode": ["N{} {}{}{}".format(d, n, a, b) for d in range(1, 4) for n in range(1, 10)
                                           for a in "AB" for b in "DE"]})
    generated, _ = council_data.generate(postcodes, n_households=300)
    paths = []
    for k, (name, (_, frame)) in enumerate(sorted(generated.items())):
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).assign(Surname="Okafor")
        path = str(folder / (name + (".parquet" if k % 2 else ".csv")))
        if k % 2:
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        paths.append(path)
    return paths


def _script(arguments, runner=None, env=None):
    command = (runner or [sys.executable, "-c", NO_QGIS]) + [SCRIPT] + arguments
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-4000:]
    return done


def test_link_on_spark_script_links_extracts_without_qgis(extracts, tmp_path):
    output = str(tmp_path / "households.csv")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the script finds the analysis code itself
    env.pop(linkage_engines.MASTER_VARIABLE, None)
    done = _script(["--engine", "duckdb", "--output", output] + extracts, env=env)
    assert '"households"' in done.stdout
    table = pd.read_csv(output)
    assert list(table.columns) == ["dataset", "row", "household"]  # no address, name or UPRN
    frames = [(os.path.basename(p), read_any(p)) for p in extracts]
    assert len(table) == sum(len(f) for _, f in frames)
    assert "Okafor" not in open(output, encoding="utf-8").read()
    # the same households as the analysis called directly
    from community_risk.processing.analysis.people_at_risk import detect_columns

    records = prepare_records([(name, frame, detect_columns(frame, name)) for name, frame in frames])
    assert _partition(table["household"].to_numpy()) == _partition(link_households(records).household)


def read_any(path):
    from community_risk.processing.analysis.readers import read_table_file

    if not path.endswith(".parquet"):
        return read_table_file(path)
    frame = pd.read_parquet(path)
    return frame.astype(object).where(frame.notna(), "").astype(str)


def test_link_on_spark_script_refuses_to_overwrite_an_extract(extracts):
    done = subprocess.run([sys.executable, SCRIPT, "--output", extracts[0]] + extracts, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode != 0 and "would overwrite an extract" in done.stderr


@pytest.mark.spark
def test_link_on_spark_script_under_spark_submit(extracts, tmp_path):
    """The README's command, on a local master: the same households as on DuckDB."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip(JAVA_MISSING)
    import pyspark

    spark_submit = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env.pop(linkage_engines.MASTER_VARIABLE, None)
    on_spark, on_duckdb = str(tmp_path / "spark.parquet"), str(tmp_path / "duckdb.parquet")
    _script(["--engine", "spark", "--output", on_spark] + extracts,
            runner=[spark_submit, "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=2"], env=env)
    _script(["--engine", "duckdb", "--output", on_duckdb] + extracts, env=env)
    spark, duck = pd.read_parquet(on_spark), pd.read_parquet(on_duckdb)
    assert spark[["dataset", "row"]].equals(duck[["dataset", "row"]])
    assert _partition(spark["household"].to_numpy()) == _partition(duck["household"].to_numpy())
    assert duck["household"].nunique() > 250


def test_the_three_linking_algorithms_offer_the_engine_and_refuse_spark_that_cannot_run(tmp_path, monkeypatch):
    from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

    from helpers import run_algorithm

    for algorithm_id in ("findpeopleatrisk", "housingbenefitoverlay", "findunlicensedhmos"):
        algorithm = QgsApplication.processingRegistry().algorithmById("communityrisk:" + algorithm_id)
        parameter = algorithm.parameterDefinition("LINKAGE_ENGINE")
        assert parameter is not None and parameter.defaultValue() == 0, algorithm_id
        assert parameter.flags() & parameter.FlagAdvanced and len(parameter.options()) == 3
    records = _small_records()
    frame = pd.DataFrame({"UPRN": "", "Post Code": records["postcode"], "Address Line 1": records["written"]})
    frame.to_csv(tmp_path / "register.csv", index=False)
    parameters = {"DATASETS": [str(tmp_path / "register.csv")], "ROLES": "register",
                  "SECRET": "correct horse battery staple", "OUTPUT": str(tmp_path / "households.csv"),
                  "RECORD": str(tmp_path / "record.json")}
    monkeypatch.setattr(linkage_engines, "spark_available", lambda: (False, "pyspark is not installed"))
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:findpeopleatrisk", dict(parameters, LINKAGE_ENGINE=2))
    assert "requirements-spark.txt" in str(raised.value) and "asked for" in str(raised.value)
    assert not (tmp_path / "households.csv").exists()

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)

    result = run_algorithm("communityrisk:findpeopleatrisk", dict(parameters, LINKAGE_ENGINE=1), Log())
    assert result["HOUSEHOLDS"] == 3 and "Linkage engine: duckdb" in Log.lines
