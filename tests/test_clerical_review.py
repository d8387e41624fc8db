"""What the officer sees of Find people at risk and Housing benefit overlay: the log that says which fields were
read and which were left unread, and the clerical review sheet (CSV in a spreadsheet, the layer in QGIS's attribute
table), from council extracts written by the held-out error model in eight layouts."""
import csv
import os
import re

import geopandas as gpd
import pandas as pd
import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from community_risk.synthetic import address_holdout as holdout
from helpers import SAMPLE, ensure_provider, run_algorithm

SECRET = "clerical review secret, 16+ characters"
ROLES = {"council_tax": "register", "housing_benefit": "health", "childrens_social_care": "older",
         "adult_social_care": "care", "ctax_reminders_excel": "alone", "fire_safety_referrals": "smoking",
         "housing_tenancies": "mobility", "electoral_register": "register"}


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


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """The eight held-out layouts on the sample borough's postcodes, as the files a council would hand over."""
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")["postcode"]
    written, _ = holdout.extracts(holdout.homes(postcodes, n_homes=400))
    paths = {}
    for name, (_, frame) in written.items():
        paths[name] = str(folder / (name + ".csv"))
        frame.to_csv(paths[name], index=False)
    return paths


@pytest.fixture(scope="module")
def referral_run(extracts, tmp_path_factory, qgis_app):
    ensure_provider()  # the per-test provider fixture comes after this module-wide one
    out = tmp_path_factory.mktemp("out")
    log = Log()
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[name] for name in extracts), "SECRET": SECRET,
        "REFERRAL_MODE": True, "LAWFUL_BASIS": "UK GDPR Art. 6(1)(e), fire safety referral",
        "OUTPUT": str(out / "households.csv"), "REVIEW": str(out / "review.csv"), "RECORD": str(out / "record.json")},
        feedback=log)
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": list(extracts.values()), "ROLES": ",".join(ROLES[name] for name in extracts), "SECRET": SECRET,
        "REFERRAL_MODE": True, "LAWFUL_BASIS": "UK GDPR Art. 6(1)(e), fire safety referral",
        "OUTPUT": str(out / "households.gpkg"), "REVIEW": str(out / "review.gpkg"), "RECORD": str(out / "record2.json")})
    return out, log.lines


def test_the_log_names_the_fields_read_and_those_left_unread(referral_run):
    _, lines = referral_run
    said = {line.split("'")[1]: line for line in lines if "matched on" in line}
    assert "Householder" in said["council_tax.csv"].split("left unread")[1]
    assert "Contact" in said["adult_social_care.csv"].split("left unread")[1]
    assert "Address Line 1" in said["adult_social_care.csv"].split("left unread")[0]
    tenancies = said["housing_tenancies.csv"]
    assert "UPRN, LLPG UPRN" in tenancies.split("left unread")[0] and "Tenant" in tenancies.split("left unread")[1]


def test_both_addresses_side_by_side_then_why_and_how_they_compared(referral_run):
    out, _ = referral_run
    with open(out / "review.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert len(rows) > 20
    assert header[:7] == ["dataset_l", "row_l", "dataset_r", "row_r", "written_l", "written_r", "reason"]
    assert header.index("street_weight") < header.index("match_probability") < header.index("standard_l")
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    assert not review["postcode"].str.contains("gamma").any()
    assert set(review["postcode"]) <= {"same", "one character apart", "different", "missing"}
    assert all(len(p.split(".")[-1]) <= 4 for p in review["match_probability"])
    assert not (review["standard_l"] + review["standard_r"]).str.contains(", ,").any()


def test_addresses_are_shown_with_their_postcode_as_written(referral_run, extracts):
    """A dataset with a postcode column of its own: the written address ends in that cell, exactly as typed."""
    out, _ = referral_run
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    sources = {os.path.basename(path): pd.read_csv(path, dtype=str, keep_default_na=False)
               for path in extracts.values()}
    checked = 0
    for side in ("l", "r"):
        for dataset, row, written in zip(review["dataset_" + side], review["row_" + side], review["written_" + side]):
            if dataset != "adult_social_care.csv":  # Address Line 1..3, then Town, Postcode
                continue
            source = sources[dataset].iloc[int(row) - 1]
            lines = [source["Address Line {}".format(i)] for i in (1, 2, 3) if source["Address Line {}".format(i)]]
            assert written == ", ".join(lines + ([source["Postcode"]] if source["Postcode"] else []))
            checked += 1
    assert checked > 0


def test_held_back_by_names_only_what_held_a_pair_back(referral_run):
    """A pair that scored above the threshold with no comparison against it is in review for another reason (two
    UPRNs, a row matching another home as well): no comparison held it back, so none is named."""
    out, _ = referral_run
    review = pd.read_csv(out / "review.csv", keep_default_na=False)
    weights = review[[c + "_weight" for c in ("postcode", "premise", "flat", "street")]].astype(float)
    nothing_against = (weights.min(axis=1) >= 0) & (review["match_probability"] >= 0.9)
    assert nothing_against.any() and (review.loc[nothing_against, "held_back_by"] == "").all()
    held = review.loc[~nothing_against, "held_back_by"]
    assert len(held) and (held != "").all()
    assert list(held) == [weights.loc[i].idxmin().replace("_weight", "") for i in held.index]


def test_the_review_layer_shows_labels_in_words(referral_run):
    out, _ = referral_run
    layer = QgsVectorLayer(str(out / "review.gpkg"), "review", "ogr")
    assert layer.isValid() and layer.featureCount() > 20
    aliases = {field.name(): field.alias() for field in layer.fields()}
    assert aliases["written_l"] == "Address A, as written" and aliases["written_r"] == "Address B, as written"
    assert aliases["held_back_by"] == "Weighed most against a match"


def test_the_record_gives_the_trained_parameters_and_the_street_frequencies(referral_run):
    """m and u of every comparison level, and the street term frequencies: the weight the record gives for two rows
    naming a common street is the weight the review's pairs on that street received."""
    import json

    out, _ = referral_run
    model = json.loads((out / "record.json").read_text())["linkage_model"]
    street_levels = {level["level"]: level for level in model["comparisons"]["street"]}
    assert 0 < street_levels["same"]["u"] < street_levels["same"]["m"] < 1
    frequencies = model["street_term_frequencies"]
    listed = frequencies["most_named_streets"]
    assert 0 < len(listed) <= 10 and all(street["rows"] > 1 for street in listed)
    assert [s["rows"] for s in listed] == sorted((s["rows"] for s in listed), reverse=True)
    assert frequencies["weight_of_the_same_street"]["most_named"] == listed[0]["weight_of_the_same_street"]
    assert frequencies["weight_of_the_same_street"]["named_once"] > listed[0]["weight_of_the_same_street"]
    review = pd.read_csv(out / "review.csv", keep_default_na=False)
    same = review[review["street"] == "same"]
    compared = 0
    for street in listed:
        named = r"(?:^|[ ,]){}(?:,|$)".format(re.escape(street["street"]))
        on_it = same[same["standard_l"].str.contains(named) & same["standard_r"].str.contains(named)]
        for weight in on_it["street_weight"]:
            assert abs(weight - street["weight_of_the_same_street"]) <= 0.02, street
            compared += 1
    assert compared > 0
