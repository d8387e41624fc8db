"""One GDAL per process (issue 13). QGIS runs Debian's libgdal; a wheel that bundles its own (rasterio's,
pyogrio's, fiona's) would put a second one beside it, a crash waiting for a driver or a PROJ database to
disagree. The algorithms that touch rasters run through the real qgis_process, and the process's own memory
map, copied when it exits (tests/maps_at_exit.py), must hold exactly one libgdal: the system's."""
import os
import re
import shutil
import subprocess
import sys

import pytest

from helpers import QGIS_PROCESS, REPO, private_qgis_profile

MAPS_HOOK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "maps_at_exit.py")
SAMPLE_DIR = os.path.join(REPO, "resources", "sample")
LIBGDAL = re.compile(r"/libgdal[^/]*\.so[^/]*$")


def mapped_files(maps_text):
    """The paths of the files mapped into a process, from the text of /proc/<pid>/maps."""
    paths = set()
    for line in maps_text.splitlines():
        fields = line.split(None, 5)
        if len(fields) == 6 and fields[5].startswith("/"):
            paths.add(fields[5].strip())
    return paths


def gdal_libraries(paths):
    return sorted(path for path in paths if LIBGDAL.search(path))


def system_libgdal():
    from osgeo import gdal

    with open("/proc/self/maps", encoding="utf-8") as maps:
        found = [p for p in gdal_libraries(mapped_files(maps.read())) if "site-packages" not in p]
    assert found, "osgeo.gdal {} mapped no libgdal".format(gdal.__version__)
    return found[0]


def test_the_parser_finds_each_gdal_once():
    maps = "\n".join([
        "7f00-7f01 r--p 00000000 08:01 1 /usr/lib/x86_64-linux-gnu/libgdal.so.32.3.6.2",
        "7f01-7f02 r-xp 00001000 08:01 1 /usr/lib/x86_64-linux-gnu/libgdal.so.32.3.6.2",
        "7f02-7f03 r--p 00000000 08:01 2 /v/site-packages/rasterio.libs/libgdal-rasterio-40212d0b.so.35.3.9.3",
        "7f03-7f04 rw-p 00000000 00:00 0 ",
        "7f04-7f05 r--p 00000000 08:01 3 /usr/lib/python3/dist-packages/osgeo/_gdal.cpython-311-x86_64-linux-gnu.so",
        "7f05-7f06 r--p 00000000 00:00 0 [heap]"])
    assert gdal_libraries(mapped_files(maps)) == [
        "/usr/lib/x86_64-linux-gnu/libgdal.so.32.3.6.2",
        "/v/site-packages/rasterio.libs/libgdal-rasterio-40212d0b.so.35.3.9.3"]


@pytest.fixture(scope="module")
def qgis_process_maps(tmp_path_factory):
    """Run an algorithm through qgis_process; return (the finished process, the files mapped into it at exit)."""
    config = tmp_path_factory.mktemp("one_gdal_qgis_config")
    env = private_qgis_profile(config)

    def run(algorithm, parameters):
        maps = config / "maps_{}.txt".format(algorithm)
        args = [QGIS_PROCESS, "run", "communityrisk:" + algorithm, "--"]
        args += ["{}={}".format(key, value) for key, value in parameters.items()]
        done = subprocess.run(args, capture_output=True, text=True, cwd="/", timeout=300,
                              env=dict(env, PYQGIS_STARTUP=MAPS_HOOK, COMMUNITY_RISK_MAPS_OUT=str(maps)))
        assert done.returncode == 0, "{} failed:\n{}\n{}".format(algorithm, done.stdout, done.stderr)
        assert maps.exists(), "the exit hook wrote no memory map: is PYQGIS_STARTUP still honoured?"
        return done, mapped_files(maps.read_text(encoding="utf-8"))

    yield run
    shutil.rmtree(config, ignore_errors=True)


def assert_one_system_gdal(paths):
    # the hook really ran in the process that ran the algorithm: the plugin's Python packages are mapped
    assert any("/shapely/" in path for path in paths), sorted(paths)[:20]
    assert gdal_libraries(paths) == [system_libgdal()]


def test_build_factors_with_a_raster_maps_one_gdal(qgis_process_maps, sample_path, tmp_path):
    import pyogrio

    out = tmp_path / "factors.gpkg"
    done, paths = qgis_process_maps("buildfactors", {
        "AREAS": "{}|layername=areas".format(sample_path), "AREA_ID": "area_code",
        "HOUSEHOLDS_FIELD": "households", "RASTERS": os.path.join(SAMPLE_DIR, "sample_impervious.tif"),
        "OUTPUT": str(out)})
    table = pyogrio.read_dataframe(str(out), read_geometry=False)
    assert table["sample_impervious_mean"].notna().all()
    assert_one_system_gdal(paths)


def test_heat_surface_maps_one_gdal(qgis_process_maps, sample_path, tmp_path):
    out = tmp_path / "heat.tif"
    done, paths = qgis_process_maps("heatsurface", {
        "INPUT": "{}|layername=incidents".format(sample_path), "CELL_SIZE": 100, "BANDWIDTH": 400,
        "BOUNDARY": "{}|layername=areas".format(sample_path), "OUTPUT": str(out)})
    assert out.exists()
    assert_one_system_gdal(paths)


def test_the_venv_geospatial_packages_use_the_system_gdal():
    """Tests, benchmarks and the sample generator use pyogrio and rasterio beside QGIS in one process:
    `make setup` builds them against Debian's libgdal, so they load QGIS's own."""
    code = ("import pyogrio, rasterio, geopandas; from osgeo import gdal; "
            "print(open('/proc/self/maps').read())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert gdal_libraries(mapped_files(done.stdout)) == [system_libgdal()]

