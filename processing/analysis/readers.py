"""Reading the tables councils export, whatever they are called and however they were saved.

The format is taken from the file's content, not its extension: a CSV saved as `.xlsx` or an XLSX saved as
`.csv` reads as what it is, and `.csv.gz` is unpacked. Text is decoded by its byte-order mark (UTF-8,
UTF-16, UTF-32), as UTF-16 when every other byte is zero (Excel's "Unicode text"), else as UTF-8 when it
decodes cleanly, else as Windows-1252. The delimiter is the one of , ; tab | that the header line uses most.
Every cell is read as text, so UPRNs and postcodes keep their leading zeros."""
import codecs
import gzip
import io
import os

from .messages import AnalysisError, translatable

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
DELIMITERS = (",", ";", "\t", "|")
VECTOR_EXTENSIONS = (".gpkg", ".shp", ".dbf", ".geojson", ".json", ".sqlite", ".gml", ".kml", ".fgb", ".tab")


def content_kind(head):
    """'xlsx', 'xls', 'gzip', 'sqlite' or 'text', from a file's first bytes."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"SQLite format 3\x00"):
        return "sqlite"
    return "text"


def decode(data):
    """(text, encoding name) of a text file's bytes."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), encoding
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 3:
        odd_zeros = sample[1::2].count(b"\x00")
        even_zeros = sample[0::2].count(b"\x00")
        encoding = "utf-16-le" if odd_zeros >= even_zeros else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: Latin-1 decodes every byte
        return data.decode("latin-1"), "latin-1"


def delimiter_of(text):
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table_file(path, name=None):
    """A council export as a DataFrame of text columns (missing cells as ''). Raises AnalysisError naming the
    file when it is empty, an old binary .xls, or not a table."""
    name = name or os.path.basename(path)
    if not os.path.exists(path):
        raise AnalysisError(translatable("The dataset '{}' does not exist."), path)
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise AnalysisError(translatable("The dataset '{}' is a damaged gzip file: {}."), name, error)
    kind = content_kind(data[:16])
    if kind == "xls":
        raise AnalysisError(translatable("The dataset '{}' is an old Excel 97-2003 workbook (.xls). Save it as .xlsx "
                                         "or CSV and run again."), name)
    if kind == "xlsx":
        frame = _read_xlsx(data, name)
    elif kind == "sqlite" or path.lower().endswith(VECTOR_EXTENSIONS):
        frame = _read_vector(path, name)
    else:
        frame = _read_text(data, name)
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise AnalysisError(translatable("The dataset '{}' is empty: it has no rows."), name)
    return frame


def _read_text(data, name):
    import pandas as pd

    if not data.strip():
        raise AnalysisError(translatable("The dataset '{}' is empty: it has no rows."), name)
    text, _ = decode(data)
    if "\x00" in text:
        raise AnalysisError(translatable("The dataset '{}' is not a table: it is neither CSV nor XLSX."), name)
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter_of(text))
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise AnalysisError(translatable("The dataset '{}' could not be read as CSV: {}."), name,
                            str(error).strip())


def _read_xlsx(data, name):
    import pandas as pd

    try:
        # from memory: openpyxl judges a path by its extension, and the file may be misnamed
        frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl")
    except Exception as error:  # a zip that is not a workbook, or a damaged one
        raise AnalysisError(translatable("The dataset '{}' could not be read as an Excel workbook: {}."), name,
                            str(error).strip() or type(error).__name__)
    return frame.fillna("")


def _read_vector(path, name):
    from .gdal_io import read_attribute_table

    try:
        return read_attribute_table(path)
    except Exception as error:
        raise AnalysisError(translatable("The dataset '{}' could not be read: {}."), name, str(error).strip())
