"""The algorithm base (issue 8): outputs never overwrite inputs, a failed or cancelled run leaves earlier
results as they were, unwritable destinations get a clear message before any work, and the one table
writer neutralises spreadsheet formulas and keeps numbers as numbers."""
import csv
import hashlib
import os

import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from community_risk.processing.analysis.tables import neutralise, write_csv, write_xlsx
from helpers import cancelling_feedback, memory_layer, points, run_algorithm, two_squares

ALG = "communityrisk:countincidents"


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def sample_params(sample, out):
    return {"AREAS": "{}|layername=areas".format(sample), "AREA_ID": "area_code",
            "INCIDENTS": "{}|layername=incidents".format(sample), "OUTPUT": str(out)}


@pytest.fixture
def sample_copy(sample_path, tmp_path):
    import shutil

    copy = tmp_path / "same.gpkg"
    shutil.copy(sample_path, copy)
    return copy


def test_output_into_the_input_geopackage_is_refused_and_the_input_kept(sample_copy):
    before = digest(sample_copy)
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(ALG, sample_params(sample_copy, sample_copy))
    assert digest(sample_copy) == before
    assert len(QgsVectorLayer(str(sample_copy), "x", "ogr").dataProvider().subLayers()) > 5


def test_output_over_an_input_reached_through_a_symlink_is_refused(sample_copy, tmp_path):
    link = tmp_path / "link.gpkg"
    os.symlink(sample_copy, link)
    before = digest(sample_copy)
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(ALG, sample_params(sample_copy, link))
    assert digest(sample_copy) == before


@pytest.mark.parametrize("output", ["ogr:dbname='{}' table=\"incidents\" (geom)", "{}|layername=areas"])
def test_output_into_an_input_table_of_a_geopackage_is_refused_and_the_input_kept(sample_copy, output):
    # written in place by the provider, a table inside a database file escaped the file-level check
    before = digest(sample_copy)
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(ALG, sample_params(sample_copy, output.format(sample_copy)))
    assert digest(sample_copy) == before


def test_output_into_a_geopackage_read_whole_is_refused(sample_path, tmp_path):
    # the input's layer is not named: the file's first layer is read, and may be the table written
    import shutil

    areas = tmp_path / "areas.gpkg"
    shutil.copy(sample_path, areas)
    before = digest(areas)
    parameters = dict(sample_params(sample_path, "ogr:dbname='{}' table=\"counts\" (geom)".format(areas)),
                      AREAS=str(areas))
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(ALG, parameters)
    assert digest(areas) == before


def test_a_new_table_in_an_input_geopackage_leaves_its_input_tables_as_they_were(sample_copy):
    def table(name):
        layer = QgsVectorLayer("{}|layername={}".format(sample_copy, name), name, "ogr")
        return sorted(tuple(str(v) for v in f.attributes()) for f in layer.getFeatures())

    before = {name: table(name) for name in ("areas", "incidents")}
    run_algorithm(ALG, sample_params(sample_copy, "ogr:dbname='{}' table=\"counts\" (geom)".format(sample_copy)))
    assert {name: table(name) for name in before} == before
    assert len(table("counts")) == len(before["areas"])


def test_cancel_while_writing_over_an_earlier_result_keeps_that_result(sample_path, tmp_path):
    out = tmp_path / "counts.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out))
    before = digest(out)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm(ALG, sample_params(sample_path, out), feedback=cancelling_feedback(50))
    assert digest(out) == before
    assert sorted(os.listdir(tmp_path)) == ["counts.gpkg", "counts.qml"]  # no partial folder left


def test_a_failed_run_keeps_the_earlier_result(sample_path, tmp_path):
    out = tmp_path / "counts.gpkg"
    run_algorithm(ALG, sample_params(sample_path, out))
    before = digest(out)
    bad = dict(sample_params(sample_path, out), FILTER="this is ( not valid")
    with pytest.raises(QgsProcessingException):
        run_algorithm(ALG, bad)
    assert digest(out) == before


def test_a_successful_run_replaces_the_result_and_leaves_no_temporary_files(sample_path, tmp_path):
    out = tmp_path / "nested" / "new" / "counts.gpkg"  # missing folders are created
    result = run_algorithm(ALG, sample_params(sample_path, out))
    assert result["OUTPUT"].split("|")[0] == str(out)
    assert sorted(os.listdir(out.parent)) == ["counts.gpkg", "counts.qml"]
    layer = QgsVectorLayer(str(out), "counts", "ogr")
    assert layer.isValid() and layer.featureCount() == 480
    assert layer.renderer().type() == "graduatedSymbol"  # opened from disk, styled


@pytest.mark.parametrize("where, words", [
    ("under a file", "is a file, not a folder"),
    ("read-only", "cannot be"),
    ("too long", "at most 4096"),
    ("name of 300 characters", "at most 255"),
])
def test_unwritable_destinations_get_a_clear_message_before_any_work(sample_path, tmp_path, where, words):
    blocker = tmp_path / "plain_file"
    blocker.write_text("not a folder")
    out = {"under a file": blocker / "counts.gpkg",
           "read-only": "/sys/kernel/community_risk_counts.gpkg",  # a read-only file system, even for root
           "too long": tmp_path / (("d" * 200 + "/") * 25) / "counts.gpkg",
           "name of 300 characters": tmp_path / ("n" * 300 + ".gpkg")}[where]
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, sample_params(sample_path, out))
    assert words in str(raised.value)
    assert sorted(os.listdir(tmp_path)) == ["plain_file"]


def test_two_outputs_on_one_file_are_refused(sample_path, tmp_path):
    counts = run_algorithm(ALG, sample_params(sample_path, tmp_path / "in" / "counts.gpkg"))["OUTPUT"]
    params = {"INPUT": counts, "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households",
              "YEARS": 8, "OUTPUT": str(tmp_path / "risk.gpkg"), "REPORT": str(tmp_path / "same.html"),
              "MODEL": str(tmp_path / "same.html")}
    with pytest.raises(QgsProcessingException, match="are the same file"):
        run_algorithm("communityrisk:fitfireriskmodel", params)
    assert os.listdir(tmp_path) == ["in"]


def test_misspelt_field_is_refused_naming_the_fields_there_are(tmp_path):
    fires = points([(50, 50, "2016-01-01")])
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "cdoe", "INCIDENTS": fires,
                            "OUTPUT": str(tmp_path / "x.gpkg")})
    assert "'cdoe'" in str(raised.value) and "code" in str(raised.value)
    assert os.listdir(tmp_path) == []


# --- counting cases from the hostile list ---

def test_every_part_of_a_multipoint_incident_counts(tmp_path):
    fires = memory_layer("MultiPoint", "fires", [("when", QVariant.String)],
                         [("MULTIPOINT((50 50),(150 50),(160 50))", ["2016-01-01"])])
    result = run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires,
                                 "OUTPUT": str(tmp_path / "x.gpkg")})
    counts = {f["code"]: f["incidents"] for f in QgsVectorLayer(result["OUTPUT"], "x", "ogr").getFeatures()}
    assert counts == {"A": 1, "B": 2} and result["COUNTED"] == 3


def test_bow_tie_area_is_repaired_and_areas_without_geometry_are_reported(tmp_path):
    from qgis.core import QgsProcessingFeedback

    areas = memory_layer("Polygon", "areas", [("code", QVariant.String)], [
        ("POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))", ["BOWTIE"]),
        (None, ["EMPTY"]),
    ])
    fires = points([(10, 50, "2016-01-01"), (90, 50, "2016-01-01")])
    feedback = QgsProcessingFeedback()
    warnings = []
    feedback.pushWarning = warnings.append
    result = run_algorithm(ALG, {"AREAS": areas, "AREA_ID": "code", "INCIDENTS": fires,
                                 "OUTPUT": str(tmp_path / "x.gpkg")}, feedback=feedback)
    counts = {f["code"]: f["incidents"] for f in QgsVectorLayer(result["OUTPUT"], "x", "ogr").getFeatures()}
    assert counts == {"BOWTIE": 2, "EMPTY": 0}


def test_incidents_outside_the_date_window_are_said(tmp_path):
    from community_risk.processing.analysis.counting import count_incidents
    import datetime
    import numpy as np
    import shapely

    dates = np.array(["2015-06-01", "2016-06-01", "NaT"], dtype="datetime64[D]")
    counted = count_incidents([shapely.box(0, 0, 10, 10)], [1, 2, 3], [1, 2, 3], dates,
                              start=datetime.date(2016, 1, 1))
    said = " ".join(str(n) for n in counted.notes)
    assert "1 incident(s) fell outside the date window" in said
    assert "1 incident(s) have no date" in said
    assert counted.counted == 1


def test_one_layer_without_a_crs_is_refused(tmp_path):
    fires = points([(50, 50, "2016-01-01")], crs="")
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run_algorithm(ALG, {"AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": fires,
                            "OUTPUT": str(tmp_path / "x.gpkg")})


# --- the one table writer ---

def test_formula_like_text_is_neutralised_and_numbers_stay_numbers(tmp_path):
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain", "O'Neil"],
                          "count": [1, 2, 3, 4, 5, 6, 7, 8], "rate": [0.5, -1.25, 2.0, None, 1.0, 1.0, 1.0, 1.0],
                          "flag": [True, False] * 4})
    path = write_csv(str(tmp_path / "t.csv"), frame)
    text = open(path, encoding="utf-8", newline="").read()
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    assert [r[0] for r in rows[1:7]] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"]
    assert rows[7][0] == "plain" and rows[8][0] == "O'Neil"
    assert "\n1,0.5,1\n" not in text and ',1,0.5,1\r\n' in text  # numbers unquoted, booleans as 0/1
    assert ',2,-1.25,0\r\n' in text and ',4,,0\r\n' in text  # a negative number stays a number; NaN empty
    assert open(str(tmp_path / "t.csvt")).read().strip() == '"String","Integer","Real","Integer"'


def test_a_csv_with_its_csvt_opens_in_qgis_with_numeric_columns(tmp_path):
    frame = pd.DataFrame({"postcode": ["N1 1AA", "N1 1AB"], "people": [3, 1], "score": [0.5, 0.25]})
    path = write_csv(str(tmp_path / "households.csv"), frame)
    layer = QgsVectorLayer(path, "households", "ogr")  # as a drag and drop opens it
    kinds = {f.name(): f.type() for f in layer.fields()}
    assert kinds["people"] in (QVariant.Int, QVariant.LongLong) and kinds["score"] == QVariant.Double


def test_xlsx_cells_are_never_formulas(tmp_path):
    from openpyxl import load_workbook

    frame = pd.DataFrame({"street": ["=1+1", "High Street"], "n": [1, 2]})
    path = write_xlsx(str(tmp_path / "t.xlsx"), frame)
    sheet = load_workbook(path).active
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == 2 and sheet["B3"].data_type == "n"


def test_neutralise_leaves_other_values_alone():
    assert neutralise("Flat 2") == "Flat 2"
    assert neutralise(5) == 5
    assert neutralise("") == ""
