"""A seeded synthetic borough whose true fire model is known, for the demo and the tests.

The borough sits in British National Grid (EPSG:27700). Its small areas carry households and a dozen
plausible, correlated factors built from three hidden traits (deprivation, age, urbanity). Yearly
dwelling-fire counts are drawn from a known negative binomial model:

    fires in area i, year t ~ Poisson(households_i * exp(b0 + x_i . b) * trend_t * g_i),
    g_i ~ Gamma(shape 1/alpha, scale alpha)  (a persistent area effect, mean 1)

so the total over all years is negative binomial (NB2, dispersion alpha) with mean
households_i * years * exp(b0 + x_i . b) (the trend averages 1). Incidents become dated points inside
their area; postcodes become points too. The truth (coefficients, alpha, counts per area and year)
is written beside the data, kept apart from it.
"""
import json

import numpy as np

SEED = 20161201
CRS = "EPSG:27700"
YEARS = tuple(range(2009, 2017))
BOROUGH_ORIGIN = (526000.0, 178000.0)  # south-west corner, metres
BOROUGH_SIZE = (9000.0, 8000.0)
GRID = (24, 20)  # areas across and up: 480 small areas
MEAN_RATE = 0.0019  # fires per household per year, London's 2009-2016 average
ALPHA = 0.12
YEARLY_TREND = -0.03  # fires fall 3% a year, as in London 2009-2016

# True effects per unit of each factor (0: a factor that plays no part, as real data has too).
TRUE_COEFFICIENTS = {
    "pct_over_65": 0.020,
    "pct_living_alone": 0.025,
    "pct_social_rent": 0.012,
    "pct_bad_health": 0.080,
    "imd_score": 0.010,
    "pct_no_car": 0.0,
    "pct_flats": 0.0,
    "pop_density": 0.0,
    "median_income_k": 0.0,
    "ptal": 0.0,
    "pct_unemployed": 0.0,
    "hfsv_per_1k": -0.015,
}
FACTOR_DESCRIPTIONS = {
    "pct_over_65": "residents aged 65 and over, %",
    "pct_living_alone": "one-person households, %",
    "pct_social_rent": "households renting from a council or housing association, %",
    "pct_bad_health": "residents in bad or very bad health, %",
    "imd_score": "Index of Multiple Deprivation score",
    "pct_no_car": "households with no car or van, %",
    "pct_flats": "dwellings that are flats, %",
    "pop_density": "residents per hectare",
    "median_income_k": "median household income, thousand pounds",
    "ptal": "public transport accessibility (average PTAI score / 10)",
    "pct_unemployed": "economically active residents unemployed, %",
    "hfsv_per_1k": "home fire safety visits per 1,000 households, last year",
}
PROPERTY_TYPES = ("House - single occupancy", "Purpose built flats/maisonettes", "Converted flat/maisonette",
                  "Self contained sheltered housing", "House in multiple occupation")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in the inward code


def generate(seed=SEED):
    """The sample as (areas, incidents, postcodes, truth): three GeoDataFrames and a dict."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    rng = np.random.default_rng(seed)
    polygons, centres = _areas(rng, shapely)
    n = len(polygons)
    factors = _factors(rng, centres)
    households = rng.integers(450, 950, size=n)

    coefficients = np.array([TRUE_COEFFICIENTS[k] for k in factors])
    design = np.column_stack([factors[k] for k in factors])
    linear = design @ coefficients
    intercept = float(np.log(MEAN_RATE) - np.log(np.mean(np.exp(linear))))
    rate = np.exp(intercept + linear)  # fires per household per year, before the area effect
    area_effect = rng.gamma(1.0 / ALPHA, ALPHA, size=n)
    trend = np.exp(YEARLY_TREND * (np.array(YEARS) - np.mean(YEARS)))
    trend = trend / trend.mean()
    yearly_mean = households[:, None] * rate[:, None] * area_effect[:, None] * trend[None, :]
    counts = rng.poisson(yearly_mean)  # areas x years

    codes = ["X01{:06d}".format(i + 1) for i in range(n)]
    areas = gpd.GeoDataFrame(
        {"area_code": codes, "area_name": ["Sample {:03d}".format(i + 1) for i in range(n)],
         "households": households, **{k: np.round(v, 3) for k, v in factors.items()}},
        geometry=polygons, crs=CRS)
    # The factors are stored rounded; the truth is defined on the stored values.
    stored = np.column_stack([areas[k].to_numpy() for k in factors])
    linear = stored @ coefficients
    intercept = float(np.log(MEAN_RATE) - np.log(np.mean(np.exp(linear))))

    incidents = _incidents(rng, polygons, counts, codes, pd, gpd, shapely)
    postcodes = _postcodes(rng, polygons, households, codes, gpd, shapely)
    postcodes["segment"] = _segments(np.random.default_rng(seed + 2), areas, postcodes)
    incidents["casualties"] = _casualties(np.random.default_rng(seed + 3), incidents, areas)
    truth = {
        "seed": seed,
        "crs": CRS,
        "years": list(YEARS),
        "model": "negative binomial (NB2) on the total over all years, offset log(households * years)",
        "intercept": intercept,
        "coefficients": TRUE_COEFFICIENTS,
        "alpha": ALPHA,
        "yearly_trend": YEARLY_TREND,
        "factor_descriptions": FACTOR_DESCRIPTIONS,
        "area_effect": dict(zip(codes, np.round(area_effect, 6).tolist())),
        "counts": {code: dict(zip(map(str, YEARS), map(int, row))) for code, row in zip(codes, counts)},
        "incidents_outside_borough": int((incidents["area_code"] == "").sum()),
    }
    incidents = incidents.drop(columns="area_code")  # the truth about where they fell is kept aside
    return areas, incidents, postcodes, truth


def write(folder, seed=SEED):
    """Write sample_borough.gpkg (layers areas, incidents, postcodes) and sample_truth.json to folder."""
    import os

    areas, incidents, postcodes, truth = generate(seed)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "sample_borough.gpkg")
    temporary = os.path.join(folder, "sample_borough.part.gpkg")  # written whole, then moved
    if os.path.exists(temporary):
        os.remove(temporary)
    areas.to_file(temporary, layer="areas", driver="GPKG")
    incidents.to_file(temporary, layer="incidents", driver="GPKG")
    postcodes.to_file(temporary, layer="postcodes", driver="GPKG")
    extras = np.random.default_rng(seed + 1)  # its own stream: the extras never change the data above
    _roads(extras).to_file(temporary, layer="roads", driver="GPKG")
    _inspections(extras).to_file(temporary, layer="fire_safety_inspections", driver="GPKG")
    _station_grounds().to_file(temporary, layer="station_grounds", driver="GPKG")
    os.replace(temporary, path)
    _census_table(extras, areas).to_csv(os.path.join(folder, "sample_census_extra.csv"), index=False)
    _write_raster(extras, os.path.join(folder, "sample_impervious.tif"))
    with open(os.path.join(folder, "sample_truth.json"), "w", encoding="utf-8") as handle:
        json.dump(truth, handle, indent=1)
    return path


def _areas(rng, shapely):
    """Voronoi cells around a jittered grid, clipped to the borough: similar-sized, irregular areas."""
    (x0, y0), (width, height), (nx, ny) = BOROUGH_ORIGIN, BOROUGH_SIZE, GRID
    gx, gy = np.meshgrid((np.arange(nx) + 0.5) * width / nx, (np.arange(ny) + 0.5) * height / ny)
    jitter = rng.uniform(-0.35, 0.35, size=(2, gx.size))
    sx = x0 + gx.ravel() + jitter[0] * width / nx
    sy = y0 + gy.ravel() + jitter[1] * height / ny
    seeds = shapely.points(sx, sy)
    borough = shapely.box(x0, y0, x0 + width, y0 + height)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=borough))
    cells = shapely.intersection(cells, borough)
    # Voronoi output order is not the seeds' order: match each seed to its cell.
    tree = shapely.STRtree(cells)
    seed_index, cell_index = tree.query(seeds, predicate="within")
    order = np.empty(len(seeds), dtype=np.int64)
    order[seed_index] = cell_index
    polygons = shapely.set_precision(cells[order], 0.01)
    return polygons, np.column_stack([sx - x0, sy - y0]) / np.array([width, height])


def _smooth_field(rng, centres, bumps=6, width=0.25):
    """A spatially smooth random surface over the unit square, standardised."""
    field = np.zeros(len(centres))
    for _ in range(bumps):
        cx, cy = rng.uniform(0, 1, 2)
        field += rng.normal() * np.exp(-((centres[:, 0] - cx) ** 2 + (centres[:, 1] - cy) ** 2) / width**2)
    return (field - field.mean()) / field.std()


def _factors(rng, centres):
    n = len(centres)
    deprivation = 0.8 * _smooth_field(rng, centres) + 0.6 * rng.normal(size=n)
    age = 0.7 * _smooth_field(rng, centres) + 0.7 * rng.normal(size=n)
    # Urbanity rises towards the north-west corner, as towards central London.
    urbanity = (1.2 * (centres[:, 1] - centres[:, 0]) + 0.5 * rng.normal(size=n))
    urbanity = (urbanity - urbanity.mean()) / urbanity.std()
    noise = lambda scale: rng.normal(scale=scale, size=n)  # noqa: E731
    clip = np.clip
    return {
        "pct_over_65": clip(12 + 4.5 * age - 2.0 * urbanity + noise(1.5), 2, 45),
        "pct_living_alone": clip(31 + 4 * age + 4 * urbanity + 3 * deprivation + noise(4), 8, 70),
        "pct_social_rent": clip(28 + 14 * deprivation + 4 * urbanity + noise(5), 0, 95),
        "pct_bad_health": clip(5 + 1.4 * deprivation + 1.0 * age + noise(1.5), 0.5, 20),
        "imd_score": clip(24 + 10 * deprivation + noise(5), 2, 75),
        "pct_no_car": clip(42 + 9 * urbanity + 8 * deprivation + noise(5), 5, 95),
        "pct_flats": clip(52 + 16 * urbanity + 6 * deprivation + noise(8), 2, 100),
        "pop_density": np.exp(4.2 + 0.45 * urbanity + noise(0.2)),
        "median_income_k": clip(42 - 8 * deprivation + 3 * urbanity + noise(3), 15, 120),
        "ptal": clip(3.4 + 1.1 * urbanity + noise(0.5), 0.2, 8),
        "pct_unemployed": clip(6 + 2.2 * deprivation + noise(1), 0.5, 25),
        "hfsv_per_1k": clip(12 + 4 * deprivation + 2 * age + noise(5), 0, 60),
    }


def _random_points_in(rng, polygon, count, shapely):
    """count uniform random points inside polygon (rejection sampling in its bounding box)."""
    if count == 0:
        return np.empty((0, 2))
    minx, miny, maxx, maxy = polygon.bounds
    shapely.prepare(polygon)
    found = []
    while sum(len(f) for f in found) < count:
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(2 * count + 8, 2))
        found.append(xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])])
    return np.concatenate(found)[:count]


def _incidents(rng, polygons, counts, codes, pd, gpd, shapely):
    rows_xy, rows_year, rows_code = [], [], []
    for i, polygon in enumerate(polygons):
        for j, year in enumerate(YEARS):
            xy = _random_points_in(rng, polygon, int(counts[i, j]), shapely)
            rows_xy.append(xy)
            rows_year += [year] * len(xy)
            rows_code += [codes[i]] * len(xy)
    # A few fires just across the borough boundary, as a neighbour's incidents often are.
    (x0, y0), (width, _) = BOROUGH_ORIGIN, BOROUGH_SIZE
    outside = np.column_stack([rng.uniform(x0, x0 + width, 6), y0 - rng.uniform(20, 400, 6)])
    rows_xy.append(outside)
    rows_year += list(rng.choice(YEARS, 6))
    rows_code += [""] * 6
    xy = np.concatenate(rows_xy)
    years = np.array(rows_year)
    day = rng.integers(0, 365, size=len(years))
    dates = pd.to_datetime(years.astype(str), format="%Y") + pd.to_timedelta(day, unit="D")
    order = np.argsort(dates.values, kind="stable")  # an incident log is in date order
    frame = gpd.GeoDataFrame(
        {"incident_id": ["SMP{:07d}".format(k + 1) for k in range(len(order))],
         "date": dates.values[order],
         "property_type": rng.choice(PROPERTY_TYPES, size=len(order), p=(0.4, 0.3, 0.15, 0.05, 0.1)),
         "area_code": np.array(rows_code)[order]},
        geometry=shapely.points(np.round(xy[order], 2)), crs=CRS)
    return frame


def _postcodes(rng, polygons, households, codes, gpd, shapely):
    names, points, homes, area = [], [], [], []
    used = set()
    for i, polygon in enumerate(polygons):
        n = int(rng.integers(8, 16))
        xy = _random_points_in(rng, polygon, n, shapely)
        split = rng.multinomial(households[i], np.full(n, 1.0 / n))
        district = 1 + i * 9 // len(polygons)
        for k in range(n):
            while True:
                name = "XS{} {}{}{}".format(district, rng.integers(1, 10), *rng.choice(list(POSTCODE_LETTERS), 2))
                if name not in used:
                    used.add(name)
                    break
            names.append(name)
            points.append(xy[k])
            homes.append(int(split[k]))
            area.append(codes[i])
    points = np.array(points)
    return gpd.GeoDataFrame({"postcode": names, "homes": homes, "area_code": area},
                            geometry=shapely.points(np.round(points, 1)), crs=CRS)


def _casualties(rng, incidents, areas):
    """Casualties per fire: most fires hurt nobody; fires where older people live hurt more often."""
    import shapely

    older = (areas["pct_over_65"] > areas["pct_over_65"].median()).to_numpy()
    tree = shapely.STRtree(areas.geometry.values)
    where = np.full(len(incidents), -1)
    hit_points, hit_areas = tree.query(incidents.geometry.values, predicate="intersects")
    where[hit_points] = hit_areas
    rate = np.where((where >= 0) & older[np.maximum(where, 0)], 0.12, 0.06)
    return rng.poisson(rate)


# The eight 2011 Output Area Classification supergroup names, given here by the area's deprivation, age and
# density (a stand-in for a real geodemographic classification, which is not open at postcode level).
SEGMENTS = {(True, True, True): "Constrained City Dwellers", (True, True, False): "Hard-Pressed Living",
            (True, False, True): "Multicultural Metropolitans", (True, False, False): "Ethnicity Central",
            (False, True, True): "Urbanites", (False, True, False): "Suburbanites",
            (False, False, True): "Cosmopolitans", (False, False, False): "Rural Residents"}


def _segments(rng, areas, postcodes, noise=0.1):
    """A lifestyle segment per postcode from its area's profile, with some postcodes unlike their area."""
    by_area = areas.set_index("area_code")
    deprived = by_area["imd_score"] > by_area["imd_score"].median()
    older = by_area["pct_over_65"] > by_area["pct_over_65"].median()
    dense = by_area["pct_flats"] > by_area["pct_flats"].median()
    codes = postcodes["area_code"]
    segments = [SEGMENTS[(bool(deprived[c]), bool(older[c]), bool(dense[c]))] for c in codes]
    names = sorted(SEGMENTS.values())
    for k in np.flatnonzero(rng.random(len(segments)) < noise):
        segments[k] = names[rng.integers(len(names))]
    return segments


# --- extra inputs for Build factors: none of them plays a part in the true fire model ---

def _roads(rng):
    """Straight main roads crossing the borough."""
    import geopandas as gpd
    import shapely

    (x0, y0), (width, height) = BOROUGH_ORIGIN, BOROUGH_SIZE
    lines = []
    for _ in range(30):
        if rng.random() < 0.5:
            ya, yb = rng.uniform(y0, y0 + height, 2)
            lines.append(shapely.LineString([(x0 - 100, ya), (x0 + width + 100, yb)]))
        else:
            xa, xb = rng.uniform(x0, x0 + width, 2)
            lines.append(shapely.LineString([(xa, y0 - 100), (xb, y0 + height + 100)]))
    return gpd.GeoDataFrame({"road_class": rng.choice(["A road", "B road"], len(lines))}, geometry=lines, crs=CRS)


def _inspections(rng, count=700):
    """Fire safety inspections of non-domestic premises, scattered over the borough."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    (x0, y0), (width, height) = BOROUGH_ORIGIN, BOROUGH_SIZE
    xy = rng.uniform((x0, y0), (x0 + width, y0 + height), size=(count, 2))
    dates = pd.to_datetime("2015-01-01") + pd.to_timedelta(rng.integers(0, 730, count), unit="D")
    return gpd.GeoDataFrame({"date": dates}, geometry=shapely.points(np.round(xy, 1)), crs=CRS)


def _station_grounds():
    """Four fire station grounds, the borough's quarters, for visit lists split by station."""
    import geopandas as gpd
    import shapely

    (x0, y0), (width, height) = BOROUGH_ORIGIN, BOROUGH_SIZE
    half_w, half_h = width / 2, height / 2
    boxes = [shapely.box(x0 + i * half_w, y0 + j * half_h, x0 + (i + 1) * half_w, y0 + (j + 1) * half_h)
             for j in (1, 0) for i in (0, 1)]
    return gpd.GeoDataFrame({"station": ["Northwest", "Northeast", "Southwest", "Southeast"]}, geometry=boxes, crs=CRS)


def _census_table(rng, areas):
    """A census extract as councils receive it: its own key name, text cells, '.' for suppressed values."""
    import pandas as pd

    n = len(areas)
    students = np.clip(8 + 4 * rng.normal(size=n), 0, 60).round(1).astype(object)
    private_rent = np.clip(25 + 8 * rng.normal(size=n), 0, 90).round(1).astype(object)
    students[rng.choice(n, 3, replace=False)] = "."
    return pd.DataFrame({"LSOA code": areas["area_code"], "Area name": areas["area_name"],
                         "Full-time students (%)": students, "Private rented (%)": private_rent})


def _write_raster(rng, path, cell=100.0):
    """An impervious-surface percentage surface on a 100 m grid (GeoTIFF)."""
    import rasterio
    from rasterio.transform import from_origin

    (x0, y0), (width, height) = BOROUGH_ORIGIN, BOROUGH_SIZE
    ncols, nrows = int(width / cell), int(height / cell)
    cx, cy = np.meshgrid((np.arange(ncols) + 0.5) / ncols, (np.arange(nrows) + 0.5) / nrows)
    surface = 40 + 30 * (1 - cy[::-1] + cx) / 2 + 5 * rng.normal(size=cx.shape)
    profile = {"driver": "GTiff", "width": ncols, "height": nrows, "count": 1, "dtype": "float32",
               "crs": CRS, "transform": from_origin(x0, y0 + height, cell, cell), "nodata": -9999.0}
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(np.clip(surface, 0, 100).astype("float32"), 1)
