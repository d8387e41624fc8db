"""Heat surface: a quartic-kernel density that keeps the number of points, clipped and weighted."""
import os

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis.kde import silverman_bandwidth, density_grid, quartic_kernel
from community_risk.processing.analysis.messages import AnalysisError
from helpers import memory_layer, run_algorithm


def test_kernel_keeps_mass_and_has_the_quartic_shape():
    kernel = quartic_kernel(200.0, 10.0)
    assert kernel.sum() == pytest.approx(1.0)
    centre = kernel.shape[0] // 2
    assert kernel[centre, centre] == kernel.max()
    assert kernel[centre, centre + 20] == 0.0  # at the bandwidth the kernel is zero
    half = kernel[centre, centre + 10] / kernel[centre, centre]
    assert half == pytest.approx((1 - 0.25) ** 2)  # (1 - d^2/h^2)^2 at d = h/2


def test_surface_integrates_to_the_number_of_points():
    rng = np.random.default_rng(0)
    x, y = rng.uniform(0, 5000, 300), rng.uniform(0, 4000, 300)
    grid, _ = density_grid(x, y, (-500, -500, 5500, 4500), 25.0, 400.0)
    assert grid.sum() * 25 * 25 == pytest.approx(300, rel=1e-6)
    weighted, _ = density_grid(x, y, (-500, -500, 5500, 4500), 25.0, 400.0, weights=np.full(300, 2.0))
    assert np.allclose(weighted, 2 * grid)


def test_silverman_bandwidth_follows_silvermans_rule():
    rng = np.random.default_rng(1)
    x, y = rng.normal(0, 1000, 4096), rng.normal(0, 1000, 4096)
    assert silverman_bandwidth(x, y) == pytest.approx(2.78 * 1000 * 4096 ** (-1 / 6), rel=0.05)
    with pytest.raises(AnalysisError):
        silverman_bandwidth([1.0], [2.0])


def test_heat_surface_of_the_sample_fires(sample_path, tmp_path):
    out = tmp_path / "heat.tif"
    result = run_algorithm("communityrisk:heatsurface", {
        "INPUT": sample_path + "|layername=incidents", "CELL_SIZE": 100, "BANDWIDTH": 500,
        "BOUNDARY": sample_path + "|layername=station_grounds", "OUTPUT": str(out)})
    assert result["BANDWIDTH_USED"] == 500
    with rasterio.open(out) as dataset:
        grid = dataset.read(1, masked=True)
        assert dataset.crs.to_epsg() == 27700 and dataset.res == (100.0, 100.0)
        assert dataset.tags()["units"] == "points per square kilometre"
    import geopandas as gpd

    fires = len(gpd.read_file(sample_path, layer="incidents"))
    # the surface inside the borough holds nearly all the fires (per km2 x 0.01 km2 a cell); the rest is the
    # kernel's spill beyond the boundary within 500 m of it, and the 6 fires just outside
    total = float(grid.sum()) * 0.01
    assert 0.93 * fires < total < fires
    assert grid.shape == (80, 90)


def test_heat_surface_weights_and_single_point_bandwidth(tmp_path):
    layer = memory_layer("Point", "calls", [("hurt", QVariant.Int)], [("POINT(1000 1000)", [3])])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "OUTPUT": str(tmp_path / "a.tif")})
    assert "at least two points" in str(raised.value)
    run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "WEIGHT_FIELD": "hurt", "BANDWIDTH": 300,
                                                "CELL_SIZE": 10, "OUTPUT": str(tmp_path / "b.tif")})
    with rasterio.open(tmp_path / "b.tif") as dataset:
        assert float(dataset.read(1).sum()) * 1e-4 == pytest.approx(3.0, rel=1e-6)


def test_heat_surface_refuses_a_geographic_crs(tmp_path):
    layer = memory_layer("Point", "wgs_points", [], [("POINT(-0.1 51.5)", []), ("POINT(-0.2 51.6)", [])], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "OUTPUT": str(tmp_path / "c.tif")})
    assert "geographic CRS" in str(raised.value) and "wgs_points" in str(raised.value)
    assert not (tmp_path / "c.tif").exists()


# --- issue 8: CRS, formats, memory, damaged input, cancel; issue 9: hot-spot bandwidth, units, styled from disk ---

def sample_points(sample_path):
    return sample_path + "|layername=incidents"


def test_points_without_a_crs_are_refused(tmp_path):
    layer = memory_layer("Point", "no_crs_points", [], [("POINT(1000 1000)", []), ("POINT(1500 1200)", [])], crs="")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "OUTPUT": str(tmp_path / "a.tif")})
    assert "no coordinate reference system" in str(raised.value) and "no_crs_points" in str(raised.value)
    assert not (tmp_path / "a.tif").exists()


def test_points_in_degrees_are_reprojected_to_a_projected_boundary(sample_path, tmp_path):
    import geopandas as gpd

    fires = gpd.read_file(sample_path, layer="incidents").to_crs(4326)
    fires.to_file(tmp_path / "wgs84.gpkg", layer="fires")
    run_algorithm("communityrisk:heatsurface", {"INPUT": str(tmp_path / "wgs84.gpkg"), "CELL_SIZE": 100,
                                                "BANDWIDTH": 500, "BOUNDARY": sample_path + "|layername=station_grounds",
                                                "OUTPUT": str(tmp_path / "a.tif")})
    run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "CELL_SIZE": 100,
                                                "BANDWIDTH": 500, "BOUNDARY": sample_path + "|layername=station_grounds",
                                                "OUTPUT": str(tmp_path / "b.tif")})
    with rasterio.open(tmp_path / "a.tif") as a, rasterio.open(tmp_path / "b.tif") as b:
        assert a.crs.to_epsg() == 27700
        assert np.allclose(a.read(1), b.read(1), atol=1e-3 * float(b.read(1, masked=True).max()))


@pytest.mark.parametrize("name", ["heat.png", "heat.asc"])
def test_an_output_that_is_not_a_geotiff_is_refused(sample_path, tmp_path, name):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "OUTPUT": str(tmp_path / name)})
    assert name in str(raised.value) and ".tif" in str(raised.value)
    assert os.listdir(tmp_path) == []


def test_a_grid_too_large_for_memory_is_refused_with_the_figure_before_reading(sample_path, tmp_path):
    import time

    started = time.perf_counter()
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "CELL_SIZE": 0.01,
                                                    "OUTPUT": str(tmp_path / "a.tif")})
    assert time.perf_counter() - started < 5
    message = str(raised.value)
    assert "GB of memory" in message and "cell size of at least" in message
    assert os.listdir(tmp_path) == []


def test_memory_check_figures():
    from community_risk.processing.analysis.kde import check_memory

    assert check_memory((0, 0, 10_000, 8_000), 50.0, 300.0, free=8 * 1024 ** 3) == (160, 200)
    with pytest.raises(AnalysisError) as raised:
        check_memory((0, 0, 10_000, 8_000), 0.5, 300.0, free=1024 ** 3)
    text = str(raised.value)
    assert "20,000 x 16,000 cells of 0.5" in text and "1.0 GB free" in text
    suggested = float(text.split("at least ")[1].split(",")[0].replace(" ", ""))
    check_memory((0, 0, 10_000, 8_000), suggested, 300.0, free=1024 ** 3)  # the suggestion fits


@pytest.mark.parametrize("content", ["empty", "truncated"])
def test_an_empty_or_truncated_geopackage_gets_a_clear_message(sample_path, tmp_path, content):
    data = b"" if content == "empty" else open(sample_path, "rb").read()[:200_000]
    (tmp_path / "fires.gpkg").write_bytes(data)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": str(tmp_path / "fires.gpkg"),
                                                    "OUTPUT": str(tmp_path / "a.tif")})
    assert "fires.gpkg" in str(raised.value) and ("empty (0 bytes)" if content == "empty" else "truncated") \
        in str(raised.value)


def test_default_bandwidth_suits_hot_spots_and_silverman_is_offered(sample_path, tmp_path):
    hot = run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "CELL_SIZE": 100,
                                                      "OUTPUT": str(tmp_path / "hot.tif")})
    smooth = run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "CELL_SIZE": 100,
                                                         "BANDWIDTH_METHOD": 1, "OUTPUT": str(tmp_path / "smooth.tif")})
    assert 150 < hot["BANDWIDTH_USED"] < 500  # a few hundred metres: streets and estates stay apart
    assert smooth["BANDWIDTH_USED"] > 1000  # Silverman's: the whole borough's spread
    with rasterio.open(tmp_path / "hot.tif") as a, rasterio.open(tmp_path / "smooth.tif") as b:
        assert a.read(1).max() > 2 * b.read(1).max()  # hot spots stand out instead of one blob


def test_nearest_neighbour_bandwidth_by_hand():
    from community_risk.processing.analysis.kde import nearest_neighbour_bandwidth

    x = np.arange(30, dtype=float) * 10  # points 10 m apart on a line: the 20th neighbour is 100-200 m away
    assert nearest_neighbour_bandwidth(x, np.zeros(30), k=3) == 20.0  # two at 10 m, then one at 20 m
    assert nearest_neighbour_bandwidth(x, np.zeros(30)) == pytest.approx(np.median(
        [sorted(abs(x - v))[20] for v in x]))


def test_surface_opens_styled_from_disk_with_units_in_the_legend(sample_path, tmp_path):
    from qgis.core import QgsRasterLayer

    out = tmp_path / "fire_heat.tif"
    run_algorithm("communityrisk:heatsurface", {"INPUT": sample_points(sample_path), "POINTS_NAME": "fires",
                                                "CELL_SIZE": 100, "OUTPUT": str(out)})
    assert (tmp_path / "fire_heat.qml").exists()
    layer = QgsRasterLayer(str(out), "heat")
    assert layer.renderer().type() == "singlebandpseudocolor"
    labels = [item.label for item in layer.renderer().shader().rasterShaderFunction().colorRampItemList()]
    assert len(labels) == 5 and all(label.endswith("fires per km²") for label in labels)
    with rasterio.open(out) as dataset:
        assert dataset.descriptions[0] == "fires per km²"


def test_dialog_fields_give_their_units():
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("communityrisk:heatsurface")
    assert "(metres)" in algorithm.parameterDefinition("CELL_SIZE").description()
    assert "metres" in algorithm.parameterDefinition("BANDWIDTH").description()
    help_text = algorithm.shortHelpString()
    assert "Silverman" in help_text and "20th nearest point" in help_text and "per km²" in help_text


def test_cancel_at_half_way_keeps_the_earlier_result(sample_path, tmp_path):
    import hashlib

    from helpers import cancelling_feedback

    params = {"INPUT": sample_points(sample_path), "CELL_SIZE": 100, "OUTPUT": str(tmp_path / "heat.tif")}
    run_algorithm("communityrisk:heatsurface", params)
    before = hashlib.sha256((tmp_path / "heat.tif").read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:heatsurface", params, feedback=cancelling_feedback(50))
    assert hashlib.sha256((tmp_path / "heat.tif").read_bytes()).hexdigest() == before


def test_a_geopackage_written_without_a_crs_is_refused(sample_path, tmp_path):
    import warnings

    import geopandas as gpd

    fires = gpd.read_file(sample_path, layer="incidents").set_crs(None, allow_override=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fires.to_file(tmp_path / "undefined.gpkg")  # QGIS reads it as 'Undefined SRS', in unknown units
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": str(tmp_path / "undefined.gpkg"),
                                                    "OUTPUT": str(tmp_path / "a.tif")})
    assert "no coordinate reference system" in str(raised.value)
    assert not (tmp_path / "a.tif").exists()


def test_negative_weights_are_refused_and_missing_ones_left_out(tmp_path):
    rows = [("POINT(1000 1000)", [2.0]), ("POINT(1100 1000)", [None]), ("POINT(1200 1000)", [float("inf")])]
    layer = memory_layer("Point", "calls", [("hurt", QVariant.Double)], rows)
    result = run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "WEIGHT_FIELD": "hurt", "BANDWIDTH": 300,
                                                         "CELL_SIZE": 10, "OUTPUT": str(tmp_path / "a.tif")})
    with rasterio.open(result["OUTPUT"]) as dataset:
        assert float(dataset.read(1).sum()) * 1e-4 == pytest.approx(2.0, rel=1e-6)  # only the usable weight
    negative = memory_layer("Point", "calls", [("hurt", QVariant.Double)], rows[:1] + [("POINT(900 900)", [-1.0])])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": negative, "WEIGHT_FIELD": "hurt", "BANDWIDTH": 300,
                                                    "OUTPUT": str(tmp_path / "b.tif")})
    assert "negative" in str(raised.value) and "hurt" in str(raised.value)


def test_weights_on_multipoints_are_refused_clearly(tmp_path):
    layer = memory_layer("MultiPoint", "multi", [("hurt", QVariant.Double)],
                         [("MULTIPOINT((1000 1000), (1100 1000))", [2.0]), ("MULTIPOINT((1200 1000))", [1.0])])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "WEIGHT_FIELD": "hurt", "BANDWIDTH": 300,
                                                    "OUTPUT": str(tmp_path / "a.tif")})
    assert "Multipart to Singleparts" in str(raised.value)
    run_algorithm("communityrisk:heatsurface", {"INPUT": layer, "BANDWIDTH": 300, "CELL_SIZE": 10,
                                                "OUTPUT": str(tmp_path / "b.tif")})
    with rasterio.open(tmp_path / "b.tif") as dataset:
        assert float(dataset.read(1).sum()) * 1e-4 == pytest.approx(3.0, rel=1e-6)  # every part counts
