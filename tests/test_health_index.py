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


# --- issue 8 and 9: weights refused by name, fields checked before writing, readable charts, a sortable street list

def test_area_indicators_by_hand():
    from community_risk.processing.analysis.health_index import area_indicators

    indicators, homes = area_indicators([0, 0, 0, 1, -1, 1], [1, 0, np.nan, 0, 1, 0], [1, 1, 0, 0, 1, np.nan], 3,
                                        claimant_area=[0, 1, 1, -1])
    assert homes.tolist() == [3, 2, 0]
    assert indicators["pct_fg"].tolist()[:2] == [50.0, 0.0] and np.isnan(indicators["pct_fg"][2])  # rated homes only
    assert indicators["pct_private_rented"].tolist()[:2] == pytest.approx([200 / 3, 0.0])
    assert indicators["claimants_per_1k"].tolist()[:2] == pytest.approx([1000 / 3, 1000.0])


@pytest.mark.parametrize("text, message", [("pct_gf=2", "no indicator 'pct_gf'"), ("pct_fg=nan", "zero or more"),
                                           ("pct_fg=inf", "zero or more"), ("pct_fg=-1", "zero or more")])
def test_weights_that_cannot_be_used_are_refused(text, message):
    with pytest.raises(AnalysisError) as raised:
        parse_weights(text, ["pct_fg", "pct_private_rented", "imd_health"])
    assert message in str(raised.value)
    if "no indicator" in message:
        assert "pct_fg, pct_private_rented, imd_health" in str(raised.value)


@pytest.fixture(scope="module")
def homes_layer(sample_path, tmp_path_factory):
    from helpers import ensure_provider

    ensure_provider()
    folder = tmp_path_factory.mktemp("homes")
    postcodes = gpd.read_file(sample_path, layer="postcodes")
    frame = epc_certificates.generate_certificates(postcodes, None, n_homes=3000)
    frame.loc[frame.index[:40], "ADDRESS1"] = ["{} =SUM(A1:A9) Street".format(k) for k in range(40)]
    frame.to_csv(folder / "certificates.csv", index=False)
    run_algorithm("communityrisk:loadepc", {"INPUT": str(folder / "certificates.csv"),
                                            "POSTCODES": sample_path + "|layername=postcodes",
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": str(folder / "homes.gpkg")})
    return str(folder / "homes.gpkg")


def index_params(sample_path, homes, folder, **more):
    return dict({"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "EPC": homes,
                 "EXTRA_FIELDS": ["pct_bad_health"], "CHARTS": 3, "OUTPUT": str(folder / "index.gpkg"),
                 "REPORT": str(folder / "index.html")}, **more)


def test_misspelt_or_nan_weights_are_refused_through_processing(sample_path, homes_layer, tmp_path):
    from qgis.core import QgsProcessingException

    for weights, words in (("pct_gf=3", ["pct_gf", "pct_fg, pct_private_rented, pct_bad_health"]),
                           ("pct_fg=nan", ["pct_fg", "zero or more"])):
        with pytest.raises(QgsProcessingException) as raised:
            run_algorithm("communityrisk:healthhousingindex", index_params(sample_path, homes_layer, tmp_path,
                                                                           WEIGHTS=weights))
        assert all(word in str(raised.value) for word in words)
    assert not os.path.exists(tmp_path / "index.gpkg")


def test_epc_layer_without_postcode_is_refused_before_anything_is_written(sample_path, homes_layer, tmp_path):
    from qgis.core import QgsProcessingException

    homes = gpd.read_file(homes_layer).drop(columns=["postcode"])
    homes.to_file(tmp_path / "no_postcode.gpkg")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:healthhousingindex", index_params(
            sample_path, str(tmp_path / "no_postcode.gpkg"), tmp_path, STREETS=str(tmp_path / "streets.csv")))
    assert "no field 'postcode'" in str(raised.value)
    assert sorted(os.listdir(tmp_path)) == ["no_postcode.gpkg"]


@pytest.fixture(scope="module")
def index_run(sample_path, homes_layer, tmp_path_factory):
    folder = tmp_path_factory.mktemp("index")
    run_algorithm("communityrisk:healthhousingindex", index_params(
        sample_path, homes_layer, folder, STREETS=str(folder / "streets.csv"), SPINE_CHARTS=str(folder / "spines")))
    return folder


def test_street_list_csv_sorts_as_numbers_and_neutralises_formulas(index_run):
    import csv

    rows = list(csv.reader(open(index_run / "streets.csv", encoding="utf-8")))
    assert rows[0] == ["street", "district", "flagged_homes", "homes"]
    flagged = [int(row[2]) for row in rows[1:]]
    assert flagged == sorted(flagged, reverse=True)
    assert (index_run / "streets.csv").read_text().count('"') == 0  # no quoted numbers
    assert (index_run / "streets.csvt").read_text().strip() == '"String","String","Integer","Integer"'
    streets = [row[0] for row in rows[1:]]
    assert any(s.startswith("'=SUM") for s in streets) and not any(s.startswith("=") for s in streets)
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(index_run / "streets.csv"), "streets", "ogr")
    assert layer.fields().field("flagged_homes").isNumeric()


def test_spine_charts_show_readable_names_and_values(index_run):
    html = (index_run / "index.html").read_text()
    assert "F/G-rated homes (%)" in html and "Privately rented homes (%)" in html
    assert ">pct_fg<" not in html and ">pct_private_rented<" not in html
    table = gpd.read_file(index_run / "index.gpkg")
    top = table.sort_values("hh_index", ascending=False).iloc[0]
    from community_risk.processing.analysis.health_index import format_value

    assert ">{}<".format(format_value(top["pct_fg"])) in html  # the area's own value is printed
    assert ">Average<" in html
    assert len(os.listdir(index_run / "spines")) == 3


def test_index_layer_opens_styled_from_disk(index_run):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(index_run / "index.gpkg"), "index", "ogr")
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "band"
    assert [r.label() for r in renderer.ranges()][0] == "1 Much better"


def test_cancel_at_half_way_keeps_the_earlier_result(sample_path, homes_layer, tmp_path):
    import hashlib

    from qgis.core import QgsProcessingException

    from helpers import cancelling_feedback

    params = index_params(sample_path, homes_layer, tmp_path)
    run_algorithm("communityrisk:healthhousingindex", params)
    before = hashlib.sha256((tmp_path / "index.gpkg").read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:healthhousingindex", params, feedback=cancelling_feedback(50))
    assert hashlib.sha256((tmp_path / "index.gpkg").read_bytes()).hexdigest() == before


def test_index_fields_have_readable_labels_from_disk(index_run):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(index_run / "index.gpkg"), "index", "ogr")
    aliases = {field.name(): field.alias() for field in layer.fields()}
    assert aliases["pct_fg"] == "F/G-rated homes (%)" and aliases["hh_index"] == "Health and housing index"


def test_epc_homes_without_a_crs_are_refused_when_the_areas_have_one(sample_path, homes_layer, tmp_path):
    from qgis.core import QgsProcessingException

    homes = gpd.read_file(homes_layer).head(200)
    homes = homes.set_crs(None, allow_override=True)
    homes.to_file(tmp_path / "no_crs.gpkg")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:healthhousingindex", index_params(sample_path, str(tmp_path / "no_crs.gpkg"),
                                                                       tmp_path))
    assert "no coordinate reference system" in str(raised.value) and "no_crs" in str(raised.value)


def test_infinite_indicator_values_count_as_average_with_a_warning():
    indicators = pd.DataFrame({"pct_fg": [10.0, 20, 30, 40], "rate": [1.0, np.inf, 2.0, 3.0]})
    index, z, band, notes = combine(indicators, {})
    assert np.isfinite(index).all() and z["rate"][1] == 0.0
    assert any("infinite" in str(n) for n in notes)


def test_other_indicators_take_their_readable_label_from_build_factors(sample_path, homes_layer, tmp_path):
    from helpers import REPO

    census = os.path.join(REPO, "resources", "sample", "sample_census_extra.csv")
    run_algorithm("communityrisk:buildfactors", {"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code",
                                                 "TABLES": [census], "OUTPUT": str(tmp_path / "factors.gpkg")})
    run_algorithm("communityrisk:healthhousingindex", {
        "AREAS": str(tmp_path / "factors.gpkg"), "AREA_ID": "area_code", "EPC": homes_layer,
        "EXTRA_FIELDS": ["sample_census_extra_private_rented"], "CHARTS": 2, "OUTPUT": str(tmp_path / "index.gpkg"),
        "REPORT": str(tmp_path / "index.html")})
    html = (tmp_path / "index.html").read_text()
    assert ">Private rented (%)<" in html and ">sample_census_extra_private_rented<" not in html
