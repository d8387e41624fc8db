"""HTML report of a fire-risk model fit, written for a fire-service reader without statistics training."""
from html import escape

import numpy as np
from scipy import special  # not scipy.stats: it takes seconds to import, for two normal quantiles

from . import charts
from .firemodel import plain_language_effects, readable_number
from .messages import translatable

STYLE = """
body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:980px;margin:24px auto;color:#222;line-height:1.45}
h1{color:#173a57} h2{color:#2b5f8a;border-bottom:1px solid #ccd;padding-bottom:3px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0} td,th{border:1px solid #ccd;padding:4px 8px;text-align:right}
th{background:#eef2f6} td:first-child,th:first-child{text-align:left} td:not(:first-child){white-space:nowrap}
.note{background:#fff8e1;border-left:4px solid #f2a900;padding:6px 10px;margin:6px 0}
.plain{background:#eef6ee;border-left:4px solid #1a9641;padding:6px 10px;margin:6px 0}
.small{color:#666;font-size:90%}
"""


def fire_model_report(result, title, translate=lambda text: text, field_labels=None):
    """The whole report as one HTML string. result: firemodel.FireModelResult; field_labels: a readable label
    per factor field where one is known (e.g. the field's alias), shown in full beside the field name."""
    t = translate
    labels = {name: (field_labels or {}).get(name) or name for name in result.chosen}
    model = result.model
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
    for sentence in plain_language_effects(result, labels):
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

    parts.append(factor_table(result, labels, t))

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
        parts.append("<p>{}</p>".format(escape(t(clustering_message(moran_p, model["use_history"])))))
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


def clustering_message(moran_p, use_history):
    """What the residuals' clustering means, and what to do: history is advised only when it is off."""
    if moran_p >= 0.05:
        return translatable("No clear spatial clustering is left in the errors.")
    if use_history:
        return translatable("Neighbouring areas' errors are alike: the factors miss something local. The forecast "
                            "already uses each area's own history, which absorbs much of it; to explain it, consider "
                            "adding a local factor (e.g. a neighbourhood measure or the station ground).")
    return translatable("Neighbouring areas' errors are alike (spatial clustering the factors miss): consider adding a "
                        "local factor, or using each area's own history.")


def p_value_text(p):
    return "<\u00a00.001" if p < 0.001 else "{:.3f}".format(p)  # a no-break space: one line in a narrow cell


def factor_table(result, labels, translate):
    """Each chosen factor's effect per standard deviation (a typical difference between areas), which reads
    better than per unit when units differ (ranks, %, £); the chart shows the same with its interval."""
    t = translate
    z = special.ndtri(0.975)
    model, fit = result.model, result.fit
    rows = ["<tr><td>{}</td><td colspan='5'>{}</td></tr>".format(
        escape(t(translatable("Baseline incidents per household a year"))), readable_number(np.exp(fit.params[0])))]
    effects, errors = [], []
    for k, name in enumerate(result.chosen, start=1):
        b, se, sd = fit.params[k], fit.bse[k], model["factor_sd"][name]
        p = 2 * special.ndtr(-abs(b / se)) if se > 0 else float("nan")
        ratio, low, high = np.exp(b * sd), np.exp((b - z * se) * sd), np.exp((b + z * se) * sd)
        shown = escape(labels[name]) + ("" if labels[name] == name else "<br><span class='small'>{}</span>".format(
            escape(name)))
        rows.append("<tr><td>{}</td><td>{}</td><td>{:.3f}</td><td>{:.3f}–{:.3f}</td><td>{}</td><td>{:+.1f}%</td>"
                    "</tr>".format(shown, readable_number(sd), ratio, low, high, p_value_text(p), 100 * (ratio - 1)))
        effects.append(100 * (ratio - 1))
        errors.append((100 * (low - 1), 100 * (high - 1)))
    html = "<table><tr>{}</tr>{}</table>".format("".join("<th>{}</th>".format(escape(t(heading))) for heading in (
        translatable("Factor"), translatable("One standard deviation (a typical difference)"),
        translatable("Rate ratio per standard deviation"), translatable("95% interval"), translatable("p-value"),
        translatable("Change per standard deviation"))), "".join(rows))
    html += "<p class='small'>{}</p>".format(escape(t(translatable(
        "A rate ratio of 1.2 means 20% more incidents per household where the factor is one standard deviation "
        "higher, other factors being equal. The model file keeps the coefficients per unit of each factor."))))
    if effects:
        html += charts.bar_chart([labels[name] for name in result.chosen], effects,
                                 t(translatable("Factor effects: % change in fires per standard deviation")),
                                 colours=["#d7191c" if e > 0 else "#1a9641" for e in effects],
                                 value_format="{:+.0f}%", errors=errors)
    return html
