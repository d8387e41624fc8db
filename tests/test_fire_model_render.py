"""The fit and validation reports rendered by headless Chromium (Debian's `chromium`), as a reader's browser
shows them: every piece of chart text inside its chart, no text over another, no table cell overflowing,
and a PNG of each page (issue 9). Skipped, saying why, where Chromium is not installed."""
import json
import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis import firemodel, report, validation

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")

# Measures the page once laid out and puts the findings in the title, which --dump-dom then prints.
CHECK = """<script>
window.addEventListener('load', function () {
  var problems = [];
  function box(e) { return e.getBoundingClientRect(); }
  function overlap(a, b) { return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1; }
  document.querySelectorAll('svg').forEach(function (svg, k) {
    var frame = box(svg);
    var texts = Array.prototype.slice.call(svg.querySelectorAll(':scope > text'));
    texts.forEach(function (t) {
      var b = box(t);
      if (b.width === 0) return;
      if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5)
        problems.push('chart ' + k + ': "' + t.textContent + '" leaves the chart');
    });
    svg.querySelectorAll('line[stroke="#222"]').forEach(function (line) {
      texts.forEach(function (t) { if (overlap(box(line), box(t))) problems.push('chart ' + k + ': a whisker crosses "' + t.textContent + '"'); });
    });
    for (var i = 0; i < texts.length; i++) for (var j = i + 1; j < texts.length; j++)
      if (box(texts[i]).width && box(texts[j]).width && overlap(box(texts[i]), box(texts[j])))
        problems.push('chart ' + k + ': "' + texts[i].textContent + '" overlaps "' + texts[j].textContent + '"');
  });
  document.querySelectorAll('td, th').forEach(function (cell) {
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push('cell overflows: ' + cell.textContent);
  });
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('page wider than the window');
  document.title = 'CHECKED ' + JSON.stringify(problems);
});
</script>"""

LONG = "imd_2019_lsoa_index_of_multiple_deprivation_imd_rank_where_1"


def render(html, folder, name):
    """Lay the page out in Chromium: the problems found, and a PNG screenshot."""
    page = folder / (name + ".html")
    page.write_text(html.replace("</body>", CHECK + "</body>"), encoding="utf-8")
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1100,3000",
              "--virtual-time-budget=3000", "--user-data-dir={}".format(folder / "profile")]
    dom = subprocess.run(common + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r"<title>CHECKED (.*?)</title>", dom, re.S)
    assert found, "Chromium did not lay out the page: " + dom[:300]
    png = folder / (name + ".png")
    subprocess.run(common + ["--screenshot={}".format(png), page.as_uri()], capture_output=True, timeout=120)
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")), png


@pytest.fixture(scope="module")
def fitted():
    """A fit shaped like London's: a rank factor with a 60-character name, negative and positive effects."""
    rng = np.random.default_rng(9)
    n = 400
    rank = rng.permutation(n) * 80.0
    share = rng.uniform(0, 40, n)
    older = rng.uniform(5, 30, n)
    households = rng.integers(400, 900, n).astype(float)
    counts = rng.poisson(households * 5 * 0.002 * np.exp(-0.00004 * rank + 0.02 * share - 0.01 * older))
    factors = pd.DataFrame({LONG: rank, "pct_social_rent": share, "pct_over_65": older})
    return firemodel.fit_fire_model(["A{}".format(i) for i in range(n)], counts, households, factors,
                                    firemodel.FireModelOptions(years=5, selection="none"))


def test_fit_report_text_fits_its_boxes(fitted, tmp_path):
    problems, png = render(report.fire_model_report(fitted, "Fire risk model: London LSOAs"), tmp_path, "fit")
    assert problems == []
    assert png.exists() and png.stat().st_size > 20000  # a real page, not a blank one


def test_validation_report_text_fits_its_boxes(tmp_path):
    rng = np.random.default_rng(3)
    train = rng.poisson(5, 500)
    test = rng.poisson(3, 500)
    scores = validation.validate(train / 5 + rng.uniform(0, 0.1, 500), train, test, 5, 3, train / 5)
    html = validation.validation_report(scores, "Validation", ["2009-01-01", "2013-12-31", "2014-01-01",
                                                               "2016-12-31"])
    problems, png = render(html, tmp_path, "validation")
    assert problems == []
    assert png.exists() and png.stat().st_size > 10000
