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
    print("Risk dashboard, London: {:,} LSOAs, {} factors, {} pages (33 boroughs, London, index)".format(
        len(table), len(factors), len(pages)))
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
started = time.perf_counter()
processing.run("communityrisk:riskdashboard", dict(common, OUTPUT=folder + "/dashboard.gpkg",
               PAGES=folder + "/pages"), context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
whole = time.perf_counter() - started
pages = len([name for name in os.listdir(folder + "/pages") if name.endswith(".html")])
print("   baseline: the same layer copied by QGIS (native:savefeatures): {:5.1f} s".format(baseline))
print("   Risk dashboard through Processing, layer and {} pages:       {:5.1f} s  (goal: under 20 s)".format(
    pages, whole))
"""


def dashboard_processing():
    """The algorithm through Processing on a GeoPackage of the LSOAs with their factors, beside a plain copy."""
    import geopandas as gpd

    table, base, yearly, factors = london_dashboard_inputs()
    areas = gpd.read_file(os.path.join(LONDON, "lsoa_2011.gpkg"))[["LSOA11CD", "LSOA11NM", "LAD11NM", "HHOLDS",
                                                                   "geometry"]]
    areas = areas.merge(table[["LSOA11CD"] + factors], on="LSOA11CD")
    areas["fires"] = yearly[[2012, 2013, 2014]].sum(axis=1).to_numpy()
    with tempfile.TemporaryDirectory() as folder:
        areas.to_file(os.path.join(folder, "lsoa.gpkg"), driver="GPKG")
        run_script(PROCESSING_RUN, folder, ",".join(factors))


def main():
    if not os.path.exists(os.path.join(LONDON, "lsoa_fire_counts_2009_2016.csv.gz")):
        print("Reports: London data not found at {}; skipped".format(LONDON))
        return
    dashboard_analysis()
    dashboard_processing()


if __name__ == "__main__":
    main()
