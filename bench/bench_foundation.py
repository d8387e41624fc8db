"""Figures for the foundation (printed, never asserted):

1. time to import the plugin and run initGui in a QGIS session (goal: under 0.3 s);
2. communityrisk:countincidents against QGIS's native:countpointsinpolygon on all LFB dwelling fires
   2009-2016 x the 4,835 London LSOAs, same inputs (goal: ours at least 4x faster).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LONDON = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "london"))
REPEATS = 5

STARTUP = """
import sys, time
from qgis.core import QgsApplication
app = QgsApplication([], True); app.initQgis()
from qgis.PyQt.QtWidgets import QMainWindow
class Iface:
    def __init__(self): self.w = QMainWindow()
    def mainWindow(self): return self.w
    def addToolBar(self, name): return self.w.addToolBar(name)
iface = Iface()
start = time.perf_counter()
import community_risk
plugin = community_risk.classFactory(iface)
plugin.initGui()
print(time.perf_counter() - start)
"""


def startup_seconds():
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, ".build", "pkgroot"), QT_QPA_PLATFORM="offscreen")
    runs = []
    for _ in range(REPEATS):
        out = subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True, env=env,
                             cwd="/", check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return runs


def count_benchmark():
    import geopandas as gpd
    import pandas as pd

    sys.path.insert(0, os.path.join(REPO, ".build", "pkgroot"))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    import processing
    from processing.core.Processing import Processing

    from community_risk.processing.provider import CommunityRiskProvider

    Processing.initialize()
    provider = CommunityRiskProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    work = tempfile.mkdtemp(prefix="community_risk_bench_")
    table = pd.read_csv(os.path.join(LONDON, "lfb_dwelling_fires_2009_2016.csv.gz"))
    fires_path = os.path.join(work, "fires.gpkg")
    gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(table["easting_rounded"], table["northing_rounded"]),
                     crs=27700).to_file(fires_path, layer="fires")
    lsoas = os.path.join(LONDON, "lsoa_2011.gpkg")

    def timed(algorithm_id, parameters):
        runs = []
        for k in range(REPEATS):
            params = dict(parameters, OUTPUT=os.path.join(work, "{}_{}.gpkg".format(algorithm_id.split(":")[1], k)))
            context = QgsProcessingContext()
            start = time.perf_counter()
            processing.run(algorithm_id, params, context=context, feedback=QgsProcessingFeedback())
            runs.append(time.perf_counter() - start)
        return runs

    ours = timed("communityrisk:countincidents",
                 {"AREAS": lsoas, "AREA_ID": "LSOA11CD", "INCIDENTS": fires_path})
    native = timed("native:countpointsinpolygon",
                   {"POLYGONS": lsoas, "POINTS": fires_path, "FIELD": "incidents"})
    return len(table), ours, native


def main():
    print("Community Risk Toolkit: foundation benchmarks ({} runs each, median shown)".format(REPEATS))
    runs = startup_seconds()
    print("plugin import + initGui in a QGIS session: {:.3f} s (min {:.3f}, max {:.3f}; goal < 0.3 s)".format(
        statistics.median(runs), min(runs), max(runs)))
    if not os.path.isdir(LONDON):
        print("count benchmark skipped: {} not found".format(LONDON))
        return
    n_fires, ours, native = count_benchmark()
    print("count {:,} LFB dwelling fires in 4,835 LSOAs:".format(n_fires))
    print("  communityrisk:countincidents  {:.3f} s (min {:.3f})".format(statistics.median(ours), min(ours)))
    print("  native:countpointsinpolygon   {:.3f} s (min {:.3f})".format(statistics.median(native), min(native)))
    print("  ours is {:.1f}x faster (goal >= 4x); load average {:.1f} on {} cores".format(
        statistics.median(native) / statistics.median(ours), os.getloadavg()[0], os.cpu_count()))


if __name__ == "__main__":
    main()
