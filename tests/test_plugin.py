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
        groups = {a.text(): [b.text() for b in a.menu().actions()] for a in menu.actions() if a.menu()}
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


def test_menu_bar_shows_the_title_and_every_entry_says_what_it_does(iface):
    plugin = load(iface)
    try:
        iface.window.show()
        menu_bar = iface.window.menuBar()
        entry = menu_bar.actions()[0]
        # A menu bar draws an action's icon instead of its text: the entry must carry no icon, and its
        # cell must be wide enough for the words.
        assert entry.icon().isNull()
        assert menu_bar.actionGeometry(entry).width() >= menu_bar.fontMetrics().horizontalAdvance("Community Risk")
        provider = QgsApplication.processingRegistry().providerById("communityrisk")
        actions = {}
        for group in entry.menu().actions():
            if group.menu() is not None:
                actions.update({a.text(): a for a in group.menu().actions()})
        assert sorted(actions) == sorted(a.displayName() for a in provider.algorithms())
        count = actions["Count incidents per area"]
        assert count.statusTip() == ("Counts incident points (fires, calls, visits) in each area polygon, ready "
                                     "for the fire-risk model.")
        assert count.toolTip() == "<p>" + count.statusTip() + "</p>"
        for name, action in actions.items():
            assert len(action.statusTip()) > len(name) + 20 and "\n" not in action.statusTip(), name
        button = iface.window.findChild(QToolBar, "mCommunityRiskToolBar").findChild(QToolButton, "mCommunityRiskButton")
        assert "open one of its algorithms" in button.toolTip() and button.statusTip()
        packages = [a for a in entry.menu().actions() if a.objectName() == "mCommunityRiskPackages"][0]
        assert "versions" in packages.statusTip()
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


# --- the package check: one check, one friendly message, on every path -------------------------------

@pytest.fixture
def without_shapely(monkeypatch):
    """Python as it is when shapely is not installed (find_spec finds nothing)."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "shapely" else real(name, *a))


def installed_versions(monkeypatch, **versions):
    """Python as it is when these distributions are installed at these versions (the rest as they are)."""
    import importlib.metadata

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: versions.get(name) or real(name))


def test_missing_package_from_the_menu_gives_the_message_not_a_traceback(iface, monkeypatch, without_shapely, qtbot):
    import processing
    from qgis.PyQt.QtWidgets import QMessageBox

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg_id, *a, **k: opened.append(alg_id))
    plugin = load(iface)
    try:
        data_preparation = iface.window.menuBar().actions()[0].menu().actions()[0].menu()
        [a for a in data_preparation.actions() if a.text() == "Count incidents per area"][0].trigger()
        assert opened == []  # the dialog never opens, so nothing can fail half-way with a traceback
        box = iface.window.findChild(QMessageBox, "mCommunityRiskMessage")
        assert box.isVisible() and box.windowTitle() == "Count incidents per area cannot run"
        assert "shapely: not installed." in box.text()
        assert 'pip install "shapely>=2.0"' in box.text()
        assert "Traceback" not in box.text() and "ModuleNotFoundError" not in box.text()
        box.close()
    finally:
        plugin.unload()


def test_too_old_package_from_the_menu_gives_the_message(iface, monkeypatch):
    import processing
    from qgis.PyQt.QtWidgets import QMessageBox

    installed_versions(monkeypatch, shapely="1.8.0")  # Debian/Ubuntu's python3-shapely on older releases
    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg_id, *a, **k: opened.append(alg_id))
    plugin = load(iface)
    try:
        plugin.open_algorithm("communityrisk:heatsurface")
        assert opened == []
        box = iface.window.findChild(QMessageBox, "mCommunityRiskMessage")
        assert "shapely: version 1.8.0 is installed, but 2.0 or later is needed." in box.text()
        assert "shapely 2" in box.text()  # the reason
        box.close()
    finally:
        plugin.unload()


def test_can_execute_gives_the_same_message_as_the_menu(monkeypatch, provider):
    installed_versions(monkeypatch, shapely="1.8.0", numpy="2.1.3")
    ok, message = provider.algorithm("countincidents").create().canExecute()
    assert not ok
    assert message.splitlines()[0] == "This algorithm needs Python packages which this QGIS cannot use:"
    assert "numpy: version 2.1.3 is installed, but it must be older than 2. Why: QGIS's GDAL" in message
    assert "shapely: version 1.8.0 is installed, but 2.0 or later is needed." in message
    # no '<' (the toolbox shows the message as HTML); numpy~=1.22 means 1.22 or later, below 2
    assert 'pip install "numpy~=1.22" "shapely>=2.0"' in message and "<" not in message
    assert "pandas" not in message  # only what is wrong


def test_can_execute_passes_with_the_pinned_packages(provider):
    from community_risk.processing.provider import ALGORITHM_CLASSES

    for algorithm_class in ALGORITHM_CLASSES:
        assert provider.algorithm(algorithm_class.ALGORITHM_ID).create().canExecute() == (True, "")


def test_processing_run_refuses_with_the_message_before_writing(monkeypatch, without_shapely, sample_path, tmp_path):
    """processing.run (and models) never ask canExecute: the same check runs when the algorithm is prepared."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from helpers import run_algorithm

    out = tmp_path / "counts.gpkg"
    feedback = QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException):
        run_algorithm("communityrisk:countincidents", {
            "AREAS": "{}|layername=areas".format(sample_path), "AREA_ID": "area_code",
            "INCIDENTS": "{}|layername=incidents".format(sample_path), "OUTPUT": str(out)}, feedback=feedback)
    assert "shapely: not installed." in feedback.textLog()
    assert "Traceback" not in feedback.textLog()
    assert not out.exists()


def test_version_comparison():
    from community_risk.plugin.dependencies import older, version_tuple

    assert version_tuple("1.26.4rc1") == (1, 26, 4) and version_tuple("dev") is None
    assert older("1.8.0", "2.0") and not older("2.0", "2.0") and not older("2.0.7", "2")
    assert older("0.9", "0.13") and not older("unknown", "2")


def test_qgis_process_with_too_old_shapely_says_so(sample_path, tmp_path):
    """The real qgis_process, with a shapely 1.8 installed ahead of the pinned one on its Python path."""
    site = tmp_path / "site"
    (site / "shapely").mkdir(parents=True)
    (site / "shapely" / "__init__.py").write_text("")
    (site / "shapely-1.8.0.dist-info").mkdir()
    (site / "shapely-1.8.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: shapely\nVersion: 1.8.0\n")
    config = tmp_path / "config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    os.symlink(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), plugins / "community_risk")
    venv_site = [p for p in sys.path if p.endswith("site-packages") and ".venv" in p]
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(site)] + venv_site))
    binary = "/usr/bin/qgis_process.bin"
    if not os.path.exists(binary):
        pytest.skip("Debian's qgis_process.bin is not installed")
    subprocess.run([binary, "plugins", "enable", "community_risk"], env=env, capture_output=True, timeout=120)
    out = tmp_path / "counts.gpkg"
    done = subprocess.run([binary, "run", "communityrisk:countincidents", "--",
                           "AREAS={}|layername=areas".format(sample_path), "AREA_ID=area_code",
                           "INCIDENTS={}|layername=incidents".format(sample_path), "OUTPUT={}".format(out)],
                          env=env, capture_output=True, text=True, cwd="/", timeout=300)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "shapely: version 1.8.0 is installed, but 2.0 or later is needed." in output
    assert "Traceback" not in output
    assert not out.exists()


def test_welsh_covers_every_interface_label(iface, monkeypatch):
    """What metadata.txt and the README promise: in Welsh, the menu, the groups, every algorithm's name
    and every parameter label (help texts and most messages stay in English)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from community_risk.plugin.translation import I18N_DIR
    from community_risk.processing.provider import ALGORITHM_CLASSES

    def labels():
        found = {}
        for algorithm_class in ALGORITHM_CLASSES:
            algorithm = algorithm_class()
            algorithm.initAlgorithm()
            found[algorithm_class.ALGORITHM_ID] = algorithm.displayName()
            found.update({"{}.{}".format(algorithm_class.ALGORITHM_ID, d.name()): d.description()
                          for d in algorithm.parameterDefinitions()})
        return found

    english = labels()
    translator = QTranslator()
    assert translator.load(os.path.join(I18N_DIR, "community_risk_cy.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        welsh = labels()
        plugin = load(iface)
        try:
            menu = iface.window.menuBar().actions()[0].menu()
            entries = [a.text() for a in menu.actions() if a.text()]
        finally:
            plugin.unload()
    finally:
        QCoreApplication.removeTranslator(translator)
    untranslated = sorted(key for key in english if welsh[key] == english[key])
    assert untranslated == []
    import configparser

    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(I18N_DIR, "..", "metadata.txt"), encoding="utf-8")
    assert "Welsh translation: the interface labels only" in metadata["general"]["about"]
    assert entries == ["Paratoi data", "Risg tân", "Targedu", "Iechyd a thai", "Safonau tai", "Adroddiadau",
                       "Pecynnau Python…"]


def test_python_packages_entry_lists_each_package_and_what_is_wrong(iface, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    from community_risk.plugin.dependencies import REQUIREMENTS

    installed_versions(monkeypatch, pandas="1.5.3")  # Debian 12's python3-pandas
    plugin = load(iface)
    try:
        [a for a in iface.window.menuBar().actions()[0].menu().actions()
         if a.objectName() == "mCommunityRiskPackages"][0].trigger()
        box = iface.window.findChild(QMessageBox, "mCommunityRiskMessage")
        lines = box.text().splitlines()
        assert [line.split(":")[0] for line in lines] == list(REQUIREMENTS)
        assert "pandas: version 1.5.3 is installed, but 2.0 or later is needed." in lines[1]
        import importlib.metadata

        assert lines[2] == "shapely: {}, usable.".format(importlib.metadata.version("shapely"))
        box.close()
    finally:
        plugin.unload()
