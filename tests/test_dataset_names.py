"""Two input files with the same name in different folders (issue 10): this year's council tax extract beside last
year's. Each dataset is named by its file name, with its folders only where two files share one
('2024/council_tax.csv'), the same way in the log, the clerical review, the decisions read back and the processing
record; a decision written when one of them went by its file name alone finds its file by the row check, and is
skipped, saying why, where both files' rows say the same."""
import csv
import json
import os
import shutil

import geopandas as gpd
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from community_risk.processing.analysis.dataset_names import dataset_names
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.synthetic import address_holdout as holdout
from helpers import SAMPLE, ensure_provider, logging_feedback, run_algorithm

SECRET = "dataset names secret, 16+ characters"
THIS_YEAR, LAST_YEAR = "2025/council_tax.csv", "2024/council_tax.csv"


def test_a_file_name_alone_where_it_is_the_only_one(tmp_path):
    assert dataset_names([str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]) == ["a.csv", "b.csv"]


def test_folders_only_where_file_names_clash_and_only_as_many_as_tell_them_apart(tmp_path):
    paths = [tmp_path / "x" / "2024" / "ct.csv", tmp_path / "x" / "2025" / "ct.csv", tmp_path / "care.csv",
             tmp_path / "a" / "hb" / "claims.csv", tmp_path / "b" / "hb" / "claims.csv"]
    assert dataset_names([str(p) for p in paths]) == ["2024/ct.csv", "2025/ct.csv", "care.csv", "a/hb/claims.csv",
                                                      "b/hb/claims.csv"]


def test_a_name_the_tool_gives_itself_is_not_taken_by_a_file(tmp_path):
    assert dataset_names([str(tmp_path / "exports" / "epc")], taken={"epc"}) == ["exports/epc"]
    assert dataset_names([str(tmp_path / "epc.csv")], taken={"epc"}) == ["epc.csv"]


def test_the_same_file_given_twice_has_one_name_however_its_path_is_written(tmp_path, monkeypatch):
    """The same file twice is no clash to resolve: it keeps its one name, and Find people at risk refuses it."""
    (tmp_path / "ct.csv").write_text("UPRN\n1\n")
    os.symlink(tmp_path / "ct.csv", tmp_path / "link.csv")
    monkeypatch.chdir(tmp_path)
    assert dataset_names([str(tmp_path / "ct.csv"), "ct.csv", str(tmp_path / "link.csv"), "other/ct.csv"]) == \
        ["{}/ct.csv".format(tmp_path.name)] * 3 + ["other/ct.csv"]


def test_a_file_at_the_root_that_nothing_can_tell_apart_is_refused():
    with pytest.raises(AnalysisError, match="cannot be told apart"):
        dataset_names(["/epc"], taken={"epc"})


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """Last year's and this year's council tax extracts of the same homes (this year's written with other slips and
    without its UPRN column), in folders named by year, the adult social care and housing benefit extracts; and a
    copy of last year's as this year's, unchanged."""
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")["postcode"]
    homes = holdout.homes(postcodes, n_homes=400)
    written, _ = holdout.extracts(homes)
    this_year = holdout.extracts(homes, seed=99)[0]["council_tax"][1].drop(columns="UPRN")
    for name, frame in ((LAST_YEAR, written["council_tax"][1]), (THIS_YEAR, this_year),
                        ("care.csv", written["adult_social_care"][1]), ("benefit.csv", written["housing_benefit"][1])):
        os.makedirs(folder / os.path.dirname(name), exist_ok=True)
        frame.to_csv(folder / name, index=False)
    os.makedirs(folder / "copy" / "2025")
    shutil.copy(folder / LAST_YEAR, folder / "copy" / THIS_YEAR)
    return folder


def run(paths, roles, folder, name, **parameters):
    ensure_provider()
    log = logging_feedback()
    run_algorithm("communityrisk:findpeopleatrisk", dict({
        "DATASETS": [str(p) for p in paths], "ROLES": ",".join(roles), "SECRET": SECRET,
        "OUTPUT": str(folder / "households_{}.csv".format(name)), "RECORD": str(folder / "record_{}.json".format(name)),
        "REVIEW": str(folder / "review_{}.csv".format(name))}, **parameters), feedback=log)
    with open(folder / "review_{}.csv".format(name), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows, json.loads((folder / "record_{}.json".format(name)).read_text(encoding="utf-8")), log.lines


def decided_on(rows, dataset, decision, folder, name):
    """The review with `decision` written in the first pair the tool kept apart that has a record of `dataset`,
    saved as the officer saves it; returns the file and the pair."""
    row = next(row for row in rows if row["linked"] == "0" and dataset in (row["dataset_l"], row["dataset_r"]))
    row["decision"] = decision
    path = folder / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path, row


def records_of(row):
    return frozenset([(row["dataset_l"], row["row_l"]), (row["dataset_r"], row["row_r"])])


def decided(rows):
    """{the pair's two records: decision} of the pairs decided, which the review lists last."""
    count = sum(row["decision"] != "" for row in rows)
    assert count and all(row["decision"] for row in rows[len(rows) - count:])
    return {records_of(row): row["decision"] for row in rows[len(rows) - count:]}


def datasets_of(rows):
    return {row[side] for row in rows for side in ("dataset_l", "dataset_r")}


def test_two_files_of_one_name_go_by_their_folders_in_the_log_review_decisions_and_record(extracts, tmp_path,
                                                                                           qgis_app):
    paths = [extracts / LAST_YEAR, extracts / THIS_YEAR, extracts / "care.csv", extracts / "benefit.csv"]
    rows, record, log = run(paths, ["register", "register", "older", "care"], tmp_path, "first")
    assert "Reading '2024/council_tax.csv' as register" in log and "Reading '2025/council_tax.csv' as register" in log
    assert datasets_of(rows) == {LAST_YEAR, THIS_YEAR, "care.csv", "benefit.csv"}
    assert [d["dataset"] for d in record["datasets"]] == [LAST_YEAR, THIS_YEAR, "care.csv", "benefit.csv"]
    assert str(extracts) not in json.dumps(record["datasets"]) + " ".join(log)  # no more of the path
    filled, pair = decided_on(rows, THIS_YEAR, "different", tmp_path, "filled.csv")
    rows, record, _ = run(paths, ["register", "register", "older", "care"], tmp_path, "second", DECISIONS=str(filled))
    assert record["clerical_decisions"]["applied"] == 1 and record["clerical_decisions"]["different_homes"] == 1
    assert decided(rows)[records_of(pair)] == "different homes"


@pytest.fixture(scope="module")
def written_with_one_file(extracts, tmp_path_factory, qgis_app):
    """A review of a run given last year's file alone (named 'council_tax.csv'), a pair with one of its records
    decided 'different'."""
    folder = tmp_path_factory.mktemp("one_file")
    rows, _, _ = run([extracts / LAST_YEAR, extracts / "care.csv", extracts / "benefit.csv"],
                     ["register", "older", "care"], folder, "one")
    assert "council_tax.csv" in datasets_of(rows)
    return decided_on(rows, "council_tax.csv", "different", folder, "filled.csv")


def test_a_decision_naming_the_file_alone_finds_its_file_by_the_row_check(extracts, written_with_one_file, tmp_path):
    filled, pair = written_with_one_file
    rows, record, _ = run([extracts / LAST_YEAR, extracts / THIS_YEAR, extracts / "care.csv", extracts / "benefit.csv"],
                          ["register", "register", "older", "care"], tmp_path, "both", DECISIONS=str(filled))
    assert record["clerical_decisions"]["applied"] == 1
    now = frozenset((LAST_YEAR if d == "council_tax.csv" else d, r) for d, r in records_of(pair))
    assert decided(rows)[now] == "different homes"  # last year's file: its row still says what it said
    assert "council_tax.csv" not in datasets_of(rows)


def test_a_decision_that_could_mean_either_of_two_files_saying_the_same_is_skipped_saying_so(
        extracts, written_with_one_file, tmp_path):
    filled, _ = written_with_one_file
    rows, record, log = run([extracts / LAST_YEAR, extracts / "copy" / THIS_YEAR, extracts / "care.csv",
                             extracts / "benefit.csv"], ["register", "register", "older", "care"], tmp_path, "copies",
                            DECISIONS=str(filled))
    assert record["clerical_decisions"]["applied"] == 0
    assert record["clerical_decisions"]["no_longer_matching_their_rows"] == 1
    said = " ".join(log)
    assert "'2024/council_tax.csv' or '2025/council_tax.csv', which say the same: write which in its dataset field" \
        in said
    assert all(row["decision"] == "" for row in rows)


def test_the_same_file_given_twice_is_refused_before_anything_is_written(extracts, tmp_path, qgis_app):
    ensure_provider()
    with pytest.raises(QgsProcessingException, match="'council_tax.csv' is given twice"):
        run_algorithm("communityrisk:findpeopleatrisk", {
            "DATASETS": [str(extracts / LAST_YEAR), str(extracts / LAST_YEAR)], "ROLES": "register,register",
            "SECRET": SECRET, "OUTPUT": str(tmp_path / "households.csv"), "REVIEW": str(tmp_path / "review.csv"),
            "RECORD": str(tmp_path / "record.json")})
    assert os.listdir(tmp_path) == []


def test_the_overlay_names_a_claimant_file_called_as_the_epc_homes_are_by_its_folder(tmp_path, qgis_app):
    from helpers import sample_homes_and_claimants

    sample_homes_and_claimants(tmp_path, n_homes=300)
    os.makedirs(tmp_path / "exports")
    shutil.copy(tmp_path / "claimants.csv", tmp_path / "exports" / "epc")
    ensure_provider()
    log = logging_feedback()
    run_algorithm("communityrisk:housingbenefitoverlay", {
        "CLAIMANTS": str(tmp_path / "exports" / "epc"), "EPC": str(tmp_path / "homes.gpkg"), "SECRET": SECRET,
        "OUTPUT": str(tmp_path / "claimants_out.csv"), "REVIEW": str(tmp_path / "review.csv"),
        "RECORD": str(tmp_path / "record.json")}, feedback=log)
    review = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    assert set(review["dataset_l"]) | set(review["dataset_r"]) == {"exports/epc", "epc"}
    assert any("Reading 'exports/epc'" in line for line in log.lines)
