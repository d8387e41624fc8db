"""The fire-risk model: which factors explain incident counts per area, a forward-looking forecast of
incidents per household, and London Fire Brigade's five risk bands.

Model: incidents_i ~ Poisson or NB2 with log E = log(households_i * years) + b0 + x_i . b.
Forecast: the modelled rate, optionally shrunk towards each area's own history (empirical Bayes:
the gamma-Poisson posterior mean), so persistent hot spots are kept without chasing one bad year.
"""
from dataclasses import dataclass, field

import numpy as np

from . import glm
from .banding import Banding
from .messages import AnalysisError, Note, listed, no_progress, translatable

FAMILIES = ("auto", glm.POISSON, glm.NEGATIVE_BINOMIAL)
SELECTIONS = ("none", "aic", "bic", "lasso")
MODEL_FORMAT = "community-risk-fire-model"
OUTPUT_FIELDS = ("observed", "predicted", "rate_10k", "one_in_x", "band", "band_label", "excess", "pearson_resid",
                 "expected")
IDENTIFIER_NAMES = ("id", "fid", "objectid", "ogc_fid")
AREAS_PER_FACTOR = 10  # the data support about one factor per ten areas


@dataclass
class FireModelOptions:
    years: float
    family: str = "auto"
    selection: str = "aic"
    max_factors: int = 15
    use_history: bool = True
    banding: Banding = field(default_factory=Banding)


@dataclass
class PreparedData:
    keep: np.ndarray  # areas used in the fit
    y: np.ndarray
    households: np.ndarray
    factors: np.ndarray  # kept areas x usable factors, missing values filled
    names: list
    fills: dict  # factor -> value used for missing entries
    notes: list = field(default_factory=list)


@dataclass
class FireModelResult:
    model: dict  # what MODEL json holds
    table: dict  # per-area output columns (arrays over all input areas; NaN where left out)
    notes: list
    fit: glm.GLMFit
    chosen: list
    selection: object
    overdispersion: object
    null_deviance: float
    morans_i: tuple = (float("nan"), float("nan"))
    factor_sd: dict = field(default_factory=dict)
    banding: Banding = field(default_factory=Banding)  # with its thresholds, fitted where data-driven


def count_family(count_name, names):
    """Fields that are other counts of the same incidents: for 'incidents' its 'incidents_*' fields, and for a
    year's count such as 'incidents_2016' also the total 'incidents' (which contains it) and the other years."""
    import re

    stem = re.sub(r"_(1[89]|20)\d\d$", "", count_name.lower())
    own = count_name.lower()
    return [name for name in names
            if name.lower() != own and (name.lower() == stem or name.lower().startswith(stem + "_"))]


def default_factor_names(names, count_name, households_name, id_name=""):
    """Every numeric field that may explain the count: not the count, the households, identifiers, a previous
    model's outputs, nor other counts of the same incidents. Returns (factors, other counts left out)."""
    excluded = {count_name.lower(), households_name.lower(), (id_name or "").lower()}
    excluded |= set(OUTPUT_FIELDS) | set(IDENTIFIER_NAMES)
    family = set(count_family(count_name, names))
    chosen = [name for name in names if name.lower() not in excluded and name not in family
              and not name.lower().endswith("_id")]
    return chosen, [name for name in names if name in family]


def count_copy_reason(values, counts, households):
    """Why a factor would leak the count into the model (None if it does not): it equals the count, is
    proportional to it, or is the count per household (a rate made from it)."""
    given = np.isfinite(values)
    if given.sum() < 3 or np.ptp(values[given]) == 0:
        return None
    if np.array_equal(values[given], counts[given]):
        return translatable("it is a copy of the count")
    for target, reason in ((counts, translatable("it is proportional to the count")),
                           (counts / households, translatable("it is the count per household, a rate made from "
                                                              "the count"))):
        if np.ptp(target[given]) > 0 and np.corrcoef(values[given], target[given])[0, 1] > 0.99999:
            return reason
    return None


def year_fields(count_name, names):
    """{year: field} of the per-year counts Count incidents writes beside a count ('incidents_2016')."""
    import re

    pattern = re.compile(re.escape(count_name) + r"_((?:1[89]|20)\d\d)$", re.IGNORECASE)
    return {int(match.group(1)): name for name in names for match in [pattern.match(name)] if match}


def check_years(years, count_name, counts, yearly):
    """The years the user says the count covers against the span the layer records, where it records one.

    yearly: {year: per-area counts} of the count's per-year fields ({} when there are none). A count named
    for one year ('incidents_2016') covers one year. Raises AnalysisError on a clear mismatch; returns Notes
    (a warning where the figure is possible only with a window starting or ending part-way through a year)."""
    import re

    if re.search(r"_(1[89]|20)\d\d$", count_name) and not yearly and years > 1:
        raise AnalysisError(translatable("The count field '{}' holds one calendar year's incidents, but 'Years the "
                                         "counts cover' is {:g}: give 1."), count_name, years)
    if not yearly:
        return [Note(translatable("The counts in '{}' are taken to cover {:g} year(s), as given."), count_name, years)]
    counts = np.asarray(counts, dtype=float)
    total = np.sum([np.asarray(values, dtype=float) for values in yearly.values()], axis=0)
    first, last = min(yearly), max(yearly)
    span = last - first + 1
    if not np.allclose(np.nan_to_num(total), np.nan_to_num(counts)):
        return [Note(translatable("The per-year fields of '{}' ({}–{}) do not add up to it, so the {:g} year(s) "
                                  "given could not be checked."), count_name, first, last, years, warning=True)]
    if years > span + 1e-6 or years < span - 2 - 1e-6:
        raise AnalysisError(translatable("'Years the counts cover' is {:g}, but the count field '{}' holds the "
                                         "incidents of {} calendar year(s), {} to {} (its per-year fields): give "
                                         "{}."), years, count_name, span, first, last, span)
    if abs(years - span) > 1e-6:
        return [Note(translatable("'Years the counts cover' is {:g}, but the per-year fields of '{}' span {} "
                                  "calendar years ({}–{}): right only if the count's window began or ended part-way "
                                  "through a year."), years, count_name, span, first, last, warning=True)]
    return [Note(translatable("The counts in '{}' cover {:g} year(s), {}–{}, as its per-year fields show."),
                 count_name, years, first, last)]


def prepare_data(ids, counts, households, factors, count_name, households_name):
    """Check and clean the inputs; every problem either raises AnalysisError or becomes a Note."""
    import pandas as pd

    ids = np.asarray(ids, dtype=object)
    notes = []
    counts = pd.to_numeric(pd.Series(counts, dtype=object), errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(counts)
    if bad.any():
        raise AnalysisError(translatable("The count field '{}' is missing or not a number for {} area(s): {}."),
                            count_name, int(bad.sum()), listed(ids[bad]))
    if (counts < 0).any():
        raise AnalysisError(translatable("The count field '{}' has negative counts, in areas {}."),
                            count_name, listed(ids[counts < 0]))
    fractional = counts != np.round(counts)
    if fractional.any():
        raise AnalysisError(translatable("The count field '{}' has fractional counts (e.g. {}), in areas {}; "
                                         "incident counts must be whole numbers."),
                            count_name, counts[fractional][0], listed(ids[fractional]))
    households = pd.to_numeric(pd.Series(households, dtype=object), errors="coerce").to_numpy(dtype=float)
    keep = np.isfinite(households) & (households > 0)
    if not keep.any():
        raise AnalysisError(translatable("No area has a positive number of households in the field '{}'."),
                            households_name)
    if not keep.all():
        notes.append(Note(translatable("{} area(s) with zero, negative or missing households in '{}' were left "
                                       "out of the model: {}."), int((~keep).sum()), households_name,
                          listed(ids[~keep], 20), warning=True))
    if counts[keep].sum() == 0:
        raise AnalysisError(translatable("The count field '{}' is zero in every area: there are no incidents "
                                         "to model."), count_name)

    names, columns, fills = [], [], {}
    for name in factors.columns:
        raw = factors[name].to_numpy()[keep]
        values = pd.to_numeric(pd.Series(raw), errors="coerce").to_numpy(dtype=float)
        missing = ~np.isfinite(values)
        if missing.any():
            given = pd.Series(raw).notna().to_numpy()
            if given.any() and raw.dtype == object:
                given &= (pd.Series(raw).astype(str).str.strip() != "").to_numpy()
            if given.any() and not np.isfinite(values[given]).any():
                notes.append(Note(translatable("Factor '{}' was dropped: it is not numeric."), name, warning=True))
                continue
        if missing.all():
            notes.append(Note(translatable("Factor '{}' was dropped: it has no values."), name, warning=True))
            continue
        if np.nanmax(values) == np.nanmin(values):
            notes.append(Note(translatable("Factor '{}' was dropped: it is the same in every area."), name,
                              warning=True))
            continue
        leak = count_copy_reason(values, counts[keep], households[keep])
        if leak is None and count_family(count_name, [name]) and (values >= counts[keep]).all():
            leak = translatable("it is a total of the same incidents that contains the count")
        if leak is not None:
            notes.append(Note(translatable("Factor '{}' was dropped: {} '{}', so it would leak what the model is to "
                                           "forecast into its factors."), name, leak, count_name, warning=True))
            continue
        if missing.any():
            fill = float(np.nanmedian(values))
            values = np.where(missing, fill, values)
            notes.append(Note(translatable("Factor '{}': {} missing or non-numeric value(s) were filled with the "
                                           "median, {:.4g}."), name, int(missing.sum()), fill))
        else:
            fill = float(np.median(values))
        names.append(name)
        columns.append(values)
        fills[name] = fill
    matrix = np.column_stack(columns) if columns else np.empty((int(keep.sum()), 0))
    matrix, names = _drop_collinear(matrix, names, notes)
    fills = {n: fills[n] for n in names}
    return PreparedData(keep, counts[keep], households[keep], matrix, names, fills, notes)


def _drop_collinear(matrix, names, notes):
    """Drop each factor that is an exact linear combination of the intercept and earlier factors, naming
    the factors it is a combination of."""
    if not names:
        return matrix, names
    scaled = (matrix - matrix.mean(axis=0)) / matrix.std(axis=0)
    kept = []
    basis = np.ones((len(matrix), 1)) / np.sqrt(len(matrix))
    for j, name in enumerate(names):
        column = scaled[:, j]
        residual = column - basis @ (basis.T @ column)
        norm = np.linalg.norm(residual)
        if norm < 1e-7 * np.sqrt(len(matrix)):
            weights = np.linalg.lstsq(scaled[:, kept], column, rcond=None)[0] if kept else np.zeros(0)
            order = np.argsort(-np.abs(weights), kind="stable")
            partners = [names[kept[k]] for k in order if abs(weights[k]) > 1e-6]
            notes.append(Note(translatable("Factor '{}' was dropped: it is perfectly collinear with {}."), name,
                              listed(partners) or "the intercept", warning=True))
            continue
        basis = np.column_stack([basis, residual / norm])
        kept.append(j)
    return matrix[:, kept], [names[k] for k in kept]


def fit_fire_model(ids, counts, households, factors, options, count_name="incidents",
                   households_name="households", geometries=None, progress=no_progress):
    """Fit, select and forecast. factors: a DataFrame of candidate factors (one row per area).

    progress(fraction) is called through the long steps (stepwise refits, LASSO folds); it may raise
    Cancelled, which leaves the fit unfinished."""
    if options.family not in FAMILIES:
        raise AnalysisError(translatable("Unknown family '{}'."), options.family)
    if options.selection not in SELECTIONS:
        raise AnalysisError(translatable("Unknown selection method '{}'."), options.selection)
    if not options.years or options.years <= 0:
        raise AnalysisError(translatable("The number of years the counts cover must be positive, not {}."),
                            options.years)
    data = prepare_data(ids, counts, households, factors, count_name, households_name)
    progress(0.02)
    notes = list(data.notes)
    n = len(data.y)
    offset = np.log(data.households * options.years)
    means, sds = data.factors.mean(axis=0), data.factors.std(axis=0)
    standardized = (data.factors - means) / np.where(sds > 0, sds, 1)
    support = max(1, n // AREAS_PER_FACTOR)
    if n < 5:
        raise AnalysisError(translatable("Only {} area(s) can be modelled; a model needs at least 5."), n)

    # --- family: Poisson unless the counts vary more than Poisson allows ---
    screen_columns = standardized if data.factors.shape[1] <= support else standardized[:, :0]
    screen_X = np.column_stack([np.ones(n), screen_columns])
    poisson_screen = glm.fit_glm(data.y, screen_X, offset, 0.0)
    overdispersion = glm.overdispersion_test(data.y, poisson_screen, screen_X.shape[1])
    if options.family == "auto":
        family = glm.NEGATIVE_BINOMIAL if overdispersion.p_value < 0.05 else glm.POISSON
        notes.append(Note(translatable("Family: {} (overdispersion test t = {:.2f}, p = {:.3g}; Pearson "
                                       "dispersion {:.2f})."), family, overdispersion.statistic,
                          overdispersion.p_value, overdispersion.pearson_dispersion))
    else:
        family = options.family
    # Selection holds the dispersion fixed at its ML value given the Poisson screen's means (cheap, and
    # the same for every candidate); the final fit re-estimates it jointly with the chosen factors.
    selection_alpha = glm.alpha_given_means(data.y, poisson_screen.mu) if family == glm.NEGATIVE_BINOMIAL else 0.0

    # --- which factors ---
    selection = None
    if options.selection == "none":
        if len(data.names) > support:
            raise AnalysisError(translatable("{} factors are more than {} areas can support (about one factor "
                                             "per {} areas, so at most {}); choose fewer factors or a selection "
                                             "method."), len(data.names), n, AREAS_PER_FACTOR, support)
        chosen = list(range(len(data.names)))
    elif options.selection in ("aic", "bic"):
        limit = min(options.max_factors, support)
        if limit < options.max_factors:
            notes.append(Note(translatable("At most {} factors were allowed: {} areas support about one factor per "
                                           "{} areas."), limit, n, AREAS_PER_FACTOR, warning=True))
        selection = glm.forward_stepwise(data.y, standardized, data.names, offset, selection_alpha,
                                         options.selection, max_factors=limit,
                                         progress=lambda f: progress(0.05 + 0.8 * f))
        chosen = selection.chosen
    else:
        from .lasso import lasso_select

        limit = min(options.max_factors, support)
        selection = lasso_select(data.y, standardized, offset, selection_alpha, max_factors=limit,
                                 progress=lambda f: progress(0.05 + 0.8 * f))
        chosen = selection.chosen
    if getattr(selection, "capped", False):
        notes.append(Note(translatable("The selection stopped at its maximum of {} factors while other factors "
                                       "were still candidates; raise 'Maximum factors' to let it consider more."),
                          limit, warning=True))
    chosen_names = [data.names[k] for k in chosen]
    progress(0.85)

    # --- final fit on the factors as given (raw units), dispersion re-estimated ---
    X = np.column_stack([np.ones(n)] + [data.factors[:, k] for k in chosen])
    if family == glm.NEGATIVE_BINOMIAL:
        fit = glm.estimate_alpha(data.y, X, offset)
    else:
        fit = glm.fit_glm(data.y, X, offset, 0.0)
    null_fit = glm.fit_glm(data.y, np.ones((n, 1)), offset, fit.alpha)
    if not fit.converged:
        notes.append(Note(translatable("The model fit did not converge in {} iterations: its coefficients and "
                                       "forecasts may be unreliable. Try fewer factors, another family, or check "
                                       "for factors that separate areas with no incidents."), fit.n_iter,
                          warning=True))
    progress(0.9)

    model = {
        "format": MODEL_FORMAT,
        "version": 1,
        "family": family,
        "alpha": fit.alpha,
        "intercept": float(fit.params[0]),
        "coefficients": {name: float(b) for name, b in zip(chosen_names, fit.params[1:])},
        "standard_errors": {name: float(s) for name, s in zip(["(intercept)"] + chosen_names, fit.bse)},
        "factor_fill": {name: data.fills[name] for name in chosen_names},
        "factor_sd": {name: float(sds[k]) for name, k in zip(chosen_names, chosen)},
        "count_field": count_name,
        "households_field": households_name,
        "years": float(options.years),
        "use_history": bool(options.use_history),
        "history_alpha": _history_alpha(fit, data.y),
        "bands": options.banding.to_dict(),
        "selection": options.selection,
        "fit": {"areas": n, "households": float(data.households.sum()), "incidents": float(data.y.sum()),
                "aic": fit.criterion("aic", n), "bic": fit.criterion("bic", n),
                "deviance": fit.deviance, "null_deviance": null_fit.deviance,
                "deviance_explained": 1 - fit.deviance / null_fit.deviance if null_fit.deviance > 0 else 0.0,
                "log_likelihood": fit.llf, "converged": bool(fit.converged)},
    }
    table = forecast_table(model, data.keep, data.y, data.households, fit.mu)
    banding = table.pop("_banding")
    model["bands"] = banding.to_dict()
    average = 1e4 * data.y.sum() / options.years / data.households.sum()
    average_note = banding.average_note(average)
    if average_note is not None:
        notes.append(average_note)
    result = FireModelResult(model, table, notes, fit, chosen_names, selection, overdispersion,
                             null_fit.deviance, factor_sd=model["factor_sd"], banding=banding)
    if geometries is not None:
        from .spatial import contiguity_weights, morans_i

        residuals = table["pearson_resid"]
        used = np.isfinite(residuals)
        weights = contiguity_weights(np.asarray(geometries, dtype=object)[used])
        result.morans_i = morans_i(residuals[used], weights)
    progress(1.0)
    return result


def _history_alpha(fit, y):
    """Dispersion used to weigh an area's own history: the NB alpha, or a moment estimate for Poisson."""
    return float(fit.alpha if fit.alpha > 0 else glm.moment_alpha(y, fit.mu))


def forecast_table(model, keep, observed, households, expected):
    """Per-area outputs over all input areas (NaN for areas left out of the model).

    expected: modelled incidents over the count period; observed: incidents over the same period.
    """
    years = model["years"]
    n_all = len(keep)
    alpha = model["history_alpha"]
    if model["use_history"] and observed is not None and alpha > 0:
        shrink = (observed + 1.0 / alpha) / (expected + 1.0 / alpha)
    else:
        shrink = np.ones(len(expected))
    predicted = expected / years * shrink
    rate_10k = 1e4 * predicted / households
    banding = Banding.from_dict(model["bands"]).fitted(rate_10k)
    bands = banding.assign(rate_10k)
    labels = banding.labels()
    table = {}

    def spread(values, fill=np.nan, dtype=float):
        out = np.full(n_all, fill, dtype=dtype)
        out[keep] = values
        return out

    variance = expected + model["alpha"] * expected**2
    table["observed"] = spread(observed if observed is not None else np.full(len(expected), np.nan))
    table["expected"] = spread(expected)
    table["predicted"] = spread(predicted)
    table["rate_10k"] = spread(rate_10k)
    table["one_in_x"] = spread(np.divide(households, predicted, out=np.full(len(predicted), np.inf),
                                         where=predicted > 0))
    table["band"] = spread(bands, fill=0, dtype=int)
    table["band_label"] = spread(np.array([labels[b - 1] if b > 0 else "" for b in bands], dtype=object),
                                 fill="", dtype=object)
    if observed is not None:
        table["excess"] = spread(observed - expected)
        table["pearson_resid"] = spread((observed - expected) / np.sqrt(variance))
    else:
        table["excess"] = spread(np.full(len(expected), np.nan))
        table["pearson_resid"] = spread(np.full(len(expected), np.nan))
    table["_banding"] = banding
    return table


def apply_model(model, households, factors, observed=None, years=None):
    """Forecast for other areas with a saved model. factors: DataFrame with the model's factor columns.

    Missing factor values take the fill value saved with the model. With observed counts (over `years`)
    and a model that uses history, each area's forecast is shrunk towards its own history.
    Returns (table, notes, banding).
    """
    import pandas as pd

    check_model(model)
    notes = []
    missing_columns = [name for name in model["coefficients"] if name not in factors.columns]
    if missing_columns:
        raise AnalysisError(translatable("The layer lacks the model's factor field(s): {}."), listed(missing_columns))
    households = pd.to_numeric(pd.Series(households, dtype=object), errors="coerce").to_numpy(dtype=float)
    keep = np.isfinite(households) & (households > 0)
    if not keep.any():
        raise AnalysisError(translatable("No area has a positive number of households."))
    if not keep.all():
        notes.append(Note(translatable("{} area(s) with zero, negative or missing households were left out."),
                          int((~keep).sum()), warning=True))
    linear = np.full(int(keep.sum()), model["intercept"])
    for name, coefficient in model["coefficients"].items():
        values = pd.to_numeric(factors[name], errors="coerce").to_numpy(dtype=float)[keep]
        missing = ~np.isfinite(values)
        if missing.any():
            notes.append(Note(translatable("Factor '{}': {} missing value(s) took the model's fill value {:.4g}."),
                              name, int(missing.sum()), model["factor_fill"][name]))
            values = np.where(missing, model["factor_fill"][name], values)
        linear += coefficient * values
    use_years = float(years) if years else model["years"]
    with np.errstate(over="ignore", invalid="ignore"):
        expected = households[keep] * use_years * np.exp(linear)
    overflow = ~np.isfinite(expected)
    if overflow.any():
        raise AnalysisError(translatable("The model gives no finite forecast for {} area(s) (rows {}): their factor "
                                         "values are far outside those the model was fitted on."),
                            int(overflow.sum()), listed(np.flatnonzero(keep)[overflow] + 1))
    history = None
    if observed is not None:
        history = pd.to_numeric(pd.Series(observed, dtype=object), errors="coerce").to_numpy(dtype=float)[keep]
        if not np.isfinite(history).all():
            raise AnalysisError(translatable("The count field has missing values; give counts for every area."))
    applied = dict(model, years=use_years, use_history=model["use_history"] and history is not None)
    table = forecast_table(applied, keep, history, households[keep], expected)
    banding = table.pop("_banding")
    return table, notes, banding


MAX_COEFFICIENT = 1e6  # beyond this exp() overflows for ordinary factor values: a damaged or foreign file


def load_model(text, source="model file"):
    """A saved model from its JSON text, checked against the model file's schema."""
    import json

    try:
        model = json.loads(text)
    except ValueError as error:
        raise AnalysisError(translatable("The model file '{}' is not valid JSON: {}."), source, error)
    check_model(model)
    return model


def check_model(model):
    """Check a model file's contents field by field, so a damaged or edited file gets a message naming what
    is wrong instead of empty forecasts."""
    if not isinstance(model, dict) or model.get("format") != MODEL_FORMAT:
        raise AnalysisError(translatable("This is not a Community Risk fire model file."))
    if model.get("version") != 1:
        raise AnalysisError(translatable("Fire model version {} is not supported by this plugin."),
                            model.get("version"))
    for key in ("intercept", "coefficients", "factor_fill", "family", "alpha", "years", "bands"):
        if key not in model:
            raise AnalysisError(translatable("The model file has no '{}'; it is incomplete or was edited."), key)
    if model["family"] not in (glm.POISSON, glm.NEGATIVE_BINOMIAL):
        raise AnalysisError(translatable("The model file's family '{}' is not Poisson or negative binomial."),
                            model["family"])
    coefficients = model["coefficients"]
    if not isinstance(coefficients, dict):
        raise AnalysisError(translatable("The model file's 'coefficients' must map factor names to numbers."))
    _check_number("intercept", model["intercept"])
    for name, value in coefficients.items():
        _check_number("coefficients.{}".format(name), value)
        if not isinstance(model["factor_fill"], dict) or name not in model["factor_fill"]:
            raise AnalysisError(translatable("The model file has no fill value for the factor '{}'."), name)
        _check_number("factor_fill.{}".format(name), model["factor_fill"][name], limit=None)
    _check_number("alpha", model["alpha"], minimum=0.0)
    _check_number("history_alpha", model.get("history_alpha", 0.0), minimum=0.0)
    _check_number("years", model["years"], minimum=1e-9)
    Banding.from_dict(model["bands"])


def _check_number(key, value, minimum=None, limit=MAX_COEFFICIENT):
    """key: where the value sits in the file (JSON keys, not translated)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
        raise AnalysisError(translatable("In the model file, {} is {}, not a finite number: the file is damaged "
                                         "or was edited."), key, value)
    if limit is not None and abs(value) > limit:
        raise AnalysisError(translatable("In the model file, {} is {:g}, too large for a real model (at most {:g} "
                                         "in size): the file is damaged or was edited."), key, value, limit)
    if minimum is not None and value < minimum:
        raise AnalysisError(translatable("In the model file, {} is {:g}; it must be at least {:g}."), key, value,
                            minimum)


def readable_number(value):
    """A figure as a report reader expects it: 8,090 rather than 8.09e+03, 12.3, 0.012."""
    if not np.isfinite(value):
        return "–"
    size = abs(value)
    if size >= 100:
        return "{:,.0f}".format(value)
    if size >= 1:
        return "{:.3g}".format(value)
    return "{:.2g}".format(value)


def plain_language_effects(result, labels=None, top=3):
    """Sentences a fire-service reader can act on, for the strongest chosen factors (named by their labels)."""
    labels = labels or {}
    effects = []
    for name in result.chosen:
        coefficient = result.model["coefficients"][name]
        sd = result.model["factor_sd"][name]
        change = np.exp(coefficient * sd) - 1
        effects.append((abs(change), name, change, sd))
    effects.sort(reverse=True)
    sentences = []
    for _, name, change, sd in effects[:top]:
        if change > 0:
            template = translatable("Areas where '{}' is higher have more fires: a typical difference ({}, "
                                    "one standard deviation) goes with {:.0f}% more fires per household, other "
                                    "factors being equal.")
        else:
            template = translatable("Areas where '{}' is higher have fewer fires: a typical difference ({}, "
                                    "one standard deviation) goes with {:.0f}% fewer fires per household, other "
                                    "factors being equal.")
        sentences.append(Note(template, labels.get(name, name), readable_number(sd), abs(change) * 100))
    return sentences
