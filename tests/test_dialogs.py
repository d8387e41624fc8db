"""Every algorithm's Processing dialog, as a GIS officer meets it in the QGIS desktop: it opens, every
parameter has its widget, the values it shows before anyone types are sensible, and with the sample
borough's layers chosen (as scripts/demo.sh chooses them) and every other field left as shown, the
parameters the dialog builds run without error.

The dialog is QGIS's own processing.gui.AlgorithmDialog, and the run is its Run button's: the parameters
the dialog builds, its checks, its background task and its log.
"""
import datetime
from collections import defaultdict
import os
import re

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from community_risk.processing.provider import ALGORITHM_CLASSES
from helpers import SAMPLE, ensure_provider, filled_batch_dialog, north_and_south, run_algorithm

ALGORITHM_IDS = [c.ALGORITHM_ID for c in ALGORITHM_CLASSES]
SECRET = "dialog-test secret, 16+ characters"


def layer(name):
    return "{}|layername={}".format(SAMPLE, name)


def open_dialog(qtbot, algorithm_id):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id)
    assert algorithm.createCustomParametersWidget(None) is None  # so AlgorithmDialog is the dialog users see
    dialog = AlgorithmDialog(algorithm, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown_values(dialog):
    """What each input widget holds, as the dialog would pass it on."""
    return {name: wrapper.parameterValue() for name, wrapper in dialog.mainWidget().wrappers.items()}


def as_python(value):
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


def press_run(qtbot, monkeypatch, dialog, log_path):
    """Press Run: QGIS's own AlgorithmDialog.runAlgorithm (its checks, its background task, its log, the
    command it adds to the processing history, the layers it loads); returns the dialog's log once the run
    has ended. A question or warning box the dialog would open fails the test instead of waiting."""
    from processing.gui import AlgorithmDialog as dialog_module
    from qgis.core import QgsProject

    def unexpected_box(*args, **kwargs):
        raise AssertionError("the dialog asked: {}".format(args[1:3]))

    monkeypatch.setattr(dialog_module.QMessageBox, "question", staticmethod(unexpected_box))
    monkeypatch.setattr(dialog_module.QMessageBox, "warning", staticmethod(unexpected_box))

    def dialog_log():
        dialog.saveLogToFile(str(log_path), dialog_module.AlgorithmDialog.FormatPlainText)
        return log_path.read_text(encoding="utf-8")

    before = set(QgsProject.instance().mapLayers())
    dialog.runAlgorithm()
    qtbot.waitUntil(lambda: "Execution completed" in dialog_log() or "Execution failed" in dialog_log(),
                    timeout=300000)
    loaded = {}
    for layer_id in set(QgsProject.instance().mapLayers()) - before:  # the outputs the dialog loaded
        layer = QgsProject.instance().mapLayer(layer_id)
        loaded[layer.source().split("|")[0]] = layer.renderer().type() if layer.renderer() else None
        QgsProject.instance().removeMapLayer(layer_id)
    return dialog_log(), loaded


def saved_renderer(path):
    """The renderer type of the style saved beside an output (<file>.qml), or None."""
    qml = os.path.splitext(path)[0] + ".qml"
    if not os.path.exists(qml):
        return None
    with open(qml, encoding="utf-8") as handle:
        match = re.search(r'<(?:renderer-v2|rasterrenderer)[^>]* type="([^"]+)"', handle.read())
    return match.group(1) if match else None


# --- every dialog opens, with a widget per parameter ---------------------------------------------------

@pytest.mark.parametrize("algorithm_id", ALGORITHM_IDS)
def test_every_dialog_opens_with_a_widget_per_parameter(qtbot, algorithm_id):
    dialog = open_dialog(qtbot, algorithm_id)
    assert dialog.isVisible() and dialog.windowTitle() == dialog.algorithm().displayName()
    names = {d.name() for d in dialog.algorithm().parameterDefinitions()}
    assert set(dialog.mainWidget().wrappers) == names


# --- the values shown before anyone types -------------------------------------------------------------

@pytest.mark.parametrize("algorithm_id", ALGORITHM_IDS)
def test_no_date_field_shows_today_unasked(qtbot, algorithm_id):
    """A date parameter without a default shows today's date, and the dialog then runs with it: a window
    that ends (or starts) today, which no user chose. Each date must be empty or have a chosen default."""
    dialog = open_dialog(qtbot, algorithm_id)
    values = shown_values(dialog)
    today = datetime.date.today()
    for definition in dialog.algorithm().parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterDateTime):
            continue
        shown = as_python(values[definition.name()])
        shown_date = shown.date() if isinstance(shown, datetime.datetime) else shown
        assert shown is None or definition.defaultValue() is not None, (
            "{} shows {} though it has no default".format(definition.name(), shown))
        assert shown_date != today, "{} shows today's date".format(definition.name())


def test_validate_shows_a_valid_window(qtbot):
    """The four dates of Validate fire risk model, as shown, make a training window before a test window."""
    values = {k: as_python(v) for k, v in shown_values(open_dialog(qtbot, "validatefireriskmodel")).items()}
    dates = [values[name] for name in ("TRAIN_START", "TRAIN_END", "TEST_START", "TEST_END")]
    assert None not in dates
    assert dates[0] < dates[1] < dates[2] <= dates[3]


@pytest.mark.parametrize("algorithm_id", ALGORITHM_IDS)
def test_numbers_shown_are_within_their_limits(qtbot, algorithm_id):
    dialog = open_dialog(qtbot, algorithm_id)
    values = shown_values(dialog)
    for definition in dialog.algorithm().parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterNumber):
            continue
        shown = values[definition.name()]
        if shown is None:
            continue
        assert definition.minimum() <= float(shown) <= definition.maximum(), definition.name()
        if definition.defaultValue() is not None:
            assert float(shown) == pytest.approx(float(definition.defaultValue())), definition.name()


def test_years_the_counts_cover_has_no_silent_default(qtbot, sample_path):
    """'Years the counts cover' once showed 0.01, and a run as shown put every area in band 5. It must show
    no number the user did not give, and refuse to run until one is given (at least 1)."""
    from qgis.core import QgsApplication

    apply_years = QgsApplication.processingRegistry().algorithmById("communityrisk:applyfireriskmodel") \
        .parameterDefinition("YEARS")
    assert apply_years.minimum() >= 1  # Apply's optional years: no fraction of a year either
    dialog = open_dialog(qtbot, "fitfireriskmodel")
    definition = dialog.algorithm().parameterDefinition("YEARS")
    assert definition.minimum() >= 1
    shown = shown_values(dialog)["YEARS"]
    assert shown is None or float(shown) >= 1
    if shown is None:  # empty: the dialog refuses to build its parameters
        from processing.gui.AlgorithmDialogBase import AlgorithmDialogBase

        dialog.setParameters({"INPUT": layer("areas"), "COUNT_FIELD": "households",
                              "HOUSEHOLDS_FIELD": "households"})
        with pytest.raises(AlgorithmDialogBase.InvalidParameterValue) as refused:
            dialog.createProcessingParameters()
        assert refused.value.parameter.name() == "YEARS"


# --- every dialog runs with the sample's layers chosen and the rest as shown -----------------------------

@pytest.fixture(scope="module")
def chain(tmp_path_factory, qgis_app):
    """The demo's intermediate outputs, which later algorithms take as inputs (made without dialogs)."""
    import geopandas as gpd

    from community_risk.processing.analysis import epc
    from community_risk.synthetic import claimants, council_extracts, epc_certificates

    ensure_provider()  # the per-test provider fixture comes after this module-wide one
    folder = tmp_path_factory.mktemp("chain")
    paths = {name: str(folder / name) for name in (
        "counts.gpkg", "factors.gpkg", "fire_risk.gpkg", "model.json", "homes_by_segment.gpkg",
        "lifestyle.csv", "households.csv", "record.json", "certificates.csv", "epc_homes.gpkg",
        "claimants.csv")}
    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    run_algorithm("communityrisk:countincidents", {
        "AREAS": layer("areas"), "AREA_ID": "area_code", "INCIDENTS": layer("incidents"), "DATE_FIELD": "date",
        "PER_YEAR": True, "OUTPUT": paths["counts.gpkg"]})
    run_algorithm("communityrisk:buildfactors", {
        "AREAS": paths["counts.gpkg"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
        "POINTS": [layer("fire_safety_inspections")], "OUTPUT": paths["factors.gpkg"]})
    run_algorithm("communityrisk:fitfireriskmodel", {
        "INPUT": paths["factors.gpkg"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
        "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "OUTPUT": paths["fire_risk.gpkg"],
        "MODEL": paths["model.json"]})
    run_algorithm("communityrisk:lifestyleprofile", {
        "HOMES": layer("postcodes"), "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
        "INCIDENTS": layer("incidents"), "OUTPUT": paths["lifestyle.csv"],
        "OUTPUT_HOMES": paths["homes_by_segment.gpkg"]})
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")
    extracts = council_extracts.write(str(folder / "council_extracts"), postcodes, n_households=600)
    paths["extracts"] = extracts
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[name] for name in extracts),
        "OUTPUT": paths["households.csv"], "RECORD": paths["record.json"]})
    epc_certificates.generate_certificates(postcodes, None, n_homes=2000).to_csv(paths["certificates.csv"],
                                                                                 index=False)
    run_algorithm("communityrisk:loadepc", {
        "INPUT": paths["certificates.csv"], "POSTCODES": layer("postcodes"), "POSTCODE_FIELD": "postcode",
        "OUTPUT": paths["epc_homes.gpkg"]})
    homes, _ = epc.load_certificates(epc.read_certificates(paths["certificates.csv"]))
    claimants.generate_claimants(homes)[0].to_csv(paths["claimants.csv"], index=False)
    paths["priority.gpkg"] = str(folder / "priority.gpkg")
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": layer("postcodes"), "POSTCODE_FIELD": "postcode", "AREAS": paths["fire_risk.gpkg"],
        "AREA_RISK_FIELD": "rate_10k", "SPLIT_AREAS": layer("station_grounds"), "SPLIT_FIELD": "station",
        "OUTPUT": paths["priority.gpkg"]})
    from community_risk.synthetic import hmo_borough

    hmo_postcodes = postcodes[["postcode"]].assign(easting=postcodes.geometry.x, northing=postcodes.geometry.y)
    paths["hmo"] = hmo_borough.write(str(folder / "hmo"), *hmo_borough.generate(hmo_postcodes, None, n_properties=3000))
    return paths


# scripts/demo.sh: which council extract plays which role
ROLES = {"council_tax": "register", "older": "older", "alone": "alone", "mobility": "mobility",
         "health": "health", "smoking": "smoking", "near_miss": "near_miss", "care": "care"}


def chosen_inputs(algorithm_id, chain, out):
    """What the user picks in each dialog (the demo's choices); everything else stays as shown."""
    return demo_inputs(chain, out)[algorithm_id]


def demo_inputs(chain, out):
    extracts = chain["extracts"]
    hmo = chain["hmo"] or defaultdict(str)
    return {
        "countincidents": {
            "AREAS": layer("areas"), "AREA_ID": "area_code", "INCIDENTS": layer("incidents"),
            "DATE_FIELD": "date", "OUTPUT": out("counts.gpkg")},
        "buildfactors": {
            "AREAS": chain["counts.gpkg"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
            "TABLES": [os.path.join(os.path.dirname(SAMPLE), "sample_census_extra.csv")],
            "POINTS": [layer("fire_safety_inspections")], "LINES": [layer("roads")],
            "RASTERS": [os.path.join(os.path.dirname(SAMPLE), "sample_impervious.tif")],
            "OUTPUT": out("factors.gpkg"), "LOG": out("factors_log.txt")},
        "fitfireriskmodel": {
            "INPUT": chain["factors.gpkg"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
            "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "OUTPUT": out("fire_risk.gpkg"),
            "REPORT": out("report.html"), "MODEL": out("model.json")},
        "applyfireriskmodel": {
            "INPUT": chain["factors.gpkg"], "MODEL": chain["model.json"], "OUTPUT": out("applied.gpkg")},
        "validatefireriskmodel": {
            "AREAS": chain["factors.gpkg"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
            "INCIDENTS": layer("incidents"), "DATE_FIELD": "date",
            # the sample's fires are 2009-2016: the user sets the windows to their data
            "TRAIN_START": QDate(2009, 1, 1), "TRAIN_END": QDate(2013, 12, 31),
            "TEST_START": QDate(2014, 1, 1), "TEST_END": QDate(2016, 12, 31),
            "REPORT": out("validation.html")},
        "lifestyleprofile": {
            "HOMES": layer("postcodes"), "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
            "INCIDENTS": layer("incidents"), "CASUALTIES_FIELD": "casualties", "OUTPUT": out("lifestyle.csv"),
            "OUTPUT_HOMES": out("homes_by_segment.gpkg"), "REPORT": out("lifestyle.html")},
        "findpeopleatrisk": {
            "DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[name] for name in extracts),
            "OUTPUT": out("households.csv"), "REVIEW": out("review.csv"), "RECORD": out("record.json")},
        "prioritypostcodes": {
            "POSTCODES": layer("postcodes"), "AREAS": chain["fire_risk.gpkg"],
            "LIFESTYLE": chain["homes_by_segment.gpkg"], "HOUSEHOLD_RISK": chain["households.csv"],
            "SPLIT_AREAS": layer("station_grounds"), "SPLIT_FIELD": "station",
            "OUTPUT": out("priority.gpkg"), "VISIT_LISTS": out("visit_lists")},
        "heatsurface": {
            "INPUT": layer("incidents"), "BOUNDARY": layer("station_grounds"), "OUTPUT": out("heat.tif")},
        "loadepc": {
            "INPUT": chain["certificates.csv"], "POSTCODES": layer("postcodes"), "OUTPUT": out("epc_homes.gpkg")},
        "housingbenefitoverlay": {
            "CLAIMANTS": chain["claimants.csv"], "EPC": chain["epc_homes.gpkg"], "OUTPUT": out("claimants.gpkg"),
            "RECORD": out("claimants_record.json")},
        "healthhousingindex": {
            "AREAS": layer("areas"), "AREA_ID": "area_code", "EPC": chain["epc_homes.gpkg"],
            "OUTPUT": out("index.gpkg"), "REPORT": out("index.html")},
        "hmoprevalence": {
            "AREAS": chain["counts.gpkg"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
            "HMO_INCIDENT_FIELD": "incidents", "FACTORS": ["pct_flats", "pct_social_rent"], "YEARS": 8,
            "OUTPUT": out("hmo_prevalence.gpkg"), "REPORT": out("hmo_prevalence.html")},
        "findunlicensedhmos": {
            "PROPERTIES": hmo["properties"], "DATASETS": [hmo[role] for role in HMO_ROLES], "ROLES": ",".join(HMO_ROLES),
            "AS_AT": "2024-04-01", "OUTPUT": out("hmos.gpkg"), "INSPECTION_LIST": out("hmo_lists"),
            "REPORT": out("hmo_report.html"), "RECORD": out("hmo_record.html")},
        "visitmapbook": {
            "SPLIT_AREAS": layer("station_grounds"), "SPLIT_FIELD": "station", "RISK": chain["fire_risk.gpkg"],
            "POSTCODES": chain["priority.gpkg"], "ROADS": layer("roads"), "OUTPUT": out("map_book.pdf")},
        "riskdashboard": {
            "AREAS": chain["counts.gpkg"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
            "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "FACTORS": ["imd_score", "pct_social_rent", "pct_flats"],
            "SPLIT_AREAS": layer("station_grounds"), "SPLIT_FIELD": "station", "INCIDENTS": layer("incidents"),
            "DATE_FIELD": "date", "OUTPUT": out("dashboard.gpkg"), "PAGES": out("dashboard")},
    }


HMO_ROLES = ("hmo_register", "inspections", "council_tax", "electoral_register", "housing_benefit", "complaints",
             "epc", "planning", "fire_incidents")


def test_every_algorithm_has_its_demo_inputs():
    """A new algorithm must say here what the user picks, or its dialog goes untested."""
    from collections import defaultdict

    chain = defaultdict(str, extracts={})
    assert sorted(demo_inputs(chain, str)) == sorted(ALGORITHM_IDS)


@pytest.mark.parametrize("algorithm_id", ALGORITHM_IDS)
def test_dialog_runs_on_the_sample_with_the_defaults_as_shown(qtbot, chain, tmp_path, monkeypatch, algorithm_id):
    # the pseudonymisation secret comes from the environment, as for qgis_process; nothing typed
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    chosen = chosen_inputs(algorithm_id, chain, lambda name: str(tmp_path / name))
    dialog = open_dialog(qtbot, algorithm_id)
    before = shown_values(dialog)
    dialog.setParameters(chosen)
    after = shown_values(dialog)
    for name, value in before.items():  # everything not chosen stays as the dialog showed it
        if name not in chosen and not dialog.algorithm().parameterDefinition(name).isDestination():
            if set(dialog.algorithm().parameterDefinition(name).dependsOnOtherParameters()) & set(chosen):
                continue  # a field list follows its layer
            assert after[name] == value, name
    log, loaded = press_run(qtbot, monkeypatch, dialog, tmp_path / "dialog_log.txt")
    assert "Execution completed" in log, log
    for path, renderer in loaded.items():  # each styled output is loaded with its style, QGIS still up
        if saved_renderer(path):
            assert renderer == saved_renderer(path), path
    for name, value in chosen.items():
        definition = dialog.algorithm().parameterDefinition(name)
        if definition.isDestination():
            assert os.path.exists(value), "{} was not written".format(name)
    assert "Traceback" not in log


# --- the README's batch use: Add Model to Toolbox…, then Execute as Batch Process… ----------------------

def test_example_model_added_to_the_toolbox_runs_as_a_batch_one_row_per_borough(qtbot, monkeypatch, tmp_path):
    """What the README tells a user to do with resources/models/fire_risk_chain.model3, through QGIS's own
    toolbox action and batch dialog (the file dialog answered with the model's path)."""
    import geopandas as gpd
    from processing.modeler.AddModelFromFileAction import AddModelFromFileAction
    from qgis.PyQt.QtWidgets import QFileDialog

    model_file = os.path.join(os.path.dirname(os.path.dirname(SAMPLE)), "models", "fire_risk_chain.model3")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (model_file, "")))
    add_model = AddModelFromFileAction()
    add_model.toolbox = None
    add_model.execute()
    models = QgsApplication.processingRegistry().providerById("model")
    added = [a for a in models.algorithms() if a.displayName() == "Fire risk: count, factors, fit"]
    assert len(added) == 1 and added[0].group() == "Community Risk Toolkit"  # Models › Community Risk Toolkit

    boroughs = north_and_south(layer("areas"), tmp_path)
    # The report column stays empty, as the README says: QGIS 3.22's batch dialog fails after the last row when a
    # row wrote an HTML output (it calls ProcessingResults.addResult without a timestamp).
    dialog = filled_batch_dialog(qtbot, added[0].create(), [
        ({"areas": str(tmp_path / (name + ".gpkg")), "area_id": "area_code", "households": "households",
          "incidents": layer("incidents"), "years": 8},
         {"fit:fire_risk": tmp_path / name / "fire_risk.gpkg", "fit:model": tmp_path / name / "model.json"})
        for name in boroughs])
    dialog.runAlgorithm()
    for name in boroughs:
        risk = gpd.read_file(tmp_path / name / "fire_risk.gpkg")
        assert len(risk) == 240 and risk["band"].between(1, 5).all()
        assert (tmp_path / name / "model.json").stat().st_size > 500
        assert not (tmp_path / name / "report.html").exists()
    assert dialog.buttonBox().button(dialog.buttonBox().Close).isEnabled()  # the dialog finished cleanly
