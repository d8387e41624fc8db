"""Parsing incident dates as council and fire-service exports write them."""
import datetime

import numpy as np

# Tried in order after ISO 8601; UK exports write day first.
UK_FORMATS = ("%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y", "%d.%m.%Y")


class DateParseError(ValueError):
    def __init__(self, bad_values, n_bad):
        self.bad_values = list(bad_values)
        self.n_bad = n_bad
        super().__init__(
            "{} value(s) are not dates, e.g. {}".format(n_bad, ", ".join(repr(v) for v in self.bad_values))
        )


def parse_dates(values):
    """Dates (numpy datetime64[D], NaT where missing) from dates, datetimes or text.

    Text may be ISO 8601 (2016-03-31, 2016-03-31T14:05:00) or day-first UK (31/03/2016).
    Raises DateParseError listing a few values that are neither missing nor a date.
    """
    import pandas as pd

    series = pd.Series(list(values), dtype=object)
    text = series.map(_as_text)
    present = text.notna()
    parsed = pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns]")
    todo = present.copy()
    for fmt in ("ISO8601",) + UK_FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        ok = attempt.notna()
        parsed[ok[ok].index] = attempt[ok]
        todo[ok[ok].index] = False
    if todo.any():
        raise DateParseError(text[todo].head(3).tolist(), int(todo.sum()))
    return parsed.values.astype("datetime64[D]")


def _as_text(value):
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def years_of(dates):
    """Calendar year of each datetime64[D] (-1 where missing)."""
    dates = np.asarray(dates, dtype="datetime64[D]")
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    return np.where(np.isnat(dates), -1, years)
