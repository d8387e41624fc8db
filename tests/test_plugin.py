"""The plugin loads into QGIS, adds its menu, toolbar and provider, and unloads without a trace."""
import os
import subprocess
import sys

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from helpers import PKGROOT


class StandInInterface:
    """The parts of QgisInterface the plugin uses, on a real QMainWindow."""

    def __init__(self):
        self.window = QMainWindow()
        help_menu = self.window.menuBar().addMenu("Help")
        help_menu.setObjectName("mHelpMenu")

    def mainWindow(self):  # noqa: N802
        return self.window

    def addToolBar(self, name):  # noqa: N802
        return self.window.addToolBar(name)


@pytest.fixture
def iface(qtbot):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("communityrisk") is not None:  # left by other tests' fixture
        registry.removeProvider("communityrisk")
    interface = StandInInterface()
    qtbot.addWidget(interface.window)
    return interface


def load(iface):
    import community_risk

    plugin = community_risk.classFactory(iface)
    plugin.initGui()
    return plugin


def test_initgui_adds_menu_toolbar_and_provider(iface):
    plugin = load(iface)
    try:
        menu_titles = [a.text() for a in iface.window.menuBar().actions()]
        assert menu_titles == ["Community Risk", "Help"]  # ours goes just before Help
        menu = iface.window.menuBar().actions()[0].menu()
        groups = {a.text(): [b.text() for b in a.menu().actions()] for a in menu.actions()}
        assert list(groups)[:2] == ["Data preparation", "Fire risk"]  # in the design's order, empty groups left out
        assert groups["Data preparation"] == ["Build factors", "Count incidents per area"]
        assert "Fit fire risk model" in groups["Fire risk"]
        toolbar = iface.window.findChild(QToolBar, "mCommunityRiskToolBar")
        button = toolbar.findChild(QToolButton, "mCommunityRiskButton")
        assert button.menu() is menu
        provider = QgsApplication.processingRegistry().providerById("communityrisk")
        assert provider is not None and provider.algorithms()
    finally:
        plugin.unload()


def test_menu_action_opens_the_algorithm_dialog(iface, monkeypatch):
    import processing

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg_id, *a, **k: opened.append(alg_id))
    plugin = load(iface)
    try:
        data_preparation = iface.window.menuBar().actions()[0].menu().actions()[0].menu()
        action = [a for a in data_preparation.actions() if a.text() == "Count incidents per area"][0]
        action.trigger()
        assert opened == ["communityrisk:countincidents"]
    finally:
        plugin.unload()


def test_loading_and_unloading_twice_leaves_nothing_behind(iface, qapp):
    window = iface.window
    providers_before = sorted(p.id() for p in QgsApplication.processingRegistry().providers())
    for _ in range(2):
        plugin = load(iface)
        assert "communityrisk" in [p.id() for p in QgsApplication.processingRegistry().providers()]
        plugin.unload()
        qapp.processEvents()
        from qgis.PyQt.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        assert [a.text() for a in window.menuBar().actions()] == ["Help"]
        assert window.findChildren(QToolBar) == []
        assert [m.objectName() for m in window.findChildren(QMenu)] == ["mHelpMenu"]
        assert sorted(p.id() for p in QgsApplication.processingRegistry().providers()) == providers_before
        assert plugin.translator is None and plugin.provider is None


def test_qgis_process_entry_point_registers_only_the_provider(iface):
    """qgis_process creates the plugin with no interface and calls initProcessing()."""
    import community_risk

    plugin = community_risk.classFactory(None)
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    try:
        ids = [p.id() for p in QgsApplication.processingRegistry().providers()]
        assert ids.count("communityrisk") == 1
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("communityrisk") is None


def test_start_up_imports_no_heavy_package():
    """Importing the plugin and running initGui must not import geopandas, statsmodels or rasterio."""
    code = """
import sys
from qgis.core import QgsApplication
app = QgsApplication([], True); app.initQgis()
from qgis.PyQt.QtWidgets import QMainWindow
class Iface:
    def __init__(self): self.w = QMainWindow()
    def mainWindow(self): return self.w
    def addToolBar(self, name): return self.w.addToolBar(name)
import community_risk
plugin = community_risk.classFactory(Iface()); plugin.initGui()
heavy = [m for m in ("geopandas", "statsmodels", "rasterio", "pandas", "sklearn", "shapely", "fiona")
         if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
"""
    env = dict(os.environ, PYTHONPATH=PKGROOT, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd="/",
                         timeout=120)
    assert "HEAVY:" in out.stdout, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:", out.stdout
