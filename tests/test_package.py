"""`make package`: a zip that installs and runs in a QGIS profile on its own."""
import configparser
import os
import subprocess
import sys
import zipfile

from helpers import QGIS_PROCESS, REPO


def build(tmp_path):
    done = subprocess.run([sys.executable, os.path.join(REPO, "scripts", "package.py"), str(tmp_path)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split("written to ")[-1].strip()


def test_zip_holds_the_plugin_and_nothing_else(tmp_path):
    path = build(tmp_path)
    names = zipfile.ZipFile(path).namelist()
    assert all(n.startswith("community_risk/") for n in names)
    for needed in ("metadata.txt", "__init__.py", "plugin/main.py", "processing/provider.py",
                   "processing/analysis/counting.py", "i18n/community_risk_cy.qm",
                   "resources/icons/community_risk.png", "resources/sample/sample_borough.gpkg", "LICENSE"):
        assert "community_risk/" + needed in names, needed
    for unwanted in ("tests/", ".venv/", ".build/", "scripts/", "__pycache__", ".git/", "Makefile", "synthetic/"):
        assert not any(unwanted in n for n in names), unwanted
    # no synthetic-data generator ships in the plugin (issue 8)
    code = "".join(zipfile.ZipFile(path).read(n).decode("utf-8", "replace") for n in names if n.endswith(".py"))
    for generator in ("def generate_certificates", "def generate_claimants", "FORENAMES", "TRUE_COEFFICIENTS"):
        assert generator not in code, generator


def test_metadata_is_complete_for_the_plugin_repository():
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(REPO, "metadata.txt"), encoding="utf-8")
    general = metadata["general"]
    for key in ("name", "description", "about", "version", "qgisMinimumVersion", "author", "email", "tags",
                "icon", "hasProcessingProvider", "experimental", "changelog", "repository", "tracker"):
        assert general.get(key, "").strip(), key
    assert general["name"] == "Community Risk Toolkit"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert os.path.exists(os.path.join(REPO, general["icon"]))


def test_unzipped_plugin_runs_in_a_fresh_profile(tmp_path, sample_path):
    path = build(tmp_path / "dist")
    config = tmp_path / "config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(path).extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen")
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "community_risk"], env=env, check=True,
                   capture_output=True, cwd="/")
    sample = plugins / "community_risk" / "resources" / "sample" / "sample_borough.gpkg"
    done = subprocess.run([QGIS_PROCESS, "run", "communityrisk:countincidents", "--",
                           "AREAS={}|layername=areas".format(sample), "AREA_ID=area_code",
                           "INCIDENTS={}|layername=incidents".format(sample),
                           "OUTPUT={}".format(tmp_path / "counts.gpkg")],
                          env=env, capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OUTSIDE:\t6" in done.stdout
