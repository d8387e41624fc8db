"""Out-of-time validation: does the forecast pick the areas where the *next* incidents happen?

Fit on a training window, forecast, and score the forecast on a later test window against two
yardsticks: ranking areas by their past incidents (what a service does without a model) and the
hindsight best (ranking by the test window's own counts, the most any ranking could capture).
"""
from dataclasses import dataclass, field
from html import escape

import numpy as np

from . import charts
from .messages import AnalysisError, Note, translatable

SHARES = (0.05, 0.10, 0.20)
TRAIN_YEARS, TEST_YEARS = 5, 3  # the default windows: five whole years to fit, the next three to test


def default_windows(today):
    """(train start, train end, test start, test end): the last TEST_YEARS whole years before `today`'s year
    to test, and the TRAIN_YEARS whole years before them to fit."""
    import datetime

    test_end = today.year - 1
    test_start = test_end - TEST_YEARS + 1
    train_start = test_start - TRAIN_YEARS
    return (datetime.date(train_start, 1, 1), datetime.date(test_start - 1, 12, 31),
            datetime.date(test_start, 1, 1), datetime.date(test_end, 12, 31))


def window_years(start, end):
    """Length of [start, end] (dates included) in years."""
    return ((end - start).days + 1) / 365.25


def check_windows(windows, dates):
    """The windows in order and covered by the incidents' dates (datetime64[D], NaT where missing).

    Raises AnalysisError when they are out of order or a window holds no incident; returns Notes warning
    about a window reaching beyond the first or last dated incident (its years would count time with no
    data, understating its rate)."""
    train_start, train_end, test_start, test_end = windows
    if not (train_start <= train_end < test_start <= test_end):
        raise AnalysisError(translatable("The windows must be in order: training start ≤ training end < test "
                                         "start ≤ test end (given {}, {}, {}, {})."), *windows)
    dated = dates[~np.isnat(dates)]
    if len(dated) == 0:
        raise AnalysisError(translatable("No incident has a date, so none can be put in a window."))
    first, last = (d.astype("datetime64[D]").item() for d in (dated.min(), dated.max()))
    empty = {"training": translatable("No incident falls in the training window {} to {}: the incidents' dates run "
                                      "from {} to {}. Choose windows within those dates."),
             "test": translatable("No incident falls in the test window {} to {}: the incidents' dates run from {} "
                                  "to {}. Choose windows within those dates.")}
    for name, start, end in (("training", train_start, train_end), ("test", test_start, test_end)):
        inside = ((dated >= np.datetime64(start)) & (dated <= np.datetime64(end))).sum()
        if inside == 0:
            raise AnalysisError(empty[name], start, end, first, last)
    notes = []
    slack = 31  # days: a quiet first or last month is not a sign of missing data
    if (first - train_start).days > slack:
        notes.append(Note(translatable("The training window starts on {} but the first dated incident is on {}: "
                                       "if there are no data before then, the training rates are understated. "
                                       "Start the window on or after {}."), train_start, first, first, warning=True))
    if (test_end - last).days > slack:
        notes.append(Note(translatable("The test window ends on {} but the last dated incident is on {}: if there "
                                       "are no data after then, end the test window on or before {}."),
                          test_end, last, last, warning=True))
    return notes


def window_counts(assigned, dates, windows, n_areas):
    """Incidents per area in the training and in the test window. assigned: each incident's area index (-1
    for none); dates: datetime64[D]; windows: the four dates."""
    from .counting import count_per_area

    counts = []
    for start, end in (windows[:2], windows[2:]):
        inside = (dates >= np.datetime64(start)) & (dates <= np.datetime64(end))
        counts.append(count_per_area(np.where(inside, assigned, -1), n_areas))
    if counts[1].sum() == 0:
        raise AnalysisError(translatable("No incident of the test window lies in any area: there is nothing to "
                                         "score the forecast on."))
    return counts[0], counts[1]


def forecast_ranks(predicted):
    """Rank of each area by its forecast, 1 = highest; NaN where there is no forecast."""
    predicted = np.asarray(predicted, dtype=float)
    rank = np.full(len(predicted), np.nan)
    order = np.argsort(-np.nan_to_num(predicted, nan=-np.inf), kind="stable")
    rank[order] = np.arange(1, len(predicted) + 1)
    rank[~np.isfinite(predicted)] = np.nan
    return rank


def headline_figures(result):
    """The numbers the algorithm returns: TOP05_FORECAST … TOP20_BEST and SPEARMAN."""
    figures = {}
    for share in SHARES:
        for ranking, name in (("forecast", "FORECAST"), ("past incidents", "PAST"), ("hindsight best", "BEST")):
            figures["TOP{:02d}_{}".format(round(share * 100), name)] = result.capture[ranking][share]
    figures["SPEARMAN"] = result.spearman["forecast"]
    return figures


def capture_share(scores, test_counts, share):
    """Share of test incidents in the top `share` of areas ranked by scores (highest first).

    Areas tied at the cut-off count in proportion, as if the tie were broken at random, so ranking
    by whole-number past counts is not flattered or penalised by an arbitrary order.
    """
    scores = np.asarray(scores, dtype=float)
    test_counts = np.asarray(test_counts, dtype=float)
    total = test_counts.sum()
    if total == 0:
        return float("nan")
    k = share * len(scores)
    captured = 0.0
    taken = 0.0
    for value in np.unique(scores)[::-1]:
        group = scores == value
        size = group.sum()
        if taken + size <= k:
            captured += test_counts[group].sum()
            taken += size
        else:
            captured += test_counts[group].sum() * (k - taken) / size
            break
    return float(captured / total)


def capture_curve(scores, test_counts, points=101):
    shares = np.linspace(0, 1, points)
    return shares, np.array([capture_share(scores, test_counts, s) if s > 0 else 0.0 for s in shares])


def poisson_deviance(observed, expected):
    observed = np.asarray(observed, dtype=float)
    expected = np.maximum(np.asarray(expected, dtype=float), 1e-12)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return float(2 * np.sum(term - (observed - expected)))


@dataclass
class ValidationResult:
    n_areas: int
    train_years: float
    test_years: float
    capture: dict = field(default_factory=dict)  # ranking name -> {share: captured share}
    spearman: dict = field(default_factory=dict)  # ranking name -> rho with test counts
    deviance: dict = field(default_factory=dict)  # forecast name -> Poisson deviance on the test window
    curves: dict = field(default_factory=dict)


def validate(forecast_per_year, train_counts, test_counts, train_years, test_years, model_only_per_year=None):
    """Score a per-year forecast (one value per area) on the test window."""
    from scipy import stats  # here, not at the top: the provider imports this module when QGIS starts

    forecast = np.asarray(forecast_per_year, dtype=float)
    train = np.asarray(train_counts, dtype=float)
    test = np.asarray(test_counts, dtype=float)
    result = ValidationResult(len(test), train_years, test_years)
    rankings = {"forecast": forecast, "past incidents": train, "hindsight best": test}
    if model_only_per_year is not None:
        rankings["model without history"] = np.asarray(model_only_per_year, dtype=float)
    for name, scores in rankings.items():
        result.capture[name] = {share: capture_share(scores, test, share) for share in SHARES}
        result.curves[name] = capture_curve(scores, test)
        if name != "hindsight best":
            result.spearman[name] = float(stats.spearmanr(scores, test).correlation)
    result.deviance["forecast"] = poisson_deviance(test, forecast * test_years)
    result.deviance["past incidents (same rate)"] = poisson_deviance(test, train / train_years * test_years)
    if model_only_per_year is not None:
        result.deviance["model without history"] = poisson_deviance(test, rankings["model without history"] * test_years)
    return result


RANKING_LABELS = {"forecast": translatable("Our forecast"), "past incidents": translatable("Past incidents"),
                  "hindsight best": translatable("Hindsight best"),
                  "model without history": translatable("Model without history")}
DEVIANCE_LABELS = {"forecast": translatable("Our forecast"),
                   "past incidents (same rate)": translatable("Past incidents, at the same rate"),
                   "model without history": translatable("Model without history")}
COLOURS = {"forecast": "#c0392b", "past incidents": "#2b5f8a", "hindsight best": "#888888",
           "model without history": "#f28c28"}


def validation_report(result, title, windows, translate=lambda text: text):
    t = translate
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>{}</title><style>{}</style></head><body>".format(
        escape(title), "body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:980px;margin:24px auto}"
        "table{border-collapse:collapse} td,th{border:1px solid #ccd;padding:4px 8px;text-align:right}"
        "td:first-child,th:first-child{text-align:left} th{background:#eef2f6}"), "<h1>{}</h1>".format(escape(title))]
    parts.append("<p>{}</p>".format(escape(t(translatable(
        "Fitted on incidents from {} to {}; tested on incidents from {} to {}, which the model did not see. "
        "{} areas.")).format(*windows, result.n_areas))))
    top10 = result.capture["forecast"][0.10]
    past10 = result.capture["past incidents"][0.10]
    best10 = result.capture["hindsight best"][0.10]
    parts.append("<p><b>{}</b></p>".format(escape(t(translatable(
        "The 10% of areas the forecast ranks highest had {:.1%} of the test-window incidents; the 10% with most "
        "past incidents had {:.1%}; no ranking could have done better than {:.1%}.")).format(top10, past10, best10))))
    header = "".join("<th>{}</th>".format(escape(t(translatable("Top {:.0%} of areas")).format(s))) for s in SHARES)
    rows = []
    for name, shares in result.capture.items():
        rows.append("<tr><td>{}</td>{}<td>{}</td></tr>".format(
            escape(t(RANKING_LABELS[name])), "".join("<td>{:.1%}</td>".format(shares[s]) for s in SHARES),
            "{:.3f}".format(result.spearman[name]) if name in result.spearman else "–"))
    parts.append("<table><tr><th>{}</th>{}<th>{}</th></tr>{}</table>".format(
        escape(t(translatable("Ranking by"))), header, escape(t(translatable("Spearman rank correlation"))), "".join(rows)))
    parts.append("<p>{}</p>".format(escape(t(translatable("Poisson deviance on the test window (lower is better):")))))
    parts.append("<table>{}</table>".format("".join(
        "<tr><td>{}</td><td>{:,.1f}</td></tr>".format(escape(t(DEVIANCE_LABELS[name])), value)
        for name, value in result.deviance.items())))
    series = [(t(RANKING_LABELS[name]), COLOURS[name], x, y) for name, (x, y) in result.curves.items()]
    parts.append(charts.line_chart(series, t(translatable("Capture curve")), t(translatable("share of areas, highest ranked first")),
                                   t(translatable("share of test-window incidents"))))
    parts.append("</body></html>")
    return "\n".join(parts)
