"""Health and housing index: standardised weighted indicators, quintile bands, spine charts, street list."""
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from community_risk.synthetic import epc_certificates
from community_risk.processing.analysis.health_index import combine, parse_weights, street_list
from community_risk.processing.analysis.messages import AnalysisError
from helpers import run_algorithm


def test_weights_and_combination_by_hand():
    weights = parse_weights("pct_fg=3, extra=0.5")
    assert weights["pct_fg"] == 3 and weights["extra"] == 0.5 and weights["pct_private_rented"] == 1
    with pytest.raises(AnalysisError):
        parse_weights("pct_fg")
    indicators = pd.DataFrame({"pct_fg": [10.0, 20, 30, 40, 50], "extra": [5.0, 4, 3, 2, 1], "flat": [1.0] * 5})
    index, z, band, notes = combine(indicators, {"pct_fg": 3, "extra": 1})
    zf = (indicators["pct_fg"] - 30) / indicators["pct_fg"].std()
    ze = (indicators["extra"] - 3) / indicators["extra"].std()
    assert np.allclose(index, (3 * zf + ze) / 4)
    assert band.tolist() == [1, 2, 3, 4, 5]
    assert any("'flat' is the same everywhere" in str(n) for n in notes)


def test_street_list_ranks_streets_by_flagged_homes():
    table = street_list(["Flat 2, 10 Albion Road", "12 Albion Road", "3 Essex Road", None],
                        ["N1 1AA", "N1 1AB", "N5 2ZZ", "N1 1AA"], [1, 1, 0, 1])
    assert table.iloc[0].tolist() == ["ALBION ROAD", "N1", 2, 2]
    assert table.iloc[1]["street"] == "ESSEX ROAD"


def test_health_housing_index_on_the_sample(sample_path, tmp_path):
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    epc_certificates.generate_certificates(postcodes, None, n_homes=4000).to_csv(tmp_path / "certificates.csv", index=False)
    run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "certificates.csv"),
                                            "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                            "OUTPUT": str(tmp_path / "homes.gpkg")})
    run_algorithm("communityrisk:healthhousingindex", {
        "AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "EPC": str(tmp_path / "homes.gpkg"),
        "EXTRA_FIELDS": ["pct_bad_health"], "CHARTS": 5, "OUTPUT": str(tmp_path / "index.gpkg"),
        "REPORT": str(tmp_path / "index.html"), "SPINE_CHARTS": str(tmp_path / "spines"),
        "STREETS": str(tmp_path / "streets.gpkg")})
    table = gpd.read_file(tmp_path / "index.gpkg", layer="index")
    homes = gpd.read_file(tmp_path / "homes.gpkg", layer="homes")
    assert table["epc_homes"].sum() == len(homes)
    some = table[table["epc_homes"] > 20].iloc[0]
    inside = gpd.sjoin(homes, table[table["area_code"] == some["area_code"]][["geometry"]], predicate="within")
    assert some["pct_fg"] == pytest.approx(100 * inside["band_fg"].mean())
    counts = table["band"].value_counts()
    assert set(counts.index) == {1, 2, 3, 4, 5} and counts.max() - counts.min() <= 1
    assert (table.groupby("band")["hh_index"].mean().diff().dropna() > 0).all()
    assert len(os.listdir(tmp_path / "spines")) == 5
    assert (tmp_path / "index.html").read_text().count("<svg") == 5
    streets = gpd.read_file(tmp_path / "streets.gpkg")
    assert list(streets["flagged_homes"]) == sorted(streets["flagged_homes"], reverse=True)
