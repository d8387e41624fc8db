"""The risk dashboard in QGIS's batch dialog (issue 12: "runs in QGIS, in batch"): two rows, the sample's north and
south areas, each with its own layer and pages; the dialog finishes cleanly (the index is a file output, not an HTML
output, so QGIS 3.22's batch results bug is not met)."""
import os

from qgis.core import QgsApplication

from helpers import SAMPLE, count_sample_incidents, run_algorithm

_RUNS = []  # the batch contexts must outlive the dialog's run


def test_two_rows_in_the_batch_dialog_each_write_their_pages(qtbot, tmp_path):
    import geopandas as gpd
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects

    counts = count_sample_incidents(SAMPLE, tmp_path)
    rows = []
    for name, expression in (("north", "fid <= 240"), ("south", "fid > 240")):
        run_algorithm("native:extractbyexpression", {"INPUT": counts, "EXPRESSION": expression,
                                                     "OUTPUT": str(tmp_path / (name + ".gpkg"))})
        rows.append(name)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("communityrisk:riskdashboard")
    dialog = BatchAlgorithmDialog(algorithm, parent=None)
    qtbot.addWidget(dialog)
    panel = dialog.mainWidget()
    panel.checkLoadLayersOnCompletion.setChecked(False)
    while panel.batchRowCount() < len(rows):
        panel.addRow()
    context = dataobjects.createContext()
    _RUNS.append(context)
    for row, name in enumerate(rows):
        inputs = {"AREAS": str(tmp_path / (name + ".gpkg")), "AREA_ID": "area_code", "COUNT_FIELD": "incidents",
                  "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "FACTORS": ["imd_score", "pct_flats"]}
        for parameter, value in inputs.items():
            panel.wrappers[row][panel.parameter_to_column[parameter]].setParameterValue(value, context)
        for output, path in (("OUTPUT", tmp_path / name / "dashboard.gpkg"), ("PAGES", tmp_path / name / "pages")):
            panel.tblParameters.cellWidget(row + 1, panel.parameter_to_column[output]).setValue(str(path))
    dialog.runAlgorithm()
    for name in rows:
        areas = gpd.read_file(tmp_path / name / "dashboard.gpkg")
        assert len(areas) == 240 and areas["signal"].isin(["above", "below", "within"]).all()
        assert os.path.exists(tmp_path / name / "pages" / "index.html")
        assert os.path.exists(tmp_path / name / "pages" / "all_areas.html")
    assert dialog.buttonBox().button(dialog.buttonBox().Close).isEnabled()  # the dialog finished cleanly
