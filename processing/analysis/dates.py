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


# --- dates as registers and spreadsheets export them, each form recognised value by value -----------------
ISO_FORM = r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ T].*)?$"
NUMERIC_FORM = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$"
EXCEL_SERIAL_FORM = r"^\d{5}(?:\.\d+)?$"  # 10000-99999: 1927-2173 as Excel counts days
EXCEL_EPOCH = "1899-12-30"  # Excel's day 0 (it treats 1900 as a leap year, so day 60 onwards start here)


class DateReader:
    """Reads a text column whose dates may be ISO (2016-03-31), Excel serial numbers (42460), day-first
    (31/03/2016) or month-first (03/31/2016), in any mixture, chunk after chunk of one file.

    The day/month order of numeric dates is the file's: decided from the first values that can only be
    read one way (a first number above 12 means day first), then kept. Values that could be read either
    way are counted, and `notes()` warns about them; so do values that contradict the file's order and
    values that are no date at all."""

    def __init__(self, day_first=None):
        self.day_first = day_first
        self.decided_by = None
        self.counts = {"iso": 0, "excel": 0, "numeric": 0, "other": 0, "ambiguous": 0, "contrary": 0,
                       "assumed": 0, "bad": 0}
        self.examples = {"ambiguous": [], "contrary": [], "bad": [], "evidence": [], "excel": []}

    def _example(self, kind, values):
        room = 3 - len(self.examples[kind])
        if room > 0:
            self.examples[kind] += [str(v) for v in values[:room]]

    def read(self, texts, weights=None):
        """Datetimes (NaT where empty or not a date) for a pandas Series of text. `weights`, when given, is how
        many times each value occurs (a file's distinct dates read once each): counts and the day/month
        majority weigh each value by it."""
        import pandas as pd

        text = texts.fillna("").astype(str).str.strip()
        weight = pd.Series(1, index=text.index) if weights is None else pd.Series(list(weights), index=text.index)
        result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
        todo = text != ""
        iso = todo & text.str.match(ISO_FORM)
        result[iso] = pd.to_datetime(text[iso].str.slice(0, 10).str.replace("/", "-"), format="%Y-%m-%d",
                                     errors="coerce")
        excel = todo & ~iso & text.str.match(EXCEL_SERIAL_FORM)
        result[excel] = pd.Timestamp(EXCEL_EPOCH) + pd.to_timedelta(text[excel].astype(float).round(), unit="D")
        self._example("excel", text[excel].tolist())
        parts = text.str.extract(NUMERIC_FORM)
        numeric = todo & ~iso & ~excel & parts[0].notna()
        result[numeric] = self._numeric(parts[numeric].astype(int), weight[numeric])
        other = todo & ~iso & ~excel & ~numeric
        if other.any():
            result[other] = pd.to_datetime(text[other], errors="coerce", format="mixed",
                                           dayfirst=self.day_first is not False)
        bad = todo & result.isna()
        self._example("bad", text[bad].tolist())
        self.counts["iso"] += int(weight[iso].sum())
        self.counts["excel"] += int(weight[excel].sum())
        self.counts["numeric"] += int(weight[numeric].sum())
        self.counts["other"] += int(weight[other & ~bad].sum())
        self.counts["bad"] += int(weight[bad].sum())
        return result

    def _numeric(self, parts, weight):
        import pandas as pd

        first, second, year = parts[0], parts[1], parts[2]
        day_only = (first > 12) & (second <= 12)
        month_only = (second > 12) & (first <= 12)
        if self.day_first is None and (day_only.any() or month_only.any()):
            self.day_first = bool(weight[day_only].sum() >= weight[month_only].sum())
            evidence = parts[day_only if self.day_first else month_only].head(1)
            self.decided_by = ["{:02d}/{:02d}/{}".format(*row) for row in evidence.itertuples(index=False)][0]
        day_first = self.day_first is not False
        contrary = month_only if day_first else day_only
        ambiguous = (first <= 12) & (second <= 12) & (first != second)
        day = first.where(day_first != contrary, second)
        month = second.where(day_first != contrary, first)
        self.counts["contrary"] += int(weight[contrary].sum())
        self.counts["ambiguous"] += int(weight[ambiguous].sum())
        if self.day_first is None:
            self.counts["assumed"] += int(weight[ambiguous].sum())
        for kind, mask in (("contrary", contrary), ("ambiguous", ambiguous)):
            self._example(kind, ["{:02d}/{:02d}/{}".format(*row) for row in parts[mask].head(3).itertuples(index=False)])
        return pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")

    def notes(self, what):
        """Notes for the log: the forms found, and warnings for ambiguous, contrary and unreadable dates."""
        from .messages import Note, translatable

        notes = []
        if self.counts["excel"]:
            notes.append(Note(translatable("{}: {} date(s) are Excel day numbers (e.g. {}), read as days since "
                                           "30/12/1899."), what, self.counts["excel"], self.examples["excel"][0]))
        order = translatable("day first") if self.day_first is not False else translatable("month first")
        if self.counts["numeric"] and self.decided_by:
            notes.append(Note(translatable("{}: dates such as {} show the file writes numeric dates {}."), what,
                              self.decided_by, order))
        if self.counts["ambiguous"]:
            if self.counts["assumed"] or not self.decided_by:
                notes.append(Note(translatable("{}: {} date(s) such as {} could be day first or month first, and "
                                               "nothing in the file shows which; they were read day first, as UK "
                                               "registers write them. Check a few against the source."), what,
                                  self.counts["ambiguous"], ", ".join(self.examples["ambiguous"]), warning=True))
            else:
                notes.append(Note(translatable("{}: {} date(s) such as {} could be read either way; they were read "
                                               "{}, as the file's other dates are."), what, self.counts["ambiguous"],
                                  ", ".join(self.examples["ambiguous"]), order, warning=True))
        if self.counts["contrary"]:
            notes.append(Note(translatable("{}: {} date(s) such as {} can only be read the other way round from the "
                                           "rest of the file, and were."), what, self.counts["contrary"],
                              ", ".join(self.examples["contrary"]), warning=True))
        if self.counts["bad"]:
            notes.append(Note(translatable("{}: {} value(s) are not dates (e.g. {}); they are left empty."), what,
                              self.counts["bad"], ", ".join(repr(v) for v in self.examples["bad"]), warning=True))
        return notes
