"""Out-of-time validation: does the forecast pick the areas where the *next* incidents happen?

Fit on a training window, forecast, and score the forecast on a later test window against two
yardsticks: ranking areas by their past incidents (what a service does without a model) and the
hindsight best (ranking by the test window's own counts, the most any ranking could capture).
"""
from dataclasses import dataclass, field
from html import escape

import numpy as np
from scipy import stats

from . import charts
from .messages import translatable

SHARES = (0.05, 0.10, 0.20)


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
        "<tr><td>{}</td><td>{:.1f}</td></tr>".format(escape(name), value) for name, value in result.deviance.items())))
    series = [(t(RANKING_LABELS[name]), COLOURS[name], x, y) for name, (x, y) in result.curves.items()]
    parts.append(charts.line_chart(series, t(translatable("Capture curve")), t(translatable("share of areas, highest ranked first")),
                                   t(translatable("share of test-window incidents"))))
    parts.append("</body></html>")
    return "\n".join(parts)
