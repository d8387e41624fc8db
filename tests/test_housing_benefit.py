"""Housing benefit overlay: claimants linked to EPC homes, F/G private rentals flagged, privacy kept."""
import json
import os

import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import epc, housing_benefit as hb
from community_risk.synthetic import claimants as claimant_data, epc_certificates
from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.messages import AnalysisError
from community_risk.processing.analysis.people_at_risk import detect_columns
from helpers import london_file, run_algorithm

SECRET = "a secret of twenty characters"


@pytest.fixture(scope="module")
def homes_and_claimants(tmp_path_factory):
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"))
    postcodes = postcodes[postcodes["lad_code"] == "E09000019"]
    folder = tmp_path_factory.mktemp("hb")
    epc_certificates.generate_certificates(postcodes, None, n_homes=2500).to_csv(folder / "certificates.csv", index=False)
    homes, _ = epc.load_certificates(epc.read_certificates(str(folder / "certificates.csv")))
    claimants, truth = claimant_data.generate_claimants(homes)
    return homes, claimants, truth, folder, postcodes


def test_claimants_link_to_their_epc_home(homes_and_claimants):
    homes, claimants, truth, _, _ = homes_and_claimants
    records = prepare_records([("claimants", claimants, detect_columns(claimants, "claimants")),
                               ("epc", homes, hb.EPC_COLUMNS)])
    household = link_households(records).household
    claimant_household = household[: len(claimants)]
    epc_household = household[len(claimants):]
    correct = np.mean([claimant_household[i] == epc_household[truth[i]] for i in range(len(claimants))])
    assert correct >= 0.95, correct


def test_overlay_flags_fg_private_rentals_and_keeps_names_out(homes_and_claimants):
    homes, claimants, truth, _, _ = homes_and_claimants
    table, review, record, notes = hb.overlay(claimants, homes, SECRET)
    expected = homes.iloc[np.unique(truth)]
    expected_flags = int(((expected["band_fg"] == 1) & (expected["private_rented"] == 1)).sum())
    assert abs(int(table["flagged"].sum()) - expected_flags) <= max(2, 0.05 * expected_flags)
    assert (table.loc[table["flagged"] == 1, "rating"].isin(["F", "G"])).all()
    assert record["matched_to_epc"] > 0.95
    assert set(record["linkage_decisions"]) >= {"rows_too_vague_to_link", "rows_placed_by_elimination",
                                                "rows_given_their_buildings_uprn"}
    text = table.to_csv() + json.dumps(record)
    assert not any(name in text for name in claimants["Claimant Name"].head(50))
    assert SECRET not in text and "address" not in table.columns
    with pytest.raises(AnalysisError):
        hb.overlay(claimants, homes, SECRET, referral=True)
    referral, _, _, _ = hb.overlay(claimants, homes, SECRET, referral=True, lawful_basis="Housing Act 2004 s.4")
    assert referral["address"].notna().mean() > 0.95


def test_overlay_refuses_an_epc_layer_without_its_fields(homes_and_claimants):
    homes, claimants, _, _, _ = homes_and_claimants
    with pytest.raises(AnalysisError) as raised:
        hb.overlay(claimants, homes.drop(columns=["band_fg"]), SECRET)
    assert "band_fg" in str(raised.value) and "Load EPC certificates" in str(raised.value)


def test_housing_benefit_overlay_through_processing(homes_and_claimants, tmp_path):
    import geopandas as gpd

    _, claimants, _, folder, postcodes = homes_and_claimants
    gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]), crs=27700) \
        .to_file(tmp_path / "postcodes.gpkg", layer="postcodes")
    run_algorithm("communityrisk:loadepc", {"INPUT": str(folder / "certificates.csv"),
                                            "POSTCODES": str(tmp_path / "postcodes.gpkg"), "POSTCODE_FIELD": "postcode",
                                            "OUTPUT": str(tmp_path / "homes.gpkg")})
    claimants.to_csv(tmp_path / "claimants.csv", index=False, encoding="cp1252")
    result = run_algorithm("communityrisk:housingbenefitoverlay", {
        "CLAIMANTS": str(tmp_path / "claimants.csv"), "EPC": str(tmp_path / "homes.gpkg"), "SECRET": SECRET,
        "OUTPUT": str(tmp_path / "out" / "claimants.gpkg"), "RECORD": str(tmp_path / "out" / "record.json"),
        "REVIEW": str(tmp_path / "out" / "review.csv")})
    table = gpd.read_file(tmp_path / "out" / "claimants.gpkg")
    assert result["FLAGGED"] == table["flagged"].sum() > 0
    record = json.loads((tmp_path / "out" / "record.json").read_text())
    assert "Claimant Name" in record["datasets"][0]["fields_dropped_unread"]
    # the clerical review: comparison levels beside each pair, no names, and no addresses outside referral mode
    review = open(tmp_path / "out" / "review.csv", encoding="utf-8").read()
    header = review.splitlines()[0].split(",")
    assert {"held_back_by", "postcode_weight", "street_weight", "match_probability"} <= set(header)
    assert "written_l" not in header
    assert not any(name in review for name in claimants["Claimant Name"].head(50))
    assert record["outputs_written"]["clerical_review"]
    assert os.path.getsize(tmp_path / "out" / "record.json") > 200


def test_addresses_like_formulas_are_neutralised_in_the_referral_csv(homes_and_claimants, tmp_path):
    """Issue 8: an EPC address starting with '=' reached the referral CSV as a live formula."""
    import csv

    import pyogrio

    homes, claimants, _, _, _ = homes_and_claimants
    hostile = homes.copy()
    hostile["address"] = "=HYPERLINK(\"http://evil.example\")&\"" + hostile["address"].astype(str) + "\""
    hostile["uprn"] = hostile["uprn"].astype(object).where(hostile["uprn"].notna(), None)
    pyogrio.write_dataframe(hostile[["uprn", "address", "postcode", "rating", "band_fg", "private_rented"]],
                            str(tmp_path / "homes.gpkg"))
    claimants.to_csv(tmp_path / "claimants.csv", index=False)
    run_algorithm("communityrisk:housingbenefitoverlay", {
        "CLAIMANTS": str(tmp_path / "claimants.csv"), "EPC": str(tmp_path / "homes.gpkg"), "SECRET": SECRET,
        "REFERRAL_MODE": True, "LAWFUL_BASIS": "Housing Act 2004 s.4", "OUTPUT": str(tmp_path / "referrals.csv"),
        "RECORD": str(tmp_path / "record.json")})
    with open(tmp_path / "referrals.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    addresses = [r["address"] for r in rows if r["address"]]
    assert len(addresses) > 0.9 * len(rows)
    assert all(a.startswith("'=HYPERLINK") for a in addresses)
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    assert {r["flagged"] for r in rows} <= {"0", "1"}  # numbers, not quoted text
    assert open(tmp_path / "referrals.csvt").read().startswith('"String"')
