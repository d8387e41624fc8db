"""Figures for the linkage's engines (issue 13; printed, never asserted): 10,000 generated households over Islington's
real postcodes linked on DuckDB (the baseline) and on PySpark in local mode (local[2]), in one run, with Spark's
start-up apart. Skipped where Java or pyspark is missing, and with BENCH_QUICK=1."""
import os
import shutil

from common import LONDON, run_script

ENGINES = """
import os, sys, time
import pandas as pd
from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.linkage_engines import spark_session
from community_risk.synthetic import council_extracts as council_data
table = pd.read_csv(sys.argv[1], usecols=["postcode", "lad_code"])
extracts, _ = council_data.generate(table[table["lad_code"] == "E09000019"], n_households=10000)
columns = {"uprn": "UPRN", "postcode": "Post Code", "address": ["Address Line 1", "Address Line 2"]}
records = prepare_records([(name, frame, columns) for name, (_, frame) in extracts.items()])
start = time.perf_counter(); duck = link_households(records, engine="duckdb"); on_duckdb = time.perf_counter() - start
start = time.perf_counter(); spark_session("local[2]"); startup = time.perf_counter() - start
start = time.perf_counter(); spark = link_households(records, engine="spark"); on_spark = time.perf_counter() - start
same = len(set(zip(duck.household, spark.household))) == duck.stats["households"] == spark.stats["households"]
print("linkage engines, 10,000 households ({:,} rows): DuckDB {:.1f} s (baseline); Spark local[2] {:.1f} s "
      "(+ {:.1f} s start-up), {:.0f}x DuckDB; same households: {}; load average {:.1f} on {} cores".format(
          len(records), on_duckdb, on_spark, startup, on_spark / on_duckdb, same, os.getloadavg()[0], os.cpu_count()))
"""

if os.environ.get("BENCH_QUICK"):
    print("linkage engines: skipped (BENCH_QUICK=1)")
elif not shutil.which("java") or not shutil.which("python3"):
    print("linkage engines: skipped (Java is not installed)")
else:
    run_script(ENGINES, os.path.join(LONDON, "postcodes.csv.gz"))
