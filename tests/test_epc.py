"""EPC certificates: the register's schema generated over real postcodes, loaded latest-per-home and placed."""
import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from community_risk.processing.analysis import epc
from community_risk.synthetic import epc_certificates
from community_risk.processing.analysis.messages import AnalysisError
from helpers import london_file, run_algorithm


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"))
    postcodes = postcodes[postcodes["lad_code"] == "E09000019"]
    indicators = pd.read_csv(london_file("imd_2019_underlying_indicators_lsoa.csv.gz")).set_index("LSOA code (2011)")
    indicators = indicators.rename(columns={"Houses without central heating indicator": "no_central_heating",
                                            "Housing in poor condition indicator": "poor_condition"})
    frame = epc_certificates.generate_certificates(postcodes, indicators, n_homes=3000)
    folder = tmp_path_factory.mktemp("epc")
    path = folder / "certificates.csv"
    frame.to_csv(path, index=False)
    postcodes_path = folder / "postcodes.csv"
    postcodes.to_csv(postcodes_path, index=False)
    return frame, str(path), postcodes, folder


def test_generated_certificates_follow_the_register_schema(certificates):
    frame, _, _, _ = certificates
    assert tuple(frame.columns) == epc.SCHEMA
    assert frame["LMK_KEY"].is_unique and len(frame) > 3000  # repeat certificates for the same home
    valid = frame["CURRENT_ENERGY_RATING"].isin(list(epc.RATINGS))
    assert valid.mean() > 0.99
    for rating, (low, high) in epc.EFFICIENCY_BANDS.items():
        values = frame.loc[frame["CURRENT_ENERGY_RATING"] == rating, "CURRENT_ENERGY_EFFICIENCY"].astype(int)
        assert values.between(low, high).all(), rating


def test_latest_certificate_per_home(certificates):
    frame, path, _, _ = certificates
    homes, notes = epc.load_certificates(epc.read_certificates(path, chunk_rows=700))
    assert len(homes) == 3000  # one per generated home, however the certificates were split into chunks
    latest = frame.assign(date=pd.to_datetime(frame["LODGEMENT_DATE"])).sort_values("date").drop_duplicates(
        "BUILDING_REFERENCE_NUMBER", keep="last")
    by_reference = dict(zip("B" + latest["BUILDING_REFERENCE_NUMBER"], latest["CURRENT_ENERGY_EFFICIENCY"].astype(float)))
    assert all(by_reference[k] == e for k, e in zip(homes["key"], homes["efficiency"]))
    assert homes["uprn"].notna().mean() > 0.88  # UPRN from any certificate; 15% of certificates lack one
    assert set(homes["heating"]) <= {"gas", "electric", "other", "none"}
    assert ((homes["rating"].isin(["F", "G"])) == (homes["band_fg"] == 1)).all()
    assert any("no valid rating" in str(n) for n in notes) or homes["rating"].notna().all()


def test_api_column_names_are_accepted(certificates, tmp_path):
    frame, path, _, _ = certificates
    api = frame.rename(columns=lambda c: c.lower().replace("_", "-"))[list(reversed(frame.columns.str.lower().str.replace("_", "-")))]
    api.to_csv(tmp_path / "api.csv", index=False)
    a, _ = epc.load_certificates(epc.read_certificates(path))
    b, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "api.csv")))
    assert a.sort_values("key").reset_index(drop=True).equals(b.sort_values("key").reset_index(drop=True))


def test_a_file_that_is_not_certificates_is_refused(tmp_path):
    pd.DataFrame({"a": [1], "b": [2]}).to_csv(tmp_path / "other.csv", index=False)
    with pytest.raises(AnalysisError) as raised:
        list(epc.read_certificates(str(tmp_path / "other.csv")))
    assert "other.csv" in str(raised.value) and "CURRENT_ENERGY_RATING" in str(raised.value)


def test_load_epc_through_processing(certificates, tmp_path):
    import geopandas as gpd

    frame, path, postcodes, folder = certificates
    gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]), crs=27700) \
        .to_file(tmp_path / "postcodes.gpkg", layer="postcodes")
    result = run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": str(tmp_path / "postcodes.gpkg"),
                                                     "POSTCODE_FIELD": "postcode", "AS_AT": "2025-01-01",
                                                     "OUTPUT": str(tmp_path / "homes.gpkg")})
    homes = gpd.read_file(tmp_path / "homes.gpkg")
    assert len(homes) == 3000 and result["UNPLACED"] == 0
    assert (homes["placed_by"] == "postcode").all()
    located = homes.merge(postcodes[["postcode", "easting", "northing"]], on="postcode")
    assert np.allclose(located.geometry.x, located["easting"]) and np.allclose(located.geometry.y, located["northing"])
    assert homes["cert_age_years"].between(0, 17).all()
    assert 0.1 < homes["band_fg"].mean() < 0.5 and 0.2 < homes["private_rented"].mean() < 0.45


def test_load_epc_refuses_a_missing_file(tmp_path):
    with pytest.raises(QgsProcessingException):
        run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "nope.csv"), "POSTCODES": "x",
                                                "OUTPUT": str(tmp_path / "o.gpkg")})


def test_uprn_points_in_another_crs_and_postcodes_that_do_not_exist(certificates, tmp_path):
    import geopandas as gpd

    frame, _, postcodes, _ = certificates
    odd = frame.head(200).copy()
    odd.loc[odd.index[:20], "POSTCODE"] = "ZZ9 9ZZ"  # well formed, but no such postcode
    odd.loc[odd.index[:20], "UPRN"] = ""
    odd.to_csv(tmp_path / "odd.csv", index=False)
    postcode_points = gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]),
                                       crs=27700)
    postcode_points.to_file(tmp_path / "postcodes.gpkg", layer="postcodes")
    homes, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "odd.csv")))
    with_uprn = homes.dropna(subset=["uprn"]).head(50)
    uprns = gpd.GeoDataFrame({"UPRN": with_uprn["uprn"].astype(str).to_numpy()},
                             geometry=gpd.points_from_xy(np.full(len(with_uprn), 531000.0), np.full(len(with_uprn), 183000.0)),
                             crs=27700).to_crs(4326)
    uprns.to_file(tmp_path / "uprns.gpkg", layer="uprns")
    result = run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "odd.csv"),
                                                     "POSTCODES": str(tmp_path / "postcodes.gpkg"), "POSTCODE_FIELD": "postcode",
                                                     "UPRNS": str(tmp_path / "uprns.gpkg"), "UPRN_FIELD": "UPRN",
                                                     "OUTPUT": str(tmp_path / "homes.gpkg")})
    placed = gpd.read_file(tmp_path / "homes.gpkg", layer="homes")
    by_uprn = placed[placed["placed_by"] == "uprn"]
    assert len(by_uprn) == 50
    assert np.allclose(by_uprn.geometry.x, 531000, atol=0.01) and np.allclose(by_uprn.geometry.y, 183000, atol=0.01)
    unplaced = placed[placed["placed_by"].isna()]
    assert result["UNPLACED"] == len(unplaced) > 0 and (unplaced["postcode"] == "ZZ9 9ZZ").all()
    assert unplaced.geometry.isna().all() or unplaced.geometry.is_empty.all()
