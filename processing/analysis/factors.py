"""Assembling candidate factors per area: attribute tables joined on an area code, counts of points,
length of lines, zonal statistics of rasters, area and household density."""
import re

import numpy as np

from .messages import AnalysisError, Note, listed, translatable

FILL_METHODS = ("median", "zero", "none")


def field_name(*parts, limit=60):
    """A lower-case field name from free text: 'Income Score (rate)' -> 'income_score_rate'."""
    text = "_".join(p for p in parts if p)
    text = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    if not text or text[0].isdigit():
        text = "f_" + text
    return text[:limit].rstrip("_")


def detect_key(area_ids, table, min_share=0.5):
    """The table column whose values match most area ids (at least min_share of the areas), or None."""
    wanted = {str(v).strip() for v in area_ids if v is not None}
    best, best_hits = None, 0
    for column in table.columns:
        values = set(table[column].dropna().astype(str).str.strip())
        hits = len(wanted & values)
        if hits > best_hits:
            best, best_hits = column, hits
    return best if best_hits >= min_share * max(len(wanted), 1) else None


def numeric_columns(table, exclude=(), min_share=0.9):
    """Columns where at least min_share of the non-empty values are numbers, as floats (others NaN)."""
    import pandas as pd

    out = {}
    for column in table.columns:
        if column in exclude:
            continue
        raw = table[column]
        present = raw.notna() & (raw.astype(str).str.strip() != "")
        if not present.any():
            continue
        values = pd.to_numeric(raw.where(present), errors="coerce")
        if values.notna().sum() >= min_share * present.sum():
            out[column] = values.astype(float)
    return out


def join_table(area_ids, table, key, table_name):
    """Numeric columns of table, aligned to area_ids by key. Returns ({new field: values}, notes, origins,
    headings): origins say 'table » heading', headings keep each field's full heading as a readable label."""
    import pandas as pd

    notes = []
    if key not in table.columns:
        raise AnalysisError(translatable("The table '{}' has no field '{}'. Its fields are: {}."), table_name, key,
                            listed(table.columns, 12))
    keys = table[key].astype(str).str.strip()
    repeated_rows = table.assign(_key=keys).duplicated()  # whole rows repeated (e.g. a summary row) are harmless
    if repeated_rows.any():
        notes.append(Note(translatable("Table '{}': {} repeated row(s) with the same values were read once ({})."),
                          table_name, int(repeated_rows.sum()), listed(keys[repeated_rows].unique())))
        table, keys = table[~repeated_rows], keys[~repeated_rows]
    duplicated = keys[keys.duplicated()].unique()
    if len(duplicated):
        raise AnalysisError(translatable("The table '{}' has duplicate codes in '{}' with different values: {}. "
                                         "Each area needs one row."), table_name, key, listed(duplicated))
    columns = numeric_columns(table, exclude=(key,))
    if not columns:
        raise AnalysisError(translatable("The table '{}' has no numeric fields to join."), table_name)
    frame = pd.DataFrame(columns)
    frame.index = keys.to_numpy()
    ids = pd.Index([str(v).strip() for v in area_ids])
    aligned = frame.reindex(ids)
    matched = ids.isin(frame.index)
    notes.append(Note(translatable("Table '{}' joined on '{}': {} of {} areas matched; {} table rows matched no area."),
                      table_name, key, int(matched.sum()), len(ids), int((~frame.index.isin(ids)).sum())))
    if not matched.all():
        notes.append(Note(translatable("Areas with no row in '{}': {}."), table_name, listed(ids[~matched], 10),
                          warning=True))
    prefix = field_name(table_name, limit=24)
    result, origins, headings = {}, {}, {}
    for column in frame.columns:
        name = field_name(prefix, column)
        while name in result:
            name += "_"
        result[name] = aligned[column].to_numpy(dtype=float)
        origins[name] = "{} » {}".format(table_name, column)
        headings[name] = str(column).strip()
    return result, notes, origins, headings


def fill_missing(columns, method):
    """Fill missing values of each column by the median, zero, or not at all; notes say which and how many."""
    notes = []
    if method not in FILL_METHODS:
        raise AnalysisError(translatable("Unknown way to fill missing values: '{}'."), method)
    filled = {}
    for name, values in columns.items():
        values = np.asarray(values, dtype=float)
        missing = ~np.isfinite(values)
        if missing.any() and method != "none" and (~missing).any():
            fill = float(np.nanmedian(values)) if method == "median" else 0.0
            values = np.where(missing, fill, values)
            notes.append(Note(translatable("'{}': {} missing value(s) filled with {} ({:.4g})."), name,
                              int(missing.sum()), method, fill))
        elif missing.any():
            notes.append(Note(translatable("'{}': {} missing value(s) left empty."), name, int(missing.sum())))
        filled[name] = values
    return filled, notes


def lengths_in_areas(area_geometries, line_geometries):
    """Length of the lines inside each area (a line crossing areas is split between them)."""
    import shapely

    areas = np.asarray(area_geometries, dtype=object)
    lines = np.asarray(line_geometries, dtype=object)
    totals = np.zeros(len(areas))
    if len(lines) == 0:
        return totals
    line_index, area_index = shapely.STRtree(areas).query(lines, predicate="intersects")
    pieces = shapely.intersection(lines[line_index], areas[area_index])
    np.add.at(totals, area_index, shapely.length(pieces))
    return totals
