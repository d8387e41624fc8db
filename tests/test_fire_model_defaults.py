"""Issue 9 for the fire-risk algorithms: 'Years the counts cover' checked against the per-year fields,
Validate's windows checked against the incidents' dates, the factor cap said."""
import datetime

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from community_risk.processing.analysis import firemodel, validation
from community_risk.processing.analysis.messages import AnalysisError
from helpers import count_sample_incidents, run_algorithm
from test_fire_model_safety import RecordingFeedback, fit_params

FIT = "communityrisk:fitfireriskmodel"
VALIDATE = "communityrisk:validatefireriskmodel"


@pytest.fixture(scope="module")
def counts(sample_path, tmp_path_factory):
    return count_sample_incidents(sample_path, tmp_path_factory.mktemp("counts"))


@pytest.mark.parametrize("changes, words", [
    ({"YEARS": 5}, "holds the incidents of 8 calendar year(s), 2009 to 2016"),
    ({"YEARS": 12}, "give 8"),
    ({"COUNT_FIELD": "incidents_2016", "YEARS": 5}, "one calendar year's incidents"),
])
def test_years_that_do_not_match_the_per_year_fields_are_refused(counts, tmp_path, changes, words):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(FIT, fit_params(counts, tmp_path, **changes))
    assert words in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_years_possible_only_with_part_years_are_warned_about(counts, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(counts, tmp_path, YEARS=7.5, SELECTION=3, FACTORS=["pct_bad_health"]),
                  feedback=feedback)
    assert any("span 8 calendar years (2009–2016)" in text for text in feedback.warnings)


def test_years_checks_in_analysis():
    counts = np.array([3, 5])
    yearly = {2015: [1, 2], 2016: [2, 3]}
    assert "cover 2 year(s), 2015–2016" in str(firemodel.check_years(2, "incidents", counts, yearly)[0])
    assert "could not be checked" in str(firemodel.check_years(2, "incidents", counts + 1, yearly)[0])
    assert "taken to cover 4 year(s)" in str(firemodel.check_years(4, "incidents", counts, {})[0])
    with pytest.raises(AnalysisError, match="give 2"):
        firemodel.check_years(3, "incidents", counts, yearly)
    assert firemodel.year_fields("incidents", ["incidents_2015", "Incidents_2016", "incidents_x", "fires_2016"]) == \
        {2015: "incidents_2015", 2016: "Incidents_2016"}


def test_reaching_the_factor_cap_is_said(counts, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(FIT, fit_params(counts, tmp_path, MAX_FACTORS=2), feedback=feedback)
    assert any("stopped at its maximum of 2 factors" in text for text in feedback.warnings)
    assert "stopped at its maximum of 2 factors" in (tmp_path / "report.html").read_text()


# --- Validate's windows -------------------------------------------------------------------------------

def test_default_windows_are_the_last_whole_years_before_today():
    assert validation.default_windows(datetime.date(2026, 11, 25)) == (
        datetime.date(2018, 1, 1), datetime.date(2022, 12, 31), datetime.date(2023, 1, 1),
        datetime.date(2025, 12, 31))


def validate_params(sample_path, folder, windows):
    return {"AREAS": sample_path + "|layername=areas", "AREA_ID": "area_code", "HOUSEHOLDS_FIELD": "households",
            "INCIDENTS": sample_path + "|layername=incidents", "DATE_FIELD": "date",
            "TRAIN_START": windows[0], "TRAIN_END": windows[1], "TEST_START": windows[2], "TEST_END": windows[3],
            "REPORT": str(folder / "v.html")}


def test_default_windows_on_older_data_are_refused_naming_the_data_dates(sample_path, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(VALIDATE, validate_params(sample_path, tmp_path, ["2018-01-01", "2022-12-31", "2023-01-01",
                                                                        "2025-12-31"]))
    assert "No incident falls in the training window" in str(raised.value) and "2009-01-" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_a_window_beyond_the_incidents_is_warned_about(sample_path, tmp_path):
    feedback = RecordingFeedback()
    run_algorithm(VALIDATE, validate_params(sample_path, tmp_path, ["2005-01-01", "2013-12-31", "2014-01-01",
                                                                    "2018-12-31"]), feedback=feedback)
    said = " ".join(feedback.warnings)
    assert "training window starts on 2005-01-01" in said and "test window ends on 2018-12-31" in said


def test_apply_checks_the_years_of_its_counts_too(counts, tmp_path):
    model = tmp_path / "model.json"
    run_algorithm(FIT, fit_params(counts, tmp_path, SELECTION=3, FACTORS=["pct_bad_health"], MODEL=str(model)))
    with pytest.raises(QgsProcessingException, match="give 8"):
        run_algorithm("communityrisk:applyfireriskmodel", {"INPUT": counts, "MODEL": str(model),
                                                           "COUNT_FIELD": "incidents", "YEARS": 3,
                                                           "OUTPUT": str(tmp_path / "applied.gpkg")})
    assert not (tmp_path / "applied.gpkg").exists()
