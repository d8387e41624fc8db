"""Point-in-polygon counting with shapely's STRtree: every point counted in at most one area."""
import numpy as np
import shapely


def assign_points_to_areas(area_geometries, x, y):
    """Index of the area holding each point, or -1 for a point outside every area.

    area_geometries: sequence of shapely polygons (None for a missing geometry).
    x, y: point coordinates in the areas' CRS (NaN for a missing point).
    A point on a boundary shared by several areas belongs to the first of them in layer order, so
    each point is counted exactly once.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    result = np.full(len(x), -1, dtype=np.int64)
    valid = np.isfinite(x) & np.isfinite(y)
    if not valid.any() or len(area_geometries) == 0:
        return result
    areas = np.asarray(area_geometries, dtype=object)
    valid_index = np.flatnonzero(valid)
    points = shapely.points(x[valid_index], y[valid_index])
    # Index the points and query with each area: each area is prepared once, about twice as fast as
    # querying an area index with every point.
    area_hits, point_hits = shapely.STRtree(points).query(areas, predicate="intersects")
    if len(point_hits) == 0:
        return result
    # Several hits for one point only on shared boundaries: keep the lowest area index.
    order = np.lexsort((area_hits, point_hits))
    point_hits, area_hits = point_hits[order], area_hits[order]
    first = np.ones(len(point_hits), dtype=bool)
    first[1:] = point_hits[1:] != point_hits[:-1]
    result[valid_index[point_hits[first]]] = area_hits[first]
    return result


def count_per_area(assignment, n_areas, groups=None):
    """Counts per area from assign_points_to_areas' result.

    Without groups: an array of n_areas counts. With groups (one label per point, e.g. the year):
    a dict label -> array of n_areas counts, for every label present among the assigned points.
    """
    assignment = np.asarray(assignment)
    inside = assignment >= 0
    if groups is None:
        return np.bincount(assignment[inside], minlength=n_areas)
    groups = np.asarray(groups)
    return {
        label: np.bincount(assignment[inside & (groups == label)], minlength=n_areas)
        for label in np.unique(groups[inside])
    }
