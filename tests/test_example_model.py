"""The shipped graphical model (resources/models/fire_risk_chain.model3) runs count -> factors -> fit."""
import json
import os

import geopandas as gpd
from qgis.core import QgsProcessingModelAlgorithm

from helpers import REPO, run_algorithm

MODEL = os.path.join(REPO, "resources", "models", "fire_risk_chain.model3")


def load():
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    return model


def test_model_chains_the_three_algorithms():
    model = load()
    children = model.childAlgorithms()
    assert {c.algorithmId() for c in children.values()} == {
        "communityrisk:countincidents", "communityrisk:buildfactors", "communityrisk:fitfireriskmodel"}
    assert model.dependsOnChildAlgorithms("fit") == {"count", "factors"}
    assert {p.name() for p in model.parameterDefinitions()} >= {"areas", "area_id", "households", "incidents", "years"}


def test_model_runs_on_the_sample(sample_path, tmp_path):
    model = load()
    model.initAlgorithm({})
    result = run_algorithm(model, {
        "areas": sample_path + "|layername=areas", "area_id": "area_code", "households": "households",
        "incidents": sample_path + "|layername=incidents", "years": 8, "tables": [],
        "fit:fire_risk": str(tmp_path / "risk.gpkg"), "fit:report": str(tmp_path / "report.html"),
        "fit:model": str(tmp_path / "model.json")})
    table = gpd.read_file(result["fit:fire_risk"], layer="risk")
    assert len(table) == 480 and table["band"].between(1, 5).all()
    assert "area_km2" in table.columns  # built by the factors step
    model_json = json.loads((tmp_path / "model.json").read_text())
    assert "pct_bad_health" in model_json["coefficients"]
