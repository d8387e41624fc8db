"""The outside generator (synthetic/address_outsider.py), and the household linkage level reached on it, so that a
later change that loses ground fails. Figures and failure classes: scripts/outsider_linkage.py."""
import pandas as pd
import pytest

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import address_outsider
from community_risk.synthetic.council_extracts import household_quality
from helpers import london_file

BOROUGH = "E09000032"  # Wandsworth: none of the other generators defaults to it


def postcodes(code=BOROUGH):
    return address_outsider.borough_postcodes(london_file("postcodes.csv.gz"), code)


@pytest.fixture(scope="module")
def world():
    return address_outsider.generate(postcodes(), n_homes=800, seed=3, borough=BOROUGH)


@pytest.mark.london
def test_the_generator_is_seeded_and_deterministic(world):
    again = address_outsider.generate(postcodes(), n_homes=800, seed=3, borough=BOROUGH)
    other = address_outsider.generate(postcodes(), n_homes=800, seed=4, borough=BOROUGH)
    for name in address_outsider.LAYOUTS:
        pd.testing.assert_frame_equal(world.extracts[name], again.extracts[name])
        assert world.truth[name] == again.truth[name] and world.noise[name] == again.noise[name]
    assert not world.extracts["council_tax"].equals(other.extracts["council_tax"])


@pytest.mark.london
def test_the_truth_is_kept_apart_from_the_frames(world):
    homes = set(world.reference["uprn"])
    assert world.reference["uprn"].is_unique
    for name, spec in address_outsider.LAYOUTS.items():
        frame = world.extracts[name]
        assert len(frame) == len(world.truth[name]) == len(world.noise[name]) > 0
        assert set(world.truth[name]) <= homes
        assert not any("truth" in c.lower() or "household" in c.lower() for c in frame.columns), name
        # a home's UPRN appears only in a UPRN column, as the system wrote it
        for column in set(frame.columns) - {spec["uprn"]}:
            assert not frame[column].astype(str).isin(homes).any(), (name, column)


@pytest.mark.london
def test_homes_are_distinct_addresses_on_real_postcodes(world):
    real = set(postcodes())
    reference = world.reference
    assert set(reference["postcode"]) <= real
    key = reference[["subname", "name", "number", "streetname", "postcode"]].astype(str).agg("|".join, axis=1)
    assert key.is_unique  # two homes never share one clean address, so the truth is one home per address
    kinds = set(reference["kind"])
    assert {"house", "converted", "block", "named_house", "range"} <= kinds
    assert reference["uprn"].str.fullmatch(r"\d{12}").all()
    # the clean postcode column of the PAF export is real (its noise is a neighbour's unit, itself real)
    assert set(world.extracts["assisted_collections"]["Postcode"]) <= real


@pytest.mark.london
def test_every_layout_is_read_by_its_column_names_and_no_person_column_is_read(world):
    for name, spec in address_outsider.LAYOUTS.items():
        columns = detect_columns(world.extracts[name], name)
        assert set(spec["people"]) <= set(columns["dropped"]), (name, columns["dropped"])
        assert columns["postcode"] == spec["postcode"], name
        assert columns["uprn"] == spec["uprn"], name
        assert columns["address"], name


@pytest.mark.london
def test_the_landlord_registers_unit_and_property_name_are_address_columns(world):
    columns = detect_columns(world.extracts["landlord_register"], "landlord_register")
    assert {"Unit", "Property Name"} <= set(columns["address"])


@pytest.mark.london
def test_linkage_keeps_the_level_reached_on_the_outside_generator():
    world = address_outsider.generate(postcodes(), n_homes=2500, seed=1, borough=BOROUGH)
    frames = [(name, frame, detect_columns(frame, name)) for name, frame in world.extracts.items()]
    truth = [home for name in world.extracts for home in world.truth[name]]
    result = link_households(prepare_records(frames))
    quality = household_quality(result.household, truth)
    # measured 2026-11-26 (main b884651): exact 0.7354, merged 0.0176, the landlord register's 'Unit' and 'Property
    # Name' unread; then, with them read, a block's flat left out kept apart and a street's old name read as its
    # current one, a block's flat left out kept apart: exact 0.9416, merged 0.0064. The merged half of the goal (0.5%)
    # does not hold here: of the 16 households merged, 10 have a row naming another flat (no text linkage can tell)
    assert quality["exact"] >= 0.935, quality
    assert quality["merged"] <= 0.0095, quality
