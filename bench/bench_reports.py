"""Reports (issue 12) on London: the risk dashboard's 33 borough pages and the all-London page from the 4,835
LSOAs (goal: under 20 s), each printed beside a baseline measured in the same run."""
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from common import LONDON, QGIS_PRELUDE, run_script  # noqa: E402


def london_dashboard_inputs():
    """The LSOAs' 2012-14 dwelling fires, households, borough and factors, and 2009-14 fires a year."""
    import pyogrio
    from london_data import factor_names, london_lsoa_table

    table = london_lsoa_table()
    base = pyogrio.read_dataframe(os.path.join(LONDON, "lsoa_2011.gpkg"), read_geometry=False)
    yearly = table[["fires_{}".format(y) for y in range(2009, 2015)]].copy()
    yearly.columns = list(range(2009, 2015))
    return table, base, yearly, factor_names(table)


def dashboard_analysis():
    """The analysis and the pages without QGIS, beside the baseline of the analysis alone."""
    from community_risk.processing.analysis import dashboard, dashboard_report

    table, base, yearly, factors = london_dashboard_inputs()
    counts = yearly[[2012, 2013, 2014]].sum(axis=1)
    started = time.perf_counter()
    built = dashboard.build_dashboard(table["LSOA11CD"], counts, table["HHOLDS"], 3, groups=base["LAD11NM"],
                                      names=base["LSOA11NM"], factors=table[factors], yearly=yearly,
                                      current_years=[2012, 2013, 2014], all_name="London", title="Dwelling fires")
    analysed = time.perf_counter() - started
    pages = dashboard_report.pages(built)
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            with open(os.path.join(folder, page.stem + ".html"), "w", encoding="utf-8") as handle:
                handle.write(page.html)
    total = time.perf_counter() - started
    print("Risk dashboard, London: {:,} LSOAs, {} factors, {} pages (33 boroughs, London) and the index".format(
        len(table), len(factors), len(pages) - 1))
    print("   analysis alone (funnel, neighbours, lead indicators): {:5.1f} s  (baseline)".format(analysed))
    print("   analysis and every page written (no QGIS):           {:5.1f} s".format(total))
    print("   funnel: {} limits; {} areas above, {} below".format(
        built.funnel.method, int((built.table["signal"] == "above").sum()),
        int((built.table["signal"] == "below").sum())))


PROCESSING_RUN = QGIS_PRELUDE + """
import tempfile
folder = sys.argv[1]
common = {"AREAS": folder + "/lsoa.gpkg", "AREA_ID": "LSOA11CD", "NAME_FIELD": "LSOA11NM", "COUNT_FIELD": "fires",
          "HOUSEHOLDS_FIELD": "HHOLDS", "YEARS": 3, "GROUP_FIELD": "LAD11NM", "FACTORS": sys.argv[2].split(","),
          "ALL_AREAS_NAME": "London", "TITLE": "Dwelling fires"}
started = time.perf_counter()
processing.run("native:savefeatures", {"INPUT": common["AREAS"], "OUTPUT": folder + "/copy.gpkg"},
               context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
baseline = time.perf_counter() - started
print("   baseline: the same layer copied by QGIS (native:savefeatures):  {:5.1f} s".format(baseline))
for label, extra in ((":", {}), (", 50,838 dated fires:",
                                {"INCIDENTS": folder + "/fires.gpkg", "DATE_FIELD": "date"})):
    pages = folder + "/pages" + str(len(extra))
    started = time.perf_counter()
    processing.run("communityrisk:riskdashboard", dict(common, OUTPUT=folder + "/dashboard{}.gpkg".format(len(extra)),
                   PAGES=pages, **extra), context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    whole = time.perf_counter() - started
    count = len([name for name in os.listdir(pages) if name.endswith(".html")]) - 1
    print("   Risk dashboard through Processing, {} pages{:<22} {:5.1f} s  (goal: under 20 s)".format(
        count, label, whole))
"""


def dashboard_processing():
    """The algorithm through Processing on a GeoPackage of the LSOAs with their factors, beside a plain copy."""
    import geopandas as gpd

    table, base, yearly, factors = london_dashboard_inputs()
    areas = gpd.read_file(os.path.join(LONDON, "lsoa_2011.gpkg"))[["LSOA11CD", "LSOA11NM", "LAD11NM", "HHOLDS",
                                                                   "geometry"]]
    areas = areas.merge(table[["LSOA11CD"] + factors], on="LSOA11CD")
    areas["fires"] = yearly[[2012, 2013, 2014]].sum(axis=1).to_numpy()
    import pandas as pd

    fires = pd.read_csv(os.path.join(LONDON, "lfb_dwelling_fires_2009_2016.csv.gz"), usecols=[
        "date", "easting_rounded", "northing_rounded"])
    fires = gpd.GeoDataFrame(fires[["date"]], geometry=gpd.points_from_xy(
        fires["easting_rounded"], fires["northing_rounded"]), crs="EPSG:27700")
    with tempfile.TemporaryDirectory() as folder:
        areas.to_file(os.path.join(folder, "lsoa.gpkg"), driver="GPKG")
        fires.to_file(os.path.join(folder, "fires.gpkg"), driver="GPKG")
        run_script(PROCESSING_RUN, folder, ",".join(factors))


MAP_BOOK_RUN = QGIS_PRELUDE + """
import subprocess
from qgis.core import (QgsLayoutExporter, QgsLayoutItemMap, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject,
                       QgsUnitTypes, QgsVectorLayer)
folder = sys.argv[1]


def run(algorithm, parameters):
    return processing.run(algorithm, parameters, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())


def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


started = time.perf_counter()
run("communityrisk:prioritypostcodes", {
    "POSTCODES": folder + "/postcodes.gpkg", "POSTCODE_FIELD": "postcode", "AREAS": folder + "/lsoa.gpkg",
    "AREA_RISK_FIELD": "rate_10k", "SPLIT_AREAS": folder + "/boroughs.gpkg", "SPLIT_FIELD": "borough",
    "P1_COUNT": 660, "P2_COUNT": 1650, "OUTPUT": folder + "/priority.gpkg"})
print("   (inputs: priority postcodes over every London postcode, 660 P1 and 1,650 P2: {:.1f} s)".format(
    time.perf_counter() - started))

# baseline: QGIS's own atlas of the same 33 boroughs over the LSOAs, one bare map per A4 page
started = time.perf_counter()
project = QgsProject()
lsoa = QgsVectorLayer(folder + "/lsoa.gpkg", "lsoa", "ogr")
boroughs = QgsVectorLayer(folder + "/boroughs.gpkg", "boroughs", "ogr")
project.addMapLayers([lsoa, boroughs])
layout = QgsPrintLayout(project)
layout.initializeDefaults()
the_map = QgsLayoutItemMap(layout)
layout.addLayoutItem(the_map)
the_map.attemptMove(QgsLayoutPoint(8, 25, QgsUnitTypes.LayoutMillimeters))
the_map.attemptResize(QgsLayoutSize(172, 151, QgsUnitTypes.LayoutMillimeters))
the_map.setLayers([boroughs, lsoa])
the_map.setAtlasDriven(True)
layout.atlas().setCoverageLayer(boroughs)
layout.atlas().setEnabled(True)
QgsLayoutExporter.exportToPdf(layout.atlas(), folder + "/bare_atlas.pdf", QgsLayoutExporter.PdfExportSettings())
baseline = time.perf_counter() - started
print("   baseline: QGIS's bare atlas of the same boroughs (one map a page), {} pages: {:5.1f} s".format(
    pages(folder + "/bare_atlas.pdf"), baseline))

started = time.perf_counter()
result = run("communityrisk:visitmapbook", {
    "SPLIT_AREAS": folder + "/boroughs.gpkg", "SPLIT_FIELD": "borough", "RISK": folder + "/lsoa.gpkg",
    "POSTCODES": folder + "/priority.gpkg", "ROWS": 20, "OUTPUT": folder + "/map_book.pdf"})
whole = time.perf_counter() - started
print("   London map book ({} pages): {:5.1f} s  (goal: under 60 s)".format(pages(result["OUTPUT"]), whole))
started = time.perf_counter()
run("communityrisk:visitmapbook", {
    "SPLIT_AREAS": folder + "/boroughs.gpkg", "SPLIT_FIELD": "borough", "RISK": folder + "/lsoa.gpkg",
    "POSTCODES": folder + "/priority.gpkg", "ROWS": 20, "OUTPUT": folder + "/map_book2.pdf",
    "PAGES": folder + "/pages"})
print("   London map book and one PDF per borough ({} files): {:5.1f} s".format(
    len(os.listdir(folder + "/pages")), time.perf_counter() - started))
"""


def map_book():
    """Visit map book of London by borough: LSOAs banded by their 2009-16 dwelling-fire rate (LFB thresholds),
    priority postcodes over every London postcode, one page per borough."""
    import geopandas as gpd
    import pandas as pd

    from community_risk.processing.analysis.banding import Banding

    print("Visit map book, London: 33 borough pages over 4,835 LSOAs in fire risk bands")
    lsoa = gpd.read_file(os.path.join(LONDON, "lsoa_2011.gpkg"))[["LSOA11CD", "LAD11NM", "HHOLDS", "geometry"]]
    fires = pd.read_csv(os.path.join(LONDON, "lsoa_fire_counts_2009_2016.csv.gz")).set_index("LSOA11CD")
    lsoa["rate_10k"] = 1e4 * fires.sum(axis=1).reindex(lsoa["LSOA11CD"]).to_numpy() / lsoa["HHOLDS"] / 8
    banding = Banding.of("lfb")
    lsoa["band"] = banding.assign(lsoa["rate_10k"])
    labels = banding.labels()
    lsoa["band_label"] = [labels[b - 1] if b > 0 else None for b in lsoa["band"]]
    boroughs = lsoa.dissolve(by="LAD11NM").reset_index()[["LAD11NM", "geometry"]].rename(columns={"LAD11NM": "borough"})
    postcodes = pd.read_csv(os.path.join(LONDON, "postcodes.csv.gz"), usecols=["postcode", "easting", "northing"])
    postcodes = gpd.GeoDataFrame(postcodes[["postcode"]], crs=27700,
                                 geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]))
    with tempfile.TemporaryDirectory() as folder:
        lsoa.to_file(os.path.join(folder, "lsoa.gpkg"), driver="GPKG")
        boroughs.to_file(os.path.join(folder, "boroughs.gpkg"), driver="GPKG")
        postcodes.to_file(os.path.join(folder, "postcodes.gpkg"), driver="GPKG")
        run_script(MAP_BOOK_RUN, folder)


def main():
    if not os.path.exists(os.path.join(LONDON, "lsoa_fire_counts_2009_2016.csv.gz")):
        print("Reports: London data not found at {}; skipped".format(LONDON))
        return
    dashboard_analysis()
    dashboard_processing()
    map_book()


if __name__ == "__main__":
    main()
