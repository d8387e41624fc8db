"""Issue 9: the pseudonymisation secret lives in QGIS's authentication database (an authcfg id is all a dialog,
batch or model holds), or in the COMMUNITY_RISK_SECRET environment variable for qgis_process. Whichever way it
is given, no run writes it to the profile's processing log, the dialog log, the feedback log, the processing
record or any output."""
import json
import os

import pandas as pd
import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingException, QgsProcessingFeedback

from community_risk.synthetic import council_extracts
from helpers import SAMPLE, run_algorithm

SECRET = "kept-in-the-auth-db 4f9c2e"
MASTER_PASSWORD = "master password of the test profile"


@pytest.fixture(scope="module")
def authcfg(qgis_app):
    """A Basic configuration holding the secret as its password, in the test profile's authentication database
    (conftest points QGIS at a throw-away profile, so this is never the user's own database)."""
    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), manager.disabledMessage()
    assert QgsApplication.qgisAuthDatabaseFilePath().startswith(os.environ["QGIS_CUSTOM_CONFIG_PATH"])
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Community Risk pseudonymisation secret")
    config.setConfig("username", "not used")
    config.setConfig("password", SECRET)
    stored = manager.storeAuthenticationConfig(config)
    assert stored[0] if isinstance(stored, tuple) else stored
    return config.id()


@pytest.fixture(scope="module")
def extracts(tmp_path_factory, qgis_app):
    import geopandas as gpd

    postcodes = gpd.read_file(SAMPLE, layer="postcodes")
    paths = council_extracts.write(str(tmp_path_factory.mktemp("extracts")), postcodes, n_households=300)
    return {"DATASETS": list(paths.values()),
            "ROLES": ",".join("register" if name == "council_tax" else name for name in paths)}


def every_file_text(folder):
    texts = {}
    for root, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), "rb") as handle:
                texts[os.path.join(root, name)] = handle.read().decode("utf-8", errors="replace")
    return texts


def processing_log():
    from processing.core.ProcessingLog import ProcessingLog

    with open(ProcessingLog.logFilename(), encoding="utf-8") as handle:
        return handle.read()


def test_the_dialog_shows_no_secret_box_only_an_authentication_configuration(qtbot):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    for algorithm_id in ("findpeopleatrisk", "housingbenefitoverlay"):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id)
        dialog = AlgorithmDialog(algorithm, parent=None)
        qtbot.addWidget(dialog)
        wrappers = dialog.mainWidget().wrappers
        assert "SECRET_AUTHCFG" in wrappers and "SECRET" not in wrappers
        assert "authentication" in algorithm.shortHelpString().lower()


def test_a_dialog_run_with_the_secret_in_the_auth_database_writes_it_nowhere(qtbot, authcfg, extracts, tmp_path):
    """A real run of QGIS's own AlgorithmDialog (Run pressed: its background task, its log, the command it adds
    to the profile's processing/processing.log, the layers it loads), with the secret chosen as an
    authentication configuration."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsProject

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:findpeopleatrisk")
    dialog = AlgorithmDialog(algorithm, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "out"
    dialog.setParameters(dict(extracts, SECRET_AUTHCFG=authcfg, OUTPUT=str(out / "households.csv"),
                              REVIEW=str(out / "review.csv"), RECORD=str(out / "record.json")))
    before = set(QgsProject.instance().mapLayers())

    def dialog_log():
        dialog.saveLogToFile(str(tmp_path / "dialog_log.txt"), AlgorithmDialog.FormatPlainText)
        return (tmp_path / "dialog_log.txt").read_text(encoding="utf-8")

    dialog.runAlgorithm()
    qtbot.waitUntil(lambda: "Execution completed" in dialog_log() or "Execution failed" in dialog_log(),
                    timeout=180000)
    log = dialog_log()
    for layer_id in set(QgsProject.instance().mapLayers()) - before:  # the outputs the dialog loaded
        QgsProject.instance().removeMapLayer(layer_id)
    assert "Execution completed" in log, log
    assert "'SECRET_AUTHCFG' : '{}'".format(authcfg) in log  # the dialog lists the configuration's id only

    households = pd.read_csv(out / "households.csv")
    assert len(households) > 150 and households["household_key"].str.fullmatch(r"[0-9a-f]{24}").all()
    record = json.loads((out / "record.json").read_text(encoding="utf-8"))
    assert record["secret_from"] == "QGIS authentication database ({})".format(authcfg)
    history = processing_log()
    assert "communityrisk:findpeopleatrisk" in history and "'SECRET_AUTHCFG':'{}'".format(authcfg) in history
    places = {"processing.log": history, "dialog log": log, **every_file_text(out)}
    assert len(places) >= 7  # households, review, their .csvt files, the record and the two logs
    for place, text in places.items():
        assert SECRET not in text, place


def test_a_run_with_the_secret_in_the_auth_database_keeps_it_out_of_the_feedback(authcfg, extracts, tmp_path):
    feedback = QgsProcessingFeedback()
    results = run_algorithm("communityrisk:findpeopleatrisk", dict(extracts, SECRET_AUTHCFG=authcfg,
                                                                   OUTPUT=str(tmp_path / "h.csv"),
                                                                   RECORD=str(tmp_path / "r.json")), feedback=feedback)
    assert "households" in feedback.textLog() and results["HOUSEHOLDS"] > 150
    assert SECRET not in feedback.textLog() and SECRET not in repr(results)


def test_the_same_secret_from_the_environment_gives_the_same_keys(authcfg, extracts, tmp_path, monkeypatch):
    run_algorithm("communityrisk:findpeopleatrisk", dict(extracts, SECRET_AUTHCFG=authcfg,
                                                         OUTPUT=str(tmp_path / "a.csv"), RECORD=str(tmp_path / "a.json")))
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    run_algorithm("communityrisk:findpeopleatrisk", dict(extracts, OUTPUT=str(tmp_path / "b.csv"),
                                                         RECORD=str(tmp_path / "b.json")))
    assert pd.read_csv(tmp_path / "a.csv")["household_key"].tolist() == \
        pd.read_csv(tmp_path / "b.csv")["household_key"].tolist()
    assert json.loads((tmp_path / "b.json").read_text())["secret_from"] == "COMMUNITY_RISK_SECRET environment variable"


def test_the_secret_value_of_old_scripts_still_works_and_stays_out_of_the_processing_log(extracts, tmp_path):
    from processing.tools import dataobjects

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:housingbenefitoverlay")
    assert algorithm.parameterDefinition("SECRET") is None  # no longer a parameter: no box, no history
    parameters = {"CLAIMANTS": "claimants.csv", "EPC": "homes.gpkg", "SECRET": SECRET, "OUTPUT": "out.csv"}
    command = algorithm.asPythonCommand(parameters, dataobjects.createContext())
    assert "communityrisk:housingbenefitoverlay" in command and "claimants.csv" in command
    assert SECRET not in command and "'SECRET'" not in command
    feedback = QgsProcessingFeedback()
    run_algorithm("communityrisk:findpeopleatrisk", dict(extracts, SECRET=SECRET, OUTPUT=str(tmp_path / "h.csv"),
                                                         RECORD=str(tmp_path / "r.json")), feedback=feedback)
    assert SECRET not in feedback.textLog()
    assert json.loads((tmp_path / "r.json").read_text())["secret_from"] == "SECRET value given by a script"
    assert all(SECRET not in text for text in every_file_text(tmp_path).values())


@pytest.mark.parametrize("problem, words", [
    ("unknown", ["'nosuch1'", "is not in this QGIS profile's authentication database"]),
    ("no password", ["holds no secret", "Password field"]),
    ("none at all", ["No pseudonymisation secret", "COMMUNITY_RISK_SECRET"]),
])
def test_a_missing_secret_is_refused_clearly_and_nothing_written(authcfg, extracts, tmp_path, monkeypatch, problem,
                                                                 words):
    monkeypatch.delenv("COMMUNITY_RISK_SECRET", raising=False)
    chosen = {"unknown": "nosuch1", "none at all": ""}.get(problem)
    if problem == "no password":
        config = QgsAuthMethodConfig("Basic")
        config.setName("empty")
        config.setConfig("username", "someone")
        QgsApplication.authManager().storeAuthenticationConfig(config)
        chosen = config.id()
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:findpeopleatrisk", dict(extracts, SECRET_AUTHCFG=chosen,
                                                             OUTPUT=str(tmp_path / "h.csv"), RECORD=str(tmp_path / "r.json")))
    for word in words:
        assert word in str(raised.value)
    assert os.listdir(tmp_path) == []
