"""Paths, layer builders and runners shared by the tests (the QgsApplication lives in conftest)."""
import os

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKGROOT = os.path.join(REPO, ".build", "pkgroot")
SAMPLE = os.path.join(REPO, "resources", "sample", "sample_borough.gpkg")
SAMPLE_TRUTH = os.path.join(REPO, "resources", "sample", "sample_truth.json")
LONDON = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "london"))
QGIS_PROCESS = os.path.join(REPO, ".build", "qgis_process")


def memory_layer(geometry, name, fields, rows, crs="EPSG:27700"):
    """A memory layer from (wkt, [attributes]) rows; fields is [(name, QVariant type)]."""
    layer = QgsVectorLayer("{}?crs={}".format(geometry, crs), name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def two_squares(ids=("A", "B")):
    """Two 100 m squares side by side sharing the edge x = 100."""
    return memory_layer("Polygon", "squares", [("code", QVariant.String)], [
        ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", [ids[0]]),
        ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", [ids[1]]),
    ])


def points(xy_dates, name="fires", crs="EPSG:27700", date_type=QVariant.String):
    return memory_layer("Point", name, [("when", date_type)],
                        [("POINT({} {})".format(x, y), [d]) for x, y, d in xy_dates], crs=crs)


def london_file(name):
    """Path of a file in ../shared/data/london, or skip the test saying what is missing."""
    path = os.path.join(LONDON, name)
    if not os.path.exists(path):
        pytest.skip("real London data not found at {} (CI has ../shared beside the clone)".format(path))
    return path


def run_algorithm(algorithm_id, parameters, feedback=None):
    """Run an algorithm through QGIS's processing.run, as the toolbox and models do."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    return processing.run(algorithm_id, parameters, context=context,
                          feedback=feedback or QgsProcessingFeedback())


def ensure_provider():
    from qgis.core import QgsApplication

    from community_risk.processing.provider import CommunityRiskProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("communityrisk")
    if existing is not None:
        return existing
    provider = CommunityRiskProvider()
    registry.addProvider(provider)
    _KEEP_ALIVE.append(provider)  # the registry holds the C++ side; Python must hold the rest
    return provider


_KEEP_ALIVE = []


def cancelling_feedback(at_percent=50.0):
    """A feedback that cancels the run once its progress reaches at_percent, as a user pressing Cancel
    would (the signal fires for progress set from C++, e.g. by multi-step feedback, too)."""
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()

    def maybe_cancel(progress):
        if progress >= at_percent and not feedback.isCanceled():
            feedback.cancel()

    feedback.progressChanged.connect(maybe_cancel)
    return feedback


def count_sample_incidents(sample_path, folder):
    """The sample's incidents counted per area and per year into folder/counts.gpkg (a fire-model input)."""
    out = os.path.join(str(folder), "counts.gpkg")
    ensure_provider()
    run_algorithm("communityrisk:countincidents", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
        "INCIDENTS": sample_path + "|layername=incidents", "DATE_FIELD": "date", "PER_YEAR": True,
        "OUTPUT": out})
    return out


def sample_fire_risk(sample_path, folder):
    """The sample's fire risk per area (all incidents counted, the model fitted over the 8 years they cover) into
    folder/risk.gpkg, beside folder/counts.gpkg: the input of priority postcodes and the map book."""
    folder = str(folder)
    ensure_provider()
    run_algorithm("communityrisk:countincidents", {"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
                                                   "INCIDENTS": sample_path + "|layername=incidents",
                                                   "OUTPUT": os.path.join(folder, "counts.gpkg")})
    risk = os.path.join(folder, "risk.gpkg")
    run_algorithm("communityrisk:fitfireriskmodel", {"INPUT": os.path.join(folder, "counts.gpkg"),
                                                     "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households",
                                                     "YEARS": 8, "OUTPUT": risk})
    return risk


def private_qgis_profile(folder):
    """The environment for a qgis_process run in a throw-away QGIS profile under folder, with this checkout's plugin
    linked and enabled (the default profile points at whichever checkout ran `make setup` last)."""
    import subprocess

    if not os.path.exists(QGIS_PROCESS):
        pytest.fail("{} is missing: run `make setup` (make test does)".format(QGIS_PROCESS))
    plugins = os.path.join(str(folder), "profiles", "default", "python", "plugins")
    os.makedirs(plugins)
    os.symlink(REPO, os.path.join(plugins, "community_risk"))
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(folder), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([QGIS_PROCESS, "plugins", "enable", "community_risk"], env=env, capture_output=True,
                          text=True, cwd="/", timeout=300)
    if done.returncode != 0:
        raise AssertionError("qgis_process could not enable the plugin:\n{}\n{}".format(done.stdout, done.stderr))
    return env


def north_and_south(areas, folder):
    """The sample's areas split in two layers, north.gpkg (fid <= 240) and south.gpkg, in folder: two batch rows."""
    names = []
    for name, expression in (("north", "fid <= 240"), ("south", "fid > 240")):
        run_algorithm("native:extractbyexpression", {"INPUT": areas, "EXPRESSION": expression,
                                                     "OUTPUT": str(folder / (name + ".gpkg"))})
        names.append(name)
    return names


_BATCH_CONTEXTS = []  # a batch dialog's context must outlive its run


def filled_batch_dialog(qtbot, algorithm, rows):
    """QGIS's batch dialog for `algorithm`, layers not loaded on completion, one row per item of `rows`: each a pair
    (inputs: {parameter: value}, outputs: {output parameter: path})."""
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects

    dialog = BatchAlgorithmDialog(algorithm, parent=None)
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    panel.checkLoadLayersOnCompletion.setChecked(False)
    while panel.batchRowCount() < len(rows):
        panel.addRow()
    context = dataobjects.createContext()
    _BATCH_CONTEXTS.append(context)
    for row, (inputs, outputs) in enumerate(rows):
        for parameter, value in inputs.items():
            panel.wrappers[row][panel.parameter_to_column[parameter]].setParameterValue(value, context)
        for output, path in outputs.items():
            panel.tblParameters.cellWidget(row + 1, panel.parameter_to_column[output]).setValue(str(path))
    return dialog


def logging_feedback():
    """A feedback that keeps every info and warning line a run pushes (feedback.lines), as the log panel shows them."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)
            super().pushInfo(text)

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)
            super().pushWarning(text)

    return Log()


def sample_homes_and_claimants(folder, n_homes):
    """EPC certificates generated on the sample borough's postcodes, loaded by Load EPC certificates into
    folder/homes.gpkg, and housing benefit claimants of those homes in folder/claimants.csv."""
    import geopandas as gpd

    from community_risk.processing.analysis import epc
    from community_risk.synthetic import claimants, epc_certificates

    ensure_provider()
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")
    epc_certificates.generate_certificates(postcodes, None, n_homes=n_homes).to_csv(folder / "certificates.csv",
                                                                                    index=False)
    run_algorithm("communityrisk:loadepc", {
        "INPUT": str(folder / "certificates.csv"), "POSTCODES": "{}|layername=postcodes".format(SAMPLE),
        "POSTCODE_FIELD": "postcode", "OUTPUT": str(folder / "homes.gpkg")})
    homes, _ = epc.load_certificates(epc.read_certificates(str(folder / "certificates.csv")))
    claimants.generate_claimants(homes)[0].to_csv(folder / "claimants.csv", index=False)
