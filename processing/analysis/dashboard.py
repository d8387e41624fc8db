"""Performance on a page: which areas are signals and which are noise, each area beside its statistical
neighbours, a few lead indicators standing for the rest, and the change on the previous period.

Everything here is computed once over all areas (the "all areas" average is the benchmark every page shares);
the pages (dashboard_report.py) only select a group's rows.

- Funnel plot. Each area's expected count is the all-areas rate x its households x the years. Without
  overdispersion the control limits are exact Poisson quantiles, interpolated between whole counts as in
  Spiegelhalter (2005, "Funnel plots for comparing institutional performance", Stat Med 24:1185), and an area
  is a signal when its exact tail probability is below 0.001 on either side (outside the 99.8% limits).
  Where areas differ more than Poisson chance allows, tested on winsorised z-scores, the limits are widened
  by Spiegelhalter's additive random-effects method ("Handling over-dispersion of performance indicators",
  Qual Saf Health Care 2005;14:347): z-scores on the square-root scale, z = 2(sqrt(O) - sqrt(E)), winsorised
  at their 10th and 90th percentiles; phi = mean of their squares; overdispersed when n*phi exceeds the 95th
  percentile of chi-squared on n-1 degrees of freedom; then tau^2 = (n*phi - (n-1)) / (sum w - sum w^2 / sum w)
  with w = 4N (N = households x years). The limits and tail probabilities are then exact negative binomial ones
  (a Poisson count whose rate varies between areas as a gamma distribution) with the dispersion that gives the
  rates that variance on the square-root scale, alpha = 4 tau^2 / rate0: like the additive method for large
  areas, and, unlike its normal approximation, right for small counts (an area with no incident in three years
  is not a signal because a normal curve says so).
- Change on the previous period: the exact conditional test of two Poisson counts (given their total, the
  current count is binomial with p = current length / both lengths), two-sided.
- Statistical neighbours: every factor standardised over all areas (mean 0, standard deviation 1; a missing
  value counts as the mean); the distance between two areas is the root mean square of their differences in
  standard deviations (Euclidean distance / sqrt(number of factors)); an area's k nearest by that distance,
  itself excluded, are its neighbours.
- Lead indicators: factors clustered by average linkage on 1 - |Spearman correlation|, cut where the
  clusters' members correlate at |rho| >= 0.5 on average; each cluster's representative is the member with
  the highest mean |rho| with the others. Clusters are ordered by how strongly their representative goes with
  the incident rate.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from .messages import AnalysisError, Note, listed, no_progress, translatable

SIGNAL_LEVEL = 0.998  # control limits outside which an area is a signal
WARNING_LEVEL = 0.95  # the inner limits drawn on the funnel
WINSOR = 0.10  # winsorised at the 10th and 90th percentiles, as Spiegelhalter (2005)
CLUSTER_CORRELATION = 0.5
MAX_LEAD = 6
MAX_GROUPS = 500  # more pages than anyone reads: a group field such as the area id chosen by mistake
CHANGE_SIGNIFICANCE = 0.05
ABOVE, BELOW, WITHIN = "above", "below", "within"


# --- funnel ----------------------------------------------------------------------------------------

@dataclass
class Funnel:
    """The funnel over all areas: its centre, the method its limits come from, and the limits at any exposure."""
    rate: float  # incidents per household a year over all areas
    method: str  # "poisson" or "overdispersed"
    phi: float  # mean square of the winsorised z-scores (1 under Poisson chance)
    tau2: float  # between-area variance of sqrt(rate) (0 under Poisson)
    chi2_limit: float  # n * phi above this means overdispersed
    areas: int

    @property
    def alpha(self):
        """The negative binomial's dispersion (variance = mu + alpha mu^2) whose gamma-distributed rates have the
        variance tau^2 on the square-root scale: Var(sqrt(rate)) ~ alpha rate / 4 (delta method)."""
        return 4 * self.tau2 / self.rate if self.method == "overdispersed" else 0.0

    def distribution(self, expected):
        """The count's distribution at these expected counts: Poisson, or negative binomial when overdispersed."""
        expected = np.asarray(expected, dtype=float)
        if self.alpha > 0:
            size = 1 / self.alpha
            return stats.nbinom(size, size / (size + expected))
        return stats.poisson(expected)

    def limits(self, exposure, level):
        """(low, high) incidents per household a year at `exposure` household-years, for a two-sided level."""
        exposure = np.asarray(exposure, dtype=float)
        tail = (1 - level) / 2
        distribution = self.distribution(self.rate * exposure)
        return (interpolated_quantile(distribution, tail) / exposure,
                interpolated_quantile(distribution, 1 - tail) / exposure)


def interpolated_quantile(distribution, probability):
    """The count below which `probability` of a discrete distribution lies, interpolated between whole counts
    (Spiegelhalter 2005, appendix A.1.1): r - (F(r) - p) / (F(r) - F(r - 1)) with r the exact quantile."""
    r = distribution.ppf(probability)
    at_r = distribution.cdf(r)
    below_r = distribution.cdf(r - 1)
    step = np.where(at_r > below_r, at_r - below_r, 1.0)
    return np.maximum(r - (at_r - probability) / step, 0.0)


def poisson_limit(expected, probability):
    """Exact Poisson control limit (a count) at these expected counts, interpolated between whole counts."""
    return interpolated_quantile(stats.poisson(np.asarray(expected, dtype=float)), probability)


def overdispersion(observed, exposure, rate):
    """(phi, tau^2, the chi-squared limit for n*phi): Spiegelhalter's winsorised test on the square-root scale, where
    sqrt(O / N) has standard error 1 / (2 sqrt(N)) under Poisson chance."""
    observed, exposure = np.asarray(observed, float), np.asarray(exposure, float)
    n = len(observed)
    z = 2 * (np.sqrt(observed) - np.sqrt(rate * exposure))
    low, high = np.quantile(z, [WINSOR, 1 - WINSOR])
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    limit = float(stats.chi2.ppf(0.95, n - 1))
    weights = 4 * exposure  # 1 / s^2 on the square-root rate scale
    tau2 = 0.0
    if n * phi > limit:
        tau2 = max(0.0, (n * phi - (n - 1)) / (weights.sum() - (weights ** 2).sum() / weights.sum()))
    return phi, tau2, limit


def funnel_scores(observed, exposure, funnel):
    """Per area: (expected, ratio, z, signal); z is the normal score of the exact tail probability (Poisson, or
    negative binomial when overdispersed), so |z| > 3.09 exactly when the area is outside the 99.8% limits."""
    observed, exposure = np.asarray(observed, float), np.asarray(exposure, float)
    expected = funnel.rate * exposure
    ratio = np.divide(observed, expected, out=np.full_like(observed, np.nan), where=expected > 0)
    distribution = funnel.distribution(expected)
    upper = distribution.sf(observed - 1)  # P(X >= O)
    lower = distribution.cdf(observed)  # P(X <= O)
    z = np.where(upper < 0.5, stats.norm.isf(upper), np.where(lower < 0.5, -stats.norm.isf(lower), 0.0))
    z = np.clip(z, -40, 40)  # a tail probability of 0 would give infinity
    cut = stats.norm.isf((1 - SIGNAL_LEVEL) / 2)
    signal = np.where(z > cut, ABOVE, np.where(z < -cut, BELOW, WITHIN)).astype(object)
    return expected, ratio, z, signal


def fit_funnel(observed, exposure, method="auto"):
    """The funnel of these areas around their own average rate; method 'auto' tests for overdispersion."""
    observed, exposure = np.asarray(observed, float), np.asarray(exposure, float)
    rate = observed.sum() / exposure.sum()
    phi, tau2, limit = overdispersion(observed, exposure, rate) if len(observed) > 2 else (np.nan, 0.0, np.nan)
    overdispersed = tau2 > 0 if method == "auto" else method == "overdispersed"
    if method == "overdispersed" and tau2 == 0:
        overdispersed = False
    return Funnel(float(rate), "overdispersed" if overdispersed else "poisson", phi, tau2 if overdispersed else 0.0,
                  limit, len(observed))


# --- change on the previous period ------------------------------------------------------------------

@dataclass
class Change:
    current: int
    previous: int
    current_years: float
    previous_years: float
    ratio: float  # current rate / previous rate (nan without a previous incident)
    p_value: float

    @property
    def significant(self):
        return bool(self.p_value < CHANGE_SIGNIFICANCE)


def period_change(current, previous, current_years, previous_years):
    """The exact test of equal rates in two periods of the same households: given current + previous incidents,
    the current count is Binomial(total, current_years / (current_years + previous_years))."""
    current, previous = int(current), int(previous)
    total = current + previous
    share = current_years / (current_years + previous_years)
    p_value = float(stats.binomtest(current, total, share).pvalue) if total else 1.0
    ratio = (current / current_years) / (previous / previous_years) if previous else float("nan")
    return Change(current, previous, current_years, previous_years, ratio, p_value)


# --- statistical neighbours -------------------------------------------------------------------------

def standardised(factors):
    """(matrix, names kept, notes): factors as standard scores over all areas; a missing value counts as the
    mean (0); a factor with no spread is left out."""
    notes = []
    values = factors.apply(pd.to_numeric, errors="coerce").astype(float)
    values = values.where(np.isfinite(values))
    mean, sd = values.mean(), values.std(ddof=0)
    flat = [name for name in values.columns if not (sd[name] > 0)]
    if flat:
        notes.append(Note(translatable("Factor(s) with the same value in every area (or none at all) say nothing "
                                       "about similarity and are left out: {}."), listed(flat), warning=True))
    kept = [name for name in values.columns if name not in flat]
    missing = int(values[kept].isna().sum().sum())
    if missing:
        notes.append(Note(translatable("{} missing factor value(s) count as the average of all areas when finding "
                                       "statistical neighbours."), missing))
    matrix = ((values[kept] - mean[kept]) / sd[kept]).fillna(0.0).to_numpy()
    return matrix, kept, notes


def statistical_neighbours(matrix, k, block=512):
    """(indices, distances): each row's k nearest other rows by root-mean-square difference of standard scores,
    nearest first. Exhaustive, a block of rows at a time: with tens of factors a k-d tree is slower than this."""
    matrix = np.asarray(matrix, dtype=float)
    n, width = matrix.shape
    k = min(k, n - 1)
    if k <= 0 or width == 0:
        return np.zeros((n, 0), dtype=int), np.zeros((n, 0))
    squares = np.einsum("ij,ij->i", matrix, matrix)
    indices = np.empty((n, k), dtype=int)
    distances = np.empty((n, k))
    for start in range(0, n, block):
        rows = slice(start, min(start + block, n))
        squared = squares[rows, None] + squares[None, :] - 2 * matrix[rows] @ matrix.T
        squared[np.arange(rows.stop - start), np.arange(start, rows.stop)] = np.inf  # not its own neighbour
        nearest = np.argpartition(squared, k - 1, axis=1)[:, :k] if k < n - 1 else \
            np.argsort(squared, axis=1)[:, :k]
        # the expansion above loses digits (an identical area comes out at 1e-8): the chosen ones measured directly
        near = np.sqrt(((matrix[rows][:, None, :] - matrix[nearest]) ** 2).sum(axis=2))
        order = np.lexsort((nearest, near), axis=1)  # nearest first; ties by row order
        indices[rows] = np.take_along_axis(nearest, order, axis=1)
        distances[rows] = np.take_along_axis(near, order, axis=1)
    return indices, distances / np.sqrt(width)


def rank_among_neighbours(rates, neighbours):
    """1 = the highest rate among the area and its neighbours; ties share the better rank."""
    rates = np.asarray(rates, float)
    if neighbours.shape[1] == 0:
        return np.full(len(rates), np.nan)
    theirs = rates[neighbours]
    ranks = 1 + np.sum(np.nan_to_num(theirs, nan=-np.inf) > rates[:, None], axis=1).astype(float)
    return np.where(np.isfinite(rates), ranks, np.nan)


# --- lead indicators --------------------------------------------------------------------------------

@dataclass
class LeadIndicator:
    name: str
    members: list  # every factor of its cluster, itself first
    cohesion: float  # its mean |rho| with the other members (1 for a cluster of one)
    rate_correlation: float  # Spearman rho with the incident rate over all areas


def lead_indicators(factors, rates, limit=MAX_LEAD):
    """The few factors that stand for the rest (see the module's docstring), strongest with the rate first."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    names = list(factors.columns)
    if not names:
        return []
    ranks = factors.rank()
    rho = np.abs(np.nan_to_num(ranks.corr().to_numpy(), nan=0.0))
    np.fill_diagonal(rho, 1.0)
    if len(names) > 1:
        distance = squareform(1 - rho, checks=False)
        labels = fcluster(linkage(np.clip(distance, 0, None), method="average"), 1 - CLUSTER_CORRELATION,
                          criterion="distance")
    else:
        labels = np.ones(1, dtype=int)
    rate_rho = ranks.corrwith(pd.Series(rates, index=factors.index).rank()).fillna(0.0)
    leads = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        cohesion = ((rho[np.ix_(members, members)].sum(axis=1) - 1) / max(len(members) - 1, 1)
                    if len(members) > 1 else np.ones(1))
        best = members[int(np.argmax(cohesion))]
        ordered = [names[best]] + [names[m] for m in members if m != best]
        leads.append(LeadIndicator(names[best], ordered, float(cohesion.max()), float(rate_rho[names[best]])))
    leads.sort(key=lambda lead: (-abs(lead.rate_correlation), -len(lead.members), lead.name))
    return leads[:limit]


def weighted_mean(values, weights):
    values, weights = np.asarray(values, float), np.asarray(weights, float)
    ok = np.isfinite(values) & np.isfinite(weights) & (weights > 0)
    return float(np.average(values[ok], weights=weights[ok])) if ok.any() else float("nan")


# --- targets ------------------------------------------------------------------------------------------

TARGET_COLUMNS = ("group", "measure", "planned", "made")


def read_targets(table, group_names, all_name):
    """Planned against made per group and measure. Columns (any case): group, measure, planned, made. A row whose
    group is empty or the all-areas name counts for the all-areas page only; the all-areas page otherwise shows
    the sum of the groups' rows. Returns (rows as a DataFrame, notes)."""
    columns = {str(c).strip().lower(): c for c in table.columns}
    missing = [c for c in TARGET_COLUMNS if c not in columns]
    if missing:
        raise AnalysisError(translatable("The targets table needs the columns group, measure, planned and made; it "
                                         "has no {}. Its columns are: {}."), listed(missing), listed(table.columns, 12))
    rows = pd.DataFrame({c: table[columns[c]] for c in TARGET_COLUMNS})
    rows["group"] = rows["group"].map(lambda v: "" if v is None or pd.isna(v) else str(v).strip())
    rows["measure"] = rows["measure"].map(lambda v: "" if v is None or pd.isna(v) else str(v).strip())
    for column in ("planned", "made"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce")
    bad = rows[~(np.isfinite(rows["planned"]) & np.isfinite(rows["made"]) & (rows["planned"] >= 0)
                 & (rows["made"] >= 0)) | (rows["measure"] == "")]
    if len(bad):
        raise AnalysisError(translatable("{} target row(s) lack a measure or have planned or made that is not a "
                                         "number of zero or more (e.g. the row for '{}')."),
                            len(bad), bad["group"].iloc[0] or all_name)
    notes = []
    rows.loc[rows["group"] == all_name, "group"] = ""
    unknown = sorted(set(rows["group"]) - set(group_names) - {""})
    if unknown:
        notes.append(Note(translatable("Target rows for groups that have no areas are left out: {}."), listed(unknown),
                          warning=True))
        rows = rows[~rows["group"].isin(unknown)]
    return rows.reset_index(drop=True), notes


def targets_for(rows, group, all_name):
    """(measure, planned, made) for one page; group None is the all-areas page."""
    if rows is None or not len(rows):
        return []
    if group is not None:
        chosen = rows[rows["group"] == group]
        return [(r.measure, float(r.planned), float(r.made)) for r in chosen.itertuples()]
    out = []
    for measure, of_measure in rows.groupby("measure", sort=False):
        overall = of_measure[of_measure["group"] == ""]
        chosen = overall if len(overall) else of_measure
        out.append((measure, float(chosen["planned"].sum()), float(chosen["made"].sum())))
    return out


# --- the whole dashboard ----------------------------------------------------------------------------

@dataclass
class Group:
    name: str  # None for the all-areas page
    rows: np.ndarray  # indices of its areas
    count: float
    exposure: float  # households x years, areas with households only
    change: Change = None
    yearly: pd.Series = None  # incidents per calendar year (dated incidents only)

    @property
    def rate(self):
        return self.count / self.exposure if self.exposure > 0 else float("nan")


@dataclass
class Dashboard:
    table: pd.DataFrame  # per area, in input order: id, name, group, count, households, rate_10k, expected, ratio,
    #                      funnel_z, signal, neighbours (ids, comma-separated), neighbour_rank
    funnel: Funnel
    years: float
    groups: list  # Group per GROUP value, in name order
    overall: Group
    all_name: str
    k: int = 0
    neighbour_index: np.ndarray = None
    neighbour_distance: np.ndarray = None
    factors: pd.DataFrame = None  # the raw factor values (None without factors)
    leads: list = field(default_factory=list)
    targets: pd.DataFrame = None
    yearly: pd.DataFrame = None  # areas x calendar years (dated incidents only)
    periods: tuple = None  # ((first, last) current years, (first, last) previous years)
    notes: list = field(default_factory=list)
    title: str = "Incidents"
    cache: dict = field(default_factory=dict)  # what every page draws the same: computed once

    def group_rows(self, group):
        return self.overall.rows if group is None else group.rows


def check_counts(ids, counts, households):
    """Counts must be whole numbers of zero or more; households are checked later (areas without any are left out).
    Returns (counts, households, notes)."""
    counts = np.asarray(counts, dtype=float)
    households = np.asarray(households, dtype=float)
    ids = np.asarray(ids, dtype=object)
    bad = np.isinf(counts) | (counts < 0)
    if bad.any():
        raise AnalysisError(translatable("The count is negative or infinite for {} area(s): {}. Counts of incidents "
                                         "are whole numbers of zero or more; correct the count field."),
                            int(bad.sum()), listed(ids[bad]))
    fractional = np.isfinite(counts) & (counts != np.round(counts))
    if fractional.any():
        raise AnalysisError(translatable("The count is not a whole number for {} area(s): {} (e.g. {}). Give counts "
                                         "of incidents, not rates or forecasts."),
                            int(fractional.sum()), listed(ids[fractional]), counts[fractional][0])
    notes = []
    missing = ~np.isfinite(counts)
    if missing.any():
        notes.append(Note(translatable("{} area(s) have no count and are left out of the funnel: {}."),
                          int(missing.sum()), listed(ids[missing]), warning=True))
    no_households = np.isfinite(counts) & ~(np.isfinite(households) & (households > 0))
    if no_households.any():
        notes.append(Note(translatable("{} area(s) have no households (zero, negative or missing), so no rate: they "
                                       "are left out of the funnel and the rates: {}."),
                          int(no_households.sum()), listed(ids[no_households]), warning=True))
    return counts, households, notes


def build_dashboard(ids, counts, households, years, groups=None, names=None, factors=None, k=5,
                    yearly=None, current_years=None, targets=None, all_name="All areas", title="Incidents",
                    progress=no_progress):
    """Everything the pages show. ids/counts/households/groups/names: one per area; factors: DataFrame (one
    column per factor) or None; yearly: DataFrame areas x calendar years of dated incidents, or None;
    current_years: the calendar years of the current period (the rest of `yearly`'s recent years before them
    are the previous period); targets: a table with group, measure, planned, made, or None."""
    if not years or not np.isfinite(years) or years <= 0:
        raise AnalysisError(translatable("The years the count covers must be a number above 0 (got {})."), years)
    ids = [str(i) for i in ids]
    counts, households, notes = check_counts(ids, counts, households)
    used = np.isfinite(counts) & np.isfinite(households) & (households > 0)
    if not used.any():
        raise AnalysisError(translatable("No area has both a count and households above 0: nothing to compare."))
    exposure = np.where(used, households * years, np.nan)
    if counts[used].sum() == 0:
        raise AnalysisError(translatable("No area has an incident: there is no rate to compare the areas with."))
    funnel = fit_funnel(counts[used], exposure[used])
    progress(0.2)
    table = pd.DataFrame({"id": ids, "name": [str(n) if n not in (None, "") else i for n, i in
                                              zip(names if names is not None else ids, ids)]})
    table["group"] = group_labels(groups, len(ids))
    table["count"], table["households"] = counts, households
    table["rate_10k"] = np.where(used, 1e4 * counts / np.where(used, exposure, 1), np.nan)
    for column in ("expected", "ratio", "funnel_z"):
        table[column] = np.nan
    table["signal"] = None
    expected, ratio, z, signal = funnel_scores(counts[used], exposure[used], funnel)
    table.loc[used, "expected"], table.loc[used, "ratio"], table.loc[used, "funnel_z"] = expected, ratio, z
    table.loc[used, "signal"] = signal
    dashboard = Dashboard(table, funnel, float(years), [], None, all_name, title=title, notes=notes)
    notes.append(funnel_note(funnel))
    add_neighbours(dashboard, factors, k)
    progress(0.6)
    add_groups(dashboard, used, exposure, yearly, current_years)
    if targets is not None:
        dashboard.targets, target_notes = read_targets(targets, [g.name for g in dashboard.groups], all_name)
        notes.extend(target_notes)
    progress(1.0)
    return dashboard


NO_GROUP = translatable("(no group)")


def group_labels(groups, n):
    if groups is None:
        return [None] * n
    labels = [NO_GROUP if g is None or (isinstance(g, float) and np.isnan(g)) or str(g).strip() == "" else str(g)
              for g in groups]
    distinct = len(set(labels))
    if distinct > MAX_GROUPS or (distinct > 20 and distinct > n / 2):
        raise AnalysisError(translatable("The group field has {} different values for {} areas, one page each: most "
                                         "pages would hold one or two areas (at most {} pages, and fewer than half "
                                         "as many as areas). Choose a field such as the borough, ward or station "
                                         "ground."), distinct, n, MAX_GROUPS)
    return labels


def funnel_note(funnel):
    if funnel.method == "overdispersed":
        return Note(translatable("Areas differ more than chance alone would make them (winsorised dispersion "
                                 "{:.2f} over {} areas, above the {:.2f} that chance allows): the limits are exact "
                                 "negative binomial, widened as Spiegelhalter's additive method sizes it (tau = {:.4f} "
                                 "on the square-root scale; dispersion alpha = {:.3f})."),
                    funnel.phi, funnel.areas, funnel.chi2_limit / max(funnel.areas, 1), np.sqrt(funnel.tau2),
                    funnel.alpha)
    if not np.isfinite(funnel.phi):
        return Note(translatable("Too few areas to test for overdispersion: the limits are exact Poisson."))
    return Note(translatable("Areas differ no more than Poisson chance allows (winsorised dispersion {:.2f} over {} "
                             "areas): the limits are exact Poisson."), funnel.phi, funnel.areas)


def add_neighbours(dashboard, factors, k):
    table = dashboard.table
    table["neighbours"] = ""
    table["neighbour_rank"] = np.nan
    if factors is None or factors.shape[1] == 0:
        dashboard.notes.append(Note(translatable("No factor fields were given: statistical neighbours and lead "
                                                 "indicators are left out.")))
        return
    factors = factors.reset_index(drop=True)
    matrix, kept, notes = standardised(factors)
    dashboard.notes.extend(notes)
    if not kept:
        return
    indices, distances = statistical_neighbours(matrix, k)
    dashboard.k = indices.shape[1]
    dashboard.neighbour_index, dashboard.neighbour_distance = indices, distances
    dashboard.factors = factors[kept]
    ids = table["id"].to_numpy()
    table["neighbours"] = [",".join(ids[row]) for row in indices]
    table["neighbour_rank"] = rank_among_neighbours(table["rate_10k"].to_numpy(), indices)
    rates = table["rate_10k"]
    has_rate = rates.notna().to_numpy()
    dashboard.leads = lead_indicators(factors[kept][has_rate].reset_index(drop=True),
                                      rates[has_rate].to_numpy())


def add_groups(dashboard, used, exposure, yearly, current_years):
    table = dashboard.table
    counts = table["count"].to_numpy()

    def group(name, rows):
        inside = rows[used[rows]]
        made = Group(name, rows, float(counts[inside].sum()), float(np.nansum(exposure[inside])))
        if yearly is not None:
            made.yearly = yearly.iloc[rows].sum(axis=0)
            if current_years:
                made.change = change_of(made.yearly, current_years)
        return made

    if yearly is not None:
        dashboard.yearly = yearly.reset_index(drop=True)
        dashboard.periods = periods_of(list(yearly.columns), current_years)
    dashboard.overall = group(None, np.arange(len(table)))
    if yearly is not None and current_years:
        dashboard.notes.extend(period_mismatch(float(np.nansum(counts)), dashboard.overall.yearly, current_years))
    if table["group"].notna().any():
        for name, rows in sorted(table.groupby("group", sort=False).indices.items(), key=lambda item: str(item[0])):
            dashboard.groups.append(group(name, np.sort(rows)))


def period_mismatch(count_total, yearly_total, current_years):
    """A note when the count field and the dated incidents of the current period disagree by more than 5%: the
    tiles' count and the trends then describe different incidents or years."""
    incidents = float(yearly_total.reindex(sorted(current_years), fill_value=0).sum())
    if abs(incidents - count_total) <= 0.05 * max(count_total, incidents, 1):
        return []
    return [Note(translatable("The count field totals {:,.0f}, but the dated incidents of {}\u2013{} (the last years "
                              "the count covers) number {:,.0f}: the trends and the change on the previous period are "
                              "for those incidents and years, the funnel for the count field."),
                 count_total, min(current_years), max(current_years), incidents, warning=True)]


def periods_of(all_years, current_years):
    """((first, last) of the current period, (first, last) of the previous one, or None when there is none)."""
    if not current_years:
        return None
    current = sorted(current_years)
    before = [y for y in sorted(all_years) if y < current[0]][-len(current):]
    return (current[0], current[-1]), ((before[0], before[-1]) if before else None)


def change_of(yearly, current_years):
    current = sorted(current_years)
    before = [y for y in sorted(yearly.index) if y < current[0]][-len(current):]
    if not before:
        return None
    return period_change(yearly.reindex(current, fill_value=0).sum(), yearly.reindex(before).sum(), len(current),
                         len(before))


def yearly_counts(area_of_incident, years_of_incident, n_areas):
    """Areas x calendar years: incidents per area per year, from each incident's area index (-1 outside) and year."""
    area_of_incident = np.asarray(area_of_incident)
    years_of_incident = np.asarray(years_of_incident, dtype=float)
    ok = (area_of_incident >= 0) & np.isfinite(years_of_incident)
    if not ok.any():
        return pd.DataFrame(index=range(n_areas))
    years = years_of_incident[ok].astype(int)
    first, last = years.min(), years.max()
    matrix = np.zeros((n_areas, last - first + 1), dtype=int)
    np.add.at(matrix, (area_of_incident[ok], years - first), 1)
    return pd.DataFrame(matrix, columns=list(range(first, last + 1)))


def current_period(all_years, years):
    """The last `years` (rounded, at least 1) calendar years of the incidents: the current period."""
    length = max(1, int(round(years)))
    return sorted(all_years)[-length:]


# --- does a signal mean something? ------------------------------------------------------------------

@dataclass
class Persistence:
    label: str  # the signal in the first period
    areas: int
    still_above_expectation: int  # observed > expected in the later period
    still_signal_above: int  # flagged above again in the later period
    later_ratio: float  # their observed / expected in the later period, together

    @property
    def share_above_expectation(self):
        return self.still_above_expectation / self.areas if self.areas else float("nan")


def signal_persistence(households, counts_before, years_before, counts_after, years_after):
    """Of the areas flagged above / within / below in the first period, how many are above expectation (observed >
    expected at the later period's all-areas rate) in the later period, and how many are flagged above again."""
    households = np.asarray(households, float)
    first = build_dashboard(range(len(households)), counts_before, households, years_before)
    later = build_dashboard(range(len(households)), counts_after, households, years_after)
    out = {}
    for label in (ABOVE, WITHIN, BELOW):
        chosen = (first.table["signal"] == label).to_numpy()
        observed, expected = (later.table[c].to_numpy()[chosen] for c in ("count", "expected"))
        out[label] = Persistence(label, int(chosen.sum()),
                                 int((later.table["ratio"].to_numpy()[chosen] > 1).sum()),
                                 int((later.table["signal"].to_numpy()[chosen] == ABOVE).sum()),
                                 float(observed.sum() / expected.sum()) if chosen.any() else float("nan"))
    return out, first.funnel, later.funnel
