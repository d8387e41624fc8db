"""The address standardiser: every flat and street form named in issue 10, the data tables, column names."""
import csv
import os

import pandas as pd
import pytest

from community_risk.processing.analysis import addresses
from community_risk.processing.analysis.addresses import column_role, compose, standardise
from community_risk.processing.analysis.postcodes import normalise_postcode, split_trailing_postcode


@pytest.mark.parametrize("text", ["Flat 2, 25 Laurel Avenue", "Flat No. 2, 25 Laurel Avenue", "Apartment 2, 25 Laurel Ave",
                                  "Apt 2 25 Laurel Av", "Unit 2, 25 Laurel Avenue", "Room 2, 25 Laurel Avenue",
                                  "2/25 Laurel Avenue", "2 / 25 LAUREL AVENUE", "25 Laurel Avenue, Flat 2",
                                  "FLAT 02, 25 LAUREL AVE, LONDON", "flat no 2 25 laurel avenue"])
def test_numbered_flats_written_every_way_read_alike(text):
    assert standardise(text)[:4] == ("2", "25", None, "LAUREL AVENUE")


@pytest.mark.parametrize("text", ["40B Laurel Avenue", "40 B Laurel Avenue", "Flat B, 40 Laurel Avenue", "40b laurel ave"])
def test_lettered_homes_are_one_home(text):
    assert standardise(text)[:4] == ("B", "40", None, "LAUREL AVENUE")


@pytest.mark.parametrize("text, flat", [("Ground Floor Flat, 7 Park Rd", "GROUND FLOOR"),
                                        ("First Floor Flat, 7 Park Road", "FIRST FLOOR"),
                                        ("1st Floor Flat 7 Park Rd", "FIRST FLOOR"),
                                        ("Basement Flat, 7 Park Rd", "BASEMENT"),
                                        ("Top Flat, 7 Park Road", "TOP FLOOR"),
                                        # the letting agents' shorthand, and abbreviated floors
                                        ("GFF, 7 Park Rd", "GROUND FLOOR"), ("Fff 7 Park Road", "FIRST FLOOR"),
                                        ("SFF, 7 Park Road", "SECOND FLOOR"), ("TFF 7 Park Rd", "TOP FLOOR"),
                                        ("LGFF, 7 Park Road", "BASEMENT"), ("Grd Flat, 7 Park Road", "GROUND FLOOR"),
                                        ("7 Park Road, GFF", "GROUND FLOOR"),
                                        ("Flat 3, First Floor, 7 Park Road", "3")])
def test_floors_name_the_flat_unless_it_has_a_number(text, flat):
    assert standardise(text)[:4] == (flat, "7", None, "PARK ROAD")


@pytest.mark.parametrize("text", ["FFF, 3 Thorncombe Buildings, London", "First Floor Flat, 3 Thorncombe Bldgs",
                                  "1ST FLOOR 3 THORNCOMBE BUILDINGS"])
def test_a_floor_before_a_number_and_a_block_word_keeps_the_number_as_the_house(text):
    # '3 Thorncombe Buildings' alone reads as flat 3 of a block; after a floor, the floor names the flat and the 3 is
    # the house's number (else 'FFF' and 'Ground Floor' at 3 Thorncombe Buildings would be one home)
    assert standardise(text)[:2] == ("FIRST FLOOR", "3")
    assert standardise("3 Thorncombe Buildings")[:3] == ("3", None, "THORNCOMBE BUILDINGS")
    # a number straight after the floor's unit word, or before the floor, is still the block's flat
    assert standardise("1ST FLOOR FLAT 1 KEATS HOUSE FOUNTAYNE WALK")[:4] == ("1", None, "KEATS HOUSE", "FOUNTAYNE WALK")
    assert standardise("2 Ground Floor, Blake Tower, Cazenove Mews")[:4] == ("2", None, "BLAKE TOWER", "CAZENOVE MEWS")


@pytest.mark.parametrize("text, read", [
    ("Flat 3, Swan Court, Grummant Court", ("3", None, "SWAN COURT", "GRUMMANT COURT")),
    ("Flat 4, Scylla Ct, Thorncombe Bldgs", ("4", None, "SCYLLA COURT", "THORNCOMBE BUILDINGS")),
    ("Flat 14, Marigold Lodge, Thorncombe Buildings", ("14", None, "MARIGOLD LODGE", "THORNCOMBE BUILDINGS")),
    ("FLAT 14 MARIGOLD LODGE THORNCOMBE BUILDINGS", ("14", None, "MARIGOLD LODGE", "THORNCOMBE BUILDINGS")),
    ("Wisteria Cottage, Thorncombe Buildings", (None, None, "WISTERIA COTTAGE", "THORNCOMBE BUILDINGS")),
    # one name, or a name ending in a word that names no street: a block and no street
    ("Flat 1, Byron Mansions, London", ("1", None, "BYRON MANSIONS", None)),
    ("Flat 1 Keats House The Lodge", ("1", None, "KEATS HOUSE THE LODGE", None)),
])
def test_of_two_names_that_may_each_be_a_block_or_a_street_the_block_comes_first(text, read):
    assert standardise(text)[:4] == read


@pytest.mark.parametrize("text", ["FLAT 10 BLOCK A, VALLANCE CRES", "10, BLOCK A, VALLANCE CRES, LONDON",
                                  "10 BLOCK A, VALLANCE CRESCENT", "Flat 10 Block A Vallance Crescent LONDON",
                                  "10 BLK A VALLANCE CRESCENT", "Flat 10, A Block, Vallance Crescent"])
def test_a_block_named_by_a_letter_is_a_building_and_the_number_before_it_its_flat(text):
    # 'Block A' is a name as 'Keats House' is: '10 | BLOCK A | VALLANCE CRES' is not 10 Vallance Crescent
    assert standardise(text)[:4] == ("10", None, "A BLOCK", "VALLANCE CRESCENT")


@pytest.mark.parametrize("text, read", [
    ("22 St Mary's Road, 3, Providence Mansions, LONDON", ("3", "22", "PROVIDENCE MANSIONS", "SAINT MARYS ROAD")),
    ("ST. PETER'S TERR, FLAT 18, TELFORD LOFTS, LONDON", ("18", None, "TELFORD LOFTS", "SAINT PETERS TERRACE")),
    ("12 Park Road, Flat 3, London", ("3", "12", None, "PARK ROAD")),
    ("14 High Street, 2nd Floor", ("SECOND FLOOR", "14", None, "HIGH STREET")),
    # a street after the block stays where it is
    ("Tintagel Point, Tanner Av, Unit 13, London", ("13", None, "TINTAGEL POINT", "TANNER AVENUE")),
    # the street goes after the flat and its block, not after a town the tool does not know ('Croydon')
    ("mill grn,flat 23,holland ct,croydon cr26jl", ("23", None, "HOLLAND COURT", "MILL GREEN")),
    # a street and a flat typed without a comma
    ("mill grn flat 22 byron house cr2 6hr", ("22", None, "BYRON HOUSE", "MILL GREEN")),
    ("12 Park Road Flat 3", ("3", "12", None, "PARK ROAD")),
    # a block's name ending in a word that names streets too stays the block's
    ("Rose Court Flat 3, Hill Road", ("3", None, "ROSE COURT", "HILL ROAD")),
    # unless a block's name follows the flat
    ("rhondda ct, flat 16, orwell court, croydon cr0 9lf", ("16", None, "ORWELL COURT", "RHONDDA COURT")),
])
def test_a_flat_written_after_its_street_names_the_flat(text, read):
    assert standardise(text)[:4] == read


@pytest.mark.parametrize("text, read", [
    ("FLAT 1 CRESSY HSE VICTORIA ST CROYDON CR7", ("1", None, "CRESSY HOUSE", "VICTORIA STREET", None)),
    ("Dickens House,Fern St,SE25", (None, None, "DICKENS HOUSE", "FERN STREET", None)),
    ("14 Bow Road, London E3", (None, "14", None, "BOW ROAD", None)),
    # a unit named like a district is the flat
    ("4 Mile End Road, Flat E3", ("E3", "4", None, "MILE END ROAD", None)),
    ("12 Park Road, Unit B2", ("B2", "12", None, "PARK ROAD", None)),
])
def test_a_postcode_cut_to_its_district_is_no_part_of_the_street(text, read):
    # the district says too little to match on; left in, it was read as the street's last word
    assert standardise(text)[:5] == read


@pytest.mark.parametrize("text, street", [
    ("12 High St Croydon", "HIGH STREET"), ("FLAT 1 CRESSY HSE VICTORIA ST CR7 8PQ", "VICTORIA STREET"),
    # before a name with a thoroughfare after it, or first, St is Saint
    ("Upper St Martins Lane", "UPPER SAINT MARTINS LANE"), ("Rose Cottage St Johns Road", "SAINT JOHNS ROAD"),
    ("3 St Johns Wood", "SAINT JOHNS WOOD"),
])
def test_st_between_two_names_is_street_unless_a_thoroughfare_follows(text, street):
    assert standardise(text).street == street


def test_a_flats_first_name_with_a_street_after_it_is_its_block_and_a_number_before_that_block_its_flat():
    # 'Darwin Close' names a block here: a flat is written before it, a street after it
    assert standardise("FLAT 11 DARWIN CLOSE, ABERFELDY HILL, LONDON")[:4] == (
        "11", None, "DARWIN CLOSE", "ABERFELDY HILL")
    assert standardise("Flat 136 Fountayne Rise")[:4] == ("?", "136", None, "FOUNTAYNE RISE")  # one name: the street
    texts = ["FLAT 11 DARWIN CLOSE, ABERFELDY HILL", "FLAT 12 DARWIN CLOSE, ABERFELDY HILL",
             "27 DARWIN CLOSE, ABERFELDY HILL", "4 Aberfeldy Hill", "6 Aberfeldy Hill", "31 Kildare Road, Holborn"]
    postcodes = ["EC1N 8AT"] * 5 + ["EC1N 8AU"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["EC1N"] * len(texts),
                                    postcodes=postcodes)
    # where rows of its postcode write Darwin Close as a block by its flats, '27 Darwin Close' is its flat 27
    assert again[2][:4] == ("27", None, "DARWIN CLOSE", "ABERFELDY HILL")
    assert again[5][:4] == (None, "31", None, "KILDARE ROAD")


@pytest.mark.parametrize("text, read", [
    ("C/O Mrs Smith, 14 Rye Lane", (None, "14", None, "RYE LANE")),
    ("FAO Amina Okafor, Flat 2, 14 Rye Lane", ("2", "14", None, "RYE LANE")),
    ("Care of Mr Jones, 3 Elm Road", (None, "3", None, "ELM ROAD")),
    ("Mrs A Smith, 14 Rye Lane", (None, "14", None, "RYE LANE")),
    ("Miss Havisham Flat 2 14 Rye Lane", ("2", "14", None, "RYE LANE")),
    ("c/o kemi rahman 9 providence court cardigan terrace", ("9", None, "PROVIDENCE COURT", "CARDIGAN TERRACE")),
])
def test_a_person_written_into_the_address_is_no_part_of_it(text, read):
    assert standardise(text)[:4] == read


@pytest.mark.parametrize("text", ["4 LILAC APARTMENTS, BANCROFT GARDENS", "Flat 4, Lilac Apartments, Bancroft Gardens",
                                  "Apt 4 Lilac Apts, Bancroft Gardens"])
def test_apartments_name_a_block(text):
    # 'Wren Apartments', 'Lilac Apartments': a block's name, as Mansions is, not a flat left unnamed
    assert standardise(text)[:4] == ("4", None, "LILAC APARTMENTS", "BANCROFT GARDENS")


@pytest.mark.parametrize("text, flat", [("Flat One, Providence Court, Cardigan Terrace", "1"),
                                        ("Flat No. Twelve, Providence Court, Cardigan Terrace", "12"),
                                        ("Apartment Three Providence Court, Cardigan Terrace", "3")])
def test_a_flats_number_in_words_is_its_number(text, flat):
    assert standardise(text)[:4] == (flat, None, "PROVIDENCE COURT", "CARDIGAN TERRACE")
    assert standardise("One Tree Hill").street == "ONE TREE HILL"  # a word, not after a unit word, is a word


def test_house_names_ranges_and_buildings_with_flats():
    assert standardise("Rose Cottage, Mill Lane")[:4] == (None, None, "ROSE COTTAGE", "MILL LANE")
    assert standardise("Rose Cottage Mill Lane")[:4] == (None, None, "ROSE COTTAGE", "MILL LANE")
    assert standardise("12-14 Church St")[:4] == (None, "12-14", None, "CHURCH STREET")
    assert standardise("12 - 14 Church Street")[:4] == (None, "12-14", None, "CHURCH STREET")
    assert standardise("Flat 3, Keats House, Milner Road")[:4] == ("3", None, "KEATS HOUSE", "MILNER ROAD")
    assert standardise("Flat 3 Keats Hse 12 Milner Rd Islington London")[:4] == ("3", "12", "KEATS HOUSE", "MILNER ROAD")


@pytest.mark.parametrize("text", ["12 St Johns Road", "12 St. John's Rd", "12 Saint Johns Road", "12 ST JOHNS RD"])
def test_saint_before_a_name(text):
    assert standardise(text).street == "SAINT JOHNS ROAD"


@pytest.mark.parametrize("text", ["5 High St", "5 High St.", "5 High Street, London", "5 HIGH ST LONDON"])
def test_street_after_a_name(text):
    assert standardise(text).street == "HIGH STREET"


def table(name):
    with open(os.path.join(addresses.DATA, name), encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", table("thoroughfares.csv"), ids=lambda r: r["standard"])
def test_every_thoroughfare_abbreviation_in_the_table_is_expanded(row):
    for written in row["written"].split() + [row["standard"]]:
        if row["standard"] in addresses.BLOCK_WORDS:  # '9 Laurel Mansions' is flat 9 of a block: the street follows
            assert standardise("9 Laurel " + written + ", Milner Road")[:4] == (
                "9", None, "LAUREL " + row["standard"], "MILNER ROAD"), written
        else:
            assert standardise("9 Laurel " + written + ", London").street == "LAUREL " + row["standard"], written


def test_the_royal_mail_abbreviations_named_in_the_issue_are_in_the_table():
    expanded = {w: r["standard"] for r in table("thoroughfares.csv") for w in r["written"].split()}
    wanted = {"RD": "ROAD", "AVE": "AVENUE", "GDNS": "GARDENS", "CRES": "CRESCENT", "TERR": "TERRACE", "PL": "PLACE",
              "CL": "CLOSE", "LN": "LANE", "SQ": "SQUARE", "CT": "COURT", "DR": "DRIVE", "GR": "GROVE", "PK": "PARK",
              "WK": "WALK", "WY": "WAY"}
    assert {k: expanded.get(k) for k in wanted if k != "DR"} == {k: v for k, v in wanted.items() if k != "DR"}
    assert standardise("3 Kingsland Dr").street == "KINGSLAND DRIVE"  # Dr after a name (name_position.csv)


def test_locality_and_town_after_the_street_are_left_out():
    assert standardise("7 Park Road Wood Green London").street == "PARK ROAD"
    assert standardise("7 Park Road, Islington, London N1 2UH") == (None, "7", None, "PARK ROAD", "N1 2UH")


@pytest.mark.parametrize("written, expected", [("n1 9gu", "N1 9GU"), ("N19GU", "N1 9GU"), (" n1  9 gu ", "N1 9GU"),
                                               ("NI 9GU", "N1 9GU"), ("N1 9GU", "N1 9GU"), ("SWIA 1AA", "SW1A 1AA"),
                                               ("W1O 1AA", "W10 1AA"), ("N1 OGU", "N1 0GU"), ("0X1 1AA", "OX1 1AA"),
                                               ("ZZ9 9ZZ", "ZZ9 9ZZ"), ("not known", None), ("", None)])
def test_postcodes_repaired_where_only_one_reading_is_valid(written, expected):
    assert normalise_postcode(written) == expected


def test_a_postcode_at_the_end_of_an_address_is_taken_out():
    assert split_trailing_postcode("12 Milner Road, London N1 2UH") == ("12 MILNER ROAD, LONDON", "N1 2UH")
    assert split_trailing_postcode("12 Milner Road")[1] is None
    assert split_trailing_postcode("Flat 12B")[1] is None


@pytest.mark.parametrize("written", ["London SE14 9BA", "LONDON SE149BA", "LONDON SE14  9BA", "London, SE14 9BA.",
                                     "LONDON SE14 9B A", "LONDON SE14 9 BA", "LONDON SE 14 9BA", "London SEI4 9BA"])
def test_a_postcode_in_pieces_or_with_stray_spaces_at_the_end_of_an_address_is_taken_out(written):
    assert split_trailing_postcode(written) == ("LONDON", "SE14 9BA")


def test_a_house_number_before_the_end_of_an_address_is_not_taken_for_a_postcode():
    # '14 9BA' would read as I4 9BA (an I where only a letter can stand) if the 14 could start a postcode
    assert split_trailing_postcode("Flat 1, Clare Point, 14 9BA")[1] is None
    assert split_trailing_postcode("12 High Road NW5")[1] is None


@pytest.mark.parametrize("name, role", [
    ("Householder", "personal"), ("Premises contact", "personal"), ("Contact", "personal"), ("Name", "personal"),
    ("Email address", "personal"), ("Correspondence address", "personal"), ("Landlord address", "personal"),
    ("House Name", "premise"), ("House No", "premise"), ("HouseNumber", "premise"), ("Building Name", "premise"),
    ("Flat", "flat"), ("Flat No", "flat"), ("Street", "street"), ("Address Line 1", "line"), ("Addr1", "line"),
    ("AddressLine2", "line"), ("Premises Address", "line"), ("Line 3", "line"), ("Address", "line"),
    ("UPRN", "uprn"), ("Property UPRN", "uprn"), ("Parent UPRN", "parent_uprn"), ("Post Code", "postcode"),
    ("Postcode", "postcode"), ("Town", None), ("Locality", None), ("Weekly Award", None), ("Line", None),
    ("Claim Ref", None), ("Unit", "flat"), ("Unit No", "flat"), ("Flat/Unit", "flat"), ("Business Unit", None),
    ("Unit cost", None), ("Property Name", "premise"), ("Property Ref", None), ("Property Address", "line")])
def test_column_roles_by_whole_words(name, role):
    assert column_role(name) == role


def test_separate_columns_are_composed_without_losing_the_house_number():
    frame = pd.DataFrame({"Flat": ["1", "", "Ground Floor"], "House No": ["124", "7", "3"], "House Name": ["", "", ""],
                          "Street": ["Milner Road", "Park Rd", "Grove Pk"]})
    components = {"flat": ["Flat"], "premise": ["House No", "House Name"], "street": ["Street"], "line": []}
    parsed = [standardise(t)[:4] for t in compose(frame, components)]
    assert parsed == [("1", "124", None, "MILNER ROAD"), (None, "7", None, "PARK ROAD"),
                      ("GROUND FLOOR", "3", None, "GROVE PARK")]
    names = pd.DataFrame({"House Name": ["Rose Cottage"], "Address Line 1": ["Mill Lane"]})
    assert standardise(compose(names, {"premise": ["House Name"], "line": ["Address Line 1"]})[0])[:4] == \
        (None, None, "ROSE COTTAGE", "MILL LANE")
    numbered = pd.DataFrame({"House No": ["124"], "Address Line 1": ["Milner Road"], "Address Line 2": ["London"]})
    assert standardise(compose(numbered, {"premise": ["House No"], "line": ["Address Line 1", "Address Line 2"]})[0])[:4] \
        == (None, "124", None, "MILNER ROAD")


@pytest.mark.parametrize("text, expected", [
    ("The Flat, 24 Nightingale Grove", ("?", "24", None, "NIGHTINGALE GROVE")),  # 'the' before a unit word
    ("Flat Over, 12 High Street", ("?", "12", None, "HIGH STREET")),  # a flat over a shop: which is not said
    ("Flat Above, Flat 3, 12 High Street", ("3", "12", None, "HIGH STREET")),
    ("Flat A, The Flat 64 Brownswood Avenue", ("A", "64", None, "BROWNSWOOD AVENUE")),  # a second unit word: no flat
    ("Flat 1 At, Hardy Lodge, 121 Fountayne Court", ("1", "121", "HARDY LODGE", "FOUNTAYNE COURT")),
    ("Ground Floor Flat At, 162, Albert Terrace", ("GROUND FLOOR", "162", None, "ALBERT TERRACE")),
])
def test_articles_and_connectives_around_a_unit_word(text, expected):
    assert standardise(text)[:4] == expected


@pytest.mark.parametrize("text", ["Flat 1, Shelley Court, 124, London", "FLAT 1 SHELLEY COURT 124 LONDON"])
def test_a_name_between_a_flat_and_its_house_number_is_the_building(text):
    """The street was left out: 'Shelley Court' stands where a building name stands, not where a street does."""
    assert standardise(text)[:4] == ("1", "124", "SHELLEY COURT", None)


def test_streets_the_data_writes_after_house_numbers_tell_house_names_from_streets():
    texts = ["4 Cazenove Gardens", "6 Cazenove Gardens", "Old Forge Cazenove Gardens", "Orchard View, Cazenove Gdns",
             "Willowbank Cazenove Gardens", "8 Orchard Road", "Flat 1, Keats House, 9 Cazenove Gardens",
             "Flat 2, Keats House, 9 Cazenove Gardens", "Flat 3, Keats House, London"]
    parsed = [standardise(t) for t in texts]
    assert parsed[2][:4] == (None, None, None, "OLD FORGE CAZENOVE GARDENS")  # alone, the name runs into the street
    again = addresses.local_streets(texts, parsed, ["N1"] * len(texts))
    assert again[2][:4] == (None, None, "OLD FORGE", "CAZENOVE GARDENS")
    assert again[3][:4] == (None, None, "ORCHARD VIEW", "CAZENOVE GARDENS")  # View is a thoroughfare word too
    assert again[4][:4] == (None, None, "WILLOWBANK", "CAZENOVE GARDENS")
    assert again[5] == parsed[5]  # a street written once is left as it was read
    assert again[8][:4] == ("3", None, "KEATS HOUSE", None)
    # in another district the streets of N1 are not known
    districts = ["N1", "N1", "E8", "E8", "E8", "E8", "N1", "N1", "E8"]
    assert addresses.local_streets(texts, parsed, districts)[2] == parsed[2]


def test_a_flat_number_with_the_block_left_out_is_the_blocks_flat_where_no_house_has_that_number():
    texts = ["Flat 1, Byron Mansions, St Kildas Lane", "Flat 2, Byron Mansions, St Kildas Lane", "4 St Kildas Lane",
             "6 St Kildas Lane", "Flat 1 St Kildas Lane", "Flat 4 St Kildas Lane", "Flat 9 St Kildas Lane"]
    parsed = [standardise(t) for t in texts]
    assert parsed[4][:4] == ("?", "1", None, "SAINT KILDAS LANE")  # alone, 'Flat 1' reads as a flat at number 1
    again = addresses.local_streets(texts, parsed, ["E8"] * len(texts))
    assert again[4][:4] == ("1", None, "BYRON MANSIONS", "SAINT KILDAS LANE")
    assert again[5][:4] == ("?", "4", None, "SAINT KILDAS LANE")  # number 4 is a house there: a flat at 4
    assert again[6] == parsed[6]  # no flat 9 in the block, no number 9: left as read


def test_a_block_name_before_a_street_whose_name_starts_with_a_thoroughfare_word():
    # Downs is a thoroughfare word, but Way ends the street: Byron Mansions is the block, 4 its flat
    assert standardise("4 Byron Mansions Downs Way")[:4] == ("4", None, "BYRON MANSIONS", "DOWNS WAY")
    assert standardise("63 Chalk Farm Gardens")[:4] == (None, "63", None, "CHALK FARM GARDENS")


def test_streets_written_after_building_names_are_known_and_block_names_without_a_street_name_the_flat():
    texts = ["Flat 1, Clare Point, Glenarm Close", "Flat 2, Clare Point, Glenarm Close", "Flat 4 Clare Glenarm Close",
             "Flat 1, Shelley Court, Evering Lane", "Flat 2, Shelley Court, Evering Lane", "3 Shelley Court, London",
             "Flat 4 Shelley Court"]
    parsed = [standardise(t) for t in texts]
    again = addresses.local_streets(texts, parsed, ["N1"] * len(texts))
    assert again[2][:4] == ("4", None, "CLARE", "GLENARM CLOSE")  # the block's name cut short, its street known
    assert again[5][:4] == ("3", None, "SHELLEY COURT", None)  # a known block, not a street: 3 is its flat
    assert again[6][:4] == ("4", None, "SHELLEY COURT", None)


def test_streets_and_buildings_run_together_or_mistyped_are_read_with_the_names_other_rows_write():
    texts = ["15 Rendlesham Street", "17 Rendlesham Street", "15 RENDLESHAMSTREET LONDON",
             "FLAT 1 CLARE POINT RENDLESHAMSTREET", "Flat 2, Keats House, Hindle Place",
             "Flat 3, Keats House, Hindle Place", "FLAT 5 KEATSHOUSE LONDON", "Flat 3, Keats Houcce, London",
             "Willow Bank, Rendlesham Street", "WILLOW BANK LONDON"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["N4"] * len(texts))
    assert again[2][:4] == (None, "15", None, "RENDLESHAM STREET")
    assert again[3][:4] == ("1", None, "CLARE POINT", "RENDLESHAM STREET")
    assert again[6][:4] == ("5", None, "KEATS HOUSE", None)
    assert again[7][:4] == ("3", None, "KEATS HOUSE", None)
    assert again[9][:4] == (None, None, "WILLOW BANK", None)  # Bank is a thoroughfare word, Willow Bank a house here


@pytest.mark.parametrize("name, role", [
    ("SAO_TEXT", "flat"), ("SAO_START_NUMBER", "flat"), ("SAON", "flat"), ("PAO_TEXT", "premise"),
    ("PAO_START_NUMBER", "premise"), ("PAO_START_SUFFIX", "premise"), ("PAON", "premise"),
    ("STREET_DESCRIPTION", "street"), ("SUB_BUILDING_NAME", "flat"), ("BUILDING_NAME", "premise"),
    ("BUILDING_NUMBER", "premise"), ("THOROUGHFARE", "street"), ("Road", "street"), ("Road Name", "street"),
    ("Door No", "premise"), ("Door Number", "premise"), ("Door entry code", None), ("ORGANISATION_NAME", "personal"),
    ("TOWN_NAME", "personal")])
def test_gazetteer_standard_column_names(name, role):
    # an LLPG extract (BS 7666) and AddressBase name their columns so; without these the house number is dropped
    assert column_role(name) == role


def test_an_llpg_extract_is_composed_into_flat_number_and_street():
    frame = pd.DataFrame({"SAO_START_NUMBER": ["2", "", "", ""], "SAO_TEXT": ["", "GROUND FLOOR FLAT", "", ""],
                          "PAO_START_NUMBER": ["124", "7", "12", "9"], "PAO_START_SUFFIX": ["", "", "", "A"],
                          "PAO_END_NUMBER": ["", "", "14", ""], "PAO_TEXT": ["", "", "ROSE COURT", ""],
                          "STREET_DESCRIPTION": ["MILNER ROAD", "PARK RD", "GROVE PK", "ELM ST"]})
    components = {"flat": ["SAO_START_NUMBER", "SAO_TEXT"],
                  "premise": ["PAO_START_NUMBER", "PAO_START_SUFFIX", "PAO_END_NUMBER", "PAO_TEXT"],
                  "street": ["STREET_DESCRIPTION"], "line": []}
    parsed = [standardise(t)[:4] for t in compose(frame, components)]
    assert parsed == [("2", "124", None, "MILNER ROAD"), ("GROUND FLOOR", "7", None, "PARK ROAD"),
                      (None, "12-14", "ROSE COURT", "GROVE PARK"), ("A", "9", None, "ELM STREET")]  # 9A: Flat A, 9


@pytest.mark.parametrize("text, expected", [
    ("Flat 7, Thorncombe Heights, Meadow Close", ("7", None, "THORNCOMBE HEIGHTS", "MEADOW CLOSE")),
    ("FLAT 7 THORNCOMBE HTS MEADOW CL", ("7", None, "THORNCOMBE HEIGHTS", "MEADOW CLOSE")),
    ("Flat 3, Butlers Wharf, 36 Shad Thames", ("3", "36", "BUTLERS WHARF", "SHAD THAMES")),
    ("Flat 2, Tea Lofts, Bow Road", ("2", None, "TEA LOFTS", "BOW ROAD")),
    ("12 Sydenham Heights", (None, "12", None, "SYDENHAM HEIGHTS")),  # with nothing after it, still a street
])
def test_london_block_words_name_the_building_before_a_street(text, expected):
    # Heights, Wharf, Lofts: block names in London, read as streets before (flat 7 became house number 7)
    assert standardise(text)[:4] == expected


def test_a_heights_block_written_without_its_street_is_the_block_other_rows_write():
    texts = ["Flat 1, Thorncombe Heights, Meadow Close", "Flat 2, Thorncombe Heights, Meadow Close",
             "Flat 7, Thorncombe Heights, London"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["SE16"] * len(texts))
    assert again[2][:4] == ("7", None, "THORNCOMBE HEIGHTS", None)

@pytest.mark.parametrize("text", ["Room 2 Flat 3 Byron Mansions St Marys Lane",
                                  "Flat 3 Room 2, Byron Mansions, St Marys Lane",
                                  "RM 2, FLAT 3, BYRON MANSIONS, ST MARYS LANE"])
def test_a_room_in_a_flat_is_that_flat(text):
    assert standardise(text)[:4] == ("3", None, "BYRON MANSIONS", "SAINT MARYS LANE")


def test_a_room_where_no_flat_is_written_names_the_home():
    assert standardise("Room 3, 12 Essex Road")[:4] == ("3", "12", None, "ESSEX ROAD")


def test_a_street_one_system_writes_run_together_is_the_street_the_others_write():
    # one file writes 'Stmarys Drive' throughout, the others 'St Marys Drive': one street, read as the usual form
    texts = ["87, Stmarys Drive", "88, Stmarys Drive", "87 St Marys Drive", "88 St Marys Drive", "91 St Marys Drive",
             "Flat 1, Clare Point, 96, Stmarys Drive"]
    parsed = [standardise(t) for t in texts]
    assert parsed[0].street == "STMARYS DRIVE"
    again = addresses.local_streets(texts, parsed, ["N7"] * len(texts))
    assert {p.street for p in again} == {"SAINT MARYS DRIVE"}
    assert again[5][:3] == ("1", "96", "CLARE POINT")


@pytest.mark.parametrize("text", ["10 St Thomas's Court", "10 ST. THOMAS'S COURT", "10 St Thomas\u2019s Ct",
                                  "10 St Thomas' Court", "10 Saint Thomas Court"])
def test_a_possessive_after_an_s_reads_as_the_name_without_it(text):
    assert standardise(text)[:4] == (None, "10", None, "SAINT THOMAS COURT")


def test_a_possessive_after_other_letters_keeps_its_s_as_most_write_it():
    assert standardise("21 Saint John's St")[3] == standardise("21 ST JOHNS STREET")[3] == "SAINT JOHNS STREET"


def test_a_street_other_rows_write_is_read_as_the_street_even_where_it_looks_like_a_building_before_a_locality():
    # 'Heber Cottages' and 'St Thomas's Court' are streets here (rows write house numbers on them); the locality
    # after them ('New Cross', 'Herne Hill') is not the street, nor is 9 a flat of a building
    texts = ["9 Heber Cottages, New Cross, London", "9 HEBER COTTS, LONDON", "11 Heber Cottages",
             "12 Saint Thomas's Court, Herne Hill", "12 St Thomas's Court, London", "10 St Thomas Court"]
    parsed = [standardise(t) for t in texts]
    assert parsed[0][:4] == ("9", None, "HEBER COTTAGES", "NEW CROSS")  # alone, it reads as flat 9 of a building
    again = addresses.local_streets(texts, parsed, ["SE14"] * 3 + ["SE24"] * 3)
    assert again[0][:4] == (None, "9", None, "HEBER COTTAGES")
    assert again[3][:4] == (None, "12", None, "SAINT THOMAS COURT")


def test_a_street_written_without_its_thoroughfare_word_is_the_street_its_postcode_writes():
    texts = ["Flat 1, Clare Point, Wilberforce Way", "Flat 2, Clare Point, Wilberforce Way", "FLAT 2 CLARE POINT WILBERFORCE",
             "Flat 1, Byron Mansions, 91 Tyssen Place", "Flat 2, Byron Mansions, 91 Tyssen Place", "4 Tyssen Lane",
             "6 Tyssen Lane", "FLAT 1 AT 91 TYSSEN", "IVY HOUSE WILBERFORCE", "Flat 3, Blake Tower, Wilberforce"]
    postcodes = ["N1 4FD"] * 3 + ["N1 3UL"] * 2 + ["N1 3HS"] * 2 + ["N1 3UL", "N1 4FD", "N1 9ZZ"]
    parsed = [standardise(t) for t in texts]
    assert parsed[2][:4] == ("?", "2", None, "CLARE POINT WILBERFORCE")  # alone, the block runs into the street
    again = addresses.local_streets(texts, parsed, ["N1"] * len(texts), postcodes=postcodes)
    assert again[2][:4] == ("2", None, "CLARE POINT", "WILBERFORCE WAY")
    # the district has a Tyssen Lane and a Tyssen Place: the postcode's rows write the Place
    assert again[7][:4] == ("1", "91", None, "TYSSEN PLACE")
    assert again[8][:4] == (None, None, "IVY HOUSE", "WILBERFORCE WAY")
    # no row of its postcode writes Wilberforce Way: a locality of that name, not the street
    assert again[9] == parsed[9]
    # without postcodes the street is not guessed: the district's block Clare Point is read, Wilberforce left as a
    # locality run on after it
    assert addresses.local_streets(texts, parsed, ["N1"] * len(texts))[2][:4] == ("2", None, "CLARE POINT", None)


def test_a_block_one_file_writes_into_its_street_does_not_become_a_street():
    """'Keats House, Hindle Place' written 'KEATS HINDLE PLACE' twice by one file: Hindle Place is the street."""
    texts = ["FLAT 3 KEATS HINDLE PLACE", "FLAT 4 KEATS HINDLE PLACE", "Flat 3, Keats House, Hindle Place",
             "Flat 4, Keats House, Hindle Place", "Flat 5, Keats House, Hindle Place", "22 North Hindle Place",
             "24 North Hindle Place"]
    parsed = [standardise(t) for t in texts]
    again = addresses.local_streets(texts, parsed, ["N16"] * len(texts))
    assert again[0][:4] == ("3", None, "KEATS", "HINDLE PLACE")
    assert again[1][:4] == ("4", None, "KEATS", "HINDLE PLACE")
    assert again[5] == parsed[5]  # North is no building's first word: North Hindle Place stays a street


def test_a_mistyped_thoroughfare_word_is_read_as_the_known_street_of_that_name():
    texts = ["5 Elm Roa, London", "7 Elm Road", "9 Elm Road", "9B St Johns oad", "9 B ST JOHNS ROAD",
             "11 St Johns Road", "14B Copleston Paade", "14 Copleston Parade", "16 Copleston Parade",
             "3 St Marks Road", "4 St Marys Road", "6 St Marys Road", "8 Elm Rowd"]
    parsed = [standardise(t) for t in texts]
    again = addresses.local_streets(texts, parsed, ["SE5"] * len(texts))
    assert [again[k].street for k in (0, 3, 6)] == ["ELM ROAD", "SAINT JOHNS ROAD", "COPLESTON PARADE"]
    assert again[0][:2] == (None, "5") and again[3][:2] == ("B", "9")
    # a name a letter apart is another street, written once or not
    assert again[9].street == "SAINT MARKS ROAD"
    assert again[12].street == "ELM ROAD"
    # where the district has an Elm Row too, 'Rowd' is a typo of either: no guess
    texts2 = texts + ["2 Elm Row", "4 Elm Row"]
    again2 = addresses.local_streets(texts2, [standardise(t) for t in texts2], ["SE5"] * len(texts2))
    assert again2[12].street == "ELM ROWD" and again2[0].street == "ELM ROAD"


def test_a_street_name_mistyped_is_read_as_the_street_its_postcodes_rows_write():
    texts = ["FLAT 1 TELL HOUSE GRANGR ST", "Flat 1, Tell House, Grange Street", "Flat 2, Tell House, Grange Street",
             "7 Grangr Street", "3 Eaton Road", "4 Keaton Road", "6 Keaton Road", "8 Heaton Road",
             "10 Heaton Road"]
    postcodes = ["NW3 3SD"] * 3 + ["NW3 1AA"] + ["SE5 8RS"] * 5
    again = addresses.local_streets(texts, [standardise(t) for t in texts], [p.split()[0] for p in postcodes],
                                    postcodes=postcodes)
    assert again[0][:4] == ("1", None, "TELL HOUSE", "GRANGE STREET")
    # another postcode of the district, where no row writes Grange Street: maybe a street of its own
    assert again[3].street == "GRANGR STREET"
    # a name a typo apart from two streets of the postcode is neither
    assert again[4].street == "EATON ROAD"


def test_a_street_typo_repeated_in_a_few_rows_is_read_as_the_street_its_postcode_writes_far_more_often():
    # 'Feerry Street' twice is a street of the district by count, and 'Fery Street' and 'Fetry Street' are typos
    # beside it: the postcode's forty rows of Ferry Street say which is the street
    texts = (["Flat {}, Sorrel Court, 17 Ferry Street".format(k) for k in range(1, 41)]
             + ["11 SORREL CT, 17 FEERRY STREET", "11 SORREL CT, 17 FEERRY STREET", "FLAT 5 SORREL COURT, 17 FERY STREET",
                "FLAT 16 SORREL COURT, 17 FETRY STREET"])
    postcodes = ["CR0 6UA"] * len(texts)
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["CR0"] * len(texts), postcodes=postcodes)
    assert {p.street for p in again} == {"FERRY STREET"}
    # a street written as often as its look-alike beside it is a street of its own
    texts = ["2 Lanark Road", "4 Lanark Road", "3 Lanak Road", "5 Lanak Road"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["NW3"] * 4, postcodes=["NW3 2RX"] * 4)
    assert [p.street for p in again] == ["LANARK ROAD", "LANARK ROAD", "LANAK ROAD", "LANAK ROAD"]


def test_a_mistyped_street_before_a_locality_other_rows_write_as_a_street_is_read_as_its_street():
    # 'Wood Green' is written after house numbers and blocks by many rows: a known 'street' of the district; here it
    # is the locality after a mistyped Woodwarde Road
    texts = ["41 Woodwarde Rod, Wood Green, London", "41 Woodwarde Road", "43 Woodwarde Road",
             "Flat 2, Kirkwood Tower, Wood Green", "Flat 3, Kirkwood Tower, Wood Green", "12 Wood Green"]
    postcodes = ["N22 6BA"] * 3 + ["N22 6BB"] * 3
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["N22"] * len(texts), postcodes=postcodes)
    assert again[0][:4] == (None, "41", None, "WOODWARDE ROAD")


@pytest.mark.parametrize("text, expected", [
    ("FLAT 8, EVERTHORPE COURT, GRANGE GARDENS, LONDON", ("8", None, "EVERTHORPE COURT", "GRANGE GARDENS")),
    ("Flat 8, Shelley Court, Mill Lane", ("8", None, "SHELLEY COURT", "MILL LANE")),
    ("Flat 2, Keats House, Manor Road", ("2", None, "KEATS HOUSE", "MANOR ROAD")),
    ("Flat 1, Byron Mansions, London", ("1", None, "BYRON MANSIONS", None))])
def test_a_street_whose_name_starts_with_a_building_word_is_the_street_after_a_block(text, expected):
    """Grange, Mill and Manor start street names as often as they end building names."""
    assert standardise(text)[:4] == expected


def test_a_number_before_a_block_written_before_its_street_names_the_flat():
    # a comma after the block's name: Meadow Close (a thoroughfare word first) is the street, not part of a name
    assert standardise("3 Thorncombe Heights, Meadow Close, London")[:4] == (
        "3", None, "THORNCOMBE HEIGHTS", "MEADOW CLOSE")
    assert standardise("63 Chalk Farm Gardens")[:4] == (None, "63", None, "CHALK FARM GARDENS")
    # the street after the comma ends in a word that names buildings too: still a block, then its street
    assert standardise("3 Kelvington Heights, Saint Gabriel's Buildings", "SAINT GABRIELS BUILDINGS")[:4] == (
        "3", None, "KELVINGTON HEIGHTS", "SAINT GABRIELS BUILDINGS")
    # read again with the street other rows write, the block's name is kept
    assert standardise("3 Keats House, Meadow Close, London", "MEADOW CLOSE")[:4] == (
        "3", None, "KEATS HOUSE", "MEADOW CLOSE")


def test_a_locality_written_after_a_known_street_is_not_taken_for_the_street():
    """Herne Hill is a locality here, written as a street after a building name: where the building name as read
    ends in a street the district writes (St Thomas's Court), that is the street."""
    texts = ["10 St Thomas's Court", "6 Saint Thomas Court", "8 St Thomas Ct", "Flat 4, Ondine Lodge, St Thomas Court",
             "12 Saint Thomas's Court, Herne Hill", "Flat 3 Ondine Lodge St Thomas Ct Herne Hill London",
             "Flat 2, Mill Lane House, Herne Hill", "4 Mill Lane", "6 Mill Lane"]
    parsed = [standardise(t) for t in texts]
    assert parsed[4][:4] == ("12", None, "SAINT THOMAS COURT", "HERNE HILL")  # alone: a block on Herne Hill
    again = addresses.local_streets(texts, parsed, ["SE24"] * len(texts))
    assert again[4][:4] == (None, "12", None, "SAINT THOMAS COURT")
    assert again[5][:4] == ("3", None, "ONDINE LODGE", "SAINT THOMAS COURT")
    # a building named after a street ('Mill Lane House') does not end in one: left as read
    assert again[6] == parsed[6]


def test_a_block_named_like_a_street_of_its_district_keeps_the_street_its_postcode_writes():
    # N10 has an Elm Court street (N10 1LY) and an Elm Court block on Cobourg Square (N10 9FH)
    texts = ["1 Elm Court", "3 Elm Court", "5 Elm Court", "7 Elm Court", "Flat 2, Elm Court, Cobourg Square",
             "Flat 3, Elm Court, Cobourg Square", "Flat 4, Elm Court, Cobourg Square"]
    postcodes = ["N10 1LY"] * 4 + ["N10 9FH"] * 3
    parsed = [standardise(t) for t in texts]
    again = addresses.local_streets(texts, parsed, ["N10"] * len(texts), postcodes=postcodes)
    assert again[4][:4] == ("2", None, "ELM COURT", "COBOURG SQUARE")


@pytest.mark.parametrize("text, street", [("44 Rouel Gdn", "ROUEL GARDENS"), ("46 Ivydale Pass", "IVYDALE PASSAGE")])
def test_a_thoroughfare_written_singular_or_cut_short_is_the_known_street(text, street):
    texts = [text, "2 Rouel Gardens", "4 Rouel Gardens", "2 Ivydale Passage", "4 Ivydale Passage", "6 Elm Row"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["N6"] * len(texts))
    assert again[0].street == street


def test_a_number_before_a_block_name_cut_short_names_its_flat_where_the_block_has_no_house_number():
    texts = ["Flat 1, Byron Mansions, Queen Elizabeth Court", "Flat 3, Byron Mansions, Queen Elizabeth Court",
             "3, Byron, Queen Elizabeth Court", "Rose Cottage, 12 Queen Elizabeth Court",
             "Flat 2, Keats House, 9 Tyssen Lane", "Flat 3, Keats House, 9 Tyssen Lane", "4, Keats, Tyssen Lane"]
    postcodes = ["N7 8PS"] * 4 + ["N7 8PT"] * 3
    parsed = [standardise(t) for t in texts]
    again = addresses.local_streets(texts, parsed, ["N7"] * len(texts), postcodes=postcodes)
    assert again[2][:4] == ("3", None, "BYRON MANSIONS", "QUEEN ELIZABETH COURT")
    assert again[3] == parsed[3]  # a house name with a number: no block of that name
    assert again[6][:2] == (None, "4")  # Keats House is written at number 9: 4 may be its number, not a flat


@pytest.mark.parametrize("text, expected", [
    ("PLOT 23 78 STAMFORD COURT LONDON", (None, "78", None, "STAMFORD COURT")),
    ("NEW BUILD GROUND FLOOR FLAT 121 GLENARM PK", ("GROUND FLOOR", "121", None, "GLENARM PARK")),
    ("Proposed, 4 Albert Road", (None, "4", None, "ALBERT ROAD")),
    # the same words naming a street or a building are kept
    ("12 Proposed Road", (None, "12", None, "PROPOSED ROAD")),
    ("Flat 2, New Build House, 3 Ash Road", ("2", "3", "NEW BUILD HOUSE", "ASH ROAD"))])
def test_a_developments_descriptors_name_no_part_of_the_home(text, expected):
    assert standardise(text)[:4] == expected


@pytest.mark.parametrize("text, expected", [
    ("Flat A (Gnd), 206, Brownswood Road", ("A", "206", None, "BROWNSWOOD ROAD")),
    ("Flat A (1st), 206 Brownswood Road", ("A", "206", None, "BROWNSWOOD ROAD")),
    ("Flat B (Top), 20 Ash Road", ("B", "20", None, "ASH ROAD")),
    ("1st Flat, 3 Ash Road", ("FIRST FLOOR", "3", None, "ASH ROAD")),
    ("Flat 2 Top Road", ("?", "2", None, "TOP ROAD")),  # a floor word that starts a street's name
    ("12 1st Avenue", (None, "12", None, "1ST AVENUE"))])
def test_a_floor_written_after_a_flats_letter_describes_the_flat(text, expected):
    assert standardise(text)[:4] == expected


def test_a_flat_letter_after_a_room_names_the_home():
    # 'Room 9 A 165': the room of flat A; the flat, not the room, is the home (as 'Room 2 Flat 3' is flat 3)
    assert standardise("ROOM 9 A 165 ST JOHNS ROAD LONDON")[:4] == ("A", "165", None, "SAINT JOHNS ROAD")


def test_a_street_and_a_locality_as_long_are_read_the_same_way_whatever_the_hash_seed():
    """'Fairview Nunhead Road Muswell Hill': both are streets the district writes, of one length; the one written
    first is the street. The choice once hung on the order of a Python set, which changes with PYTHONHASHSEED."""
    import subprocess
    import sys

    from helpers import PKGROOT

    code = ("from community_risk.processing.analysis.addresses import standardise, local_streets\n"
            "texts = ['Fairview Nunhead Road Muswell Hill London', '2 Nunhead Road', '4 Nunhead Road',\n"
            "         'Flat 1, Keats House, Muswell Hill', 'Flat 2, Keats House, Muswell Hill', 'Fairview, Nunhead Road']\n"
            "print(local_streets(texts, [standardise(t) for t in texts], ['N10'] * len(texts))[0][:4])\n")
    seen = set()
    for seed in range(6):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=PKGROOT)  # as make test runs it: no PYTHONPATH
        seen.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout.strip())
    assert seen == {"(None, None, 'FAIRVIEW', 'NUNHEAD ROAD')"}


@pytest.mark.parametrize("text", ['=HYPERLINK("x") 14 Rye Lane', '=HYPERLINK("http://evil.example")&"14 Rye Lane"',
                                  ' ="14 Rye Lane"', "@14 Rye Lane"])
def test_a_spreadsheet_formula_is_read_for_the_text_it_holds_not_its_function(text):
    # hostile cells: read as text, '=HYPERLINK("x")' was a building 'HYPERLINK' with flat X at 14 Rye Lane
    assert standardise(text)[:4] == (None, "14", None, "RYE LANE")


def test_a_locality_read_as_the_street_is_read_as_the_street_its_postcodes_rows_write_at_that_number():
    texts = ["1ST FLR FLAT, 13 Primrose Hill", "1ST FLR FLAT 13 BULLIVANT STREET, PRIMROSE HILL, LONDON",
             "First Floor Flat, 13 Bullivant Street", "15 Bullivant Street",
             "19 KILBURN, GRD FLR FLAT", "Ground Floor Flat, 19 Ferry Road", "19 Ferry Road", "21 Ferry Road",
             # a street of its own, written once, at a postcode with the same number on another street: kept
             "8 Pilgrims Lane", "8 Ferry Road", "Flat 2, 6 Ferry Road",
             # a name with no thoroughfare word, where two streets of the postcode have that number: not moved
             "4 Kilburn", "4 Ferry Road", "4 Wells Road", "6 Wells Road"]
    postcodes = ["NW5 9US"] * 4 + ["W1T 2ES"] * 11
    again = addresses.local_streets(texts, [standardise(t) for t in texts], [p.split()[0] for p in postcodes],
                                    postcodes=postcodes)
    assert again[0][:4] == ("FIRST FLOOR", "13", None, "BULLIVANT STREET")
    assert again[4][:4] == ("GROUND FLOOR", "19", None, "FERRY ROAD")
    assert again[8].street == "PILGRIMS LANE"
    assert again[11].street == "KILBURN"


def test_a_mistyped_street_with_no_postcode_is_read_as_the_one_look_alike_street_with_that_home():
    texts = ["22 Vallnace Gdns", "22 Vallance Gardens", "24 Vallance Gardens", "4 st msry's rd", "4 St Mary's Road",
             "6 St Mary's Road", "4 St Marks Road", "8 St Marks Road",
             # the look-alike street has no such home: maybe a street the data writes once
             "9 Valance Gdns",
             # a row with a postcode is left to its postcode's rows
             "24 Valalnce Gdns",
             # two look-alike streets with that home: neither is taken
             "4 Laark Road", "4 Lanark Road", "6 Lanark Road", "4 Lamark Road", "6 Lamark Road"]
    postcodes = [None, "E15 2ZQ", "E15 2ZQ", None, "E6 1HY", "E6 1HY", "E6 1HX", "E6 1HX", None, "E17 2ZR",
                 None] + ["E7 1AA"] * 4
    districts = [p.split()[0] if p else None for p in postcodes]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], districts, postcodes=postcodes)
    assert again[0][:4] == (None, "22", None, "VALLANCE GARDENS")
    assert again[3].street == "SAINT MARYS ROAD"
    assert [p.street for p in again[6:8]] == ["SAINT MARKS ROAD"] * 2
    assert again[8].street == "VALANCE GARDENS"
    assert again[9].street == "VALALNCE GARDENS"
    assert again[10].street == "LAARK ROAD"


@pytest.mark.parametrize("text, expected", [
    ("FLAT 6 TRINITY CT, THE OVAL, DARTMOUTH PARK, LONDON", ("6", None, "TRINITY COURT", "THE OVAL")),
    ("Studio 6, Trinity Court, The Oval", ("6", None, "TRINITY COURT", "THE OVAL")),
    ("6 TRINITY COURT, THE OVAL, LONDON", ("6", None, "TRINITY COURT", "THE OVAL")),
    ("Flat 3, Keats House, The Highway", ("3", None, "KEATS HOUSE", "THE HIGHWAY")),
    ("FLAT 1 11 THE OVAL", ("1", "11", None, "THE OVAL")),
    # not after a block: a house's name before the street
    ("Flat 2, The Limes, High Street", ("2", None, "THE LIMES", "HIGH STREET")),
    ("The Lodge, 12 High Street", (None, "12", "THE LODGE", "HIGH STREET")),
])
def test_a_street_named_with_an_article_and_no_thoroughfare_word_is_the_street_after_a_block(text, expected):
    assert standardise(text)[:4] == expected


@pytest.mark.parametrize("text, expected", [
    ("6 TELFORD COURT, BULLIVANT STREET, PRIMROSE HILL, LONDON", ("6", None, "TELFORD COURT", "BULLIVANT STREET")),
    ("FLAT 6 TELFORD COURT, BULLIVANT STREET, PRIMROSE HILL", ("6", None, "TELFORD COURT", "BULLIVANT STREET")),
    # a flat whose block is not yet read: its first name is the block
    ("Flat 11, Darwin Close, Aberfeldy Hill", ("11", None, "DARWIN CLOSE", "ABERFELDY HILL")),
])
def test_the_street_after_a_blocks_flat_comes_before_the_locality(text, expected):
    assert standardise(text)[:4] == expected


def test_a_blocks_name_with_a_locality_run_on_is_the_block_the_rows_write():
    texts = ["Flat 14 Clipper Lodge Millwall LONDON", "FLAT 14 CLIPPER LODGE, GALE ROAD", "Flat 3, Clipper Lodge, Gale Road",
             # a thoroughfare after the name: a street of its own
             "14 Clipper Lodge Road"]
    postcodes = ["E1 1JX"] * 3 + ["E1 1JY"]
    again = addresses.local_streets(texts, [standardise(t) for t in texts], ["E1"] * 4, postcodes=postcodes)
    assert again[0][:4] == ("14", None, "CLIPPER LODGE", None)
    assert again[3][:4] == (None, "14", None, "CLIPPER LODGE ROAD")
