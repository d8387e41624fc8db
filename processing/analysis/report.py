"""HTML report of a fire-risk model fit, written for a fire-service reader without statistics training."""
from html import escape

import numpy as np
from scipy import stats

from . import charts
from .firemodel import plain_language_effects
from .messages import translatable

STYLE = """
body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:980px;margin:24px auto;color:#222;line-height:1.45}
h1{color:#173a57} h2{color:#2b5f8a;border-bottom:1px solid #ccd;padding-bottom:3px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccd;padding:4px 8px;text-align:right}
th{background:#eef2f6} td:first-child,th:first-child{text-align:left}
.note{background:#fff8e1;border-left:4px solid #f2a900;padding:6px 10px;margin:6px 0}
.plain{background:#eef6ee;border-left:4px solid #1a9641;padding:6px 10px;margin:6px 0}
.small{color:#666;font-size:90%}
"""


def fire_model_report(result, title, translate=lambda text: text, area_count_total=None):
    """The whole report as one HTML string. result: firemodel.FireModelResult."""
    t = translate
    model = result.model
    fit = result.fit
    table = result.table
    used = np.isfinite(table["predicted"])
    n = int(used.sum())
    years = model["years"]
    households = model["fit"]["households"]
    observed_total = model["fit"]["incidents"]
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>{}</title><style>{}</style></head><body>".format(
        escape(title), STYLE), "<h1>{}</h1>".format(escape(title))]

    parts.append("<p>{}</p>".format(escape(t(translatable(
        "{} areas modelled, {:.0f} incidents over {:g} year(s) in {:,.0f} households: {:.1f} incidents per "
        "10,000 households a year.")).format(n, observed_total, years, households,
                                            1e4 * observed_total / years / max(households, 1)))))

    parts.append("<h2>{}</h2>".format(escape(t(translatable("In plain words")))))
    for sentence in plain_language_effects(result):
        parts.append("<p class='plain'>{}</p>".format(escape(sentence.render(t))))
    parts.append("<p>{}</p>".format(escape(t(translatable(
        "Every area gets a forecast of incidents per household for the years ahead. The forecast is built "
        "from the factors above and, where chosen, from the area's own record, weighed by how much of that "
        "record is more than chance. Areas are then put in {} bands by forecast incidents per 10,000 "
        "households a year.")).format(result.banding.count))))
    parts.append(band_table(result.banding, table["band"][used], t))

    parts.append("<h2>{}</h2>".format(escape(t(translatable("The model")))))
    family_note = [note for note in result.notes if note.template.startswith("Family:")]
    if family_note:
        parts.append("<p>{}</p>".format(escape(family_note[0].render(t))))
    else:
        parts.append("<p>{}</p>".format(escape(t(translatable("Family: {} (chosen by the user).")).format(model["family"]))))
    if model["family"] == "negative binomial":
        parts.append("<p>{}</p>".format(escape(t(translatable(
            "Negative binomial dispersion alpha = {:.4f}: areas differ more than chance alone would make them, "
            "so the model allows for it.")).format(model["alpha"]))))
    selection_names = {"none": translatable("all factors given"), "aic": translatable("forward stepwise by AIC"),
                       "bic": translatable("forward stepwise by BIC"), "lasso": translatable("LASSO with cross-validation")}
    parts.append("<p>{} {}.</p>".format(escape(t(translatable("Factor selection:"))),
                                         escape(t(selection_names[model["selection"]]))))
    steps = getattr(result.selection, "steps", None)
    if steps:
        parts.append("<p class='small'>{}</p>".format(escape(" → ".join(
            "{} ({}={:.1f})".format(s.added, model["selection"].upper(), s.criterion) for s in steps))))

    z = stats.norm.ppf(0.975)
    names = ["(intercept)"] + result.chosen
    rows = []
    effects, errors, labels = [], [], []
    for k, name in enumerate(names):
        b, se = fit.params[k], fit.bse[k]
        p = 2 * stats.norm.sf(abs(b / se)) if se > 0 else float("nan")
        if k == 0:
            rows.append("<tr><td>{}</td><td>{:.3e}</td><td colspan='2'></td><td></td><td></td></tr>".format(
                escape(t(translatable("baseline incidents per household per year"))), np.exp(b)))
            continue
        sd = model["factor_sd"][name]
        rows.append("<tr><td>{}</td><td>{:.4f}</td><td>{:.4f}</td><td>{:.4f}</td><td>{:.3g}</td><td>{:+.1f}%</td></tr>".format(
            escape(name), np.exp(b), np.exp(b - z * se), np.exp(b + z * se), p, 100 * (np.exp(b * sd) - 1)))
        effects.append(100 * (np.exp(b * sd) - 1))
        errors.append((100 * (np.exp((b - z * se) * sd) - 1), 100 * (np.exp((b + z * se) * sd) - 1)))
        labels.append(name)
    parts.append("<table><tr><th>{}</th><th>{}</th><th colspan='2'>{}</th><th>{}</th><th>{}</th></tr>{}</table>".format(
        escape(t(translatable("Factor"))), escape(t(translatable("Incidence-rate ratio per unit"))),
        escape(t(translatable("95% interval"))), escape(t(translatable("p-value"))),
        escape(t(translatable("Change per standard deviation"))), "".join(rows)))
    if effects:
        parts.append(charts.bar_chart(labels, effects, t(translatable("Factor effects: % change in fires per standard deviation")),
                                      colours=["#d7191c" if e > 0 else "#1a9641" for e in effects],
                                      value_format="{:+.0f}%", errors=errors))

    parts.append("<h2>{}</h2>".format(escape(t(translatable("How well it fits")))))
    fit_info = model["fit"]
    moran, moran_p = result.morans_i
    parts.append("<table>{}</table>".format("".join(
        "<tr><td>{}</td><td>{}</td></tr>".format(escape(t(label)), value) for label, value in (
            (translatable("Deviance explained"), "{:.1%}".format(fit_info["deviance_explained"])),
            (translatable("AIC"), "{:.1f}".format(fit_info["aic"])),
            (translatable("BIC"), "{:.1f}".format(fit_info["bic"])),
            (translatable("Residual deviance"), "{:.1f}".format(fit_info["deviance"])),
            (translatable("Null deviance"), "{:.1f}".format(fit_info["null_deviance"])),
            (translatable("Pearson dispersion (Poisson screen)"), "{:.2f}".format(result.overdispersion.pearson_dispersion)),
            (translatable("Moran's I of residuals (permutation p-value)"),
             "{:.3f} (p = {:.3f})".format(moran, moran_p) if np.isfinite(moran) else "–")))))
    if np.isfinite(moran):
        message = translatable("Neighbouring areas' errors are alike (spatial clustering the factors miss): consider "
                               "adding a local factor or using the area's history.") if moran_p < 0.05 else \
            translatable("No clear spatial clustering is left in the errors.")
        parts.append("<p>{}</p>".format(escape(t(message))))
    observed_rate = table["observed"][used] / years
    modelled_rate = table["expected"][used] / years
    parts.append(charts.scatter_chart(modelled_rate, observed_rate,
                                      t(translatable("Observed against modelled incidents per year")),
                                      t(translatable("modelled per year")), t(translatable("observed per year"))))

    warnings = [note for note in result.notes if note.warning]
    if warnings:
        parts.append("<h2>{}</h2>".format(escape(t(translatable("Notes on the data")))))
        for note in warnings:
            parts.append("<p class='note'>{}</p>".format(escape(note.render(t))))
    parts.append("</body></html>")
    return "\n".join(parts)


def band_table(banding, bands, translate):
    """The bands' rates and areas, as a table and a bar chart in the bands' colours."""
    t = translate
    labels, counts = banding.labels(t), banding.counts(bands)
    rows = "".join("<tr><td>{} {}</td><td>{}</td><td>{}</td></tr>".format(band, escape(label), escape(rates), count)
                   for band, (label, rates, count) in enumerate(zip(labels, banding.ranges(), counts), start=1))
    return "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>".format(
        escape(t(translatable("Band"))), escape(t(translatable("Incidents per 10,000 households a year"))),
        escape(t(translatable("Areas"))), rows) + charts.bar_chart(
        ["{} {}".format(band, label) for band, label in enumerate(labels, start=1)], counts,
        t(translatable("Areas per band")), colours=banding.colours)
