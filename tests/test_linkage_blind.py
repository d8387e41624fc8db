"""The household linkage judged on the blind extract model (synthetic/address_blind.py): council exports written
by an outside judge who read neither the linker nor the repo's other error models, on real Tower Hamlets
postcodes. First the model itself is checked (seeded, its truth agrees with what each row writes, every slip and
written form it claims occurs), then the level the linkage reaches on it is guarded."""
import re

import pandas as pd
import pytest

from community_risk.synthetic import address_blind as blind
from community_risk.synthetic.council_extracts import household_quality
from helpers import london_file

HOMES = 2000


@pytest.fixture(scope="module")
def model():
    homes = blind.homes(blind.load_postcodes(london_file("postcodes.csv.gz")), n_homes=HOMES)
    audit = {}
    extracts, truth = blind.extracts(homes, audit=audit)
    return homes, extracts, truth, audit


def address_text(frame):
    """Every row's address and postcode cells joined, upper case, spaces made plain (names, references and UPRNs
    left out)."""
    columns = [c for c in frame.columns if re.search(r"addr|flat|house|block|street|estate|premises|post ?code|"
                                                     r"locality|town", c, re.I)]
    return frame[columns].astype(str).agg(" | ".join, axis=1).str.upper().str.replace(r"[\u00a0 ]+", " ", regex=True)


@pytest.mark.london
def test_the_model_is_seeded(model):
    homes, extracts, truth, audit = model
    again = blind.homes(blind.load_postcodes(london_file("postcodes.csv.gz")), n_homes=HOMES)
    pd.testing.assert_frame_equal(homes, again)
    audit_again = {}
    extracts_again, truth_again = blind.extracts(again, audit=audit_again)
    assert truth_again == truth and audit_again == audit
    for name, (layout, frame) in extracts.items():
        pd.testing.assert_frame_equal(frame, extracts_again[name][1])
    other, _ = blind.extracts(homes, seed=blind.SEED + 1)
    assert not other["council_tax"][1].equals(extracts["council_tax"][1])


@pytest.mark.london
def test_the_homes_are_distinct_and_on_real_postcodes(model):
    homes, _, _, _ = model
    assert len(homes) == HOMES and homes["uprn"].is_unique and homes["home"].is_unique
    assert not set(homes["uprn"]) & set(homes["parent_uprn"])  # a building's UPRN is no home's
    real = set(pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode"])["postcode"])
    assert set(homes["postcode"]) <= real
    place = homes[["flat", "building", "number", "street", "postcode"]].astype(str).agg("|".join, axis=1)
    assert place.is_unique  # no two homes are written alike in full
    kinds = homes["kind"].value_counts()
    assert kinds["block"] > 300 and kinds["named_house"] > 20 and kinds["care_home"] > 3
    assert set(homes["scheme"]) == {"", "letter", "number", "floor", "position"}
    assert homes["number"].str.contains("-").sum() > 20 and homes["building"].str.startswith("Block ").any()


@pytest.mark.london
def test_the_truth_agrees_with_what_each_row_writes(model):
    homes, extracts, truth, audit = model
    home = homes.set_index("home")
    for name, (layout, frame) in extracts.items():
        assert len(frame) == len(truth[name]) == len(audit[name]) > 100, name
        texts = address_text(frame)
        uprn_columns = [c for c in frame.columns if "UPRN" in c]
        for i, (home_id, kinds) in enumerate(zip(truth[name], audit[name])):
            own = home.loc[home_id]
            given = {str(frame.at[i, c]).strip() for c in uprn_columns} - {""}
            if uprn_columns and not {"uprn:missing", "uprn:parent", "uprn:keyed_wrong"} & set(kinds):
                assert {re.sub(r"\.0$", "", u).lstrip("0") for u in given} == {own["uprn"]}, (name, i, given)
            if "uprn:parent" in kinds:
                assert {re.sub(r"\.0$", "", u).lstrip("0") for u in given} == {own["parent_uprn"]}
            if not any(k.startswith("postcode:") and k != "postcode:in_address_line" for k in kinds):
                assert own["postcode"] in texts[i], (name, i, texts[i])
            stem = own["street"].upper().split()[-2 if len(own["street"].split()) > 1 else -1]
            if not any(k.startswith("street:") and k not in ("street:abbreviated", "street:saint_form")
                       for k in kinds):
                plain = re.sub("['\u2019]|\u00c2\u20ac\u2122", "", texts[i])  # any apostrophe, or one decoded twice
                assert stem.replace("'", "") in plain, (name, i, texts[i])
            if own["kind"] == "block" and not {"building:typo", "building:dropped_beside_number"} & set(kinds):
                assert own["building"].upper().split()[0] in texts[i], (name, i, texts[i])


@pytest.mark.london
def test_every_kind_of_slip_and_written_form_occurs(model):
    _, extracts, _, audit = model
    assert sorted(layout for layout, _ in extracts.values()) == sorted(blind.LAYOUTS)
    seen = {kind for rows in audit.values() for kinds in rows for kind in kinds}
    made = {kind for rates in blind.RATES.values() for kind, rate in rates.items() if rate and ":" in kind}
    assert made <= seen, made - seen
    text = pd.concat([address_text(frame) for _, frame in extracts.values()])
    for written in (r"\b2ND FLR FLAT\b", r"\bTOP FLAT\b", r"\bREAR FLAT\b", r"\bMAISONETTE\b", r"\bFLAT \d+ BLOCK [A-H]\b",
                    r"\bSTUDIO \d", r"\bUNIT \d", r"\bFLAT \d+ \d+-\d+ ", r"\b\d+/\d+\b", r"\bC/O\b", r"CARE HOME",
                    r"\bGARDEN FLAT\b", r"\bFLAT NO\.? \d", r"\bAPT \d", r"\b\d+[A-D]\b", r"\b\d+ [A-D]\b",
                    r"LONDON E\d+W? \d[A-Z]{2}$", r"\u2019", r"\u2013", "\u00c2\u20ac\u2122", r"\bSAINT\b", r"\bST\. ",
                    r"\bGFF\b", r"ESTATE"):
        assert text.str.contains(written).any(), written
    raw = pd.concat([frame.astype(str).agg(" ".join, axis=1) for _, frame in extracts.values()])
    assert raw.str.contains("\u00a0").any() and raw.str.contains(r"\S +\|?$| $").any()
    ctax = extracts["council_tax"][1]
    assert ctax["UPRN (LLPG)"].str.match(r"^000\d{9}$").any() and ctax["Prop_Postcode"].eq("").any()
    assert extracts["adult_social_care"][1]["UPRN"].str.endswith(".0").any()


@pytest.mark.london
def test_a_slip_left_out_changes_only_the_rows_that_had_it(model):
    homes, extracts, truth, audit = model
    kept = {}
    plain, same_truth = blind.extracts(homes, audit=kept, without=["street:abbreviated"])
    assert same_truth == truth
    changed = 0
    for name, (layout, frame) in extracts.items():
        had = pd.Series(["street:abbreviated" in kinds for kinds in audit[name]])
        other = plain[name][1]
        pd.testing.assert_frame_equal(frame[~had].reset_index(drop=True), other[~had].reset_index(drop=True))
        assert not any("street:abbreviated" in kinds for kinds in kept[name])
        changed += int((frame[had] != other[had]).any(axis=1).sum())
    assert changed > 300


@pytest.fixture(scope="module")
def judged():
    return blind.judge(london_file("postcodes.csv.gz"), n_homes=HOMES)


@pytest.fixture(scope="module")
def judged_fixed():
    return blind.judge(london_file("postcodes.csv.gz"), n_homes=HOMES, user_fixes=True)


# Measured on this set (Tower Hamlets, seed 2611, 2,000 homes) with the linkage of main at 6956226 (26 Nov 2026, after
# the lead's changes drawn from this model's failures): 97.0% exact, 0.4% merged, as exported and as the user fixes
# them alike. (When the model landed: 83.3% and 0.9% as exported, two exports refused; 95.7% and 0.4% fixed.)
LEVEL = {"as_exported": (0.970, 0.004), "fixed": (0.970, 0.004)}
MARGIN = 0.015
# Per layout, as exported (a layout holds 170 to 1,930 of these homes: one home is up to 0.6 points).
LAYOUT_LEVEL = {"capita_prop_addr": (0.970, 0.004), "northgate_lines": (0.961, 0.008),
                "mosaic_one_cell": (0.922, 0.006), "referral_free_text": (0.907, 0.0), "ero_address1_6": (0.971, 0.004),
                "licensing_fields": (0.953, 0.012), "excel_cp1252": (0.936, 0.010),
                "repairs_block_flat": (0.947, 0.007)}
LAYOUT_MARGIN = 0.03


@pytest.mark.london
def test_the_breakdown_agrees_with_the_project_measures(judged_fixed):
    records, status = judged_fixed
    overall = blind.summary(records, status)
    quality = household_quality(records["household"], records["truth"])
    assert all(abs(overall[k] - quality[k]) < 1e-12 for k in ("exact", "merged"))
    assert overall["households"] == records["truth"].nunique() > 0.95 * HOMES
    assert set(blind.per_layout(records, status)) == set(blind.LAYOUTS)
    found = blind.failures(records, status)
    assert len(found) == (status != "exact").sum()
    assert {how for how, _, _, _ in found} <= {"split", "merged"}


@pytest.mark.london
def test_the_homes_beyond_a_text_linkage_are_few_and_carry_such_a_slip(judged):
    records, status = judged
    lost = blind.beyond_text(records)
    assert 0 < len(lost) < 0.02 * len(status)  # the goal (97% exact) is within a text linkage's reach here
    slipped = records[records["errors"].map(lambda kinds: bool(set(kinds) & set(blind.BEYOND_TEXT)))]
    assert lost <= set(slipped["truth"])
    plain = records.assign(errors=records["errors"].map(lambda kinds: [k for k in kinds if k not in blind.BEYOND_TEXT]))
    assert blind.beyond_text(plain) == set()


@pytest.mark.london
def test_every_export_is_read_as_exported(judged, judged_fixed):
    """'Prop_Postcode', 'Post Code', 'UPRN (LLPG)', a postcode only in the last address line or inside free text,
    'Block Name': every export is linked as its system wrote it, none refused (two were, before the lead's changes
    drawn from this model), and the user's fixes change nothing more."""
    assert judged[0].attrs["refused"] == {} and judged_fixed[0].attrs["refused"] == {}
    assert set(judged[0]["source"]) == set(blind.EXTRACTS)
    as_exported, fixed = blind.summary(*judged), blind.summary(*judged_fixed)
    assert abs(as_exported["exact"] - fixed["exact"]) < 0.005 and abs(as_exported["merged"] - fixed["merged"]) < 0.002


@pytest.mark.london
def test_the_blind_model_keeps_the_level_reached(judged, judged_fixed):
    for setting, (records, status) in (("as_exported", judged), ("fixed", judged_fixed)):
        exact, merged = LEVEL[setting]
        figures = blind.summary(records, status)
        assert figures["exact"] >= exact - MARGIN and figures["merged"] <= merged + MARGIN / 3, (setting, figures)


@pytest.mark.london
def test_each_layout_keeps_the_level_reached(judged):
    reached = blind.per_layout(*judged)
    assert set(reached) == set(LAYOUT_LEVEL)
    for layout, (exact, merged) in LAYOUT_LEVEL.items():
        figures = reached[layout]
        assert figures["exact"] >= exact - LAYOUT_MARGIN and figures["merged"] <= merged + LAYOUT_MARGIN / 3, \
            (layout, figures)


@pytest.mark.london
def test_household_goal_on_the_blind_model(judged, judged_fixed):
    """Issue 10's goal on exports the linker was not written for: at least 97% of households exact, at most 0.5%
    merged, as exported and as the user fixes them (met on this set; other seeds and boroughs in the README)."""
    for records, status in (judged, judged_fixed):
        figures = blind.summary(records, status)
        assert figures["exact"] >= 0.97 and figures["merged"] <= 0.005, figures


@pytest.mark.london
@pytest.mark.xfail(strict=True, reason="issue 10's goal is not met on every layout of the blind model: free-text "
                                       "referrals and adult care, among others, are below 97% (see README, Linkage "
                                       "quality)")
def test_household_goal_on_every_layout_of_the_blind_model(judged):
    """The goal layout by layout, as the issue asks ('on every layout above')."""
    for layout, figures in blind.per_layout(*judged).items():
        assert figures["exact"] >= 0.97 and figures["merged"] <= 0.005, (layout, figures)
