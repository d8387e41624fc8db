"""Figures for health and housing (printed, never asserted), each beside DuckDB's bare read of the same CSV:
- loadepc's reading, cleaning and latest-per-home step on 1,000,000 generated certificate rows: rows per second
  and peak memory (goal: at least 250,000 rows/s and under 1 GB);
- loadepc end to end through qgis_process on 600,000 generated rows (~460,000 homes written to a GeoPackage;
  goal: within 20x of the bare read);
- with BENCH_NATIONAL=1, the national register end to end: 28 million generated rows, ~21 million homes written
  (goal: under 3 minutes and 2 GB, out of core), with its CPU time and the load average (a shared machine);
- heatsurface on all LFB dwelling fires 2009-2016 at 50 m cells over Greater London, clipped to the LSOA
  boundary (goal: under 5 s)."""
import os
import tempfile

from common import LONDON, QGIS_PRELUDE, REPO, run_script

QGIS_PROCESS = os.path.join(REPO, ".build", "qgis_process")

HEAT = QGIS_PRELUDE + """
import geopandas as gpd, pandas as pd
london, work = sys.argv[1], sys.argv[2]
fires = pd.read_csv(os.path.join(london, "lfb_dwelling_fires_2009_2016.csv.gz"))
gpd.GeoDataFrame(fires, geometry=gpd.points_from_xy(fires["easting_rounded"], fires["northing_rounded"]), crs=27700).to_file(
    os.path.join(work, "fires.gpkg"), layer="fires")
london_outline = gpd.read_file(os.path.join(london, "lsoa_2011.gpkg"))[["geometry"]].dissolve()
london_outline.to_file(os.path.join(work, "london.gpkg"), layer="london")
start = time.perf_counter()
result = processing.run("communityrisk:heatsurface", {"INPUT": os.path.join(work, "fires.gpkg"), "CELL_SIZE": 50,
    "BOUNDARY": os.path.join(work, "london.gpkg"), "OUTPUT": os.path.join(work, "heat.tif")},
    context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
elapsed = time.perf_counter() - start
import rasterio
with rasterio.open(result["OUTPUT"]) as dataset:
    shape = dataset.shape
print("heatsurface: {:,} LFB fires, 50 m cells over Greater London ({} x {} cells), hot-spot bandwidth {:.0f} m: "
      "{:.2f} s (goal < 5 s)".format(len(fires), shape[1], shape[0], result["BANDWIDTH_USED"], elapsed))
"""


# The generated certificates, repeated as other homes (building references and UPRNs shifted) up to `rows`:
# DuckDB writes the copies, so even the national register's 28 million rows are made in a few minutes.
CERTIFICATES = """
import os, sys, time
import duckdb, pandas as pd
from community_risk.synthetic import epc_certificates
london, path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
postcodes = pd.read_csv(os.path.join(london, "postcodes.csv.gz"))
indicators = pd.read_csv(os.path.join(london, "imd_2019_underlying_indicators_lsoa.csv.gz")).set_index("LSOA code (2011)")
indicators = indicators.rename(columns={"Houses without central heating indicator": "no_central_heating",
                                        "Housing in poor condition indicator": "poor_condition"})
base = path + ".base.csv"
epc_certificates.generate_certificates(postcodes, indicators, n_homes=45000).to_csv(base, index=False)
connection = duckdb.connect()
connection.execute("SET enable_progress_bar = false")
connection.execute("SET preserve_insertion_order = false")
n = connection.execute("SELECT count(*) FROM read_csv(?, all_varchar = true)", [base]).fetchone()[0]
columns = [c[0] for c in connection.execute("DESCRIBE SELECT * FROM read_csv(?, all_varchar = true)", [base]).fetchall()]
shifted = {"BUILDING_REFERENCE_NUMBER": "CAST(CAST(BUILDING_REFERENCE_NUMBER AS BIGINT) + k * 10000000 AS VARCHAR)",
           "UPRN": "CASE WHEN coalesce(UPRN, '') = '' THEN UPRN ELSE CAST(CAST(UPRN AS BIGINT) + k * 10000000 AS VARCHAR) END"}
select = ", ".join("{} AS {}".format(shifted.get(c, c), c) for c in columns)
connection.execute("COPY (SELECT {} FROM read_csv('{}', all_varchar = true), range({}) AS copies(k) LIMIT {}) TO '{}' "
                   "(HEADER)".format(select, base, -(-rows // n), rows, path))
os.remove(base)
print("   ({:,} certificate rows generated, {:,.0f} MB)".format(rows, os.path.getsize(path) / 1e6))
"""

# loadepc's reading, cleaning and latest-per-home step (epc.latest_homes, DuckDB), against DuckDB's bare read of the
# same file (count the rows, nothing else) in the same process.
EPC = """
import os, resource, shutil, sys, tempfile, time
import duckdb
from community_risk.processing.analysis import epc
path, label, goal = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
reader = duckdb.connect()
reader.execute("SET enable_progress_bar = false")
rows = reader.execute("SELECT count(*) FROM read_csv(?, all_varchar = true)", [path]).fetchone()[0]
bare = time.perf_counter() - start
work = tempfile.mkdtemp(prefix="community_risk_bench_")
connection = epc.connect(work)
start = time.perf_counter()
epc.latest_homes(epc.read_certificates(path), connection, work)
elapsed = time.perf_counter() - start
homes = connection.execute("SELECT count(*) FROM homes").fetchone()[0]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("loadepc {} (read, clean, latest per home): {:,} rows -> {:,} homes in {:.1f} s = {:,.0f} rows/s, peak memory "
      "{:,.0f} MB; baseline DuckDB's bare read of the file {:.1f} s ({:.1f}x it); goal {}".format(
          label, rows, homes, elapsed, rows / elapsed, peak, bare, elapsed / bare, goal))
connection.close()
shutil.rmtree(work, ignore_errors=True)
"""

# The whole algorithm through qgis_process (start-up, postcodes, certificates, writing the GeoPackage), in a
# throw-away QGIS profile with this checkout's plugin (the default profile has whichever checkout ran setup last),
# against DuckDB's bare read of the same CSV measured just before it. Wall time, the process's own CPU time and
# peak memory (wait4), the load average, and when each step began (qgis_process's log, line-buffered).
END_TO_END = """
import os, re, shutil, subprocess, sys, tempfile, time
import duckdb
qgis_process, path, work, postcodes_csv, repo, label, goal = sys.argv[1:8]
postcodes = os.path.join(work, "postcodes.gpkg")
subprocess.run(["ogr2ogr", "-f", "GPKG", postcodes, "/vsigzip/" + postcodes_csv, "-nln", "postcodes", "-a_srs", "EPSG:27700",
                "-oo", "X_POSSIBLE_NAMES=easting", "-oo", "Y_POSSIBLE_NAMES=northing"], check=True)
profile = tempfile.mkdtemp(prefix="community_risk_bench_profile_")
plugins = os.path.join(profile, "profiles", "default", "python", "plugins")
os.makedirs(plugins)
os.symlink(repo, os.path.join(plugins, "community_risk"))
env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=profile, QT_QPA_PLATFORM="offscreen")
subprocess.run([qgis_process, "plugins", "enable", "community_risk"], env=env, capture_output=True, cwd="/", check=True)
start = time.perf_counter()
reader = duckdb.connect()
reader.execute("SET enable_progress_bar = false")
rows = reader.execute("SELECT count(*) FROM read_csv(?, all_varchar = true)", [path]).fetchone()[0]
bare = time.perf_counter() - start
reader.close()
output = os.path.join(work, "homes.gpkg")
load = os.getloadavg()[0]
start = time.perf_counter()
process = subprocess.Popen(["stdbuf", "-oL", qgis_process, "run", "communityrisk:loadepc", "--", "INPUT=" + path,
                            "POSTCODES=" + postcodes, "POSTCODE_FIELD=postcode", "OUTPUT=" + output],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd="/", env=env)
steps, log = [], []
for line in process.stdout:
    log.append(line)
    found = re.search("(Reading certificates|Placing homes|Writing|^Results)", line)
    if found:
        name = found.group(1).split()[0].lower()
        steps.append(({"reading": "the rest of the reading", "results": "exit"}.get(name, name),
                      time.perf_counter() - start))
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.perf_counter() - start
load = max(load, os.getloadavg()[0])
shutil.rmtree(profile, ignore_errors=True)
homes = subprocess.run(["ogrinfo", "-so", output, "homes"], capture_output=True, text=True).stdout
count = [line.split(":")[1].strip() for line in homes.splitlines() if line.startswith("Feature Count")]
# the certificates are read by DuckDB's threads while the postcodes are read, so the first step holds part of it
marks = [("start-up, postcodes and certificates read meanwhile", 0.0)] + steps + [("end", elapsed)]
split = ", ".join("{} {:.1f} s".format(name, marks[k + 1][1] - at) for k, (name, at) in enumerate(marks[:-1]))
print("loadepc end to end via qgis_process{}, {:,} rows -> {} homes in a GeoPackage: {:.1f} s ({}); CPU {:.1f} s, "
      "peak memory {:,.0f} MB, load average {:.1f} on {} cores; baseline DuckDB's bare read of the CSV {:.2f} s: "
      "{:.0f}x it (goal {}){}".format(
          label, rows, count[0] if count else "?", elapsed, split, usage.ru_utime + usage.ru_stime,
          usage.ru_maxrss / 1024, load, os.cpu_count(), bare, elapsed / bare, goal,
          "" if status == 0 else "; FAILED: " + "".join(log)[-600:]))
"""


def main():
    if not os.path.isdir(LONDON):
        print("health and housing benchmarks skipped: {} not found".format(LONDON))
        return
    postcodes = os.path.join(LONDON, "postcodes.csv.gz")
    with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
        path = os.path.join(work, "certificates.csv")
        run_script(CERTIFICATES, LONDON, path, "1000000")
        run_script(EPC, path, "on 1,000,000 generated rows", ">= 250,000 rows/s and < 1 GB")
    with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
        path = os.path.join(work, "certificates.csv")
        run_script(CERTIFICATES, LONDON, path, "600000")
        run_script(END_TO_END, QGIS_PROCESS, path, work, postcodes, REPO, "", "within 20x")
    if os.environ.get("BENCH_NATIONAL") == "1":
        with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
            path = os.path.join(work, "certificates.csv")
            run_script(CERTIFICATES, LONDON, path, "28000000")
            run_script(END_TO_END, QGIS_PROCESS, path, work, postcodes, REPO, " on the national register",
                       "< 3 minutes and < 2 GB, out of core")
    else:
        print("loadepc on the national register (28,000,000 generated rows, ~9 GB of CSV): skipped; "
              "BENCH_NATIONAL=1 runs it end to end (the generation takes a few minutes more, the files ~12 GB)")
    with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
        run_script(HEAT, LONDON, work)


if __name__ == "__main__":
    main()
