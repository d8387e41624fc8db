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


def review_pairs(path, copies=None):
    """The review's pairs of rows, each as the set of its two (dataset, row), a copy's rows read as the original's."""
    import pandas as pd

    review = pd.read_csv(path, dtype=str, keep_default_na=False)
    copies = copies or {}
    return [frozenset({(copies.get(d_l, d_l), r_l), (copies.get(d_r, d_r), r_r)}) for d_l, r_l, d_r, r_r in
            zip(review["dataset_l"], review["row_l"], review["dataset_r"], review["row_r"])]


def test_an_export_given_twice_under_two_names_shows_each_pair_once(tmp_path, extracts):
    """older.xlsx and 'older (1).xlsx', the same export saved twice: the review holds the pairs it holds with older.xlsx
    alone, each once, and the log and the record say which file repeats which (and that the copy's role flags its
    households too)."""
    import shutil

    from helpers import logging_feedback, run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    copy = str(tmp_path / "older (1).xlsx")
    shutil.copy(extracts["older"], copy)
    once, twice = tmp_path / "once", tmp_path / "twice"
    for folder, paths, roles in ((once, [extracts["council_tax"], extracts["older"]], "register,older"),
                                 (twice, [extracts["council_tax"], extracts["older"], copy], "register,older,alone")):
        folder.mkdir()
        log = logging_feedback()
        run_algorithm("communityrisk:findpeopleatrisk", {
            "DATASETS": paths, "ROLES": roles, "OUTPUT": str(folder / "h.csv"), "REVIEW": str(folder / "review.csv"),
            "RECORD": str(folder / "record.json")}, feedback=log)
        folder.joinpath("log.txt").write_text("\n".join(log.lines), encoding="utf-8")
    pairs_once = review_pairs(once / "review.csv")
    pairs_twice = review_pairs(twice / "review.csv", {"older (1).xlsx": "older.xlsx"})
    assert len(pairs_once) > 20 and set(pairs_once) <= set(pairs_twice)
    assert len(pairs_twice) == len(set(pairs_twice))  # each pair once
    assert all(len(pair) == 2 for pair in pairs_twice)  # never a row with its own copy
    # the copy counts its streets twice, so a few more pairs reach the review's floor: not a page more
    assert len(pairs_twice) <= len(pairs_once) * 1.05
    said = (twice / "log.txt").read_text(encoding="utf-8")
    assert "'older (1).xlsx' repeats 'older.xlsx' row for row" in said
    assert "flagged alone too" in said
    record = json.loads((twice / "record.json").read_text(encoding="utf-8"))
    assert record["files_repeating_another"] == {"older (1).xlsx": "older.xlsx"}
    assert record["pairs_for_clerical_review"] == len(pairs_twice)
    assert "files_repeating_another" not in json.loads((once / "record.json").read_text(encoding="utf-8"))


def test_only_a_copy_row_for_row_is_a_repeat():
    import pandas as pd

    from community_risk.processing.analysis.repeated_files import repeated_files, review_without_repeats

    table = pd.DataFrame({"UPRN": ["1", "2"], "Address": ["1 Elm Road", "2 Elm Road"]})
    changed = table.assign(Address=["1 Elm Road", "2 Elm Rd"])
    datasets = [("a.csv", "older", table), ("b.csv", "alone", changed), ("c.xlsx", "care", table.copy())]
    assert repeated_files(datasets) == {"c.xlsx": "a.csv"}
    review = pd.DataFrame({"dataset_l": ["a.csv", "c.xlsx", "a.csv", "b.csv"], "row_l": [1, 1, 2, 1],
                           "dataset_r": ["b.csv", "b.csv", "c.xlsx", "c.xlsx"], "row_r": [2, 2, 2, 2]})
    kept, notes = review_without_repeats(review, {"c.xlsx": "a.csv"}, {"a.csv": "older", "c.xlsx": "care"})
    assert kept[["dataset_l", "row_l", "dataset_r", "row_r"]].values.tolist() == [["a.csv", 1, "b.csv", 2],
                                                                                 ["b.csv", 1, "c.xlsx", 2]]
    assert len(notes) == 2 and all(note.warning for note in notes)


def test_a_same_home_decision_refused_says_which_spreadsheet_rows(tmp_path, extracts):
    """Two pairs of the same two households decided 'different homes' and 'same home': the same is refused, and the
    log gives its spreadsheet row (the file's name once, the row numbers where the rows go)."""
    import pandas as pd

    from helpers import logging_feedback, run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    parameters = {"DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[n] for n in extracts),
                  "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")}
    run_algorithm("communityrisk:findpeopleatrisk", dict(parameters, REVIEW=str(tmp_path / "review.csv")))
    review = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    households = list(zip(review["household_l"], review["household_r"]))
    first = next(k for k in range(1, len(review)) if households[k] == households[k - 1])
    review.loc[first - 1, "decision"], review.loc[first, "decision"] = "different homes", "same home"
    review.to_csv(tmp_path / "decided.csv", index=False)
    log = logging_feedback()
    run_algorithm("communityrisk:findpeopleatrisk", dict(parameters, DECISIONS=str(tmp_path / "decided.csv"),
                                                          REVIEW=str(tmp_path / "review2.csv")), feedback=log)
    said = next(line for line in log.lines if "'same home' decision(s)" in line)
    assert "1 'same home' decision(s) in 'decided.csv' were not applied" in said
    assert said.endswith("(spreadsheet rows {}).".format(first + 2)), said  # header is row 1, rows count from 2


def test_a_file_of_names_alone_is_refused_as_having_no_address(tmp_path, extracts):
    """A CSV of 'Householder' (and 'Contact') only: the message says it has no address, and that names are never read
    as one, not that its address fields lack a postcode (it has none)."""
    from qgis.core import QgsProcessingException

    from helpers import run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    names = tmp_path / "householders.csv"
    names.write_text("Householder,Contact\nAnn Lee,07700 900123\nJo Bloggs,\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as refused:
        run_algorithm("communityrisk:findpeopleatrisk", {
            "DATASETS": [extracts["council_tax"], str(names)], "ROLES": "register,older",
            "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")})
    said = str(refused.value)
    assert "'householders.csv' has no address fields" in said and "'Householder', 'Contact') never is" in said
    assert "do not end in a postcode" not in said
    assert not (tmp_path / "h.csv").exists()


@pytest.mark.parametrize("algorithm_id", ["findpeopleatrisk", "housingbenefitoverlay"])
def test_the_help_panel_says_what_the_record_and_review_hold(algorithm_id):
    """The help beside the dialog: the record's trained parameters and the secret's source, and the review in short
    points (its order, its columns, its reasons), not one paragraph of 200 words."""
    help_text = QgsApplication.processingRegistry().algorithmById("communityrisk:" + algorithm_id).shortHelpString()
    record = help_text[help_text.index("Processing record (JSON)"):]
    assert "trained parameters" in record and "never the secret" in record
    review = help_text[help_text.index("Clerical review"):help_text.index("Clerical decisions:")]
    points = [line for line in review.splitlines() if line.strip().startswith("·")]
    assert [p.split(":")[0].strip("· ") for p in points[:3]] == ["Order", "Columns, left to right", "Reasons"]
    assert max(len(line.split()) for line in review.splitlines()) < 200


def test_roles_given_by_file_name_in_any_order(qtbot, monkeypatch, tmp_path, extracts):
    """The Datasets box shows '2 inputs selected', not their order: roles named by file (with or without the
    extension, any case) reach the right files whatever order the box holds them in."""
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": [extracts["council_tax"], extracts["older"], extracts["care"]],
                          "ROLES": "Care=care, older.xlsx=older, COUNCIL_TAX.csv=register",
                          "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    for said in ("Reading 'council_tax.csv' as register", "Reading 'older.xlsx' as older", "Reading 'care.csv' as care"):
        assert said in log
    record = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [(d["dataset"], d["role"]) for d in record["datasets"]] == [
        ("council_tax.csv", "register"), ("older.xlsx", "older"), ("care.csv", "care")]


@pytest.mark.parametrize("roles, said", [
    ("council_tax=register, older=older", "Give a role for the dataset 'care.csv' (e.g. care.csv=register)"),
    ("council_tax=register, older=older, care=care, alone=alone", "name datasets that were not given: alone"),
    ("council_tax=register, older, care=care", "'older' names no dataset"),
])
def test_roles_by_name_that_do_not_fit_say_what_is_wrong(tmp_path, extracts, roles, said):
    from qgis.core import QgsProcessingException

    from helpers import run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    with pytest.raises(QgsProcessingException) as refused:
        run_algorithm("communityrisk:findpeopleatrisk", {
            "DATASETS": [extracts["council_tax"], extracts["older"], extracts["care"]], "ROLES": roles,
            "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")})
    assert said in str(refused.value)
    assert "council_tax.csv, older.xlsx, care.csv" in str(refused.value) or "names no dataset" in said


def test_a_record_left_temporary_says_where_it_is_before_it_goes(qtbot, monkeypatch, tmp_path, extracts):
    """Run with the dialog's defaults, the record goes to QGIS's temporary folder, deleted when QGIS closes: the log
    gives its path and asks for it to be kept; the record says the outputs are temporary, not 'TEMPORARY_OUTPUT'."""
    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": [extracts["council_tax"], extracts["older"]], "ROLES": "register,older"})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    said = next(line for line in log.splitlines() if line.startswith("The processing record is in a temporary file"))
    path = said.split("closes: ")[1].split(". Copy it")[0]
    record = json.loads(open(path, encoding="utf-8").read())
    assert record["outputs_written"] == {"households": "temporary layer", "clerical_review": "temporary layer"}


def test_table_outputs_saved_as_csv_or_xlsx_load_under_their_names(qtbot, monkeypatch, tmp_path, extracts):
    """Saved to a CSV or an XLSX, the households and the review are loaded into the Layers panel as 'Households at
    risk' and 'Clerical review', as a GeoPackage or temporary output is, not as 'OUTPUT' and 'REVIEW'."""
    from qgis.core import QgsProject

    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": [extracts["council_tax"], extracts["older"]], "ROLES": "register,older",
                          "OUTPUT": str(tmp_path / "households.csv"), "REVIEW": str(tmp_path / "review.xlsx"),
                          "RECORD": str(tmp_path / "record.json")})
    names = {}
    QgsProject.instance().layerWasAdded.connect(lambda layer: names.update({layer.source().split("|")[0]: layer.name()}))
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "Execution completed" in log, log
    assert names == {str(tmp_path / "households.csv"): "Households at risk",
                     str(tmp_path / "review.xlsx"): "Clerical review"}


def test_the_review_output_says_to_save_it_as_xlsx_for_excel():
    algorithm = QgsApplication.processingRegistry().algorithmById("communityrisk:findpeopleatrisk")
    assert "save it as .xlsx" in algorithm.parameterDefinition("REVIEW").help()


@pytest.mark.parametrize("change, said", [
    ({"REFERRAL_MODE": True}, "it needs the lawful basis"),
    ({"ROLES": "register,older,older"}, "The role 'older' is given twice"),
])
def test_a_request_that_cannot_run_is_refused_before_any_file_is_read(tmp_path, extracts, change, said):
    """Referral mode without its lawful basis, or a role given twice, is refused before the exports are read (a
    borough's take a while), so the log holds no 'Reading ...' line."""
    from qgis.core import QgsProcessingException

    from helpers import logging_feedback, run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    log = logging_feedback()
    parameters = dict({"DATASETS": [extracts["council_tax"], extracts["older"], extracts["care"]],
                       "ROLES": "register,older,care", "OUTPUT": str(tmp_path / "h.csv"),
                       "RECORD": str(tmp_path / "r.json")}, **change)
    with pytest.raises(QgsProcessingException) as refused:
        run_algorithm("communityrisk:findpeopleatrisk", parameters, feedback=log)
    assert said in str(refused.value)
    assert not [line for line in log.lines if line.startswith("Reading")], log.lines


def test_a_gzipped_export_set_again_in_the_dialog_is_read(qtbot, monkeypatch, tmp_path, extracts):
    """A run repeated from the history sets the Datasets box again, and the box hands a .csv.gz back as GDAL's
    '/vsigzip//…/care.csv.gz': the run reads the file, not 'does not exist'."""
    import gzip
    import shutil

    monkeypatch.setenv("COMMUNITY_RISK_SECRET", SECRET)
    gzipped = tmp_path / "care.csv.gz"
    with open(extracts["care"], "rb") as source, gzip.open(gzipped, "wb") as target:
        shutil.copyfileobj(source, target)
    dialog = open_dialog(qtbot, "findpeopleatrisk")
    dialog.setParameters({"DATASETS": [extracts["council_tax"], str(gzipped)], "ROLES": "register,care",
                          "OUTPUT": str(tmp_path / "h.csv"), "RECORD": str(tmp_path / "r.json")})
    log, _ = press_run(qtbot, monkeypatch, dialog, tmp_path / "log.txt")
    assert "/vsigzip/" in log  # as the box gave it
    assert "Execution completed" in log, log
    assert "Reading 'care.csv.gz' as care" in log


def test_the_review_row_of_an_epc_home_is_its_fid_as_the_help_says(tmp_path):
    """The help tells the officer that an EPC home's row in the review is its fid in the GeoPackage Load EPC
    certificates wrote: the home at that fid is the address the review shows."""
    import pandas as pd

    from helpers import run_algorithm

    os.environ.setdefault("COMMUNITY_RISK_SECRET", SECRET)
    algorithm = QgsApplication.processingRegistry().algorithmById("communityrisk:housingbenefitoverlay")
    assert "is the home's fid" in algorithm.shortHelpString()
    sample_homes_and_claimants(tmp_path, n_homes=800)
    run_algorithm("communityrisk:housingbenefitoverlay", {
        "CLAIMANTS": str(tmp_path / "claimants.csv"), "EPC": str(tmp_path / "homes.gpkg"), "REFERRAL_MODE": True,
        "LAWFUL_BASIS": "Housing Act 2004", "OUTPUT": str(tmp_path / "out.csv"), "REVIEW": str(tmp_path / "review.csv"),
        "RECORD": str(tmp_path / "r.json")})
    review = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    homes = QgsVectorLayer(str(tmp_path / "homes.gpkg"), "homes", "ogr")
    epc_rows = [(row, written) for side in ("l", "r") for dataset, row, written in
                zip(review["dataset_" + side], review["row_" + side], review["written_" + side]) if dataset == "epc"]
    assert len(epc_rows) > 5
    for row, written in epc_rows:
        home = homes.getFeature(int(row))
        assert written.startswith(home["address"]) and written.endswith(home["postcode"]), (row, written)
