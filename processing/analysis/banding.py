"""Risk bands: one object holds how areas are banded by their forecast rate (thresholds, band count, labels,
colours), so the parameters, the model file, the layer style, the report and its charts all agree.

Rates are incidents per 10,000 households a year. Band 1 is the lowest; an area with a rate equal to a
threshold goes in the band below it (London Fire Brigade: ≤10, >10–15, >15–20, >20–25, >25).
numpy is imported only where needed, so the Processing parameters can use this module without it.
"""
import math
from dataclasses import dataclass, replace

from .messages import AnalysisError, Note, translatable

LFB_THRESHOLDS = (10.0, 15.0, 20.0, 25.0)  # London Fire Brigade, fires per 10,000 households a year
BAND_COUNT = len(LFB_THRESHOLDS) + 1
NAMES = (translatable("Well below average"), translatable("Below average"), translatable("Average"),
         translatable("Above average"), translatable("Well above average"))
COLOURS = ("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c")  # green to red, as LFB's maps
METHODS = ("lfb", "thresholds", "quantiles", "natural breaks")
LABEL_STYLES = ("auto", "rate", "name")  # auto: rates for fixed thresholds, names for data-driven bands
UNITS = "incidents per 10,000 households per year"


def number_text(value):
    """A threshold as people write it: 10, 12.5, 18.3."""
    return "{:g}".format(value) if float(value).is_integer() else "{:.1f}".format(value)


def thresholds_text(thresholds=LFB_THRESHOLDS, separator=", "):
    return separator.join(number_text(t) for t in thresholds)


def parse_thresholds(text):
    """The user's thresholds from '10,15,20,25' (commas or semicolons); the LFB ones when empty."""
    if not text or not text.strip():
        return LFB_THRESHOLDS
    try:
        values = tuple(float(part) for part in text.replace(";", ",").split(",") if part.strip())
    except ValueError:
        raise AnalysisError(translatable("My thresholds must be {} numbers separated by commas, e.g. {}; not "
                                         "'{}'."), len(LFB_THRESHOLDS), thresholds_text(separator=","), text)
    return tuple(check_thresholds(values, translatable("My thresholds")))


def check_thresholds(thresholds, what):
    """Four finite, strictly increasing, non-negative thresholds; `what` names them in messages."""
    values = list(thresholds) if isinstance(thresholds, (list, tuple)) else []
    if len(values) != len(LFB_THRESHOLDS):
        raise AnalysisError(translatable("{} must be {} numbers for {} bands, not {}."), what, len(LFB_THRESHOLDS),
                            BAND_COUNT, thresholds)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise AnalysisError(translatable("{} must be finite numbers, not {}."), what,
                            ", ".join(str(v) for v in values))
    if any(v < 0 for v in values) or any(b <= a for a, b in zip(values, values[1:])):
        raise AnalysisError(translatable("{} must be zero or more and strictly increasing, e.g. {}; not {}."),
                            what, thresholds_text(), ", ".join(number_text(v) for v in values))
    return [float(v) for v in values]


@dataclass(frozen=True)
class Banding:
    method: str = "lfb"
    thresholds: tuple = LFB_THRESHOLDS  # None for quantiles and natural breaks until fitted to the rates
    label_style: str = "auto"

    @classmethod
    def of(cls, method="lfb", thresholds=None, label_style="auto"):
        """The banding a user asked for, checked."""
        if method not in METHODS:
            raise AnalysisError(translatable("Unknown banding method '{}'."), method)
        if label_style not in LABEL_STYLES:
            raise AnalysisError(translatable("Unknown band label style '{}'."), label_style)
        if method == "lfb":
            thresholds = LFB_THRESHOLDS
        elif method == "thresholds":
            thresholds = tuple(check_thresholds(list(thresholds or ()), translatable("My thresholds")))
        else:
            thresholds = None
        return cls(method, thresholds, label_style)

    @classmethod
    def from_dict(cls, bands):
        """From a model file's 'bands' (files written before label styles were labelled by name)."""
        if not isinstance(bands, dict) or bands.get("method") not in METHODS:
            raise AnalysisError(translatable("The model file's bands are not described (method one of {})."),
                                ", ".join(METHODS))
        thresholds = bands.get("thresholds")
        if thresholds is not None or bands["method"] in ("lfb", "thresholds"):
            thresholds = tuple(check_thresholds(thresholds, translatable("The model file's band thresholds")))
        label_style = bands.get("label_style", "name")
        if label_style not in LABEL_STYLES:
            raise AnalysisError(translatable("Unknown band label style '{}'."), label_style)
        return cls(bands["method"], thresholds, label_style)

    def to_dict(self):
        return {"method": self.method, "thresholds": list(self.thresholds) if self.thresholds else None,
                "label_style": self.label_style, "labels": self.labels() if self.thresholds else list(NAMES),
                "units": UNITS}

    @property
    def count(self):
        return BAND_COUNT

    @property
    def fixed(self):
        """Thresholds set in advance (LFB's or the user's), not taken from the data."""
        return self.method in ("lfb", "thresholds")

    @property
    def by_rate(self):
        return self.label_style == "rate" or (self.label_style == "auto" and self.fixed)

    @property
    def colours(self):
        return COLOURS

    def fitted(self, rates):
        """This banding with thresholds: its own, or quintiles / natural breaks of the finite rates."""
        import numpy as np

        if self.thresholds is not None:
            return self
        values = np.asarray(rates, dtype=float)
        values = values[np.isfinite(values)]
        if len(values) < BAND_COUNT:
            raise AnalysisError(translatable("{} bands by {} need at least {} areas with a forecast, not {}."),
                                BAND_COUNT, self.method, BAND_COUNT, len(values))
        return replace(self, thresholds=tuple(_data_thresholds(values, self.method)))

    def assign(self, rates):
        """Band of each rate, 1…count; 0 where the rate is missing."""
        import numpy as np

        rates = np.asarray(rates, dtype=float)
        bands = 1 + np.searchsorted(np.asarray(self.thresholds, dtype=float), rates, side="left")
        return np.where(np.isfinite(rates), bands, 0)

    def label_notes(self):
        """One translatable label per band (a Note: its template and values)."""
        if not self.by_rate or self.thresholds is None:
            return [Note(name) for name in NAMES]
        text = [number_text(t) for t in self.thresholds]
        notes = [Note(translatable("Up to {} per 10,000 households"), text[0])]
        notes += [Note(translatable("{}–{} per 10,000 households"), low, high) for low, high in zip(text, text[1:])]
        notes.append(Note(translatable("Over {} per 10,000 households"), text[-1]))
        return notes

    def labels(self, translate=lambda text: text):
        return [note.render(translate) for note in self.label_notes()]

    def ranges(self):
        """Each band's rates as text: '≤ 10', '10 – 15', …, '> 25'."""
        text = [number_text(t) for t in self.thresholds]
        return ["≤ {}".format(text[0])] + ["{} – {}".format(a, b) for a, b in zip(text, text[1:])] + \
            ["> {}".format(text[-1])]

    def counts(self, bands):
        """Areas per band, band 1 first (band 0, no forecast, left out)."""
        import numpy as np

        return np.bincount(np.asarray(bands, dtype=int), minlength=self.count + 1)[1:self.count + 1]

    def average_note(self, average_rate):
        """With LFB's thresholds, a warning when this data's average is not in the middle band: the names
        'Average' and 'Above average' then describe London, not these areas."""
        import numpy as np

        if self.method != "lfb" or not np.isfinite(average_rate):
            return None
        band = int(self.assign([average_rate])[0])
        middle = (self.count + 1) // 2
        if band == middle:
            return None
        return Note(translatable("The average here is {:.1f} incidents per 10,000 households a year, which falls in "
                                 "band {} of the London Fire Brigade thresholds, not in the middle band {}: the bands "
                                 "compare these areas with London's rates, not with their own average. For bands "
                                 "relative to this data, choose quintiles or natural breaks."),
                    average_rate, band, middle, warning=True)


def _data_thresholds(values, method):
    import numpy as np

    k = BAND_COUNT
    if method == "quantiles":  # the quintiles; tied ones collapse, leaving the top bands empty
        bins = np.unique(np.percentile(values, np.linspace(100 / k, 100, k)))
    else:
        ranges = natural_breaks(values, k)
        if len(ranges) < k:
            raise AnalysisError(translatable("Natural breaks need at least {} different rates to form {} bands; these "
                                             "areas have {}. Choose quantiles or the LFB thresholds."),
                                k, k, len(ranges))
        bins = [upper for _, upper in ranges]
    thresholds = [float(b) for b in bins[:k - 1]]
    for i in range(1, len(thresholds)):  # ties in the data: keep the thresholds strictly increasing
        thresholds[i] = max(thresholds[i], np.nextafter(thresholds[i - 1], np.inf))
    return thresholds


def natural_breaks(values, classes=5, most_distinct=1000):
    """Jenks natural breaks of a map's values: the class bounds [(lower, upper), ...] from the smallest value to
    the largest, minimising the squared deviations within classes (Fisher's exact method). Computed on the distinct
    values, each weighted by how often it occurs, so whole-number counts (a few dozen distinct values over thousands
    of areas) are classified exactly and at once; beyond most_distinct distinct values, on that many evenly spaced
    quantiles. NaN and infinities are left out. Fewer distinct values than classes give one class each."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if not len(values):
        return []
    distinct, weight = np.unique(values, return_counts=True)
    if len(distinct) > most_distinct:
        distinct = np.unique(np.quantile(values, np.linspace(0, 1, most_distinct)))
        weight = np.ones(len(distinct))
    n = len(distinct)
    classes = min(classes, n)
    if classes <= 1:
        return [(float(distinct[0]), float(distinct[-1]))]
    weight = weight.astype(float)
    # prefix sums: the squared deviation of distinct[i..j] in constant time
    s0 = np.concatenate([[0.0], np.cumsum(weight)])
    s1 = np.concatenate([[0.0], np.cumsum(weight * distinct)])
    s2 = np.concatenate([[0.0], np.cumsum(weight * distinct ** 2)])

    def deviation(first, last):  # of distinct[first..last], arrays of indexes
        w = s0[last + 1] - s0[first]
        total = s1[last + 1] - s1[first]
        return s2[last + 1] - s2[first] - total * total / w

    cost = deviation(np.zeros(n, dtype=int), np.arange(n))  # one class over distinct[0..j]
    start = [np.zeros(n, dtype=int)]  # the first index of the last class ending at j
    for _ in range(1, classes):
        new_cost, new_start = np.full(n, np.inf), np.zeros(n, dtype=int)
        for j in range(1, n):
            first = np.arange(1, j + 1)  # the last class is distinct[first..j]
            total = cost[first - 1] + deviation(first, np.full(j, j))
            best = int(np.argmin(total))
            new_cost[j], new_start[j] = total[best], first[best]
        cost = new_cost
        start.append(new_start)
    ends, last = [], n - 1
    for level in range(classes - 1, -1, -1):
        ends.append(last)
        last = start[level][last] - 1
    ends = ends[::-1]
    bounds = [float(distinct[0])] + [float(distinct[e]) for e in ends]
    return list(zip(bounds[:-1], bounds[1:]))
