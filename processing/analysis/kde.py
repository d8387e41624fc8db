"""Kernel density surfaces of points (fires, F/G homes, claimants) on a regular grid.

The kernel is the quartic (biweight) kernel QGIS's own heatmap uses, K(d) = 3/(pi h^2) (1 - d^2/h^2)^2
for d < h, so the surface integrates to the (weighted) number of points: values are points per square
unit of the CRS (per m^2 in British National Grid; the algorithm reports per km^2). Points are binned to
cells and the kernel applied by FFT convolution, so a city at 50 m cells takes well under a second.
"""
import numpy as np

from .messages import AnalysisError, translatable

HOT_SPOT_NEIGHBOURS = 20
# What a cell costs while the surface is made: the counts, two half spectra and the inverse transform of the
# FFT on the padded grid, the smoothed grid, the float32 copy written and the boundary mask.
BYTES_PER_CELL = 64
FALLBACK_MEMORY = 4 * 1024 ** 3  # where the free memory cannot be read (Windows)


def nearest_neighbour_bandwidth(x, y, k=HOT_SPOT_NEIGHBOURS):
    """The median distance from a point to its k-th nearest other point: a kernel of that radius holds about
    k points where points are typical, so it follows streets and estates rather than the whole borough.
    (About 300 m for the sample borough's fires and for London's.)"""
    from scipy.spatial import cKDTree

    points = np.column_stack([np.asarray(x, float), np.asarray(y, float)])
    points = points[np.isfinite(points).all(axis=1)]
    if len(points) < 2:
        raise AnalysisError(translatable("A density surface needs at least two points."))
    k = min(k, len(points) - 1)
    distances, _ = cKDTree(points).query(points, k=k + 1)
    bandwidth = float(np.median(distances[:, k]))
    if not bandwidth > 0:
        raise AnalysisError(translatable("Most points share a position with {} others: give the bandwidth."), k)
    return bandwidth


def silverman_bandwidth(x, y):
    """Silverman's rule of thumb for two dimensions: h = sigma * n^(-1/6), with sigma the mean of the two
    coordinates' standard deviations (each taken as the smaller of the SD and IQR/1.34, which resists
    outliers); for the quartic kernel the Gaussian-equivalent width is scaled by 2.78."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    if n < 2:
        raise AnalysisError(translatable("A density surface needs at least two points."))

    def spread(values):
        iqr = np.subtract(*np.percentile(values, [75, 25]))
        sd = values.std(ddof=1)
        return min(sd, iqr / 1.34) if iqr > 0 else sd

    sigma = (spread(x) + spread(y)) / 2
    if not sigma > 0:
        raise AnalysisError(translatable("All points are in one place: give the bandwidth."))
    return float(2.78 * sigma * n ** (-1 / 6))



def available_memory():
    """Bytes of memory free now, or None where the system does not say."""
    import os

    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def grid_shape(bounds, cell):
    minx, miny, maxx, maxy = bounds
    return max(1, int(np.ceil((maxy - miny) / cell))), max(1, int(np.ceil((maxx - minx) / cell)))


def check_memory(bounds, cell, bandwidth=0.0, free=None):
    """Refuse, with the figures, a grid whose making would need more than half the free memory."""
    from scipy.fft import next_fast_len

    nrows, ncols = grid_shape(bounds, cell)
    reach = 2 * int(np.ceil(bandwidth / cell)) + 1
    padded = next_fast_len(nrows + reach - 1) * next_fast_len(ncols + reach - 1, real=True)
    needed = BYTES_PER_CELL * padded
    free = available_memory() if free is None else free
    budget = (free if free is not None else FALLBACK_MEMORY) / 2
    if needed > budget:
        larger = cell * float(np.sqrt(needed / budget)) * 1.05
        raise AnalysisError(translatable("A surface of {:,} x {:,} cells of {:g} needs about {:,.1f} GB of memory, "
                                         "more than half of the {:,.1f} GB free. Choose a cell size of at least "
                                         "{:,.0f}, or clip to a smaller boundary."),
                            ncols, nrows, cell, needed / 1024 ** 3, budget * 2 / 1024 ** 3, np.ceil(larger))
    return nrows, ncols


def quartic_kernel(bandwidth, cell):
    """The kernel on cells, weights summing to 1 (so the surface keeps the number of points)."""
    radius = int(np.ceil(bandwidth / cell))
    offsets = np.arange(-radius, radius + 1) * cell
    dx, dy = np.meshgrid(offsets, offsets)
    d2 = (dx**2 + dy**2) / bandwidth**2
    kernel = np.where(d2 < 1, (1 - d2) ** 2, 0.0)
    total = kernel.sum()
    return kernel / total if total > 0 else kernel


def density_grid(x, y, bounds, cell, bandwidth, weights=None):
    """(grid, transform origin): points per square CRS unit on cells of `cell` size covering bounds
    (minx, miny, maxx, maxy); row 0 is the northern edge, as GeoTIFFs are laid out."""
    from scipy.signal import fftconvolve

    if cell <= 0 or bandwidth <= 0:
        raise AnalysisError(translatable("The cell size and the bandwidth must be positive."))
    x, y = np.asarray(x, float), np.asarray(y, float)
    w = np.ones(len(x)) if weights is None else np.asarray(weights, float)
    ok = np.isfinite(x) & np.isfinite(y) & np.isfinite(w)
    minx, miny, maxx, maxy = bounds
    nrows, ncols = check_memory(bounds, cell, bandwidth)
    col = np.floor((x[ok] - minx) / cell).astype(np.int64)
    row = np.floor((maxy - y[ok]) / cell).astype(np.int64)
    inside = (col >= 0) & (col < ncols) & (row >= 0) & (row < nrows)
    counts = np.zeros((nrows, ncols))
    np.add.at(counts, (row[inside], col[inside]), w[ok][inside])
    kernel = quartic_kernel(bandwidth, cell)
    smoothed = fftconvolve(counts, kernel, mode="same")
    smoothed[smoothed < 1e-12 * max(smoothed.max(), 1e-300)] = 0.0  # FFT round-off below zero
    return smoothed / (cell * cell), (minx, maxy)
