"""The household linkage judged on a held-out error model (synthetic/address_holdout.py): council layouts and
errors written apart from the linker and from the project's other generators, on real Southwark postcodes.
First the model itself is checked (its truth is consistent, every layout and form it claims occurs), then the
level the linkage reaches on it is guarded."""
import re

import pandas as pd
import pytest

from community_risk.processing.analysis.linkage import prepare_records
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import address_holdout as holdout
from community_risk.synthetic.council_extracts import household_quality, pairwise_quality
from helpers import london_file


@pytest.fixture(scope="module")
def model():
    table = pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    homes = holdout.homes(table.loc[table["lad_code"] == holdout.BOROUGH, "postcode"], n_homes=2000)
    audit = {}
    extracts, truth = holdout.extracts(homes, audit=audit)
    return homes, extracts, truth, audit


def address_text(frame):
    """Every row's address and postcode fields joined, upper case (names, references and UPRNs left out)."""
    columns = [c for c in frame.columns if re.search(r"addr|flat|building|house no|street|locality|town|post ?code",
                                                     c, re.I)]
    return frame[columns].astype(str).agg(" | ".join, axis=1).str.upper()


def all_kinds(audit):
    return {kind for rows in audit.values() for kinds in rows for kind in kinds}


@pytest.mark.london
def test_the_truth_is_consistent_with_what_each_row_writes(model):
    homes, extracts, truth, audit = model
    home = homes.set_index("home")
    assert homes["uprn"].is_unique and homes["home"].is_unique
    neighbours = 0
    assert set(homes["postcode"]) <= set(pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode"])["postcode"])
    for name, (layout, frame) in extracts.items():
        assert len(frame) == len(truth[name]) == len(audit[name]) > 100, name
        assert set(truth[name]) <= set(home.index)
        texts = address_text(frame)
        uprn_columns = [c for c in frame.columns if "UPRN" in c.upper()]
        for i, (home_id, kinds) in enumerate(zip(truth[name], audit[name])):
            given = {str(frame.at[i, c]).strip() for c in uprn_columns} - {""}
            if "uprn:none" in kinds:
                assert not given, (name, i)
            elif "uprn:wrong" in kinds:
                assert given and home.at[home_id, "uprn"] not in {u.lstrip("0") for u in given}
            else:  # the home's own UPRN, padded with zeros by the council tax system
                assert {u.lstrip("0") for u in given} == {home.at[home_id, "uprn"]}, (name, i, given)
            postcode = home.at[home_id, "postcode"]
            if not any(k.startswith("postcode:") for k in kinds):
                assert postcode in texts[i], (name, i, texts[i])
            if "postcode:missing_with_uprn" in kinds or "postcode:missing_no_uprn" in kinds:
                assert postcode.replace(" ", "") not in texts[i].replace(" ", "")
            if [k for k in kinds if k.startswith("postcode:")] == ["postcode:neighbour"]:
                # another postcode of the same sector
                assert postcode not in texts[i] and re.search(re.escape(postcode[:-2]) + "[A-Z]{2}", texts[i])
                neighbours += 1
            if not any(k.startswith(("street:", "space:")) for k in kinds):
                street = home.at[home_id, "street"].upper()
                assert street in texts[i] or street.replace("ST ", "ST. ") in texts[i], (name, i, texts[i])
    assert neighbours > 10


@pytest.mark.london
def test_every_layout_flat_form_street_form_and_postcode_error_occurs(model):
    _, extracts, _, audit = model
    assert sorted(layout for layout, _ in extracts.values()) == sorted(holdout.LAYOUTS)
    kinds = all_kinds(audit)
    for form in holdout.NAMED_FLAT_FORMS:
        assert "flat:" + form in kinds, form
    assert {"street:abbreviated", "street:saint_st_dot", "street:saint_in_full", "street:typo", "street:dropped",
            "street:apostrophe_added", "street:apostrophe_dropped"} <= kinds
    assert {"postcode:o_for_0", "postcode:i_for_1", "postcode:no_space", "postcode:lower_case",
            "postcode:stray_space", "postcode:missing_with_uprn", "postcode:missing_no_uprn"} <= kinds
    assert {"uprn:zero_padded", "uprn:leading_zeros_lost", "uprn:wrong", "space:trailing", "space:non_breaking",
            "house_name:name_dropped", "range:first_number_only", "building:dropped", "postcode:on_the_town_line",
            "postcode:in_address_only", "punctuation:empty_fields", "flat:after_street", "flat:flt", "building:typo",
            "postcode:neighbour", "number:keyed_wrong", "flat:number_before_building"} <= kinds
    text = pd.concat([address_text(frame) for _, frame in extracts.values()]).str.replace("\u00a0", " ")
    words = set(" ".join(text).replace(",", " ").replace("|", " ").split())
    for abbreviation in ("RD", "AVE", "GDNS", "CRES", "TERR", "PL", "CL", "LN", "SQ", "CT", "DR", "GR", "PK", "WK",
                         "WY", "ST", "ST.", "SAINT"):
        assert abbreviation in words, abbreviation
    for written in (r"\bFLAT NO\. \d", r"\bAPT \d", r"\bAPARTMENT \d", r"\bUNIT \d", r"\bROOM \d", r"\b\d+/\d+ ",
                    r"\b\d+[A-D] ", r"\b\d+ [A-D] ", r"\bFLAT [A-D]\b", r"GROUND FLOOR FLAT", r"FIRST FLOOR FLAT",
                    r"BASEMENT FLAT", r"\bGFF\b", r"TOP FLOOR FLAT", r"\b\d+-\d+ ", r"\bSE\d+[0-9][A-Z]{2}\b"):
        assert text.str.contains(written).any(), written


@pytest.mark.london
def test_each_layout_has_its_columns_and_a_name_column_the_linkage_drops(model):
    _, extracts, _, _ = model
    layouts = {layout: frame for layout, frame in extracts.values()}
    assert [c for c in layouts["ctax_addr_lines"].columns if c.startswith("Addr")] == ["Addr1", "Addr2", "Addr3",
                                                                                      "Addr4", "Addr5"]
    assert not any("post" in c.lower() for c in layouts["ctax_addr_lines"].columns)  # the postcode is in a line
    assert {"Flat", "Building", "House No", "Street", "Locality", "Town", "Post Code"} <= set(layouts["hb_components"])
    assert {"UPRN", "LLPG UPRN"} <= set(layouts["two_uprns"])
    assert layouts["single_line_town"]["Address"].str.contains(", London").mean() > 0.8
    assert [c for c in layouts["address1_to_6"].columns if c.startswith("Address")] == [
        "Address{}".format(i) for i in range(1, 7)]
    names = {"Householder", "Contact", "Tenant", "Tenant Name", "Client Name", "CONTACT", "Elector Name"}
    for name, (layout, frame) in extracts.items():
        person = holdout.NAME_COLUMNS[name]
        assert person in names and person in frame.columns
        columns = detect_columns(frame, name)
        assert person in columns["dropped"], (name, columns)
        # names never reach the address: the records are the same whoever the people are
        renamed = frame.assign(**{person: "Wood Green House"})
        before = prepare_records([(name, frame, columns)])
        after = prepare_records([(name, renamed, detect_columns(renamed, name))])
        pd.testing.assert_frame_equal(before, after)


@pytest.mark.london
def test_an_error_left_out_changes_only_the_rows_that_had_it(model):
    homes, extracts, truth, audit = model
    kept = {}
    unpadded, same_truth = holdout.extracts(homes, audit=kept, without=["uprn:zero_padded"])
    assert same_truth == truth
    for name, (layout, frame) in extracts.items():
        other = unpadded[name][1]
        padded = pd.Series(["uprn:zero_padded" in kinds for kinds in audit[name]])
        if layout == "ctax_addr_lines":
            assert padded.sum() > 100 and not any("uprn:zero_padded" in kinds for kinds in kept[name])
            assert (frame.loc[padded, "UPRN"].str.lstrip("0") == other.loc[padded, "UPRN"]).all()
            assert not other["UPRN"].str.startswith("0").any()
            frame, other = frame.drop(columns="UPRN"), other.drop(columns="UPRN")
        else:
            assert not padded.any() and kept[name] == audit[name]
        pd.testing.assert_frame_equal(frame, other)


@pytest.mark.london
def test_uprns_excel_wrote_in_scientific_notation_are_refused_with_the_fix(model):
    _, extracts, _, _ = model
    layout, frame = extracts["ctax_reminders_excel"]
    spoiled = holdout.excel_scientific_uprns(frame)
    assert spoiled["UPRN"].str.contains(r"^\d\.\d{5}E\+\d\d$").sum() == (frame["UPRN"] != "").sum() > 50
    with pytest.raises(AnalysisError) as refused:
        detect_columns(spoiled, "ctax_reminders_excel")
    assert "E+" in str(refused.value) and "Text" in str(refused.value)


@pytest.fixture(scope="module")
def judged():
    return holdout.judge(london_file("postcodes.csv.gz"))


# The level measured when this was written, per layout (exact, merged), less a margin for other changes' luck.
LEVEL = {"all": (0.987, 0.001), "ctax_addr_lines": (0.987, 0.001), "hb_components": (0.976, 0.002),
         "single_line_town": (0.979, 0.002), "title_case_lines": (0.971, 0.002), "excel_mangled": (0.983, 0.002),
         "free_text": (0.971, 0.000), "two_uprns": (0.981, 0.002), "address1_to_6": (0.990, 0.001)}
MARGIN = 0.01


@pytest.mark.london
def test_the_breakdown_agrees_with_the_project_measures(judged):
    records, status = judged
    overall = holdout.summary(records, status)
    quality = household_quality(records["household"], records["truth"])
    # (the breakdown counts a household both merged and split as merged, so that the three add up to 1)
    assert all(abs(overall[k] - quality[k]) < 1e-12 for k in ("exact", "merged"))
    assert abs(overall["exact"] + overall["merged"] + overall["split"] - 1) < 1e-12
    assert overall["households"] == quality["households"] == records["truth"].nunique()
    every_row = holdout.pair_quality(records, pd.Series(True, index=records.index))
    precision, recall = pairwise_quality(records["household"], records["truth"])
    assert (every_row["pair_precision"], every_row["pair_recall"]) == pytest.approx((precision, recall))
    layouts = holdout.per_layout(records, status)
    assert set(layouts) == set(holdout.LAYOUTS)
    assert sum(f["households"] for f in layouts.values()) > overall["households"]  # homes are in several files


@pytest.mark.london
def test_the_held_out_model_keeps_the_level_reached(judged):
    records, status = judged
    reached = dict(holdout.per_layout(records, status), all=holdout.summary(records, status))
    for layout, (exact, merged) in LEVEL.items():
        figures = reached[layout]
        assert figures["exact"] >= exact - MARGIN and figures["merged"] <= max(0.005, merged + MARGIN / 2), \
            (layout, figures)


@pytest.mark.london
def test_household_goal_on_the_held_out_model(judged):
    """Issue 10's goal on every layout: at least 97% of households exact, at most 0.5% merged (this seed was the one
    the linker was tuned on; README gives seeds no test uses)."""
    records, status = judged
    for layout, figures in dict(holdout.per_layout(records, status), all=holdout.summary(records, status)).items():
        assert figures["exact"] >= 0.97 and figures["merged"] <= 0.005, (layout, figures)
