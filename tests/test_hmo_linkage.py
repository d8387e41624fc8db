"""Linking council rows to the property base for Find unlicensed HMOs, and the columns each role keeps."""
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis.hmo_data import select_columns
from community_risk.processing.analysis.hmo_linkage import PropertyIndex, link_rows
from community_risk.processing.analysis.messages import AnalysisError

BASE = pd.DataFrame({"uprn": ["100", "101", "102", "103", "104"],
                     "address": ["12 Essex Road", "Flat A, 14 Essex Road", "Flat B, 14 Essex Road", "3 Milner Square",
                                 "3 Milner Square"],
                     "postcode": ["N1 2AB", "N1 2AB", "N1 2AB", "N1 1TA", "N1 9ZZ"]})


def linked(rows):
    index = PropertyIndex(BASE["uprn"].to_numpy(), BASE["address"].to_numpy(), BASE["postcode"].to_numpy())
    frame = pd.DataFrame(rows, columns=["UPRN", "Address", "Postcode"])
    prepared = select_columns("complaints.csv", "complaints", frame.assign(Type="noise"))
    found, method, _ = link_rows(index, prepared.frame, prepared.columns)
    return [BASE["uprn"][i] if i >= 0 else None for i in found], list(method)


def test_uprn_first_then_the_address_as_written_in_many_ways():
    found, method = linked([
        ("102", "something else entirely", ""),  # the UPRN wins
        ("", "12 ESSEX RD, LONDON", "n12ab"),  # abbreviated, capitals, postcode without a space
        ("", "A/14 Essex Road", "N1 2AB"),  # the council shorthand for flat A at number 14
        ("", "Room 3, 12 Essex Road", "N1 2AB"),  # a room of a house the base holds as one property
        ("", "Flat B, 14 Essex Road", ""),  # no postcode, but one property has this flat, number and street
        ("0000000101", "", ""),  # leading zeros
    ])
    assert found == ["102", "100", "101", "100", "102", "101"]
    assert method[:2] == ["uprn", "address"] and method[5] == "uprn"


def test_rows_that_could_be_two_properties_or_none_stay_unlinked():
    found, method = linked([
        ("", "14 Essex Road", "N1 2AB"),  # a building of two flats: which one?
        ("", "3 Milner Square", ""),  # two properties share this address in different postcodes
        ("999", "7 Nowhere Lane", "E1 1AA"),  # an unknown UPRN and an address the base does not hold
    ])
    assert found == [None, None, None] and method == ["none"] * 3


def test_each_role_keeps_only_its_columns_and_names_personal_ones_dropped():
    frame = pd.DataFrame({"UPRN": ["1"], "Address Line 1": ["1 A Road"], "Postcode": ["N1 2AB"], "Band": ["C"],
                          "Single Person Discount": ["Y"], "Surname": ["Smith"], "Notes": ["call Mr Smith"]})
    prepared = select_columns("ctax.csv", "council_tax", frame)
    assert "Surname" not in prepared.frame.columns and "Notes" not in prepared.frame.columns
    assert {"Surname", "Notes"} <= set(prepared.dropped)
    assert prepared.notes and "Surname" in str(prepared.notes[0]) and "dropped unread" in str(prepared.notes[0])
    assert prepared.fields == {"band": "Band", "discount": "Single Person Discount"}


def test_an_inspections_file_needs_an_outcome_column():
    frame = pd.DataFrame({"UPRN": ["1"], "Address": ["1 A Road"], "Inspection Date": ["2023-01-01"]})
    with pytest.raises(AnalysisError, match="no outcome column"):
        select_columns("insp.csv", "inspections", frame)


def test_the_electoral_register_yields_counts_of_electors_and_surnames_only():
    from community_risk.processing.analysis.hmo_data import build_features

    frame = pd.DataFrame({"UPRN": ["1", "1", "1", "2"], "First Name": ["A", "B", "C", "D"],
                          "Surname": ["Khan", "Nowak", "Khan", "Smith"], "Address": ["x"] * 4, "Postcode": ["N1 2AB"] * 4})
    prepared = select_columns("er.csv", "electoral_register", frame)
    assert "First Name" in prepared.dropped
    prepared.property_index = np.array([0, 0, 0, 1])
    features = build_features({"electoral_register": prepared}, 3, np.zeros(3, dtype=bool), "2024-04-01")
    assert list(features["electors"]) == [3, 1, 0] and list(features["surnames"]) == [2, 1, 0]
    assert features.to_numpy().dtype.kind == "f"  # numbers only: no name can leave
