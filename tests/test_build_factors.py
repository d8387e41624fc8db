"""Build factors on hostile input (issue 8): tables in any encoding, households that cannot be rates, an output
over an input, cancel, damaged GeoPackages; and the factor-source registry (a new source is one class)."""
import hashlib
import os
import shutil

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from helpers import REPO, cancelling_feedback, ensure_provider, run_algorithm

ALG = "communityrisk:buildfactors"
CENSUS = os.path.join(REPO, "resources", "sample", "sample_census_extra.csv")


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def areas_params(sample_path, out, **more):
    return dict({"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
                 "OUTPUT": str(out)}, **more)


@pytest.fixture(scope="module")
def reference(sample_path, tmp_path_factory):
    """The census table joined from its plain UTF-8 CSV, to compare other encodings against."""
    ensure_provider()  # module fixtures run before the per-test provider fixture
    out = tmp_path_factory.mktemp("reference") / "factors.gpkg"
    run_algorithm(ALG, areas_params(sample_path, out, TABLES=[CENSUS]))
    return gpd.read_file(out)


@pytest.mark.parametrize("encoding, sep, suffix", [("utf-16", ",", ".csv"), ("cp1252", ";", ".csv"),
                                                   ("utf-8", ",", ".csv.gz"), ("utf-16-le", "\t", ".txt")])
def test_tables_in_other_encodings_separators_and_gzip_join_as_utf8_does(reference, sample_path, tmp_path, encoding,
                                                                        sep, suffix):
    table = pd.read_csv(CENSUS, dtype=str, keep_default_na=False)
    table = table.rename(columns={"Area name": "Área name (£)"})  # a heading only the right decoding reads
    path = tmp_path / ("census" + suffix)
    table.to_csv(path, index=False, sep=sep, encoding=encoding, compression="infer")
    out = tmp_path / "factors.gpkg"
    run_algorithm(ALG, areas_params(sample_path, out, TABLES=[str(path)]))
    built = gpd.read_file(out)
    for field in ("census_private_rented", "census_full_time_students"):
        assert np.allclose(built[field], reference["sample_census_extra_" + field[len("census_"):]])


def test_log_over_an_input_table_is_refused_and_the_table_kept(sample_path, tmp_path):
    table = tmp_path / "census.csv"
    shutil.copy(CENSUS, table)
    before = digest(table)
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(ALG, areas_params(sample_path, tmp_path / "f.gpkg", TABLES=[str(table)], LOG=str(table)))
    assert digest(table) == before
    assert not (tmp_path / "f.gpkg").exists()


@pytest.mark.parametrize("bad", [0, -12])
def test_households_of_zero_or_below_are_refused_naming_the_area(sample_path, tmp_path, bad):
    areas = gpd.read_file(sample_path, layer="areas").head(30)
    areas.loc[3, "households"] = bad
    areas.to_file(tmp_path / "areas.gpkg", layer="areas")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, {"AREAS": str(tmp_path / "areas.gpkg"), "AREA_ID": "area_code",
                            "HOUSEHOLDS_FIELD": "households", "OUTPUT": str(tmp_path / "f.gpkg")})
    message = str(raised.value)
    assert "above zero" in message and "{} ({})".format(areas.loc[3, "area_code"], bad) in message
    assert not (tmp_path / "f.gpkg").exists()


def test_cancel_at_half_way_keeps_the_earlier_result(sample_path, tmp_path):
    params = areas_params(sample_path, tmp_path / "factors.gpkg", TABLES=[CENSUS],
                          POINTS=[sample_path + "|layername=fire_safety_inspections"],
                          LINES=[sample_path + "|layername=roads"], LOG=str(tmp_path / "log.txt"))
    run_algorithm(ALG, params)
    before = digest(tmp_path / "factors.gpkg"), digest(tmp_path / "log.txt")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm(ALG, params, feedback=cancelling_feedback(50))
    assert (digest(tmp_path / "factors.gpkg"), digest(tmp_path / "log.txt")) == before
    assert sorted(os.listdir(tmp_path)) == ["factors.gpkg", "factors.qml", "log.txt"]


def test_the_output_opens_styled_from_disk(reference, tmp_path_factory):
    from qgis.core import QgsVectorLayer

    folder = [p for p in tmp_path_factory.getbasetemp().iterdir() if p.name.startswith("reference")][0]
    layer = QgsVectorLayer(str(folder / "factors.gpkg"), "factors", "ogr")
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "hh_per_km2"


def test_a_new_factor_source_is_one_class(sample_path, tmp_path, monkeypatch):
    from qgis.core import QgsProcessing

    from community_risk.processing.algorithms import build_factors
    from community_risk.processing.algorithms.factor_sources import FactorSource, Factors

    class CentroidEasting(FactorSource):
        PARAMETER = "EASTING_OF"
        LABEL = "Easting of"
        LAYER_TYPE = QgsProcessing.TypeVectorPolygon
        HELP_INPUT = "- Easting of: a test source.\n"

        def factors(self, run, areas, layer, position, count):
            import shapely

            found = Factors()
            found.add("easting", shapely.get_x(shapely.centroid(areas.geometries)), "centroid easting")
            return found

    monkeypatch.setattr(build_factors, "FACTOR_SOURCES", build_factors.FACTOR_SOURCES + (CentroidEasting(),))
    algorithm = build_factors.BuildFactorsAlgorithm().create()
    assert algorithm.parameterDefinition("EASTING_OF") is not None
    assert "Easting of: a test source" in algorithm.shortHelpString()
    import processing

    processing.run(algorithm, areas_params(sample_path, tmp_path / "f.gpkg",
                                           EASTING_OF=[sample_path + "|layername=areas"],
                                           LOG=str(tmp_path / "log.txt")))
    built = gpd.read_file(tmp_path / "f.gpkg")
    assert np.allclose(built["easting"], built.geometry.centroid.x)
    assert "easting: centroid easting" in (tmp_path / "log.txt").read_text()


@pytest.mark.parametrize("content", ["empty", "truncated"])
def test_an_empty_or_truncated_geopackage_gets_a_clear_message(sample_path, tmp_path, content):
    data = b"" if content == "empty" else open(sample_path, "rb").read()[:300_000]
    (tmp_path / "areas.gpkg").write_bytes(data)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, {"AREAS": str(tmp_path / "areas.gpkg") + "|layername=areas", "AREA_ID": "area_code",
                            "OUTPUT": str(tmp_path / "f.gpkg")})
    message = str(raised.value)
    assert "areas.gpkg" in message and ("empty (0 bytes)" if content == "empty" else "truncated") in message
    assert "not found" not in message


def test_each_factor_keeps_a_readable_label_from_its_source(reference, tmp_path_factory):
    from qgis.core import QgsVectorLayer

    folder = [p for p in tmp_path_factory.getbasetemp().iterdir() if p.name.startswith("reference")][0]
    layer = QgsVectorLayer(str(folder / "factors.gpkg"), "factors", "ogr")  # its .qml is read as it opens
    aliases = {field.name(): field.alias() for field in layer.fields()}
    assert aliases["sample_census_extra_private_rented"] == "Private rented (%)"
    assert aliases["sample_census_extra_full_time_students"] == "Full-time students (%)"
    assert aliases["hh_per_km2"] == "Households per km²" and aliases["area_km2"] == "Area (km²)"


def test_point_layers_without_a_crs_are_refused_when_the_areas_have_one(sample_path, tmp_path):
    from helpers import memory_layer

    layer = memory_layer("Point", "no_crs_visits", [], [("POINT(527000 179000)", [])], crs="")
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, areas_params(sample_path, tmp_path / "f.gpkg", POINTS=[layer]))
    assert "no coordinate reference system" in str(raised.value) and "no_crs_visits" in str(raised.value)


def test_headings_holding_semicolons_do_not_fool_the_separator(reference, sample_path, tmp_path):
    # London's ward atlas writes headings such as 'Households;All households;2011' in a comma-separated file
    table = pd.read_csv(CENSUS, dtype=str, keep_default_na=False)
    table = table.rename(columns={"Private rented (%)": "Tenure;Private rented (%);2011",
                                  "Area name": "Area;Name;Of;The;Area;2011"})
    table.to_csv(tmp_path / "atlas.csv.gz", index=False)
    out = tmp_path / "factors.gpkg"
    run_algorithm(ALG, areas_params(sample_path, out, TABLES=[str(tmp_path / "atlas.csv.gz")]))
    built = gpd.read_file(out)
    assert np.allclose(built["atlas_tenure_private_rented_2011"], reference["sample_census_extra_private_rented"])


def test_layer_factors_are_labelled_by_the_layer_inside_the_geopackage(sample_path, tmp_path):
    from qgis.core import QgsVectorLayer

    run_algorithm(ALG, areas_params(sample_path, tmp_path / "f.gpkg", LINES=[sample_path + "|layername=roads"],
                                    POINTS=[sample_path + "|layername=fire_safety_inspections"]))
    layer = QgsVectorLayer(str(tmp_path / "f.gpkg"), "factors", "ogr")
    assert layer.fields().field("roads_length_m").alias() == "Length of 'roads' in the area, metres"
    assert layer.fields().field("fire_safety_inspections_per_1k_hh").alias() == \
        "Points of 'fire_safety_inspections' per 1,000 households"
