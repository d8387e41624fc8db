"""Household-level linkage quality on two generators over real London postcodes: the project's own
(council_extracts) and an independent error model (address_noise, written by the address-errors package)."""
import pandas as pd
import pytest

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import council_extracts as council_data
from helpers import london_file

COLUMNS = {"uprn": "UPRN", "postcode": "Post Code", "address": ["Address Line 1", "Address Line 2"]}


def borough(code):
    table = pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    return table[table["lad_code"] == code]


@pytest.mark.london
def test_household_goal_on_the_project_generator():
    extracts, _ = council_data.generate(borough("E09000019"), n_households=3000)
    frames = [(name, frame, COLUMNS) for name, (_, frame) in extracts.items()]
    truth = [h for _, (_, frame) in extracts.items() for h in frame["_household"]]
    result = link_households(prepare_records(frames))
    quality = council_data.household_quality(result.household, truth)
    assert quality["exact"] >= 0.97 and quality["merged"] <= 0.005, quality
    assert result.stats["model"]["m_learnt_from"] == "pairs of rows sharing a UPRN"


def independent_extracts(extra_noise):
    address_noise = pytest.importorskip("community_risk.synthetic.address_noise")
    pytest.importorskip("address_errors")
    reference = address_noise.homes(borough("E09000012")["postcode"], n_homes=1500)
    return address_noise.extracts(reference, extra_noise=extra_noise)


@pytest.fixture(scope="module")
def independent():
    """The package's errors at the rates it learnt from real councils' registers (no extra noise)."""
    return independent_extracts(0.0)


@pytest.mark.london
def test_every_independent_layout_is_read_by_column_names(independent):
    extracts, _ = independent
    for name, (layout, frame) in extracts.items():
        columns = detect_columns(frame, name)
        assert {"Householder", "Premises contact", "Contact"} <= set(columns["dropped"]), name
        if layout == "address_lines":
            assert columns["uprns"] == ["UPRN", "LLPG UPRN"]
        if layout == "columns":
            assert columns["components"]["flat"] == ["Flat"] and columns["components"]["street"] == ["Street"]
            assert "Town" in columns["dropped"]
    layout, frame = extracts["postcode_holds_address_cornwall"]
    records = prepare_records([("p", frame, detect_columns(frame, "p"))])
    # the address is read from the postcode column: a street, or a building where the street was left out
    assert records["postcode"].notna().mean() > 0.8 and records["street"].notna().mean() > 0.85
    assert (records["street"].notna() | records["building"].notna()).mean() > 0.95


@pytest.fixture(scope="module")
def independent_learnt(independent):
    return independent_quality(*independent)


def independent_quality(extracts, truth):
    frames = [(name, frame, detect_columns(frame, name)) for name, (_, frame) in extracts.items()]
    result = link_households(prepare_records(frames))
    return council_data.household_quality(result.household, [h for name in extracts for h in truth[name]])


@pytest.mark.london
@pytest.mark.xfail(strict=True, reason="issue 10 goal not reached on the independent error model at the package's "
                                       "learnt rates: 93.5% exact (0.27% merged, within the goal); the text ceiling "
                                       "(synthetic/linkage_ceiling.py) is 96.8%: 3.2% of households have a row, mostly "
                                       "a flat left out with no UPRN at a house of flats, that no reading of the text "
                                       "can place, and in 2.4% more every row astray writes another home (see README, "
                                       "Linkage quality)")
def test_household_goal_on_the_independent_error_model(independent_learnt):
    quality = independent_learnt
    assert quality["exact"] >= 0.97 and quality["merged"] <= 0.005, quality


@pytest.mark.london
def test_the_independent_error_model_keeps_the_level_reached(independent_learnt):
    # the level measured when this was last raised (93.5% exact, 0.27% merged), less a margin for other seeds' luck:
    # a change that loses ground on data the linker was not written for fails here
    assert independent_learnt["exact"] >= 0.932 and independent_learnt["merged"] <= 0.005, independent_learnt


@pytest.fixture(scope="module")
def independent_noisy():
    return independent_quality(*independent_extracts(0.1))


@pytest.mark.london
@pytest.mark.xfail(strict=True, reason="issue 10 goal not reached on the independent error model with 10% extra "
                                       "stress noise: 92.9% exact (0.27% merged, within the goal; text ceiling 96.8%; "
                                       "see README, Linkage quality)")
def test_household_goal_on_the_independent_error_model_with_extra_noise(independent_noisy):
    quality = independent_noisy
    assert quality["exact"] >= 0.97 and quality["merged"] <= 0.005, quality


@pytest.mark.london
def test_at_most_half_a_percent_merged_on_the_independent_error_model_with_extra_noise(independent_noisy):
    # the merged half of the goal holds under stress noise too: no household takes in another home's rows
    assert independent_noisy["merged"] <= 0.005 and independent_noisy["exact"] >= 0.917, independent_noisy


def test_the_text_ceiling_counts_the_households_no_reading_of_the_text_can_place():
    from community_risk.processing.analysis.addresses import standardise
    from community_risk.synthetic.linkage_ceiling import reference_addresses, text_ceiling

    reference = pd.DataFrame({"uprn": ["1", "2", "3"], "subname": ["FLAT A", "FLAT B", ""], "name": ["", "", ""],
                              "number": ["116", "116", "118"], "streetname": ["EVERING LANE"] * 3,
                              "postcode": ["N16 7XA"] * 3})
    rows = [("one", "Flat A, 116 Evering Lane", None, "1"), ("one", "116 Evering Lane", None, "2"),  # B: A is listed
            ("two", "116 Evering Lane", None, "1"),  # A or B: its file names neither
            ("three", "Flat B, 116 Evering Lane", "2", "2"), ("three", "118 Evering Lane", None, "3"),
            ("three", "Flat A, 116 Evering Lane", None, "1"), ("two", "118 Evering Lane", None, "3")]
    parsed = [standardise(text) for _, text, _, _ in rows]
    records = pd.DataFrame({"source": [r[0] for r in rows], "uprn": [r[2] for r in rows],
                            "flat": [p.flat for p in parsed], "number": [p.number for p in parsed],
                            "building": [p.building for p in parsed], "street": [p.street for p in parsed],
                            "postcode": "N16 7XA"})
    ceiling, stuck = text_ceiling(records, [r[3] for r in rows], reference_addresses(reference, standardise))
    assert list(stuck.index) == ["1"] and stuck["1"] == [2]
    assert ceiling == pytest.approx(2 / 3)


@pytest.mark.london
def test_the_linkage_stays_within_the_text_ceiling_on_the_independent_error_model(independent_learnt):
    # the share of households any text-only linkage could get exact (with the gazetteer of homes known): the
    # linkage keeps apart what the text cannot decide, so it stays below it
    from community_risk.processing.analysis.addresses import standardise
    from community_risk.synthetic import address_noise
    from community_risk.synthetic.linkage_ceiling import reference_addresses, text_ceiling

    reference = address_noise.homes(borough("E09000012")["postcode"], n_homes=1500)
    extracts, truth = address_noise.extracts(reference)
    records = prepare_records([(name, frame, detect_columns(frame, name)) for name, (_, frame) in extracts.items()])
    ceiling, stuck = text_ceiling(records, [h for name in extracts for h in truth[name]],
                                  reference_addresses(reference, standardise))
    assert 0.95 <= ceiling < 0.99 and len(stuck) > 0, ceiling
    assert independent_learnt["exact"] <= ceiling, (independent_learnt, ceiling)
