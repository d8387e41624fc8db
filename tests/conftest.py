"""Test set-up: one QgsApplication for the session, in a throw-away QGIS profile, with QGIS's own
`processing` package and the plugin imported as `community_risk` (never a bare `processing`)."""
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from helpers import PKGROOT, REPO, SAMPLE, SAMPLE_TRUTH, ensure_provider  # tests/ is on sys.path (pytest.ini)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QgsSettings written by tests go to a temporary profile, never the user's own.
CONFIG_DIR = tempfile.mkdtemp(prefix="community_risk_qgis_profile_")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = CONFIG_DIR

if not os.path.isdir(os.path.join(PKGROOT, "community_risk")):
    os.makedirs(PKGROOT, exist_ok=True)
    os.symlink(REPO, os.path.join(PKGROOT, "community_risk"))
if PKGROOT not in sys.path:
    sys.path.insert(0, PKGROOT)
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
if QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)

from qgis.core import QgsApplication  # noqa: E402

_app = QgsApplication([], True)
_app.initQgis()


def pytest_configure(config):
    import processing  # QGIS's own package, which must not be shadowed by ours
    from processing.core.Processing import Processing

    assert os.path.realpath(processing.__file__).startswith(QGIS_PLUGINS), processing.__file__
    Processing.initialize()


def pytest_unconfigure(config):
    shutil.rmtree(CONFIG_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def qgis_app():
    return _app


@pytest.fixture(autouse=True)
def provider(qgis_app):
    """Our provider in the registry for every test, as the plugin would register it (the plugin tests'
    own fixture removes it to start clean)."""
    return ensure_provider()


@pytest.fixture(scope="session")
def sample_path():
    if not os.path.exists(SAMPLE):
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "make_sample.py")], check=True,
                       env=dict(os.environ, PYTHONPATH=PKGROOT))
    return SAMPLE


@pytest.fixture(scope="session")
def sample_truth(sample_path):
    import json

    with open(SAMPLE_TRUTH, encoding="utf-8") as handle:
        return json.load(handle)
