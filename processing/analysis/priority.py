"""Priority postcodes: combine area risk, lifestyle index and households at risk into one score per
postcode, tier postcodes P1 / P2 / P3 by the visits that can be made, say why each postcode ranks where it
does, and split the P1 and P2 postcodes into one visit list per ward, borough or station ground."""
import re
from dataclasses import dataclass, field
from html import escape
from math import isfinite

import numpy as np

from .messages import AnalysisError, Note, listed, translatable

SUPPRESS_BELOW = 5
# Households at risk weigh double: they are people known to be at risk, not an area average.
WEIGHTS = {"area": 1.0, "lifestyle": 1.0, "households": 2.0}
OUTPUT_COLUMNS = {"area": "area_risk", "lifestyle": "lifestyle_index", "households": "households_at_risk"}
NO_SPLIT = translatable("All postcodes")
OUTSIDE_SPLITS = translatable("(outside every split area)")


def percentile_rank(values):
    """0-100 rank of each value among the finite ones (ties share their mean rank); NaN stays NaN."""
    values = np.asarray(values, dtype=float)
    out = np.full(len(values), np.nan)
    finite = np.isfinite(values)
    if finite.sum() == 1:
        out[finite] = 100.0
    elif finite.any():
        out[finite] = 100 * (average_ranks(values[finite]) - 1) / (finite.sum() - 1)
    return out


def average_ranks(values):
    """1-based ranks, ties sharing the mean of their ranks (scipy's rankdata, without importing scipy: half a
    second of a run that needs nothing else from it)."""
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]]  # where each run of equal values starts
    starts = np.flatnonzero(first)
    ends = np.r_[starts[1:], len(values)]
    ranks = np.empty(len(values))
    ranks[order] = (0.5 * (starts + ends + 1))[np.cumsum(first) - 1]
    return ranks


def priority_scores(components, weights):
    """Weighted mean of the components' percentile ranks (0-100); a missing component is left out of
    a postcode's mean rather than counted as zero."""
    if not components:
        raise AnalysisError(translatable("Nothing to score: give area risk, a lifestyle layer or household risk."))
    ranks = np.column_stack([percentile_rank(values) for values in components.values()])
    w = np.array([weights[name] for name in components], dtype=float)
    present = np.isfinite(ranks)
    total = (np.where(present, ranks, 0) * w).sum(axis=1)
    weight = (present * w).sum(axis=1)
    return np.divide(total, weight, out=np.full(len(ranks), np.nan), where=weight > 0)


def assign_tiers(scores, p1_count, p2_count):
    """'P1' for the p1_count highest scores, 'P2' for the next p2_count, 'P3' for the rest (ties by order)."""
    if p1_count < 0 or p2_count < 0:
        raise AnalysisError(translatable("Tier quotas cannot be negative."))
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-np.nan_to_num(scores, nan=-1.0), kind="stable")
    tiers = np.full(len(scores), "P3", dtype=object)
    tiers[order[:p1_count]] = "P1"
    tiers[order[p1_count:p1_count + p2_count]] = "P2"
    return tiers


def suppress_small(counts, below=SUPPRESS_BELOW):
    """Counts under `below` (but above zero) become None, so no output singles out a few households."""
    return [None if c is not None and 0 < c < below else c for c in counts]


def tiers_by_score(scores, p1_min, p2_min):
    """'P1' for scores of at least p1_min, 'P2' for at least p2_min, 'P3' for the rest."""
    if p2_min > p1_min:
        raise AnalysisError(translatable("The P2 minimum score ({}) cannot be above the P1 minimum score ({})."),
                            p2_min, p1_min)
    scores = np.nan_to_num(np.asarray(scores, dtype=float), nan=-1.0)
    return np.where(scores >= p1_min, "P1", np.where(scores >= p2_min, "P2", "P3")).astype(object)


# --- where each postcode takes its values ----------------------------------------------------------

def values_in_areas(area_geometries, values, x, y, points=None):
    """The value of the area holding each point (NaN outside every area), and how many were outside.
    points: a counting.PointIndex of x and y, to reuse."""
    from .counting import assign_points_to_areas

    values = np.asarray([np.nan if v is None else v for v in values], dtype=float)
    index = assign_points_to_areas(area_geometries, x, y, points)
    found = np.where(index >= 0, values[np.maximum(index, 0)] if len(values) else np.nan, np.nan)
    return found, int((index < 0).sum())


def names_in_areas(area_geometries, names, x, y, outside=OUTSIDE_SPLITS, points=None):
    """The name of the area holding each point; `outside` for points in none. points: as values_in_areas."""
    from .counting import assign_points_to_areas

    names = np.array(["" if v is None else str(v) for v in names], dtype=object)
    index = assign_points_to_areas(area_geometries, x, y, points)
    return np.where(index >= 0, names[np.maximum(index, 0)] if len(names) else outside, outside).astype(object)


def values_of_homes(home_geometries, values, x, y):
    """A postcode takes the lifestyle value of the home polygon it lies in, or of the nearest home point
    (polygons: containment, never the nearest centroid)."""
    import shapely

    geometries = np.asarray(home_geometries, dtype=object)
    polygonal = shapely.get_type_id(geometries[~shapely.is_missing(geometries)])
    if len(polygonal) and np.isin(polygonal, (3, 6)).all():
        found, _ = values_in_areas(geometries, values, x, y)
        return found
    values = np.asarray([np.nan if v is None else v for v in values], dtype=float)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    points = shapely.points(np.nan_to_num(x), np.nan_to_num(y))
    _, nearest = shapely.STRtree(geometries[present]).query_nearest(points, all_matches=False)
    found = values[np.flatnonzero(present)[nearest]]
    found[~(np.isfinite(x) & np.isfinite(y))] = np.nan
    return found


def households_at_risk(postcodes, household_postcodes, factors, min_factors):
    """Households with at least min_factors risk factors per postcode (postcodes already normalised;
    None where a postcode is not in postcode form). Returns (counts, notes)."""
    at_risk, unknown = {}, 0
    for code, n in zip(household_postcodes, factors):
        if code is None:
            unknown += 1
        elif n is not None and np.isfinite(n) and n >= min_factors:
            at_risk[code] = at_risk.get(code, 0) + 1
    notes = []
    if unknown:
        notes.append(Note(translatable("{} household(s) have no valid postcode and were left out."), unknown,
                          warning=True))
    missing = sorted(set(at_risk) - set(postcodes))
    if missing:
        notes.append(Note(translatable("{} household postcode(s) are not among the postcodes: {}."), len(missing),
                          listed(missing), warning=True))
    return np.array([at_risk.get(code, 0) if code else 0 for code in postcodes], dtype=float), notes


# --- the score, the tiers and the reasons -----------------------------------------------------------

def prioritise(postcodes, components, split_names=None, p1_count=100, p2_count=400, p1_min=None, p2_min=None,
               translate=lambda text: text):
    """One row per postcode, in input order: the component values (household counts under 5 suppressed),
    priority_score (0-100), rank, tier, split_area and the reason for the rank, in words.

    components: {"area" | "lifestyle" | "households": values per postcode}."""
    import pandas as pd

    unknown = set(components) - set(WEIGHTS)
    if unknown:
        raise AnalysisError(translatable("Unknown score component(s): {}."), listed(sorted(unknown)))
    components = {name: np.asarray(values, dtype=float) for name, values in components.items()}
    scores = priority_scores(components, WEIGHTS)
    if p1_min is not None or p2_min is not None:
        p1_min = 101.0 if p1_min is None else p1_min
        tiers = tiers_by_score(scores, p1_min, p1_min if p2_min is None else p2_min)
    else:
        tiers = assign_tiers(scores, p1_count, p2_count)
    order = np.argsort(-np.nan_to_num(scores, nan=-1.0), kind="stable")
    rank = np.empty(len(scores), dtype=np.int64)
    rank[order] = np.arange(1, len(scores) + 1)
    table = pd.DataFrame({"postcode": pd.Series(postcodes, dtype=object)})
    for name, values in components.items():
        if name == "households":
            table[OUTPUT_COLUMNS[name]] = pd.array(suppress_small([int(v) for v in values]), dtype="Int64")
        else:
            table[OUTPUT_COLUMNS[name]] = values
    table["priority_score"] = scores
    table["rank"] = rank
    table["tier"] = tiers
    table["split_area"] = (np.full(len(scores), translate(NO_SPLIT), dtype=object) if split_names is None
                           else np.asarray(split_names, dtype=object))
    table["reason"] = reasons(components, rank, translate)
    return table


def reasons(components, rank, translate=lambda text: text):
    """Why each postcode ranks where it does: its rank, then each component, strongest contribution first,
    with the share of postcodes it is in the top of. Household counts under 5 are never stated. Vectorised per
    component: all of London's 180,000 postcodes take well under a second."""
    names = list(components)
    if not names:
        return []
    ranks = np.column_stack([percentile_rank(components[name]) for name in names])
    texts = np.column_stack([_component_texts(name, np.asarray(components[name], dtype=float), ranks[:, k], translate)
                             for k, name in enumerate(names)])
    weights = np.array([WEIGHTS[name] for name in names])
    order = np.argsort(-(weights * np.nan_to_num(ranks, nan=-1.0)), axis=1, kind="stable")
    ordered = np.take_along_axis(texts, order, axis=1)
    heading = translate(translatable("Rank {} of {}: {}"))
    total = len(rank)
    return [heading.format(r, total, "; ".join(parts)) for r, parts in zip(rank, ordered.tolist())]


def _component_texts(name, values, ranks, translate):
    """One component's words for every postcode, with '(top N%)' where it counts for something."""
    if name == "households":
        many = translate(translatable("{} households at risk"))
        texts = np.where(values >= SUPPRESS_BELOW, [many.format(int(v)) if v >= SUPPRESS_BELOW else "" for v in values],
                         np.where(values > 0, translate(translatable("fewer than 5 households at risk")),
                                  translate(translatable("no households at risk known"))))
    else:
        template = translate(translatable("area risk {:.3g}") if name == "area" else translatable("lifestyle index {:.0f}"))
        missing = translate(translatable("no area risk (in no area)") if name == "area" else
                            translatable("no lifestyle index"))
        texts = np.array([template.format(v) if isfinite(v) else missing for v in values.tolist()], dtype=object)
    top = translate(translatable(" (top {}%)"))
    counted = np.isfinite(ranks) & (np.nan_to_num(values) > 0)
    if name == "households":  # the rank of a suppressed count would tell 1 from 4: no share for them either
        counted &= np.nan_to_num(values) >= SUPPRESS_BELOW
    shares = np.maximum(1, np.ceil(100 - np.nan_to_num(ranks))).astype(int)
    suffix = np.array([top.format(share) if c else "" for share, c in zip(shares.tolist(), counted.tolist())],
                      dtype=object)
    return np.asarray(texts, dtype=object) + suffix


# --- visit lists --------------------------------------------------------------------------------------

@dataclass
class VisitList:
    split_area: str  # the split area's name as given
    stem: str  # its file name without extension: safe on every system, unique among the lists
    rows: object  # DataFrame: P1 and P2 postcodes, highest first
    counts: dict = field(default_factory=dict)  # tier -> postcodes in the split area


INDEX_FILE = "index.csv"  # which visit list is which split area's


def file_stems(names, reserved=(INDEX_FILE[:-4],)):
    """A file name stem per name: letters, digits, '-' and '_' only, and unique even where two names differ
    only in punctuation or case ('North East', 'North/East', 'north east'), because some file systems ignore
    case. Names are taken in sorted order, so the same names always get the same stems."""
    stems, taken = {}, {r.lower() for r in reserved}
    for name in sorted(set(names), key=str):
        base = re.sub(r"[^0-9A-Za-z_-]+", "_", str(name)).strip("_")[:80] or "area"
        stem, n = base, 1
        while stem.lower() in taken:
            n += 1
            stem = "{}_{}".format(base, n)
        taken.add(stem.lower())
        stems[name] = stem
    return stems


VISIT_COLUMNS = ["rank", "postcode", "tier", "priority_score", "reason", "area_risk", "lifestyle_index",
                 "households_at_risk"]


def visit_lists(table):
    """One VisitList per split area of prioritise()'s table, in name order."""
    stems = file_stems(table["split_area"])
    ordered = table.sort_values("rank", kind="stable")
    # one pass over the table, not one comparison of every row per split area
    splits = dict(iter(ordered.groupby("split_area", sort=False, dropna=False)))
    lists = []
    for name, stem in stems.items():
        in_split = splits[name]
        rows = in_split[in_split["tier"].isin(["P1", "P2"])]
        rows = rows[[c for c in VISIT_COLUMNS if c in rows.columns]].copy()
        rows["priority_score"] = rows["priority_score"].round(1)
        for column in ("area_risk", "lifestyle_index"):
            if column in rows.columns:
                rows[column] = rows[column].round(3)
        counts = {tier: int((in_split["tier"] == tier).sum()) for tier in ("P1", "P2", "P3")}
        lists.append(VisitList(str(name), stem, rows.reset_index(drop=True), counts))
    return lists


def visit_list_index(lists):
    """Which file is which split area's: one row per visit list."""
    import pandas as pd

    return pd.DataFrame({"split_area": [v.split_area for v in lists],
                         "visit_list": [v.stem + ".csv" for v in lists],
                         "summary": [v.stem + ".html" for v in lists],
                         "p1": [v.counts["P1"] for v in lists], "p2": [v.counts["P2"] for v in lists],
                         "p3": [v.counts["P3"] for v in lists]})


def summary_html(visit, translate=lambda text: text, top=25):
    """A one-page summary of a split area's visit list: the tier counts and the highest priorities, with the
    reason for each."""
    rows = "".join("<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.1f}</td><td>{}</td></tr>".format(
        r.rank, escape(str(r.postcode)), escape(str(r.tier)), r.priority_score, escape(str(r.reason)))
        for r in visit.rows.head(top).itertuples())
    total = sum(visit.counts.values())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title></head>"
        "<body style=\"font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:960px;margin:24px auto\">"
        "<h1>{0}</h1><p>{1}</p><h2>{2}</h2><table border='1' cellpadding='4' style='border-collapse:collapse'>"
        "<tr><th>{3}</th><th>{4}</th><th>{5}</th><th>{6}</th><th>{7}</th></tr>{8}</table>"
        "<p style='color:#666'>{9}</p></body></html>").format(
        escape(translate(translatable("Priority postcodes: {}")).format(visit.split_area)),
        escape(translate(translatable("{} postcodes: {} P1 (visit first), {} P2, {} P3.")).format(
            total, visit.counts["P1"], visit.counts["P2"], visit.counts["P3"])),
        escape(translate(translatable("The {} highest priorities")).format(min(top, len(visit.rows)))),
        escape(translate(translatable("Rank"))), escape(translate(translatable("Postcode"))),
        escape(translate(translatable("Tier"))), escape(translate(translatable("Score"))),
        escape(translate(translatable("Why"))), rows,
        escape(translate(translatable(
            "Score: weighted mean of the percentile ranks of area risk (weight 1), lifestyle index (1) and "
            "households at risk (2). Household counts under 5 are not shown."))))
