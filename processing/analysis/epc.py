"""Domestic Energy Performance Certificates: a loader that keeps the latest certificate per home and derives the
fields health-and-housing work needs. DuckDB reads and reduces the file (out of core, so the national register
fits in bounded memory); only the distinct date texts pass through Python, to be read by DateReader.

Column names follow the register's bulk download (`CURRENT_ENERGY_RATING`); the API's lower-case hyphenated
names (`current-energy-rating`) are accepted too.
"""
import re

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


class CertificateFile:
    """A certificates file checked and described (columns, encoding, separator), not yet read: the
    reading is DuckDB's, so the whole file never passes through Python row by row."""

    def __init__(self, path, progress=None):
        import os

        self.path = path
        self.name = os.path.basename(path)
        self.progress = progress
        if not os.path.exists(path):
            raise AnalysisError(translatable("The file '{}' does not exist."), path)
        if os.path.getsize(path) == 0:
            raise AnalysisError(translatable("The file '{}' is empty (0 bytes)."), self.name)
        self.encoding = _head_encoding(path)
        self.header = _header(path, self.encoding, self.name)
        check_columns(self.header, self.name)


def read_certificates(path, progress=None):
    """The certificates file, checked: it exists and has the register's columns (AnalysisError otherwise).
    It may be gzipped and in UTF-8, UTF-16 or Windows-1252. `progress(fraction)` is called while it is read
    (and may raise Cancelled)."""
    return CertificateFile(path, progress)


def _head_encoding(path):
    """'utf-8' (checked in full as DuckDB reads it), 'utf-16-le' / 'utf-16-be' (by byte-order mark or NUL
    bytes between ASCII letters); Windows-1252 is found when the file turns out not to be UTF-8."""
    import codecs

    from .textfiles import open_binary

    try:
        with open_binary(path) as handle:
            head = handle.read(4000)
    except (OSError, EOFError) as error:
        raise AnalysisError(translatable("The EPC file '{}' could not be read: {}"), path, str(error).strip())
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    if head and head.count(b"\x00") > len(head) // 4:
        return "utf-16-le" if head[1::2].count(b"\x00") > head[0::2].count(b"\x00") else "utf-16-be"
    return "utf-8"


def _header(path, encoding, name):
    import codecs
    import csv

    from .textfiles import open_binary, separator

    with open_binary(path) as handle:
        reader = codecs.getreader(encoding)(handle, errors="replace")
        line = reader.readline().lstrip("\ufeff")
    try:
        return next(csv.reader([line], delimiter=separator(path, "utf-8" if encoding == "utf-8" else encoding)))
    except (StopIteration, csv.Error):
        raise AnalysisError(translatable("The EPC file '{}' lacks the column(s) {}; is it the register's "
                                         "certificates.csv?"), name, "POSTCODE, CURRENT_ENERGY_RATING, LODGEMENT_DATE")


def connect(work_folder):
    """A DuckDB database in memory, within MEMORY_LIMIT: what does not fit spills to `work_folder`, so the
    national register is read in bounded memory."""
    import os

    import duckdb

    connection = duckdb.connect()
    connection.execute("SET memory_limit = '{}'".format(MEMORY_LIMIT))
    connection.execute("SET temp_directory = '{}'".format(os.path.join(work_folder, "spill").replace("'", "''")))
    # a table keeps the file's order (its rowid is the row's place in the file) while the file is read in parallel
    connection.execute("SET preserve_insertion_order = true")
    connection.execute("SET enable_progress_bar = true")
    connection.execute("SET enable_progress_bar_print = false")
    return connection


MEMORY_LIMIT = "900MB"


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def _utf8_copy(certificates, folder):
    """A UTF-8 copy of a file in another encoding, made block by block (bounded memory)."""
    import codecs
    import os

    from .textfiles import open_binary

    target = os.path.join(folder, "certificates-utf8.csv")
    encoding = "cp1252" if certificates.encoding == "utf-8" else certificates.encoding
    with open_binary(certificates.path) as source, open(target, "w", encoding="utf-8", newline="") as out:
        reader = codecs.getreader(encoding)(source, errors="replace")
        while True:
            block = reader.read(1 << 22)
            if not block:
                break
            out.write(block.lstrip("\ufeff") if out.tell() == 0 else block)
    return target


def _scan(certificates, path):
    """DuckDB's read of the file: every cell as text, the file's separator (rows short of cells padded with
    NULLs)."""
    from .textfiles import separator

    delimiter = separator(path, "utf-8")
    compression = "gzip" if path.lower().endswith(".gz") else "none"
    return ("read_csv({}, header = true, all_varchar = true, delim = {}, quote = '\"', escape = '\"', "
            "compression = '{}', null_padding = true)").format(
                _literal(path), _literal(delimiter), compression)


def _columns(columns):
    """SQL for each needed column by its canonical name: the file's column (empty cells as ''), or ''."""
    actual = {canonical_name(c): c for c in reversed(columns)}
    return {name: "coalesce(\"{}\", '')".format(actual[name].replace('"', '""')) if name in actual else "''"
            for name in NEEDED}


def _postcode_sql(text):
    """normalise_postcode in SQL: letters and digits only, checked for form, the inward code split off. Most
    postcodes need only their spaces taken out, so the regular-expression clean-up is the exception."""
    from .postcodes import POSTCODE_FORM

    form = _literal(POSTCODE_FORM.pattern.replace(" ", ""))
    quick = "replace(upper({}), ' ', '')".format(text)
    thorough = "regexp_replace(upper({}), '[^0-9A-Z]', '', 'g')".format(text)
    split = "left({0}, length({0}) - 3) || ' ' || right({0}, 3)"
    return "CASE WHEN regexp_full_match({q}, {f}) THEN {sq} WHEN regexp_full_match({t}, {f}) THEN {st} END".format(
        q=quick, t=thorough, f=form, sq=split.format(quick), st=split.format(thorough))


def _keyed_sql(columns, scan):
    """Every certificate with its home's key and its date as written, in file order (the table's rowid is the
    row's place in the file: no row numbering, which DuckDB does on one thread); its other fields already cleaned
    (CLEANED_SQL), its postcode as written (normalised per home, not per certificate)."""
    col = _columns(columns)
    uprn_text = "trim(CASE WHEN suffix({u}, '.0') THEN left({u}, length({u}) - 2) ELSE {u} END)".format(u=col["UPRN"])
    address_key = "trim(regexp_replace(upper(a1 || ' ' || a2), '[^0-9A-Z]+', ' ', 'g'))"
    return """
CREATE OR REPLACE TABLE keyed AS
WITH checked AS (
  SELECT trim({brn}) AS brn,
         CASE WHEN regexp_full_match({uprn_text}, '[0-9]{{1,12}}') THEN {uprn_text} END AS uprn,
         CASE WHEN trim({lodged}) <> '' THEN trim({lodged}) ELSE trim({inspected}) END AS date_text,
         {postcode} AS postcode_raw, {a1} AS a1, {a2} AS a2, {a3} AS a3, {rating} AS rating_raw,
         {efficiency} AS efficiency_raw, {tenure} AS tenure, {gas} AS gas, {heat} AS heat, {fuel} AS fuel
  FROM {scan}),
described AS (
  SELECT *, lower(heat) || ' ' || lower(fuel) AS heating_text,
         CASE WHEN a3 <> '' THEN a1 || ', ' || a2 || ', ' || a3 WHEN a2 <> '' THEN a1 || ', ' || a2 ELSE a1 END
           AS joined_address
  FROM checked)
SELECT CASE WHEN brn <> '' THEN 'B' || brn WHEN uprn IS NOT NULL THEN 'U' || uprn
            ELSE 'A' || {address_key} || '|' || coalesce({postcode_of_raw}, '') END AS key,
       uprn, date_text, postcode_raw, {cleaned}
FROM described
""".format(scan=scan, uprn_text=uprn_text, address_key=address_key, postcode=col["POSTCODE"], cleaned=CLEANED_SQL,
           postcode_of_raw=_postcode_sql("postcode_raw"), brn=col["BUILDING_REFERENCE_NUMBER"], a1=col["ADDRESS1"],
           a2=col["ADDRESS2"], a3=col["ADDRESS3"], rating=col["CURRENT_ENERGY_RATING"], lodged=col["LODGEMENT_DATE"],
           inspected=col["INSPECTION_DATE"], efficiency=col["CURRENT_ENERGY_EFFICIENCY"], tenure=col["TENURE"],
           gas=col["MAINS_GAS_FLAG"], heat=col["MAINHEAT_DESCRIPTION"], fuel=col["MAIN_FUEL"])


# Each certificate's fields as the output has them, cleaned as it is read: short values instead of the register's
# long texts (tenure, heating and fuel descriptions), so the table of all certificates stays small (the national
# register's spills less).
CLEANED_SQL = """upper(trim(rating_raw)) AS raw_rating, TRY_CAST(trim(efficiency_raw) AS DOUBLE) AS efficiency,
       CAST(contains(lower(tenure), 'private') AS BIGINT) AS private_rented,
       CAST(upper(trim(gas)) = 'N' AS BIGINT) AS no_mains_gas,
       CASE WHEN contains(heating_text, 'no system') OR contains(heating_text, 'no heating')
                 OR contains(heating_text, 'none') THEN 'none'
            WHEN contains(heating_text, 'gas') AND NOT contains(heating_text, 'bottled')
                 AND NOT contains(heating_text, 'lpg') THEN 'gas'
            WHEN contains(heating_text, 'electric') THEN 'electric' ELSE 'other' END AS heating,
       CASE WHEN left(joined_address, 1) IN (',', ' ') OR right(joined_address, 1) IN (',', ' ')
            THEN trim(joined_address, ', ') ELSE joined_address END AS address"""

# The latest certificate of each home (the newest date, then the later row of the file), with the home's UPRN
# from any of its certificates (the first in the file); where homes share a UPRN, the home with the newest
# certificate (then the later row). Dates and row numbers are one order number (days since 1600, every date pandas
# reads being later, then the row), so each choice is a max() of integers, and the chosen certificate's date is read
# back from it. Postcodes are normalised once per distinct text as written (a register has several homes to a
# postcode), then joined to the chosen certificates.
LATEST_SQL = """
CREATE OR REPLACE TABLE latest AS
WITH ordered AS (
  SELECT k.key, k.uprn, k.rowid AS rn,
         (coalesce(date_diff('day', DATE '1600-01-01', d.date), -1) + 1) * 4294967296 + k.rowid AS newest
  FROM keyed k LEFT JOIN certificate_dates d USING (date_text)),
per_key AS (
  SELECT max(newest) AS newest, arg_min(uprn, rn) FILTER (WHERE uprn IS NOT NULL) AS uprn FROM ordered GROUP BY key),
winners AS (
  SELECT newest, uprn FROM per_key WHERE uprn IS NULL
  UNION ALL
  SELECT max(newest), uprn FROM per_key WHERE uprn IS NOT NULL GROUP BY uprn),
postcodes AS (
  SELECT postcode_raw, {postcode} AS postcode FROM (SELECT DISTINCT postcode_raw FROM keyed)),
homes AS (
  SELECT k.key, w.uprn,
         CASE WHEN w.newest >= 4294967296 THEN DATE '1600-01-01' + CAST(w.newest // 4294967296 - 1 AS INTEGER) END
           AS date,
         p.postcode, k.raw_rating, k.efficiency, k.private_rented, k.no_mains_gas, k.heating, k.address
  FROM keyed k JOIN winners w ON k.rowid = w.newest % 4294967296 JOIN postcodes p ON p.postcode_raw = k.postcode_raw)
SELECT key, date, uprn, postcode,
       CASE WHEN raw_rating IN ('A', 'B', 'C', 'D', 'E', 'F', 'G') THEN raw_rating END AS rating, raw_rating,
       efficiency, private_rented, no_mains_gas, heating, address
FROM homes
""".format(postcode=_postcode_sql("postcode_raw"))


DATE_TEXTS_SQL = "SELECT date_text, count(*) AS n FROM keyed GROUP BY date_text ORDER BY date_text"


def run_query(connection, sql, progress=None):
    """Run a DuckDB statement; with `progress`, report DuckDB's progress (0-1) while it runs, and stop the
    statement when progress raises (Cancelled)."""
    if progress is None:
        return connection.execute(sql)
    return Query(connection, sql).result(progress)


class Query:
    """A DuckDB statement running on a thread of its own (DuckDB lets go of Python's lock while it works), so
    the caller can do other work meanwhile; result() waits for it."""

    def __init__(self, connection, sql):
        import threading

        self.connection, self.outcome = connection, {}
        self.worker = threading.Thread(target=self._work, args=(sql,), name="community-risk-duckdb", daemon=True)
        self.worker.start()

    def _work(self, sql):
        try:
            self.outcome["result"] = self.connection.execute(sql)
        except Exception as error:  # handed to the calling thread
            self.outcome["error"] = error

    def result(self, progress=None):
        """The statement's result (its error raised here), reporting DuckDB's progress (0-1) meanwhile; when
        `progress` raises (Cancelled), the statement is stopped and that is raised."""
        try:
            while self.worker.is_alive():
                self.worker.join(0.1)
                done = self.connection.query_progress()
                if progress is not None and self.worker.is_alive() and done >= 0:
                    progress(done / 100.0)
        except BaseException:
            self.stop()
            raise
        if "error" in self.outcome:
            raise self.outcome["error"]
        return self.outcome["result"]

    def stop(self):
        """Stop the statement and wait for its thread (the connection is then free to close). Asked again until
        the thread ends: an interrupt that comes before the statement has begun is not kept."""
        while self.worker.is_alive():
            self.connection.interrupt()
            self.worker.join(0.05)


def start_reading(certificates, connection):
    """Start DuckDB's read of the certificates file (checked by read_certificates) on a thread of its own, so the
    caller can read other inputs meanwhile; latest_homes(..., reading=) takes it up. The caller stops it
    (Query.stop) if it gives up before then."""
    if certificates.encoding != "utf-8":
        return None  # copied to UTF-8 first, by latest_homes
    return _keyed_read(certificates, certificates.path, connection)


def _keyed_read(certificates, path, connection):
    """DuckDB's read of the certificates at `path` into the keyed table, begun on a thread of its own."""
    return Query(connection, _keyed_sql(certificates.header, _scan(certificates, path)))


def latest_homes(certificates, connection, work_folder, as_at=None, reading=None):
    """Latest certificate per home, as the DuckDB view `homes` (one row per home: key, date, uprn, postcode,
    rating, efficiency, private_rented, no_mains_gas, heating, address, band_fg, cert_age_years). Returns
    the notes for the log. reading: the read start_reading began, if it did."""
    import duckdb

    from .dates import DateReader

    if isinstance(certificates, str):
        certificates = read_certificates(certificates)
    path = certificates.path if certificates.encoding == "utf-8" else _utf8_copy(certificates, work_folder)
    steps = _progress_steps(certificates.progress, 0.6)
    try:
        if reading is None:
            reading = _keyed_read(certificates, path, connection)
        reading.result(next(steps))
    except duckdb.InvalidInputException as error:
        if "unicode" not in str(error).lower() or path != certificates.path:
            raise AnalysisError(translatable("The EPC file '{}' could not be read: {}"), certificates.name,
                                str(error).strip().splitlines()[0])
        path = _utf8_copy(certificates, work_folder)  # not UTF-8: Windows-1252, as older exports write
        run_query(connection, _keyed_sql(certificates.header, _scan(certificates, path)))
    distinct = connection.execute(DATE_TEXTS_SQL).fetchdf()
    rows = int(distinct["n"].sum()) if len(distinct) else 0
    if rows == 0:
        raise AnalysisError(translatable("The EPC file has no certificates."))
    dates = DateReader()
    _date_table(connection, dates, distinct)
    run_query(connection, LATEST_SQL, next(steps))
    connection.execute("DROP TABLE keyed")
    homes = connection.execute("SELECT count(*), max(date) FROM latest").fetchone()
    notes = [Note(translatable("{} certificates for {} homes; the latest certificate of each home is kept."), rows,
                  homes[0])] + dates.notes("Certificate dates")
    unknown = connection.execute("SELECT count(*) FROM latest WHERE rating IS NULL").fetchone()[0]
    if unknown:
        examples = [r[0] for r in connection.execute(
            "SELECT DISTINCT raw_rating FROM latest WHERE rating IS NULL AND raw_rating <> '' "
            "ORDER BY raw_rating LIMIT 3").fetchall()]
        notes.append(Note(translatable("{} home(s) have no valid rating (e.g. {}); their band_fg is empty."),
                          int(unknown), ", ".join(repr(e) for e in examples) or "''", warning=True))
    reference = "DATE " + _literal(as_at) if as_at is not None else \
        ("DATE " + _literal(str(homes[1])[:10]) if homes[1] is not None else "NULL")
    # a view: the national register's 21 million homes are not copied once more
    connection.execute("""CREATE OR REPLACE VIEW homes AS SELECT key, date, uprn, postcode, rating, efficiency,
        private_rented, no_mains_gas, heating, address,
        CASE WHEN rating IS NULL THEN NULL ELSE CAST(rating IN ('F', 'G') AS DOUBLE) END AS band_fg,
        date_diff('day', date, {}) / 365.25 AS cert_age_years
        FROM latest""".format(reference))
    return notes


def _progress_steps(progress, reading_share):
    """Progress callbacks for the reading and the reduction, each scaled into its share of 0-1."""
    if progress is None:
        while True:
            yield None
    yield lambda fraction: progress(reading_share * fraction)
    yield lambda fraction: progress(reading_share + (1 - reading_share) * fraction)


def _date_table(connection, dates, distinct):
    """The file's distinct date texts read once each (weighted by how often they occur, so the day/month
    order and the warnings count certificates), as the table `certificate_dates`."""
    import pandas as pd

    distinct = distinct[distinct["date_text"] != ""].reset_index(drop=True)
    parsed = dates.read(distinct["date_text"].astype(str), weights=distinct["n"])
    table = pd.DataFrame({"date_text": distinct["date_text"].astype(str), "date": parsed})
    connection.register("certificate_dates_frame", table)
    connection.execute("CREATE OR REPLACE TABLE certificate_dates AS SELECT date_text, CAST(date AS DATE) AS date "
                       "FROM certificate_dates_frame")
    connection.unregister("certificate_dates_frame")


def load_certificates(certificates, as_at=None):
    """Latest certificate per home, in memory (for files of up to a few million certificates). Returns
    (DataFrame, notes); the algorithm itself keeps the homes in DuckDB (latest_homes)."""
    import shutil
    import tempfile

    import pandas as pd

    folder = tempfile.mkdtemp(prefix="community-risk-epc-")
    try:
        connection = connect(folder)
        try:
            notes = latest_homes(certificates, connection, folder, as_at=as_at)
            # homes without a UPRN by key, then those with one from the oldest certificate (generators that
            # sample homes by position depend on this order)
            homes = connection.execute("SELECT * FROM homes ORDER BY uprn IS NOT NULL, CASE WHEN uprn IS NOT NULL "
                                       "THEN date END NULLS FIRST, key").fetchdf()
        finally:
            connection.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    homes["date"] = pd.to_datetime(homes["date"])
    return homes, notes


# The output's fields, in order; x and y follow for table outputs.
OUTPUT_FIELDS = ("uprn", "address", "postcode", "rating", "efficiency", "band_fg", "private_rented", "no_mains_gas",
                 "heating", "cert_age_years", "lodged", "placed_by")
# The output fields of a few values, and those values (NULL aside): every value the SQL here gives them.
FEW_VALUED_FIELDS = (("rating", tuple(RATINGS)), ("band_fg", (0, 1)), ("private_rented", (0, 1)), ("no_mains_gas", (0, 1)),
                     ("heating", ("gas", "electric", "other", "none")), ("placed_by", ("uprn", "postcode")))


def place_homes(connection, uprn_points=None, postcode_points=None):
    """The table `placed`: each home of `homes` with x, y and placed_by ('uprn' / 'postcode' / NULL): its UPRN's
    point, else its postcode's. uprn_points: DataFrame (uprn, x, y), one row per UPRN; postcode_points:
    DataFrame (postcode as written, x, y) in layer order: postcodes are normalised as the certificates' are, and
    a postcode given twice takes its first point. Homes are in postcode order, so neighbours are written
    together. Returns the number of homes left unplaced."""
    import numpy as np
    import pandas as pd

    empty = pd.DataFrame({"key": pd.Series([], dtype=object), "x": pd.Series([], dtype=float),
                          "y": pd.Series([], dtype=float)})
    for name, frame, column in (("uprn_points", uprn_points, "uprn"), ("postcode_points", postcode_points, "postcode")):
        frame = empty if frame is None else frame.rename(columns={column: "key"})[["key", "x", "y"]]
        frame = frame[np.isfinite(frame["x"].to_numpy(float)) & np.isfinite(frame["y"].to_numpy(float)) & frame["key"].notna()]
        connection.register(name + "_frame", frame.assign(i=np.arange(len(frame))))
        key = "CAST(key AS VARCHAR)" if name == "uprn_points" else _postcode_sql("CAST(key AS VARCHAR)")
        connection.execute("CREATE OR REPLACE TABLE {0} AS SELECT {1} AS key, arg_min(CAST(x AS DOUBLE), i) AS x, "
                           "arg_min(CAST(y AS DOUBLE), i) AS y FROM {0}_frame WHERE {1} IS NOT NULL GROUP BY 1".format(
                               name, key))
        connection.unregister(name + "_frame")
    joined = "homes h LEFT JOIN uprn_points u ON h.uprn = u.key LEFT JOIN postcode_points p ON h.postcode = p.key"
    # a view: the homes are joined and sorted once, as they are written
    connection.execute("""CREATE OR REPLACE VIEW placed AS
        SELECT h.*, strftime(h.date, '%Y-%m-%d') AS lodged,
               CASE WHEN u.x IS NOT NULL THEN 'uprn' WHEN p.x IS NOT NULL THEN 'postcode' END AS placed_by,
               coalesce(u.x, p.x) AS x, CASE WHEN u.x IS NOT NULL THEN u.y ELSE p.y END AS y
        FROM {} ORDER BY h.postcode, h.key""".format(joined))
    return connection.execute("SELECT count(*) FROM {} WHERE u.x IS NULL AND p.x IS NULL".format(joined)).fetchone()[0]


BATCH_VECTORS = 25  # DuckDB vectors (2,048 rows) per batch: ~50,000 homes


def placed_batches(connection, columns, progress=None):
    """The placed homes (`columns`: SQL for the fields, over the view `placed`), streamed from DuckDB in batches
    of about 50,000, each (one list per field with None for NULL, x, y): the national register's homes are
    never all in Python at once. progress(fraction) follows each batch (and may raise Cancelled)."""
    import numpy as np

    total = max(connection.execute("SELECT count(*) FROM homes").fetchone()[0], 1)
    result = connection.execute("SELECT {}, x, y FROM placed".format(columns))
    done = 0
    while True:
        frame = result.fetch_df_chunk(BATCH_VECTORS)
        if not len(frame):
            return
        yield [_python_values(frame[name]) for name in frame.columns[:-2]], \
            frame["x"].to_numpy(dtype=np.float64, na_value=np.nan), frame["y"].to_numpy(dtype=np.float64, na_value=np.nan)
        done += len(frame)
        if progress is not None:
            progress(done / total)


def _python_values(column):
    """A column of DuckDB's frame as Python values, None for NULL (texts already are)."""
    if column.dtype == object or not column.hasnans:
        return column.tolist()
    return column.to_numpy(dtype=object, na_value=None).tolist()
