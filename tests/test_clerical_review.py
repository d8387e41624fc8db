"""What the officer sees of Find people at risk and Housing benefit overlay: the log that says which fields were
read and which were left unread, and the clerical review sheet (CSV in a spreadsheet, the layer in QGIS's attribute
table), from council extracts written by the held-out error model in eight layouts."""
import csv
import json
import os
import re

import geopandas as gpd
import pandas as pd
import pytest
from qgis.core import QgsVectorLayer

from community_risk.synthetic import address_holdout as holdout
from helpers import SAMPLE, ensure_provider, logging_feedback, run_algorithm, sample_homes_and_claimants

SECRET = "clerical review secret, 16+ characters"
ROLES = {"council_tax": "register", "housing_benefit": "health", "childrens_social_care": "older",
         "adult_social_care": "care", "ctax_reminders_excel": "alone", "fire_safety_referrals": "smoking",
         "housing_tenancies": "mobility", "electoral_register": "register", "uprn_conflicts": "near_miss"}


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """The eight held-out layouts on the sample borough's postcodes, as the files a council would hand over, and a
    ninth whose rows copy council tax rows under UPRNs of their own: pairs that always reach the review however well
    the linkage reads the rest (the same text, two UPRNs), which no comparison weighs against."""
    folder = tmp_path_factory.mktemp("extracts")
    postcodes = gpd.read_file(SAMPLE, layer="postcodes")["postcode"]
    written, _ = holdout.extracts(holdout.homes(postcodes, n_homes=800))
    paths = {}
    for name, (_, frame) in written.items():
        paths[name] = str(folder / (name + ".csv"))
        frame.to_csv(paths[name], index=False)
    council_tax = written["council_tax"][1]
    conflicts = council_tax[council_tax["UPRN"] != ""].head(30).copy()
    conflicts["UPRN"] = [str(990000000000 + i) for i in range(len(conflicts))]
    paths["uprn_conflicts"] = str(folder / "uprn_conflicts.csv")
    conflicts.to_csv(paths["uprn_conflicts"], index=False)
    return paths


@pytest.fixture(scope="module")
def referral_run(extracts, tmp_path_factory, qgis_app):
    ensure_provider()  # the per-test provider fixture comes after this module-wide one
    out = tmp_path_factory.mktemp("out")
    log = logging_feedback()
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
    assert header[:12] == ["dataset_l", "row_l", "dataset_r", "row_r", "written_l", "written_r", "uprn_l", "uprn_r",
                           "household_l", "household_r", "linked", "reason"]
    assert header.index("street_weight") < header.index("match_probability") < header.index("standard_l")
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    assert not review["postcode"].str.contains("gamma").any()
    assert set(review["postcode"]) <= {"same", "one character apart", "different", "missing"}
    assert all(len(p.split(".")[-1]) <= 4 for p in review["match_probability"])
    assert not (review["standard_l"] + review["standard_r"]).str.contains(", ,").any()


def test_each_record_shows_its_household_and_whether_the_tool_linked_the_pair(referral_run):
    """The officer sees the decision the tool took and which rows of the households output to correct."""
    out, _ = referral_run
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    households = set(pd.read_csv(out / "households.csv", dtype=str)["household_key"])
    assert set(review["household_l"]) | set(review["household_r"]) <= households
    same = review["household_l"] == review["household_r"]
    assert list(review["linked"]) == ["1" if s else "0" for s in same]
    assert not same.all()


def test_the_pairs_of_two_households_come_together(referral_run):
    """One decision per two households: their pairs are one block of rows, and the blocks keep the linkage's order
    (pairs in doubt first)."""
    out, _ = referral_run
    review = pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)
    keys = [tuple(sorted(pair)) for pair in zip(review["household_l"], review["household_r"])]
    blocks = [key for i, key in enumerate(keys) if i == 0 or key != keys[i - 1]]
    assert len(blocks) == len(set(keys)) < len(keys)
    first_a = {}
    for key, a in zip(keys, review["household_l"]):
        assert first_a.setdefault(key, a) == a  # household A is the same one down the block
    settled = review["reason"].str.startswith("the rows name two homes").to_numpy()
    first_settled = {key: settled[i] for i, key in reversed(list(enumerate(keys)))}
    assert [first_settled[key] for key in blocks] == sorted(first_settled[key] for key in blocks)


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
            postcode = source["Postcode"].strip()  # as typed, less the spaces around it
            assert written == ", ".join(lines + ([postcode] if postcode else []))
            checked += 1
    assert checked > 0


def test_held_back_by_names_only_what_held_a_pair_back(referral_run):
    """A pair that scored above the threshold with no comparison against it is in review for another reason (two
    UPRNs, a row matching another home as well): no comparison held it back, so none is named."""
    out, _ = referral_run
    review = pd.read_csv(out / "review.csv")
    review["held_back_by"] = review["held_back_by"].fillna("")
    # a pair the linkage's own rules put in review may have no comparison scored: it weighs nothing either way
    weights = review[[c + "_weight" for c in ("postcode", "premise", "flat", "street")]].astype(float).fillna(0.0)
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
    review = pd.read_csv(out / "review.csv", dtype={"standard_l": str, "standard_r": str}).fillna({
        "standard_l": "", "standard_r": ""})
    same = review[review["street"] == "same"]
    compared = 0
    for street in listed:
        named = r"(?:^|[ ,]){}(?:,|$)".format(re.escape(street["street"]))
        on_it = same[same["standard_l"].str.contains(named) & same["standard_r"].str.contains(named)]
        for weight in on_it["street_weight"]:
            assert abs(weight - street["weight_of_the_same_street"]) <= 0.02, street
            compared += 1
    assert compared > 0


@pytest.fixture(scope="module")
def overlay_run(tmp_path_factory, qgis_app):
    """Housing benefit overlay on the sample borough's generated EPC homes and claimants, in referral mode."""
    folder = tmp_path_factory.mktemp("overlay")
    sample_homes_and_claimants(folder, n_homes=1500)
    log = logging_feedback()
    for extension in ("csv", "gpkg"):
        run_algorithm("communityrisk:housingbenefitoverlay", {
            "CLAIMANTS": str(folder / "claimants.csv"), "EPC": str(folder / "homes.gpkg"), "SECRET": SECRET,
            "REFERRAL_MODE": True, "LAWFUL_BASIS": "Housing Act 2004 s.4",
            "OUTPUT": str(folder / "out" / "claimants.{}".format(extension)),
            "REVIEW": str(folder / "out" / "review.{}".format(extension)),
            "RECORD": str(folder / "out" / "record_{}.json".format(extension))}, feedback=log)
    return folder, log.lines


def test_the_overlay_shows_flags_as_whole_numbers(overlay_run):
    folder, _ = overlay_run
    table = pd.read_csv(folder / "out" / "claimants.csv", dtype=str, keep_default_na=False)
    for flag in ("band_fg", "private_rented", "flagged", "epc_found"):
        assert set(table[flag]) <= {"0", "1", ""} and "1" in set(table[flag]), flag
    assert (table.loc[table["epc_found"] == "0", "band_fg"] == "").all()
    layer = QgsVectorLayer(str(folder / "out" / "claimants.gpkg"), "claimants", "ogr")
    assert layer.fields().field("band_fg").typeName().lower().startswith("int")


def test_the_overlay_log_review_and_record_as_the_officer_sees_them(overlay_run):
    folder, lines = overlay_run
    said = next(line for line in lines if line.startswith("'claimants.csv': matched on"))
    used, unread = said.split("left unread")
    assert "Address Line 1" in used and "Post Code" in used
    assert "Claimant Name" in unread and "Weekly Award" in unread and "Claimant Name" not in used
    claimants = pd.read_csv(folder / "claimants.csv", dtype=str, keep_default_na=False)
    review = pd.read_csv(folder / "out" / "review.csv", dtype=str, keep_default_na=False)
    assert len(review) and list(review.columns[4:8]) == ["written_l", "written_r", "uprn_l", "uprn_r"]
    output = pd.read_csv(folder / "out" / "claimants.csv", dtype=str, keep_default_na=False)
    assert set(review.loc[review["dataset_l"] == "claimants.csv", "household_l"]) <= set(output["household_key"])
    mine = review[review["dataset_l"] == "claimants.csv"]
    assert len(mine)
    for row, written in zip(mine["row_l"], mine["written_l"]):
        source = claimants.iloc[int(row) - 1]
        assert written == ", ".join(t for t in (source["Address Line 1"], source["Post Code"]) if t)
    layer = QgsVectorLayer(str(folder / "out" / "review.gpkg"), "review", "ogr")
    assert layer.fields().field("reason").alias() == "Why it needs a decision"
    summary = next(line for line in lines if "claimant household(s)" in line)
    assert summary.endswith("; {} pairs for clerical review.".format(len(review)))  # as Find people at risk says
    record = json.loads((folder / "out" / "record_csv.json").read_text())
    assert record["linkage_model"]["street_term_frequencies"]["most_named_streets"]


@pytest.mark.parametrize("algorithm_id, said", [
    ("findpeopleatrisk", {"ROLES": "register,older,care", "THRESHOLD": "clerical review",
                          "DATASETS": "left unread", "SECRET_AUTHCFG": "COMMUNITY_RISK_SECRET",
                          "REFERRAL_MODE": "address", "LAWFUL_BASIS": "UK GDPR", "REVIEW": "not its address"}),
    ("housingbenefitoverlay", {"CLAIMANTS": "left unread", "SECRET_AUTHCFG": "COMMUNITY_RISK_SECRET",
                               "REFERRAL_MODE": "address", "LAWFUL_BASIS": "UK GDPR", "REVIEW": "not its address"}),
])
def test_each_input_says_what_to_give_when_pointed_at(qtbot, algorithm_id, said):
    """A first-time user points at a label in the dialog and reads what to put there (the roles, in order, with an
    example; that one of the secret's two sources is needed)."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication

    dialog = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id))
    qtbot.addWidget(dialog)
    dialog.show()
    wrappers = dialog.mainWidget().wrappers
    for name, words in said.items():
        wrapper = wrappers[name]
        if hasattr(wrapper, "wrappedLabel"):  # QGIS's C++ widget wrappers: the label's (a check box has none)
            label = wrapper.wrappedLabel()
            shown = (label.toolTip() if label is not None else "") + wrapper.wrappedWidget().toolTip()
        else:  # processing's Python wrappers put it on the widget
            shown = wrapper.widget.toolTip()
        assert words in shown, (name, shown)


def test_a_person_named_in_an_address_line_reaches_no_output(extracts, tmp_path, qgis_app):
    """Referrals typed by partners name the person in the address ('C/O Mrs Okafor, 14 Rye Lane'): referral mode
    gives addresses, never names, so the name is left out of the households' addresses and the review's."""
    referrals = pd.read_csv(extracts["fire_safety_referrals"], dtype=str, keep_default_na=False)
    forms = ["C/O Mrs Okafor, {}", "FAO Amina Okafor, {}", "Mr Okafor {}", "{}", "@{}", "=HYPERLINK(\"x\") {}"]
    referrals["Address"] = [forms[i % 6].format(text) for i, text in enumerate(referrals["Address"])]
    referrals.to_csv(tmp_path / "named_referrals.csv", index=False)
    # named rows that surely reach the review: council tax rows copied under UPRNs of their own (the same text, two
    # UPRNs), a person written before the address
    conflicts = pd.read_csv(extracts["uprn_conflicts"], dtype=str, keep_default_na=False)
    conflicts["Addr1"] = [forms[i % 3].format(text) for i, text in enumerate(conflicts["Addr1"])]
    conflicts.to_csv(tmp_path / "named_conflicts.csv", index=False)
    paths = [extracts["council_tax"], extracts["electoral_register"], str(tmp_path / "named_referrals.csv"),
             str(tmp_path / "named_conflicts.csv")]
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": paths, "ROLES": "register,register,near_miss,care", "SECRET": SECRET, "REFERRAL_MODE": True,
        "LAWFUL_BASIS": "UK GDPR Art. 6(1)(e)", "OUTPUT": str(tmp_path / "households.csv"),
        "REVIEW": str(tmp_path / "review.csv"), "RECORD": str(tmp_path / "record.json")})
    households = (tmp_path / "households.csv").read_text(encoding="utf-8")
    review = (tmp_path / "review.csv").read_text(encoding="utf-8")
    for text in (households, review, (tmp_path / "record.json").read_text(encoding="utf-8")):
        assert "okafor" not in text.lower() and "amina" not in text.lower()
    assert "[name left out]" in review  # the named rows did reach the review
    # cells a spreadsheet would run as formulas are text, in the CSV and in an XLSX review alike
    table = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    written = list(table["written_l"]) + list(table["written_r"]) + list(table["standard_l"]) + list(table["standard_r"])
    assert not any(cell.startswith(("=", "@", "+", "-")) for cell in written)
    addresses = pd.read_csv(tmp_path / "households.csv", dtype=str, keep_default_na=False)["address"]
    assert not any(a.startswith(("=", "@", "+", "-")) for a in addresses)
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": paths, "ROLES": "register,register,near_miss,care", "SECRET": SECRET, "REFERRAL_MODE": True,
        "LAWFUL_BASIS": "UK GDPR Art. 6(1)(e)", "OUTPUT": str(tmp_path / "households.xlsx"),
        "REVIEW": str(tmp_path / "review.xlsx"), "RECORD": str(tmp_path / "record_xlsx.json")})
    from openpyxl import load_workbook

    for name in ("review.xlsx", "households.xlsx"):
        cells = [cell for row in load_workbook(tmp_path / name).active.iter_rows() for cell in row]
        assert cells and not any(cell.data_type == "f" for cell in cells), name
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]  # negative weights are numbers
        assert not any(text.startswith(("=", "@", "+", "-")) for text in texts), name
        assert not any("okafor" in text.lower() for text in texts), name
    # a household with rows from another file takes its address from a row that names no one
    table = pd.read_csv(tmp_path / "households.csv", keep_default_na=False)
    named_in_referrals = table[table["near_miss"] == 1]
    assert len(named_in_referrals) > 20 and (named_in_referrals["address"] != "").all()
    assert not named_in_referrals.loc[named_in_referrals["datasets"] > 1, "address"].str.contains("name left").any()


@pytest.mark.parametrize("algorithm_id", ["findpeopleatrisk", "housingbenefitoverlay"])
def test_both_algorithms_write_the_clerical_review_unless_told_not_to(algorithm_id, qgis_app):
    # an officer who leaves the dialog as it opens gets the pairs to decide; the overlay had left it unchecked
    from qgis.core import QgsApplication

    ensure_provider()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:" + algorithm_id)
    review = algorithm.parameterDefinition("REVIEW")
    assert review.flags() & review.FlagOptional and review.createByDefault()
