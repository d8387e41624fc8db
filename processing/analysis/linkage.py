"""Household linkage across council datasets: exact UPRN, else probabilistic address matching with Splink
on DuckDB (the same model runs on Spark when a county-wide job outgrows one machine).

Every layout is first read into one standard form by addresses.py: flat, number, building name, street and
postcode. Splink's Fellegi-Sunter model then scores record pairs sharing a postcode, or a street and number (so a
mistyped postcode is still found). The model learns: u from random pairs; m from the pairs that share a UPRN,
where councils recorded UPRNs, and by expectation maximisation otherwise; the hand-set m below is only the prior
the learnt values are pulled towards (worth PRIOR_PAIRS pairs). A common street name is weaker evidence than a
rare one (term-frequency adjustment). The trained parameters are returned for the processing record.
"""
import math
import re
from dataclasses import dataclass, field

import numpy as np

from .addresses import ARTICLES, BUILDING_WORDS, THOROUGHFARES, compose, local_streets, standardise
from .messages import AnalysisError, Note, translatable
from .postcodes import normalise_postcode, split_trailing_postcode

REVIEW_LIMIT = 50_000  # borderline pairs offered for clerical review, most likely first
PRIOR_PAIRS = 50  # how many labelled pairs the hand-set m prior is worth
MIN_UPRN_PAIRS = 200  # fewer pairs sharing a UPRN than this: learn m by expectation maximisation instead
MIN_EM_RECORDS = 500  # fewer rows than this: keep the prior m
# a file whose rows give this many UPRNs, none of them twice, lists each home once (a council tax or benefit
# extract, not a list of people): with fewer, a repeat could be missing by chance
MIN_UPRNS_TO_SHOW_ONE_ROW_PER_HOME = 200
# what the linkage decided beyond the model, for the processing record
LINKAGE_DECISIONS = ("uprn_links", "conflicting_uprns", "rows_contradicting_their_uprn", "postcodes_filled_from_uprn",
                     "links_refused_as_conflicting", "rows_too_vague_to_link", "files_listing_each_home_once",
                     "rows_placed_by_elimination", "rows_given_their_buildings_uprn", "rows_naming_another_uprns_flat",
                     "rows_with_a_uprn_a_keystroke_off", "rows_on_a_street_by_another_name")


def parse_address(text):
    """(flat, number, street) from free address text (kept for callers of the first version; see addresses.py)."""
    address = standardise(str(text or ""))
    return address.flat, address.number, address.street


@dataclass
class LinkageResult:
    household: np.ndarray  # household number of each input row
    review: object  # DataFrame of borderline pairs
    notes: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    decided: object = None  # DataFrame: the pairs of the officer's decisions, scored and labelled as review pairs are


def prepare_records(frames):
    """One table of all rows: source, row, uprn, postcode, flat, number, building, street, written (the address
    as it was written, for clerical review). Names and free text are not carried: they play no part in household
    matching. frames: list of (name, DataFrame, columns) where columns maps 'uprn', 'postcode' and 'address' (a
    list of address line columns) and, from people_at_risk.detect_columns, 'uprns' (every UPRN column) and
    'components' (flat, premise, street and line columns)."""
    import pandas as pd

    parts = []
    for source, frame, columns in frames:
        frame = frame.reset_index(drop=True)
        components = columns.get("components") or {"line": list(columns.get("address") or [])}
        written = pd.Series(compose(frame, components), dtype=object)
        postcode = pd.Series([None] * len(frame), dtype=object)
        if columns.get("postcode"):
            raw = frame[columns["postcode"]]
            # read once per distinct text (a postcode is written by many rows); as text, which is what is read
            postcode = pd.Series(_per_distinct(normalise_postcode, raw.astype(str)), dtype=object)
            # a postcode column that holds whole addresses: the postcode from its end, the rest as address text
            wordy = postcode.isna() & raw.astype(str).str.contains(r"[A-Za-z]{3,}", regex=True)
            for i in np.flatnonzero(wordy.to_numpy()):
                rest, found = split_trailing_postcode(str(raw.iloc[i]))
                postcode.iloc[i] = found
                if not _said_already(str(rest), written.iloc[i]):  # '14 Rye Lane' in both: written once
                    written.iloc[i] = ", ".join(t for t in (written.iloc[i], str(rest).strip(", ")) if t)
        uprn = pd.Series([None] * len(frame), dtype=object)
        for name in columns.get("uprns") or ([columns["uprn"]] if columns.get("uprn") else []):
            cleaned = clean_uprns(frame[name].to_numpy()).to_numpy()
            uprn = uprn.where(uprn.notna(), cleaned)
        parsed = [standardise(text) for text in written]
        from_text = pd.Series([p.postcode for p in parsed], dtype=object)
        parts.append(pd.DataFrame({
            "source": source, "row": np.arange(len(frame)), "uprn": uprn.to_numpy(),
            "postcode": postcode.where(postcode.notna(), from_text).to_numpy(),
            "flat": [p.flat for p in parsed], "number": [p.number for p in parsed],
            "building": [p.building for p in parsed], "street": [p.street for p in parsed],
            "written": written.to_numpy()}))
    records = pd.concat(parts, ignore_index=True)
    records.insert(0, "unique_id", np.arange(len(records)))
    return _read_with_local_streets(records)


def _said_already(text, written):
    """Every word of text but the town is in written already ('14 Rye Lane, London' beside '14 Rye Lane')."""
    from .addresses import TOWN_WORDS, _tokens

    words = {w for segment in _tokens(text) for w in segment} - TOWN_WORDS
    return bool(words) and words <= {w for segment in _tokens(written or "") for w in segment}


def _read_with_local_streets(records):
    """Rows read again with the streets the rows themselves write (addresses.local_streets)."""
    from .addresses import Address

    texts = records["written"].astype(str).tolist()
    columns = ["flat", "number", "building", "street"]
    values = records[columns].astype(object).where(records[columns].notna(), None)
    parsed = [Address(*row, None) for row in values.itertuples(index=False)]
    districts = [p.partition(" ")[0] if isinstance(p, str) else None for p in records["postcode"]]
    again = local_streets(texts, parsed, districts, postcodes=records["postcode"].tolist())
    changed = [k for k, (a, b) in enumerate(zip(parsed, again)) if a != b]
    for column in columns:
        records.loc[changed, column] = [getattr(again[k], column) for k in changed]
    return records


# a flat named by a number or letter ('2', 'B', 'C1'), not by a floor or left unnamed
FLAT_NAME_PATTERN = r"[0-9]+[A-Z]?|[A-Z]|[A-Z][0-9]+"
EXCEL_NUMBER = re.compile(r"^\s*[0-9](?:\.[0-9]+)?E\+?[0-9]+\s*$", re.IGNORECASE)


def clean_uprns(values):
    """UPRN text as digits without leading zeros ('005755257588', as council tax systems pad it, is 5755257588;
    a trailing '.0' from a spreadsheet is dropped), or None."""
    import pandas as pd

    text = pd.Series(values, dtype=object).fillna("").astype(str).str.strip().str.replace(r"\.0$", "", regex=True)
    good = text.str.fullmatch(r"[0-9]{1,12}") & (text.str.lstrip("0") != "")
    return text.str.lstrip("0").where(good, None)


def progress_after(progress, done):
    """Reports `done` (0-1) of the work through progress, and returns the callback for the rest of it (its own share
    0-1 scaled into what is left); None where there is no progress callback."""
    if not progress:
        return None
    progress(done)
    return lambda share: progress(done + (1 - done) * share)


def link_households(records, threshold=0.9, review_low=0.3, seed=1, engine=None, progress=None, decisions=None):
    """Household number for every record: records in one household share a UPRN (where the UPRN is not in
    conflict) or are linked by Splink at `threshold` or above. Pairs scored in [review_low, threshold) go to
    clerical review. engine: 'duckdb', 'spark' or 'auto' (linkage_engines.choose_engine); the households are the
    same on both. progress: called with the share done (0-1) between steps; it may raise to cancel."""
    import pandas as pd

    notes = []
    n = len(records)
    if n == 0:
        raise AnalysisError(translatable("There are no records to link."))
    if "building" not in records.columns:  # records prepared by an older caller
        records = records.assign(building=None)

    # 1. exact UPRN, unless one UPRN is recorded in different postcode districts (a keying error of the UPRN; a
    # postcode slip within a district is common and says nothing of the UPRN)
    with_uprn = records[records["uprn"].notna()]
    written = with_uprn.dropna(subset=["postcode"]).drop_duplicates(["uprn", "postcode"])
    written = written[written["uprn"].duplicated(keep=False)]  # UPRNs written with two postcodes or more
    postcodes_of = {}
    for uprn, postcode in zip(written["uprn"], written["postcode"]):
        postcodes_of.setdefault(uprn, []).append(postcode)
    conflicted = {uprn for uprn, codes in postcodes_of.items() if _far_apart(codes)}
    if conflicted:
        notes.append(Note(translatable("{} UPRN(s) are recorded at addresses in different postcodes; those rows were "
                                       "matched by address instead."), len(conflicted), warning=True))
    # a row whose text names another home than its UPRN's other rows on two counts (flat and house number, or flat
    # and building) has its UPRN keyed wrong (digits slipped): it is matched by address instead
    keyed_wrong = _uprn_keyed_wrong(with_uprn[~with_uprn["uprn"].isin(conflicted)])
    if len(keyed_wrong):
        records.loc[keyed_wrong, "uprn"] = None
        with_uprn = with_uprn.drop(index=keyed_wrong)
        notes.append(Note(translatable("{} row(s) name another home than the other rows of their UPRN (another flat "
                                       "and house number or building); their UPRN was taken as keyed wrong and they "
                                       "were matched by address."), len(keyed_wrong), warning=True))
    # a UPRN only its own file gives, a keystroke from the UPRN other files give the home its rows write, was keyed
    # wrong: its rows take that UPRN
    keystroke = _uprns_keyed_a_keystroke_off(records, with_uprn[~with_uprn["uprn"].isin(conflicted)])
    if keystroke:
        retyped = pd.Series(keystroke)
        records.loc[retyped.index, "uprn"] = retyped.to_numpy()
        with_uprn = records.loc[with_uprn.index]
        notes.append(Note(translatable("{} row(s) give a UPRN that no other file gives, a keystroke (a digit replaced "
                                       "or two swapped) from the UPRN other files give the home they write; they "
                                       "were taken to have that UPRN, keyed wrong."), len(keystroke), warning=True))
    # a file giving many flats a UPRN that no other row gives, where other files give another UPRN to the flat
    # written alike, gives its buildings' UPRNs (a licence's parent UPRN): those rows are matched by address
    building_uprns, files = _building_uprns(with_uprn[~with_uprn["uprn"].isin(conflicted)])
    if len(building_uprns):
        records.loc[building_uprns, "uprn"] = None
        with_uprn = with_uprn.drop(index=building_uprns)
        notes.append(Note(translatable("{} row(s) of {} give a flat a UPRN that no other row gives, where other files "
                                       "give that flat, written alike, another UPRN: as the file does so often, its "
                                       "UPRNs were taken as the buildings' (parent UPRNs) and these rows were matched "
                                       "by address."), len(building_uprns), ", ".join(files), warning=True))
    # a row whose house number or flat differs from what the other rows of its UPRN write is taken at its UPRN: the
    # text is far more often wrong than the UPRN ('14A St Marys Place' for Flat B, 14, with Flat B's UPRN)
    uprn_rows = with_uprn[~with_uprn["uprn"].isin(conflicted)]
    claimed = _home_of_another_uprn(uprn_rows)
    records, dissenting = _as_their_uprn_says(records, uprn_rows, claimed)
    if dissenting:
        notes.append(Note(translatable("{} row(s) give another house number or flat than the other rows of their UPRN; "
                                       "they were taken as their UPRN's home."), dissenting, warning=True))
    records, misnamed = _flats_of_lone_uprns_unread(records, uprn_rows, claimed[0])
    if misnamed:
        notes.append(Note(translatable("{} row(s) give a UPRN no other row gives, with a flat that rows of another UPRN "
                                       "write as theirs; the flat was taken as not known, and the row as its UPRN's "
                                       "home."), misnamed, warning=True))
    untrusted = records["uprn"].isin(conflicted)
    trusted = with_uprn[~untrusted.loc[with_uprn.index]]
    first = trusted.groupby("uprn")["unique_id"].transform("min")
    left, right = [trusted["unique_id"].to_numpy()], [first.to_numpy()]
    uprn_links = int((trusted["unique_id"].to_numpy() != first.to_numpy()).sum())

    # a row with a UPRN but no postcode takes the postcode its UPRN has elsewhere
    linkable = records.assign(uprn=records["uprn"].where(~untrusted))
    missing = linkable["postcode"].isna() & linkable["uprn"].notna()
    written = linkable.dropna(subset=["uprn", "postcode"])
    written = written[written["uprn"].isin(linkable.loc[missing, "uprn"])]  # only the UPRNs of rows missing one
    counts = written.groupby(["uprn", "postcode"]).size().rename("n").reset_index()
    known = counts.sort_values(["uprn", "n", "postcode"], ascending=[True, False, True]).drop_duplicates("uprn") \
        .set_index("uprn")["postcode"]  # the postcode most often written with each UPRN
    filled = linkable.loc[missing, "uprn"].map(known)
    linkable.loc[missing, "postcode"] = filled
    postcodes_filled = int(filled.notna().sum())
    once = sorted(one_row_per_home_sources(linkable))
    linkable = _top_floors_named(_blocks_completed(_slashes_read_house_first(linkable)))
    linkable, renamed = _streets_by_their_current_names(linkable, once)
    if renamed:
        notes.append(Note(translatable("{} row(s) write their street by a name no complete list (one row a home) writes "
                                       "at their postcode, where most of its homes are on one other street of that "
                                       "postcode: they were read on that street (an old or an estate's name)."),
                          renamed, warning=True))
    report = progress or (lambda share: None)
    report(0.1)

    # 2. probabilistic address matching
    review = pd.DataFrame(columns=["unique_id_l", "unique_id_r", "match_weight", "match_probability"])
    decided = None
    model, refused = {}, {"conflicting": 0, "ambiguous_rows": 0}
    placed_by_elimination = 0
    if once:
        notes.append(Note(translatable("{} file(s) list each home once (no UPRN given twice): {}. Two of their rows are "
                                       "never taken for one household."), len(once), ", ".join(map(str, once))))
    household = _uprn_households(n, np.concatenate(left), np.concatenate(right))
    if n > 1:
        decided_pairs = [(a, b) for a, b, _ in decisions.same + decisions.different] if decisions is not None else []
        predictions, raw_model, model, decided = _splink_predict(linkable, review_low, seed, threshold, engine,
                                                                 decided_pairs)
        decided = _label_levels(decided, raw_model)
        report(0.7)
        predictions = _with_same_premise(predictions, linkable, threshold)
        identity = _identity(linkable, once)
        report(0.8)
        l = predictions["unique_id_l"].to_numpy(dtype=np.int64)
        r = predictions["unique_id_r"].to_numpy(dtype=np.int64)
        # two rows that name different homes (another UPRN, number, flat or building) are never linked, whatever
        # the rest of their addresses says: such pairs go to clerical review
        conflicting, apart_by = _conflicts(identity, l, r, household, explain=True)
        strong = (predictions["match_probability"] >= threshold).to_numpy() | predictions["same_premise"].to_numpy()
        candidate = np.flatnonzero(strong & ~conflicting)
        # a scored pair below the threshold may still say the row matches another home as well
        weak = np.flatnonzero(~strong & ~conflicting)
        contested, ambiguous = _contested_links(identity, l[candidate], r[candidate], household, l[weak], r[weak])
        accepted = np.zeros(len(l), dtype=bool)
        accepted[candidate[~contested]] = True
        household = _cluster(identity, household, l[accepted], r[accepted],
                             predictions["match_weight"].to_numpy()[accepted])
        household, placed_by_elimination = _place_by_elimination(identity, linkable, household)
        if decisions is not None:  # an officer's decisions on an earlier review (clerical_decisions.py)
            household = decisions.applied_to(household, (np.concatenate(left), np.concatenate(right)),
                                             (l[accepted], r[accepted], predictions["match_weight"].to_numpy()[accepted]))
        report(0.95)
        refused = {"conflicting": int((strong & conflicting).sum()), "ambiguous_rows": int(ambiguous.sum())}
        # clerical review: the pairs left in two households, with the reason the linkage did not join them
        reason = np.full(len(l), "", dtype=object)
        reason[~strong] = "scored below the link threshold"
        reason[conflicting] = "the rows name two homes: " + apart_by[conflicting]
        reason[candidate[contested]] = "a row matches another home as well"
        held_apart = candidate[contested]
        both = identity.unplaced[l[held_apart]] & identity.unplaced[r[held_apart]]
        reason[held_apart[both]] = "both leave the flat out, at a house of flats"
        unnamed = (identity.flat[l[held_apart]] == "?") & (identity.flat[r[held_apart]] == "?")
        reason[held_apart[unnamed]] = "neither says which flat"
        apart = household[l] != household[r]
        reason[accepted & apart] = "its household names another home"
        held = (predictions["match_probability"] >= review_low).to_numpy() & apart & (reason != "")
        review = _label_levels(predictions.assign(reason=reason)[held].sort_values(
            ["match_probability", "unique_id_l", "unique_id_r"], ascending=[False, True, True]).head(REVIEW_LIMIT)
            .reset_index(drop=True), raw_model)
    stats = {"records": n, "records_with_uprn": int(records["uprn"].notna().sum()), "uprn_links": int(uprn_links),
             "households": int(household.max() + 1), "review_pairs": int(len(review)),
             "links_refused_as_conflicting": refused["conflicting"],
             "rows_too_vague_to_link": refused["ambiguous_rows"],
             "conflicting_uprns": len(conflicted), "rows_contradicting_their_uprn": dissenting,
             "postcodes_filled_from_uprn": postcodes_filled, "files_listing_each_home_once": once,
             "rows_placed_by_elimination": placed_by_elimination,
             "rows_given_their_buildings_uprn": {"rows": len(building_uprns), "files": files},
             "rows_naming_another_uprns_flat": misnamed, "rows_with_a_uprn_a_keystroke_off": len(keystroke),
             "rows_on_a_street_by_another_name": renamed,
             "model": model}
    report(1.0)
    return LinkageResult(household, review.reset_index(drop=True), notes, stats, decided)


# --- Households from links: no household holds two homes -------------------------------------------------------

def _blocks_completed(records):
    """Flats of a block written by its name alone or by its number alone, with the other filled in where rows of the
    postcode write the two together and each of the two goes with the other only ('Flat 4, Eynella Tower' and
    'Flat 4, 15 Lant Mount' where a row writes 'Eynella Tower, 15 Lant Mount'): one block, written two ways,
    whose rows otherwise share nothing that says they are one. Only where the block's rows write one street, and
    the row that one or none: a postcode slip puts another Clare Point, on another street, in the postcode."""
    import pandas as pd

    # the blocks' names as their postcodes usually write them: one row's 'Marsden Lldge' beside 24 of 'Marsden
    # Lodge' at 11 does not make two blocks of number 11
    usual = pd.Series(_usual_building_names(records), index=records.index, dtype=object)
    usual = usual.where(usual != "", None)
    flats = records["flat"].notna() & records["postcode"].notna()
    named_blocks = flats & records["number"].notna() & usual.notna()
    both = records[named_blocks].assign(building=usual[named_blocks].to_numpy())
    if not len(both):
        return records
    names = both.groupby(["postcode", "number"])["building"].agg(["nunique", "first"])
    numbers = both.groupby(["postcode", "building"])["number"].agg(["nunique", "first"])
    names, numbers = names[names["nunique"] == 1]["first"], numbers[numbers["nunique"] == 1]["first"]
    one_to_one = pd.Series([numbers.get((p, b)) == n for (p, n), b in names.items()], index=names.index, dtype=bool)
    names = names[one_to_one]
    numbers = pd.Series(names.index.get_level_values("number"),
                        index=pd.MultiIndex.from_arrays([names.index.get_level_values("postcode"), names.to_numpy()]))
    # the streets written with each block by any of its rows: a block of one postcode is on one street
    with_street = records["postcode"].notna() & usual.notna() & records["street"].notna()
    named = records[with_street].assign(building=usual[with_street].to_numpy())
    # a locality read as a street ('Barforth Lodge, Tottenham') has no thoroughfare word and is written after no
    # house number in the district: it says nothing of the block's street
    numbered = records[records["number"].notna() & records["street"].notna() & records["postcode"].notna()]

    def district_street(rows):
        return pd.Series(_postcode_districts(rows["postcode"]) + "|" + rows["street"].to_numpy(dtype=object))

    thoroughfare = named["street"].str.split(" ").str[-1].isin(THOROUGHFARES).to_numpy()
    named = named[thoroughfare | district_street(named).isin(district_street(numbered)).to_numpy()]
    streets = named.groupby(["postcode", "building"])["street"].agg(["nunique", "first"])
    streets = streets.loc[streets["nunique"] == 1, "first"].to_dict()
    out = records.copy()
    by_number = flats & records["number"].notna() & records["building"].isna()
    keys = pd.MultiIndex.from_arrays([records.loc[by_number, "postcode"], records.loc[by_number, "number"]])
    filled = names.reindex(keys).to_numpy()
    out.loc[by_number, "building"] = np.where(_on_the_blocks_street(records[by_number], filled, streets), filled, None)
    by_name = flats & usual.notna() & records["number"].isna()
    keys = pd.MultiIndex.from_arrays([records.loc[by_name, "postcode"], usual[by_name]])
    filled = numbers.reindex(keys).to_numpy()
    on_street = _on_the_blocks_street(records[by_name], usual[by_name].to_numpy(), streets)
    out.loc[by_name, "number"] = np.where(on_street, filled, None)
    return out


def _streets_by_their_current_names(records, once):
    """(records, rows changed): a street of a postcode that no file listing each home once writes, three in four of
    its homes, and two at least (house number, flat, building), written on one other street of the postcode that
    such a file does write, and more often, is that street by another name: an old name a GP list or a care system
    kept ('16 Nimrod Close' for 16 St Anselm's Close, renamed), or an estate's name for the street. A street of its
    own in a shared postcode is written by the council tax list too."""
    import pandas as pd

    if not once:
        return records, 0
    rows = records[records["postcode"].notna() & records["street"].notna()
                   & (records["number"].notna() | records["building"].notna())]
    frame = pd.DataFrame({"postcode": rows["postcode"].to_numpy(), "street": rows["street"].to_numpy(),
                          "home": _group_ids(rows["number"], rows["flat"], rows["building"]),
                          "once": rows["source"].isin(once).to_numpy()}, index=rows.index)
    streets = frame.groupby(["postcode", "street"], sort=False).agg(n=("home", "size"), once=("once", "any"),
                                                                   homes=("home", frozenset))
    shared = streets.groupby(level=0)["n"].transform("size") > 1
    streets = streets[shared.to_numpy()]
    renamed = {}
    several = np.array([len(homes) >= 2 for homes in streets["homes"]], dtype=bool)
    for (postcode, street), row in streets[~streets["once"].to_numpy() & several].iterrows():
        others = streets.loc[postcode]
        # most of its homes, not all: rows written by hand slip in their flats and numbers too
        # (two homes at least: one home's number on both streets may be chance)
        common = np.array([len(row["homes"] & homes) for homes in others["homes"]])
        current = others[others["once"].to_numpy() & (others["n"] > row["n"]).to_numpy()
                         & (common >= max(2, 0.75 * len(row["homes"])))]
        if len(current) == 1:
            renamed[postcode, street] = current.index[0]
    if not renamed:
        return records, 0
    keys = pd.Series(list(zip(frame["postcode"], frame["street"])), index=frame.index)
    chosen = keys[keys.isin(renamed)]
    records = records.copy()
    records.loc[chosen.index, "street"] = chosen.map(renamed).to_numpy()
    return records, len(chosen)


def _top_floors_named(records):
    """'Top Floor Flat' read as the highest floor the house's other rows name ('Top Floor Flat, 31 Maplin Grove' where
    rows name its Ground and Second Floor Flats is the Second), where the rows of that floor and of the top floor
    give one UPRN, the same: councils' systems write the same flat by its floor and as the top one, but a top flat
    written without a UPRN may be a floor no row names ('Top Flat, 2 Meadow Yard' above its First Floor Flat). A
    house written as a range ('19-21') and by its first number ('19') is one house here."""
    import pandas as pd

    floors = records["flat"].isin(FLOOR_ORDER + ("TOP FLOOR",)).to_numpy()
    if not (records["flat"] == "TOP FLOOR").any():
        return records
    rows = records[floors & records["number"].notna().to_numpy() & records["street"].notna().to_numpy()]
    # a range by its first number: '19 Harford Road' is written for 19-21 as often
    house = pd.Series(_house_keys(rows.assign(number=rows["number"].str.split("-").str[0])), index=rows.index)
    named = rows["flat"] != "TOP FLOOR"
    rank = rows.loc[named, "flat"].map(FLOOR_ORDER.index)
    highest = rank.groupby(house[named]).max().map(lambda k: FLOOR_ORDER[k])
    top = rows.index[~named.to_numpy()]
    target = house[top].map(highest)
    # the UPRNs each floor of each house is written with, looked up once per top floor row
    given = rows.assign(house=house.to_numpy()).dropna(subset=["uprn"])
    uprns = given.groupby(["house", "flat"])["uprn"].agg(frozenset).to_dict()
    floors_named = rows.loc[named, "flat"].groupby(house[named]).nunique()
    out = records.copy()
    for k, floor in target.dropna().items():
        theirs, ours = uprns.get((house[k], floor)), uprns.get((house[k], "TOP FLOOR"))
        if theirs is not None and theirs == ours and len(theirs) == 1:
            out.at[k, "flat"] = floor
        elif not isinstance(records.at[k, "uprn"], str) and isinstance(records.at[k, "postcode"], str) \
                and floors_named[house[k]] == 1 \
                and FLOOR_ORDER.index(floor) >= FLOOR_ORDER.index("FIRST FLOOR") and (ours is None or ours == theirs):
            # 'Top Flat, 41 Cadogan Gardens' with no UPRN, where the house's rows name one floor above the ground,
            # the First: the flat at the top is that one (no row gives the top a UPRN of its own). Only with a
            # postcode: the rows without one are of any district, and their house is not one house
            out.at[k, "flat"] = floor
    return out



SLASHED_PAIR = re.compile(r"(?<![0-9A-Z])([0-9]+)\s*/\s*([0-9]+)(?![0-9])", re.IGNORECASE)


def _slashes_read_house_first(records):
    """'24/1 Gale Road' read as Flat 1 of number 24 where rows of the street write Flat 1 at 24 and no row writes a
    number 1 there: councils write '2/14' flat first and '14/2' house first, and only the street's other rows say
    which. The standardiser reads the flat first; a row is turned round only where the rows say so. A row without a
    postcode is of any district, and so is a row of the street without one."""
    import pandas as pd

    written = records["written"].astype(str)
    slashed = written.str.contains("/", regex=False).to_numpy() & records["flat"].notna().to_numpy() \
        & records["number"].notna().to_numpy() & records["street"].notna().to_numpy()
    if not slashed.any():
        return records
    pairs = written[slashed].str.extract(SLASHED_PAIR)
    candidate = np.zeros(len(records), dtype=bool)
    candidate[np.flatnonzero(slashed)] = ((pairs[0] == records["flat"][slashed])
                                          & (pairs[1] == records["number"][slashed])).to_numpy()
    if not candidate.any():
        return records
    district = _postcode_districts(records["postcode"])  # '' without a postcode: any district
    frame = pd.DataFrame({"street": records["street"].to_numpy(dtype=object), "number": records["number"].to_numpy(
        dtype=object), "flat": records["flat"].to_numpy(dtype=object), "district": district})
    asked = frame[candidate].reset_index().rename(columns={"index": "k"})
    # only the rows of the candidates' streets: a file writing '2/14' for every flat has thousands of candidates
    rows = frame[~candidate & frame["number"].notna().to_numpy() & frame["street"].isin(set(asked["street"])).to_numpy()]

    def written(left_on, right_on):
        found = asked.merge(rows, left_on=left_on, right_on=right_on, suffixes=("", "_row"))
        near = (found["district"] == "") | (found["district_row"] == "") | (found["district"] == found["district_row"])
        return asked["k"].isin(found.loc[near.to_numpy(), "k"]).to_numpy()

    # Flat 1 at 24 written by the street's rows, and no number 1 on the street
    house_first = written(["street", "flat", "number"], ["street", "number", "flat"]) \
        & ~written(["street", "number"], ["street", "number"])
    turned = asked[house_first]
    if not len(turned):
        return records
    out = records.copy()
    position = out.index[turned["k"].to_numpy()]
    out.loc[position, "flat"] = turned["number"].to_numpy()
    out.loc[position, "number"] = turned["flat"].to_numpy()
    return out


def _on_the_blocks_street(rows, buildings, streets):
    """For each row: its block (postcode, building) is written with one street only, and the row writes that street
    or none."""
    return np.array([(postcode, building) in streets and (not isinstance(street, str)
                                                          or street == streets[(postcode, building)])
                     for street, postcode, building in zip(rows["street"], rows["postcode"], buildings)], dtype=bool)


def _uprn_households(n, left, right):
    """Household number of each row from the UPRN links alone (rows sharing a trusted UPRN)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(left)), (left.astype(np.int64), right.astype(np.int64))), shape=(n, n))
    return connected_components(graph, directed=False)[1]


@dataclass
class _Identity:
    """What names one home in each row: UPRN, house number as a range (12-14 -> 12..14), flat ('-' for none,
    '?' for a flat whose number was not written) and building name."""
    uprn: np.ndarray
    number: np.ndarray
    low: np.ndarray
    high: np.ndarray
    flat: np.ndarray
    building: np.ndarray
    unplaced: np.ndarray  # no flat written, at a house whose flats other rows name
    once_source: np.ndarray  # the row's file, numbered, where that file lists each home once; else -1
    street: np.ndarray = None  # standardised street, None where none was written
    postcode: np.ndarray = None
    district: np.ndarray = None  # _districts


def _number_span(numbers):
    """(low, high) of each house number as floats, NaN where there is none: '12-14' -> 12, 14; '12B' -> 12, 12."""
    import pandas as pd

    # read once per distinct number written (a few thousand), not once per row
    codes, distinct = pd.factorize(pd.Series(numbers, dtype=object).astype(str))
    parts = pd.Series(distinct, dtype=object).str.extract(r"^([0-9]+)[A-Z]?(?:-([0-9]+)[A-Z]?)?$")
    low = pd.to_numeric(parts[0], errors="coerce").to_numpy(dtype=float)[codes]
    high = pd.to_numeric(parts[1], errors="coerce").to_numpy(dtype=float)[codes]
    return low, np.where(np.isnan(high), low, high)


def _identity(records, once):
    """once: the files that list each home once (one_row_per_home_sources)."""

    def values(column):  # None for every kind of missing value (None, NaN)
        return records[column].astype(object).where(records[column].notna(), None)

    number = values("number")
    low, high = _number_span(number)
    flat = records["flat"].fillna("-").to_numpy(dtype=object)
    once_source = records["source"].map({name: k for k, name in enumerate(once)}).fillna(-1).to_numpy(dtype=np.int64)
    district = _districts(records)
    return _Identity(values("uprn").to_numpy(dtype=object), number.to_numpy(dtype=object), low, high, flat,
                     values("building").to_numpy(dtype=object), _unplaced(records, flat, district), once_source,
                     values("street").to_numpy(dtype=object), values("postcode").to_numpy(dtype=object), district)


def one_row_per_home_sources(records):
    """The files that list each home once: at least MIN_UPRNS_TO_SHOW_ONE_ROW_PER_HOME of their rows give a UPRN,
    and no UPRN is given twice. Two rows of such a file are two homes, never one household ('First Floor Flat,
    Keats House' written for Flats 2 and 3 by one register). A list of people (two older residents of one home)
    repeats UPRNs and is not one of them."""
    with_uprn = records[records["uprn"].notna()]
    per_source = with_uprn.groupby("source")["uprn"].agg(["size", "nunique"])
    return set(per_source.index[(per_source["size"] >= MIN_UPRNS_TO_SHOW_ONE_ROW_PER_HOME)
                                & (per_source["nunique"] == per_source["size"])])


def _districts(records):
    """Each row's postcode district; for a row with no postcode, the one district where rows write its street and
    house number, if there is one ('77, Yoakley Drive, London' with no postcode is at the 77 Yoakley Drive of SE24)."""
    import pandas as pd

    district = _postcode_districts(records["postcode"])
    street, number = records["street"].to_numpy(dtype=object), records["number"].to_numpy(dtype=object)
    written = np.flatnonzero(pd.notna(street) & pd.notna(number))
    house = _group_ids(street[written], number[written])
    codes, names = pd.factorize(district[written])
    known = district[written] != ""
    spread = pd.DataFrame({"house": house[known], "district": codes[known]}).groupby("house")["district"] \
        .agg(["nunique", "first"])
    single = spread.loc[spread["nunique"] == 1, "first"]
    missing = written[~known]
    if len(missing) and len(single):
        found = single.reindex(house[~known]).to_numpy()
        placed = ~np.isnan(found)
        district[missing[placed]] = names[found[placed].astype(np.int64)]
    return district


def _group_ids(*columns):
    """One integer per distinct combination of the columns' values (a missing value is a value of its own): grouping
    on it is grouping on the columns, without hashing their text again in every groupby."""
    import pandas as pd

    ids = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes = pd.factorize(np.asarray(column, dtype=object))[0] + 1  # a missing value: 0
        ids = pd.factorize(ids * (int(codes.max(initial=0)) + 1) + codes)[0]
    return ids


def _postcode_districts(postcodes):
    """Each postcode's district ('SE24 9HP' -> 'SE24'), '' where there is none: worked out once per distinct
    postcode, not once per row."""
    import pandas as pd

    codes, distinct = pd.factorize(pd.Series(postcodes, dtype=object).fillna("").astype(str))
    return np.array([p.partition(" ")[0] for p in distinct], dtype=object)[codes]


def _per_distinct(function, values):
    """function(value) for each of values, called once per distinct value (many rows write the same text)."""
    import pandas as pd

    codes, distinct = pd.factorize(pd.Series(values, dtype=object))
    return np.array([function(v) for v in distinct] + [None], dtype=object)[codes]


def _unplaced(records, flat, district):
    """Rows with no flat written at a house, or at a block by its name on its street ('Cedar House, Ouseley Close'),
    whose flats other rows name (two flats or more are named there, or rows naming a flat are at least as many as
    those naming none: one 'Flat 4' among many rows of a house is a slip), unless a UPRN given with no flat, and
    never with one, says a home without a flat is there too ('67 Gillespie Close' beside its flats 2 and 5). One row
    giving such a UPRN says so only where every flat named at the house comes with a UPRN of its own: else it may be
    one of those flats with its flat left out ('156 Wilberforce Vale' with the UPRN of Flat B, whose rows give no
    UPRN). So does a UPRN given by rows of one file only ('Bevin Tower, 28 Cedar Road' for three electors of Flat
    13)."""
    import pandas as pd

    named = ~pd.Series(flat).isin(["-", "?"]).to_numpy()
    uprn = records["uprn"].to_numpy(dtype=object)
    flatted = set(uprn[named & pd.notna(uprn)])
    flatless = (flat == "-") & pd.notna(uprn) & ~pd.Series(uprn).isin(flatted).to_numpy()
    street, number = records["street"].to_numpy(dtype=object), records["number"].to_numpy(dtype=object)
    flat_code = pd.factorize(flat)[0]
    uprn_code = pd.factorize(uprn)[0]  # -1: no UPRN
    # a flatless UPRN given by two files, or at a house whose named flats all come with UPRNs, is a home without a flat
    # (by two files: a register's two electors of one flat, written without it, are one slip)
    source_code = pd.factorize(records["source"].to_numpy(dtype=object))[0]
    files = pd.DataFrame({"uprn": uprn_code[flatless], "source": source_code[flatless]}).drop_duplicates()
    given = np.bincount(files["uprn"].to_numpy(), minlength=uprn_code.max(initial=-1) + 1)

    def flats_here(placed, house):
        with_uprn = uprn_code[placed] >= 0
        frame = pd.DataFrame({"house": house, "named": named[placed], "none": (flat == "-")[placed],
                              "flat": np.where(named[placed], flat_code[placed], np.nan),
                              "flat_with_uprn": named[placed] & with_uprn})
        groups = frame.groupby("house", sort=False)
        count, none, distinct = (groups["named"].transform("sum"), groups["none"].transform("sum"),
                                 groups["flat"].transform("nunique"))
        repeated = np.where(with_uprn, given[np.maximum(uprn_code[placed], 0)] if len(given) else 0, 0) >= 2
        per_flat = frame[frame["named"]].groupby(["house", "flat"], sort=False)["flat_with_uprn"].any()
        bare = per_flat.index.get_level_values("house")[~per_flat.to_numpy()].to_numpy()
        every_flat_has_uprn = ~np.isin(frame["house"].to_numpy(), bare)
        proof = flatless[placed] & (repeated | every_flat_has_uprn)
        flatless_home = pd.Series(proof).groupby(frame["house"], sort=False).transform("any")
        here = ((distinct >= 2) | ((count >= none) & (count > 0))) & ~flatless_home
        return placed[(frame["none"] & here).to_numpy()]

    out = np.zeros(len(records), dtype=bool)
    # the rows of a house (street and number), and of a block by its name on its street (a block with no number, or
    # its number left out: 'Cedar House, Ouseley Close' beside its Flats 13 and 21; not by its name in the district,
    # where a house may share the name: 'Holly Lodge, Marsden Close' beside Flat 3, Holly Lodge, 24 Rosemary Mews)
    placed = np.flatnonzero(pd.notna(street) & pd.notna(number))
    out[flats_here(placed, _group_ids(district[placed], street[placed], number[placed]))] = True
    # (by the name its postcode usually writes, a typo apart: 'Kestrel Manisons' once; a row without a street
    # on the one street the block's rows of its district write: 'Attlee House, London SW95 9DP')
    usual = _typos_of_usual_building_names(records)
    blocks = np.flatnonzero(usual != "")
    keys = pd.DataFrame({"district": district[blocks], "building": usual[blocks], "street": street[blocks]})
    streets = keys.dropna(subset=["street"]).groupby(["district", "building"])["street"].agg(["nunique", "first"])
    one = streets[streets["nunique"] == 1]["first"]
    missing = keys["street"].isna().to_numpy()
    filled = pd.MultiIndex.from_frame(keys.loc[missing, ["district", "building"]]).map(one.to_dict().get) \
        if missing.any() else []
    keys.loc[missing, "street"] = np.asarray(filled, dtype=object)
    out[flats_here(blocks, _group_ids(keys["district"], keys["street"], keys["building"]))] = True
    return out


def _typos_of_usual_building_names(records):
    """Each row's building name, as its postcode usually writes it where the two are a typo apart ('Kestrel Manisons'
    for Kestrel Mansions); not where a word is added or left out ('Rose Cottage' beside The Cottage is a house of its
    own), as _usual_building_names reads them."""
    from difflib import SequenceMatcher

    written = records["building"].fillna("").to_numpy(dtype=object)
    usual = _usual_building_names(records)
    differ = np.flatnonzero(usual != written)
    pairs = {(written[k], usual[k]) for k in differ}
    close = {pair for pair in pairs if SequenceMatcher(None, *pair).ratio() >= 0.85}
    out = written.copy()
    for k in differ:
        if (written[k], usual[k]) in close:
            out[k] = usual[k]
    return out


def _numbers_agree(identity, a, b):
    """Both rows have a house number and the numbers are the same or overlap ('12-14' and '14')."""
    import pandas as pd

    same = pd.notna(identity.number[a]) & (identity.number[a] == identity.number[b])
    overlap = (identity.low[a] <= identity.high[b]) & (identity.low[b] <= identity.high[a])
    return same | overlap


def _same_building(x, y):
    """Building names that are one name: equal, one the other with words added ('Keats House' and 'Keats House
    The Lodge'), or a typo apart."""
    from difflib import SequenceMatcher

    if x == y:
        return True
    wx, wy = set(x.split()) - ARTICLES, set(y.split()) - ARTICLES
    if not wx or not wy:
        return False
    joined_x, joined_y = "".join(x.split()), "".join(y.split())  # 'WILLOWBANK' and 'WILLOW BANK'
    return wx <= wy or wy <= wx or joined_x == joined_y or SequenceMatcher(None, x, y).ratio() >= 0.85


def _conflicts(identity, a, b, household=None, explain=False, crossed=True):
    """For each pair of rows (a[k], b[k]): True when they name different homes. Rows already in one household
    (a shared UPRN) never conflict. With explain, also what tells them apart, in words. Without crossed, a home
    named only by its number and one named only by its name are not taken for two homes on that count alone."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    if not len(a):
        empty = np.zeros(0, dtype=bool)
        return (empty, np.zeros(0, dtype=object)) if explain else empty
    import pandas as pd

    ua, ub = identity.uprn[a], identity.uprn[b]
    has_uprn = pd.notna(ua) & pd.notna(ub)
    uprn = has_uprn & (ua != ub)
    na, nb = identity.number[a], identity.number[b]
    has_na, has_nb = pd.notna(na), pd.notna(nb)
    both_numbers = has_na & has_nb
    numbers_agree = _numbers_agree(identity, a, b)
    number = both_numbers & ~numbers_agree
    fa, fb = identity.flat[a], identity.flat[b]
    # '?' (a flat, number not written) may be any flat, but not a home with no flat
    flat = fa != fb
    ba, bb = identity.building[a], identity.building[b]
    has_ba, has_bb = pd.notna(ba), pd.notna(bb)
    building = np.zeros(len(a), dtype=bool)
    differ = np.flatnonzero(has_ba & has_bb & (ba != bb) & ~(both_numbers & numbers_agree))
    building[differ] = [not _same_building(x, y) for x, y in zip(ba[differ], bb[differ])]
    # a home named only by its number and one named only by its name share nothing that says they are one
    crossed = ((has_na & ~has_ba & ~has_nb & has_bb) | (~has_na & has_ba & has_nb & ~has_bb)) & crossed
    one_file = (identity.once_source[a] >= 0) & (identity.once_source[a] == identity.once_source[b])
    conflict = uprn | number | flat | building | crossed | one_file
    if household is not None:
        conflict &= household[a] != household[b]
    if explain:  # what tells the two homes apart, in words for clerical review
        kinds = np.full(len(a), "", dtype=object)
        for mask, words in ((one_file, "one file lists both, and it lists each home once"),
                            (crossed, "one named by number, the other by name"), (building, "building names differ"),
                            (flat, "flats differ"), (number, "house numbers differ"), (uprn, "UPRNs differ")):
            kinds[mask] = words
        return conflict, kinds
    return conflict


def _same_premise_pairs(records):
    """Pairs of rows that write the same home in full, whatever their scores: the same house number or building name,
    the same flat (not an unnamed one), and
    - in one postcode district, the same street words (in any order: 'Elizabeth Queen Drive');
    - in one postcode, a street a typo apart from the street most written for that home, or with words left out
      ('Tyssen' for 'Tyssen Place');
    - with no postcode on one side, the same street words where every row that has a postcode is in one district.
    Scored one comparison at a time, a mistyped postcode or a street written short costs such a pair more than
    the rest of the address is worth; a street name is unique within a postcode district. Conflicts and contested
    links are still checked afterwards."""
    import pandas as pd

    frame = pd.DataFrame({
        "id": records["unique_id"].to_numpy(), "postcode": records["postcode"].fillna("").to_numpy(),
        "number": records["number"].fillna("").to_numpy(), "flat": records["flat"].fillna("-").to_numpy(),
        "building": _per_distinct(_building_key, _usual_building_names(records)),
        "street": records["street"].fillna("").to_numpy()})
    frame = frame[((frame["number"] != "") | (frame["building"] != "")) & (frame["flat"] != "?")]
    frame["district"] = _postcode_districts(frame["postcode"])
    frame["words"] = _per_distinct(_street_words, frame["street"])
    premise = ["number", "flat", "building"]
    pairs = []

    pairs += _to_first_of_group(frame[(frame["district"] != "") & (frame["words"] != "")],
                                ["district", "words"] + premise)
    # in one postcode, rows whose street differs from the street most written for that home
    in_postcode = frame[frame["postcode"] != ""]
    keys = ["postcode"] + premise
    mixed = in_postcode[in_postcode.groupby(keys, sort=False)["words"].transform("nunique").to_numpy() > 1]
    if len(mixed):
        counts = mixed.groupby(keys + ["words"], sort=False).agg(
            n=("id", "size"), first=("id", "first"), usual_street=("street", "first")).reset_index()
        reference = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates(keys)
        mixed = mixed.merge(reference[keys + ["words", "first", "usual_street"]].rename(columns={"words": "usual"}),
                            on=keys)
        mixed = mixed[mixed["words"] != mixed["usual"]]
        alike = _same_streets(mixed["words"].to_numpy(), mixed["usual"].to_numpy(), mixed["street"].to_numpy(),
                              mixed["usual_street"].to_numpy())
        pairs += list(zip(mixed["first"].to_numpy()[alike], mixed["id"].to_numpy()[alike]))
    pairs += _streetless_pairs(frame, premise)
    pairs += _block_flat_pairs(frame)
    pairs += _unplaced_pairs(frame[frame["words"] != ""], premise)
    pairs += _partly_written_pairs(frame[(frame["words"] != "") & (frame["district"] != "")], premise)
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.array(pairs, dtype=np.int64)
    return np.unique(np.sort(pairs, axis=1), axis=0)


def _unplaced_pairs(named, premise):
    """Rows with no postcode to the rows writing the same street words and home in the one district that has
    them. A row leaving out the block's name ('Flat 8, 15 Nunhead Parade') or its house number ('Flat 1, Cedar
    Lodge, Neckinger Walk') is that home where the rows with postcodes write one name, or one number, with the rest
    of it."""
    known = named[named["district"] != ""]
    unplaced = named[named["district"] == ""]
    pairs = []
    for left_out, needed in ((None, None), ("building", "number"), ("number", "building")):
        keys = ["words"] + [k for k in premise if k != left_out]
        rows = unplaced if left_out is None else unplaced[(unplaced[left_out] == "") & (unplaced[needed] != "")]
        if not len(rows):
            continue
        candidates = known.merge(rows[keys].drop_duplicates(), on=keys)  # the homes some row may be
        found = candidates.groupby(keys, sort=False).agg(districts=("district", "nunique"), first=("id", "first"))
        if left_out is not None:  # the rows with postcodes write one value of what the row leaves out, or none
            written = candidates[candidates[left_out] != ""].groupby(keys, sort=False)[left_out].nunique()
            found = found[written.reindex(found.index).fillna(0).to_numpy() <= 1]
        rows = rows.join(found, on=keys, how="inner")
        rows = rows[rows["districts"] == 1]
        pairs += list(zip(rows["first"].to_numpy(), rows["id"].to_numpy()))
    return pairs


def _partly_written_pairs(placed, premise):
    """Rows leaving out the block's name or its house number, to the rows of their postcode district writing the
    same street words and the rest of the home with one name, or one number ('Flat 9, 24 Tintagel Road' written
    with a neighbour's postcode, beside 'Flat 9, Jamaica House, 24 Tintagel Road'): where the district's rows write
    two, which the row means it does not say."""
    pairs = []
    for left_out, needed in (("building", "number"), ("number", "building")):
        keys = ["district", "words"] + [k for k in premise if k != left_out]
        rows = placed[(placed[left_out] == "") & (placed[needed] != "")]
        if not len(rows):
            continue
        candidates = placed.merge(rows[keys].drop_duplicates(), on=keys)  # the homes some row may be
        candidates = candidates[candidates[left_out] != ""]
        found = candidates.groupby(keys, sort=False).agg(values=(left_out, "nunique"), first=("id", "first"))
        rows = rows.join(found[found["values"] == 1], on=keys, how="inner")
        pairs += list(zip(rows["first"].to_numpy(), rows["id"].to_numpy()))
    return pairs


def _streetless_pairs(frame, premise):
    """Rows with no street written ('Flat 1, Keats House, London') to the rows of the same number or building name
    and flat in their postcode, where those rows name one street only (or none): within a postcode, a building name
    or a number with one street is one place. A row giving both a building name and a number is placed so in its
    postcode sector too (its postcode slipped as well: 'Flat 2, Hardy Lodge, 66, London', N16 6BZ for N16 6LL)."""
    pairs = _streetless_in(frame[frame["postcode"] != ""].assign(area=lambda f: f["postcode"]), premise)
    both = frame[(frame["postcode"].str.len() > 2) & (frame["number"] != "") & (frame["building"] != "")]
    return pairs + _streetless_in(both.assign(area=[p[:-2] for p in both["postcode"]]), premise)


def _to_first_of_group(rows, keys):
    """Pairs joining every row of a group (rows alike on keys) to the group's first row: enough for connected
    households."""
    first = rows.groupby(keys, sort=False)["id"].transform("first").to_numpy()
    ids = rows["id"].to_numpy()
    return list(zip(first[first != ids], ids[first != ids]))


def _block_flat_pairs(frame):
    """Rows of one named flat of one building name in one postcode, whether or not they write the block's house
    number or street ('Flat 6, Ashford Mansions, London' and 'Flat 6, Ashford Mansions, 3 St Marys Square'), where
    the building's rows there write one house number at most: a postcode is a few doors of a street or two, and
    holds one building of a name. Its streets are not compared: a locality read as a street ('Herne Hill') or a
    mistyped street would part rows that the name, number and postcode join. A row with no postcode ('flat 7,
    bushey tower, london') is that flat of the block when the rows with postcodes know one block of the name, and
    the row writes no street or one sharing a word with the block's."""
    blocks = frame[(frame["building"] != "") & ~frame["flat"].isin(["-", "?"])]
    placed = blocks[blocks["postcode"] != ""]
    if not len(placed):
        return []
    keys = ["postcode", "building"]
    groups = placed.assign(number_or_none=placed["number"].where(placed["number"] != "")).groupby(keys, sort=False)
    rows = placed[(groups["number_or_none"].transform("nunique") <= 1).to_numpy()]
    pairs = _to_first_of_group(rows, keys + ["flat"])
    unplaced = blocks[blocks["postcode"] == ""]
    if not len(unplaced):
        return pairs
    # the block is known by its name alone, where one postcode has it; or by its name and house number together
    # ('Flat 3, Clare Point, 188, London'), where a borough has several Clare Points but one at a 188
    for block in (["building"], ["building", "number"]):
        postcodes = rows.groupby(block)["postcode"].nunique()
        known = rows.join(postcodes.rename("postcodes"), on=block)
        known = known[(known["postcodes"] == 1) & known["building"].isin(unplaced["building"])]
        if block[-1] == "number":
            known = known[known["number"] != ""]
        if not len(known):
            continue
        flats = known.groupby(block + ["flat"], sort=False).agg(
            anchor=("id", "first"), street_words=("words", lambda w: frozenset(" ".join(w).split())))
        found = unplaced.join(flats, on=block + ["flat"], how="inner")
        # the row writes no street, or one sharing a word with the block's (none written: nothing to contradict)
        fits = [not words or not block_words or bool(set(words.split()) & block_words)
                for words, block_words in zip(found["words"], found["street_words"])]
        pairs += list(zip(found["anchor"].to_numpy()[fits], found["id"].to_numpy()[fits]))
    return pairs


def _streetless_in(placed, premise):
    keys = ["area"] + premise
    streetless = placed["words"] == ""
    placed = placed.assign(street_or_none=placed["words"].where(~streetless), streetless=streetless)
    groups = placed.groupby(keys, sort=False)
    placed = placed.assign(streets=groups["street_or_none"].transform("nunique"),
                           has_streetless=groups["streetless"].transform("any"))
    candidates = placed[(placed["streets"] <= 1) & placed["has_streetless"]]
    if not len(candidates):
        return []
    # the first row with a street, or the first row, stands for the place
    anchor = candidates.sort_values("words", ascending=False, kind="stable").groupby(keys, sort=False)["id"].first()
    rows = candidates[streetless.loc[candidates.index]].join(anchor.rename("anchor"), on=keys)
    rows = rows[rows["anchor"] != rows["id"]]
    return list(zip(rows["anchor"].to_numpy(), rows["id"].to_numpy()))


def _usual_building_names(records):
    """Each row's building name as its postcode's rows usually write it: a name with a word added to another name
    of the postcode ('Clare Point Farm' beside 'Clare Point'), or a typo apart from a name written more often
    ('Keats Houcce'), or a name cut short to the words before its building word ('Byron' beside 'Byron Mansions')
    becomes that name, when exactly one name of the postcode is so. Names of one postcode are
    places a few doors apart: two buildings there do not differ by one added word."""
    from difflib import SequenceMatcher

    names = records["building"].where(records["building"].notna() & records["postcode"].notna())
    counts = records.assign(name=names).dropna(subset=["name"]).groupby(["postcode", "name"]).size()
    several = counts.groupby(level=0).transform("size") > 1  # postcodes writing two names or more
    usual = {}
    for postcode, group in counts[several.to_numpy()].groupby(level=0):
        written = {name: n for (_, name), n in group.items()}
        words = {name: set(name.split()) - ARTICLES for name in written}
        for name in written:
            within = [other for other in written if other != name and words[other] and words[other] < words[name]
                      and written[other] >= written[name]]
            # a typo is written by a row or two, never as often as a name of its own ('Warner Heights' ten times
            # beside 'Tanner Heights' twelve times is two blocks)
            alike = [other for other in written if other != name and written[other] >= 2 * written[name]
                     and written[name] <= 2 and len(name) > 5 and SequenceMatcher(None, name, other).ratio() >= 0.85]
            # a name cut short, its building word left out ('Byron' for 'Byron Mansions'): a name with no building
            # word of its own, within a name written more often
            cut = [other for other in written if other != name and words[name] and words[name] < words[other]
                   and written[other] > written[name] and not words[name] & BUILDING_WORDS]
            found = set(within + alike + cut)
            if len(found) == 1:
                usual[postcode, name] = found.pop()
    building = records["building"].fillna("").to_numpy(dtype=object).copy()
    if usual:
        for k in np.flatnonzero(names.notna().to_numpy()):
            building[k] = usual.get((records["postcode"].iat[k], building[k]), building[k])
    return building


def _street_words(street):
    """A street's words, sorted, each once ('QUEEN ELIZABETH DRIVE' -> 'DRIVE ELIZABETH QUEEN')."""
    return " ".join(sorted(set(street.split())))


def _building_key(name):
    """A building name as a key: no article, no spaces ('THE OLD FORGE', 'OLDFORGE' -> 'OLDFORGE')."""
    return "".join(w for w in name.split() if w not in ARTICLES)


def _same_streets(x, y, street_x, street_y):
    """For each pair of streets: one street in one postcode when the words of one (x, y: sorted words) are within
    the other's, or the streets as written are a typo or a space apart (Jaro-Winkler 0.9 or more, as DuckDB computes
    it for Splink; 'IRON GATE GROVE' and 'IRONGATE GROVE')."""
    import duckdb
    import pandas as pd

    if not len(x):
        return np.zeros(0, dtype=bool)
    within = np.array([set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()) for a, b in zip(x, y)],
                      dtype=bool)
    pairs = pd.DataFrame({"k": np.arange(len(x)), "a": street_x, "b": street_y})
    connection = duckdb.connect(":memory:")
    try:
        connection.register("street_pairs", pairs)
        similar = connection.execute("SELECT jaro_winkler_similarity(a, b) >= 0.9 AS alike FROM street_pairs ORDER BY k").fetchnumpy()
    finally:
        connection.close()
    return within | similar["alike"].astype(bool)


def _with_same_premise(predictions, records, threshold):
    """Predictions with a column same_premise; pairs of the same home written in full that Splink did not score
    above review level are added at the threshold's weight (followed after the stronger links)."""
    import pandas as pd

    pairs = _same_premise_pairs(records)
    if not len(pairs):
        return predictions.assign(same_premise=False)
    found = pd.DataFrame({"unique_id_l": pairs[:, 0], "unique_id_r": pairs[:, 1], "same_premise": True})
    keys = ["unique_id_l", "unique_id_r"]
    scored = predictions.astype({k: np.int64 for k in keys})
    # each pair as one integer: membership of millions of pairs without merging on two columns
    l, r = scored["unique_id_l"].to_numpy(), scored["unique_id_r"].to_numpy()
    size = int(max(l.max(initial=0), r.max(initial=0), pairs.max(initial=0))) + 1
    scored_pairs, found_pairs = l * size + r, pairs[:, 0] * size + pairs[:, 1]
    scored = scored.assign(same_premise=np.isin(scored_pairs, found_pairs))
    missing = found[~np.isin(found_pairs, scored_pairs)].copy()
    missing["match_probability"] = float(threshold)
    missing["match_weight"] = math.log2(threshold / (1 - threshold)) if threshold < 1 else 0.0
    return pd.concat([scored, missing], ignore_index=True)


def _agreement(identity, a, b, place=False):
    """Bits of what names the home that two rows both write alike: 1 house number (64 written the same, not only
    overlapping), 2 flat (or both no flat), 4 building name; with place, also 8 street (the same, or a typo or words
    apart), 16 postcode (the same, or one character apart) and 32 the building name written the same ('Rose
    Cottage' twice, not 'The Cottage')."""
    import pandas as pd

    bits = _premise_agreement(identity, a, b)
    if not place or not len(a):
        return bits
    sa, sb = identity.street[a], identity.street[b]
    both = np.flatnonzero(pd.notna(sa) & pd.notna(sb))
    streets = np.zeros(len(a), dtype=bool)
    if len(both):
        x, y = sa[both].astype(str), sb[both].astype(str)
        words_x = np.array([" ".join(sorted(set(v.split()))) for v in x], dtype=object)
        words_y = np.array([" ".join(sorted(set(v.split()))) for v in y], dtype=object)
        streets[both] = (x == y) | _same_streets(words_x, words_y, x, y)
    pa, pb = identity.postcode[a], identity.postcode[b]
    postcodes = np.array([isinstance(p, str) and isinstance(q, str) and _one_apart(p, q) for p, q in zip(pa, pb)],
                         dtype=bool)
    exact = pd.notna(identity.building[a]) & (identity.building[a] == identity.building[b])
    return bits | (streets.astype(int) << 3) | (postcodes.astype(int) << 4) | (exact.astype(int) << 5)


def _one_apart(a, b):
    """Postcodes the same or one character apart (a typo of one)."""
    if a == b:
        return True
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b)) <= 1


def _premise_agreement(identity, a, b):
    import pandas as pd

    numbers = pd.notna(identity.number[a]) & pd.notna(identity.number[b]) & _numbers_agree(identity, a, b)
    flats = (identity.flat[a] == identity.flat[b]) & (identity.flat[a] != "?")
    ba, bb = identity.building[a], identity.building[b]
    buildings = pd.notna(ba) & pd.notna(bb) & (ba == bb)
    near = np.flatnonzero(pd.notna(ba) & pd.notna(bb) & (ba != bb))
    buildings[near] = [_same_building(x, y) for x, y in zip(ba[near], bb[near])]
    # 64: the same house number written, not only numbers that overlap ('124' and '124', beside '123-125')
    exact = pd.notna(identity.number[a]) & (identity.number[a] == identity.number[b])
    return numbers.astype(int) | (flats.astype(int) << 1) | (buildings.astype(int) << 2) | (exact.astype(int) << 6)


def _contested_links(identity, left, right, household, weak_left=(), weak_right=()):
    """Links from a row to a home when the row matches another, different home at least as well: it writes nothing
    that the first home has and the other lacks ('Hindle Hill' with no number beside 146 and 148 Hindle Hill;
    'Flat, 41 Hindle Hill' beside Flats A and B). Such a link is not followed: which home the row is can only be
    decided by an officer (clerical review). A row that agrees with one home on more (its number, where the other
    home's row has none) keeps that link. Two rows that both say 'a flat' without saying which are not taken for
    one flat. A pair scored below the threshold (weak_left, weak_right) can contest a link too, where it names the
    row's home as fully as the link does and the link's home does not agree with the row on street or postcode where
    the other does ('The Lodge, Albert Court' in the postcode of The Lodge, Manor Mews: a street or a postcode was
    replaced). Returns (contested links, rows with a contested link)."""
    import pandas as pd

    contested, rows = np.zeros(len(left), dtype=bool), np.zeros(len(identity.flat), dtype=bool)
    if not len(left):
        return contested, rows
    contested |= (identity.flat[left] == "?") & (identity.flat[right] == "?") & (household[left] != household[right])
    # nor two rows that leave the flat out at a house of flats ('116 Evering Lane' twice, for Flats A and B)
    contested |= identity.unplaced[left] & identity.unplaced[right] & (household[left] != household[right])
    link = np.arange(len(left))
    ends = pd.DataFrame({"row": np.concatenate([left, right]), "other": np.concatenate([right, left]),
                         "link": np.concatenate([link, link])})
    # only a row whose partners write different homes can be in doubt: partners that all write the same number,
    # flat and building, with at most one UPRN among them, never conflict
    other = ends["other"].to_numpy()
    home = _group_ids(pd.Series(identity.number).fillna("").astype(str), identity.flat.astype(str),
                      pd.Series(identity.building).fillna("").astype(str))
    ends = ends.assign(home=home[other], uprn=_codes(identity.uprn)[other])
    spread = ends.groupby("row").agg(homes=("home", "nunique"), uprns=("uprn", "nunique"))
    doubtful = spread.index[(spread["homes"] > 1) | (spread["uprns"] > 1)]
    ends = ends[ends["row"].isin(doubtful)][["row", "other", "link"]]
    pairs = ends.merge(ends, on="row")
    pairs = pairs[pairs["other_x"] != pairs["other_y"]]
    if len(pairs):
        row, x, y = (pairs[c].to_numpy() for c in ("row", "other_x", "other_y"))
        agree_x, agree_y = _agreement(identity, row, x), _agreement(identity, row, y)
        # x's link is contested when y is another home and the row agrees with y on all it agrees with x
        # (or on other things: 'Willow Bank, 83' beside Willow Bank and beside 83); only a row that agrees with x on
        # more than with y keeps its link to x
        better = ((agree_x & agree_y) == agree_y) & (agree_x != agree_y)
        # y in the row's own household (a UPRN they share) is the row's home, not another: whether x is that home
        # too is for the household's profile to decide (_cluster), not a doubt about the row
        doubt = ~better & _conflicts(identity, x, y, household) & (household[y] != household[row])
        doubt &= ~_bridged(identity, row, x, y)
        contested[pairs["link_x"].to_numpy()[doubt]] = True
        rows[row[doubt]] = True
    placed_doubt = _contested_by_place(identity, left, right, household, np.asarray(weak_left, dtype=np.int64),
                                       np.asarray(weak_right, dtype=np.int64))
    contested |= placed_doubt
    rows[np.concatenate([left[placed_doubt], right[placed_doubt]])] = True
    return contested, rows


def _bridged(identity, row, x, y):
    """For each (row, x, y): x and y differ only as a home named by its number and one named by its name, and the row
    writes both, the number as one does and the name as the other ('Mill House, 8 Chisenhale Street' beside '8
    Chisenhale Street' and 'Mill House, Chisenhale Street'): x and y are the row's home written two ways, no doubt
    about the row."""
    import pandas as pd

    building = identity.building
    has_number, has_building = pd.notna(identity.number), pd.notna(building)
    full = has_number[row] & has_building[row]
    bridged = np.zeros(len(row), dtype=bool)
    for a, b in ((x, y), (y, x)):
        candidate = np.flatnonzero(full & ~has_number[a] & has_building[a] & has_number[b] & ~has_building[b]
                                   & _numbers_agree(identity, row, b))
        bridged[candidate] = [_same_building(building[r], building[k]) for r, k in zip(row[candidate], a[candidate])]
    # nothing else tells x and y apart (two UPRNs, flats, one file listing each home once)
    return bridged & ~_conflicts(identity, x, y, crossed=False)


def _contested_by_place(identity, left, right, household, weak_left, weak_right):
    """Links contested by a weaker pair that names the row's home as fully (number, flat, building) and agrees with
    it on street or postcode where the link does not."""
    import pandas as pd

    contested = np.zeros(len(left), dtype=bool)
    if not len(left) or not len(weak_left):
        return contested
    # the weak pairs, each way round, whose other row names all of the row's number, flat and building
    row = np.concatenate([weak_left, weak_right])
    other = np.concatenate([weak_right, weak_left])
    keep = household[row] != household[other]
    row, other = row[keep], other[keep]
    full = _writes_home_of(identity, row, other)
    weak = pd.DataFrame({"row": row[full], "y": other[full]})
    if not len(weak):
        return contested
    link = np.arange(len(left))
    strong = pd.DataFrame({"row": np.concatenate([left, right]), "x": np.concatenate([right, left]),
                           "link": np.concatenate([link, link])})
    strong = strong[strong["row"].isin(weak["row"])]
    pairs = strong.merge(weak, on="row")
    if not len(pairs):
        return contested
    row, x, y = (pairs[c].to_numpy() for c in ("row", "x", "y"))
    premise_x, premise_y = _premise_agreement(identity, row, x), _premise_agreement(identity, row, y)
    # a building name written the same names the home more fully than one a word apart ('The Lodge', 'Hardy Lodge')
    premise_x |= (pd.notna(identity.building[row]) & (identity.building[row] == identity.building[x])).astype(int) << 5
    premise_y |= (pd.notna(identity.building[row]) & (identity.building[row] == identity.building[y])).astype(int) << 5
    as_fully = (premise_x & premise_y) == premise_x
    pairs, row, x, y = pairs[as_fully], row[as_fully], x[as_fully], y[as_fully]
    if not len(pairs):
        return contested
    agree_x, agree_y = _agreement(identity, row, x, place=True), _agreement(identity, row, y, place=True)
    differ_x, differ_y = _place_differs(identity, row, x, agree_x), _place_differs(identity, row, y, agree_y)
    # the link stands where it agrees on all the other pair agrees on and more, or where it differs from the row
    # (street, postcode) only where the other pair differs too, and less ('The Lodge, Manor Road' with no postcode
    # against 'The Lodge, Manor Mews' of the row's postcode)
    better = (((agree_x & agree_y) == agree_y) & (agree_x != agree_y)) | \
        (((differ_x & differ_y) == differ_x) & (differ_x != differ_y))
    doubt = ~better & _conflicts(identity, x, y, household)
    contested[pairs["link"].to_numpy()[doubt]] = True
    return contested


def _place_differs(identity, a, b, agree):
    """Bits 8 (street) and 16 (postcode) where both rows write one and they do not agree."""
    import pandas as pd

    streets = pd.notna(identity.street[a]) & pd.notna(identity.street[b]) & ((agree & 8) == 0)
    postcodes = pd.notna(identity.postcode[a]) & pd.notna(identity.postcode[b]) & ((agree & 16) == 0)
    return (streets.astype(int) << 3) | (postcodes.astype(int) << 4)


def _writes_home_of(identity, row, other):
    """For each pair: the other row writes the row's house number (where it has one), flat and building name."""
    import pandas as pd

    bits = _premise_agreement(identity, row, other)
    has_number, has_building = pd.notna(identity.number[row]), pd.notna(identity.building[row])
    return (((bits & 1) > 0) | ~has_number) & ((bits & 2) > 0) & (((bits & 4) > 0) | ~has_building) \
        & (has_number | has_building)


def _cluster(identity, household, left, right, weight):
    """Households from the UPRN households and the accepted links, strongest link first. A link that would put two
    homes into one household (two UPRNs, house numbers or flats of which no pair agrees) is not followed, so no
    chain of links joins two homes. Values are compared as sets, so a UPRN household whose own rows disagree (a
    typo in one of them) still takes rows that agree with any of them."""
    by_group = np.argsort(household, kind="stable")
    starts = np.searchsorted(household[by_group], np.arange(household.max() + 2))
    parent, profiles = {}, {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def profile(group):
        if group not in profiles:
            rows = by_group[starts[group]:starts[group + 1]]
            profiles[group] = (
                {u for u in identity.uprn[rows] if u is not None},
                {(t, lo, hi) for t, lo, hi in zip(identity.number[rows], identity.low[rows], identity.high[rows])
                 if t is not None},
                _named_flats(identity.flat[rows]), {b for b in identity.building[rows] if b is not None},
                {s for s in identity.once_source[rows] if s >= 0})
        return profiles[group]

    # households whose rows all write one home need no checks: only links within the others are followed one by one
    component, clean = _clean_components(identity, household, left, right)
    order = np.argsort(-np.asarray(weight, dtype=float), kind="stable")
    order = order[~clean[component[household[left[order]]]]]
    for k in order:
        a, b = find(int(household[left[k]])), find(int(household[right[k]]))
        if a == b:
            continue
        pa, pb = profile(a), profile(b)
        if _profiles_conflict(pa, pb):
            continue
        parent[b] = a
        profiles[a] = (pa[0] | pb[0], _narrowed_numbers(pa[1], pb[1]), _narrowed_flats(pa[2], pb[2]), pa[3] | pb[3],
                       pa[4] | pb[4])
        del profiles[b]
    groups = np.arange(household.max() + 1)
    roots = np.array([find(int(g)) for g in groups])
    # a clean component is one household, labelled after the groups' own numbers
    labels = np.where(clean[component], -1 - component, roots)
    return np.unique(labels, return_inverse=True)[1][household]


def _place_by_elimination(identity, records, household):
    """Households whose rows all leave the flat out at a house of flats, or say 'a flat' without naming it, from files
    that list each home once, joined
    to the one flat of that house their files do not already list: '116 Evering Lane' in a register whose other row
    there is 'Flat B, 116 Evering Lane', where the files name Flats A and B at 116, is Flat A. Where two flats or
    none are left, or two such rows of one file would go to one flat, the rows stay apart. Returns (households,
    rows placed)."""
    import pandas as pd

    frame = pd.DataFrame({"household": household, "once": identity.once_source, "unplaced": identity.unplaced,
                          "uprn": pd.notna(identity.uprn), "flat": identity.flat,
                          "house": identity.district + "|"
                          + records["street"].fillna("").astype(str).to_numpy() + "|"
                          + records["number"].fillna("").astype(str).to_numpy()})
    # a row leaving its flat out, or saying 'a flat' without naming it ('Flat, 58 Prince George Park'); a UPRN given
    # with it names no flat either, so its household may be placed too, but never into another UPRN's
    # (at a house by its number: a block written by its name alone has too many flats, some in no file, to eliminate)
    numbered = records["number"].notna().to_numpy()
    frame["vague"] = ((frame["unplaced"] & numbered) | (frame["flat"] == "?")) & (frame["once"] >= 0)
    frame["uprn_value"] = identity.uprn
    by_household = frame.groupby("household")
    vague = by_household["vague"].all()
    vague = vague.index[vague.to_numpy()]
    if not len(vague):
        return household, 0
    houses_of = frame[frame["household"].isin(vague).to_numpy()].groupby("household")["house"].unique()
    # only the households at those houses are looked at (all their rows), not every household of the county
    at_houses = frame["house"].isin({houses[0] for houses in houses_of if len(houses) == 1}).to_numpy()
    near = frame[frame["household"].isin(np.union1d(vague, frame.loc[at_houses, "household"])).to_numpy()]
    uprns_of = near.dropna(subset=["uprn_value"]).groupby("household")["uprn_value"].agg(frozenset)
    files = near.groupby("household")["once"].agg(lambda s: frozenset(s[s >= 0]))
    named = near[~near["flat"].isin(["-", "?"]).to_numpy()]
    flats_of = named.groupby("household")["flat"].agg(frozenset)
    # the households at a house that name a flat in any of their rows (that row may lack its postcode)
    at_house = frame[frame["household"].isin(flats_of.index).to_numpy() & at_houses]
    homes_at = at_house.groupby("house")["household"].agg(lambda s: sorted(set(s)))
    moves = {}
    for home in vague:
        houses = houses_of[home]
        if len(houses) != 1 or houses[0] not in homes_at.index:
            continue
        candidates = homes_at[houses[0]]
        if len(candidates) < 2 or any(len(flats_of[c]) != 1 for c in candidates) or \
                len({flats_of[c] for c in candidates}) != len(candidates):
            continue  # the flats of the house are not one home each
        if not _without_a_gap([next(iter(flats_of[c])) for c in candidates]):
            continue  # a flat no file names may be the one left out ('Flat, Shelley Court' beside Flats 2, 3, 4)
        left = [c for c in candidates if files[c].isdisjoint(files[home])]
        if len(left) == 1 and _uprns_agree(uprns_of.get(home, frozenset()), uprns_of.get(left[0], frozenset())):
            moves[home] = left[0]
    # two rows of one file cannot both be the flat left
    taken = pd.DataFrame([(home, target, f) for home, target in moves.items() for f in files[home]],
                         columns=["home", "target", "file"])
    clash = set(taken.loc[taken.duplicated(["target", "file"], keep=False), "home"])
    moves = {home: target for home, target in moves.items() if home not in clash}
    if not moves:
        return household, 0
    mapped = household.copy()
    moving = np.isin(household, list(moves))
    mapped[moving] = [moves[h] for h in household[moving]]
    return np.unique(mapped, return_inverse=True)[1], int(moving.sum())


FLOOR_ORDER = ("BASEMENT", "GROUND FLOOR", "FIRST FLOOR", "SECOND FLOOR", "THIRD FLOOR", "FOURTH FLOOR")


def _without_a_gap(flats):
    """The flats named at a house run from the first without a gap (A, B, C; 1, 2, 3; ground and first floor), so
    that no flat between them went unnamed; flats of mixed kinds do not."""
    if all(len(f) == 1 and f.isalpha() for f in flats):
        ranks = sorted(ord(f) - ord("A") for f in flats)
    elif all(f.isdigit() for f in flats):
        ranks = sorted(int(f) - 1 for f in flats)
    elif all(f in FLOOR_ORDER for f in flats):
        ranks = sorted(FLOOR_ORDER.index(f) for f in flats)
        ranks = [r - 1 for r in ranks] if "BASEMENT" not in flats else ranks  # a house may have no basement
    else:
        return False
    return ranks == list(range(len(ranks)))


def _uprns_agree(a, b):
    """Two households' UPRNs leave them one home: one has none, or they share one."""
    return not a or not b or not a.isdisjoint(b)


def _clean_components(identity, household, left, right):
    """Connected components of the UPRN households joined by the links (component of each household), and whether
    each component's rows all write one home (one UPRN at most, one number, one flat, one building name, and not
    some named only by number and others only by name)."""
    import pandas as pd
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    groups = int(household.max()) + 1
    graph = coo_matrix((np.ones(len(left)), (household[left], household[right])), shape=(groups, groups))
    component = connected_components(graph, directed=False)[1]
    has_number, has_building = pd.notna(identity.number), pd.notna(identity.building)
    rows = pd.DataFrame({"c": component[household], "uprn": identity.uprn, "number": identity.number,
                         "flat": identity.flat, "building": identity.building,
                         "number_only": has_number & ~has_building, "name_only": ~has_number & has_building,
                         "once_source": identity.once_source})
    spread = rows.groupby("c").agg(uprn=("uprn", "nunique"), number=("number", "nunique"), flat=("flat", "nunique"),
                                   building=("building", "nunique"), number_only=("number_only", "any"),
                                   name_only=("name_only", "any"))
    once = rows[rows["once_source"] >= 0]
    repeated = spread.index.isin(once.loc[once.duplicated(["c", "once_source"]), "c"])
    clean = ((spread["uprn"] <= 1) & (spread["number"] <= 1) & (spread["flat"] <= 1) & (spread["building"] <= 1)
             & ~(spread["number_only"] & spread["name_only"]) & ~repeated)
    return component, clean.reindex(np.arange(component.max() + 1), fill_value=False).to_numpy()


def _named_flats(flats):
    """The flats a household names: a flat written in any of its rows says the home is that flat, and its rows
    with no flat left it out ('62 St Marys Terrace' for Flat B, 62). A household that names none keeps what its rows
    say: no flat, a flat not named, or both ('112 Evering Walk' and 'The Flat, 112 Evering Walk' with one UPRN)."""
    flats = set(flats)
    named = flats - {"-", "?"}
    return named or flats


def _narrowed_flats(a, b):
    """The flats of two households joined: where both name flats, only those both name. A household whose own rows
    name two flats (one UPRN written 'First Floor Flat' once and 'Flat 1' once) is one of them; the link that joins
    it to rows naming one says which, so rows naming the other are not taken in as well."""
    named_a, named_b = a - {"-", "?"}, b - {"-", "?"}
    if named_a and named_b:
        return named_a & named_b
    return _named_flats(a | b)


def _narrowed_numbers(a, b):
    """The house numbers of two households joined: where both have numbers, those that agree with the other's (the
    same or overlapping): a UPRN whose rows write 128 and 130 joined to rows of 130 is number 130."""
    if not a or not b:
        return a | b

    def agree(x, others):
        return any(x[0] == y[0] or (x[1] <= y[2] and y[1] <= x[2]) for y in others)

    return {x for x in a if agree(x, b)} | {y for y in b if agree(y, a)}


def _two_letters(flats):
    """Two flats of one kind (two letters, or two numbers) named by one household's rows evenly: its UPRN's rows
    disagree on which flat it is (a floor and a letter may be one flat written two ways; two letters are not)."""
    named = flats - {"-", "?"}
    return len(named) > 1 and (all(len(f) == 1 and f.isalpha() for f in named) or all(f.isdigit() for f in named))


def _profiles_conflict(a, b):
    uprns_a, numbers_a, flats_a, buildings_a, files_a = a
    uprns_b, numbers_b, flats_b, buildings_b, files_b = b
    if uprns_a and uprns_b and uprns_a.isdisjoint(uprns_b):
        return True
    if not files_a.isdisjoint(files_b):
        return True  # both hold a row of a file that lists each home once
    numbers_agree = any(x == y or (lx <= hy and ly <= hx) for x, lx, hx in numbers_a for y, ly, hy in numbers_b)
    if numbers_a and numbers_b and not numbers_agree:
        return True
    if not any(x == y for x in flats_a for y in flats_b):
        return True
    if _two_letters(flats_a) and flats_b - {"-", "?"} or _two_letters(flats_b) and flats_a - {"-", "?"}:
        return True  # one UPRN written '7B' once and 'A, 7' once: which flat it is, no row says
    if (numbers_a and not buildings_a and buildings_b and not numbers_b) or \
            (buildings_a and not numbers_a and numbers_b and not buildings_b):
        return True  # one named only by number, the other only by name
    return bool(buildings_a and buildings_b and not numbers_agree
                and not any(_same_building(x, y) for x in buildings_a for y in buildings_b))


REVIEW_COMPARISONS = ("postcode", "premise", "flat", "street")


def clerical_review(review, records, written=False):
    """The borderline pairs as an officer reads them: dataset and row of each record, both addresses as they were
    written and as standardised (only when `written`: addresses need referral mode's lawful basis), why the pair was
    not joined (reason), the level of each comparison with its weight, and which comparison held the pair back. Pairs that agree and disagree in the same
    way sit together (most likely first), so a page of alike pairs can be cleared at once."""
    import pandas as pd

    columns = ["dataset_l", "row_l", "dataset_r", "row_r"] \
        + (["written_l", "written_r", "standard_l", "standard_r", "uprn_l", "uprn_r"] if written else []) + ["reason"] \
        + [c for name in REVIEW_COMPARISONS for c in (name, name + "_weight")] \
        + ["held_back_by", "pattern_pairs", "match_weight", "match_probability"]
    if not len(review):
        return pd.DataFrame(columns=columns)
    indexed = records.set_index("unique_id")
    left = indexed.loc[review["unique_id_l"].to_numpy()]
    right = indexed.loc[review["unique_id_r"].to_numpy()]
    table = pd.DataFrame({"dataset_l": left["source"].to_numpy(), "row_l": left["row"].to_numpy() + 1,
                          "dataset_r": right["source"].to_numpy(), "row_r": right["row"].to_numpy() + 1})
    if written:
        table["written_l"] = left["written"].to_numpy()
        table["written_r"] = right["written"].to_numpy()
        table["standard_l"] = _standard_text(left)
        table["standard_r"] = _standard_text(right)
        table["uprn_l"] = left["uprn"].to_numpy()
        table["uprn_r"] = right["uprn"].to_numpy()
    table["reason"] = review["reason"].to_numpy() if "reason" in review else "scored below the link threshold"
    for name in REVIEW_COMPARISONS:
        table[name] = review[name].to_numpy() if name in review else None
        table[name + "_weight"] = review[name + "_weight"].to_numpy() if name + "_weight" in review else np.nan
    weights = table[[name + "_weight" for name in REVIEW_COMPARISONS]].astype(float)
    table["held_back_by"] = [REVIEW_COMPARISONS[i] for i in np.argmin(weights.fillna(0).to_numpy(), axis=1)]
    table["match_weight"] = review["match_weight"].to_numpy()
    table["match_probability"] = review["match_probability"].to_numpy()
    pattern = table[["reason"] + list(REVIEW_COMPARISONS)].astype(str).agg(" | ".join, axis=1)
    table["pattern_pairs"] = pattern.map(pattern.value_counts()).to_numpy()
    # the pairs in doubt first; pairs whose rows name two homes (cleared a page at a time) after them
    settled = table["reason"].str.startswith("the rows name two homes").to_numpy()
    order = pd.DataFrame({"settled": settled, "best": pattern.map(table.groupby(pattern)["match_probability"].max()),
                          "pattern": pattern, "p": table["match_probability"]})
    order = order.sort_values(["settled", "best", "pattern", "p"], ascending=[True, False, True, False],
                              kind="stable").index
    return table.loc[order, columns].reset_index(drop=True)


def _standard_text(side):
    parts = side[["flat", "building", "number", "street", "postcode"]].fillna("")
    flat = np.where(parts["flat"] != "", "Flat " + parts["flat"].astype(str) + ", ", "")
    building = np.where(parts["building"] != "", parts["building"].astype(str) + ", ", "")
    return (flat + building + (parts["number"].astype(str) + " " + parts["street"].astype(str)).str.strip()
            + ", " + parts["postcode"].astype(str)).str.strip(", ").to_numpy()


def _far_apart(postcodes):
    """True when postcodes are in different districts and differ by more than one character (a typo, or another
    postcode of the same district, is a slip of the postcode, not of the UPRN)."""
    from itertools import combinations

    def distance(a, b):
        if len(a) != len(b):
            return 2
        return sum(x != y for x, y in zip(a, b))

    return any(distance(a, b) > 1 and a.partition(" ")[0] != b.partition(" ")[0]
               for a, b in combinations(postcodes, 2))


def _house_keys(rows):
    """'district|street|number' of each row."""
    if not len(rows):
        return np.zeros(0, dtype=object)
    return (_postcode_districts(rows["postcode"]) + "|" + rows["street"].fillna("").astype(str).to_numpy(dtype=object)
            + "|" + rows["number"].fillna("").astype(str).to_numpy(dtype=object))


def _houses_of_flats(records):
    """The houses (_house_keys) where rows name two flats or more."""
    import pandas as pd

    named = records["flat"].notna() & ~records["flat"].isin(["-", "?"])
    flats = pd.Series(records["flat"][named].to_numpy(), index=_house_keys(records[named]))
    distinct = flats.groupby(level=0).nunique()
    return distinct.index[distinct >= 2].to_numpy()


def _uprn_keyed_wrong(rows):
    """Index of the rows whose UPRN's other rows (two or more, all writing one home) name another home on two
    counts: another named flat and another house number or building name (one written only by them counts too:
    'Flat 2, Oxonian Court' beside '14B Oakhurst Road'), or a flat where they write none and another house number
    ('Flat 7, Bath Point, 11 Alscot Road' among rows of '9 Alscot Road'). Two slips in one row's text are far rarer
    than one slip in its UPRN."""
    import pandas as pd

    uprn = _codes(rows["uprn"])  # grouped by integer codes, not by hashing the texts in every groupby
    repeated = pd.Series(uprn).groupby(uprn).transform("size").to_numpy() >= 3
    rows, uprn = rows[repeated], uprn[repeated]
    if not len(rows):
        return []

    def alone_against_one_other(values):
        """The row's value is written, by it alone in its UPRN, and the other rows write one other value."""
        frame = pd.DataFrame({"uprn": uprn, "value": _codes(values)})
        distinct = frame.groupby("uprn")["value"].transform("nunique").to_numpy()
        same = frame.groupby(["uprn", "value"])["value"].transform("size").to_numpy()
        return values.notna().to_numpy() & (distinct == 2) & (same == 1)

    unnamed = rows["flat"] == "?"
    named_flat = alone_against_one_other(rows["flat"].where(~unnamed))
    flat_or_none = alone_against_one_other(rows["flat"].fillna("-").where(~unnamed))
    # a range holds the numbers in it ('6/8' is read as flat 6 at 8, beside '6-8'): ranges are not compared
    number = alone_against_one_other(rows["number"].where(~rows["number"].fillna("").str.contains("-")))
    building = alone_against_one_other(rows["building"]) | alone_against_one_other(rows["building"].fillna(""))
    wrong = (named_flat & (number | building)) | (flat_or_none & number)
    return list(rows.index[wrong])


def _a_keystroke_apart(a, b):
    """Two UPRNs (digits, no leading zeros) one keystroke apart: one digit replaced, or two neighbours swapped."""
    if len(a) != len(b) or a == b:
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])


def _more_likely_than(other, uprn, support):
    """The home's UPRN is `other` rather than `uprn`: more files or rows give it; or as many, where the two differ
    before the last digit (councils number a block's flats in a run, so two UPRNs differing in the last digit alone,
    given alike, are as likely two neighbours as one slip) and `other` sorts first (one of the two is chosen)."""
    if support[other] != support[uprn]:
        return support[other] > support[uprn]
    return other < uprn and other[:-1] != uprn[:-1]


def _uprns_keyed_a_keystroke_off(records, rows):
    """{index of row: UPRN}: rows whose UPRN only their own file gives, all its rows writing one home in full (its
    flat named where one of its house is), where that home, written alike (flat, number, building, street,
    postcode), is written by rows of one other UPRN a keystroke from it (a digit replaced, or two swapped) that more
    files or rows give, naming one flat and number only, and not given by the row's own file (which would list two
    homes). The row's UPRN was keyed wrong ('000804352800' for 804352870, Flat 9 Lansbury Point, which three other
    files give): it takes the UPRN the other files give its home."""
    import pandas as pd

    if not len(rows):
        return {}
    # integer codes throughout: at 100,000 households grouping the texts cost seconds
    uprn_code, uprns = _codes(rows["uprn"].astype(str), distinct=True)
    frame = pd.DataFrame({"uprn": uprn_code.astype(np.int64), "source": _codes(rows["source"]),
                          "home": _group_ids(rows["flat"], rows["number"], rows["building"], rows["street"],
                                             rows["postcode"]),
                          "flat": _codes(rows["flat"].fillna("-")), "number": _codes(rows["number"].fillna("-"))},
                         index=rows.index)
    frame["written"] = (rows["flat"].notna() | rows["number"].notna() | rows["building"].notna()).to_numpy() \
        & rows["postcode"].notna().to_numpy() & (rows["flat"] != "?").to_numpy()
    by_uprn = frame.groupby("uprn").agg(files=("source", "nunique"), n=("home", "size"), homes=("home", "nunique"),
                                        flats=("flat", "nunique"), numbers=("number", "nunique"))
    lone = by_uprn.index[((by_uprn["files"] == 1) & (by_uprn["homes"] == 1)).to_numpy()]
    written = frame[frame["written"].to_numpy()]
    # the rows writing a home that two UPRNs or more write, one of them lone (no other home can be retyped)
    shared = written.groupby("home")["uprn"].transform("nunique").to_numpy() >= 2
    involved = written[shared]
    involved = involved[involved["home"].isin(involved.loc[involved["uprn"].isin(lone).to_numpy(), "home"]).to_numpy()]
    if not len(involved):
        return {}
    # a row leaving its flat out where a flat of its house is named, or saying 'a flat' without naming it, names no
    # one home
    named = records["flat"].notna() & ~records["flat"].isin(["-", "?"])

    def houses(frame):
        return _house_keys(frame) + "|" + frame["building"].fillna("").astype(str).to_numpy(dtype=object)

    chosen_rows = rows.loc[involved.index]
    silent = chosen_rows["flat"].isna().to_numpy() \
        & pd.Series(houses(chosen_rows)).isin(houses(records[named])).to_numpy()
    involved = involved[~silent]
    suspects = involved[involved["uprn"].isin(lone).to_numpy()].drop_duplicates("uprn")
    if not len(suspects):
        return {}
    owners = involved.drop_duplicates(["home", "uprn"]).groupby("home")["uprn"].agg(list)
    # what is known of the UPRNs looked at: their text, support (files, rows) and whether they name one home
    seen = by_uprn.loc[sorted(set(involved["uprn"]))]
    text = {k: str(uprns[k]) for k in seen.index}
    supported = {text[k]: (files, n) for k, files, n in zip(seen.index, seen["files"], seen["n"])}
    steady = set(seen.index[((seen["flats"] == 1) & (seen["numbers"] == 1)).to_numpy()])
    # a UPRN the suspect's own file gives on another row is another home than the suspect's: that file lists both
    files_of = frame[frame["uprn"].isin(seen.index).to_numpy()].groupby("uprn")["source"].agg(set)
    replaced = {}
    for uprn, home in zip(suspects["uprn"], suspects["home"]):
        near = [o for o in owners.get(home, []) if o in steady and _more_likely_than(text[o], text[uprn], supported)
                and not files_of[o] & files_of[uprn] and _a_keystroke_apart(text[uprn], text[o])]
        if len(near) == 1:
            replaced[uprn] = text[near[0]]
    chosen = frame[frame["uprn"].isin(list(replaced)).to_numpy()]
    return dict(zip(chosen.index, chosen["uprn"].map(replaced)))


def _building_uprns(rows, share=0.02, at_least=5):
    """(index of rows, files): the files where at least `share` of the rows giving a UPRN, and `at_least` rows, give
    a named flat a UPRN no other file gives, while rows of other files write that flat alike (flat, number or
    building, street, postcode) with another UPRN; and in those files, the rows naming a flat with a UPRN no other
    file gives. A file that does this so often gives the UPRN of each flat's building, as a licence may, shared by
    the flats it lists there; a file that does it now and then (a flat's letter written for its neighbour's, with the
    flat's own UPRN) is left as it is."""
    import pandas as pd

    if not len(rows):
        return [], []
    key = _group_ids(rows["flat"], rows["number"], rows["building"], rows["street"], rows["postcode"])
    written = rows["flat"].notna().to_numpy() & (rows["flat"] != "?").to_numpy() & rows["postcode"].notna().to_numpy()
    written &= (rows["number"].notna() | rows["building"].notna()).to_numpy()
    uprn = _codes(rows["uprn"])
    frame = pd.DataFrame({"key": key, "uprn": uprn, "source": rows["source"].to_numpy()})
    # another file gives the flat, written alike, a UPRN, and the row's own UPRN is given by no other file
    sources_of_key = frame.groupby("key")["source"].transform("nunique").to_numpy()
    elsewhere = frame.groupby("uprn")["source"].transform("nunique").to_numpy() > 1
    candidate = written & ~elsewhere & (sources_of_key > 1)
    counts = pd.Series(candidate).groupby(frame["source"]).sum()
    totals = frame.groupby("source").size()
    files = sorted(s for s in counts.index if counts[s] >= at_least and counts[s] >= share * totals[s])
    # in such a file, every flat whose UPRN no other file gives has its building's UPRN, shared by its flats ('Flat 2'
    # and 'Studio 3' of 30 Lichfield Street): not only those another file gives a UPRN of their own
    chosen = written & ~elsewhere & frame["source"].isin(files).to_numpy()
    return list(rows.index[chosen]), files


def _codes(values, distinct=False):
    """Each value's integer code as a float, NaN where the value is missing (as pandas groups the values); with
    distinct, also the values the codes stand for."""
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    codes = np.where(codes >= 0, codes, np.nan)
    return (codes, np.asarray(uniques, dtype=object)) if distinct else codes


def _as_their_uprn_says(records, rows, claimed):
    """(records, how many rows changed): a row's house number or flat replaced by what the other rows of its UPRN
    mostly write, where it differs ('Flat A, 15 Jenner Lane' among three rows of the house '15 Jenner Lane' with its
    UPRN; '91 Lordship Hill' among two of 'Flat A, 91'). Where the rows of a UPRN are evenly split, the home that
    another UPRN's rows write as theirs is not this UPRN's ('Unit 27, Byron House' with the UPRN of Flat 1, Byron
    House, while two rows of Flat 27 give it another UPRN: the row is Flat 1's); otherwise they are left as written.
    A row that leaves the house number out is left so."""
    import pandas as pd

    # the flat as each row writes it: a named flat or floor, or '-' for none ('?', a flat not named, casts no vote)
    flats = rows["flat"].fillna("-").where(rows["flat"].fillna("-") != "?", None)
    # at a house where rows name two flats or more, a row leaving the flat out casts no vote either: there a flat is
    # far more often left out than one written that is not there ('185 Stamford Terrace' twice and 'Flat A, 185'
    # once, with one UPRN, while Flat B is named too, is Flat A)
    # (a hashed isin: numpy's isin compares object arrays element by element against each house, quadratic in rows)
    silent = (flats == "-").to_numpy() & pd.Series(_house_keys(rows)).isin(_houses_of_flats(records)).to_numpy()
    records = records.copy()
    changed = set()
    uprn = _codes(rows["uprn"])  # grouped by integer codes, not by hashing the texts in every groupby
    source = _codes(rows["source"])
    claimed, written = claimed
    for column, values in (("number", rows["number"]), ("flat", flats)):
        value, distinct = _codes(values, distinct=True)
        frame = pd.DataFrame({"uprn": uprn, "value": value, "id": rows["unique_id"].to_numpy(), "source": source,
                              "votes": ~silent if column == "flat" else True, "claimed": claimed,
                              "written": written}).dropna()
        frame = frame[(frame.groupby("uprn")["value"].transform("nunique") > 1).to_numpy()]
        if not len(frame):
            continue
        # a vote per file: a register lists a home once per elector, and its two rows of one home are one slip
        counts = frame[frame["votes"]].groupby(["uprn", "value"]).agg(
            files=("source", "nunique"), n=("id", "size"), claimed=("claimed", "all"),
            written=("written", "all")).reset_index()
        leaders = counts[counts["files"] == counts.groupby("uprn")["files"].transform("max")]
        # an even split: the values another UPRN's rows write as their home are out of the running, where one home
        # written in full (its flat or number: 'Downs Avenue' names none) is left; else the value more rows write
        tied = leaders.groupby("uprn")["value"].transform("size").to_numpy() > 1
        free = leaders[tied & ~leaders["claimed"].to_numpy() & leaders["written"].to_numpy()]
        free = free[free.groupby("uprn")["value"].transform("size").to_numpy() == 1]
        leaders = leaders[~leaders["uprn"].isin(free["uprn"]).to_numpy()]
        leaders = pd.concat([leaders[leaders["n"] == leaders.groupby("uprn")["n"].transform("max")], free])
        single = leaders.groupby("uprn")["value"].transform("size") == 1
        modal = leaders[single.to_numpy()].set_index("uprn")["value"]
        frame = frame.assign(modal=frame["uprn"].map(modal)).dropna(subset=["modal"])
        frame = frame[frame["value"] != frame["modal"]]
        position = records.index[records["unique_id"].isin(frame["id"])]
        values = distinct[frame.set_index("id").loc[records.loc[position, "unique_id"], "modal"].to_numpy()
                          .astype(np.int64)]
        if column == "flat":
            values = np.where(values == "-", None, values)
        records.loc[position, column] = values
        changed.update(frame["id"])
    return records, len(changed)


def _flats_of_lone_uprns_unread(records, rows, claimed):
    """(records, how many rows changed): a row whose UPRN no other row gives, naming a flat that rows of another UPRN
    (given twice or more) write as theirs, has its flat taken as not known ('?'). Its UPRN says it is another home
    than the flat it writes (a council tax row of Flat 5 writing 'Flat 21, Block A' with Flat 5's UPRN), so its text
    should not make every other row of Flat 21 match two homes."""
    import pandas as pd

    uprn = _codes(rows["uprn"])
    alone = pd.Series(uprn).groupby(uprn).transform("size").to_numpy() == 1
    named = rows["flat"].notna().to_numpy() & ~rows["flat"].isin(["-", "?"]).to_numpy()
    chosen = rows.index[alone & named & claimed]
    if not len(chosen):
        return records, 0
    records = records.copy()
    records.loc[chosen, "flat"] = "?"
    return records, len(chosen)


def _home_of_another_uprn(rows):
    """(claimed, written) for each row: written, it names a home (a flat or a house number); claimed, that home as
    written (flat, number, building, street, postcode) is written by rows of another UPRN, given by two rows or more
    (the home has a UPRN of its own)."""
    import pandas as pd

    uprn = _codes(rows["uprn"])
    home = _group_ids(rows["flat"], rows["number"], rows["building"], rows["street"], rows["postcode"])
    written = rows["flat"].notna().to_numpy() | rows["number"].notna().to_numpy()
    given = pd.Series(uprn).groupby(uprn).transform("size").to_numpy()
    home_and_uprn = pd.Series(_group_ids(home, uprn))
    established = written & (given >= 2)
    frame = pd.DataFrame({"home": home, "uprn": uprn})
    owners = frame["home"].map(frame[established].groupby("home")["uprn"].nunique()).fillna(0).to_numpy()
    # the row's own UPRN among the home's owners does not count
    own = home_and_uprn.isin(home_and_uprn[established]).to_numpy()
    return (owners - own >= 1) & written, written


def _level(label, sql, m, u=None, null=False, tf=None):
    level = {"sql_condition": sql, "label_for_charts": label, "m_probability": m}
    if u is not None:  # for a level random pairs may never reach (the estimate replaces it when they do)
        level["u_probability"] = u
    if null:
        level = {"sql_condition": sql, "label_for_charts": label, "is_null_level": True}
    if tf:
        level.update(tf_adjustment_column=tf, tf_adjustment_weight=1.0)
    return level


# The comparisons, with the prior m of each level: how often one household's own records fall in it (set from
# how council address data goes wrong; learnt values replace them in proportion to the evidence).
COMPARISONS = [
    {"output_column_name": "postcode", "comparison_description": "postcode", "comparison_levels": [
        _level("missing", "postcode_l IS NULL OR postcode_r IS NULL", None, null=True),
        _level("same", "postcode_l = postcode_r", 0.93),
        _level("one character apart", "levenshtein(postcode_l, postcode_r) <= 1", 0.05),
        _level("different", "ELSE", 0.02)]},
    # the house number, or the building name where there is no number
    {"output_column_name": "premise", "comparison_description": "house number or name", "comparison_levels": [
        _level("missing", "(number_l IS NULL AND building_l IS NULL) OR (number_r IS NULL AND building_r IS NULL)",
               None, null=True),
        _level("same number", "number_l = number_r", 0.92),
        # '14-16' and '16': a range and a number in it, or two overlapping ranges
        _level("numbers overlap", "number_low_l <= number_high_r AND number_low_r <= number_high_l", 0.01, u=0.0005),
        _level("same building name", "building_l IS NOT NULL AND building_r IS NOT NULL AND "
               "jaro_winkler_similarity(building_l, building_r) >= 0.9", 0.04, u=0.001),
        _level("number on one side only", "number_l IS NULL OR number_r IS NULL", 0.02),
        _level("different", "ELSE", 0.02)]},
    # the flat tells neighbours in one building apart: "52 Milner Road" and "Flat 2, 52 Milner Road" are two homes
    {"output_column_name": "flat", "comparison_description": "flat", "comparison_levels": [
        _level("missing", "flat_l IS NULL OR flat_r IS NULL", None, null=True),  # never: no flat is '-'
        _level("same flat", "flat_l = flat_r AND flat_l <> '-'", 0.30),
        _level("neither a flat", "flat_l = '-' AND flat_r = '-'", 0.64),
        _level("flat on one side only", "flat_l = '-' OR flat_r = '-'", 0.03),
        _level("different flats", "ELSE", 0.03)]},
    {"output_column_name": "street", "comparison_description": "street", "comparison_levels": [
        _level("missing", "street_l IS NULL OR street_r IS NULL", None, null=True),
        _level("same", "street_l = street_r", 0.85, tf="street"),
        _level("nearly the same", "jaro_winkler_similarity(street_l, street_r) >= 0.92", 0.08),
        _level("similar", "jaro_winkler_similarity(street_l, street_r) >= 0.8", 0.04),
        _level("different", "ELSE", 0.03)]},
]


def _settings(probability, prior_m=True):
    """Splink settings; without prior_m the m values start unset, so that a level no training pair reached stays
    visibly untrained (the blend then counts it as seen 0 times)."""
    import copy

    comparisons = copy.deepcopy(COMPARISONS)
    if not prior_m:
        for comparison in comparisons:
            for level in comparison["comparison_levels"]:
                level.pop("m_probability", None)
    return {"link_type": "dedupe_only", "unique_id_column_name": "unique_id",
            "probability_two_random_records_match": probability,
            "blocking_rules_to_generate_predictions": [
                "l.postcode = r.postcode", "l.street = r.street AND l.number = r.number",
                "l.street = r.street AND l.building = r.building",
                # a mistyped postcode and street: the same number and flat in one postcode sector
                "l.number = r.number AND l.flat = r.flat AND "
                "left(l.postcode, length(l.postcode) - 2) = left(r.postcode, length(r.postcode) - 2)"],
            "comparisons": comparisons,
            "retain_intermediate_calculation_columns": True, "retain_matching_columns": False,
            "additional_columns_to_retain": []}


def _label_training_rows(records):
    """The rows m is learnt from where UPRNs are given, and the files left out as copies of another: one row per UPRN
    and file, so that each home gives one pair per pair of files that list it. A file's repeated rows of one home
    (people at one address, written by one system alike) and a file given twice (two years of one system) would
    otherwise teach the model that a home's rows agree far more often than files written by different systems do,
    and push every pair that differs somewhere below the review band."""
    with_uprn = records[records["uprn"].notna()]
    if "source" not in with_uprn.columns:
        return with_uprn[["unique_id", "uprn"]], []
    once = with_uprn.drop_duplicates(["uprn", "source"])
    copies = _copies_of_files(once)
    return once.loc[~once["source"].isin(copies), ["unique_id", "uprn"]], copies


COPY_SHARE = 0.9  # a file writing this share of the homes it shares with another file as that file does is a copy
MIN_HOMES_TO_CALL_A_COPY = 50


def _copies_of_files(rows):
    """The files (after the first of each set) that write the homes they share with an earlier file, by UPRN, in
    the same words for COPY_SHARE of them: the same export again, not a second system's record of the homes. Two
    systems write an address differently (case, commas, abbreviations) even where both are right. rows: one row per
    UPRN and file."""
    if "written" not in rows.columns:
        return []
    sources = list(dict.fromkeys(rows["source"]))
    written = {source: rows.loc[rows["source"] == source].set_index("uprn")["written"].fillna("").astype(str)
               for source in sources}
    copies = []
    for k, first in enumerate(sources):
        for later in sources[k + 1:]:
            if first in copies or later in copies:
                continue
            shared = written[first].index.intersection(written[later].index)
            if len(shared) >= MIN_HOMES_TO_CALL_A_COPY and \
                    (written[first][shared] == written[later][shared]).mean() >= COPY_SHARE:
                copies.append(later)
    return copies


def _without_term_frequencies(settings):
    """settings without the street term-frequency adjustment: m does not use it, and the term frequencies of the
    training rows alone would otherwise be the ones the engine holds (and predicts with) for the street."""
    import copy

    settings = copy.deepcopy(settings)
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            level.pop("tf_adjustment_column", None)
            level.pop("tf_adjustment_weight", None)
    return settings


def _with_m_of(model, source):
    """model with the m of every level taken from source (a settings dict, trained or the prior COMPARISONS)."""
    for comparison, learnt in zip(model["comparisons"], source["comparisons"]):
        for level, values in zip(comparison["comparison_levels"], learnt["comparison_levels"]):
            if "m_probability" in values:
                level["m_probability"] = values["m_probability"]
            else:
                level.pop("m_probability", None)
    return model


# the levels at which a home's own rows agree; expectation maximisation that finds them less often than not has
# learnt another class than homes (neighbours in one postcode or street, which the training blocks bring together)
AGREEING_LEVELS = {"premise": ("same number", "same building name"), "flat": ("same flat", "neither a flat")}


def _learnt_homes(model):
    """Whether a model learnt by expectation maximisation has homes for its matches: a home's rows agree on the
    house number or name, and on the flat, more often than they disagree."""
    for comparison in model["comparisons"]:
        agreeing = AGREEING_LEVELS.get(comparison["output_column_name"])
        if agreeing:
            m = sum(level.get("m_probability") or 0.0 for level in comparison["comparison_levels"]
                    if level["label_for_charts"] in agreeing)
            if m < 0.5:
                return False
    return True


def _blend_with_prior(trained, evidence):
    """Learnt m pulled towards the prior in proportion to the evidence (PRIOR_PAIRS pseudo-pairs of prior). A
    level no labelled pair reached was seen 0 times: its learnt m is 0, not unknown."""
    for comparison, prior in zip(trained["comparisons"], COMPARISONS):
        levels = [(lv, pv) for lv, pv in zip(comparison["comparison_levels"], prior["comparison_levels"])
                  if not pv.get("is_null_level")]
        blended = []
        for level, prior_level in levels:
            learnt = level.get("m_probability")
            if learnt is None or not np.isfinite(learnt):
                learnt = 0.0 if evidence else prior_level["m_probability"]
            blended.append((evidence * learnt + PRIOR_PAIRS * prior_level["m_probability"]) / (evidence + PRIOR_PAIRS))
        total = sum(blended)
        for (level, _), value in zip(levels, blended):
            level["m_probability"] = value / total
    return trained


NEIGHBOUR_COMPARISONS = ("premise", "flat")
MIN_NEIGHBOUR_PAIRS = 500
NEIGHBOUR_SAMPLE = 200_000


def _u_among_neighbours(connection, records, model):
    """u of the house number and flat comparisons among homes in the same postcode, not among random pairs.

    Neighbours share a postcode and a street, so agreeing on those says little once they agree: what tells two
    homes in one postcode apart is the number and the flat, and how often *different* homes in one postcode agree
    on them is far higher than among random pairs (flats 4 and 5 of number 16 agree on the number). Learnt from
    pairs in one postcode with two different UPRNs (known to be different homes) where there are enough, else
    from all pairs in one postcode. Returns how it was learnt (for the processing record)."""
    low, high = _number_span(records["number"])
    frame = records[["unique_id", "uprn", "postcode", "number", "building"]].assign(
        flat=records["flat"].fillna("-"), number_low=low, number_high=high)
    connection.register("neighbour_records", frame)
    labelled_filter = "l.uprn IS NOT NULL AND r.uprn IS NOT NULL AND l.uprn <> r.uprn"
    base = ("SELECT l.unique_id AS id_l, r.unique_id AS id_r, l.number AS number_l, r.number AS number_r, "
            "l.building AS building_l, r.building AS building_r, "
            "l.flat AS flat_l, r.flat AS flat_r, l.number_low AS number_low_l, r.number_low AS number_low_r, "
            "l.number_high AS number_high_l, r.number_high AS number_high_r FROM neighbour_records l "
            "JOIN neighbour_records r "
            "ON l.postcode = r.postcode AND l.unique_id < r.unique_id")
    # the pairs once, as a table of at most NEIGHBOUR_SAMPLE (a county has millions; a sample gives the same shares),
    # chosen by a hash of the ids: the same pairs on every run, whatever the threads or the engine
    sample = " ORDER BY hash(id_l, id_r), id_l, id_r LIMIT {}".format(NEIGHBOUR_SAMPLE)
    connection.execute("CREATE OR REPLACE TEMP TABLE neighbour_pairs AS SELECT * FROM ({} AND {}) {}".format(
        base, labelled_filter, sample))
    labelled = connection.execute("SELECT count(*) FROM neighbour_pairs").fetchall()[0][0]
    if labelled >= MIN_NEIGHBOUR_PAIRS:
        pairs, how = "SELECT * FROM neighbour_pairs", "pairs of different UPRNs in one postcode"
    else:
        connection.execute("CREATE OR REPLACE TEMP TABLE neighbour_pairs AS SELECT * FROM ({}) {}".format(base, sample))
        pairs, how = "SELECT * FROM neighbour_pairs", "all pairs in one postcode (too few pairs of different UPRNs)"
    total_pairs = connection.execute("SELECT count(*) FROM neighbour_pairs").fetchall()[0][0]
    if total_pairs < MIN_NEIGHBOUR_PAIRS:
        connection.execute("DROP TABLE neighbour_pairs")
        connection.unregister("neighbour_records")
        return "random pairs (too few pairs in one postcode)"
    for comparison in model["comparisons"]:
        if comparison["output_column_name"] not in NEIGHBOUR_COMPARISONS:
            continue
        levels = comparison["comparison_levels"]
        cases = " ".join("WHEN {} THEN {}".format(lv["sql_condition"], k) for k, lv in enumerate(levels)
                         if lv["sql_condition"].strip().upper() != "ELSE")
        counts = dict(connection.execute("SELECT CASE {} ELSE {} END AS level, count(*) FROM ({}) GROUP BY 1".format(
            cases, len(levels) - 1, pairs)).fetchall())
        seen = sum(n for k, n in counts.items() if not levels[k].get("is_null_level"))
        for k, level in enumerate(levels):
            if not level.get("is_null_level") and seen:
                # a level no neighbour pair reached is given half a pair, not zero (log of zero)
                level["u_probability"] = max(counts.get(k, 0), 0.5) / seen
    connection.execute("DROP TABLE neighbour_pairs")
    connection.unregister("neighbour_records")
    return how


def _describe(model):
    """The trained parameters, for the processing record."""
    out = {}
    for comparison in model["comparisons"]:
        levels = []
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            levels.append({"level": level["label_for_charts"], "m": _round(m), "u": _round(u),
                           "weight": _round(math.log2(m / u)) if m and u else None})
        out[comparison["output_column_name"]] = levels
    return out


def _round(value):
    return None if value is None else float(f"{value:.4g}")


def _splink_predict(records, review_low, seed, threshold=0.9, engine=None, decided_pairs=()):
    import logging

    import pandas as pd
    from splink import Linker, block_on

    from .linkage_engines import open_engine, trained, u_from_random_pairs

    engine = open_engine(engine)  # Splink on DuckDB here, or on Spark (linkage_engines.py)
    # "no flat" is a value: a house and a flat at the same number are different homes
    low, high = _number_span(records["number"])
    frame = records[["unique_id", "uprn", "postcode", "number", "building", "street"]].assign(
        flat=records["flat"].fillna("-"), number_low=low, number_high=high)
    table = engine.register(frame)
    # prior that two random rows are one home: about one in the number of rows (refined below)
    labelled, copies = _label_training_rows(records)
    uprn_sizes = labelled["uprn"].value_counts()
    uprn_pairs = int((uprn_sizes * (uprn_sizes - 1) // 2).sum())
    by_label = uprn_pairs >= MIN_UPRN_PAIRS
    settings = _settings(min(0.5, 1.0 / max(len(records), 2)), prior_m=not by_label)
    # u from every pair of a seeded sample of rows, scored the same way whichever engine links
    settings = u_from_random_pairs(engine, frame, settings, min(2e6, len(records) * 200), seed)
    # Splink's own warnings (an m it could not train on few rows, untrained u values) are not the user's to act on:
    # what the model learnt, and from what, is in the processing record
    linker = Linker(table, engine.settings(settings), log_level=logging.ERROR)
    sizes = records.dropna(subset=["postcode", "number", "street"]).groupby(
        ["postcode", "number", "street", records["flat"].fillna("-")]).size()
    if (sizes > 1).any():  # with no exact pairs at all (tiny inputs) the estimate would be 0: keep the prior
        linker.training.estimate_probability_two_random_records_match(
            [block_on("postcode", "number", "street", "flat")], recall=0.7)

    # m: from pairs sharing a UPRN where there are enough of them, else by expectation maximisation
    if by_label:
        source, evidence = "pairs of rows sharing a UPRN", uprn_pairs
    elif len(records) < MIN_EM_RECORDS:
        source, evidence = "prior (too few rows to learn from)", 0
    else:
        source, evidence = "expectation maximisation (too few rows share a UPRN)", 0
        try:
            for rule in (block_on("postcode"), block_on("street", "number")):
                linker.training.estimate_parameters_using_expectation_maximisation(rule)
            evidence = min(len(records), 1000)
        except Exception:  # EM can fail to converge on tiny or uniform inputs: the prior stands
            source = "prior (expectation maximisation did not converge)"
    model = trained(linker, settings)
    if by_label:
        # m from the labelled pairs alone, in their own linker: u and the prior stay as learnt from every row
        label_linker = Linker(engine.register(frame[frame["unique_id"].isin(labelled["unique_id"])]),
                              engine.settings(_without_term_frequencies(settings)), log_level=logging.ERROR)
        label_linker.training.estimate_m_from_label_column("uprn")
        model = _with_m_of(model, trained(label_linker, settings))
    elif evidence and not _learnt_homes(model):
        source, evidence = "prior (expectation maximisation learnt neighbours, not homes)", 0
        model = _with_m_of(model, {"comparisons": COMPARISONS})
    model = _blend_with_prior(model, evidence)
    neighbours = _u_among_neighbours(engine.local, records, model)
    linker = Linker(table, engine.settings(model), log_level=logging.ERROR)
    predicted = linker.inference.predict(threshold_match_probability=review_low)
    # Only a few columns leave the engine: every link, and the borderline pairs most likely to be links first (a
    # clerical review list longer than REVIEW_LIMIT is read by no one). A county's predictions stay in the engine
    # (DuckDB spills to disk) rather than in pandas. Partial weights: Splink leaves out a comparison whose weight is
    # the same for every pair.
    weights = ["mw_" + c["output_column_name"] for c in COMPARISONS] + ["mw_tf_adj_street"]
    links, review = engine.predictions(predicted, ["unique_id_l", "unique_id_r", "match_weight", "match_probability"]
                                       + weights, threshold, REVIEW_LIMIT)
    decided = _scored_pairs(linker, engine, frame, decided_pairs, ["unique_id_l", "unique_id_r", "match_weight",
                                                                   "match_probability"] + weights)
    engine.finish()
    described = {"m_learnt_from": source, "labelled_pairs": evidence, "prior_worth_pairs": PRIOR_PAIRS,
                 "labelled_pairs_counted": "one per home and pair of files listing it" if by_label else None,
                 "files_left_out_of_training_as_copies": [str(name) for name in copies],
                 "probability_two_random_records_match": _round(model["probability_two_random_records_match"]),
                 "street_term_frequency_adjustment": True,
                 "u_of_house_number_and_flat_from": neighbours, "comparisons": _describe(model)}
    return pd.concat([links, review], ignore_index=True), model, described, decided


SCORED_AT_ONCE = 200  # decided pairs scored in one query: their left rows against their right rows


def _scored_pairs(linker, engine, frame, pairs, columns):
    """The given pairs of rows (unique ids) scored by the trained linker as predict scores a pair (the same comparison
    levels, weights and street frequencies), whether or not a blocking rule brings them together: the pairs an
    officer decided in an earlier review, which this run may not score, are shown with the evidence. frame: the rows
    as the linker was given them. Splink's score_pairs compares every left row with every right row, so the pairs are
    scored a few at a time and only the pairs asked for kept."""
    import pandas as pd

    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    pairs = np.unique(np.sort(pairs[pairs[:, 0] != pairs[:, 1]], axis=1), axis=0)
    scored = []
    for start in range(0, len(pairs), SCORED_AT_ONCE):
        chunk = pairs[start:start + SCORED_AT_ONCE]
        left, right = (engine.register(frame[frame["unique_id"].isin(chunk[:, k])].reset_index(drop=True))
                       for k in (0, 1))
        table, _ = engine.predictions(linker.inference.score_pairs(left, right), columns, 0.0, 0)
        wanted = pd.DataFrame(chunk, columns=["unique_id_l", "unique_id_r"])
        scored.append(wanted.merge(table.astype({"unique_id_l": np.int64, "unique_id_r": np.int64}),
                                   on=["unique_id_l", "unique_id_r"]))
    return pd.concat(scored, ignore_index=True) if scored else pd.DataFrame(columns=columns)


def _label_levels(pairs, model):
    """Each comparison's level in words and its partial weight, from Splink's partial weights (mw_*): the level is
    the one whose weight log2(m/u) the pair received."""
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        labels, weights = ["missing"], [0.0]
        for level in comparison["comparison_levels"]:
            m, u = level.get("m_probability"), level.get("u_probability")
            if not level.get("is_null_level") and m and u:
                labels.append(level["label_for_charts"])
                weights.append(math.log2(m / u))
        if "mw_" + name not in pairs:
            pairs[name], pairs[name + "_weight"] = None, np.nan
            continue
        received = pairs.pop("mw_" + name).to_numpy(dtype=float)
        nearest = np.abs(received[:, None] - np.array(weights)[None, :]).argmin(axis=1)
        pairs[name] = np.array(labels, dtype=object)[nearest]
        pairs[name + "_weight"] = np.round(received, 2)
    if "mw_tf_adj_street" in pairs:
        tf = pairs.pop("mw_tf_adj_street").fillna(0).to_numpy(dtype=float)
        pairs["street_weight"] = np.round(pairs["street_weight"] + tf, 2)  # a common street name counts for less
    return pairs
