"""Find people at risk: address parsing, linkage quality on generated council extracts, privacy, bad input."""
import json
import os
import re

import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from community_risk.synthetic import council_extracts as council_data
from community_risk.processing.analysis import people_at_risk as par
from community_risk.processing.analysis.linkage import link_households, parse_address, prepare_records
from community_risk.processing.analysis.messages import AnalysisError
from helpers import london_file, run_algorithm

SECRET = "correct horse battery staple"
COLUMNS = {"uprn": "UPRN", "postcode": "Post Code", "address": ["Address Line 1", "Address Line 2"]}


@pytest.mark.parametrize("text", ["Flat 2, 10 Milner Rd", "2/10 MILNER ROAD", "10 milner road, flat 2",
                                  "FLAT 2 10 Milner Road London", "Apartment 2, 10 Milner Rd."])
def test_flats_written_every_way_read_alike(text):
    assert parse_address(text) == ("2", "10", "MILNER ROAD")


def test_houses_and_abbreviations():
    assert parse_address("52 St Paul's Rd") == (None, "52", "SAINT PAULS ROAD")
    # a letter after the number is read as the flat it usually is: "12a" and "Flat A, 12" are one home
    assert parse_address("12a Canonbury Gdns") == ("A", "12", "CANONBURY GARDENS")


def generated(postcodes, n=2000):
    extracts, households = council_data.generate(postcodes, n_households=n)
    frames, truth = [], []
    for name, (role, frame) in extracts.items():
        frames.append((name, frame, COLUMNS))
        truth += list(frame["_household"])
    return extracts, households, frames, truth


@pytest.fixture(scope="module")
def london_postcodes():
    table = pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    return table[table["lad_code"] == "E09000019"]  # Islington


def test_household_links_meet_the_quality_goal_on_real_london_postcodes(london_postcodes):
    _, _, frames, truth = generated(london_postcodes)
    result = link_households(prepare_records(frames))
    precision, recall = council_data.pairwise_quality(result.household, truth)
    assert precision >= 0.95 and recall >= 0.90, (precision, recall)
    assert result.stats["uprn_links"] > 0 and result.stats["records_with_uprn"] < result.stats["records"]


def test_household_links_on_the_sample_borough_postcodes(sample_path):
    import geopandas as gpd

    postcodes = gpd.read_file(sample_path, layer="postcodes")
    _, _, frames, truth = generated(postcodes, n=1500)
    precision, recall = council_data.pairwise_quality(link_households(prepare_records(frames)).household, truth)
    assert precision >= 0.95 and recall >= 0.90, (precision, recall)


def test_flags_follow_the_datasets_each_household_is_in(london_postcodes):
    extracts, _, frames, truth = generated(london_postcodes, n=800)
    datasets = [(name, par.normalise_role(role), frame.drop(columns="_household"))
                for name, (role, frame) in extracts.items()]
    result = par.find_people_at_risk(datasets, SECRET)
    true_roles = {}
    for name, (role, frame) in extracts.items():
        for household in frame["_household"]:
            true_roles.setdefault(household, set()).add(role)
    expected = pd.Series({h: sum(1 for r in roles if r != "register") for h, roles in true_roles.items()})
    found = result.households["n_factors"].value_counts()
    wanted = expected.value_counts()
    # linkage is near-perfect, not perfect: a household split in two shifts a count or two
    difference = found.subtract(wanted, fill_value=0).abs().sum()
    assert difference <= 0.01 * len(expected), (found.to_dict(), wanted.to_dict())
    assert (result.households["score"] >= result.households["n_factors"]).all()
    assert list(result.households["score"]) == sorted(result.households["score"], reverse=True)


def test_outputs_hold_no_personal_data_and_keys_are_keyed_hashes(london_postcodes):
    extracts, _, _, _ = generated(london_postcodes, n=300)
    datasets = [(name, par.normalise_role(role), frame.drop(columns="_household")) for name, (role, frame) in extracts.items()]
    result = par.find_people_at_risk(datasets, SECRET)
    text = result.households.to_csv() + result.review.to_csv() + json.dumps(result.record)
    for name, (_, frame) in extracts.items():
        for column in ("Name", "Date of birth", "Notes", "Address Line 1", "UPRN"):
            values = [v for v in frame[column].astype(str) if len(v) > 6]
            assert not any(v in text for v in values[:50]), (name, column)
    assert SECRET not in text
    assert result.households["household_key"].str.fullmatch(r"[0-9a-f]{24}").all()
    assert set(result.households.columns) == {"household_key", "postcode", "older", "alone", "mobility", "health",
                                              "smoking", "near_miss", "care", "n_factors", "score", "datasets"}
    again = par.find_people_at_risk(datasets, SECRET)
    assert list(again.households["household_key"]) == list(result.households["household_key"])
    other = par.find_people_at_risk(datasets, SECRET + "!")
    assert not set(other.households["household_key"]) & set(result.households["household_key"])


def test_referral_mode_needs_a_lawful_basis_and_then_gives_addresses(london_postcodes):
    extracts, _, _, _ = generated(london_postcodes, n=200)
    datasets = [(name, par.normalise_role(role), frame.drop(columns="_household")) for name, (role, frame) in extracts.items()]
    with pytest.raises(AnalysisError) as raised:
        par.find_people_at_risk(datasets, SECRET, referral=True)
    assert "lawful basis" in str(raised.value)
    result = par.find_people_at_risk(datasets, SECRET, referral=True, lawful_basis="UK GDPR 6(1)(e), 9(2)(h)")
    assert {"address", "uprn"} <= set(result.households.columns)
    assert result.households["address"].str.contains(r"\d+ [A-Z]", regex=True).mean() > 0.9
    assert result.record["lawful_basis"] == "UK GDPR 6(1)(e), 9(2)(h)"


def small_table(**changes):
    frame = pd.DataFrame({"UPRN": ["100000000001", "", "100000000003"],
                          "Address Line 1": ["1 Milner Rd", "Flat 2, 5 Milner Road", "7 Milner Road"],
                          "Post Code": ["n1 2uh", "N1 2UH", "N12UH"], "Name": ["A Smith", "B Jones", "C Khan"]})
    for column, values in changes.items():
        frame[column] = values
    return frame


@pytest.mark.parametrize("datasets, words", [
    (lambda: [("a.csv", "older", small_table())], ["at least 16"]),
    (lambda: [("a.csv", "older", small_table()), ("b.csv", "older", small_table())], ["'older' is given twice", "a.csv", "b.csv"]),
    (lambda: [("c.csv", "older", small_table().drop(columns=["UPRN", "Post Code"]))], ["c.csv", "no UPRN or postcode",
                                                                                       "do not end in a postcode"]),
    (lambda: [("d.csv", "older", small_table().drop(columns=["UPRN", "Address Line 1"]))], ["d.csv", "no address"]),
])
def test_bad_datasets_are_refused(datasets, words):
    secret = "short" if "at least 16" in words else SECRET
    with pytest.raises(AnalysisError) as raised:
        par.find_people_at_risk(datasets(), secret)
    for word in words:
        assert word in str(raised.value)


@pytest.mark.parametrize("secret", [" " * 16, " " * 40, "a" * 20, "ab" + " " * 20, "short"])
def test_weak_secrets_are_refused(secret):
    with pytest.raises(AnalysisError) as raised:
        par.check_secret(secret)
    assert "at least 16" in str(raised.value)


def test_a_secret_of_sixteen_distinct_characters_is_accepted():
    par.check_secret("0123456789abcdef")
    par.check_secret("  correct horse battery staple  ")


def test_names_never_reach_any_output_even_in_referral_mode():
    people = ["Alice Householder", "Bob Premises", "Carol Contact"]
    table = pd.DataFrame({"Householder": people, "Premises contact": ["Dr " + p for p in people],
                          "Contact": ["Mrs " + p for p in people],
                          "Address Line 1": ["Flat 2, 5 Milner Road", "7 Milner Road", "Rose Cottage, Milner Road"],
                          "Post Code": ["N1 2UH"] * 3, "UPRN": ["", "", ""]})
    other = table.assign(**{"Address Line 1": ["5 Milner Rd, Flat 2", "7 Milner Rd", "Rose Cottage, Milner Rd"]})
    result = par.find_people_at_risk([("a.csv", "older", table), ("b.csv", "care", other)], SECRET, referral=True,
                                     lawful_basis="UK GDPR 6(1)(e)", review_low=0.0001)
    text = result.households.to_csv() + result.review.to_csv() + json.dumps(result.record)
    for person in people:
        for word in person.split():
            if word not in ("Premises", "Contact", "Householder"):
                assert word not in text, word
    dataset = result.record["datasets"][0]
    assert dataset["fields_dropped_unread"] == ["Householder", "Premises contact", "Contact"]
    assert dataset["fields_used_for_matching"] == ["UPRN", "Post Code", "Address Line 1"]
    # referral addresses are rebuilt from the standard parts, never copied from a row
    assert set(result.households["address"]) == {"Flat 2, 5 Milner Road", "7 Milner Road", "Rose Cottage, Milner Road"}


def test_an_export_with_its_postcodes_only_in_the_address_is_linked_on_them():
    # housing benefit 'Addr Line 1..5' with 'LONDON E2 6BA' last, and no postcode or UPRN column
    lines = pd.DataFrame({"Addr Line 1": ["FLAT 2", "7 MILNER ROAD", "FLAT 3"],
                          "Addr Line 2": ["5 MILNER ROAD", "LONDON N1 2UH", "5 MILNER RD"],
                          "Addr Line 3": ["LONDON N1 2UH", "", "N12UH"]})
    columns = par.detect_columns(lines, "hb.csv")
    assert columns["postcode"] is None and columns["uprns"] == []
    result = par.find_people_at_risk([("hb.csv", "older", lines), ("b.csv", "care", small_table())], SECRET)
    assert result.record["datasets"][0]["fields_used_for_matching"] == ["Addr Line 1", "Addr Line 2", "Addr Line 3"]
    # four homes: Flat 2 at 5 and 7 Milner Road, written by both files, Flat 3 at 5 and 1 Milner Road
    assert result.record["households"] == 4


def test_a_block_name_column_is_read_as_the_building():
    frame = pd.DataFrame({"Flat No": ["9"], "Block Name": ["Marsden Lodge"], "Street": ["St Marys Approach"],
                          "Post Code": ["NW5 4BN"], "Block manager": ["Ms A Jones"]})
    columns = par.detect_columns(frame, "repairs.csv")
    assert columns["components"]["premise"] == ["Block Name"] and "Block manager" in columns["dropped"]


def test_uprns_spoiled_by_excel_are_refused_with_the_fix():
    table = small_table(UPRN=["1.00023E+11", "100000000002", "1.00023E+11"])
    with pytest.raises(AnalysisError) as raised:
        par.find_people_at_risk([("spoiled.csv", "older", table)], SECRET)
    message = str(raised.value)
    assert "spoiled.csv" in message and "1.00023E+11" in message and "2 UPRN(s)" in message
    assert "as text" in message


def test_unknown_role_and_empty_table(tmp_path):
    with pytest.raises(AnalysisError) as raised:
        par.normalise_role("pets")
    assert "Unknown role 'pets'" in str(raised.value)
    assert par.normalise_role("Lives alone") == "alone" and par.normalise_role("council tax") == "register"
    (tmp_path / "empty.csv").write_text("UPRN,Post Code,Address Line 1\n")
    with pytest.raises(AnalysisError) as raised:
        par.read_table(str(tmp_path / "empty.csv"))
    assert "empty.csv" in str(raised.value) and "empty" in str(raised.value)


def test_bad_postcodes_and_conflicting_uprns_are_reported():
    table = small_table(**{"Post Code": ["n1 2uh", "not known", "SW1A 1AA"], "UPRN": ["100000000001", "", "100000000001"]})
    result = par.find_people_at_risk([("a.csv", "older", table), ("b.csv", "care", small_table())], SECRET)
    notes = " ".join(str(n) for n in result.notes)
    assert "not a UK postcode" in notes and "'not known'" in notes
    assert "1 UPRN(s) are recorded at addresses in different postcodes" in notes


def test_unknown_postcodes_and_rows_without_keys_are_reported():
    table = small_table(**{"Post Code": ["n1 2uh", "N1 2UH", "ZZ9 9ZZ"]})
    keyless = pd.DataFrame({"UPRN": [""], "Address Line 1": [""], "Post Code": [""]})
    result = par.find_people_at_risk([("a.csv", "older", table), ("b.csv", "care", keyless)], SECRET,
                                     known_postcodes={"N1 2UH"})
    notes = " ".join(str(n) for n in result.notes)
    assert "1 row(s) have a postcode that does not exist in the postcode list, e.g. ZZ9 9ZZ" in notes
    assert "1 row(s) have no UPRN, postcode or address and were left out: b.csv row 1" in notes
    assert len(result.households) == 3


def test_council_encodings_are_read(tmp_path, london_postcodes):
    paths = council_data.write(str(tmp_path), london_postcodes, n_households=300)
    alone = par.read_table(paths["alone"])  # Windows-1252
    assert alone.columns[0] == "UPRN"
    assert alone["Name"].str.contains("Zoë|Agnès").any()  # decoded, not mojibake
    council_tax = par.read_table(paths["council_tax"])  # UTF-8 with a byte-order mark
    assert council_tax.columns[0] == "UPRN"
    older = par.read_table(paths["older"])  # XLSX
    assert "Post Code" in older.columns and len(older) > 0


def test_find_people_at_risk_through_processing(tmp_path, london_postcodes):
    paths = council_data.write(str(tmp_path / "in"), london_postcodes, n_households=600)
    names = list(paths)
    out = tmp_path / "out"
    result = run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": [paths[n] for n in names], "ROLES": ",".join("register" if n == "council_tax" else n for n in names),
        "SECRET": SECRET, "OUTPUT": str(out / "households.gpkg"), "REVIEW": str(out / "review.gpkg"),
        "RECORD": str(out / "record.json")})
    import geopandas as gpd

    households = gpd.read_file(out / "households.gpkg")
    assert result["HOUSEHOLDS"] == len(households) and result["AT_RISK"] == (households["n_factors"] >= 2).sum()
    record = json.loads((out / "record.json").read_text())
    assert [d["dataset"] for d in record["datasets"]] == [os.path.basename(paths[n]) for n in names]
    assert record["datasets"][0]["fields_dropped_unread"] == ["Name", "Date of birth", "Town", "Notes"]
    assert set(record["outputs_written"]) == {"households", "clerical_review"}
    decisions = record["linkage_decisions"]  # what the linkage decided beyond its model, counted
    assert decisions["uprn_links"] > 0 and decisions["links_refused_as_conflicting"] >= 0
    assert isinstance(decisions["files_listing_each_home_once"], list)
    assert SECRET not in (out / "record.json").read_text()
    assert re.match(r"\d{4}-\d\d-\d\dT", record["run_at"])


def test_processing_refuses_mismatched_roles(tmp_path):
    small_table().to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:findpeopleatrisk", {
            "DATASETS": [str(tmp_path / "a.csv")], "ROLES": "older,care", "SECRET": SECRET,
            "OUTPUT": str(tmp_path / "o.gpkg"), "RECORD": str(tmp_path / "r.json")})
    assert "one role per dataset" in str(raised.value)
    assert not (tmp_path / "o.gpkg").exists() and not (tmp_path / "r.json").exists()


# --- adapter-level tests (issue 8): council files however they were saved -------------------------------

def test_find_people_at_risk_reads_utf16_and_misnamed_files_alike(tmp_path, london_postcodes):
    """A UTF-16 tab-separated export ("Unicode text"), a CSV named .xlsx and a gzipped CSV give exactly the
    households the plain files give."""
    import gzip

    paths = council_data.write(str(tmp_path / "in"), london_postcodes, n_households=300)
    names = list(paths)
    roles = ",".join("register" if n == "council_tax" else n for n in names)
    changed = dict(paths)
    csv_names = [n for n in names if paths[n].endswith(".csv")]
    utf16, misnamed, zipped = csv_names[:3]
    frame = par.read_table(paths[utf16])
    changed[utf16] = str(tmp_path / "in" / (utf16 + "_unicode.txt"))
    frame.to_csv(changed[utf16], sep="\t", index=False, encoding="utf-16")
    changed[misnamed] = str(tmp_path / "in" / (misnamed + "_really_csv.xlsx"))
    os.rename(paths[misnamed], changed[misnamed])
    changed[zipped] = str(tmp_path / "in" / (zipped + ".csv.gz"))
    with open(paths[zipped], "rb") as source, gzip.open(changed[zipped], "wb") as target:
        target.write(source.read())
    os.symlink(changed[misnamed], paths[misnamed])  # the plain run reads the same bytes under the .csv name

    def households(dataset_paths, out):
        run_algorithm("communityrisk:findpeopleatrisk", {"DATASETS": dataset_paths, "ROLES": roles, "SECRET": SECRET,
                                                         "OUTPUT": str(out), "RECORD": str(out) + ".json"})
        return pd.read_csv(out)

    plain = households([paths[n] for n in names], tmp_path / "plain.csv")
    awkward = households([changed[n] for n in names], tmp_path / "awkward.csv")
    assert len(plain) > 250
    pd.testing.assert_frame_equal(plain, awkward)
