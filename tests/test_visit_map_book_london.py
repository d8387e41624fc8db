"""Visit map book on real London data: Hackney's 19 wards (2013 boundaries) over its LSOAs banded by their
2009-16 dwelling-fire rate with LFB's thresholds, and the P1/P2 of its 4,500 postcodes. One page per ward,
none blank, the bands on every map, each ward's own postcodes in its table."""
import os

import pytest

from helpers import london_file, run_algorithm
from test_visit_map_book import band_share, page_pixels, page_text, pdf_pages

HACKNEY = ("Hackney", "E09000012")


@pytest.fixture(scope="module")
def hackney(tmp_path_factory):
    import geopandas as gpd
    import pandas as pd

    from community_risk.processing.analysis.banding import Banding
    from helpers import ensure_provider

    ensure_provider()  # module fixtures run before the per-test provider fixture
    folder = tmp_path_factory.mktemp("hackney")
    lsoa = gpd.read_file(london_file("lsoa_2011.gpkg"))
    lsoa = lsoa[lsoa["LAD11NM"] == HACKNEY[0]][["LSOA11CD", "HHOLDS", "geometry"]]
    fires = pd.read_csv(london_file("lsoa_fire_counts_2009_2016.csv.gz")).set_index("LSOA11CD")
    lsoa["rate_10k"] = 1e4 * fires.sum(axis=1).reindex(lsoa["LSOA11CD"]).to_numpy() / lsoa["HHOLDS"] / 8
    lsoa["band"] = Banding.of("lfb").assign(lsoa["rate_10k"])
    lsoa.to_file(folder / "lsoa.gpkg", driver="GPKG")
    wards = gpd.read_file(london_file("wards_2013_citymerged.gpkg"))
    wards[wards["BOROUGH"] == HACKNEY[0]][["NAME", "geometry"]].to_file(folder / "wards.gpkg", driver="GPKG")
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"))
    postcodes = postcodes[postcodes["lad_code"] == HACKNEY[1]]
    gpd.GeoDataFrame(postcodes[["postcode"]], crs=27700, geometry=gpd.points_from_xy(
        postcodes["easting"], postcodes["northing"])).to_file(folder / "postcodes.gpkg", driver="GPKG")
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": str(folder / "postcodes.gpkg"), "POSTCODE_FIELD": "postcode", "AREAS": str(folder / "lsoa.gpkg"),
        "AREA_RISK_FIELD": "rate_10k", "SPLIT_AREAS": str(folder / "wards.gpkg"), "SPLIT_FIELD": "NAME",
        "P1_COUNT": 60, "P2_COUNT": 150, "OUTPUT": str(folder / "priority.gpkg")})
    out = folder / "book.pdf"
    result = run_algorithm("communityrisk:visitmapbook", {
        "SPLIT_AREAS": str(folder / "wards.gpkg"), "SPLIT_FIELD": "NAME", "RISK": str(folder / "lsoa.gpkg"),
        "POSTCODES": str(folder / "priority.gpkg"), "OUTPUT": str(out)})
    return folder, out, result


@pytest.mark.london
def test_hackney_map_book_one_page_per_ward(hackney, tmp_path):
    import geopandas as gpd

    folder, out, result = hackney
    wards = sorted(gpd.read_file(folder / "wards.gpkg")["NAME"], key=str.casefold)
    assert len(wards) == 19 and result["PAGE_COUNT"] == 19 and pdf_pages(out) == 19
    priority = gpd.read_file(folder / "priority.gpkg")
    for page, ward in enumerate(wards, start=1):
        pixels = page_pixels(out, page, tmp_path)
        assert pixels.std() > 30 and band_share(pixels) > 0.15, ward  # only Hackney's LSOAs: blank beyond it
        text = " ".join(page_text(out, page).split())
        assert "Home fire safety visits: {}".format(ward) in text
        rows = priority[(priority["split_area"] == ward) & priority["tier"].isin(["P1", "P2"])]
        wanted = rows.sort_values(["tier", "rank"])["postcode"].tolist()[:25]
        assert all(code in text for code in wanted), (ward, [c for c in wanted if c not in text])
        if not (rows["tier"] == "P1").any():
            assert "No P1" in text, ward
    assert os.path.getsize(out) < 19 * 400_000  # vector pages, not images
