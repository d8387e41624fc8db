"""The hostile list, for every algorithm (issue 8): each runs through the real `qgis_process` with an empty
layer, a layer without a CRS, a layer in a geographic CRS, a misspelt field and an output equal to an input;
and in process with a cancel at 50%. Each must end in a clear message (never a traceback) or a result, and
inputs and earlier results must never change."""
import hashlib
import os
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from helpers import QGIS_PROCESS, REPO, cancelling_feedback, ensure_provider, run_algorithm

SECRET = "hostile-test-secret-0123456789"
ALGORITHMS = ("countincidents", "buildfactors", "fitfireriskmodel", "applyfireriskmodel", "validatefireriskmodel",
              "lifestyleprofile", "prioritypostcodes", "findpeopleatrisk", "heatsurface", "loadepc",
              "housingbenefitoverlay", "healthhousingindex", "hmoprevalence", "findunlicensedhmos", "visitmapbook",
              "riskdashboard")


def digest(path):
    if os.path.isdir(path):
        return sorted((name, digest(os.path.join(path, name))) for name in os.listdir(path))
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture(scope="module")
def bench(tmp_path_factory, sample_path):
    """Every algorithm's inputs, made once from the sample: counts, a model, council extracts, EPC homes."""
    import pandas as pd
    import pyogrio

    from community_risk.synthetic import claimants, council_extracts, epc_certificates

    ensure_provider()  # module fixtures run before the per-test provider fixture
    os.environ["COMMUNITY_RISK_SECRET"] = SECRET
    folder = tmp_path_factory.mktemp("hostile_inputs")
    sample = str(folder / "sample_borough.gpkg")  # a copy: a failing case must not damage the repo's sample
    shutil.copy(sample_path, sample)
    paths = {"sample": sample, "areas": sample + "|layername=areas", "incidents": sample + "|layername=incidents",
             "postcodes": sample + "|layername=postcodes", "roads": sample + "|layername=roads",
             "grounds": sample + "|layername=station_grounds"}
    paths["counts"] = str(folder / "counts.gpkg")
    run_algorithm("communityrisk:countincidents", {"AREAS": paths["areas"], "AREA_ID": "area_code",
                                                   "INCIDENTS": paths["incidents"], "DATE_FIELD": "date",
                                                   "OUTPUT": paths["counts"]})
    paths["model"] = str(folder / "model.json")
    run_algorithm("communityrisk:fitfireriskmodel", {
        "INPUT": paths["counts"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households",
        "YEARS": 8, "OUTPUT": str(folder / "risk.gpkg"), "MODEL": paths["model"]})
    paths["risk"] = str(folder / "risk.gpkg")
    paths["priority"] = str(folder / "priority.gpkg")
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": paths["postcodes"], "POSTCODE_FIELD": "postcode", "AREAS": paths["risk"], "AREA_RISK_FIELD": "rate_10k",
        "SPLIT_AREAS": paths["grounds"], "SPLIT_FIELD": "station", "P1_COUNT": 20, "P2_COUNT": 40,
        "OUTPUT": paths["priority"]})
    postcodes = pyogrio.read_dataframe(sample, layer="postcodes", read_geometry=False)
    extracts = council_extracts.write(str(folder / "extracts"), postcodes, n_households=150)
    paths["register"], paths["older"] = extracts["council_tax"], extracts["older"]
    paths["certificates"] = str(folder / "certificates.csv")
    epc_certificates.generate_certificates(postcodes, None, n_homes=600).to_csv(paths["certificates"], index=False)
    paths["homes"] = str(folder / "homes.gpkg")
    run_algorithm("communityrisk:loadepc", {"INPUT": paths["certificates"], "POSTCODES": paths["postcodes"],
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": paths["homes"]})
    homes = pyogrio.read_dataframe(paths["homes"], read_geometry=False)
    paths["claimants"] = str(folder / "claimants.csv")
    claimants.generate_claimants(homes)[0].to_csv(paths["claimants"], index=False)
    paths["households"] = str(folder / "households.csv")
    run_algorithm("communityrisk:findpeopleatrisk", {
        "DATASETS": [paths["register"], paths["older"]], "ROLES": "register,older", "OUTPUT": paths["households"],
        "RECORD": str(folder / "record.json")})
    assert pd.read_csv(paths["households"]).shape[0] > 0
    from community_risk.synthetic import hmo_borough

    located = pyogrio.read_dataframe(sample, layer="postcodes")
    hmo_postcodes = located[["postcode"]].assign(easting=located.geometry.x, northing=located.geometry.y)
    paths["hmo"] = hmo_borough.write(str(folder / "hmo"), *hmo_borough.generate(hmo_postcodes, None, n_properties=2500))
    return paths


# algorithm -> (good parameters, the main layer parameter, a field parameter, the main output parameter)
def spec(name, p, out):
    return {
        "countincidents": ({"AREAS": p["areas"], "AREA_ID": "area_code", "INCIDENTS": p["incidents"],
                            "OUTPUT": out("counts.gpkg")}, "INCIDENTS", "AREA_ID", "OUTPUT"),
        "buildfactors": ({"AREAS": p["counts"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
                          "POINTS": p["incidents"], "LINES": p["roads"], "OUTPUT": out("factors.gpkg")},
                         "AREAS", "HOUSEHOLDS_FIELD", "OUTPUT"),
        "fitfireriskmodel": ({"INPUT": p["counts"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
                              "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "OUTPUT": out("risk.gpkg"),
                              "REPORT": out("risk.html"), "MODEL": out("model.json")}, "INPUT", "COUNT_FIELD", "OUTPUT"),
        "applyfireriskmodel": ({"INPUT": p["counts"], "MODEL": p["model"], "HOUSEHOLDS_FIELD": "households",
                                "OUTPUT": out("applied.gpkg")}, "INPUT", "HOUSEHOLDS_FIELD", "OUTPUT"),
        "validatefireriskmodel": ({"AREAS": p["areas"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
                                   "INCIDENTS": p["incidents"], "DATE_FIELD": "date", "TRAIN_START": "2009-01-01",
                                   "TRAIN_END": "2013-12-31", "TEST_START": "2014-01-01", "TEST_END": "2016-12-31",
                                   "REPORT": out("validation.html"), "OUTPUT": out("validation.gpkg")},
                                  "INCIDENTS", "DATE_FIELD", "OUTPUT"),
        "lifestyleprofile": ({"HOMES": p["postcodes"], "SEGMENT_FIELD": "segment", "HOMES_FIELD": "homes",
                              "INCIDENTS": p["incidents"], "OUTPUT": out("lifestyle.csv"),
                              "OUTPUT_HOMES": out("homes_by_segment.gpkg")}, "HOMES", "SEGMENT_FIELD", "OUTPUT_HOMES"),
        "prioritypostcodes": ({"POSTCODES": p["postcodes"], "POSTCODE_FIELD": "postcode", "AREAS": p["risk"],
                               "AREA_RISK_FIELD": "rate_10k", "HOUSEHOLD_RISK": p["households"],
                               "HOUSEHOLD_POSTCODE_FIELD": "postcode", "HOUSEHOLD_FACTORS_FIELD": "n_factors",
                               "SPLIT_AREAS": p["grounds"], "SPLIT_FIELD": "station", "P1_COUNT": 20, "P2_COUNT": 40,
                               "OUTPUT": out("priority.gpkg"), "VISIT_LISTS": out("visit_lists")},
                              "POSTCODES", "POSTCODE_FIELD", "OUTPUT"),
        "findpeopleatrisk": ({"DATASETS": [p["register"], p["older"]], "ROLES": "register,older",
                              "OUTPUT": out("households.csv"), "RECORD": out("record.json")},
                             "DATASETS", None, "OUTPUT"),
        "heatsurface": ({"INPUT": p["incidents"], "CELL_SIZE": 100, "BANDWIDTH": 400, "OUTPUT": out("heat.tif")},
                        "INPUT", None, "OUTPUT"),
        "loadepc": ({"INPUT": p["certificates"], "POSTCODES": p["postcodes"], "POSTCODE_FIELD": "postcode",
                     "OUTPUT": out("epc_homes.gpkg")}, "POSTCODES", "POSTCODE_FIELD", "OUTPUT"),
        "housingbenefitoverlay": ({"CLAIMANTS": p["claimants"], "EPC": p["homes"], "OUTPUT": out("claimants.gpkg"),
                                   "RECORD": out("claimants_record.json")}, "EPC", None, "OUTPUT"),
        "healthhousingindex": ({"AREAS": p["areas"], "AREA_ID": "area_code", "EPC": p["homes"],
                                "EXTRA_FIELDS": ["pct_bad_health"], "OUTPUT": out("index.gpkg")},
                               "AREAS", "AREA_ID", "OUTPUT"),
        "hmoprevalence": ({"AREAS": p["counts"], "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
                           "HMO_INCIDENT_FIELD": "incidents", "FACTORS": ["pct_flats", "pct_social_rent"], "YEARS": 8,
                           "OUTPUT": out("hmo.gpkg"), "REPORT": out("hmo.html")}, "AREAS", "HMO_INCIDENT_FIELD", "OUTPUT"),
        "findunlicensedhmos": ({"PROPERTIES": p["hmo"]["properties"],
                                "DATASETS": [p["hmo"][r] for r in HMO_ROLES],
                                "ROLES": ",".join(HMO_ROLES), "AS_AT": "2024-04-01", "OUTPUT": out("hmos.gpkg"),
                                "REPORT": out("hmo_report.html"), "RECORD": out("hmo_record.html")},
                               "PROPERTIES", "UPRN_FIELD", "OUTPUT"),
        "visitmapbook": ({"SPLIT_AREAS": p["grounds"], "SPLIT_FIELD": "station", "RISK": p["risk"],
                          "POSTCODES": p["priority"], "ROADS": p["roads"], "OUTPUT": out("map_book.pdf"),
                          "PAGES": out("map_pages")}, "SPLIT_AREAS", "SPLIT_FIELD", "OUTPUT"),
        "riskdashboard": ({"AREAS": p["counts"], "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
                           "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "FACTORS": ["imd_score", "pct_flats"],
                           "INCIDENTS": p["incidents"], "DATE_FIELD": "date", "OUTPUT": out("dashboard.gpkg"),
                           "PAGES": out("dashboard")}, "AREAS", "COUNT_FIELD", "OUTPUT"),
    }[name]


HMO_ROLES = ("hmo_register", "inspections", "council_tax", "electoral_register", "housing_benefit", "complaints",
             "epc", "planning", "fire_incidents")


def layer_copy(source, path, crs=None, empty=False):
    """The layer behind `source` written to `path`: its features or none, its CRS or `crs` ('' for none)."""
    layer = QgsVectorLayer(source, "input", "ogr")
    assert layer.isValid(), source
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "data"
    if empty:
        layer.removeSelection()
        options.onlySelectedFeatures = True  # nothing is selected: the fields and CRS alone
    if crs is not None:
        target = QgsCoordinateReferenceSystem(crs) if crs else QgsCoordinateReferenceSystem()
        if crs:
            from qgis.core import QgsCoordinateTransform

            options.ct = QgsCoordinateTransform(layer.crs(), target, QgsCoordinateTransformContext())
        else:
            layer.setCrs(QgsCoordinateReferenceSystem())
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


def csv_header_only(source, path):
    with open(source, encoding="utf-8-sig", errors="replace") as handle:
        header = handle.readline()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(header)
    return str(path)


def as_cli(value):
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(value)]


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    config = tmp_path_factory.mktemp("hostile_qgis_config")
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    os.symlink(REPO, plugins / "community_risk")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config), QT_QPA_PLATFORM="offscreen",
               COMMUNITY_RISK_SECRET=SECRET)
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "community_risk"], env=env, capture_output=True, cwd="/",
                   check=True)

    def run(algorithm, parameters):
        args = [QGIS_PROCESS, "run", "communityrisk:" + algorithm, "--"]
        for key, value in parameters.items():
            args += ["{}={}".format(key, v) for v in as_cli(value)]
        return subprocess.run(args, capture_output=True, text=True, env=env, cwd="/", timeout=300)

    yield run
    shutil.rmtree(config, ignore_errors=True)


CASES = ("empty layer", "no CRS", "geographic CRS", "misspelt field", "output is an input")


def hostile_parameters(algorithm, case, bench, tmp_path):
    """(parameters, whether the run must be refused, the input files that must stay unchanged)."""
    good, main, field, output = spec(algorithm, bench, lambda name: str(tmp_path / "out" / name))
    parameters = dict(good)
    main_value = good[main]
    main_file = (main_value[0] if isinstance(main_value, list) else main_value).split("|")[0]
    is_table = main_file.endswith((".csv", ".xlsx"))
    if case == "empty layer":
        if is_table:
            empty = csv_header_only(main_file, tmp_path / "empty.csv")
        else:
            empty = layer_copy(main_value, tmp_path / "empty.gpkg", empty=True)
        parameters[main] = [empty] + main_value[1:] if isinstance(main_value, list) else empty
        return parameters, False, [empty]
    if case in ("no CRS", "geographic CRS"):
        if is_table:
            return None
        copy = layer_copy(main_value, tmp_path / "crs.gpkg", crs="" if case == "no CRS" else "EPSG:4326")
        parameters[main] = copy
        return parameters, False, [copy]
    if case == "misspelt field":
        if field is None:
            return None
        parameters[field] = "no_such_field"
        return parameters, True, []
    if case == "output is an input":  # on a copy, so a failure cannot damage the other cases' inputs
        copy = str(tmp_path / ("input_copy" + os.path.splitext(main_file)[1]))
        shutil.copy(main_file, copy)
        parameters[main] = [copy] + main_value[1:] if isinstance(main_value, list) else main_value.replace(main_file, copy)
        parameters[output] = copy
        return parameters, True, [copy]
    raise AssertionError(case)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_hostile_input_gets_a_clear_message_or_a_result(qgis_process, bench, tmp_path, algorithm, case):
    made = hostile_parameters(algorithm, case, bench, tmp_path)
    if made is None:
        pytest.skip("{} takes no layer or field for this case".format(algorithm))
    parameters, must_refuse, kept = made
    before = {path: digest(path) for path in kept + [bench["sample"], bench["counts"], bench["homes"]]}
    done = qgis_process(algorithm, parameters)
    said = done.stdout + done.stderr
    assert "Traceback" not in said, said[-3000:]
    if must_refuse or done.returncode != 0:
        assert done.returncode != 0, said[-2000:]
        assert "error" in said.lower(), said[-2000:]
    if case == "misspelt field":
        assert "no_such_field" in said, said[-2000:]
    if case == "output is an input":
        assert "over an input" in said, said[-2000:]
    assert {path: digest(path) for path in before} == before


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_cancel_at_half_way_keeps_the_earlier_result(bench, tmp_path, algorithm):
    parameters, _, _, output = spec(algorithm, bench, lambda name: str(tmp_path / "out" / name))
    run_algorithm("communityrisk:" + algorithm, parameters)
    earlier = {name: digest(value) for name, value in parameters.items()
               if isinstance(value, str) and str(tmp_path) in value and os.path.exists(value)}
    assert earlier, "the first run wrote nothing"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:" + algorithm, parameters, feedback=cancelling_feedback(50))
    assert {name: digest(parameters[name]) for name in earlier} == earlier
    leftovers = [f for _, _, files in os.walk(tmp_path) for f in files if ".community-risk-partial" in f]
    assert not leftovers and not any(".community-risk-partial" in d for d, _, _ in os.walk(tmp_path))
