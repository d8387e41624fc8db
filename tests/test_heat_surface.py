"""Heat surface: a quartic-kernel density that keeps the number of points, clipped and weighted."""
import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis.kde import default_bandwidth, density_grid, quartic_kernel
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


def test_default_bandwidth_follows_silvermans_rule():
    rng = np.random.default_rng(1)
    x, y = rng.normal(0, 1000, 4096), rng.normal(0, 1000, 4096)
    assert default_bandwidth(x, y) == pytest.approx(2.78 * 1000 * 4096 ** (-1 / 6), rel=0.05)
    with pytest.raises(AnalysisError):
        default_bandwidth([1.0], [2.0])


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
