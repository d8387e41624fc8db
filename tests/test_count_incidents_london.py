"""countincidents on the real London LSOAs and London Fire Brigade dwelling fires 2009-2016."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from helpers import ensure_provider, london_file, run_algorithm

pytestmark = pytest.mark.london


@pytest.fixture(scope="module")
def london_fires(tmp_path_factory):
    """The LFB fires as a point GeoPackage (in a temp folder: shared files are read in place only)."""
    table = pd.read_csv(london_file("lfb_dwelling_fires_2009_2016.csv.gz"))
    fires = gpd.GeoDataFrame(
        table, geometry=gpd.points_from_xy(table["easting_rounded"], table["northing_rounded"]), crs=27700)
    path = tmp_path_factory.mktemp("london") / "lfb_fires.gpkg"
    fires.to_file(path, layer="fires")
    return fires, str(path)


@pytest.fixture(scope="module")
def london_counts(qgis_app, london_fires, tmp_path_factory):
    ensure_provider()
    out = tmp_path_factory.mktemp("london_out") / "lsoa_counts.gpkg"
    result = run_algorithm("communityrisk:countincidents", {
        "AREAS": london_file("lsoa_2011.gpkg"), "AREA_ID": "LSOA11CD",
        "INCIDENTS": london_fires[1], "DATE_FIELD": "date", "PER_YEAR": True, "OUTPUT": str(out)})
    table = gpd.read_file(out, ignore_geometry=True).set_index("LSOA11CD")
    return result, table


def test_counts_agree_exactly_with_an_independent_geopandas_spatial_join(london_fires, london_counts):
    fires, _ = london_fires
    result, ours = london_counts
    lsoas = gpd.read_file(london_file("lsoa_2011.gpkg"))[["LSOA11CD", "geometry"]]
    joined = gpd.sjoin(fires, lsoas, predicate="intersects", how="inner")
    # a point on a shared boundary belongs to the first LSOA in layer order
    joined = joined.reset_index().sort_values(["index", "index_right"]).drop_duplicates("index")
    expected = joined.groupby("LSOA11CD").size().reindex(lsoas["LSOA11CD"], fill_value=0)
    assert len(ours) == 4835
    assert (ours["incidents"].reindex(expected.index) == expected).all()
    assert result["COUNTED"] == len(joined)
    assert result["OUTSIDE"] == len(fires) - len(joined)


def test_per_year_counts_equal_the_published_counts_plus_the_points_on_boundaries(london_fires, london_counts):
    """The published counts (SOURCES.md) leave out points lying exactly on an LSOA boundary, 77 in all
    outside; we count each of those once, so ours = published + the boundary points given to each LSOA."""
    fires, _ = london_fires
    result, ours = london_counts
    published = pd.read_csv(london_file("lsoa_fire_counts_2009_2016.csv.gz")).set_index("LSOA11CD")
    lsoas = gpd.read_file(london_file("lsoa_2011.gpkg"))[["LSOA11CD", "geometry"]]
    on_edge = gpd.sjoin(fires, lsoas, predicate="touches").reset_index()
    on_edge = on_edge.sort_values(["index", "index_right"]).drop_duplicates("index")
    on_edge["year"] = on_edge["date"].str[:4].astype(int)
    assert 0 < len(on_edge) < 20
    assert result["OUTSIDE"] + len(on_edge) == 77
    for year in range(2009, 2017):
        extra = on_edge[on_edge["year"] == year].groupby("LSOA11CD").size()
        expected = published["fires_{}".format(year)].add(extra, fill_value=0)
        mine = ours["incidents_{}".format(year)].reindex(published.index)
        assert np.array_equal(mine.to_numpy(), expected.reindex(published.index).to_numpy()), year
