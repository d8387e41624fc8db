"""Council tables read by their content, not their name: encodings (BOM, UTF-16, UTF-8, Windows-1252),
delimiters, gzip, XLSX under any name; clear messages for what cannot be read."""
import csv
import gzip
import io

import pandas as pd
import pytest

from community_risk.processing.analysis.messages import AnalysisError
from community_risk.processing.analysis.readers import decode, read_table_file

ROWS = [["UPRN", "Address Line 1", "Post Code", "Name"],
        ["010000000001", "1 Milner Rd", "N1 2UH", "Zoë Agnès"],
        ["", "Flat 2, 5 Milner Road", "n12uh", "Seán O'Brien"]]


def text_of(delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(ROWS)
    return out.getvalue()


def check(frame):
    assert list(frame.columns) == ROWS[0]
    assert frame.values.tolist() == [row for row in ROWS[1:]]  # text kept as written: leading zeros, accents


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                           ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("cp1252", b"")])
def test_encodings_are_recognised(tmp_path, encoding, bom):
    path = tmp_path / "extract.csv"
    path.write_bytes(bom + text_of().encode(encoding))
    check(read_table_file(str(path)))


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_found_from_the_header(tmp_path, delimiter):
    path = tmp_path / "extract.txt"
    path.write_bytes(b"\xff\xfe" + text_of(delimiter).encode("utf-16-le"))  # Excel's "Unicode text" uses tabs
    check(read_table_file(str(path)))


def test_gzip_and_misnamed_files_read_as_what_they_are(tmp_path):
    (tmp_path / "a.csv.gz").write_bytes(gzip.compress(text_of().encode("cp1252")))
    check(read_table_file(str(tmp_path / "a.csv.gz")))
    (tmp_path / "csv_named.xlsx").write_text(text_of(), encoding="utf-8")
    check(read_table_file(str(tmp_path / "csv_named.xlsx")))
    pd.DataFrame(ROWS[1:], columns=ROWS[0]).to_excel(tmp_path / "book.xlsx", index=False)
    (tmp_path / "book.xlsx").rename(tmp_path / "xlsx_named.csv")
    frame = read_table_file(str(tmp_path / "xlsx_named.csv"))
    assert frame["Name"].tolist() == ["Zoë Agnès", "Seán O'Brien"] and frame["UPRN"].tolist()[1] == ""


@pytest.mark.parametrize("content, words", [
    (b"", ["empty"]),
    (b"UPRN,Post Code\r\n", ["empty", "no rows"]),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, [".xls", "Save it as .xlsx"]),
    (b"PK\x03\x04not really a workbook", ["could not be read as an Excel workbook"]),
    (b"\x1f\x8b\x08\x00broken", ["damaged gzip"]),
])
def test_unreadable_files_get_a_message_naming_them(tmp_path, content, words):
    path = tmp_path / "council.csv"
    path.write_bytes(content)
    with pytest.raises(AnalysisError) as raised:
        read_table_file(str(path))
    assert "council.csv" in str(raised.value)
    for word in words:
        assert word in str(raised.value)


def test_decode_reports_the_encoding_it_used():
    assert decode("Zoë".encode("cp1252")) == ("Zoë", "windows-1252")
    assert decode(b"\xef\xbb\xbfZo\xc3\xab") == ("Zoë", "utf-8")
    assert decode("Zoë,1".encode("utf-16-le"))[1] == "utf-16-le"
    assert decode("Zoë,1".encode("utf-16-be"))[1] == "utf-16-be"
