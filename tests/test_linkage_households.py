"""Households from links: no household holds two homes, and a row that leaves out what tells homes apart is not
linked to any of them (it goes to clerical review)."""
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis.linkage import (_uprn_keyed_wrong, _usual_building_names, link_households,
                                                        prepare_records)

COLUMNS = {"uprn": "UPRN", "postcode": "Postcode", "address": ["Address"]}


STREETS = ("Hindle Hill", "Albert Road", "Cazenove Road", "Evering Lane", "Glenarm Street", "Jenner Road",
           "Kyverdale Road", "Lordship Park", "Manor Road", "Osbaldeston Road")
POSTCODES = ("E8 3QR", "N16 5RQ", "E5 9PW", "N1 7HD", "E2 8BU", "EC2A 3QN", "N4 2TT", "E9 6JZ", "SE1 7PB", "NW5 1TL")


def street(rows, threshold=0.8, review_low=0.3):
    """Three council datasets listing the same homes (eight streets, one postcode each; houses and two flats at 41),
    plus the given extra rows (address, uprn[, postcode]) in the first, on Hindle Hill by default."""
    homes = [("{} {}".format(n, name), code) for name, code in zip(STREETS[:8], POSTCODES) for n in range(2, 22, 2)]
    homes += [("Flat A, 41 Hindle Hill", POSTCODES[0]), ("Flat B, 41 Hindle Hill", POSTCODES[0])]
    frames = []
    for k in range(3):
        extra = rows if k == 0 else []
        frame = pd.DataFrame({"UPRN": [""] * len(homes) + [e[1] for e in extra],
                              "Address": [a for a, _ in homes] + [e[0] for e in extra],
                              "Postcode": [p for _, p in homes] + [(e + (POSTCODES[0],))[2] for e in extra]})
        frames.append(("dataset{}".format(k), frame, COLUMNS))
    records = prepare_records(frames)
    # so few rows teach the model little (a street is 30 of 240 rows): links come out at about 0.85
    return records, link_households(records, threshold=threshold, review_low=review_low)


def household_of(records, result, source, address):
    row = records.index[(records["source"] == source) & (records["written"] == address)][0]
    return result.household[row]


def test_every_home_is_one_household_and_no_household_holds_two_homes():
    records, result = street([])
    homes = records.groupby("written")["unique_id"].apply(lambda ids: set(result.household[list(ids)]))
    assert all(len(h) == 1 for h in homes), homes[homes.map(len) > 1]
    assert len(set(result.household)) == len(homes)


def test_a_row_without_a_house_number_joins_no_home_and_chains_none_together():
    records, result = street([("Hindle Hill", "")])
    vague = household_of(records, result, "dataset0", "Hindle Hill")
    assert (result.household == vague).sum() == 1  # alone
    assert len(set(result.household)) == len(records.drop_duplicates("written"))


def test_a_row_without_its_flat_joins_neither_flat():
    records, result = street([("41 Hindle Hill", "")])
    building = household_of(records, result, "dataset0", "41 Hindle Hill")
    flat_a = household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill")
    flat_b = household_of(records, result, "dataset1", "Flat B, 41 Hindle Hill")
    assert len({building, flat_a, flat_b}) == 3


def test_a_uprn_names_the_home_of_a_row_without_its_flat():
    # the UPRN of Flat A, given on other rows of Flat A, places the row that left the flat out
    records, result = street([("41 Hindle Hill", "100000000041"), ("Flat A, 41 Hindle Hill", "100000000041")])
    assert household_of(records, result, "dataset0", "41 Hindle Hill") == household_of(
        records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert household_of(records, result, "dataset0", "41 Hindle Hill") != household_of(
        records, result, "dataset1", "Flat B, 41 Hindle Hill")


def test_two_uprns_are_two_homes_even_at_one_address():
    records, result = street([("12 Hindle Hill", "100000000001"), ("12 Hindle Hill", "100000000002")])
    with_uprn = records.index[records["uprn"].notna()]
    assert result.household[with_uprn[0]] != result.household[with_uprn[1]]


def test_a_flat_not_named_joins_neither_flat():
    records, result = street([("Flat, 41 Hindle Hill", "")])
    unnamed = household_of(records, result, "dataset0", "Flat, 41 Hindle Hill")
    assert records.loc[records["written"] == "Flat, 41 Hindle Hill", "flat"].iloc[0] == "?"
    assert (result.household == unnamed).sum() == 1


def test_the_same_home_with_a_mistyped_street_and_postcode_is_one_household():
    # one character off in the postcode's inward code and one letter off in the street: the rest names one home
    records, result = street([("12 Hindle Hil", "", "E8 3QT")])
    assert household_of(records, result, "dataset0", "12 Hindle Hil") == household_of(
        records, result, "dataset1", "12 Hindle Hill")
    assert (result.household == household_of(records, result, "dataset1", "12 Hindle Hill")).sum() == 4


def test_a_row_matching_several_homes_as_well_is_held_for_review_even_at_a_low_threshold():
    # at so low a threshold the street-only row scores as a link with every house on its street: none is followed
    records, result = street([("Hindle Hill", "")], threshold=0.05, review_low=0.01)
    row = int(records.index[(records["source"] == "dataset0") & (records["written"] == "Hindle Hill")][0])
    assert (result.household == result.household[row]).sum() == 1
    assert result.stats["rows_too_vague_to_link"] >= 1
    assert row in set(result.review["unique_id_l"]) | set(result.review["unique_id_r"])


def test_a_uprn_written_with_another_postcode_of_its_district_still_names_its_home():
    # a postcode slip within a district (E8 3QR for E8 5ZZ) is not a UPRN keyed wrong: the UPRN places the row
    # that left its flat out
    records, result = street([("Flat A, 41 Hindle Hill", "100000000041"), ("41 Hindle Hill", "100000000041", "E8 5ZZ")])
    assert household_of(records, result, "dataset0", "41 Hindle Hill") == household_of(
        records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert result.stats["conflicting_uprns"] == 0


def test_a_row_whose_flat_contradicts_its_uprn_is_its_uprns_home_and_joins_no_other():
    # two rows of Flat A give its UPRN; a third with the same UPRN writes '41B' (a letter added where the flat was
    # left out): it is Flat A's, as its UPRN says, and Flat B's rows stay apart from Flat A's
    records, result = street([("Flat A, 41 Hindle Hill", "100000000041"), ("Flat A, 41 Hindle Hill", "100000000041"),
                              ("41B Hindle Hill", "100000000041")])
    flat_a = household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert household_of(records, result, "dataset0", "41B Hindle Hill") == flat_a
    assert household_of(records, result, "dataset1", "Flat B, 41 Hindle Hill") != flat_a
    assert result.stats["rows_contradicting_their_uprn"] == 1


def test_rows_leaving_the_flat_out_at_a_house_of_flats_are_not_taken_for_one_home():
    # '41 Hindle Hill' in two datasets may be Flat A and Flat B: neither joins the other, nor either flat
    records, result = street([("41 Hindle Hill", ""), ("41 Hindle Hill", "")])
    rows = records.index[records["written"] == "41 Hindle Hill"]
    assert len(set(result.household[rows])) == 2


def blocks(extra):
    """Three datasets listing flats 1-4 of Keats House and of Byron Mansions, on two streets of one postcode sector,
    houses around them, plus extra rows (address, postcode) in the first."""
    homes = [("Flat {}, Keats House, Hindle Hill".format(f), "E8 3QR") for f in range(1, 5)]
    homes += [("Flat {}, Byron Mansions, Albert Road".format(f), "E8 3QS") for f in range(1, 5)]
    homes += [("{} Hindle Hill".format(n), "E8 3QR") for n in range(2, 40, 2)]
    homes += [("{} Albert Road".format(n), "E8 3QS") for n in range(1, 40, 2)]
    frames = []
    for k in range(3):
        rows = homes + (extra if k == 0 else [])
        frame = pd.DataFrame({"UPRN": [""] * len(rows), "Address": [a for a, _ in rows],
                              "Postcode": [p for _, p in rows]})
        frames.append(("dataset{}".format(k), frame, COLUMNS))
    records = prepare_records(frames)
    return records, link_households(records)


def test_a_flat_written_with_its_building_and_no_street_joins_that_flat_in_its_postcode():
    # the street left out: Keats House is one building in its postcode
    records, result = blocks([("Flat 2, Keats House, London", "E8 3QR"), ("Flat 3, Byron Mansions", "E8 3QS")])
    assert household_of(records, result, "dataset0", "Flat 2, Keats House, London") == household_of(
        records, result, "dataset1", "Flat 2, Keats House, Hindle Hill")
    assert household_of(records, result, "dataset0", "Flat 3, Byron Mansions") == household_of(
        records, result, "dataset1", "Flat 3, Byron Mansions, Albert Road")
    assert len(set(result.household)) == len(records.drop_duplicates("written")) - 2


def test_a_house_name_run_into_its_street_is_read_with_the_streets_the_data_writes():
    records, result = blocks([("Old Forge Hindle Hill", "E8 3QR"), ("Oldforge, Hindle Hill", "E8 3QR")])
    rows = records[records["written"].str.contains("forge", case=False)]
    assert rows["street"].tolist() == ["HINDLE HILL", "HINDLE HILL"]
    assert result.household[rows.index[0]] == result.household[rows.index[1]]


def test_clerical_review_puts_both_addresses_side_by_side_with_the_reason_and_levels():
    from community_risk.processing.analysis.linkage import clerical_review

    records, result = street([("41 Hindle Hill", ""), ("41 Hindle Hill", ""), ("12 Hindle Hil", "100000000012"),
                              ("12 Hindle Hill", "100000000099")])
    review = clerical_review(result.review, records, written=True)
    columns = list(review.columns)
    assert columns.index("written_r") == columns.index("written_l") + 1
    assert {"reason", "postcode", "premise", "flat", "street", "street_weight", "uprn_l", "uprn_r"} <= set(columns)
    assert review["reason"].str.len().gt(0).all()
    # every pair left is in two households (pairs the links joined anyway are not offered)
    ids = records.set_index(["source", "row"])["unique_id"]
    left = ids.loc[list(zip(review["dataset_l"], review["row_l"] - 1))].to_numpy()
    right = ids.loc[list(zip(review["dataset_r"], review["row_r"] - 1))].to_numpy()
    assert (result.household[left] != result.household[right]).all()
    # the two rows of one UPRN-less flat-less '41' are offered, saying why; two UPRNs at one address likewise
    reasons = dict(zip(zip(review["written_l"], review["written_r"]), review["reason"]))
    assert reasons[("41 Hindle Hill", "41 Hindle Hill")] == "both leave the flat out, at a house of flats"
    assert any(r == "the rows name two homes: UPRNs differ" for r in review["reason"])
    # pairs alike in reason and levels sit together, so a page of them is cleared at once
    pattern = review[["reason", "postcode", "premise", "flat", "street"]].astype(str).agg("|".join, axis=1)
    assert all(pattern.iloc[k] == pattern.iloc[k + 1] or pattern.iloc[k] not in set(pattern.iloc[k + 1:])
               for k in range(len(pattern) - 1))


def test_a_range_and_a_number_in_it_are_one_home():
    # "23-25" written "25" in another register (the range collapsed to one end)
    records, result = street([("23-25 Hindle Hill", ""), ("23-25 Hindle Hill", ""), ("25 Hindle Hill", "")])
    ranges = records.index[records["written"] == "23-25 Hindle Hill"]
    assert result.household[ranges[0]] == result.household[ranges[1]]
    row = records.index[records["written"] == "25 Hindle Hill"]
    assert result.household[row[-1]] == result.household[ranges[0]]


def test_a_flat_added_to_one_row_of_a_house_does_not_make_its_uprn_a_flat():
    # three rows of the house 12 Hindle Hill give its UPRN, one of them as 'Flat A, 12': the rows without a UPRN still
    # join the house
    uprn = "100000000012"
    records, result = street([("12 Hindle Hill", uprn), ("12 Hindle Hill", uprn), ("Flat A, 12 Hindle Hill", uprn)])
    house = household_of(records, result, "dataset1", "12 Hindle Hill")
    assert household_of(records, result, "dataset0", "Flat A, 12 Hindle Hill") == house
    assert (result.household == house).sum() == 6


def registers(extra, repeat_uprn_in=(), flats_in=None):
    """Three council files each listing 250 houses once, with their UPRNs (enough to show a file lists each home
    once), and Flats A and B of 41 Hindle Hill without UPRNs (flats_in: {file number: the flats it lists}, both by
    default); extra: {file number: [(address, uprn), ...]}. A file in repeat_uprn_in gives one house's UPRN twice,
    as a list of people does (two residents of one home)."""
    houses = [("{} {}".format(n, name), code, "1000{:02d}{:04d}".format(k, n))
              for k, (name, code) in enumerate(zip(STREETS, POSTCODES)) for n in range(2, 52, 2)]
    frames = []
    for k in range(3):
        rows = [(a, u, c) for a, c, u in houses] + [("Flat {}, 41 Hindle Hill".format(f), "", POSTCODES[0])
                                                    for f in (flats_in or {}).get(k, "AB")]
        rows += [(a, u, POSTCODES[0]) for a, u in extra.get(k, [])]
        if k in repeat_uprn_in:
            rows.append((houses[0][0], houses[0][2], houses[0][1]))
        frame = pd.DataFrame(rows, columns=["Address", "UPRN", "Postcode"])
        frames.append(("dataset{}".format(k), frame, COLUMNS))
    records = prepare_records(frames)
    return records, link_households(records, threshold=0.8)


def test_two_rows_of_a_file_listing_each_home_once_are_two_homes():
    # one register writes 'First Floor Flat, 41 Hindle Hill' for two flats: alike as they are, they are two homes
    records, result = registers({0: [("First Floor Flat, 41 Hindle Hill", ""), ("First Floor Flat, 41 Hindle Hill", "")]})
    alike = records.index[records["written"] == "First Floor Flat, 41 Hindle Hill"]
    assert len(set(result.household[alike])) == 2
    assert result.stats["files_listing_each_home_once"] == ["dataset0", "dataset1", "dataset2"]
    every_house = records[records["written"].str.match(r"^\d+ ")].groupby("written")["unique_id"].apply(
        lambda ids: len(set(result.household[list(ids)])))
    assert len(every_house) == 250 and (every_house == 1).all()  # it keeps apart only what one file lists twice


def test_a_list_of_people_may_hold_one_home_twice():
    # a file giving a UPRN twice lists people, not homes: its two rows of one address are one household
    records, result = registers({0: [("First Floor Flat, 41 Hindle Hill", ""), ("First Floor Flat, 41 Hindle Hill", "")]},
                                repeat_uprn_in=(0,))
    alike = records.index[records["written"] == "First Floor Flat, 41 Hindle Hill"]
    assert len(set(result.household[alike])) == 1
    assert result.stats["files_listing_each_home_once"] == ["dataset1", "dataset2"]


def test_a_row_leaving_its_flat_out_is_the_flat_its_file_does_not_list():
    # the other files name Flats A and B at 41; dataset0 lists Flat B and '41 Hindle Hill': that row is Flat A
    records, result = registers({0: [("41 Hindle Hill", "")]}, flats_in={0: "B"})
    flat_a = household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert household_of(records, result, "dataset0", "41 Hindle Hill") == flat_a
    assert household_of(records, result, "dataset2", "Flat A, 41 Hindle Hill") == flat_a
    assert household_of(records, result, "dataset0", "Flat B, 41 Hindle Hill") != flat_a
    assert result.stats["rows_placed_by_elimination"] == 1


def test_a_row_leaving_its_flat_out_stays_apart_when_its_file_lists_neither_flat_or_both():
    for flats in ("", "AB"):  # no file says which flat; or the file lists both, so the row is a third home
        records, result = registers({0: [("41 Hindle Hill", "")]}, flats_in={0: flats})
        row = records.index[records["written"] == "41 Hindle Hill"][0]
        assert (result.household == result.household[row]).sum() == 1, flats
        assert result.stats["rows_placed_by_elimination"] == 0


def test_a_row_leaving_its_flat_out_is_not_placed_from_a_list_of_people():
    # a list of people may name Flat B for one resident and leave the flat out for another: no elimination
    records, result = registers({0: [("41 Hindle Hill", "")]}, flats_in={0: "B"}, repeat_uprn_in=(0,))
    row = records.index[records["written"] == "41 Hindle Hill"][0]
    assert (result.household == result.household[row]).sum() == 1


def test_a_building_name_with_a_word_added_is_the_postcodes_building():
    # 'Clare Point Farm' is written once, 'Clare Point' by every other row of the postcode: one building, so its flat
    # joins its home with the street left out; a name that is no other's ('Shelley Point') is left as written
    homes = [("Flat {}, Clare Point, 93 Hindle Hill".format(f), "E8 3QR") for f in range(1, 5)]
    homes += [("{} Hindle Hill".format(n), "E8 3QR") for n in range(2, 40, 2)]
    extra = [("Flat 3, Clare Point Farm, 93, London", "E8 3QR"), ("Flat 2, Shelley Point, 93, London", "E8 3QR")]
    frames = []
    for k in range(3):
        rows = homes + (extra if k == 0 else [])
        frames.append(("dataset{}".format(k), pd.DataFrame({"UPRN": [""] * len(rows), "Address": [a for a, _ in rows],
                                                            "Postcode": [p for _, p in rows]}), COLUMNS))
    records = prepare_records(frames)
    result = link_households(records)
    assert household_of(records, result, "dataset0", "Flat 3, Clare Point Farm, 93, London") == household_of(
        records, result, "dataset1", "Flat 3, Clare Point, 93 Hindle Hill")
    usual = dict(zip(records["written"], _usual_building_names(records)))
    assert usual["Flat 3, Clare Point Farm, 93, London"] == "CLARE POINT"
    assert usual["Flat 2, Shelley Point, 93, London"] == "SHELLEY POINT"


def test_only_a_name_written_as_often_or_more_is_a_buildings_usual_name():
    records = pd.DataFrame({"postcode": ["E8 3QR"] * 7 + ["E8 3QS"],
                            "building": ["KEATS LODGE", "KEATS LODGE", "BYRON LODGE", "BYRON LODGE", "THE LODGE",
                                         "KEATS HOUCE", "KEATS HOUSE", "CLARE POINT FARM"]})
    # 'The Lodge' is written once: the blocks beside it keep their names; a typo takes the name written more often
    # ('Keats Houce' is written as often as 'Keats House': neither is the usual one); another postcode's name is its own
    assert list(_usual_building_names(records)) == list(records["building"])
    records.loc[7, "postcode"] = "E8 3QR"
    records.loc[8] = ["E8 3QR", "KEATS HOUSE"]
    assert list(_usual_building_names(records))[5] == "KEATS HOUSE"


def test_a_uprn_padded_with_leading_zeros_is_the_same_uprn():
    # council tax systems pad UPRNs to 12 digits: '000100000041' is 100000041, not another home
    records, result = street([("41 Hindle Hill", "000100000041"), ("Flat A, 41 Hindle Hill", "100000041"),
                              ("43 Hindle Hill", "100000043.0")])
    assert records["uprn"].dropna().tolist() == ["100000041", "100000041", "100000043"]
    assert household_of(records, result, "dataset0", "41 Hindle Hill") == household_of(
        records, result, "dataset0", "Flat A, 41 Hindle Hill")
    assert records["uprn"].isna().sum() == len(records) - 3  # blanks stay blank, not '0' or ''


def block_rows(addresses):
    frame = pd.DataFrame({"UPRN": "", "Address": addresses, "Postcode": "SE24 9JH"})
    return prepare_records([("referrals", frame, COLUMNS)])


def pair_set(records):
    from community_risk.processing.analysis.linkage import _same_premise_pairs

    written = records["written"].to_numpy()
    return {frozenset((written[a], written[b])) for a, b in _same_premise_pairs(records)}


def test_a_flat_of_a_block_written_without_its_number_or_with_a_locality_is_that_flat_of_the_block():
    # in one postcode a building name with one house number is one place, whatever street (or locality) is written
    records = block_rows(["Flat 6, Ashford Mansions, 3 St Marys Square", "Flat 6, Ashford Mansions, London",
                          "Flat 6, Ashford Mansions, Herne Hill, London", "Flat 5, Ashford Mansions, London"])
    pairs = pair_set(records)
    full = "Flat 6, Ashford Mansions, 3 St Marys Square"
    assert {frozenset((full, "Flat 6, Ashford Mansions, London")),
            frozenset((full, "Flat 6, Ashford Mansions, Herne Hill, London"))} <= pairs
    assert not any("Flat 5, Ashford Mansions, London" in pair for pair in pairs)


def test_a_flat_of_a_block_without_its_number_is_no_flat_of_either_block_of_that_name_in_a_postcode():
    records = block_rows(["Flat 6, Ashford Mansions, 3 St Marys Square", "Flat 6, Ashford Mansions, 9 St Marys Square",
                          "Flat 6, Ashford Mansions, London"])
    assert not any("Flat 6, Ashford Mansions, London" in pair for pair in pair_set(records))


def test_a_uprn_given_once_without_a_flat_is_no_flatless_home_while_a_flat_of_the_house_gives_no_uprn():
    # '41 Hindle Hill' with a UPRN, once, may be Flat A or B with its flat left out (their rows give no UPRN): it and
    # another '41 Hindle Hill' are not taken for one home
    records, result = street([("41 Hindle Hill", "100000000041"), ("41 Hindle Hill", "")])
    rows = records.index[records["written"] == "41 Hindle Hill"]
    assert len(set(result.household[rows])) == 2


def test_a_uprn_given_without_a_flat_is_a_flatless_home_where_every_flat_of_the_house_has_its_own():
    records, result = street([("Flat A, 41 Hindle Hill", "100000000001"), ("Flat B, 41 Hindle Hill", "100000000002"),
                              ("41 Hindle Hill", "100000000041"), ("41 Hindle Hill", "")])
    rows = records.index[records["written"] == "41 Hindle Hill"]
    assert len(set(result.household[rows])) == 1
    assert result.household[rows[0]] != household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill")


def test_a_flat_not_named_joins_no_named_flat_even_where_only_one_is_known():
    # 'Flat, 12 Hindle Hill' beside 'Flat A, 12 Hindle Hill': which flats 12 has is not known, so neither is which
    # it is
    records, result = street([("Flat A, 12 Hindle Hill", ""), ("Flat, 12 Hindle Hill", "")])
    unnamed = household_of(records, result, "dataset0", "Flat, 12 Hindle Hill")
    assert (result.household == unnamed).sum() == 1
    assert household_of(records, result, "dataset0", "Flat A, 12 Hindle Hill") != household_of(
        records, result, "dataset0", "12 Hindle Hill")


def test_a_row_without_a_postcode_is_placed_at_its_house_before_its_flat_is_judged_left_out():
    # '41 Hindle Hill' with no postcode is at the 41 Hindle Hill of E8, a house of flats: it and another '41 Hindle
    # Hill' may be Flats A and B
    records, result = street([("41 Hindle Hill", "", ""), ("41 Hindle Hill", "")])
    rows = records.index[records["written"] == "41 Hindle Hill"]
    assert len(set(result.household[rows])) == 2


def test_a_uprn_whose_rows_name_two_flats_takes_the_rows_of_one_only():
    # one UPRN written 'Flat A' once and 'First Floor Flat' once: it is one of them, and takes no rows of the other
    uprn = "100000000041"
    records, result = street([("Flat A, 41 Hindle Hill", uprn), ("First Floor Flat, 41 Hindle Hill", uprn),
                              ("First Floor Flat, 41 Hindle Hill", "")])
    home = result.household[records.index[records["uprn"] == uprn][0]]
    holds = set(records.loc[result.household == home, "written"])
    plain = records.index[(records["written"] == "Flat A, 41 Hindle Hill") & records["uprn"].isna()]
    first = records.index[(records["written"] == "First Floor Flat, 41 Hindle Hill") & records["uprn"].isna()]
    assert not (set(result.household[plain]) & set(result.household[first])), holds


def test_a_house_name_on_two_streets_of_one_postcode_keeps_apart_a_row_matching_each_by_one():
    # 'The Lodge, Albert Road' written with the postcode of The Lodge, Hindle Hill (two homes, by their UPRNs): the
    # street says one home, the postcode the other (a street or a postcode was replaced); it joins neither, though
    # it scores far lower with the one whose street differs (kept for review from 0.01)
    lodge = ("The Lodge, Hindle Hill", "100000000901", POSTCODES[0])
    ambiguous = ("The Lodge, Albert Road", "", POSTCODES[0])
    other = ("The Lodge, Albert Road", "100000000902", "E8 4LF")
    records, result = street([lodge, lodge, other, other, ambiguous], review_low=0.01)
    row = records.index[(records["written"] == ambiguous[0]) & (records["postcode"] == POSTCODES[0])][0]
    assert (result.household == result.household[row]).sum() == 1
    homes = records.index[records["written"].str.startswith("The Lodge") & (records.index != row)]
    assert len(set(result.household[homes])) == 2


def test_a_row_naming_the_block_joins_a_uprn_household_whose_rows_write_the_block_or_its_number():
    # one row of the UPRN household writes the block's number and no name, another both: a third row naming the
    # block and no number is that home, not a doubt between two homes
    records, result = street([("Flat 1, Rosemary Tower, 3 Hindle Hill", "100000000301"),
                              ("Flat 1, 3 Hindle Hill", "100000000301"),
                              ("Flat 2, Rosemary Tower, 3 Hindle Hill", "100000000302"),
                              ("Flat 1, Rosemary Tower, Hindle Hill", "")])
    home = household_of(records, result, "dataset0", "Flat 1, Rosemary Tower, 3 Hindle Hill")
    assert household_of(records, result, "dataset0", "Flat 1, Rosemary Tower, Hindle Hill") == home
    assert household_of(records, result, "dataset0", "Flat 1, 3 Hindle Hill") == home
    assert household_of(records, result, "dataset0", "Flat 2, Rosemary Tower, 3 Hindle Hill") != home


def test_a_flat_of_a_block_written_without_a_postcode_is_that_flat_of_the_one_block_of_its_name():
    frame = pd.DataFrame({"UPRN": "", "Postcode": ["SE26 6TQ", "SE26 6TQ", "", "", "SE5 7FQ", "SE5 7GF", ""],
                          "Address": ["Flat 7, Bushey Tower, Hollydale Drive", "Flat 8, Bushey Tower, Hollydale Drive",
                                      "flat 7, bushey tower, london", "Flat 7, Bushey Tower, Camberwell Grove",
                                      "Flat 2, Keats House, Holly Road", "Flat 2, Keats House, Holly Grove",
                                      "Flat 2, Keats House, London"]})
    pairs = pair_set(prepare_records([("referrals", frame, COLUMNS)]))
    assert frozenset(("Flat 7, Bushey Tower, Hollydale Drive", "flat 7, bushey tower, london")) in pairs
    # another street than the block's, or a block name known in two postcodes: no pair
    assert not any("Flat 7, Bushey Tower, Camberwell Grove" in pair for pair in pairs)
    assert not any("Flat 2, Keats House, London" in pair for pair in pairs)


def test_a_flat_of_a_block_written_without_a_postcode_is_placed_by_the_blocks_name_and_number_together():
    # two Clare Points in the borough, one at a 188: 'Flat 3, Clare Point, 188, London' is its flat 3
    frame = pd.DataFrame({"UPRN": "", "Postcode": ["SE11 4SB", "SE11 4SB", "SW9 6QG", "SW9 6QG", "", ""],
                          "Address": ["Flat 3, Clare Point, 188 Downs Hill", "Flat 4, Clare Point, 188 Downs Hill",
                                      "Flat 3, Clare Point, 12 Tyssen Drive", "Flat 4, Clare Point, 12 Tyssen Drive",
                                      "FLAT 3 CLARE POINT 188 LONDON", "Flat 3, Clare Point, London"]})
    pairs = pair_set(prepare_records([("referrals", frame, COLUMNS)]))
    assert frozenset(("Flat 3, Clare Point, 188 Downs Hill", "FLAT 3 CLARE POINT 188 LONDON")) in pairs
    assert not any("FLAT 3 CLARE POINT 188 LONDON" in pair and "12 Tyssen" in " ".join(pair) for pair in pairs)
    # no number: either Clare Point
    assert not any("Flat 3, Clare Point, London" in pair for pair in pairs)


def test_a_building_name_cut_short_with_its_street_left_out_is_the_postcodes_building():
    # 'Flat 2, Keats, London': the building word and the street left out; Keats House is the one name of its postcode
    # that holds 'Keats', and is written more often
    records, result = blocks([("Flat 2, Keats, London", "E8 3QR")])
    assert household_of(records, result, "dataset0", "Flat 2, Keats, London") == household_of(
        records, result, "dataset1", "Flat 2, Keats House, Hindle Hill")
    assert len(set(result.household)) == len(records.drop_duplicates("written")) - 1


def test_a_flat_not_named_is_the_flat_its_file_does_not_list():
    # 'Flat, 41 Hindle Hill' says a flat without naming it; its file lists Flat B; the files name Flats A and B
    records, result = registers({0: [("Flat, 41 Hindle Hill", "")]}, flats_in={0: "B"})
    assert household_of(records, result, "dataset0", "Flat, 41 Hindle Hill") == household_of(
        records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert result.stats["rows_placed_by_elimination"] == 1


def test_a_row_leaving_its_flat_out_with_a_uprn_of_its_own_is_placed_by_elimination_too():
    # its UPRN, given nowhere else, names no flat; its file lists Flat B, so it is Flat A
    records, result = registers({0: [("41 Hindle Hill", "100000000777")]}, flats_in={0: "B"})
    assert household_of(records, result, "dataset0", "41 Hindle Hill") == household_of(
        records, result, "dataset1", "Flat A, 41 Hindle Hill")


def test_no_row_is_placed_by_elimination_where_a_flat_before_those_named_is_never_named():
    # the files name Flats B and C only: the flat left out may as well be a Flat A no file lists
    records, result = registers({0: [("41 Hindle Hill", "")]}, flats_in={0: "B", 1: "BC", 2: "BC"})
    row = records.index[records["written"] == "41 Hindle Hill"][0]
    assert (result.household == result.household[row]).sum() == 1
    assert result.stats["rows_placed_by_elimination"] == 0


def test_a_block_written_by_its_name_or_by_its_number_is_completed_where_rows_of_its_postcode_write_both():
    from community_risk.processing.analysis.linkage import _blocks_completed

    frame = pd.DataFrame({"UPRN": "", "Postcode": ["N17 7HP"] * 4 + ["N4 1QW"] * 3,
                          "Address": ["Flat 1, Eynella Tower, 15 Lant Mount", "Flat 4, Eynella Tower, London",
                                      "Flat 4, 15 Lant Mount", "Flat 2, 17 Lant Mount",
                                      # a postcode slip brings another Clare Point, on another street, into N4 1QW
                                      "Flat 1, Clare Point, Wilberforce Grove", "Flat 1, Clare Point, 86 Yoakley Sq",
                                      "Flat 1, Clare Point, London"]})
    records = _blocks_completed(prepare_records([("referrals", frame, COLUMNS)]))
    read = {w: (b, n) for w, b, n in zip(records["written"], records["building"], records["number"])}
    assert read["Flat 4, Eynella Tower, London"] == ("EYNELLA TOWER", "15")
    assert read["Flat 4, 15 Lant Mount"] == ("EYNELLA TOWER", "15")
    assert read["Flat 2, 17 Lant Mount"] == (None, "17")  # no block is written at 17
    assert read["Flat 1, Clare Point, London"] == ("CLARE POINT", None)  # the block is written on two streets


def test_a_row_with_no_postcode_leaving_out_the_blocks_name_or_number_is_that_flat_where_the_district_knows_one():
    frame = pd.DataFrame({"UPRN": "", "Postcode": ["NW5 2PS", "NW5 2PS", "NW6 5NJ", "", "", "N7 0BZ", "N7 0BZ", ""],
                          "Address": ["Flat 8, Alscot Tower, 15 Nunhead Parade", "Flat 9, Alscot Tower, 15 Nunhead Parade",
                                      "Flat 1, Cedar Lodge, 5 Neckinger Walk", "Flat 8, 15 Nunhead Parade",
                                      "Flat No 1, Cedar Lodge, Neckinger Walk",
                                      # two blocks written at 52: which the row means, it does not say
                                      "Flat 4, Lant Heights, 52 Thorncombe Mews", "Flat 4, Elm House, 52 Thorncombe Mews",
                                      "Flat 4, 52 Thorncombe Mews"]})
    pairs = pair_set(prepare_records([("referrals", frame, COLUMNS)]))
    assert frozenset(("Flat 8, Alscot Tower, 15 Nunhead Parade", "Flat 8, 15 Nunhead Parade")) in pairs
    assert frozenset(("Flat 1, Cedar Lodge, 5 Neckinger Walk", "Flat No 1, Cedar Lodge, Neckinger Walk")) in pairs
    assert not any("Flat 4, 52 Thorncombe Mews" in pair for pair in pairs)
    assert not any("Flat 9, Alscot Tower, 15 Nunhead Parade" in pair for pair in pairs)


def test_a_row_leaving_out_the_blocks_name_or_number_is_that_flat_where_its_district_writes_one():
    frame = pd.DataFrame({"UPRN": "", "Postcode": ["N22 9NQ", "N22 9GU", "N22 7SB", "N22 7SC", "N17 8AX", "N17 8AX",
                                                   "N17 8AZ"],
                          "Address": ["Flat 9, Jamaica House, 24 Tintagel Road", "Flat 9, 24 Tintagel Road",
                                      "Flat 11, Lugard Tower, 31 St James Street", "Flat 11, Lugard Tower, St James St",
                                      # two blocks at 1 Tower Road: a row naming neither may be either
                                      "Flat 12, Eynella Heights, 1 Tower Road", "Flat 12, Keats House, 1 Tower Road",
                                      "Flat 12, 1 Tower Road"]})
    pairs = pair_set(prepare_records([("referrals", frame, COLUMNS)]))
    assert frozenset(("Flat 9, Jamaica House, 24 Tintagel Road", "Flat 9, 24 Tintagel Road")) in pairs
    assert frozenset(("Flat 11, Lugard Tower, 31 St James Street", "Flat 11, Lugard Tower, St James St")) in pairs
    assert not any("Flat 12, 1 Tower Road" in pair for pair in pairs)


def test_a_blocks_name_mistyped_once_does_not_hold_back_its_completion():
    from community_risk.processing.analysis.linkage import _blocks_completed

    frame = pd.DataFrame({"UPRN": "", "Postcode": "NW5 4BN",
                          "Address": ["Flat 1, Marsden Lodge, 11 St Marys Approach", "Flat 2, Marsden Lodge, 11 St Marys "
                                      "Approach", "Flat 3, Marsden Lodge, 11 St Marys Approach",
                                      "Flat 3, Marsden Lldge, 11 St Marys Approach", "Flat 9, 11 St Marys Approach"]})
    records = _blocks_completed(prepare_records([("referrals", frame, COLUMNS)]))
    read = {w: (b, n) for w, b, n in zip(records["written"], records["building"], records["number"])}
    assert read["Flat 9, 11 St Marys Approach"] == ("MARSDEN LODGE", "11")


def test_a_uprn_written_without_its_flat_more_often_than_with_it_is_that_flat_at_a_house_of_flats():
    # '41 Hindle Hill' twice and 'Flat A, 41 Hindle Hill' once with one UPRN, where Flats A and B are named: the flat
    # was left out twice, not written once by mistake; the UPRN is Flat A's and takes Flat A's other rows
    uprn = "100000000041"
    records, result = street([("41 Hindle Hill", uprn), ("41 Hindle Hill", uprn), ("Flat A, 41 Hindle Hill", uprn)])
    home = result.household[records.index[records["uprn"] == uprn][0]]
    assert household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill") == home
    assert household_of(records, result, "dataset1", "Flat B, 41 Hindle Hill") != home


def test_a_uprn_written_for_two_lettered_flats_evenly_takes_neither_flats_rows():
    # one UPRN written 'Flat A, 41' once and 'Flat B, 41' once: a letter is wrong, and which no row says; taking
    # either flat's rows would put a home in another's household half the time
    uprn = "100000000041"
    records, result = street([("Flat A, 41 Hindle Hill", uprn), ("Flat B, 41 Hindle Hill", uprn)])
    home = result.household[records.index[records["uprn"] == uprn][0]]
    assert (result.household == home).sum() == 2
    assert household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill") != household_of(
        records, result, "dataset1", "Flat B, 41 Hindle Hill")


def test_a_uprn_split_evenly_between_two_flats_is_the_flat_no_other_uprn_writes_as_its_own():
    # 'Unit 27, Byron House' with the UPRN of Flat 1 (its other row), while two rows of Flat 27 give their own UPRN:
    # the row is Flat 1's; read as Flat 27 it held Flat 27's undated repairs row apart as matching two homes, and
    # Flat 1's benefit row apart from a household naming two flats
    frame = pd.DataFrame({
        "UPRN": ["310872729", "310872729", "100576386904", "100576386904", "", ""],
        "Address": ["Flat 1, Byron House, 27 Mill Green", "Unit 27, Byron House, 27 Mill Green",
                    "Flat 27, Byron House, 27 Mill Green", "Flat 27, Byron House, 27 Mill Green",
                    "Flat 27, Byron Hse, Mill Green", "Flat 1, Byron House, Mill Green"],
        "Postcode": "CR2 6HR"})
    records = prepare_records([("file", frame, COLUMNS)])
    household = link_households(records).household
    assert len(set(household[[0, 1, 5]])) == 1 and len(set(household[[2, 3, 4]])) == 1
    assert household[0] != household[2]
    # with no UPRN of its own for the other flat, an even split is left as written
    alone = prepare_records([("file", frame.iloc[[0, 1]], COLUMNS)])
    assert list(link_households(alone).household) == [0, 0]


@pytest.mark.parametrize("rows, keyed_wrong", [
    # a flat where the UPRN's other rows write none, at another number: two slips
    ((("6 Hindle Hill", "100000000006"), ("6 Hindle Hill", "100000000006"), ("Flat 3, 8 Hindle Hill", "100000000006")),
     "Flat 3, 8 Hindle Hill"),
    # another named flat, and a building name the other rows do not write
    ((("Flat A, 41 Hindle Hill", "100000000041"), ("Flat A, 41 Hindle Hill", "100000000041"),
      ("Flat 2, Keats House, Hindle Hill", "100000000041")), "Flat 2, Keats House, Hindle Hill"),
    # one slip only (a flat the house's rows leave out, or a number one off): the UPRN stands
    ((("6 Hindle Hill", "100000000006"), ("6 Hindle Hill", "100000000006"), ("Flat 3, 6 Hindle Hill", "100000000006")),
     None),
    ((("6 Hindle Hill", "100000000006"), ("6 Hindle Hill", "100000000006"), ("8 Hindle Hill", "100000000006")), None),
])
def test_a_uprn_is_taken_as_keyed_wrong_only_where_its_row_names_another_home_on_two_counts(rows, keyed_wrong):
    records = prepare_records([("file", pd.DataFrame({"UPRN": [u for _, u in rows], "Address": [a for a, _ in rows],
                                                      "Postcode": "E8 3QR"}), COLUMNS)])
    found = list(records.loc[_uprn_keyed_wrong(records), "written"])
    assert found == ([keyed_wrong] if keyed_wrong else [])


def test_a_row_naming_another_flat_and_house_than_the_rows_of_its_uprn_has_its_uprn_keyed_wrong():
    # Flat A, 41 twice with its UPRN; a third row with that UPRN writes Flat 3 at number 9: two slips in its text are
    # far rarer than one in its UPRN, so it is not taken into Flat A's household but matched by its address
    records, result = street([("Flat A, 41 Hindle Hill", "100000000041"), ("Flat A, 41 Hindle Hill", "100000000041"),
                              ("Flat 3, 9 Hindle Hill", "100000000041")])
    flat_a = household_of(records, result, "dataset1", "Flat A, 41 Hindle Hill")
    assert household_of(records, result, "dataset0", "Flat 3, 9 Hindle Hill") != flat_a
    assert household_of(records, result, "dataset0", "Flat A, 41 Hindle Hill") == flat_a
    assert any("keyed wrong" in str(note) for note in result.notes)


def test_a_range_written_in_error_does_not_hold_apart_two_rows_writing_the_same_house_number():
    # '123-125 St Marys Park' (a file extending 123 into a range, with 123's UPRN) overlaps 124: a row writing 124
    # agrees with the row of 124 on more (the number itself) than with the range, and keeps that link
    from community_risk.processing.analysis.linkage import _contested_links, _identity

    frame = pd.DataFrame({"UPRN": ["", "100000000124", "100000000123"], "Postcode": "E8 3QR",
                          "Address": ["124 Hindle Hill", "124 Hindle Hill", "123-125 Hindle Hill"]})
    records = prepare_records([("file", frame, COLUMNS)])
    contested, _ = _contested_links(_identity(records, []), np.array([0, 0]), np.array([1, 2]), np.arange(3))
    assert list(contested) == [False, True]


def test_a_row_writing_a_houses_name_and_number_is_not_in_doubt_between_rows_writing_one_of_them_each():
    # '8 Chisenhale Street' and 'Mill House, Chisenhale Street' alone say nothing that makes them one home; the row
    # writing 'Mill House, 8 Chisenhale Street' says they are its home written two ways, not two homes it may be
    from community_risk.processing.analysis.linkage import _contested_links, _identity

    frame = pd.DataFrame({"UPRN": "", "Postcode": ["CR5 1RE", "CR5 1RE", "", "CR5 1RE"],
                          "Address": ["Mill House, 8 Chisenhale Street", "8 Chisenhale Street",
                                      "Mill House, Chisenhale Street", "Rose Cottage, Chisenhale Street"]})
    records = prepare_records([("file", frame, COLUMNS)])
    identity = _identity(records, [])
    contested, _ = _contested_links(identity, np.array([0, 0]), np.array([1, 2]), np.arange(4))
    assert list(contested) == [False, False]
    # a row writing the number alone, between a numbered row and a named one, is still in doubt about the named one
    contested, _ = _contested_links(identity, np.array([1, 1]), np.array([0, 3]), np.arange(4))
    assert list(contested) == [False, True]


def test_a_flat_written_with_a_lone_uprn_that_another_uprns_rows_write_as_theirs_does_not_hold_that_flat_apart():
    # council tax gives Flat 5's UPRN to a row writing 'Flat 21, Block A'; Flat 21's own UPRN is given by two rows:
    # the referral of Flat 21 is Flat 21's, not a row matching two homes
    council_tax = pd.DataFrame({"UPRN": ["100432965823", "100710626724"], "Postcode": "E3 5PS",
                                "Address": ["FLAT 21 BLOCK A, ROMAN GDNS", "FLAT 21 BLOCK A, ROMAN GARDENS"]})
    register = pd.DataFrame({"UPRN": ["100432965823"], "Postcode": "E3 5PS", "Address": ["Flat 21, Block A, Roman Gdns"]})
    referrals = pd.DataFrame({"UPRN": [""], "Postcode": "E3 5PS", "Address": ["Flat 21 Block A Roman Gardens"]})
    records = prepare_records([("council_tax", council_tax, COLUMNS), ("register", register, COLUMNS),
                               ("referrals", referrals, COLUMNS)])
    result = link_households(records)
    assert result.household[3] == result.household[0] != result.household[1]
    assert result.stats["rows_naming_another_uprns_flat"] == 1
    assert any("no other row gives" in str(note) for note in result.notes)


TOP_FLOOR_CASES = [
    # the highest floor the house's other rows name, with the top floor's UPRN
    ((("Ground Floor Flat, 15 The Pavement", "100000000151"), ("FFF, 15 The Pavement", "100000000152"),
      ("Top Floor Flat, 15 The Pavement", "100000000152")), "FIRST FLOOR"),
    # a range and its first number are one house
    ((("Third Floor Flat, 19 Harford Road", "100000000193"), ("Second Floor Flat, 19-21 Harford Road", "100000000192"),
      ("Top Floor Flat, 19-21 Harford Road", "100000000193")), "THIRD FLOOR"),
    # the top floor's UPRN is another than the floor's: two homes
    ((("Ground Floor Flat, 15 The Pavement", "100000000151"), ("First Floor Flat, 15 The Pavement", "100000000152"),
      ("Top Floor Flat, 15 The Pavement", "100000000153")), "TOP FLOOR"),
    # no UPRN says so: a top flat may be a floor no row names ('Top Flat, 2 Meadow Yard' above its First Floor Flat)
    ((("Ground Floor Flat, 2 Meadow Yard", "100000000020"), ("First Floor Flat, 2 Meadow Yard", "100000000021"),
      ("FFF, 2 Meadow Yard", "100000000021"), ("Top Flat, 2 Meadow Yard", "")), "TOP FLOOR"),
    # no UPRN, but the house's rows name one floor only, above the ground: the top flat is that one
    ((("First Floor Flat, 2 Meadow Yard", "100000000021"), ("FFF, 2 Meadow Yard", "100000000021"),
      ("Top Flat, 2 Meadow Yard", "")), "FIRST FLOOR"),
    # ... not the ground floor: a top flat is above it
    ((("Ground Floor Flat, 2 Meadow Yard", "100000000020"), ("Top Flat, 2 Meadow Yard", "")), "TOP FLOOR"),
    # ... nor where a row gives the top flat a UPRN of its own
    ((("First Floor Flat, 2 Meadow Yard", "100000000021"), ("Top Flat, 2 Meadow Yard", "100000000022"),
      ("Top Flat, 2 Meadow Yard", "")), "TOP FLOOR"),
]


def test_a_top_flat_without_a_postcode_is_not_read_as_a_floor_of_the_postcode_less_rows():
    # the postcode-less rows of 17 Danby Terrace name its First Floor Flat only; the top flat, with its own UPRN, is
    # written with the postcode: the referral's 'Top Floor Flat' is that one, not the first floor
    from community_risk.processing.analysis.linkage import _top_floors_named

    frame = pd.DataFrame({"UPRN": ["100024375669", "", ""], "Postcode": ["SE15 4AJ", "", ""],
                          "Address": ["TOP FLAT, 17 DANBY TER", "First Floor Flat, 17 Danby Terrace",
                                      "Top Floor Flat, 17 Danby Ter"]})
    records = _top_floors_named(prepare_records([("file", frame, COLUMNS)]))
    assert records["flat"].iloc[-1] == "TOP FLOOR"


@pytest.mark.parametrize("rows, top", TOP_FLOOR_CASES)
def test_the_top_floor_flat_is_the_highest_floor_its_houses_rows_name(rows, top):
    from community_risk.processing.analysis.linkage import _top_floors_named

    frame = pd.DataFrame({"UPRN": [u for _, u in rows], "Address": [a for a, _ in rows], "Postcode": "CR0 6BL"})
    records = _top_floors_named(prepare_records([("file", frame, COLUMNS)]))
    assert records["flat"].iloc[-1] == top
    assert list(records["flat"].iloc[:-1]) == list(prepare_records([("file", frame, COLUMNS)])["flat"].iloc[:-1])


def test_a_blocks_flat_written_with_its_street_and_no_postcode_joins_the_block_written_without_a_street():
    # the rows with the postcode leave the street out, the row without one writes it: nothing contradicts
    frame = pd.DataFrame({"UPRN": "", "Postcode": ["EC1R 1UW", "EC1R 1UW", "SW9 6QG", ""],
                          "Address": ["FLAT 2 KEATS HOUSE 113 LONDON", "FLAT 3 KEATS HOUSE 113 LONDON",
                                      "Flat 2, Keats House, 12 Tyssen Drive", "Flat 2, Keats House, 113, St Kildas Mews"]})
    pairs = pair_set(prepare_records([("referrals", frame, COLUMNS)]))
    assert frozenset(("FLAT 2 KEATS HOUSE 113 LONDON", "Flat 2, Keats House, 113, St Kildas Mews")) in pairs
    assert not any("12 Tyssen" in " ".join(pair) and "St Kildas" in " ".join(pair) for pair in pairs)


def test_two_blocks_whose_names_are_a_letter_or_two_apart_keep_their_names():
    # Warner Heights written by ten rows, Tanner Heights by twelve, in one postcode: two blocks, not a typo of one;
    # a name written once beside one written far more often is the typo
    records = pd.DataFrame({"postcode": "SE15 2QQ",
                            "building": ["WARNER HEIGHTS"] * 10 + ["TANNER HEIGHTS"] * 12 + ["TANNER HEIGHTZ"]})
    usual = list(_usual_building_names(records))
    assert usual[:22] == list(records["building"][:22])
    assert usual[22] == "TANNER HEIGHTS"


def test_a_locality_written_with_a_block_does_not_hide_the_blocks_street():
    # 'Apt 11, Barforth Lodge, Tottenham' reads Tottenham as a street; it has no thoroughfare word and no house
    # number is written on it, so the block is still on one street and is completed
    from community_risk.processing.analysis.linkage import _blocks_completed

    frame = pd.DataFrame({"UPRN": "", "Postcode": "N17 7EX",
                          "Address": ["Flat 1, Barforth Lodge, 27 Trafalgar Road", "Flat 3, 27 Trafalgar Road",
                                      "Flat 3, Barforth Lodge", "Apt 11, Barforth Lodge, Tottenham"]})
    records = _blocks_completed(prepare_records([("referrals", frame, COLUMNS)]))
    read = {w: (b, n) for w, b, n in zip(records["written"], records["building"], records["number"])}
    assert read["Flat 3, 27 Trafalgar Road"] == ("BARFORTH LODGE", "27")
    assert read["Flat 3, Barforth Lodge"] == ("BARFORTH LODGE", "27")


def licensed_flats(parent_uprns, register=True, both_flats=False):
    """A council tax file and a register of Flats A and B at 2..40 Hindle Hill, each flat with its own UPRN, and a
    licence file of the Flats A: the first parent_uprns of them with a UPRN of their own building's (no other row
    gives it), the rest with the flat's UPRN. register: without it, each flat's own UPRN is given once; both_flats:
    the licences list the Flats B too, with the same building's UPRN as the Flat A of their house."""
    flats = [("Flat {}, {} Hindle Hill".format(letter, n), "1000000{:03d}{}".format(n, k))
             for n in range(2, 42, 2) for k, letter in enumerate("AB")]
    council_tax = pd.DataFrame({"UPRN": [u for _, u in flats], "Address": [a for a, _ in flats], "Postcode": "E8 3QR"})
    licensed = flats if both_flats else flats[::2]
    licences = pd.DataFrame({"Address": [a for a, _ in licensed], "Postcode": "E8 3QR",
                             "UPRN": ["2000000{:03d}9".format(k // 2 if both_flats else k)
                                      if (k // 2 if both_flats else k) < parent_uprns else u
                                      for k, (_, u) in enumerate(licensed)]})
    frames = [("council_tax", council_tax, COLUMNS)] + ([("register", council_tax, COLUMNS)] if register else [])
    records = prepare_records(frames + [("licences", licences, COLUMNS)])
    return records, link_households(records)


def test_a_file_that_gives_many_flats_their_buildings_uprn_is_matched_by_address():
    records, result = licensed_flats(parent_uprns=6)
    for n in range(2, 14, 2):
        address = "Flat A, {} Hindle Hill".format(n)
        assert household_of(records, result, "licences", address) == household_of(records, result, "council_tax",
                                                                                   address)
    assert any("parent UPRNs" in str(note) and "licences" in str(note) for note in result.notes)
    assert result.stats["rows_given_their_buildings_uprn"] == {"rows": 6, "files": ["licences"]}
    assert len(set(result.household)) == 40


def test_a_file_giving_its_buildings_uprns_is_found_where_another_file_gives_each_flats_own_once():
    # council tax lists each flat once with its UPRN, and no register gives it again
    records, result = licensed_flats(parent_uprns=6, register=False)
    for n in range(2, 14, 2):
        address = "Flat A, {} Hindle Hill".format(n)
        assert household_of(records, result, "licences", address) == household_of(records, result, "council_tax",
                                                                                   address)
    assert len(set(result.household)) == 40


def test_two_flats_a_licence_file_gives_their_buildings_uprn_are_two_households():
    # 'Flat A, 2' and 'Flat B, 2' with one building's UPRN: the shared UPRN is the building's, not one home's
    records, result = licensed_flats(parent_uprns=6, both_flats=True)
    for n in range(2, 14, 2):
        for letter in "AB":
            address = "Flat {}, {} Hindle Hill".format(letter, n)
            assert household_of(records, result, "licences", address) == household_of(
                records, result, "council_tax", address)
    assert len(set(result.household)) == 40
    assert result.stats["rows_given_their_buildings_uprn"] == {"rows": 12, "files": ["licences"]}


def test_a_file_giving_one_flat_a_uprn_of_its_own_keeps_it():
    # once in a file, a UPRN no other row gives may be the flat's own, its text naming the neighbour's by a slip
    records, result = licensed_flats(parent_uprns=1)
    assert household_of(records, result, "licences", "Flat A, 2 Hindle Hill") != household_of(
        records, result, "council_tax", "Flat A, 2 Hindle Hill")
    assert not any("parent UPRNs" in str(note) for note in result.notes)


def test_a_postcode_column_holding_the_address_already_written_adds_it_once():
    frame = pd.DataFrame({"Address Line 1": ["14 Rye Lane", "Flat 2"],
                          "Postcode": ["14 Rye Lane, London SE15 5EW", "14 Rye Lane, London SE15 5EW"]})
    records = prepare_records([("referrals", frame, {"postcode": "Postcode", "address": ["Address Line 1"]})])
    assert list(records["written"]) == ["14 Rye Lane", "Flat 2, 14 RYE LANE, LONDON"]
    assert records[["flat", "number", "street", "postcode"]].values.tolist() == [
        [None, "14", "RYE LANE", "SE15 5EW"], ["2", "14", "RYE LANE", "SE15 5EW"]]


def test_splinks_own_warnings_do_not_reach_the_user(caplog):
    import logging

    frame = pd.DataFrame({"UPRN": "", "Address": ["1 Milner Rd", "Flat 2, 5 Milner Road", "1 Milner Road"],
                          "Postcode": "N1 2UH"})
    with caplog.at_level(logging.WARNING):
        link_households(prepare_records([("a", frame, COLUMNS), ("b", frame, COLUMNS)]))
    assert not [r for r in caplog.records if r.name.startswith("splink")]


def test_linking_reports_its_progress_and_stops_when_told():
    shares = []
    records, result = street([])
    link_households(records, progress=shares.append)
    assert shares == sorted(shares) and shares[0] > 0 and shares[-1] == 1.0 and len(shares) >= 5

    class Stop(Exception):
        pass

    def stop_half_way(share):
        if share >= 0.5:
            raise Stop()

    with pytest.raises(Stop):
        link_households(records, progress=stop_half_way)


@pytest.mark.parametrize("rows, expected", [
    # the street's rows write Flat 1 at 24 and no number 1: '24/1' is house first
    (("24/1 Gale Road", "Flat 1, 24 Gale Road", "Flat 2, 24 Gale Road", "26 Gale Road"), ("1", "24")),
    # a postcode cut to its district, the same
    (("20/2 Cardigan Terrace, London E1W", "Flat 2, 20 Cardigan Terrace", "Flat 1, 20 Cardigan Terrace"),
     ("2", "20")),
    # the street's rows write Flat 2 at 14: '2/14' is flat first, as read
    (("2/14 Gale Road", "Flat 2, 14 Gale Road", "Flat 1, 14 Gale Road"), ("2", "14")),
    # a house 1 on the street too: the rows do not say which, and the flat first reading stands
    (("24/1 Gale Road", "Flat 1, 24 Gale Road", "1 Gale Road"), ("24", "1")),
])
def test_a_flat_and_house_number_written_with_a_slash_are_read_the_way_the_streets_rows_write_them(rows, expected):
    from community_risk.processing.analysis.linkage import _slashes_read_house_first

    frame = pd.DataFrame({"UPRN": "", "Address": list(rows), "Postcode": ["", "E1W 1UQ", "E1W 1UQ", "E1W 1UQ"][
        :len(rows)]})
    records = prepare_records([("file", frame, COLUMNS)])
    read = _slashes_read_house_first(records)
    assert tuple(read[["flat", "number"]].iloc[0]) == expected
    assert read.iloc[1:].equals(records.iloc[1:])


def test_a_referral_written_house_first_with_a_slash_joins_its_flat():
    frame = pd.DataFrame({"UPRN": ["", "100160699032", "100160699033", ""], "Postcode": "WC1N 2JP",
                          "Address": ["24/1 GALE ROAD LONDON", "Flat 1, 24 Gale Road", "Flat 2, 24 Gale Road",
                                      "Flat 1, 24 Gale Rd"]})
    records = prepare_records([("referrals", frame, COLUMNS)])
    result = link_households(records)
    assert result.household[0] == result.household[1] == result.household[3] != result.household[2]


def test_a_uprns_rows_vote_on_its_flat_once_per_file():
    # the register lists Flat 8 twice (two electors) with Flat 26 written in error; council tax writes Flat 8 once:
    # one file against one, and Flat 26 is another UPRN's home, so the UPRN's home is Flat 8 and the care record of
    # Flat 26 is Flat 26's (counting rows, the register's slip would outvote council tax)
    council_tax = pd.DataFrame({"UPRN": ["594004434", "100229704543"], "Postcode": "E1 8EN",
                                "Address": ["FLAT 8 LARCH COURT, 43 TOMLINS WALK", "FLAT 26 LARCH COURT, 43 TOMLINS WALK"]})
    register = pd.DataFrame({"UPRN": ["594004434", "594004434", "100229704543"], "Postcode": "E1 8EN",
                             "Address": ["FLAT NO 26 LARCH COURT, 43 TOMLINS WALK"] * 3})
    care = pd.DataFrame({"UPRN": [""], "Postcode": "E1 8EN", "Address": ["Flat 26, Larch Court, 43 Tomlins Walk"]})
    records = prepare_records([("council_tax", council_tax, COLUMNS), ("register", register, COLUMNS),
                               ("care", care, COLUMNS)])
    result = link_households(records)
    assert result.household[5] == result.household[1] == result.household[4] != result.household[0]
    assert result.household[0] == result.household[2] == result.household[3]


def keystroke_files(rows):
    """The street() homes in three files without UPRNs, plus rows (file number, address, uprn) on Hindle Hill."""
    homes = [("{} {}".format(n, name), code) for name, code in zip(STREETS[:8], POSTCODES) for n in range(2, 22, 2)]
    frames = []
    for k in range(3):
        extra = [(a, u) for f, a, u in rows if f == k]
        frame = pd.DataFrame({"UPRN": [""] * len(homes) + [u for _, u in extra],
                              "Address": [a for a, _ in homes] + [a for a, _ in extra],
                              "Postcode": [p for _, p in homes] + [POSTCODES[0]] * len(extra)})
        frames.append(("dataset{}".format(k), frame, COLUMNS))
    records = prepare_records(frames)
    return records, link_households(records)


def test_a_uprn_only_its_file_gives_a_keystroke_from_the_uprn_other_files_give_its_home_was_keyed_wrong():
    # council tax keyed Flat 9's UPRN with a digit wrong ('000804352800'); two other files give 804352870 to the home
    # written alike: one household, and the log says why
    records, result = keystroke_files([(0, "Flat 9, Lansbury Point, Hindle Hill", "000804352800"),
                                       (1, "Flat 9, Lansbury Point, Hindle Hill", "804352870"),
                                       (2, "Flat 9 Lansbury Pt, Hindle Hill", "804352870"),
                                       (0, "Mill House, Hindle Hill", "667005040"),  # two swapped: 04 for 40
                                       (1, "Mill House, Hindle Hill", "667000540")])
    assert household_of(records, result, "dataset0", "Flat 9, Lansbury Point, Hindle Hill") == \
        household_of(records, result, "dataset1", "Flat 9, Lansbury Point, Hindle Hill")
    assert household_of(records, result, "dataset0", "Mill House, Hindle Hill") == \
        household_of(records, result, "dataset1", "Mill House, Hindle Hill")
    assert result.stats["rows_with_a_uprn_a_keystroke_off"] == 2
    assert any("a keystroke" in str(note) for note in result.notes)


@pytest.mark.parametrize("rows", [
    # the row's own file gives the other UPRN too: that file lists two homes, whatever its text says
    [(0, "Flat 9, Lansbury Point, Hindle Hill", "804352800"), (1, "Flat 9, Lansbury Point, Hindle Hill", "804352870"),
     (0, "Flat 8, Lansbury Point, Hindle Hill", "804352870"), (2, "Flat 9, Lansbury Point, Hindle Hill", "804352870")],
    # two digits apart: not one slip
    [(0, "Flat 9, Lansbury Point, Hindle Hill", "804352801"), (1, "Flat 9, Lansbury Point, Hindle Hill", "804352870"),
     (2, "Flat 9, Lansbury Point, Hindle Hill", "804352870")],
    # one row each, a last digit apart: as likely neighbours of a run (one written with the other's number) as a slip
    [(0, "188 Hindle Hill", "200000001102"), (1, "188 Hindle Hill", "200000001103")],
    # the flat left out at a house of flats names no one home
    [(0, "41 Hindle Hill", "100000000410"), (1, "41 Hindle Hill", "100000000411"), (2, "41 Hindle Hill", "100000000411"),
     (0, "Flat B, 41 Hindle Hill", "100000000420")],
])
def test_a_uprn_a_keystroke_from_another_is_kept_where_it_may_be_another_home(rows):
    records, result = keystroke_files(rows)
    assert result.stats["rows_with_a_uprn_a_keystroke_off"] == 0
    (_, suspect, _), (_, other, _) = rows[:2]
    assert household_of(records, result, "dataset0", suspect) != household_of(records, result, "dataset1", other)


def test_two_uprns_given_alike_once_each_differing_before_the_last_digit_are_one_home_keyed_wrong_once():
    records, result = keystroke_files([(0, "The Stables, 7 Hindle Hill", "100426672999"),
                                       (1, "The Stables, 7 Hindle Hill", "100426672799")])
    assert household_of(records, result, "dataset0", "The Stables, 7 Hindle Hill") == \
        household_of(records, result, "dataset1", "The Stables, 7 Hindle Hill")


@pytest.mark.parametrize("files_giving_it, joined", [((0,), False), ((0, 1), True)])
def test_a_uprn_given_without_a_flat_by_one_file_only_says_no_flatless_home_is_there(files_giving_it, joined):
    # three electors of Flat 13, Bevin Tower, registered without the flat under one UPRN are one slip of one file:
    # a referral leaving its flat out is not theirs (it may be any flat); given so by two files, a flatless home is
    rows = [(f, "Bevin Tower, 28 Hindle Hill", "941158759") for f in files_giving_it for _ in range(3)]
    rows += [(1, "Flat 13, Bevin Tower, 28 Hindle Hill", ""), (1, "Flat 20, Bevin Tower, 28 Hindle Hill", "100410350000"),
             (2, "Flat 20, Bevin Tower, 28 Hindle Hill", "100410350000"), (2, "Bevin Tower, 28 Hindle Hill", "")]
    records, result = keystroke_files(rows)
    referral = household_of(records, result, "dataset2", "Bevin Tower, 28 Hindle Hill")
    assert bool(referral == household_of(records, result, "dataset0", "Bevin Tower, 28 Hindle Hill")) is joined


def test_rows_leaving_the_flat_out_at_a_block_with_no_number_join_no_flat_and_not_each_other():
    # 'Cedar House, Ouseley Close' written by a repairs log and a GP list, for two of the block's flats
    rows = [(k, "Flat {}, Cedar House, Hindle Hill".format(flat), "") for k in (0, 1) for flat in (13, 21)]
    rows += [(1, "Cedar House, Hindle Hill", ""), (2, "Cedar House, Hindle Hill", ""), (2, "Flat 13, Cedar House, Hindle Hill", "")]
    records, result = keystroke_files(rows)
    flats = {household_of(records, result, "dataset0", "Flat {}, Cedar House, Hindle Hill".format(f)) for f in (13, 21)}
    left_out = [household_of(records, result, f, "Cedar House, Hindle Hill") for f in ("dataset1", "dataset2")]
    assert len(flats) == 2 and not set(left_out) & flats and left_out[0] != left_out[1]
    assert household_of(records, result, "dataset2", "Flat 13, Cedar House, Hindle Hill") == \
        household_of(records, result, "dataset0", "Flat 13, Cedar House, Hindle Hill")


def test_a_house_sharing_its_name_with_a_block_of_another_street_in_its_district_is_no_block_of_flats():
    # 'Holly Lodge, Albert Road' is a house; Holly Lodge on Hindle Hill, in the same district, is a block of flats
    rows = [(k, "Flat {}, Holly Lodge, Hindle Hill".format(flat), "") for k in (0, 1) for flat in (1, 2, 3)]
    rows += [(0, "Holly Lodge, Albert Road", ""), (1, "Holly Lodge, Albert Road", "")]
    records, result = keystroke_files(rows)
    assert household_of(records, result, "dataset0", "Holly Lodge, Albert Road") == \
        household_of(records, result, "dataset1", "Holly Lodge, Albert Road")


def register_and_list(listed):
    """A council tax list (each home once with its UPRN: 240 homes on eight streets, one postcode each) and a GP list
    of the addresses given (address, postcode), rows without UPRNs."""
    homes = [("{} {}".format(n, name), code) for name, code in zip(STREETS[:8], POSTCODES) for n in range(1, 31)]
    council_tax = pd.DataFrame({"UPRN": [str(100000000000 + k) for k in range(len(homes))],
                                "Address": [a for a, _ in homes], "Postcode": [p for _, p in homes]})
    gp = pd.DataFrame({"UPRN": "", "Address": [a for a, _ in listed], "Postcode": [p for _, p in listed]})
    records = prepare_records([("council_tax", council_tax, COLUMNS), ("gp_list", gp, COLUMNS)])
    return records, link_households(records)


def test_a_street_no_complete_list_writes_whose_homes_are_another_streets_of_its_postcode_is_that_street():
    # a GP list keeps the old name of Hindle Hill (renamed from Nimrod Close) for three of its homes
    records, result = register_and_list([("{} Nimrod Close".format(n), POSTCODES[0]) for n in (4, 11, 16)]
                                        + [("{} Hindle Hill".format(n), POSTCODES[0]) for n in (4, 5)])
    for n in (4, 11, 16):
        assert household_of(records, result, "gp_list", "{} Nimrod Close".format(n)) == \
            household_of(records, result, "council_tax", "{} Hindle Hill".format(n))
    assert result.stats["rows_on_a_street_by_another_name"] == 3
    assert any("by a name no complete list" in str(note) for note in result.notes)


@pytest.mark.parametrize("listed", [
    # the street's homes are not the other street's (numbers beyond it): a street of its own in the postcode
    [("{} Nimrod Close".format(n), POSTCODES[0]) for n in (31, 33, 35, 16)],
    # one home only, whose number both streets have: that may be chance
    [("8 Nimrod Close", POSTCODES[0])],
])
def test_a_street_of_its_own_is_not_taken_for_another_name_of_its_postcodes_street(listed):
    records, result = register_and_list(listed)
    assert result.stats["rows_on_a_street_by_another_name"] == 0
    assert household_of(records, result, "gp_list", listed[-1][0]) != \
        household_of(records, result, "council_tax", "{} Hindle Hill".format(listed[-1][0].split()[0]))



@pytest.mark.parametrize("left_out", [
    ["Kestrel Manisons, Hindle Hill", "Kestrel Mansions, Hindle Hill"],  # the block's name mistyped once
    ["Kestrel Mansions, London", "Kestrel Mansions, Hindle Hill"],  # its street left out
])
def test_rows_leaving_the_flat_out_at_a_block_written_short_of_its_name_or_street_are_not_one_home(left_out):
    rows = [(k, "Flat {}, Kestrel Mansions, Hindle Hill".format(flat), "") for k in (0, 1) for flat in (1, 2, 3)]
    rows += [(1, left_out[0], ""), (2, left_out[1], "")]
    records, result = keystroke_files(rows)
    assert household_of(records, result, "dataset1", left_out[0]) != \
        household_of(records, result, "dataset2", left_out[1])
