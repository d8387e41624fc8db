"""A health-housing index per area: indicators standardised (higher = worse), weighted and combined, with
spine charts in the manner of Public Health England's local health profiles and a street list for surveys."""
import re
from html import escape

import numpy as np

from .messages import AnalysisError, Note, translatable

# Default weights: cold homes count double, as the strongest housing harm to health the data shows.
DEFAULT_WEIGHTS = {"pct_fg": 2.0, "pct_private_rented": 1.0, "claimants_per_1k": 1.0, "imd_health": 1.0,
                   "imd_living_environment": 1.0}
BAND_LABELS = (translatable("Much better"), translatable("Better"), translatable("Average"), translatable("Worse"),
               translatable("Much worse"))


# Readable names for the indicators the index computes itself; other indicators keep their field's name.
INDICATOR_LABELS = {"pct_fg": translatable("F/G-rated homes (%)"),
                    "pct_private_rented": translatable("Privately rented homes (%)"),
                    "claimants_per_1k": translatable("Claimants per 1,000 EPC homes"),
                    "imd_health": translatable("IMD health deprivation score"),
                    "imd_living_environment": translatable("IMD living environment score")}


def parse_weights(text, indicators=None):
    """'pct_fg=2, imd_health=0.5' -> dict over the defaults; empty text gives the defaults.

    `indicators` are the names this run computes: a weight for any other name is refused, naming the
    valid ones (a misspelt name would otherwise be ignored). Weights must be finite and not negative."""
    import math

    weights = dict(DEFAULT_WEIGHTS)
    for part in (text or "").split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise AnalysisError(translatable("Weights are name=number pairs separated by commas, not '{}'."), part.strip())
        name, value = (piece.strip() for piece in part.split("=", 1))
        try:
            number = float(value)
        except ValueError:
            raise AnalysisError(translatable("The weight of '{}' is not a number: '{}'."), name, value)
        if not math.isfinite(number) or number < 0:
            raise AnalysisError(translatable("The weight of '{}' must be a number of zero or more, not '{}'."),
                                name, value)
        if indicators is not None and name not in indicators:
            raise AnalysisError(translatable("There is no indicator '{}' to weight. The indicators of this run are: "
                                             "{}."), name, ", ".join(indicators))
        weights[name] = number
    return weights


def area_indicators(home_area, band_fg, private_rented, n_areas, claimant_area=None):
    """The housing indicators per area from EPC homes (and claimants): (indicators DataFrame, homes per area).

    home_area / claimant_area: the area index of each home / claimant (-1 outside every area); band_fg and
    private_rented: 1/0 per home (NaN where unknown). pct_fg counts only homes with a rating."""
    import pandas as pd

    def share(numerator, denominator, scale):
        return np.divide(scale * numerator, denominator, out=np.full(n_areas, np.nan), where=denominator > 0)

    homes = pd.DataFrame({"area": np.asarray(home_area), "fg": np.asarray(band_fg, float),
                          "private": np.asarray(private_rented, float)})
    homes = homes[homes["area"] >= 0]
    epc_homes = np.bincount(homes["area"], minlength=n_areas).astype(float)
    rated = homes.dropna(subset=["fg"])
    fg_homes = np.bincount(rated["area"], weights=rated["fg"], minlength=n_areas)
    rated_homes = np.bincount(rated["area"], minlength=n_areas)
    private_homes = np.bincount(homes["area"], weights=homes["private"].fillna(0), minlength=n_areas)
    indicators = pd.DataFrame({"pct_fg": share(fg_homes, rated_homes, 100.0),
                               "pct_private_rented": share(private_homes, epc_homes, 100.0)})
    if claimant_area is not None:
        claimant_area = np.asarray(claimant_area)
        claimants = np.bincount(claimant_area[claimant_area >= 0], minlength=n_areas)
        indicators["claimants_per_1k"] = share(claimants, epc_homes, 1000.0)
    return indicators, epc_homes


def combine(indicators, weights):
    """(index, z-scores DataFrame, band 1-5, notes): the weighted mean of standardised indicators."""
    notes = []
    z = {}
    for name in indicators.columns:
        values = indicators[name].astype(float)
        infinite = np.isinf(values)
        if infinite.any():  # e.g. a rate divided by zero upstream: unknown, not infinitely bad
            notes.append(Note(translatable("Indicator '{}': {} infinite value(s) count as average."), name,
                              int(infinite.sum()), warning=True))
            values = values.where(~infinite)
        sd = values.std()
        if not np.isfinite(sd) or sd == 0:
            notes.append(Note(translatable("Indicator '{}' is the same everywhere and was left out."), name, warning=True))
            continue
        z[name] = ((values - values.mean()) / sd).fillna(0.0)
    if not z:
        raise AnalysisError(translatable("No indicator varies between areas: there is nothing to index."))
    import pandas as pd

    z = pd.DataFrame(z)
    w = np.array([weights.get(name, 1.0) for name in z.columns])
    if w.sum() <= 0:
        raise AnalysisError(translatable("The weights must add up to more than zero."))
    index = (z.to_numpy() * w).sum(axis=1) / w.sum()
    ranks = pd.Series(index).rank(method="first").to_numpy()
    band = np.minimum(5, 1 + (5 * (ranks - 1) // len(index)).astype(int))
    return index, z, band, notes


def street_list(addresses, postcodes, flagged):
    """Streets (name + postcode district) ranked by flagged homes, for street surveys."""
    import pandas as pd

    street = [re.sub(r"^(FLAT\s+\w+,?\s*)?[0-9]+[A-Z]?\s*", "", str(a or "").upper()).split(",")[0].strip() for a in addresses]
    district = [str(p).split(" ")[0] if p else "" for p in postcodes]
    frame = pd.DataFrame({"street": street, "district": district, "flagged": np.asarray(flagged, dtype=float)})
    frame = frame[frame["street"] != ""]
    table = frame.groupby(["street", "district"]).agg(flagged_homes=("flagged", "sum"), homes=("flagged", "size"))
    table = table.reset_index().sort_values(["flagged_homes", "homes", "street"], ascending=[False, False, True])
    table["flagged_homes"] = table["flagged_homes"].astype(int)
    return table.reset_index(drop=True)


def spine_chart_svg(name, values, indicators, labels=None, headings=("Area", "Average"), width=860):
    """One area's spine chart: for each indicator its readable name, the area's value and the average of all
    areas, then the range of all areas (light: whole range, dark: 25th to 75th percentile), the average
    (line) and the area (dot: red where worse than three areas in four, green where better)."""
    labels = labels or {}
    rows = list(indicators.columns)
    row_height, left, right, top = 26, 390, 30, 52
    value_x, average_x = 262, 340
    height = top + row_height * len(rows) + 10
    span = width - left - right
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="Helvetica, Arial, sans-serif" '
             'font-size="12">'.format(width, height),
             '<rect width="100%" height="100%" fill="white"/>',
             '<text x="4" y="20" font-weight="bold">{}</text>'.format(escape(str(name))),
             '<text x="{}" y="{}" text-anchor="end" fill="#555">{}</text>'.format(value_x, top - 8, escape(headings[0])),
             '<text x="{}" y="{}" text-anchor="end" fill="#555">{}</text>'.format(average_x, top - 8, escape(headings[1]))]
    for k, indicator in enumerate(rows):
        column = indicators[indicator].astype(float)
        low, q1, mean, q3, high = column.min(), column.quantile(0.25), column.mean(), column.quantile(0.75), column.max()
        # centre the spine on the average, as PHE does: the longer side of the range fills half the width
        reach = max(mean - low, high - mean) or 1.0

        def x(value):
            return left + span / 2 + (value - mean) / reach * span / 2

        y = top + k * row_height
        value = float(values[indicator])
        colour = "#c0392b" if value > q3 else ("#1a9641" if value < q1 else "#f2c14e")
        label = labels.get(indicator, indicator)
        parts += ['<text x="4" y="{}">{}</text>'.format(y + 16, escape(str(label))),
                  '<text x="{}" y="{}" text-anchor="end" font-weight="bold">{}</text>'.format(
                      value_x, y + 16, escape(format_value(value))),
                  '<text x="{}" y="{}" text-anchor="end">{}</text>'.format(average_x, y + 16, escape(format_value(mean))),
                  '<rect x="{:.1f}" y="{}" width="{:.1f}" height="16" fill="#dde3ea"/>'.format(x(low), y + 4, x(high) - x(low)),
                  '<rect x="{:.1f}" y="{}" width="{:.1f}" height="16" fill="#9fb3c8"/>'.format(x(q1), y + 4, x(q3) - x(q1))]
        parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#222" stroke-width="2"/>'.format(
            x(mean), y + 2, y + 22))
        if np.isfinite(value):
            parts.append('<circle cx="{:.1f}" cy="{}" r="6" fill="{}" stroke="#222"/>'.format(x(value), y + 12, colour))
    parts.append("</svg>")
    return "".join(parts)


def format_value(value):
    """A value as people read it: 23.4, 1,234, or an en dash where there is none."""
    if value is None or not np.isfinite(value):
        return "\u2013"
    if abs(value) >= 1000:
        return "{:,.0f}".format(value)
    return "{:.1f}".format(value) if abs(value) >= 10 else "{:.2f}".format(value)
