"""How many houses in multiple occupation (HMOs) an area holds, how many are licensed, and the share
that is not: the evidence behind an additional licensing designation (Housing Act 2004, s56).

Two ways in:
- property mode: a probability per property (from Find unlicensed HMOs) summed per area. Licensed HMOs
  count as known; each unlicensed property is an HMO with its probability, independently, so the number
  of unknown HMOs in an area is Poisson-binomial. Its interval is exact, by convolution.
- area mode: HMO fires per area modelled on census factors by a negative binomial GLM (glm.py), each
  area's expected HMO fire rate shrunk toward the model by empirical Bayes, then turned into HMOs by
  an assumed rate of recorded fires per HMO (or shares of a stock total the council already knows).
  Intervals are simulated: the coefficients' uncertainty and each area's posterior together.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import glm
from .messages import AnalysisError, Note, listed, no_progress, translatable

# Recorded HMO fires per 1,000 HMOs a year. An assumption, not a measurement: London recorded about
# 145 HMO dwelling fires a year in 2013-16; against a London HMO stock of the order of 150,000 that is
# about one a year per 1,000 HMOs. Every estimate scales inversely with it; the ranking does not.
DEFAULT_FIRES_PER_1000_HMOS = 1.0
SIMULATIONS = 1000
IMPLAUSIBLE_SHARE = 0.15  # of households in HMOs, above which the assumed fire rate is said not to fit
SEED = 20041118  # the Housing Act 2004's royal assent: fixed, so a rerun gives the same intervals
COLUMNS = ("estimated_hmos", "estimated_hmos_low", "estimated_hmos_high", "licensed_hmos", "unlicensed_share",
           "unlicensed_share_low", "unlicensed_share_high")


@dataclass
class Prevalence:
    """Per area (rows in the areas' order): the COLUMNS, plus what the report needs."""
    table: pd.DataFrame
    mode: str
    level: float
    total: tuple  # (estimated, low, high) HMOs over all areas
    notes: list = field(default_factory=list)
    model: dict = field(default_factory=dict)  # area mode: coefficients, dispersion, the scaling assumed

    def licensed_total(self):
        licensed = self.table["licensed_hmos"]
        return float(licensed.sum()) if licensed.notna().any() else None


# --- property mode ---------------------------------------------------------------------------------

def poisson_binomial_interval(probabilities, level=0.95):
    """(mean, low, high) of the number of successes among independent trials with these probabilities,
    from the exact distribution built by convolution, one trial at a time."""
    p = np.asarray(probabilities, dtype=float)
    certain = int(np.sum(p >= 1))
    p = p[(p > 0) & (p < 1)]
    distribution = np.ones(1)
    for probability in p:
        grown = np.zeros(len(distribution) + 1)
        grown[:-1] = distribution * (1 - probability)
        grown[1:] += distribution * probability
        distribution = grown
    cumulative = np.cumsum(distribution)
    tail = (1 - level) / 2
    low = int(np.searchsorted(cumulative, tail - 1e-12))
    high = int(np.searchsorted(cumulative, 1 - tail - 1e-12))
    return certain + float(p.sum()), float(certain + low), float(certain + min(high, len(p)))


def check_probabilities(probability, licensed):
    """Probabilities in [0, 1] and licensed flags 0/1, as floats; a clear message naming what is wrong."""
    probability = np.asarray(probability, dtype=float)
    licensed = np.asarray(licensed, dtype=float)
    bad = ~np.isfinite(probability) | (probability < 0) | (probability > 1)
    if bad.any():
        raise AnalysisError(translatable("{} propert(ies) have an HMO probability that is missing or not between 0 "
                                         "and 1 (e.g. {}). Use the output of Find unlicensed HMOs."),
                            int(bad.sum()), listed(np.unique(probability[bad]).tolist(), 3))
    bad = ~np.isin(licensed, (0, 1))
    if bad.any():
        raise AnalysisError(translatable("{} propert(ies) have a licensed flag that is neither 0 nor 1 (e.g. {})."),
                            int(bad.sum()), listed(np.unique(licensed[bad]).tolist(), 3))
    return probability, licensed


def property_prevalence(area_of_property, probability, licensed, n_areas, level=0.95, progress=no_progress,
                        probability_low=None, probability_high=None):
    """Per area: licensed HMOs plus the expected unlicensed ones (the sum of their probabilities), with the
    exact Poisson-binomial interval. area_of_property: the area index per property, -1 outside all.
    probability_low/high (optional, from Find unlicensed HMOs): the probabilities at either end of the interval of
    the share of HMOs on the register; the interval then runs from the low end's lower bound to the high end's
    upper bound, so that it carries that uncertainty, the largest, as well as chance."""
    probability, licensed = check_probabilities(probability, licensed)
    ends = None
    if probability_low is not None and probability_high is not None:
        ends = [check_probabilities(p, licensed)[0] for p in (probability_low, probability_high)]
    area_of_property = np.asarray(area_of_property)
    outside = int(np.sum(area_of_property < 0))
    notes = [Note(translatable("{} propert(ies) lie outside every area and are counted in none."), outside,
                  warning=True)] if outside else []
    inside = area_of_property >= 0
    licensed_per_area = np.bincount(area_of_property[inside], weights=licensed[inside], minlength=n_areas)
    unknown = inside & (licensed == 0)
    # The unlicensed properties grouped by area once (a stable sort), not searched for area by area.
    order = np.argsort(area_of_property[unknown], kind="stable")
    grouped_area, grouped_p = area_of_property[unknown][order], probability[unknown][order]
    grouped_low, grouped_high = (grouped_p, grouped_p) if ends is None else (e[unknown][order] for e in ends)
    bounds = np.searchsorted(grouped_area, np.arange(n_areas + 1))
    rows = []
    for area in range(n_areas):
        progress(area / max(n_areas, 1))
        known = float(licensed_per_area[area])
        part = slice(bounds[area], bounds[area + 1])
        mean, low, high = poisson_binomial_interval(grouped_p[part], level)
        if ends is not None:
            low = poisson_binomial_interval(grouped_low[part], level)[1]
            high = poisson_binomial_interval(grouped_high[part], level)[2]
        rows.append(_row(known + mean, known + low, known + high, known))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    # The total over areas: the same sums, their intervals by the normal approximation (many trials).
    known_total = float(table["licensed_hmos"].sum())
    quantile = _normal_quantile(level)
    low_sum, high_sum = float(grouped_low.sum()), float(grouped_high.sum())
    low = max(low_sum - quantile * np.sqrt(np.sum(grouped_low * (1 - grouped_low))), 0.0)
    high = high_sum + quantile * np.sqrt(np.sum(grouped_high * (1 - grouped_high)))
    total = (known_total + float(grouped_p.sum()), known_total + low, known_total + high)
    return Prevalence(table, "property", level, total, notes, {"share_interval": ends is not None})


def _row(estimated, low, high, licensed):
    """One area's columns; the share unlicensed rises with the estimate, so its interval follows."""
    def share(value):
        return (1 - licensed / value) if licensed is not None and value > 0 else np.nan
    return (estimated, low, high, np.nan if licensed is None else licensed, share(estimated), share(low), share(high))


def _normal_quantile(level):
    from scipy import stats

    return float(stats.norm.ppf(0.5 + level / 2))


# --- area mode -------------------------------------------------------------------------------------

@dataclass
class AreaModel:
    """The negative binomial GLM of HMO fires on standardised factors (per household-year)."""
    fit: glm.GLMFit
    names: list
    means: np.ndarray
    scales: np.ndarray
    fitted: np.ndarray  # which areas it was fitted on


def check_area_inputs(hmo_fires, households, factors, years):
    """Counts, households and factors as floats; refuses what no model can use, and notes what it fills."""
    notes = []
    if not np.isfinite(years) or years <= 0:
        raise AnalysisError(translatable("The number of years must be more than 0 (it is {})."), years)
    hmo_fires = np.asarray(hmo_fires, dtype=float)
    households = np.asarray(households, dtype=float)
    bad = np.isfinite(hmo_fires) & ((hmo_fires < 0) | (hmo_fires != np.round(hmo_fires)))
    if bad.any() or np.isinf(hmo_fires).any():
        raise AnalysisError(translatable("The HMO incident counts must be whole numbers of 0 or more; {} area(s) "
                                         "have other values (e.g. {})."),
                            int(bad.sum() + np.isinf(hmo_fires).sum()),
                            listed(np.unique(hmo_fires[bad | np.isinf(hmo_fires)]).tolist(), 3))
    usable = np.isfinite(hmo_fires) & np.isfinite(households) & (households > 0)
    if (~usable).any():
        notes.append(Note(translatable("{} area(s) have no HMO incident count or no households (missing, 0 or "
                                       "negative): they are left out of the model and get no estimate."),
                          int((~usable).sum()), warning=True))
    frame = pd.DataFrame({name: np.asarray(values, dtype=float) for name, values in dict(factors).items()},
                         index=range(len(hmo_fires)))
    infinite = [name for name in frame.columns if np.isinf(frame[name]).any()]
    if infinite:
        raise AnalysisError(translatable("The factor(s) {} hold infinite values; fix them or leave them out."),
                            listed(infinite))
    for name in frame.columns:
        missing = int(frame[name].isna().sum())
        if missing:
            notes.append(Note(translatable("The factor '{}' is missing in {} area(s); they take its average."),
                              name, missing, warning=True))
            frame[name] = frame[name].fillna(frame.loc[usable, name].mean())
    constant = [name for name in frame.columns if frame.loc[usable, name].std() == 0 or frame[name].isna().all()]
    if constant:
        notes.append(Note(translatable("The factor(s) {} do not vary between areas and are left out."),
                          listed(constant), warning=True))
        frame = frame.drop(columns=constant)
    if usable.sum() < max(10, 2 * (frame.shape[1] + 1)):
        raise AnalysisError(translatable("Only {} area(s) have both an HMO incident count and households; the model "
                                         "needs at least {}."), int(usable.sum()), max(10, 2 * (frame.shape[1] + 1)))
    if np.nansum(hmo_fires[usable]) == 0:
        raise AnalysisError(translatable("No area has any HMO incident, so there is nothing to model. Check the HMO "
                                         "incident field and the filter that counted the incidents."))
    return hmo_fires, households, frame, usable, notes


def fit_area_model(hmo_fires, households, factors, years, usable):
    """log E[fires] = log(households x years) + b0 + b . z(factors), fitted on the usable areas."""
    names = list(factors.columns)
    values = factors.to_numpy(dtype=float)
    means = values[usable].mean(axis=0) if names else np.zeros(0)
    scales = values[usable].std(axis=0) if names else np.zeros(0)
    design = _design(values, means, scales)
    offset = np.log(households[usable] * years)
    fit = glm.estimate_alpha(hmo_fires[usable], design[usable], offset)
    if not fit.converged or not np.all(np.isfinite(fit.params)):
        raise AnalysisError(translatable("The model of HMO incidents on the factors did not converge. Try fewer "
                                         "factors, or factors that are not near copies of one another."))
    return AreaModel(fit, names, means, scales, usable)


def _design(values, means, scales):
    standard = (values - means) / np.where(scales > 0, scales, 1.0) if values.shape[1] else values
    return np.column_stack([np.ones(len(values)), standard])


def area_prevalence(hmo_fires, households, factors, years, licensed=None, fires_per_1000_hmos=None,
                    total_hmos=None, level=0.95, progress=no_progress):
    """Area mode: estimated HMOs per area with simulated intervals, from HMO fires and census factors."""
    hmo_fires, households, frame, usable, notes = check_area_inputs(hmo_fires, households, factors, years)
    if total_hmos is not None and not total_hmos > 0:
        raise AnalysisError(translatable("The total number of HMOs must be more than 0 (it is {})."), total_hmos)
    rate = DEFAULT_FIRES_PER_1000_HMOS if fires_per_1000_hmos is None else fires_per_1000_hmos
    if not rate > 0:
        raise AnalysisError(translatable("Recorded HMO fires per 1,000 HMOs a year must be more than 0 (it is {})."),
                            rate)
    model = fit_area_model(hmo_fires, households, frame, years, usable)
    progress(0.3)
    draws = posterior_fire_draws(model, hmo_fires, households, frame, years, progress)
    per_year = draws / years  # expected HMO fires a year per area, one column per simulation
    if total_hmos is not None:
        hmos = total_hmos * per_year / per_year.sum(axis=0, keepdims=True)
    else:
        hmos = per_year * 1000.0 / rate
    licensed = None if licensed is None else np.asarray(licensed, dtype=float)
    if licensed is not None and (np.nan_to_num(licensed) < 0).any():
        raise AnalysisError(translatable("Licensed HMO counts cannot be negative ({} area(s))."),
                            int((np.nan_to_num(licensed) < 0).sum()))
    table = _area_table(hmos, usable, licensed, level)
    totals = hmos.sum(axis=0)
    tail = (1 - level) / 2
    total = (float(np.mean(totals)), float(np.quantile(totals, tail)), float(np.quantile(totals, 1 - tail)))
    summary = _model_summary(model, rate, total_hmos, years)
    summary["households"] = float(households[usable].sum())
    if total_hmos is None and total[0] > IMPLAUSIBLE_SHARE * summary["households"]:
        notes.append(Note(translatable(
            "By this estimate {:.0%} of the areas' households live in HMOs, which is implausibly high: the assumed "
            "{} recorded HMO fires per 1,000 HMOs a year does not fit these incidents (how fires are flagged as HMO "
            "varies between services). Give your own rate, or a stock total to share out."),
            total[0] / summary["households"], rate, warning=True))
    return Prevalence(table, "area", level, total, notes, summary)


def posterior_fire_draws(model, hmo_fires, households, factors, years, progress=no_progress,
                         simulations=SIMULATIONS):
    """Draws of each usable area's expected HMO fires over the period: coefficients from their sampling
    distribution, then the area's own rate from its gamma posterior given its fires (empirical Bayes)."""
    rng = np.random.default_rng(SEED)
    usable = model.fitted
    design = _design(factors.to_numpy(dtype=float)[usable], model.means, model.scales)
    offset = np.log(households[usable] * years)
    coefficients = rng.multivariate_normal(model.fit.params, model.fit.cov, size=simulations, method="eigh")
    prior_mean = np.exp(design @ coefficients.T + offset[:, None])  # areas x simulations
    shape = 1.0 / max(model.fit.alpha, 1e-8)
    y = hmo_fires[usable][:, None]
    # Prior Gamma(shape, mean prior_mean); after y fires in the period, Gamma(shape + y, rate shape/mean + 1).
    posterior = rng.gamma(shape + y, 1.0 / (shape / prior_mean + 1.0))
    progress(0.9)
    draws = np.full((len(usable), simulations), np.nan)
    draws[usable] = posterior
    return np.nan_to_num(draws)


def _area_table(hmos, usable, licensed, level):
    tail = (1 - level) / 2
    mean = hmos.mean(axis=1)
    low, high = np.quantile(hmos, tail, axis=1), np.quantile(hmos, 1 - tail, axis=1)
    rows = []
    for i in range(len(mean)):
        known = None if licensed is None or not np.isfinite(licensed[i]) else float(licensed[i])
        if not usable[i]:
            rows.append((np.nan,) * 3 + (np.nan if known is None else known,) + (np.nan,) * 3)
            continue
        # Licensed HMOs are HMOs: an estimate below the register's count is raised to it.
        floor = known or 0.0
        rows.append(_row(max(mean[i], floor), max(low[i], floor), max(high[i], floor), known))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _model_summary(model, rate, total_hmos, years):
    names = ["(intercept)"] + model.names
    return {"coefficients": dict(zip(names, model.fit.params.tolist())),
            "standard_errors": dict(zip(names, model.fit.bse.tolist())),
            "alpha": float(model.fit.alpha), "areas_fitted": int(model.fitted.sum()),
            "fires_per_1000_hmos": None if total_hmos is not None else rate, "total_hmos": total_hmos,
            "years": years, "baseline_rate_per_1000_households": float(np.exp(model.fit.params[0]) * 1000.0)}


def expected_fires(hmo_fires, households, factors, years):
    """Each area's expected HMO fires over a period as long as the one fitted: the empirical Bayes posterior
    mean. This is the ranking the real-data test and the bench compare with past fires alone."""
    hmo_fires, households, frame, usable, _ = check_area_inputs(hmo_fires, households, factors, years)
    model = fit_area_model(hmo_fires, households, frame, years, usable)
    design = _design(frame.to_numpy(dtype=float), model.means, model.scales)
    prior_mean = np.exp(design @ model.fit.params + np.log(np.where(usable, households, 1.0) * years))
    shape = 1.0 / max(model.fit.alpha, 1e-8)
    posterior = (shape + np.nan_to_num(hmo_fires)) / (shape / prior_mean + 1.0)
    return np.where(usable, posterior, 0.0), model


# --- validation: capture of later fires ------------------------------------------------------------

def top_share(score, later, fraction=0.1):
    """Share of later events in the top `fraction` of areas ranked by score. Ties at the cut are shared out
    fairly (the expectation under a random order within the tie), so a coarse score gains nothing by luck."""
    score = np.asarray(score, dtype=float)
    later = np.asarray(later, dtype=float)
    k = fraction * len(score)
    captured, taken = 0.0, 0.0
    for value in np.unique(score)[::-1]:
        tied = score == value
        n = tied.sum()
        take = min(n, k - taken)
        captured += later[tied].sum() * take / n
        taken += take
        if taken >= k:
            break
    return captured / later.sum() if later.sum() > 0 else np.nan


# --- the report ------------------------------------------------------------------------------------

FACTOR_WORDS = {
    "pct_private_rented": translatable("households renting privately (share)"),
    "pct_converted_or_shared": translatable("households in a converted or shared house, bedsits included (share)"),
    "pct_overcrowded": translatable("households with fewer bedrooms than they need (share)"),
    "pct_large_households": translatable("households of five or more people (share)"),
    "pct_one_person": translatable("one-person households (share)"),
}


def census_housing_factors(census):
    """The area-mode factors as shares of households, from Census 2021 counts (TS054 tenure, TS044
    accommodation type, TS052 occupancy rating, TS017 household size) with the column names of
    census2021_lsoa21_housing.csv."""
    households = census["households"].where(census["households"] > 0)
    return pd.DataFrame({
        "pct_private_rented": census["private_rented"] / households,
        "pct_converted_or_shared": (census["converted_or_shared_house"] + census["other_converted_building"]
                                    + census["in_commercial_building"]) / households,
        "pct_overcrowded": (census["occ_bed_minus1"] + census["occ_bed_minus2_or_less"]) / households,
        "pct_large_households": census[["hh_size_5", "hh_size_6", "hh_size_7", "hh_size_8_plus"]].sum(axis=1)
        / households,
        "pct_one_person": census["hh_size_1"] / households,
    }, index=census.index)


def report_html(prevalence, area_ids, translate=lambda text: text, top=15):
    """A one-page summary for a council consulting on additional licensing (Housing Act 2004, s56)."""
    from html import escape

    t = lambda text: escape(translate(text))  # noqa: E731
    table = prevalence.table.assign(area=list(area_ids))
    estimated, low, high = prevalence.total
    licensed = prevalence.licensed_total()
    level = "{:.0f}%".format(100 * prevalence.level)
    if prevalence.model.get("total_hmos") is not None:
        headline = t(translatable("Across {} areas: {} HMOs, the stock total you gave, shared out between them.")).format(
            len(table), _number(estimated))
    else:
        headline = t(translatable("Across {} areas: an estimated {} HMOs ({} interval {} to {}).")).format(
            len(table), _number(estimated), level, _number(low), _number(high))
    if prevalence.model.get("households"):
        headline += " " + t(translatable("That is {} of the areas' {} households.")).format(
            "{:.1%}".format(estimated / prevalence.model["households"]), _number(prevalence.model["households"]))
    if licensed is not None and estimated > 0:
        headline += " " + t(translatable("{} are licensed, so about {} of HMOs are not.")).format(
            _number(licensed), "{:.0%}".format(max(0.0, 1 - licensed / estimated)))
    else:
        headline += " " + t(translatable("No licensed HMO counts were given, so the unlicensed share is not known."))
    ranked = table[table["estimated_hmos"].notna()].sort_values("estimated_hmos", ascending=False).head(top)
    rows = "".join(
        "<tr><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td></tr>".format(
            escape(str(r.area)), _number(r.estimated_hmos), _number(r.estimated_hmos_low),
            _number(r.estimated_hmos_high), "" if np.isnan(r.licensed_hmos) else _number(r.licensed_hmos),
            "" if np.isnan(r.unlicensed_share) else "{:.0%}".format(r.unlicensed_share)) for r in ranked.itertuples())
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head><body style=\"font-family:"
        "Helvetica,Arial,sans-serif;max-width:860px;margin:24px auto;line-height:1.4\"><h1>{0}</h1>".format(
            t(translatable("Houses in multiple occupation: how many, where, how many unlicensed"))),
        "<p><b>{}</b></p>".format(headline),
        "<h2>{}</h2><table border='1' cellpadding='4' style='border-collapse:collapse'><tr><th>{}</th><th>{}</th>"
        "<th>{}</th><th>{}</th><th>{}</th></tr>{}</table>".format(
            t(translatable("The {} areas with most HMOs")).format(len(ranked)), t(translatable("Area")),
            t(translatable("Estimated HMOs")), t(translatable("Interval")), t(translatable("Licensed")),
            t(translatable("Unlicensed share")), rows),
        "<h2>{}</h2><p>{}</p>".format(t(translatable("What the estimate means")), _meaning(prevalence, t, level)),
        _model_html(prevalence, t),
        "<h2>{}</h2><p>{}</p>".format(t(translatable("Using it for an additional licensing designation (Housing Act "
                                                     "2004, s56)")), t(S56_TEXT)),
        "</body></html>"]
    return "".join(parts)


S56_TEXT = translatable(
    "Before designating an area for additional licensing, a council must consider that a significant proportion "
    "of the HMOs of the description it names are being managed so ineffectively as to give rise, or be likely "
    "to give rise, to problems for their occupiers or the public (s56(2)); it must take reasonable steps to "
    "consult those likely to be affected and consider what they say (s56(3)); and the designation must fit its "
    "housing strategy and follow a look at other courses of action (s57). This page is evidence of how many "
    "HMOs there are, where, and how many are outside licensing. It is not evidence of poor management: pair it "
    "with complaints, inspections and enforcement records for the same areas, and publish the method with the "
    "consultation.")


def _meaning(prevalence, t, level):
    if prevalence.mode == "property" and prevalence.model.get("share_interval"):
        return t(translatable(
            "Each area's estimate is its licensed HMOs plus the sum of the other properties' HMO probabilities from "
            "Find unlicensed HMOs. The {} interval carries two uncertainties: chance (each property an HMO or not, "
            "independently, with its probability: an exact Poisson-binomial interval) and, the larger, the share of "
            "HMOs that are on the register, which sets the probabilities' level (its low end gives the high "
            "probabilities and the high end the low ones). The probabilities are only as good as the assumption "
            "that licensed HMOs look like unlicensed ones.")).format(level)
    if prevalence.mode == "property":
        return t(translatable(
            "Each area's estimate is its licensed HMOs plus the sum of the other properties' HMO probabilities from "
            "Find unlicensed HMOs. The {} interval treats each property as an HMO or not, independently, with its "
            "probability (an exact Poisson-binomial interval). It is only as good as those probabilities: if they "
            "are uncalibrated (no inspection outcomes), or calibrated on inspections aimed at likely HMOs, the "
            "count is too high. A licensed share well below the one you know for your area is the sign.")).format(
            level)
    model = prevalence.model
    if model.get("total_hmos") is not None:
        scale = t(translatable("the stock total you gave ({} HMOs) is shared out in proportion to each area's "
                               "expected HMO fire rate, so the areas' estimates add up to it")).format(
            _number(model["total_hmos"]))
    else:
        scale = t(translatable("each area's expected HMO fires a year are divided by an assumed {} recorded HMO "
                               "fires per 1,000 HMOs a year. That rate is an assumption, not a measurement: halve "
                               "it and every estimate doubles")).format(model["fires_per_1000_hmos"])
    return t(translatable(
        "There is no register of all HMOs, so the count is inferred from fires. HMO fires over {} year(s) are "
        "modelled on the area factors (a negative binomial model with households as exposure); each area's own "
        "fires then pull its expected rate away from the model, the more so the more fires it had (empirical "
        "Bayes). Then {}. The {} interval covers the uncertainty of the model and of each area's rate, not that of "
        "the scaling. Rank and compare areas with confidence; read the absolute numbers as an order of "
        "magnitude.")).format("{:g}".format(model["years"]), scale, level)


def _model_html(prevalence, t):
    if prevalence.mode != "area":
        return ""
    model = prevalence.model
    rows = "".join("<tr><td>{}</td><td>{:.2f}</td><td>{:.2f} – {:.2f}</td></tr>".format(
        t(FACTOR_WORDS[name]) if name in FACTOR_WORDS else escape_name(name), np.exp(value),
        np.exp(value - 1.96 * model["standard_errors"][name]), np.exp(value + 1.96 * model["standard_errors"][name]))
        for name, value in model["coefficients"].items() if name != "(intercept)")
    if not rows:
        return "<p>{}</p>".format(t(translatable("No factors were given: each area is shrunk toward the average rate.")))
    return ("<h2>{}</h2><p>{}</p><table border='1' cellpadding='4' style='border-collapse:collapse'><tr><th>{}</th>"
            "<th>{}</th><th>95%</th></tr>{}</table><p>{}</p>").format(
        t(translatable("What goes with more HMO fires")),
        t(translatable("The rate ratio is how many times the HMO fire rate per household changes for one standard "
                       "deviation more of the factor, the others held equal.")),
        t(translatable("Factor")), t(translatable("Rate ratio")), rows,
        t(translatable("Fitted on {} areas; dispersion {:.2f}.")).format(model["areas_fitted"], model["alpha"]))


def escape_name(name):
    from html import escape

    return escape(str(name))


def _number(value):
    return "{:,.0f}".format(value) if np.isfinite(value) else ""


def prior_expected_fires(model, households, factors, years):
    """Expected HMO fires over the period from the factors alone (the model's prior, before each area's own
    fires pull it): for comparing what the census says with what the fires add."""
    frame = pd.DataFrame({name: np.asarray(factors[name], dtype=float) for name in model.names})
    frame = frame.fillna(pd.Series(model.means, index=model.names))
    design = _design(frame.to_numpy(dtype=float), model.means, model.scales)
    return np.exp(design @ model.fit.params) * np.asarray(households, dtype=float) * years
