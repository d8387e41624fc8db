"""The one Banding object (issue 8): thresholds checked, labels by rate for fixed thresholds, the LFB
average warning, and the same bands, labels and colours in the model file, layer style, report and charts."""
import warnings

import numpy as np
import pytest

from community_risk.processing.analysis import banding
from community_risk.processing.analysis.banding import Banding, parse_thresholds
from community_risk.processing.analysis.messages import AnalysisError


@pytest.mark.parametrize("text, words", [
    ("nan,inf,15,10", "finite"),
    ("10,15,inf,30", "finite"),
    ("25,20,15,10", "strictly increasing"),
    ("10,10,20,25", "strictly increasing"),
    ("-5,15,20,25", "zero or more"),
    ("20", "must be 4 numbers"),
    ("10,15,20,25,30", "must be 4 numbers"),
    ("ten,15,20,25", "separated by commas"),
])
def test_bad_thresholds_are_refused(text, words):
    with pytest.raises(AnalysisError) as raised:
        parse_thresholds(text)
    assert words in str(raised.value)


def test_thresholds_parse_with_commas_or_semicolons_and_default_to_lfb():
    assert parse_thresholds("12; 16 ;22,30") == (12.0, 16.0, 22.0, 30.0)
    assert parse_thresholds("  ") == banding.LFB_THRESHOLDS


def test_one_threshold_in_a_model_file_is_refused_not_banded_wrongly():
    with pytest.raises(AnalysisError, match="must be 4 numbers"):
        Banding.from_dict({"method": "lfb", "thresholds": [20.0]})


def test_labels_by_rate_for_fixed_thresholds_and_by_name_for_data_driven_bands():
    assert Banding.of("lfb").labels() == [
        "Up to 10 per 10,000 households", "10–15 per 10,000 households", "15–20 per 10,000 households",
        "20–25 per 10,000 households", "Over 25 per 10,000 households"]
    assert Banding.of("thresholds", (12.5, 16, 22, 30)).labels()[1] == "12.5–16 per 10,000 households"
    fitted = Banding.of("quantiles").fitted(np.arange(100.0))
    assert fitted.labels() == list(banding.NAMES) and len(fitted.thresholds) == 4
    assert Banding.of("lfb", label_style="name").labels()[2] == "Average"


def test_a_saved_banding_reads_back_the_same():
    original = Banding.of("thresholds", (12, 16, 22, 30), "rate")
    assert Banding.from_dict(original.to_dict()) == original
    old_file = {"method": "lfb", "thresholds": [10, 15, 20, 25], "labels": list(banding.NAMES)}
    assert Banding.from_dict(old_file).labels() == list(banding.NAMES)  # files from before label styles


def test_lfb_average_outside_the_middle_band_is_said():
    lfb = Banding.of("lfb")
    note = lfb.average_note(20.4)  # London's LSOA average
    assert note is not None and note.warning and "band 4" in str(note) and "20.4" in str(note)
    assert lfb.average_note(17.0) is None
    assert Banding.of("quantiles").average_note(40.0) is None  # relative bands centre on the data


def test_quintile_thresholds_equal_mapclassify_quantiles():
    # mapclassify (a test reference only) is what the quintiles were taken from before they were computed here
    mapclassify = pytest.importorskip("mapclassify")
    rng = np.random.default_rng(3)
    for values in (rng.gamma(2, 3, 4835), rng.poisson(3, 600).astype(float), np.arange(1000.0)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tied quintiles of the counts: "Setting k to 4"
            expected = mapclassify.Quantiles(values, k=5).bins[:4]
        assert np.allclose(Banding.of("quantiles").fitted(values).thresholds, expected)


def test_natural_breaks_of_fewer_distinct_rates_than_bands_say_what_to_choose():
    with pytest.raises(AnalysisError, match="at least 5 different rates.*have 3.*quantiles or the LFB"):
        Banding.of("natural breaks").fitted(np.array([0.0] * 40 + [5.0] * 8 + [10.0] * 2))


def test_natural_breaks_bands_of_many_areas_are_the_exact_breaks_of_their_quantiles():
    rates = np.random.default_rng(5).gamma(2, 3, 4835)
    fitted = Banding.of("natural breaks").fitted(rates)
    uppers = [upper for _, upper in banding.natural_breaks(np.quantile(rates, np.linspace(0, 1, 1000)), 5)]
    assert np.allclose(fitted.thresholds, uppers[:4])
    assert np.bincount(fitted.assign(rates), minlength=6)[1:].min() > 0


def test_ties_in_the_rates_still_give_increasing_thresholds():
    fitted = Banding.of("quantiles").fitted(np.array([1.0] * 50 + [2.0, 3.0]))
    assert all(b > a for a, b in zip(fitted.thresholds, fitted.thresholds[1:]))


def test_the_five_bands_and_lfb_thresholds_live_only_in_the_banding_module():
    """Parameters, styling, report and charts take them from Banding (no second copy to drift)."""
    import os
    import re

    from helpers import REPO

    for path in ("processing/algorithms/fire_model.py", "processing/algorithms/styling.py",
                 "processing/analysis/report.py", "processing/analysis/charts.py",
                 "processing/analysis/firemodel.py", "processing/algorithms/validate_model.py"):
        text = open(os.path.join(REPO, path), encoding="utf-8").read()
        assert not re.search(r"10\.?0?, ?15\.?0?, ?20\.?0?, ?25", text), path
        assert not re.search(r"#1a9641.{0,6}#a6d96a", text) and "minlength=6" not in text, path


def test_natural_breaks_equal_mapclassify_fisher_jenks():
    # mapclassify's Fisher-Jenks is the reference; ours works on distinct values weighted by their counts
    import warnings

    mapclassify = pytest.importorskip("mapclassify")
    rng = np.random.default_rng(7)
    for trial in range(20):
        size = int(rng.integers(20, 300))
        values = rng.poisson(rng.uniform(4, 15), size).astype(float) if trial % 2 else rng.gamma(2, 3, size)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = mapclassify.FisherJenks(values, k=5).bins
        ranges = banding.natural_breaks(values, 5)
        assert np.allclose([upper for _, upper in ranges], expected), trial
        assert ranges[0][0] == values.min() and all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))


def test_natural_breaks_of_few_or_odd_values():
    assert banding.natural_breaks([]) == []
    assert banding.natural_breaks([3, 3, 3]) == [(3.0, 3.0)]
    assert banding.natural_breaks([1, 2]) == [(1.0, 1.0), (1.0, 2.0)]
    assert banding.natural_breaks([np.nan, 1, np.inf, 2, 5, -np.inf]) == [(1.0, 1.0), (1.0, 2.0), (2.0, 5.0)]
    many = np.random.default_rng(1).gamma(2, 3, 20000)  # beyond 1,000 distinct values: quantiles
    ranges = banding.natural_breaks(many, 5)
    assert len(ranges) == 5 and ranges[0][0] == many.min() and ranges[-1][1] == many.max()
