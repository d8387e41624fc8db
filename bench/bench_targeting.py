"""Figures for targeting (printed, never asserted):

1. findpeopleatrisk on generated council extracts over the real London postcodes: 100,000 households
   (a register of ~100,000 rows and ~100,000 rows of role datasets; goal under 1 minute), with peak memory
   and the linkage precision and recall; then 1,000,000 households (goal under 10 minutes; about 4 minutes
   with the generator, skipped with BENCH_QUICK=1);
2. prioritypostcodes over every London postcode (~180,000) with LSOA fire risk (goal under 8 s), beside QGIS's
   native join of the same postcodes to the same areas.
"""
import os
import tempfile

from common import LONDON, QGIS_PRELUDE, run_script

PEOPLE = """
import os, resource, sys, time
import pandas as pd
from community_risk.processing.analysis import people_at_risk as par
from community_risk.synthetic import council_extracts as council_data
from community_risk.processing.analysis.linkage import link_households, prepare_records
n = int(sys.argv[1])
postcodes = pd.read_csv(sys.argv[2], usecols=["postcode"])
extracts, _ = council_data.generate(postcodes, n_households=n)
datasets, truth = [], []
for name, (role, frame) in extracts.items():
    truth += list(frame["_household"])
    datasets.append((name, par.normalise_role(role), frame.drop(columns="_household")))
rows = sum(len(f) for _, _, f in datasets)
register = len(datasets[0][2])
start = time.perf_counter()
result = par.find_people_at_risk(datasets, "benchmark-secret-0123456789")
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
precision = recall = exact = merged = linking = linking_cpu = float("nan")
if n <= 300000:  # the quality check links a second time: skipped at the largest size to spare memory
    frames = [(name, frame, {"uprn": "UPRN", "postcode": "Post Code", "address": ["Address Line 1", "Address Line 2"]})
              for name, _, frame in datasets]
    records = prepare_records(frames)
    start, cpu = time.perf_counter(), time.process_time()
    linked = link_households(records)
    linking, linking_cpu = time.perf_counter() - start, time.process_time() - cpu
    precision, recall = council_data.pairwise_quality(linked.household, truth)
    quality = council_data.household_quality(linked.household, truth)
    exact, merged = quality["exact"], quality["merged"]
if n <= 300000:
    print("   {:,} households: register {:,} rows x role datasets {:,} rows -> {:.1f} s (of which linkage alone {:.1f} s "
          "wall, {:.1f} s CPU over all threads: goal under 60 s), peak memory {:,.0f} MB (whole process, generator "
          "included); {:,} households found; precision {:.4f}, recall {:.4f}; households exact {:.2%}, merged {:.2%}; "
          "load average at the end {:.1f} on {} cores".format(
              n, register, rows - register, elapsed, linking, linking_cpu, peak, len(result.households), precision,
              recall, exact, merged, os.getloadavg()[0], os.cpu_count()))
else:  # quality is not measured at this size (it would link a second time)
    print("   {:,} households: register {:,} rows x role datasets {:,} rows -> {:.1f} s, everything included (goal under "
          "10 minutes), peak memory {:,.0f} MB (whole process, generator included); {:,} households found; load "
          "average at the end {:.1f} on {} cores".format(n, register, rows - register, elapsed, peak,
                                                          len(result.households), os.getloadavg()[0], os.cpu_count()))
"""

PRIORITY = QGIS_PRELUDE + """
import geopandas as gpd, pandas as pd
london, work = sys.argv[1], sys.argv[2]
postcodes = pd.read_csv(os.path.join(london, "postcodes.csv.gz"))
gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]), crs=27700).to_file(
    os.path.join(work, "postcodes.gpkg"), layer="postcodes")
lsoas = gpd.read_file(os.path.join(london, "lsoa_2011.gpkg"))
fires = pd.read_csv(os.path.join(london, "lsoa_fire_counts_2009_2016.csv.gz")).set_index("LSOA11CD")
lsoas["rate_10k"] = 1e4 * fires.sum(axis=1).reindex(lsoas["LSOA11CD"]).to_numpy() / lsoas["HHOLDS"] / 8
lsoas.to_file(os.path.join(work, "lsoa_risk.gpkg"), layer="lsoa_risk")
boroughs = lsoas.dissolve("LAD11NM").reset_index()[["LAD11NM", "geometry"]]
boroughs.to_file(os.path.join(work, "boroughs.gpkg"), layer="boroughs")
start = time.perf_counter()
result = processing.run("communityrisk:prioritypostcodes", {
    "POSTCODES": os.path.join(work, "postcodes.gpkg"), "POSTCODE_FIELD": "postcode",
    "AREAS": os.path.join(work, "lsoa_risk.gpkg"), "AREA_RISK_FIELD": "rate_10k", "P1_COUNT": 500, "P2_COUNT": 2000,
    "SPLIT_AREAS": os.path.join(work, "boroughs.gpkg"), "SPLIT_FIELD": "LAD11NM",
    "OUTPUT": os.path.join(work, "priority.gpkg"), "VISIT_LISTS": os.path.join(work, "visits")},
    context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
elapsed = time.perf_counter() - start
# baseline: QGIS's own join of the same postcodes to the same risk areas, one of the several steps ours takes
start = time.perf_counter()
processing.run("native:joinattributesbylocation", {"INPUT": os.path.join(work, "postcodes.gpkg"),
    "JOIN": os.path.join(work, "lsoa_risk.gpkg"), "PREDICATE": [5], "JOIN_FIELDS": ["rate_10k"], "METHOD": 1,
    "OUTPUT": os.path.join(work, "joined.gpkg")}, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
native = time.perf_counter() - start
print("2. prioritypostcodes over {:,} London postcodes, 33 borough visit lists: {:.1f} s ({} P1); baseline "
      "native:joinattributesbylocation of the postcodes to the LSOAs alone {:.1f} s ({:.1f}x it); goal < 8 s; "
      "load average {:.1f} on {} cores".format(len(postcodes), elapsed, result["P1"], native, elapsed / native,
                                              os.getloadavg()[0], os.cpu_count()))
"""


def main():
    if not os.path.isdir(LONDON):
        print("targeting benchmarks skipped: {} not found".format(LONDON))
        return
    postcodes = os.path.join(LONDON, "postcodes.csv.gz")
    print("1. findpeopleatrisk (Splink on DuckDB, 2 cores):")
    run_script(PEOPLE, "100000", postcodes)
    if os.environ.get("BENCH_QUICK") == "1":
        print("   1,000,000 households: skipped (BENCH_QUICK=1)")
    else:
        run_script(PEOPLE, "1000000", postcodes)
    with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
        run_script(PRIORITY, LONDON, work)


if __name__ == "__main__":
    main()
