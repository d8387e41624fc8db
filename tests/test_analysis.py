"""The QGIS-free analysis code on its own: dates and point-in-polygon counting."""
import datetime
import os
import subprocess
import sys

import numpy as np
import pytest
import shapely

from helpers import PKGROOT

from community_risk.processing.analysis.counting import assign_points_to_areas, count_per_area
from community_risk.processing.analysis.dates import DateParseError, parse_dates, years_of


def test_dates_from_text_dates_and_datetimes():
    parsed = parse_dates(["2016-03-31", "31/03/2016", "2016-03-31T14:05:00", datetime.date(2016, 3, 31),
                          datetime.datetime(2016, 3, 31, 23, 59), "31/03/2016 08:15", None, "", float("nan")])
    assert parsed[:6].tolist() == [datetime.date(2016, 3, 31)] * 6
    assert np.isnat(parsed[6:]).all()
    assert years_of(parsed).tolist() == [2016] * 6 + [-1] * 3


def test_day_first_is_not_read_month_first():
    assert parse_dates(["01/02/2015"])[0] == np.datetime64("2015-02-01")


def test_bad_dates_name_examples_and_count():
    with pytest.raises(DateParseError) as raised:
        parse_dates(["2015-01-01", "yesterday", "2015-13-45", "31/02/2015"])
    assert raised.value.n_bad == 3
    assert raised.value.bad_values == ["yesterday", "2015-13-45", "31/02/2015"]


def test_points_on_shared_edges_and_corners_count_once():
    squares = [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(0, 1, 1, 2), shapely.box(1, 1, 2, 2)]
    x = [0.5, 1.0, 1.0, 1.5, 5.0, np.nan, 1.5]
    y = [0.5, 0.5, 1.0, 1.5, 5.0, 0.0, 1.0]
    assigned = assign_points_to_areas(squares, x, y)
    # (1,1) is a corner of all four: first in order; (1.5,1) is on the edge of squares 1 and 3
    assert assigned.tolist() == [0, 0, 0, 3, -1, -1, 1]
    assert count_per_area(assigned, 4).tolist() == [3, 1, 0, 1]
    by_year = count_per_area(assigned, 4, groups=[2015, 2016, 2016, 2015, 2015, 2015, 2016])
    assert {k: v.tolist() for k, v in by_year.items()} == {2015: [1, 0, 0, 1], 2016: [2, 1, 0, 0]}


def test_missing_area_geometry_holds_nothing():
    assigned = assign_points_to_areas([None, shapely.box(0, 0, 1, 1)], [0.5], [0.5])
    assert assigned.tolist() == [1]


def test_analysis_package_imports_nothing_from_qgis():
    code = ("import sys, community_risk.processing.analysis.counting, community_risk.processing.analysis.dates, "
            "community_risk.synthetic.sample_borough; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5')))")
    env = dict(os.environ, PYTHONPATH=PKGROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/",
                         env=env)
    assert out.stdout.strip() == "[]"
