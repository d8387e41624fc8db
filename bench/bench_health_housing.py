"""Figures for health and housing (printed, never asserted):
- loadepc's reading and latest-per-home step on 1,000,000 generated certificate rows: rows per second and
  peak memory (goal: at least 200,000 rows/s and under 1 GB);
- heatsurface on all LFB dwelling fires 2009-2016 at 50 m cells over Greater London, clipped to the LSOA
  boundary (goal: under 5 s)."""
import os
import tempfile

from common import LONDON, QGIS_PRELUDE, run_script

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


EPC = """
import os, resource, sys, time
import pandas as pd
from community_risk.processing.analysis import epc
from community_risk.synthetic import epc_certificates
london, work = sys.argv[1], sys.argv[2]
postcodes = pd.read_csv(os.path.join(london, "postcodes.csv.gz"))
indicators = pd.read_csv(os.path.join(london, "imd_2019_underlying_indicators_lsoa.csv.gz")).set_index("LSOA code (2011)")
indicators = indicators.rename(columns={"Houses without central heating indicator": "no_central_heating",
                                        "Housing in poor condition indicator": "poor_condition"})
base = epc_certificates.generate_certificates(postcodes, indicators, n_homes=45000)
path = os.path.join(work, "certificates.csv")
copies = -(-1000000 // len(base))
for k in range(copies):  # the generated set repeated as other homes, to reach a million rows
    part = base.copy()
    part["BUILDING_REFERENCE_NUMBER"] = (part["BUILDING_REFERENCE_NUMBER"].astype(int) + k * 10**7).astype(str)
    part["UPRN"] = part["UPRN"].where(part["UPRN"] == "", (pd.to_numeric(part["UPRN"], errors="coerce") + k * 10**7)
                                     .astype("Int64").astype(str))
    part.iloc[: max(0, min(len(part), 1000000 - k * len(base)))].to_csv(path, mode="a", header=(k == 0), index=False)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
homes, notes = epc.load_certificates(epc.read_certificates(path))
elapsed = time.perf_counter() - start
rows = 1000000
print("loadepc (read in chunks, latest per home): {:,} rows -> {:,} homes in {:.1f} s = {:,.0f} rows/s; peak memory "
      "{:,.0f} MB (process, {:,.0f} MB before loading)".format(rows, len(homes), elapsed, rows / elapsed,
                                                              resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, before))
"""


def main():
    if not os.path.isdir(LONDON):
        print("health and housing benchmarks skipped: {} not found".format(LONDON))
        return
    for code in (EPC, HEAT):
        with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
            run_script(code, LONDON, work)


if __name__ == "__main__":
    main()
