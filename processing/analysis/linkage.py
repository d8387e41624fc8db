"""Household linkage across council datasets: exact UPRN, else probabilistic address matching with Splink
on DuckDB (the same model runs on Spark when a county-wide job outgrows one machine).

Addresses are first normalised into flat, house number and street (abbreviations expanded, flats written
'Flat 2, 10 …', '2/10 …' or '10 …, Flat 2' all read alike). Splink's Fellegi-Sunter model then scores
record pairs sharing a postcode, or a street and number (so a mistyped postcode is still found); its
m-probabilities are learnt from pairs that share a UPRN, where councils recorded one.
"""
import re
from dataclasses import dataclass, field

import numpy as np

from .messages import AnalysisError, Note, translatable
from .postcodes import normalise_postcode

ABBREVIATIONS = {"RD": "ROAD", "ST": "STREET", "AVE": "AVENUE", "AV": "AVENUE", "GR": "GROVE", "GRO": "GROVE",
                 "PL": "PLACE", "LN": "LANE", "GDNS": "GARDENS", "GDN": "GARDEN", "TERR": "TERRACE",
                 "TER": "TERRACE", "CRES": "CRESCENT", "CL": "CLOSE", "CT": "COURT", "DR": "DRIVE", "SQ": "SQUARE",
                 "HSE": "HOUSE", "MT": "MOUNT", "PK": "PARK", "WLK": "WALK", "BLDGS": "BUILDINGS"}
DROP_WORDS = {"LONDON", "UK", "ENGLAND"}
FLAT_WORDS = r"(?:FLAT|FLT|APARTMENT|APT|UNIT|MAISONETTE)"
REVIEW_LIMIT = 50_000  # borderline pairs offered for clerical review, most likely first


def parse_address(text):
    """(flat, number, street) from free address text."""
    text = re.sub(r"[^0-9A-Za-z/ ]", " ", str(text or "")).upper()
    flat = number = None
    match = re.search(r"\b" + FLAT_WORDS + r"\s*([0-9]+[A-Z]?|[A-Z])\b", text)
    if match:
        flat = match.group(1)
        text = text[:match.start()] + " " + text[match.end():]
    match = re.search(r"\b([0-9]+[A-Z]?)\s*/\s*([0-9]+[A-Z]?)\b", text)
    if match:
        flat = flat or match.group(1)
        number = match.group(2)
        text = text[:match.start()] + " " + text[match.end():]
    words = []
    for word in text.replace("/", " ").split():
        if re.fullmatch(r"[0-9]+[A-Z]?", word):
            if number is None:
                number = word
            continue
        word = ABBREVIATIONS.get(word, word)
        if word not in DROP_WORDS:
            words.append(word)
    return flat, number, " ".join(words) or None


@dataclass
class LinkageResult:
    household: np.ndarray  # household number of each input row
    review: object  # DataFrame of borderline pairs
    notes: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def prepare_records(frames):
    """One table of all rows: source, row, uprn, postcode, flat, number, street (names and free text are not
    carried: they play no part in household matching). frames: list of (name, DataFrame, columns) where
    columns maps 'uprn', 'postcode' and 'address' (a list of address line columns)."""
    import pandas as pd

    parts = []
    for source, frame, columns in frames:
        if columns["address"]:
            lines = [frame[c].fillna("").astype(str) for c in columns["address"]]
            address = lines[0].str.cat(lines[1:], sep=" ") if len(lines) > 1 else lines[0]
        else:
            address = pd.Series([""] * len(frame))
        parsed = [parse_address(a) for a in address]
        uprn = frame[columns["uprn"]] if columns.get("uprn") else pd.Series([None] * len(frame))
        parts.append(pd.DataFrame({
            "source": source, "row": np.arange(len(frame)),
            "uprn": [_clean_uprn(v) for v in uprn],
            "postcode": [normalise_postcode(v) for v in frame[columns["postcode"]]] if columns.get("postcode")
            else [None] * len(frame),
            "flat": [p[0] for p in parsed], "number": [p[1] for p in parsed], "street": [p[2] for p in parsed]}))
    records = pd.concat(parts, ignore_index=True)
    records.insert(0, "unique_id", np.arange(len(records)))
    return records


def _clean_uprn(value):
    if value is None:
        return None
    text = re.sub(r"\.0$", "", str(value).strip())
    return text if text.isdigit() and 1 <= len(text) <= 12 and int(text) > 0 else None


def link_households(records, threshold=0.9, review_low=0.3, seed=1):
    """Household number for every record: records in one household share a UPRN (where the UPRN is not in
    conflict) or are linked by Splink at `threshold` or above. Pairs scored in [review_low, threshold) go to
    clerical review."""
    import pandas as pd

    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    notes = []
    n = len(records)
    if n == 0:
        raise AnalysisError(translatable("There are no records to link."))

    # 1. exact UPRN, unless one UPRN is recorded at addresses in different postcodes (a keying error)
    with_uprn = records[records["uprn"].notna()]
    spread = with_uprn.groupby("uprn")["postcode"].nunique()
    candidates = with_uprn[with_uprn["uprn"].isin(spread[spread > 1].index)]
    conflicted = {uprn for uprn, codes in candidates.groupby("uprn")["postcode"]
                  if _far_apart(codes.dropna().unique())}
    if conflicted:
        notes.append(Note(translatable("{} UPRN(s) are recorded at addresses in different postcodes; those rows were "
                                       "matched by address instead."), len(conflicted), warning=True))
    trusted = with_uprn[~with_uprn["uprn"].isin(conflicted)]
    first = trusted.groupby("uprn")["unique_id"].transform("min")
    left, right = [trusted["unique_id"].to_numpy()], [first.to_numpy()]
    uprn_links = int((trusted["unique_id"].to_numpy() != first.to_numpy()).sum())

    # 2. probabilistic address matching
    review = pd.DataFrame(columns=["unique_id_l", "unique_id_r", "match_weight", "match_probability"])
    if n > 1:
        predictions = _splink_predict(records.assign(uprn=records["uprn"].where(~records["uprn"].isin(conflicted))),
                                      review_low, seed, threshold)
        linked = predictions[predictions["match_probability"] >= threshold]
        left.append(linked["unique_id_l"].to_numpy(dtype=np.int64))
        right.append(linked["unique_id_r"].to_numpy(dtype=np.int64))
        review = predictions[(predictions["match_probability"] >= review_low)
                             & (predictions["match_probability"] < threshold)]
    rows, cols = np.concatenate(left).astype(np.int64), np.concatenate(right).astype(np.int64)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, household = connected_components(graph, directed=False)
    stats = {"records": n, "records_with_uprn": int(records["uprn"].notna().sum()), "uprn_links": int(uprn_links),
             "households": int(household.max() + 1), "review_pairs": int(len(review)),
             "conflicting_uprns": len(conflicted)}
    return LinkageResult(household, review.reset_index(drop=True), notes, stats)


def _far_apart(postcodes):
    """True when postcodes differ by more than one character (a typo is not a conflict)."""
    from itertools import combinations

    def distance(a, b):
        if len(a) != len(b):
            return 2
        return sum(x != y for x, y in zip(a, b))

    return any(distance(a, b) > 1 for a, b in combinations(postcodes, 2))


def _duckdb_memory_mb(share=0.4):
    """A share of the machine's memory for DuckDB (the rest stays for pandas and QGIS)."""
    import os

    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 8 * 1024**3
    return max(512, int(total * share / 1024**2))


def _splink_predict(records, review_low, seed, threshold=0.9):
    import logging

    import pandas as pd
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    settings = SettingsCreator(
        link_type="dedupe_only",
        # prior that two random rows are one home: about one in the number of rows (refined below)
        probability_two_random_records_match=min(0.5, 1.0 / max(len(records), 2)),
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[block_on("postcode"), block_on("street", "number")],
        # m: how often one household's own records agree at each level. Set from how council address data
        # goes wrong (a mistyped postcode in a few per cent of rows, a misspelt street in about one in ten),
        # not learnt: EM latches on to "same street" instead of "same home", and pairs sharing a UPRN never
        # disagree on number or flat, which leaves those levels untrained. u is learnt from random pairs.
        comparisons=[
            cl.LevenshteinAtThresholds("postcode", [1]).configure(m_probabilities=[0.93, 0.05, 0.02]),
            # the home within the street: flat and number together, since a flat is what tells neighbours
            # in one building apart ("52 Milner Road" and "Flat 2, 52 Milner Road" are different homes)
            cl.CustomComparison(output_column_name="home", comparison_levels=[
                cll.NullLevel("number"), cll.ExactMatchLevel("home"), cll.ElseLevel(),
            ]).configure(m_probabilities=[0.97, 0.03]),
            cl.JaroWinklerAtThresholds("street", [0.95, 0.85]).configure(m_probabilities=[0.85, 0.08, 0.05, 0.02]),
        ],
        retain_intermediate_calculation_columns=False,
        additional_columns_to_retain=[],
    )
    import duckdb

    import os
    import tempfile

    connection = duckdb.connect(":memory:")
    connection.execute("SET enable_progress_bar = false")  # its bars would flood the Processing log
    # Bound DuckDB's memory and let it spill to disk: a county's pairwise comparisons outgrow RAM.
    spill = os.path.join(tempfile.gettempdir(), "community_risk_duckdb")
    os.makedirs(spill, exist_ok=True)
    connection.execute("SET temp_directory = '{}'".format(spill.replace("'", "''")))
    connection.execute("SET memory_limit = '{}MB'".format(_duckdb_memory_mb()))
    db_api = DuckDBAPI(connection)
    # "no flat" is a value: a house and a flat at the same number are different homes
    flat = records["flat"].fillna("-")
    home = np.where(records["number"].notna(), flat + "/" + records["number"].fillna(""), None)
    table = db_api.register(records[["unique_id", "uprn", "postcode", "number", "street"]].assign(flat=flat, home=home))
    linker = Linker(table, settings, log_level=logging.WARNING)
    sizes = records.dropna(subset=["postcode", "number", "street"]).groupby(["postcode", "number", "street"]).size()
    if (sizes > 1).any():  # with no exact pairs at all (tiny inputs) the estimate would be 0: keep the prior
        linker.training.estimate_probability_two_random_records_match(
            [block_on("postcode", "number", "street")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=min(2e6, len(records) * 200), seed=seed)
    predicted = linker.inference.predict(threshold_match_probability=review_low)
    # Only four columns leave DuckDB: every link, and the borderline pairs most likely to be links first
    # (a clerical review list longer than REVIEW_LIMIT is read by no one). A county's predictions stay in
    # DuckDB, which spills to disk, rather than in pandas.
    relation = predicted.as_duckdbpyrelation().project(
        "unique_id_l, unique_id_r, match_weight, match_probability")
    links = relation.filter("match_probability >= {}".format(float(threshold))).df()
    review = relation.filter("match_probability < {}".format(float(threshold))).order(
        "match_probability DESC, unique_id_l, unique_id_r").limit(REVIEW_LIMIT).df()
    return pd.concat([links, review], ignore_index=True)
