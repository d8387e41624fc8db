"""The risk dashboard's pages laid out by headless Chromium with the fit report's checker (issue 12): every chart
text inside its chart, no text over another, no table cell overflowing, no page wider than the window; with long
area and group names, many signals, trends, lead indicators and targets, and without factors."""
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import dashboard as d
from community_risk.processing.analysis import dashboard_report as report
from test_fire_model_render import CHROMIUM, render

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")

LONG_GROUP = "Kingston upon Thames and Richmond upon Thames"


def busy_dashboard(with_factors=True):
    """600 areas in four groups, one with a long name; overdispersed counts and a dozen planted signals."""
    rng = np.random.default_rng(12)
    n = 600
    households = rng.integers(350, 1400, n).astype(float)
    deprivation = rng.normal(0, 1, n)
    rate = 0.0019 * np.exp(0.35 * deprivation) * rng.gamma(8, 1 / 8, n)
    yearly = pd.DataFrame(rng.poisson(np.outer(rate * households, np.ones(6))), columns=range(2011, 2017))
    yearly.iloc[:12, 3:] += 6  # planted signals
    counts = yearly[[2014, 2015, 2016]].sum(axis=1).to_numpy(float)
    groups = [LONG_GROUP if k % 4 == 0 else "Group {}".format(k % 4) for k in range(n)]
    names = ["{} {:03d}{}".format(groups[k].split(" and ")[0], k, "ABCD"[k % 4]) for k in range(n)]
    factors = None
    if with_factors:
        factors = pd.DataFrame({"imd_2019_lsoa_index_of_multiple_deprivation_score": deprivation,
                                "pct_social_rent": 30 + 8 * deprivation + rng.normal(0, 4, n),
                                "pct_over_65": rng.uniform(5, 30, n), "ptal": rng.uniform(0, 6, n)})
    targets = pd.DataFrame({"group": [LONG_GROUP, "Group 1", ""],
                            "measure": ["Home fire safety visits to people over 65 living alone", "Visits", "Visits"],
                            "planned": [1200, 400, 5000], "made": [1310, 150, 4100]})
    return d.build_dashboard(["E0100{:04d}".format(k) for k in range(n)], counts, households, 3, groups=groups,
                             names=names, factors=factors, yearly=yearly, current_years=[2014, 2015, 2016],
                             targets=targets, all_name="London", title="Dwelling fires")


@pytest.mark.parametrize("with_factors", [True, False])
def test_dashboard_pages_fit_their_boxes(tmp_path, with_factors):
    built = busy_dashboard(with_factors)
    assert (built.table["signal"] == "above").sum() >= 8
    pages = report.pages(built, generated="Made 2026-11-26 from 'areas.gpkg'.")
    for page in pages:
        if page.stem not in ("all_areas", "index") and not page.stem.startswith("Kingston"):
            continue
        problems, png = render(page.html, tmp_path, "dashboard_{}_{}".format(with_factors, page.stem))
        assert problems == [], (page.stem, problems)
        assert png.stat().st_size > 20000
