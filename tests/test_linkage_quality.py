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


@pytest.fixture(scope="module")
def independent():
    address_noise = pytest.importorskip("community_risk.synthetic.address_noise")
    pytest.importorskip("address_errors")
    reference = address_noise.homes(borough("E09000012")["postcode"], n_homes=1500)
    extracts, truth = address_noise.extracts(reference)
    return extracts, truth


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
    assert records["postcode"].notna().mean() > 0.8 and records["street"].notna().mean() > 0.9


@pytest.mark.london
@pytest.mark.xfail(strict=True, reason="issue 10 goal not reached on the independent error model: about 84% exact, "
                                       "2.7% merged; rows with a dropped flat or number and no UPRN cap it near 95% "
                                       "(see README, Linkage quality)")
def test_household_goal_on_the_independent_error_model(independent):
    extracts, truth = independent
    frames = [(name, frame, detect_columns(frame, name)) for name, (_, frame) in extracts.items()]
    result = link_households(prepare_records(frames))
    quality = council_data.household_quality(result.household, [h for name in extracts for h in truth[name]])
    assert quality["exact"] >= 0.97 and quality["merged"] <= 0.005, quality
