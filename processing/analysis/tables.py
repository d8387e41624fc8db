"""The one writer of CSV and XLSX tables: numbers stay numbers, and text that a spreadsheet would run as
a formula is neutralised (OWASP's CSV injection advice). A `.csvt` beside each CSV tells QGIS (OGR) the
type of every column, so a CSV opened by drag and drop keeps its numbers as numbers."""
import csv
import math
import os

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """Text a spreadsheet shows as written: a formula-like cell gets a leading apostrophe."""
    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def column_kinds(frame):
    """'Integer', 'Real' or 'String' per column (booleans are written as 0/1 integers)."""
    import pandas as pd

    kinds = []
    for column in frame.columns:
        dtype = frame[column].dtype
        if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
            kinds.append("Integer")
        elif pd.api.types.is_float_dtype(dtype):
            kinds.append("Real")
        else:
            kinds.append("String")
    return kinds


def _cell(value, kind):
    if value is None:
        return ""
    if kind == "Integer":
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        try:
            return int(value)
        except TypeError:  # pandas' missing integer (pd.NA)
            return ""
    if kind == "Real":
        value = float(value)
        return "" if not math.isfinite(value) else value
    if isinstance(value, float) and math.isnan(value):
        return ""
    return neutralise(str(value))


def rows_of(frame, kinds):
    import pandas as pd

    missing = pd.NA  # the empty cell of pandas' nullable columns (Int64, string)
    for row in frame.itertuples(index=False, name=None):
        yield [_cell(None if value is missing else value, kind) for value, kind in zip(row, kinds)]


def write_csv(path, frame):
    """UTF-8 CSV with a header, numbers unquoted, text neutralised; and `<name>.csvt` with the types."""
    kinds = column_kinds(frame)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
        writer.writerow([neutralise(str(c)) for c in frame.columns])
        writer.writerows(rows_of(frame, kinds))
    with open(os.path.splitext(path)[0] + ".csvt", "w", encoding="utf-8") as handle:
        handle.write(",".join('"{}"'.format(kind) for kind in kinds) + "\n")
    return path


def write_xlsx(path, frame):
    """An XLSX sheet: numbers as numbers, text stored as text (never as a formula)."""
    from openpyxl import Workbook

    kinds = column_kinds(frame)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append([neutralise(str(c)) for c in frame.columns])
    for row in rows_of(frame, kinds):
        sheet.append([None if v == "" else v for v in row])
    book.save(path)
    return path


def write_table_file(path, frame):
    """CSV or XLSX by the file's extension (CSV when it has none of those)."""
    if path.lower().endswith(".xlsx"):
        return write_xlsx(path, frame)
    return write_csv(path, frame)
