"""Clerical decisions through Processing, as the officer works (issue 10): run Find people at risk, open the review it
wrote (a CSV in a spreadsheet, the GeoPackage layer in QGIS's attribute table, an XLSX), write decisions in its
decision column, save, and run again with that table as the Clerical decisions input. Hostile cases: the decisions
file given as the review output too, an empty file, a misspelt field, formula-like text, a Windows-1252 CSV, cancel."""
import csv
import hashlib
import json
import os

import geopandas as gpd
import pandas as pd
import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsVectorLayer

from community_risk.synthetic import address_holdout as holdout
from helpers import (SAMPLE, cancelling_feedback, ensure_provider, logging_feedback, run_algorithm,
                     sample_homes_and_claimants)

SECRET = "clerical decisions secret, 16+ chars"
# a file name Windows-1252 writes in one byte and UTF-8 in two
LAYOUTS = {"council_tax": ("council_tax.csv", "register"), "adult_social_care": ("résidents_âgés.csv", "older"),
           "housing_benefit": ("housing_benefit.csv", "care")}


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")["postcode"]
    written, _ = holdout.extracts(holdout.homes(postcodes, n_homes=400))
    paths = []
    for layout, (name, _) in LAYOUTS.items():
        paths.append(str(folder / name))
        written[layout][1].to_csv(paths[-1], index=False)
    return paths


def run(extracts, folder, name, feedback=None, **parameters):
    """Find people at risk, outside referral mode, writing into folder: households_<name>.csv, record_<name>.json and
    the review wherever REVIEW says."""
    ensure_provider()
    return run_algorithm("communityrisk:findpeopleatrisk", dict({
        "DATASETS": extracts, "ROLES": ",".join(role for _, role in LAYOUTS.values()), "SECRET": SECRET,
        "OUTPUT": str(folder / "households_{}.csv".format(name)), "RECORD": str(folder / "record_{}.json".format(name))},
        **parameters), feedback=feedback)


@pytest.fixture(scope="module")
def first(extracts, tmp_path_factory, qgis_app):
    folder = tmp_path_factory.mktemp("first")
    run(extracts, folder, "first", REVIEW=str(folder / "review.csv"))
    return folder


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def decide(rows, decisions, prefer=""):
    """The first undecided pairs of two households the tool kept apart (those naming `prefer` first), one per two
    households, given the decisions in order; returns the (dataset, row, dataset, row, decision) of each."""
    header, body = rows[0], sorted(rows[1:], key=lambda row: not (prefer and prefer in " ".join(row)))
    at = {name: header.index(name) for name in ("dataset_l", "row_l", "dataset_r", "row_r", "household_l",
                                                "household_r", "linked", "decision")}
    seen, decided = set(), []
    for row in body:
        households = frozenset((row[at["household_l"]], row[at["household_r"]]))
        if len(decided) == len(decisions) or row[at["linked"]] != "0" or households in seen:
            continue
        seen.add(households)
        row[at["decision"]] = decisions[len(decided)]
        decided.append((row[at["dataset_l"]], row[at["row_l"]], row[at["dataset_r"]], row[at["row_r"]],
                        decisions[len(decided)]))
    assert len(decided) == len(decisions)
    return decided


def test_the_review_has_an_empty_decision_column_beside_the_reason_and_row_checks(first):
    review = pd.read_csv(first / "review.csv", dtype=str, keep_default_na=False)
    columns = list(review.columns)
    assert columns[columns.index("reason") + 1] == "decision" and columns[-2:] == ["check_l", "check_r"]
    assert (review["decision"] == "").all() and len(review) > 10
    assert review["check_l"].str.fullmatch(r"x[0-9a-f]{12}").all()
    assert not ({"written_l", "standard_l", "uprn_l"} & set(columns))  # outside referral mode: no address
    text = (first / "review.csv").read_text(encoding="utf-8")
    assert SECRET not in text and SECRET not in (first / "record_first.json").read_text(encoding="utf-8")
    assert open(first / "review.csvt").read().split(",")[columns.index("decision")] == '"String"'


def test_decisions_written_in_a_spreadsheet_and_saved_as_windows_1252_are_applied(first, extracts, tmp_path):
    """Excel's 'CSV' saves in Windows-1252: 'résidents_âgés.csv' is read back as written. Two undecided words and a
    formula are listed as not understood; every decision is in the next review, at the end."""
    with open(first / "review.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    decided = decide(rows, ["same", "Different", "Y", "no match", '=HYPERLINK("http://x","same")', "perhaps"],
                     prefer="résidents_âgés.csv")
    assert "résidents_âgés.csv" in decided[0][0] + decided[0][2]
    filled = tmp_path / "review_filled.csv"
    with open(filled, "w", encoding="cp1252", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert "résidents_âgés.csv".encode("cp1252") in filled.read_bytes()
    log = logging_feedback()
    run(extracts, tmp_path, "second", feedback=log, DECISIONS=str(filled), REVIEW=str(tmp_path / "review2.csv"))
    record = json.loads((tmp_path / "record_second.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["applied"] == 4 and record["same_home"] == 2 and record["different_homes"] == 2
    assert record["not_understood"] == 2 and record["no_longer_matching_their_rows"] == 0
    said = [line for line in log.lines if "not understood" in line]
    assert said and "HYPERLINK" not in " ".join(log.lines) and "perhaps" not in " ".join(log.lines)
    review = pd.read_csv(tmp_path / "review2.csv", dtype=str, keep_default_na=False)
    count = int((review["decision"] != "").sum())
    last = review.iloc[-count:]
    assert (review.iloc[:-count]["decision"] == "").all() and (last["decision"] != "").all()
    assert (last["decision"] == "same home").sum() == 2  # a 'different' says it of its block of two households
    assert set(last.loc[last["decision"] == "same home", "linked"]) == {"1"}
    assert set(last.loc[last["decision"] == "different homes", "linked"]) == {"0"}
    pairs = {frozenset([(dl, rl), (dr, rr)]): decision for dl, rl, dr, rr, decision in
             last[["dataset_l", "row_l", "dataset_r", "row_r", "decision"]].values}
    assert all(pairs[frozenset([(dl, rl), (dr, rr)])] == ("same home" if decision in ("same", "Y") else
                                                          "different homes") for dl, rl, dr, rr, decision in decided[:4])
    households = set(pd.read_csv(tmp_path / "households_second.csv", dtype=str)["household_key"])
    assert set(last["household_l"]) | set(last["household_r"]) <= households
    first_households = pd.read_csv(first / "households_first.csv", dtype=str)
    assert len(households) == len(first_households) - 2  # each 'same home' joined two households


def test_the_officer_edits_the_geopackage_review_in_qgis_and_gives_it_back(extracts, tmp_path, qgis_app):
    """The review layer's decision field is labelled in words; the officer types in the attribute table, saves, and
    gives the layer back. The same GeoPackage as the new review's destination is refused, the file untouched."""
    run(extracts, tmp_path, "gpkg", REVIEW=str(tmp_path / "review.gpkg"))
    layer = QgsVectorLayer(str(tmp_path / "review.gpkg"), "review", "ogr")
    assert layer.isValid()
    field = layer.fields().field("decision")
    assert field.alias() == "Your decision: same home / different homes" and field.typeName().lower() in ("text",
                                                                                                       "string")
    assert layer.fields().field("check_l").alias() == "Row A check (leave as written)"
    index = layer.fields().lookupField("decision")
    target = next(f for f in layer.getFeatures() if f["linked"] == 0)
    assert layer.startEditing() and layer.changeAttributeValue(target.id(), index, "Same home") and layer.commitChanges()
    del layer
    before = digest(tmp_path / "review.gpkg")
    with pytest.raises(QgsProcessingException, match="over an input"):
        run(extracts, tmp_path, "refused", DECISIONS=str(tmp_path / "review.gpkg"), REVIEW=str(tmp_path / "review.gpkg"))
    assert digest(tmp_path / "review.gpkg") == before and not (tmp_path / "households_refused.csv").exists()
    # the new review written into the decisions' own table of the GeoPackage (the provider's form, written in place),
    # with the decisions given as that table or as the file: refused by the output guard, the table untouched
    for given in (str(tmp_path / "review.gpkg") + "|layername=review", str(tmp_path / "review.gpkg")):
        with pytest.raises(QgsProcessingException, match="would be written over an input"):
            run(extracts, tmp_path, "refused", DECISIONS=given,
                REVIEW="ogr:dbname='{}' table=\"review\" (geom)".format(tmp_path / "review.gpkg"))
        assert digest(tmp_path / "review.gpkg") == before and not (tmp_path / "households_refused.csv").exists()
    run(extracts, tmp_path, "again", DECISIONS=str(tmp_path / "review.gpkg") + "|layername=review",
        REVIEW=str(tmp_path / "review_again.gpkg"))
    record = json.loads((tmp_path / "record_again.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["applied"] == 1 and record["same_home"] == 1 and record["table"] == "review.gpkg"
    again = QgsVectorLayer(str(tmp_path / "review_again.gpkg"), "again", "ogr")
    decisions = [f["decision"] for f in again.getFeatures() if f["decision"]]
    assert decisions == ["same home"]


def test_the_review_layer_edited_in_qgis_without_saving_a_file_is_read_too(first, extracts, tmp_path):
    """The officer may fill in the review as a layer of the project (a temporary layer, never saved to a file)."""
    layer = QgsVectorLayer(str(first / "review.csv"), "review", "ogr").materialize(QgsFeatureRequest())
    assert layer.providerType() == "memory" and layer.featureCount() > 10
    target = next(f for f in layer.getFeatures() if str(f["linked"]) == "0")
    assert layer.startEditing() and layer.changeAttributeValue(
        target.id(), layer.fields().lookupField("decision"), "different") and layer.commitChanges()
    log = logging_feedback()
    run(extracts, tmp_path, "layer", feedback=log, DECISIONS=layer, REVIEW=str(tmp_path / "review.csv"))
    record = json.loads((tmp_path / "record_layer.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["applied"] == 1 and record["different_homes"] == 1
    assert any(line.startswith("Clerical decisions from 'review': 1 applied") for line in log.lines)


def test_only_the_selected_rows_of_a_review_layer_are_read_when_the_officer_says_so(first, extracts, tmp_path):
    """'Selected features only' ticked in the dialog: decisions in rows not selected are not read."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSourceDefinition, QgsProject

    layer = QgsVectorLayer(str(first / "review.csv"), "review to decide", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        apart = [f.id() for f in layer.getFeatures() if str(f["linked"]) == "0"][:2]
        index = layer.fields().lookupField("decision")
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName("review to decide")
        QgsProject.instance().removeMapLayer(layer.id())
        layer = copy
        QgsProject.instance().addMapLayer(layer)
        assert layer.startEditing()
        for fid, decision in zip(apart, ("same", "different")):
            assert layer.changeAttributeValue(fid, index, decision)
        assert layer.commitChanges()
        layer.selectByIds(apart[:1])
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        ensure_provider()
        processing.run("communityrisk:findpeopleatrisk", {
            "DATASETS": extracts, "ROLES": ",".join(role for _, role in LAYOUTS.values()), "SECRET": SECRET,
            "DECISIONS": QgsProcessingFeatureSourceDefinition(layer.id(), True),
            "OUTPUT": str(tmp_path / "households.csv"), "RECORD": str(tmp_path / "record.json")}, context=context)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    record = json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["rows_read"] == 1 and record["applied"] == 1 and record["same_home"] == 1


def test_an_xlsx_review_filled_in_is_applied_and_the_csv_as_output_too_is_refused(first, extracts, tmp_path):
    from openpyxl import load_workbook

    run(extracts, tmp_path, "xlsx", REVIEW=str(tmp_path / "review.xlsx"))
    book = load_workbook(tmp_path / "review.xlsx")
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    at = header.index("decision")
    target = next(k for k, row in enumerate(rows) if row[header.index("linked")] == 0)
    sheet.cell(row=target + 2, column=at + 1, value="different")
    book.save(tmp_path / "review.xlsx")
    run(extracts, tmp_path, "xlsx2", DECISIONS=str(tmp_path / "review.xlsx"), REVIEW=str(tmp_path / "review2.xlsx"))
    record = json.loads((tmp_path / "record_xlsx2.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["applied"] == 1 and record["different_homes"] == 1
    before = digest(first / "review.csv")
    with pytest.raises(QgsProcessingException, match="over an input"):
        run(extracts, tmp_path, "refused", DECISIONS=str(first / "review.csv"), REVIEW=str(first / "review.csv"))
    assert digest(first / "review.csv") == before


@pytest.mark.parametrize("content, said", [
    (b"", "empty"),
    (b"dataset_l,row_l,dataset_r,row_r,decision,check_l,check_r\r\n", "no rows"),
    (b"dataset_l,row_l,dataset_r,row_r,decison,check_l,check_r\r\na.csv,1,b.csv,2,same,x1,x2\r\n",
     "decision (is 'decison' it?)"),
])
def test_an_empty_or_misspelt_decisions_file_is_refused_before_anything_is_written(extracts, tmp_path, content, said):
    given = tmp_path / "decisions.csv"
    given.write_bytes(content)
    with pytest.raises(QgsProcessingException) as raised:
        run(extracts, tmp_path, "bad", DECISIONS=str(given), REVIEW=str(tmp_path / "review.csv"))
    assert said in str(raised.value)
    assert given.read_bytes() == content and sorted(os.listdir(tmp_path)) == ["decisions.csv"]


def test_cancel_half_way_with_decisions_writes_nothing(first, extracts, tmp_path):
    filled = tmp_path / "filled.csv"
    with open(first / "review.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    decide(rows, ["same"])
    with open(filled, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    before = digest(filled)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(extracts, tmp_path, "cancelled", feedback=cancelling_feedback(50), DECISIONS=str(filled),
            REVIEW=str(tmp_path / "review.csv"))
    assert digest(filled) == before and sorted(os.listdir(tmp_path)) == ["filled.csv"]


def test_housing_benefit_overlay_reads_its_review_back(tmp_path, qgis_app):
    """The overlay's review, filled in and given back: its decision is applied and listed in the record."""
    sample_homes_and_claimants(tmp_path, n_homes=600)

    def overlay(name, **parameters):
        run_algorithm("communityrisk:housingbenefitoverlay", dict({
            "CLAIMANTS": str(tmp_path / "claimants.csv"), "EPC": str(tmp_path / "homes.gpkg"), "SECRET": SECRET,
            "OUTPUT": str(tmp_path / "claimants_{}.csv".format(name)), "REVIEW": str(tmp_path / "review_{}.csv".format(name)),
            "RECORD": str(tmp_path / "record_{}.json".format(name))}, **parameters))

    overlay("first")
    with open(tmp_path / "review_first.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    decided = decide(rows, ["yes"])
    with open(tmp_path / "filled.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    overlay("second", DECISIONS=str(tmp_path / "filled.csv"))
    record = json.loads((tmp_path / "record_second.json").read_text(encoding="utf-8"))
    assert record["clerical_decisions"]["applied"] == 1
    review = pd.read_csv(tmp_path / "review_second.csv", dtype=str, keep_default_na=False)
    assert review["decision"].iloc[-1] == "same home" and review["linked"].iloc[-1] == "1"
    assert (review["dataset_l"].iloc[-1], review["row_l"].iloc[-1]) in {decided[0][:2], decided[0][2:4]}


def test_through_qgis_process_the_decisions_are_applied_and_the_same_file_as_output_is_refused(first, extracts,
                                                                                               tmp_path):
    """The command line a scheduled rerun uses: the filled-in review as --DECISIONS; the secret from the environment."""
    import subprocess

    from helpers import QGIS_PROCESS, private_qgis_profile

    with open(first / "review.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    decide(rows, ["same"])
    filled = tmp_path / "filled.csv"
    with open(filled, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    env = dict(private_qgis_profile(tmp_path / "profile"), COMMUNITY_RISK_SECRET=SECRET)

    def qgis_process(review, name):
        args = [QGIS_PROCESS, "run", "communityrisk:findpeopleatrisk", "--"] + [
            "DATASETS={}".format(path) for path in extracts] + [
            "ROLES=" + ",".join(role for _, role in LAYOUTS.values()), "DECISIONS={}".format(filled),
            "OUTPUT={}".format(tmp_path / "households_{}.csv".format(name)), "REVIEW={}".format(review),
            "RECORD={}".format(tmp_path / "record_{}.json".format(name))]
        return subprocess.run(args, capture_output=True, text=True, env=env, cwd="/", timeout=600)

    before = digest(filled)
    refused = qgis_process(filled, "refused")
    assert refused.returncode != 0 and "over an input" in refused.stdout + refused.stderr
    assert "Traceback" not in refused.stdout + refused.stderr
    assert digest(filled) == before and not (tmp_path / "households_refused.csv").exists()
    done = qgis_process(tmp_path / "review2.csv", "ok")
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    assert "Clerical decisions from 'filled.csv': 1 applied (1 same home" in done.stdout + done.stderr
    assert SECRET not in done.stdout + done.stderr
    record = json.loads((tmp_path / "record_ok.json").read_text(encoding="utf-8"))["clerical_decisions"]
    assert record["applied"] == 1


@pytest.mark.parametrize("algorithm_id", ["findpeopleatrisk", "housingbenefitoverlay"])
def test_the_help_says_how_to_fill_in_and_give_back_the_review(algorithm_id, qgis_app):
    from qgis.core import QgsApplication

    ensure_provider()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id)
    parameter = algorithm.parameterDefinition("DECISIONS")
    assert parameter.description() == "Clerical decisions (a review table you filled in)"
    assert parameter.flags() & parameter.FlagOptional
    for text in (parameter.help(), algorithm.shortHelpString()):
        for words in ("same home or different homes", "never guessed", "skipped", "holds every decision"):
            assert words in text, (words, text)
    assert "check_l and check_r" in algorithm.shortHelpString()


def rows_of(path):
    """The header and rows of a review as the officer opens it: a CSV in a spreadsheet or an XLSX workbook, as text."""
    if str(path).endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(path).active
        rows = [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]
    else:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def unblocked_pair(extracts, review):
    """Two rows of two datasets that no blocking rule brings together (postcodes of two districts, two streets,
    numbers of neither the same number and flat): a pair this run does not score. Rows of the review first; where
    the review is too short to hold such a pair, any rows, with the check codes the review would give them."""
    from community_risk.processing.analysis import people_at_risk as par
    from community_risk.processing.analysis.clerical_decisions import checks_of
    from community_risk.processing.analysis.linkage import prepare_records

    frames = [(os.path.basename(path), pd.read_csv(path, dtype=str, keep_default_na=False)) for path in extracts]
    sources = {name: (frame, par.detect_columns(frame, name)) for name, frame in frames}
    records = prepare_records([(name, frame, columns) for name, (frame, columns) in sources.items()])
    records = records.set_index([records["source"], records["row"] + 1])
    checks = {}
    for row in review:
        for side in ("l", "r"):
            checks[(row["dataset_" + side], int(row["row_" + side]))] = row["check_" + side]
    every_row = checks_of(sources, SECRET, list(records.index))
    assert all(every_row[key] == check for key, check in checks.items())  # the codes the review gives
    for keys in (list(checks), list(records.index)):
        shown = [key for key in keys if key in records.index and records.loc[key, "postcode"]]
        for left in shown:
            for right in shown:
                a, b = records.loc[left], records.loc[right]
                if left[0] < right[0] and a["postcode"].split()[0] != b["postcode"].split()[0] \
                        and a["street"] != b["street"] and a["number"] != b["number"]:
                    return (left, every_row[left]), (right, every_row[right])
    raise AssertionError("no two rows of the extracts are that far apart")


@pytest.mark.parametrize("extension", [".csv", ".xlsx"])
def test_a_decided_pair_this_run_does_not_score_shows_the_levels_that_weigh_it(first, extracts, tmp_path, extension):
    """A pair decided in an earlier review that this run's blocking never brings together (another postcode district,
    another street) is scored by this run's trained model all the same: in the review written, the officer sees its
    comparison levels and weights as for a pair in review, not empty cells."""
    _, review = rows_of(first / "review.csv")
    (left, check_l), (right, check_r) = unblocked_pair(extracts, review)
    filled = tmp_path / "filled.csv"
    pd.DataFrame([{"dataset_l": left[0], "row_l": left[1], "check_l": check_l, "dataset_r": right[0],
                   "row_r": right[1], "check_r": check_r, "decision": "different homes"}]).to_csv(filled, index=False)
    run(extracts, tmp_path, "second", DECISIONS=str(filled), REVIEW=str(tmp_path / ("review2" + extension)))
    header, rows = rows_of(tmp_path / ("review2" + extension))
    decided = [row for row in rows if row["decision"]]
    assert len(decided) == 1 and rows[-1] is decided[0]
    row = decided[0]
    assert {(row["dataset_l"], int(row["row_l"])), (row["dataset_r"], int(row["row_r"]))} == {left, right}
    assert row["decision"] == "different homes" and row["reason"] == "decided in an earlier review"
    # below the review level (0.3): predict, which keeps only pairs at that level or above, leaves it out
    assert float(row["match_probability"]) < 0.3 and float(row["match_weight"]) < 0
    assert row["postcode"] == "different" and float(row["postcode_weight"]) < 0
    for name in ("premise", "flat", "street"):
        assert row[name] and row[name] != "not scored this run", (name, row)
        assert row[name + "_weight"] != "" and float(row[name + "_weight"]) == float(row[name + "_weight"])
    assert row["held_back_by"] in ("postcode", "premise", "flat", "street")
    assert header.index("postcode") > header.index("decision")


@pytest.mark.parametrize("algorithm_id", ["findpeopleatrisk", "housingbenefitoverlay"])
def test_the_dialog_says_what_to_give_as_decisions_and_what_then_happens(qtbot, algorithm_id):
    """Pointing at Clerical decisions in the dialog, the officer reads which file to give (the review an earlier run
    wrote, filled in; nothing on a first run), how to fill it in, and what the next run does with it; the same words
    stand in the help panel beside the inputs. The tooltip is rich text, so Qt wraps it rather than showing one line
    as wide as the screen, and nothing in the help is taken for markup."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QTextBrowser

    ensure_provider()
    dialog = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id))
    qtbot.addWidget(dialog)
    dialog.show()
    wrapper = dialog.mainWidget().wrappers["DECISIONS"]
    label = wrapper.wrappedLabel()
    assert label.text() == "Clerical decisions (a review table you filled in) [optional]"
    tooltip = label.toolTip()
    assert Qt.mightBeRichText(tooltip) and wrapper.wrappedWidget().toolTip() == tooltip
    help_text = dialog.findChild(QTextBrowser, "textShortHelp").toPlainText()
    for words in ("leave it empty on a first run", "the clerical review an earlier run wrote",
                  "same home or different homes", "Leave the pairs you have not decided empty",
                  "leave the dataset, row and check columns as written", "is linked into one household",
                  "is never in one household", "one decision among them decides them all",
                  "skipped and listed in the log", "holds every decision so far",
                  "must not be the file the new review is written to"):
        assert words in tooltip and words in help_text, words
    parameter = dialog.algorithm().parameterDefinition("DECISIONS")
    assert not set("<>&") & set(parameter.help())
