"""Domestic Energy Performance Certificates: a chunked
loader that keeps the latest certificate per home and derives the fields health-and-housing work needs.

Column names follow the register's bulk download (`CURRENT_ENERGY_RATING`); the API's lower-case hyphenated
names (`current-energy-rating`) are accepted too.
"""
import re

import numpy as np

from .messages import AnalysisError, Note, translatable

SCHEMA = ("LMK_KEY", "ADDRESS1", "ADDRESS2", "ADDRESS3", "POSTCODE", "BUILDING_REFERENCE_NUMBER",
          "CURRENT_ENERGY_RATING", "POTENTIAL_ENERGY_RATING", "CURRENT_ENERGY_EFFICIENCY", "POTENTIAL_ENERGY_EFFICIENCY",
          "PROPERTY_TYPE", "BUILT_FORM", "INSPECTION_DATE", "LOCAL_AUTHORITY", "CONSTITUENCY", "COUNTY",
          "LODGEMENT_DATE", "TRANSACTION_TYPE", "ENVIRONMENT_IMPACT_CURRENT", "TOTAL_FLOOR_AREA", "MAINS_GAS_FLAG",
          "FLOOR_LEVEL", "MAINHEAT_DESCRIPTION", "MAIN_FUEL", "TENURE", "CONSTRUCTION_AGE_BAND", "UPRN", "UPRN_SOURCE")
NEEDED = ("LMK_KEY", "ADDRESS1", "ADDRESS2", "ADDRESS3", "POSTCODE", "BUILDING_REFERENCE_NUMBER",
          "CURRENT_ENERGY_RATING", "CURRENT_ENERGY_EFFICIENCY", "INSPECTION_DATE", "LODGEMENT_DATE", "MAINS_GAS_FLAG",
          "MAINHEAT_DESCRIPTION", "MAIN_FUEL", "TENURE", "UPRN")
RATINGS = "ABCDEFG"
EFFICIENCY_BANDS = {"A": (92, 100), "B": (81, 91), "C": (69, 80), "D": (55, 68), "E": (39, 54), "F": (21, 38), "G": (1, 20)}


def canonical_name(column):
    """'current-energy-rating' or 'Current Energy Rating' -> 'CURRENT_ENERGY_RATING'."""
    return re.sub(r"[^0-9A-Za-z]+", "_", str(column).strip()).strip("_").upper()


def check_columns(columns, name):
    present = {canonical_name(c) for c in columns}
    missing = [c for c in ("POSTCODE", "CURRENT_ENERGY_RATING", "LODGEMENT_DATE") if c not in present]
    if missing:
        raise AnalysisError(translatable("The EPC file '{}' lacks the column(s) {}; is it the register's certificates.csv?"),
                            name, ", ".join(missing))


def read_certificates(path, chunk_rows=200_000, progress=None):
    """Chunks of the certificates file as text DataFrames with canonical column names (bounded memory).
    The file may be gzipped and in UTF-8, UTF-16 or Windows-1252; `progress(fraction)` is called after each
    chunk (and may raise Cancelled)."""
    import gzip
    import os

    import pandas as pd

    from .textfiles import read_text_table, separator, text_encoding

    name = os.path.basename(path)
    header = read_text_table(path, nrows=0)
    check_columns(header.columns, name)
    wanted = [c for c in header.columns if canonical_name(c) in NEEDED]
    encoding = text_encoding(path)
    size = max(os.path.getsize(path), 1)
    with open(path, "rb") as raw:
        stream = gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw
        reader = pd.read_csv(stream, dtype=str, keep_default_na=False, usecols=wanted, chunksize=chunk_rows,
                             encoding=encoding, encoding_errors="replace", sep=separator(path, encoding))
        try:
            for chunk in reader:
                chunk.columns = [canonical_name(c) for c in chunk.columns]
                yield chunk
                if progress is not None:
                    progress(raw.tell() / size)  # bytes read from the file itself, gzipped or not
        except (pd.errors.ParserError, EOFError, OSError) as error:
            raise AnalysisError(translatable("The EPC file '{}' could not be read: {}"), name, str(error).strip())


def _heating(description, fuel, gas_flag):
    text = (description + " " + fuel).str.lower()
    heating = np.where(text.str.contains("no system|no heating|none", regex=True), "none",
                       np.where(text.str.contains("gas", regex=False) & ~text.str.contains("bottled|lpg", regex=True), "gas",
                                np.where(text.str.contains("electric", regex=False), "electric", "other")))
    return heating


def normalise_postcode_series(values):
    """normalise_postcode for a whole column at once (millions of rows)."""
    from .postcodes import POSTCODE_FORM

    compact = values.fillna("").astype(str).str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)
    candidate = compact.str[:-3] + " " + compact.str[-3:]
    valid = compact.str.len().between(5, 7) & candidate.str.match(POSTCODE_FORM.pattern)
    return candidate.where(valid, None)


def prepare_chunk(chunk, dates=None):
    """The fields kept per certificate, with the property key and the date that decides the latest.
    `dates` (a DateReader) reads the dates in whatever forms the file uses, chunk after chunk."""
    import pandas as pd

    from .dates import DateReader

    dates = dates or DateReader()

    def column(name):
        return chunk[name] if name in chunk.columns else pd.Series([""] * len(chunk), index=chunk.index)

    uprn = column("UPRN").str.replace(r"\.0$", "", regex=True).str.strip()
    uprn = uprn.where(uprn.str.fullmatch(r"[0-9]{1,12}"), "")
    brn = column("BUILDING_REFERENCE_NUMBER").str.strip()
    postcode = normalise_postcode_series(column("POSTCODE"))
    address = (column("ADDRESS1") + " " + column("ADDRESS2")).str.upper().str.replace(r"[^0-9A-Z]+", " ", regex=True).str.strip()
    # The building reference number is on every certificate of a home while its UPRN is often missing, so it
    # identifies the home first; UPRNs then join homes across reference numbers (load_certificates).
    key = np.where(brn != "", "B" + brn, np.where(uprn != "", "U" + uprn, "A" + address + "|" + postcode.fillna("")))
    rating = column("CURRENT_ENERGY_RATING").str.strip().str.upper()
    text = column("LODGEMENT_DATE").where(column("LODGEMENT_DATE").str.strip() != "", column("INSPECTION_DATE"))
    date = dates.read(text)
    tenure = column("TENURE").str.lower()
    gas = column("MAINS_GAS_FLAG").str.strip().str.upper()
    return pd.DataFrame({
        "key": key, "date": date, "uprn": uprn.where(uprn != "", None), "postcode": postcode,
        "rating": rating.where(rating.isin(list(RATINGS)), None),
        "efficiency": pd.to_numeric(column("CURRENT_ENERGY_EFFICIENCY"), errors="coerce"),
        "private_rented": tenure.str.contains("private", regex=False).astype(int),
        "no_mains_gas": (gas == "N").astype(int),
        "heating": _heating(column("MAINHEAT_DESCRIPTION"), column("MAIN_FUEL"), gas),
        "address": (column("ADDRESS1") + ", " + column("ADDRESS2") + ", " + column("ADDRESS3"))
        .str.replace(r"(, )+$", "", regex=True).str.strip(", "),
        "raw_rating": rating})


def load_certificates(chunks, as_at=None):
    """Latest certificate per home from chunks (prepare_chunk is applied). Returns (DataFrame, notes)."""
    import pandas as pd

    from .dates import DateReader

    dates = DateReader()

    def reduce(frames):
        # a home's UPRN from any of its certificates, then one row per home
        frame = pd.concat(frames, ignore_index=True)
        frame["uprn"] = frame.groupby("key")["uprn"].transform("first")
        return frame.sort_values(["key", "date"], na_position="first", kind="stable").drop_duplicates("key", keep="last")

    latest, buffered, rows = None, [], 0
    for chunk in chunks:
        rows += len(chunk)
        buffered.append(prepare_chunk(chunk, dates))
        # reduce to one row per home whenever a million rows wait, so memory follows the homes, not the rows
        if sum(len(b) for b in buffered) >= 1_000_000:
            latest = reduce(([latest] if latest is not None else []) + buffered)
            buffered = []
    if buffered:
        latest = reduce(([latest] if latest is not None else []) + buffered)
    if latest is None or rows == 0:
        raise AnalysisError(translatable("The EPC file has no certificates."))
    with_uprn = latest["uprn"].notna()
    latest = pd.concat([latest[~with_uprn], latest[with_uprn].sort_values("date", na_position="first", kind="stable")
                        .drop_duplicates("uprn", keep="last")], ignore_index=True)
    notes = [Note(translatable("{} certificates for {} homes; the latest certificate of each home is kept."), rows,
                  len(latest))] + dates.notes("Certificate dates")
    unknown = latest["rating"].isna()
    if unknown.any():
        examples = sorted(set(latest.loc[unknown, "raw_rating"]) - {""})[:3]
        notes.append(Note(translatable("{} home(s) have no valid rating (e.g. {}); their band_fg is empty."),
                          int(unknown.sum()), ", ".join(repr(e) for e in examples) or "''", warning=True))
    reference = pd.Timestamp(as_at) if as_at is not None else latest["date"].max()
    latest = latest.assign(
        band_fg=np.where(latest["rating"].isna(), np.nan, latest["rating"].isin(["F", "G"]).astype(float)),
        cert_age_years=(reference - latest["date"]).dt.days / 365.25)
    return latest.drop(columns=["raw_rating"]).reset_index(drop=True), notes


def place(homes, uprn_points=None, postcode_points=None):
    """x, y and placed_by ('uprn' / 'postcode' / None) for each home: its UPRN point, else its postcode's."""
    n = len(homes)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    placed_by = np.full(n, None, dtype=object)
    if uprn_points:
        for i, uprn in enumerate(homes["uprn"]):
            point = uprn_points.get(uprn) if uprn else None
            if point is not None:
                x[i], y[i], placed_by[i] = point[0], point[1], "uprn"
    if postcode_points:
        for i, postcode in enumerate(homes["postcode"]):
            if placed_by[i] is None and postcode:
                point = postcode_points.get(postcode)
                if point is not None:
                    x[i], y[i], placed_by[i] = point[0], point[1], "postcode"
    return x, y, placed_by
