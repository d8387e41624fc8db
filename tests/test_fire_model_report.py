"""The fit and validation reports on real-data shapes (issue 9): long factor names in full, interval
whiskers clear of the value labels, readable numbers, effects per standard deviation, the clustering
advice fitting the options, and a capture curve with ticks."""
import re

import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import charts, firemodel, report, validation

LONG = "imd_2019_lsoa_index_of_multiple_deprivation_imd_rank_where_1"


def text_of(svg):
    """The visible text of an SVG (tspans joined per <text>)."""
    return [re.sub(r"<[^>]+>", "", match) for match in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def test_long_labels_are_wrapped_in_full_with_room_for_them():
    svg = charts.bar_chart([LONG, "pct_old"], [12.0, -8.0], "effects", value_format="{:+.0f}%",
                           errors=[(5.0, 19.0), (-15.0, -1.0)])
    label = [t for t in text_of(svg) if t.startswith("imd_2019")][0]
    assert label.replace("\u200b", "") == LONG  # every character shown, over two lines
    left = float(re.search(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end"><tspan', svg).group(1))
    longest = max(len(line) for line in charts.wrap_label(LONG))
    assert left >= longest * charts.CHAR_WIDTH  # the margin holds the longest line


def test_value_labels_sit_beyond_the_whiskers():
    svg = charts.bar_chart(["a", "b", "c"], [10.0, -20.0, 3.0], "effects", value_format="{:+.0f}%",
                           errors=[(2.0, 30.0), (-35.0, -5.0), (-4.0, 12.0)])
    whiskers = [(float(a), float(b)) for a, b in re.findall(r'<line x1="([\d.]+)" x2="([\d.]+)" y1="[\d.]+" '
                                                            r'y2="[\d.]+" stroke="#222"', svg)]
    values = re.findall(r'<text x="([\d.]+)" y="[\d.]+"( text-anchor="end")?>([+-]\d+%)</text>', svg)
    assert len(whiskers) == 3 and len(values) == 3
    for (low, high), (x, anchored_end, text) in zip(whiskers, values):
        if anchored_end:  # a negative effect: its label ends left of the whisker
            assert float(x) < low, text
        else:
            assert float(x) > high, text
    width = float(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))
    assert float(values[0][0]) + 7 * len(values[0][2]) <= width  # and inside the chart


@pytest.mark.parametrize("value, shown", [(8090.4, "8,090"), (123.4, "123"), (12.345, "12.3"), (0.01234, "0.012"),
                                          (float("nan"), "–")])
def test_numbers_read_as_people_write_them(value, shown):
    assert firemodel.readable_number(value) == shown


@pytest.fixture(scope="module")
def fitted():
    rng = np.random.default_rng(5)
    n = 300
    rank = rng.permutation(n) * 100.0  # a rank-like factor with a large standard deviation
    share = rng.uniform(0, 40, n)
    households = rng.integers(400, 900, n).astype(float)
    counts = rng.poisson(households * 5 * 0.002 * np.exp(-0.00004 * rank + 0.02 * share))
    factors = pd.DataFrame({LONG: rank, "pct_social_rent": share})
    return firemodel.fit_fire_model(["A{}".format(i) for i in range(n)], counts, households, factors,
                                    firemodel.FireModelOptions(years=5, selection="none"))


def test_effects_are_per_standard_deviation_with_readable_typical_differences(fitted):
    html = report.fire_model_report(fitted, "t", field_labels={LONG: "Index of Multiple Deprivation (rank)"})
    assert "1.0000 (1.0000" not in html and "e+0" not in html
    sd = fitted.model["factor_sd"][LONG]
    ratio = np.exp(fitted.model["coefficients"][LONG] * sd)
    assert "<td>{}</td><td>{:.3f}</td>".format(firemodel.readable_number(sd), ratio) in html
    assert abs(ratio - 1) > 0.05  # per unit it would print as 1.000
    assert "Index of Multiple Deprivation (rank)" in html and LONG in html  # the label, and the field it names


def test_clustering_advice_does_not_suggest_history_when_it_is_on():
    with_history = report.clustering_message(0.001, use_history=True)
    without = report.clustering_message(0.001, use_history=False)
    assert "already uses each area's own history" in with_history and "using each area's own history" in without
    assert report.clustering_message(0.4, use_history=True).startswith("No clear")


def test_capture_curve_has_ticks_on_both_axes():
    scores = validation.validate(np.arange(1.0, 51.0), np.arange(50.0), np.arange(50.0), 5, 3)
    html = validation.validation_report(scores, "v", ["2009-01-01", "2013-12-31", "2014-01-01", "2016-12-31"])
    svg = html[html.index("<svg"):]
    ticks = [t for t in text_of(svg) if re.fullmatch(r"\d+%", t)]
    assert sorted(set(ticks)) == ["0%", "100%", "20%", "40%", "60%", "80%"] and len(ticks) == 12
