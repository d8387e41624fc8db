"""Issue 8 cases for the fire-risk algorithms: earlier results survive a cancelled fit, no output over an
input, damaged model files refused with a clear message, a fit that does not converge is said."""
import hashlib
import json
import os
import shutil

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from helpers import cancelling_feedback, count_sample_incidents, run_algorithm

FIT = "communityrisk:fitfireriskmodel"
APPLY = "communityrisk:applyfireriskmodel"


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings, self.infos, self.progress_values = [], [], []
        self.progressChanged.connect(self.progress_values.append)

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)


@pytest.fixture(scope="module")
def counts(sample_path, tmp_path_factory):
    return count_sample_incidents(sample_path, tmp_path_factory.mktemp("counts"))


def fit_params(counts, folder, **changes):
    params = {"INPUT": counts, "AREA_ID": "area_code", "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households",
              "YEARS": 8, "OUTPUT": str(folder / "risk.gpkg"), "REPORT": str(folder / "report.html"),
              "MODEL": str(folder / "model.json")}
    params.update(changes)
    return params


@pytest.fixture(scope="module")
def fitted(counts, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fitted")
    run_algorithm(FIT, fit_params(counts, folder))
    return folder


def test_cancelling_a_fit_over_an_earlier_result_leaves_that_result_intact(counts, fitted, tmp_path):
    for name in ("risk.gpkg", "risk.qml", "report.html", "model.json"):
        shutil.copy(fitted / name, tmp_path / name)
    before = {name: digest(tmp_path / name) for name in os.listdir(tmp_path)}
    feedback = cancelling_feedback(50)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm(FIT, fit_params(counts, tmp_path), feedback=feedback)
    assert {name: digest(tmp_path / name) for name in os.listdir(tmp_path)} == before  # nothing else left either


def test_progress_runs_forward_through_the_fit(counts, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(counts, tmp_path), feedback=feedback)
    values = feedback.progress_values
    assert max(values) == pytest.approx(100) and len([v for v in values if 34 < v < 66]) >= 5  # the fit reports
    assert all(b >= a - 1e-9 for a, b in zip(values, values[1:])), "progress jumped back"


def test_report_over_the_input_geopackage_is_refused_and_the_input_kept(counts, tmp_path):
    source = tmp_path / "input.gpkg"
    shutil.copy(counts, source)
    before = digest(source)
    with pytest.raises(QgsProcessingException, match="would be written over an input"):
        run_algorithm(FIT, fit_params(str(source), tmp_path, REPORT=str(source)))
    assert digest(source) == before and sorted(os.listdir(tmp_path)) == ["input.gpkg"]


@pytest.mark.parametrize("damage, words", [
    (lambda m: m["coefficients"].update(pct_bad_health=float("nan")), "coefficients.pct_bad_health is nan"),
    (lambda m: m["coefficients"].update(pct_bad_health=1e300), "too large"),
    (lambda m: m.pop("intercept"), "no 'intercept'"),
    (lambda m: m["bands"].update(thresholds=[20.0]), "must be 4 numbers"),
    (lambda m: m["bands"].update(thresholds=[25.0, 20.0, 15.0, 10.0]), "strictly increasing"),
])
def test_a_damaged_model_file_is_refused_with_a_clear_message(counts, fitted, tmp_path, damage, words):
    model = json.loads((fitted / "model.json").read_text())
    damage(model)
    (tmp_path / "damaged.json").write_text(json.dumps(model))
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(APPLY, {"INPUT": counts, "MODEL": str(tmp_path / "damaged.json"),
                              "OUTPUT": str(tmp_path / "applied.gpkg")})
    assert words in str(raised.value)
    assert not (tmp_path / "applied.gpkg").exists()


def test_a_fit_that_does_not_converge_warns_the_user(counts, tmp_path, monkeypatch):
    from community_risk.processing.analysis import glm

    monkeypatch.setattr(glm, "MAX_ITERATIONS", 1)
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(counts, tmp_path, SELECTION=3, FACTORS=["pct_bad_health"]), feedback=feedback)
    assert any("did not converge" in text for text in feedback.warnings)
    assert "did not converge" in (tmp_path / "report.html").read_text()
    assert json.loads((tmp_path / "model.json").read_text())["fit"]["converged"] is False


@pytest.fixture(scope="module")
def leaky_layer(counts, tmp_path_factory):
    """The per-year counts plus copies of the 2016 count under other names: numeric, text and as a rate."""
    import geopandas as gpd

    table = gpd.read_file(counts)
    table["fires_copy"] = table["incidents_2016"]
    table["fires_text"] = table["incidents_2016"].astype(str)
    table["fires_per_1k_hh"] = 1000 * table["incidents_2016"] / table["households"]
    path = tmp_path_factory.mktemp("leaky") / "leaky.gpkg"
    table.to_file(path)
    return str(path)


def test_a_year_count_does_not_leak_into_the_default_factors(leaky_layer, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(leaky_layer, tmp_path, COUNT_FIELD="incidents_2016", YEARS=1), feedback=feedback)
    chosen = set(json.loads((tmp_path / "model.json").read_text())["coefficients"])
    leaks = {"incidents", "fires_copy", "fires_text", "fires_per_1k_hh"} | {"incidents_{}".format(y) for y in
                                                                           range(2009, 2016)}
    assert not chosen & leaks and "pct_bad_health" in chosen
    said = " ".join(feedback.warnings)
    assert "incidents, incidents_2009" in said and "leak" in said  # the total and the other years, said
    assert "'fires_copy' was dropped: it is a copy of the count" in said
    assert "'fires_per_1k_hh' was dropped: it is the count per household" in said


def test_copies_of_the_count_given_as_factors_are_dropped_and_said(leaky_layer, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(leaky_layer, tmp_path, COUNT_FIELD="incidents_2016", YEARS=1, SELECTION=3,
                                  FACTORS=["fires_text", "incidents", "pct_bad_health", "incidents_2015"]),
                  feedback=feedback)
    chosen = set(json.loads((tmp_path / "model.json").read_text())["coefficients"])
    assert chosen == {"pct_bad_health", "incidents_2015"}  # an earlier year, asked for, is history, not leakage
    said = " ".join(feedback.warnings)
    assert "'fires_text' was dropped: it is a copy of the count" in said
    assert "'incidents' was dropped: it is a total of the same incidents that contains the count" in said
