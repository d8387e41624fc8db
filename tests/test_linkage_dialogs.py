"""Find people at risk and Housing benefit overlay as a GIS officer meets them in the Processing dialog: every input
and output says what to give or what comes out when pointed at, the outputs open in QGIS with their fields in words,
the log says how much of the clerical review is real deciding, and a wrong number of roles names the datasets the
dialog passed on (the Datasets box keeps only the files QGIS can open when a run is repeated from the history)."""
import json
import os

import geopandas as gpd
import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from community_risk.synthetic import council_extracts
from helpers import SAMPLE, sample_homes_and_claimants
from test_dialogs import open_dialog, press_run

SECRET = "linkage dialogs secret, 16+ chars"
ROLES = {"council_tax": "register", "older": "older", "alone": "alone", "mobility": "mobility",
         "health": "health", "smoking": "smoking", "near_miss": "near_miss", "care": "care"}


@pytest.fixture(scope="module")
def extracts(tmp_path_factory, qgis_app):
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")
    return council_extracts.write(str(folder), postcodes, n_households=600)


def pointed_at(wrapper):
    """What the user reads when pointing at a parameter: its label's tooltip and its widget's."""
    if hasattr(wrapper, "wrappedLabel"):
        label = wrapper.wrappedLabel()
        return (label.toolTip() if label is not None else "") + (wrapper.wrappedWidget().toolTip() or "")
    return wrapper.widget.toolTip()


@pytest.mark.parametrize("algorithm_id", ["findpeopleatrisk", "housingbenefitoverlay"])
def test_every_input_and_output_says_what_it_is_when_pointed_at(qtbot, algorithm_id):
    dialog = open_dialog(qtbot, algorithm_id)
    for definition in dialog.algorithm().parameterDefinitions():
        assert definition.help(), "{} has no help".format(definition.name())
        assert len(pointed_at(dialog.mainWidget().wrappers[definition.name()])) > 20, definition.name()


def test_the_output_and_record_help_say_what_comes_out(qtbot):
    algorithm = QgsApplication.processingRegistry().algorithmById("communityrisk:findpeopleatrisk")
    households = algorithm.parameterDefinition("OUTPUT").help()
    assert "highest score first" in households and "Referral mode" in households
    record = algorithm.parameterDefinition("RECORD").help()
    assert "trained parameters" in record and "never the secret" in record


def test_find_people_at_risk_from_the_dialog_outputs_read_in_words(qtbot, monkeypatch, tmp_path, extracts):
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    out = {name: str(tmp_path / name) for name in ("households.gpkg", "review.csv", "record.json")}
    dialog.setParameters({"DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[n] for n in extracts),
                          "OUTPUT": out["households.gpkg"], "REVIEW": out["review.csv"], "RECORD": out["record.json"]})
    log, loaded = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    # the households open with their fields in words, from the style saved beside them too
    layer = QgsVectorLayer(out["households.gpkg"], "households", "ogr")
    fields = layer.fields()
    assert fields.field("alone").alias() == "Lives alone"
    assert fields.field("n_factors").alias() == "Risk factors (of 7)"
    assert os.path.exists(os.path.splitext(out["households.gpkg"])[0] + ".qml")
    # the log splits the review into pairs in doubt and pairs only to confirm, adding up to the review's rows
    import pandas as pd

    review = pd.read_csv(out["review.csv"], dtype=str, keep_default_na=False)
    said = next(line for line in log.splitlines() if "pairs for clerical review:" in line)
    in_doubt = int(said.split(": ")[1].split(" in doubt")[0])
    to_confirm = int(said.split("then ")[1].split(" whose")[0])
    assert said.startswith("{} pairs".format(len(review))) and in_doubt + to_confirm == len(review)
    assert to_confirm == review["reason"].str.startswith("the rows name two homes").sum()
    record = json.loads(open(out["record.json"], encoding="utf-8").read())
    assert record["linkage_model"]["comparisons"] and SECRET not in json.dumps(record)


def test_housing_benefit_overlay_from_the_dialog_output_reads_in_words(qtbot, monkeypatch, tmp_path):
    sample_homes_and_claimants(tmp_path, n_homes=800)
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "housingbenefitoverlay")
    dialog.setParameters({"CLAIMANTS": str(tmp_path / "claimants.csv"), "EPC": str(tmp_path / "homes.gpkg"),
                          "OUTPUT": str(tmp_path / "claimant_households.gpkg"),
                          "RECORD": str(tmp_path / "record.json")})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    fields = QgsVectorLayer(str(tmp_path / "claimant_households.gpkg"), "claimants", "ogr").fields()
    assert fields.field("flagged").alias() == "F/G private rental"
    assert fields.field("household_key").alias() == "Household (key)"
    assert "pairs for clerical review:" in log and " in doubt, then " in log


def test_a_wrong_number_of_roles_names_the_datasets_given(qtbot, monkeypatch, tmp_path, extracts):
    """A one-column CSV is not kept by the Datasets box when the parameters are set again (history, batch): the run
    then has one dataset fewer than roles, and the message must show which ones it has."""
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    names_only = tmp_path / "householders.csv"
    names_only.write_text("Householder\nAnn Lee\nJo Bloggs\n", encoding="utf-8")
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": [extracts["council_tax"], str(names_only)], "ROLES": "register,older",
                          "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution failed" in log
    assert "1 dataset(s) (council_tax.csv) but 2 role(s) ('register,older')" in log, log
    assert "Add File(s)" in log


def test_the_review_says_how_its_rows_are_counted(qtbot, monkeypatch, tmp_path, extracts):
    """Row 158 of council_tax.csv is the 158th row under the header, which Excel shows as row 159: the label in QGIS
    and the help say so, so the officer opens the right row."""
    import pandas as pd

    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[n] for n in extracts),
                          "REFERRAL_MODE": True, "LAWFUL_BASIS": "UK GDPR Art. 6(1)(e)",
                          "OUTPUT": str(tmp_path / "h.csv"), "REVIEW": str(tmp_path / "review.gpkg"),
                          "RECORD": str(tmp_path / "r.json")})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    layer = QgsVectorLayer(str(tmp_path / "review.gpkg"), "review", "ogr")
    assert "under the header" in layer.fields().field("row_l").alias()
    first = gpd.read_file(tmp_path / "review.gpkg").iloc[0]
    path = extracts[os.path.splitext(first["dataset_l"])[0]]
    read = pd.read_csv if path.endswith(".csv") else pd.read_excel
    source = read(path, dtype=str, keep_default_na=False)
    assert source.iloc[int(first["row_l"]) - 1]["Address Line 1"] in first["written_l"]
    help_text = QgsApplication.processingRegistry().algorithmById("communityrisk:findpeopleatrisk").shortHelpString()
    assert "a spreadsheet numbers 2" in help_text
