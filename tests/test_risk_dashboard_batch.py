"""The risk dashboard in QGIS's batch dialog (issue 12: "runs in QGIS, in batch"): two rows, the sample's north and
south areas, each with its own layer and pages; the dialog finishes cleanly (the index is a file output, not an HTML
output, so QGIS 3.22's batch results bug is not met)."""
import os

from qgis.core import QgsApplication

from helpers import SAMPLE, count_sample_incidents, filled_batch_dialog, north_and_south


def test_two_rows_in_the_batch_dialog_each_write_their_pages(qtbot, tmp_path):
    import geopandas as gpd

    counts = count_sample_incidents(SAMPLE, tmp_path)
    rows = north_and_south(counts, tmp_path)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:riskdashboard")
    dialog = filled_batch_dialog(qtbot, algorithm, [
        ({"AREAS": str(tmp_path / (name + ".gpkg")), "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
          "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "FACTORS": ["imd_score", "pct_flats"]},
         {"OUTPUT": tmp_path / name / "dashboard.gpkg", "PAGES": tmp_path / name / "pages"}) for name in rows])
    dialog.runAlgorithm()
    for name in rows:
        areas = gpd.read_file(tmp_path / name / "dashboard.gpkg")
        assert len(areas) == 240 and areas["signal"].isin(["above", "below", "within"]).all()
        assert os.path.exists(tmp_path / name / "pages" / "index.html")
        assert os.path.exists(tmp_path / name / "pages" / "all_areas.html")
    assert dialog.buttonBox().button(dialog.buttonBox().Close).isEnabled()  # the dialog finished cleanly
