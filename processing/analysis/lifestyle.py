"""Lifestyle profiling: each geodemographic segment's share of homes against its share of incidents and
casualties, as London Fire Brigade's Mosaic tables do. An index above 100 means the segment has more
incidents than its number of homes would suggest."""
import numpy as np
from scipy import stats

from .messages import AnalysisError, translatable


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
    })
    return out.sort_values(["index", "segment"], ascending=[False, True], kind="stable").reset_index(drop=True)


def nearest_segments(home_points, home_segments, incident_points, max_distance=None):
    """The segment of the nearest home feature to each incident point, and the distance to it."""
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
