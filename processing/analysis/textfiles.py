"""Reading the text tables councils export: UTF-8 (with or without a byte-order mark), UTF-16 (as Excel's
"Unicode text" writes it), or Windows-1252 (older Windows exports); plain or gzipped; comma, semicolon or tab
separated."""
import codecs
import gzip
import os

from .messages import AnalysisError, translatable

TEXT_TABLE_EXTENSIONS = (".csv", ".csv.gz", ".txt", ".txt.gz", ".tsv", ".tsv.gz", ".tab")
BLOCK = 1 << 22


def is_text_table(path):
    return isinstance(path, str) and path.lower().endswith(TEXT_TABLE_EXTENSIONS)


def open_binary(path):
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def text_encoding(path):
    """The encoding a text file is written in: a byte-order mark decides; UTF-16 without one shows as NUL
    bytes between ASCII letters; otherwise UTF-8 if the whole file decodes as UTF-8, else Windows-1252."""
    try:
        with open_binary(path) as handle:
            head = handle.read(BLOCK)
            if head.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16"
            sample = head[:4000]
            if sample and sample.count(b"\x00") > len(sample) // 4:
                return "utf-16-le" if sample[1::2].count(b"\x00") > sample[0::2].count(b"\x00") else "utf-16-be"
            decoder = codecs.getincrementaldecoder("utf-8")()
            block = head
            while block:
                decoder.decode(block)
                block = handle.read(BLOCK)
            decoder.decode(b"", final=True)
            return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"
    except (OSError, EOFError) as error:
        raise AnalysisError(translatable("The file '{}' could not be read: {}."), os.path.basename(path),
                            getattr(error, "strerror", None) or error)


def separator(path, encoding, sample_lines=50):
    """',' tab or ';': the first that splits the header and the rows after it into the same number of fields
    (more than one). Headings may hold the others: London's atlas writes 'Households;All households;2011'."""
    import csv
    import itertools

    with open_binary(path) as handle:
        lines = list(itertools.islice(codecs.getreader(encoding)(handle, errors="replace"), sample_lines))
    lines = [line for line in lines if line.strip()]
    for mark in (",", "\t", ";"):
        widths = {len(row) for row in csv.reader(lines, delimiter=mark)}
        if len(widths) == 1 and widths.pop() > 1:
            return mark
    counts = {mark: lines[0].count(mark) for mark in (",", "\t", ";")} if lines else {",": 0}
    return max(counts, key=counts.get) if max(counts.values()) else ","


def read_text_table(path, **options):
    """A whole text table as strings (empty cells stay ''), whatever its encoding and separator.
    `options` go to pandas.read_csv (e.g. usecols, chunksize)."""
    import pandas as pd

    if not os.path.exists(path):
        raise AnalysisError(translatable("The file '{}' does not exist."), path)
    if os.path.getsize(path) == 0:
        raise AnalysisError(translatable("The file '{}' is empty (0 bytes)."), os.path.basename(path))
    encoding = text_encoding(path)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding, encoding_errors="replace",
                           sep=separator(path, encoding), **options)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, EOFError, OSError) as error:
        raise AnalysisError(translatable("The file '{}' could not be read as a table: {}"), os.path.basename(path),
                            str(error).strip())
