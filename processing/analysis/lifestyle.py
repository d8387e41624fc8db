"""Lifestyle profiling: each geodemographic segment's share of homes against its share of incidents and
casualties, as London Fire Brigade's Mosaic tables do. An index above 100 means the segment has more
incidents than its number of homes would suggest."""
import numpy as np
from scipy import stats

from .messages import AnalysisError, Note, translatable


def poisson_interval(count, level=0.95):
    """Exact (Garwood) interval for a Poisson count."""
    tail = (1 - level) / 2
    count = np.asarray(count, dtype=float)
    low = np.where(count > 0, stats.chi2.ppf(tail, 2 * count) / 2, 0.0)
    high = stats.chi2.ppf(1 - tail, 2 * count + 2) / 2
    return low, high


def segment_profile(home_segments, homes, incident_segments, casualties=None):
    """One row per segment (a dict of columns), sorted by index, highest first.

    home_segments/homes: the segment and number of homes of each home feature;
    incident_segments: the segment given to each incident (None where it has none);
    casualties: casualties per incident (optional).
    """
    import pandas as pd

    homes = np.asarray(homes, dtype=float)
    if len(homes) == 0 or not np.isfinite(homes).all() or (homes < 0).any():
        raise AnalysisError(translatable("The homes field must hold a non-negative number for every home feature."))
    frame = pd.DataFrame({"segment": pd.Series(home_segments, dtype=object).fillna("(none)").astype(str), "homes": homes})
    by_segment = frame.groupby("segment", sort=True)["homes"].sum()
    if by_segment.sum() <= 0:
        raise AnalysisError(translatable("There are no homes to profile."))
    incidents = pd.DataFrame({"segment": pd.Series(incident_segments, dtype=object)})
    incidents["casualties"] = 0.0 if casualties is None else pd.to_numeric(pd.Series(casualties), errors="coerce").fillna(0.0).to_numpy()
    incidents = incidents.dropna(subset=["segment"])
    incidents["segment"] = incidents["segment"].astype(str)
    counts = incidents.groupby("segment").size().reindex(by_segment.index, fill_value=0)
    hurt = incidents.groupby("segment")["casualties"].sum().reindex(by_segment.index, fill_value=0.0)
    total_incidents = counts.sum()
    if total_incidents == 0:
        raise AnalysisError(translatable("No incident could be given a segment: there is nothing to profile."))
    share_homes = by_segment / by_segment.sum()
    share_incidents = counts / total_incidents
    index = 100 * share_incidents / share_homes.where(share_homes > 0)
    low, high = poisson_interval(counts.to_numpy())
    out = pd.DataFrame({
        "segment": by_segment.index,
        "homes": by_segment.to_numpy(),
        "pct_homes": 100 * share_homes.to_numpy(),
        "incidents": counts.to_numpy().astype(int),
        "pct_incidents": 100 * share_incidents.to_numpy(),
        "casualties": hurt.to_numpy(),
        "pct_casualties": 100 * hurt.to_numpy() / hurt.sum() if hurt.sum() > 0 else np.zeros(len(hurt)),
        "index": index.to_numpy(),
        "index_low": 100 * low / total_incidents / share_homes.to_numpy(),
        "index_high": 100 * high / total_incidents / share_homes.to_numpy(),
        "casualty_index": 100 * (hurt.to_numpy() / hurt.sum() if hurt.sum() > 0 else np.full(len(hurt), np.nan))
        / share_homes.to_numpy(),
    })
    return out.sort_values(["index", "segment"], ascending=[False, True], kind="stable").reset_index(drop=True)


def nearest_segments(home_points, home_segments, incident_points, max_distance=None):
    """The segment of the nearest home feature to each incident point, and the distance to it (to the
    feature itself: for a polygon, 0 inside it and the distance to its edge outside)."""
    import shapely

    tree = shapely.STRtree(home_points)
    incident_index, home_index = tree.query_nearest(incident_points, all_matches=False, return_distance=False)
    segments = np.full(len(incident_points), None, dtype=object)
    distances = np.full(len(incident_points), np.nan)
    segments[incident_index] = np.asarray(home_segments, dtype=object)[home_index]
    distances[incident_index] = shapely.distance(np.asarray(incident_points)[incident_index],
                                                 np.asarray(home_points)[home_index])
    if max_distance is not None:
        segments[distances > max_distance] = None
    return segments, distances


def segments_of_incidents(home_geometries, home_segments, incident_points, max_distance=None):
    """The segment each incident takes, its distance to that home feature, and notes.

    Point homes: the nearest home (within max_distance when given). Polygon homes (e.g. LSOAs with an OAC
    segment): the polygon holding the incident, never the nearest centroid; an incident on a boundary shared
    by two polygons takes the first of them. Incidents in no polygon take the nearest polygon only within
    max_distance (none when it is not given)."""
    import shapely

    from .counting import assign_points_to_areas

    geometries = np.asarray(home_geometries, dtype=object)
    segments = np.asarray(home_segments, dtype=object)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    if not present.any():
        raise AnalysisError(translatable("No home feature has a geometry: incidents cannot be placed."))
    incident_points = np.asarray(incident_points, dtype=object)
    types = shapely.get_type_id(geometries[present])
    if not np.isin(types, (3, 6)).all():
        homes = shapely.centroid(geometries[present])
        found, distances = nearest_segments(homes, segments[present], incident_points, max_distance)
        notes = [Note(translatable("Incidents are on average {:.0f} map units from the nearest home feature."),
                      float(np.nanmean(distances)) if np.isfinite(distances).any() else 0.0)]
        far = int(np.sum(pd_isna(found)))
        if far:
            notes.append(Note(translatable("{} incident(s) are farther than {} from every home and were left out."),
                              far, max_distance, warning=True))
        return found, distances, notes
    index = assign_points_to_areas(geometries, shapely.get_x(incident_points), shapely.get_y(incident_points))
    found = np.full(len(incident_points), None, dtype=object)
    distances = np.full(len(incident_points), np.nan)
    inside = index >= 0
    found[inside] = segments[index[inside]]
    distances[inside] = 0.0
    outside = np.flatnonzero(~inside & ~shapely.is_missing(incident_points))
    notes = [Note(translatable("{} of {} incident(s) lie inside a home polygon and take its segment."),
                  int(inside.sum()), len(incident_points))]
    if len(outside) and max_distance is not None and max_distance > 0:
        near, near_distances = nearest_segments(geometries[present], segments[present], incident_points[outside],
                                                max_distance)
        found[outside], distances[outside] = near, near_distances
        taken = int(np.sum(~pd_isna(near)))
        if taken:
            notes.append(Note(translatable("{} incident(s) outside every home polygon take the segment of a polygon "
                                           "within {}."), taken, max_distance))
    lost = int(np.sum(pd_isna(found)))
    if lost:
        if max_distance:
            notes.append(Note(translatable("{} incident(s) lie outside every home polygon, farther than {} from all of "
                                           "them, and were left out."), lost, max_distance, warning=True))
        else:
            notes.append(Note(translatable("{} incident(s) lie outside every home polygon and were left out (give a "
                                           "Maximum distance to take the nearest polygon's segment)."), lost,
                              warning=True))
    return found, distances, notes


def pd_isna(values):
    import pandas as pd

    return pd.isna(pd.Series(values, dtype=object)).to_numpy()


def profile_report(table, title, with_casualties=False, translate=lambda text: text):
    """The lifestyle profile as a styled HTML page: which segments have more incidents (and casualties) than
    their homes suggest, in plain words, two charts and LFB's table layout."""
    from html import escape

    from . import charts
    from .report import STYLE

    t = translate
    above = [str(s) for s, low in zip(table["segment"], table["index_low"]) if low > 100]
    below = [str(s) for s, high in zip(table["segment"], table["index_high"]) if high < 100]
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title><style>{1}</style></head><body>"
             "<h1>{0}</h1>".format(escape(title), STYLE),
             "<p>{}</p>".format(escape(t(translatable("{:,.0f} homes in {} segments; {:,} incidents placed; {:,.0f} "
                                                      "casualties.")).format(table["homes"].sum(), len(table),
                                                                             int(table["incidents"].sum()),
                                                                             table["casualties"].sum())))]
    for names, template in ((above, translatable("More incidents than their homes suggest (the whole 95% interval "
                                                 "above 100): {}.")),
                            (below, translatable("Fewer incidents than their homes suggest (the whole 95% interval "
                                                 "below 100): {}."))):
        if names:
            parts.append("<p class='plain'>{}</p>".format(escape(t(template).format(", ".join(names)))))
    colours = ["#d7191c" if v > 100 else "#2b83ba" for v in table["index"]]
    parts.append(charts.bar_chart(list(table["segment"]), list(np.nan_to_num(table["index"])),
                                  t(translatable("Incident index (100 = as many incidents as homes suggest)")),
                                  colours=colours, errors=list(zip(table["index_low"], table["index_high"])),
                                  zero_line=100.0))
    if with_casualties:
        casualty = np.nan_to_num(table["casualty_index"].to_numpy(dtype=float))
        parts.append(charts.bar_chart(list(table["segment"]), list(casualty),
                                      t(translatable("Casualty index (100 = as many casualties as homes suggest)")),
                                      colours=["#d7191c" if v > 100 else "#2b83ba" for v in casualty], zero_line=100.0))
    headers = [translatable("Segment"), translatable("Homes"), translatable("Share of homes"),
               translatable("Incidents"), translatable("Share of incidents"), translatable("Index"),
               translatable("95% interval")]
    if with_casualties:
        headers += [translatable("Casualties"), translatable("Share of casualties"), translatable("Casualty index")]
    rows = []
    for r in table.itertuples():
        cells = [escape(str(r.segment)), "{:,.0f}".format(r.homes), "{:.1f}%".format(r.pct_homes),
                 "{:,}".format(r.incidents), "{:.1f}%".format(r.pct_incidents), _whole(r.index),
                 "{}–{}".format(_whole(r.index_low), _whole(r.index_high))]
        if with_casualties:
            cells += ["{:,.0f}".format(r.casualties), "{:.1f}%".format(r.pct_casualties), _whole(r.casualty_index)]
        rows.append("<tr>{}</tr>".format("".join("<td>{}</td>".format(c) for c in cells)))
    parts.append("<table><tr>{}</tr>{}</table>".format("".join("<th>{}</th>".format(escape(t(h))) for h in headers),
                                                       "".join(rows)))
    parts.append("<p class='small'>{}</p></body></html>".format(escape(t(translatable(
        "Index = share of incidents ÷ share of homes × 100, with an exact (Garwood) 95% interval for the count of "
        "incidents. Casualty index = share of casualties ÷ share of homes × 100.")))))
    return "".join(parts)


def _whole(value):
    return "–" if value is None or not np.isfinite(value) else "{:.0f}".format(value)
