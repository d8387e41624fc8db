"""The other HTML reports the plugin writes, produced from the embedded sample by the real algorithms and rendered
by headless Chromium with the checker of test_fire_model_render (issue 9): lifestyle profile (with the 2021 OAC's
long segment names), health-housing index, priority postcodes' visit-list pages and HMO prevalence. Every chart text
inside its chart, no text over another, no table cell overflowing, page no wider than the window."""
import geopandas as gpd
import pytest

from helpers import ensure_provider, run_algorithm, sample_fire_risk
from test_fire_model_render import CHROMIUM, render

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")

# 2021 OAC supergroup names, the longest 41 characters: they must wrap, not run off the chart's label column.
OAC_2021 = {"Suburbanites": "Ethnically Diverse Suburban Professionals",
            "Multicultural Metropolitans": "Low-Skilled Migrant & Student Communities",
            "Hard-Pressed Living": "Semi- & Un-Skilled Workforce",
            "Cosmopolitans": "Multicultural & Educated Urbanites",
            "Urbanites": "Suburbanites & Peri-Urbanites",
            "Ethnicity Central": "Retired Professionals",
            "Constrained City Dwellers": "Legacy Communities",
            "Rural Residents": "Baseline UK"}


@pytest.fixture(scope="module")
def sample(sample_path, tmp_path_factory):
    ensure_provider()
    folder = tmp_path_factory.mktemp("reports")
    return sample_path, folder


def test_lifestyle_report_with_long_segment_names_fits(sample):
    sample_path, folder = sample
    homes = gpd.read_file(sample_path, layer="postcodes")
    homes["segment"] = homes["segment"].map(OAC_2021)
    assert homes["segment"].notna().all() and homes["segment"].str.len().max() == 41
    homes.to_file(folder / "oac_homes.gpkg", layer="homes", driver="GPKG")
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": str(folder / "oac_homes.gpkg"), "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
        "INCIDENTS": sample_path + "|layername=incidents", "CASUALTIES_FIELD": "casualties",
        "OUTPUT": str(folder / "lifestyle.csv"), "REPORT": str(folder / "lifestyle.html")})
    html = (folder / "lifestyle.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "Ethnically Diverse Suburban" in html
    problems, png = render(html, folder, "lifestyle")
    assert problems == []
    assert png.stat().st_size > 10000


def test_health_housing_index_report_fits(sample):
    from community_risk.synthetic import epc_certificates

    sample_path, folder = sample
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    epc_certificates.generate_certificates(postcodes, None, n_homes=3000).to_csv(folder / "certificates.csv",
                                                                                 index=False)
    run_algorithm("communityrisk:loadepc", {"INPUT": str(folder / "certificates.csv"),
                                            "POSTCODES": sample_path + "|layername=postcodes",
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": str(folder / "epc_homes.gpkg")})
    run_algorithm("communityrisk:healthhousingindex", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "EPC": str(folder / "epc_homes.gpkg"),
        "EXTRA_FIELDS": ["pct_bad_health"], "CHARTS": 5, "OUTPUT": str(folder / "index.gpkg"),
        "REPORT": str(folder / "index.html")})
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 5
    problems, png = render(html, folder, "index")
    assert problems == []
    assert png.stat().st_size > 10000


def test_priority_visit_list_pages_fit(sample):
    sample_path, folder = sample
    sample_fire_risk(sample_path, folder)
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
        "AREAS": str(folder / "risk.gpkg"), "AREA_RISK_FIELD": "rate_10k",
        "SPLIT_AREAS": sample_path + "|layername=station_grounds", "SPLIT_FIELD": "station",
        "P1_COUNT": 100, "P2_COUNT": 400, "OUTPUT": str(folder / "priority.gpkg"),
        "VISIT_LISTS": str(folder / "visit_lists")})
    pages = sorted((folder / "visit_lists").glob("*.html"))
    assert len(pages) >= 2  # one per station ground, and the index
    for page in pages:
        problems, png = render(page.read_text(encoding="utf-8"), folder, "visit_" + page.stem)
        assert problems == [], page.name
        assert png.stat().st_size > 5000


def test_hmo_prevalence_report_fits(sample):
    sample_path, folder = sample
    run_algorithm("communityrisk:countincidents", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
        "INCIDENTS": sample_path + "|layername=incidents",
        "FILTER": "\"property_type\" = 'House in multiple occupation'", "OUTPUT": str(folder / "hmo_counts.gpkg")})
    run_algorithm("communityrisk:hmoprevalence", {
        "AREAS": str(folder / "hmo_counts.gpkg"), "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
        "HMO_INCIDENT_FIELD": "incidents", "FACTORS": ["pct_flats", "pct_social_rent", "imd_score"], "YEARS": 8,
        "TOTAL_HMOS": 16600, "OUTPUT": str(folder / "hmo.gpkg"), "REPORT": str(folder / "hmo.html")})
    html = (folder / "hmo.html").read_text(encoding="utf-8")
    problems, png = render(html, folder, "hmo")
    assert problems == []
    assert png.stat().st_size > 10000
