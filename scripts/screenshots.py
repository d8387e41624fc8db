"""The README's screenshots, made by rendering the real outputs (never by hand).

    PYTHONPATH=.build/pkgroot .venv/bin/python scripts/screenshots.py [name ...]

risk_dashboard: the Hackney page of the risk dashboard on London's 4,835 LSOAs (2012-14 dwelling fires against
2009-11, the London factors of tests/london_data.py), rendered by headless Chromium; the sample borough's page
when the London data is absent. Written to docs/screenshots/<name>.png, cropped and reduced to 64 colours so the
repository stays small."""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "screenshots")
LONDON = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "london"))


def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("headless Chromium is needed (apt-get install chromium)")
    return found


def html_to_png(html, png, width=820, height=1700):
    """Render `html` in headless Chromium, crop the white margin below the content, keep 64 colours."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        page = os.path.join(folder, "page.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(html)
        raw = os.path.join(folder, "raw.png")
        subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size={},{}".format(width, height), "--user-data-dir={}".format(folder),
                        "--screenshot={}".format(raw), "file://" + page], capture_output=True, timeout=180, check=True)
        image = Image.open(raw).convert("RGB")
    inverted = Image.eval(image, lambda value: 255 - value)
    box = inverted.getbbox()
    if box:
        image = image.crop((0, 0, width, min(height, box[3] + 16)))
    os.makedirs(os.path.dirname(png), exist_ok=True)
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(png, optimize=True)
    return png


def risk_dashboard():
    from community_risk.processing.analysis import dashboard, dashboard_report

    if os.path.exists(os.path.join(LONDON, "lsoa_fire_counts_2009_2016.csv.gz")):
        sys.path.insert(0, os.path.join(ROOT, "tests"))
        import pyogrio
        from london_data import factor_names, london_lsoa_table

        table = london_lsoa_table()
        base = pyogrio.read_dataframe(os.path.join(LONDON, "lsoa_2011.gpkg"), read_geometry=False)
        yearly = table[["fires_{}".format(y) for y in range(2009, 2015)]].copy()
        yearly.columns = list(range(2009, 2015))
        built = dashboard.build_dashboard(
            table["LSOA11CD"], yearly[[2012, 2013, 2014]].sum(axis=1), table["HHOLDS"], 3, groups=base["LAD11NM"],
            names=base["LSOA11NM"], factors=table[factor_names(table)], yearly=yearly,
            current_years=[2012, 2013, 2014], all_name="London", title="Dwelling fires")
        wanted, source = "Hackney", "London LSOAs, LFB dwelling fires 2012-14."
    else:
        import geopandas as gpd
        import pandas as pd

        from community_risk.processing.analysis.counting import assign_points_to_areas

        sample = os.path.join(ROOT, "resources", "sample", "sample_borough.gpkg")
        areas = gpd.read_file(sample, layer="areas")
        fires = gpd.read_file(sample, layer="incidents")
        area_of = assign_points_to_areas(list(areas.geometry), fires.geometry.x, fires.geometry.y)
        yearly = dashboard.yearly_counts(area_of, pd.to_datetime(fires["date"]).dt.year, len(areas))
        built = dashboard.build_dashboard(
            areas["area_code"], yearly[[2014, 2015, 2016]].sum(axis=1), areas["households"], 3,
            names=areas["area_name"], factors=areas[["imd_score", "pct_social_rent", "pct_flats", "pct_over_65"]],
            yearly=yearly, current_years=[2014, 2015, 2016], all_name="Sample borough", title="Dwelling fires")
        wanted, source = None, "The sample borough's dwelling fires 2014-16."
    group = next((g for g in built.groups if g.name == wanted), built.overall)
    html, _ = dashboard_report.page_html(built, group, generated=source)
    return html_to_png(html, os.path.join(OUT, "risk_dashboard.png"))


SCREENSHOTS = {"risk_dashboard": risk_dashboard}


def main(names):
    for name in names or sorted(SCREENSHOTS):
        print("{}: {}".format(name, SCREENSHOTS[name]()))


if __name__ == "__main__":
    main(sys.argv[1:])
